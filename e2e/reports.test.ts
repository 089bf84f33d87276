/**
 * The annual report and the evaluation in the browser: the coordinator previews the
 * annual report of 2021 and downloads its PDF; opens the evaluation questionnaire, which a
 * partner answers; then sees the aggregated answers and records the COPIL validation.
 * axe finds no serious violation on any of these pages.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { pdfText } from "../server/testing/office.js";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

async function openContractView(tile: string, heading: RegExp): Promise<void> {
  const { page, ctx } = browser;
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
  await page.getByRole("navigation", { name: "Pilotage et suivi" }).getByRole("link", { name: tile }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

describe("annual report and evaluation", () => {
  it("previews the annual report of 2021 and downloads it as PDF", async () => {
    const { page } = browser;
    await openContractView("Bilan annuel", /^Bilan annuel \d{4}$/);
    await page.getByLabel("Année du bilan").selectOption("2021");
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.getByRole("heading", { level: 1, name: "Bilan annuel 2021" }).waitFor();
    const preview = page.frameLocator('iframe[title="Aperçu du bilan annuel"]');
    await preview.getByRole("heading", { name: /Gouvernance/ }).first().waitFor();
    await preview.getByText("Comité technique 2021").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger (PDF)" }).click()]);
    expect(download.suggestedFilename()).toBe("bilan-annuel-2021.pdf");
    const text = (await pdfText(await readFile((await download.path())!))).replace(/\s+/g, " ");
    expect(text).toContain("Bilan annuel 2021");
    expect(text).toContain("Comité technique (COTECH)");
    await page.getByRole("button", { name: "Télécharger (PDF)" }).waitFor();
  }, 120_000);

  it("writes the year's synthesis and outlook from Clés's proposal, publishes them after asking, and a partner reads them in the report", async () => {
    const { page, ctx } = browser;
    await openContractView("Bilan annuel", /^Bilan annuel \d{4}$/);
    await page.getByLabel("Année du bilan").selectOption("2022");
    await page.getByRole("button", { name: "Afficher" }).click();
    const section = page.getByRole("region", { name: /Synthèse et perspectives/ });
    await section.getByText("Non rédigées").waitFor();
    // Clés's proposal fills the editors until a text is saved.
    const synthesis = section.getByRole("textbox", { name: "Synthèse de l'année" });
    await synthesis.getByText(/^Au 31 décembre 2022, les 15 fiches actions du contrat/).waitFor();
    await section.getByRole("textbox", { name: "Perspectives" }).getByText(/^En 2023, \d+ étapes? (est|sont) prévues? :/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await synthesis.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Une année marquée par la Journée de la Santé.");
    const save = section.getByRole("button", { name: "Enregistrer le brouillon" });
    await save.click();
    await section.getByText("Brouillon", { exact: true }).waitFor();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Brouillon enregistré" }).count()).toBe(1);
    // The busy button kept the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Enregistrer le brouillon");

    // Lasting: asked first; Escape closes the question and gives the focus back.
    await section.getByRole("button", { name: "Publier…" }).click();
    const question = section.getByRole("group", { name: "Publier la synthèse et les perspectives du bilan 2022 ?" });
    await question.waitFor();
    expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("publier-textes");
    await section.getByRole("button", { name: "Publier…" }).click();
    await question.getByRole("button", { name: "Publier", exact: true }).click();
    await section.getByText("Publiées", { exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("textes-bilan");
    await page.frameLocator('iframe[title="Aperçu du bilan annuel"]').getByText("Une année marquée par la Journée de la Santé.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const context = await ctx.browser.newContext({ locale: "fr-FR" });
    try {
      await signInContext(context, ctx.baseUrl, DEMO_ACCOUNTS.partner);
      const camvs = ((await ctx.api.inject("/api/contracts")).json() as { items: { id: string; slug: string }[] }).items.find((c) => c.slug.startsWith("camvs"))!.id;
      const report = await context.request.get(`${ctx.baseUrl}/api/contracts/${camvs}/annual-report.html?year=2022`);
      const html = await report.text();
      expect(html).toContain("Une année marquée par la Journée de la Santé.");
      expect(html).not.toContain("Texte proposé par Clés");
    } finally {
      await context.close();
    }

    await section.getByRole("button", { name: "Rouvrir pour modifier…" }).click();
    await section.getByRole("button", { name: "Rouvrir pour modifier", exact: true }).click();
    await section.getByText("Brouillon", { exact: true }).waitFor();
    await synthesis.getByText("Une année marquée par la Journée de la Santé.").waitFor();
  }, 120_000);

  it("opens the questionnaire, which a partner answers; the coordinator sees the answers and records the COPIL validation", async () => {
    const { page, ctx } = browser;
    await openContractView("Évaluation", /^Évaluation du contrat$/);
    await page.getByText("En préparation").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // While in preparation, the questions can be changed: one more choice question.
    await page.getByText("Modifier les questions (possible tant que le questionnaire n'est pas envoyé)").click();
    await page.getByRole("button", { name: "Ajouter une question" }).click();
    const added = page.getByRole("group", { name: "Question 10" });
    await added.getByLabel("Intitulé").fill("Souhaitez-vous rester partenaire du prochain contrat ?");
    await added.getByLabel("Partie").selectOption({ label: "Partenariat" });
    await added.getByLabel("Type de réponse").selectOption({ label: "Choix parmi des réponses" });
    await added.getByLabel("Réponses proposées").fill("Oui\nNon\nNe sait pas");
    await page.getByRole("button", { name: "Enregistrer les questions" }).click();
    await page.getByText("Les questions sont enregistrées.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Ouvrir le questionnaire et l'envoyer aux membres" }).click();
    await page.getByText(/Questionnaire ouvert : \d+ membres ont reçu le lien par courriel\./).waitFor();
    const evaluationUrl = page.url();

    // The partner answers, from the link of the mail.
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    try {
      await signInContext(context, ctx.baseUrl, DEMO_ACCOUNTS.partner);
      const partner = await context.newPage();
      await partner.goto(`${evaluationUrl}/questionnaire`);
      await partner.getByRole("heading", { level: 1, name: "Questionnaire d'évaluation" }).waitFor();
      expect(await seriousViolations(partner)).toEqual([]);
      const scale = partner.getByRole("group", { name: /Les axes du contrat répondaient-ils aux besoins de santé du territoire/ });
      await scale.getByText("4", { exact: true }).click();
      const choice = partner.getByRole("group", { name: /Le nombre de fiches actions vous a-t-il paru adapté/ });
      await choice.getByText("Adapté", { exact: true }).click();
      await partner.getByLabel("Qu'est-ce qui améliorerait le partenariat dans le prochain contrat ?").fill("Un annuaire partagé des partenaires.");
      await partner.getByRole("group", { name: "Souhaitez-vous rester partenaire du prochain contrat ?" }).getByText("Oui", { exact: true }).click();
      await partner.getByRole("button", { name: "Enregistrer mes réponses" }).click();
      await partner.getByText("Merci, vos réponses sont enregistrées").waitFor();
      expect(await seriousViolations(partner)).toEqual([]);
    } finally {
      await context.close();
    }

    // The final COPIL, in the contract's last year (the evaluation period): created, then the page read again.
    const camvsId = ((await ctx.api.inject("/api/contracts")).json() as { items: { id: string; slug: string }[] }).items.find((c) => c.slug.startsWith("camvs"))!.id;
    const bodies = (await ctx.api.inject(`/api/contracts/${camvsId}/bodies`)).json() as { items: { id: string; kind: string }[] };
    const finalCopil = await ctx.api.inject({
      method: "POST",
      url: `/api/contracts/${camvsId}/meetings`,
      payload: { bodyId: bodies.items.find((b) => b.kind === "copil")!.id, title: "Comité de pilotage de fin de contrat", startsAt: "2023-12-12T10:00:00+01:00", endsAt: "2023-12-12T12:00:00+01:00" },
    });
    expect(finalCopil.statusCode, finalCopil.body).toBe(201);
    // An empty evaluation cannot be validated: its conclusion, written.
    const { version } = (await ctx.api.inject(`/api/contracts/${camvsId}/evaluation`)).json() as { version: number };
    const written = await ctx.api.inject({ method: "PUT", url: `/api/contracts/${camvsId}/evaluation`, payload: { parts: [{ key: "conclusion", html: "<p>Un contrat mené à son terme.</p>" }], version } });
    expect(written.statusCode, written.body).toBe(200);
    await page.reload();
    await page.getByText("1 membre a répondu", { exact: false }).waitFor();
    await page.getByText("Un annuaire partagé des partenaires.").waitFor();
    await page.getByRole("button", { name: "Clore le questionnaire" }).click();
    await page.getByText("Questionnaire clos", { exact: true }).waitFor();
    await page.getByLabel("Réunion du COPIL qui a validé l'évaluation").selectOption({ label: "Comité de pilotage de fin de contrat — 12/12/2023" });
    // Lasting: asked twice, the second time naming the meeting; the focus goes to the confirmation.
    await page.getByRole("button", { name: "Enregistrer la validation" }).click();
    await page.getByText("L'évaluation sera figée", { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Confirmer la validation");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Confirmer la validation" }).click();
    await page.getByText(/Évaluation validée par le Comité de pilotage du 12\/12\/2023/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const camvs = ((await ctx.api.inject("/api/contracts")).json() as { items: { id: string; slug: string }[] }).items.find((c) => c.slug.startsWith("camvs"))!;
    const evaluation = (await ctx.api.inject(`/api/contracts/${camvs.id}/evaluation`)).json() as { status: string; respondents: number; validatedOn: string };
    expect(evaluation).toMatchObject({ status: "validated", respondents: 1, validatedOn: "2023-12-12" });
  }, 180_000);
});
