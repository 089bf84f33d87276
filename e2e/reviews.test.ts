/**
 * The quarterly review in the browser (issue 6): the CAMVS coordinator drafts the review of
 * the 3rd quarter of 2021, finds the sections of the seed review, rewrites the FA 6 section,
 * saves, publishes, downloads the DOCX and the PDF; a partner then reads the published
 * version. Axe on each page. REVIEW_SHOTS=dir also saves screenshots at 1280 and 360 px.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pdfText } from "../server/testing/office.js";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);
const FA6 = "FICHE ACTION 6 « Journée de la Santé »";
const TEXT = "Les Rencontres de la Santé reviendront le 29 juin 2022 au Mée-sur-Seine, avec un stand de dépistage.";
const SHOTS = process.env.REVIEW_SHOTS;
/** What the first test leaves for the second: the contract's path and the published review. */
const drafted = { contract: "", reviewId: "" };

interface Section {
  key: string;
  title: string;
  html: string;
  hidden: boolean;
}

/** Screenshots of the page as it is, wide and narrow (only when REVIEW_SHOTS names a folder). */
async function shots(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(SHOTS, `${name}-360.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) console.warn(`${name}: ${overflow}px wider than 360px`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Clicks a download button (the file is prepared on the server with a progress bar) and gives the file's bytes. */
async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button, exact: true }).click()]);
  const path = await file.path();
  return readFile(path);
}

describe("the quarterly review of the 3rd quarter of 2021", () => {
  it("is drafted, edited, published and downloaded by the coordinator, then read by a partner", async () => {
    const { page, ctx } = browser;
    const violations: Record<string, string[]> = {};
    await page.goto(ctx.baseUrl);
    await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    const contract = new URL(page.url()).pathname;

    // 1. The list of the contract's quarters, from the contract's page.
    await page.getByRole("link", { name: /Revues trimestrielles/ }).click();
    await page.getByRole("heading", { level: 1, name: "Revues trimestrielles" }).waitFor();
    const quarter = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "3e trimestre 2021" }) });
    await quarter.getByText("Pas encore de revue").waitFor();
    violations.list = await seriousViolations(page);
    await shots(page, "list-coordination");

    // 2. The draft, with the sections of the seed review.
    await quarter.getByRole("button", { name: "Rédiger la revue du 3e trimestre 2021" }).click();
    await page.getByRole("heading", { level: 1, name: "Revue trimestrielle — 3e trimestre 2021" }).waitFor();
    const fa6 = page.getByRole("region", { name: new RegExp(FA6) });
    await fa6.waitFor();
    for (const n of [1, 3, 4, 5, 9, 10, 14]) await page.getByRole("region", { name: new RegExp(`FICHE ACTION ${n} «`) }).waitFor();
    expect(await fa6.getByRole("heading").first().textContent()).toMatch(/^2\. [a-z]\. FICHE ACTION 6/);
    violations.editor = await seriousViolations(page);
    await shots(page, "editor");

    // 3. The coordinator rewrites the FA 6 section and saves.
    const editor = fa6.getByRole("textbox", { name: "Texte de la section" });
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(TEXT);
    await page.getByText("Modifications non enregistrées").waitFor();
    // Leaving by a link of the app asks first; staying keeps the text.
    const asked = new Promise<string>((resolve) => page.once("dialog", (dialog) => void dialog.dismiss().then(() => resolve(dialog.message()))));
    await page.getByRole("navigation", { name: /vous êtes ici/ }).getByRole("link", { name: "Revues trimestrielles" }).click();
    expect(await asked).toMatch(/ne sont pas enregistrées/);
    expect(await editor.textContent()).toContain(TEXT);
    // Saved with the keyboard: the focus stays on the button, which says it has nothing left to save (RGAA 12.8, 7.1).
    const saveButton = page.getByRole("button", { name: "Enregistrer", exact: true });
    await saveButton.focus();
    await page.keyboard.press("Enter");
    const savedNotice = page.getByText(/Revue enregistrée à/);
    await savedNotice.waitFor();
    await expect(saveButton.getAttribute("aria-disabled")).resolves.toBe("true");
    await expect(saveButton.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Said once: in one polite live region, not in an alert inside it.
    await expect(savedNotice.evaluate((el) => { const live: string[] = []; for (let n: Element | null = el; n; n = n.parentElement) if (n.matches("[aria-live], [role=alert], [role=status], [role=log]")) live.push(`${n.getAttribute("role")}/${n.getAttribute("aria-live")}`); return live; })).resolves.toEqual(["status/polite"]);
    const reviewId = new URL(page.url()).pathname.split("/").at(-1)!;
    Object.assign(drafted, { contract, reviewId });
    const saved = await ctx.api.inject(`/api/reviews/${reviewId}`);
    const section = (saved.json() as { sections: { title: string; html: string; edited: boolean }[] }).sections.find((s) => s.title === FA6)!;
    expect(section.html).toContain(TEXT);
    expect(section.edited).toBe(true);

    // 4. Moving a section with the keyboard keeps the focus on the moved section's button.
    const moveUp = fa6.getByRole("button", { name: `Monter la section « ${FA6} »` });
    await moveUp.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("title"))).toBe(`Monter la section « ${FA6} »`);
    await fa6.getByRole("button", { name: `Descendre la section « ${FA6} »` }).click();
    await page.getByText("Toutes les modifications sont enregistrées.").waitFor();

    // The preview shows the document as it will be published.
    await page.getByRole("button", { name: "Aperçu du document" }).click();
    await page.getByRole("article", { name: "Revue trimestrielle — 3e trimestre 2021" }).getByText(TEXT).waitFor();
    violations.preview = await seriousViolations(page);
    await page.getByRole("button", { name: "Aperçu du document" }).click();
    await fa6.waitFor();

    // 5. Publication: the members are told. Escape closes the confirmation and gives the focus back to « Publier ».
    const publishButton = page.getByRole("button", { name: "Publier", exact: true });
    await publishButton.click();
    await page.getByRole("group", { name: "Publier la revue ?" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("group", { name: "Publier la revue ?" }).waitFor({ state: "detached" });
    await expect.poll(() => publishButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(publishButton.getAttribute("aria-expanded")).resolves.toBe("false");
    await publishButton.click();
    await page.getByRole("group", { name: "Publier la revue ?" }).getByText(/membres du contrat recevront un courriel/).waitFor();
    await shots(page, "publish-confirmation");
    await page.getByRole("button", { name: "Publier la revue", exact: true }).click();
    await page.getByText("Version 1 publiée", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Corriger" }).waitFor();
    await page.getByRole("link", { name: "Version 1", exact: true }).waitFor();
    violations.published = await seriousViolations(page);
    await shots(page, "published-coordination");

    // 6. The files of version 1: Word and PDF, with the coordinator's text.
    const docx = await download(page, "Word (DOCX)");
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    const documentXml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    expect(documentXml).toContain("Les Rencontres de la Santé reviendront le 29 juin 2022");
    const pdf = await download(page, "PDF");
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect((await pdfText(pdf)).replace(/\s+/g, " ")).toContain("Les Rencontres de la Santé reviendront le 29 juin 2022");

    // 7. A partner reads the published review.
    const partnerContext = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    await signInContext(partnerContext, ctx.baseUrl, DEMO_ACCOUNTS.partner);
    const partner = await partnerContext.newPage();
    try {
      await partner.goto(`${ctx.baseUrl}${contract}/revues`);
      await partner.getByRole("heading", { level: 1, name: "Revues trimestrielles" }).waitFor();
      expect(await partner.getByRole("button", { name: /Rédiger la revue/ }).count()).toBe(0);
      expect(await partner.getByText("Réglages des revues").count()).toBe(0);
      violations.partnerList = await seriousViolations(partner);
      await shots(partner, "list-partner");
      await partner.getByRole("link", { name: "Lire la revue du 3e trimestre 2021" }).click();
      await partner.getByRole("heading", { level: 1, name: "Revue trimestrielle — 3e trimestre 2021" }).waitFor();
      const read = partner.getByRole("article", { name: "Revue trimestrielle — 3e trimestre 2021" });
      await read.getByText(TEXT).waitFor();
      await read.getByText(/Version 1 publiée le .* par Marie Dupont/).waitFor();
      expect(await partner.getByRole("textbox").count()).toBe(0);
      violations.partnerRead = await seriousViolations(partner);
      await shots(partner, "read-partner");

      await partner.goto(`${ctx.baseUrl}${contract}/revues/${reviewId}/versions/1`);
      await partner.getByRole("heading", { level: 1, name: "Revue trimestrielle — 3e trimestre 2021 — version 1" }).waitFor();
      await partner.getByRole("heading", { name: /^2\. Déploiement du CLS$/ }).waitFor();
      await partner.getByText(TEXT).waitFor();
      violations.version = await seriousViolations(partner);
      await shots(partner, "version-partner");

      // The partner's reminder preference, on « Mon compte ».
      await partner.goto(`${ctx.baseUrl}/mon-compte`);
      const reminder = partner.getByRole("checkbox", { name: /Recevoir un rappel avant chaque revue trimestrielle/ });
      expect(await reminder.isChecked()).toBe(true);
      await reminder.uncheck({ force: true });
      await partner.getByText("Vous ne recevrez plus de rappel avant les revues.").waitFor();
      await shots(partner, "account-partner");
      violations.account = await seriousViolations(partner);
    } finally {
      await partnerContext.close();
    }

    expect(violations).toEqual({ list: [], editor: [], preview: [], published: [], partnerList: [], partnerRead: [], version: [], account: [] });
  });

  it("is corrected: refreshed from new data, saved through a conflict without losing the typed text, published as version 2", async () => {
    const { page, ctx } = browser;
    const { contract, reviewId } = drafted;
    expect(reviewId).not.toBe("");
    const violations: Record<string, string[]> = {};
    await page.goto(`${ctx.baseUrl}${contract}/revues/${reviewId}`);
    await page.getByRole("button", { name: "Corriger" }).click();
    await page.getByRole("button", { name: "Publier la version 2" }).waitFor();

    // New data for FA 6 in the quarter, under the coordinator's text.
    const view = (await ctx.api.inject(`/api/reviews/${reviewId}`)).json() as { sections: Section[] };
    const fa6Id = view.sections.find((x) => x.title === FA6)!.key.replace("action:", "");
    const added = await ctx.api.inject({ method: "POST", url: `/api/actions/${fa6Id}/progress`, payload: { happenedOn: "2021-09-28", text: "Bilan des Rencontres présenté aux partenaires." } });
    expect(added.statusCode).toBe(201);

    // 1. Refresh: the coordinator's text is kept, the new draft is offered.
    // « Annuler » closes the confirmation and gives the focus back to the button that opened it.
    const refreshButton = page.getByRole("button", { name: "Actualiser depuis les données" });
    await refreshButton.click();
    await page.getByRole("group", { name: "Actualiser la revue depuis les données du trimestre ?" }).getByRole("button", { name: "Annuler" }).click();
    await expect.poll(() => refreshButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await refreshButton.click();
    await page.getByRole("group", { name: "Actualiser la revue depuis les données du trimestre ?" }).getByText("Vos textes modifiés sont gardés.").waitFor();
    await page.getByRole("button", { name: "Actualiser", exact: true }).click();
    const fa6 = page.getByRole("region", { name: new RegExp(FA6) });
    await fa6.getByText("Les données ont changé", { exact: true }).waitFor();
    await page.getByRole("status").getByRole("link", { name: FA6 }).waitFor();
    await fa6.getByText("Voir le nouveau texte tiré des données").click();
    await fa6.getByText(/Bilan des Rencontres présenté aux partenaires/).waitFor();
    expect(await fa6.getByRole("textbox", { name: "Texte de la section" }).textContent()).toContain(TEXT);
    violations.refreshed = await seriousViolations(page);
    await shots(page, "editor-refreshed");
    await fa6.getByRole("button", { name: "Garder mon texte" }).click();
    await page.getByText("Modifications non enregistrées").waitFor();
    expect(await fa6.getByText("Les données ont changé", { exact: true }).count()).toBe(0);

    // 2. Someone else saves first: the save is refused, the typed text is kept aside and taken back.
    const fa1 = page.getByRole("region", { name: /FICHE ACTION 1 «/ });
    await fa1.getByRole("textbox", { name: "Texte de la section" }).click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Texte tapé pendant que quelqu'un d'autre enregistrait.");
    const current = (await ctx.api.inject(`/api/reviews/${reviewId}`)).json() as { version: number; sections: Section[] };
    const elsewhere = await ctx.api.inject({
      method: "PUT",
      url: `/api/reviews/${reviewId}`,
      payload: { version: current.version, sections: current.sections.map(({ key, title, html, hidden }) => ({ key, title: key === "governance" ? "Gouvernance du CLS" : title, html, hidden })) },
    });
    expect(elsewhere.statusCode).toBe(200);
    await page.keyboard.press("ControlOrMeta+S");
    await page.getByRole("alert").filter({ hasText: "La revue a changé entre-temps" }).waitFor();
    expect(await fa1.getByRole("textbox", { name: "Texte de la section" }).textContent()).toContain("Texte tapé pendant que quelqu'un d'autre enregistrait.");
    violations.conflict = await seriousViolations(page);
    await shots(page, "editor-conflict");
    await page.getByRole("button", { name: "Recharger la revue" }).click();
    await page.getByText(/Vos textes non enregistrés de 1 section sont mis de côté/).waitFor();
    await page.getByRole("region", { name: /Gouvernance du CLS/ }).waitFor();
    await fa1.getByRole("button", { name: "Reprendre mon texte" }).click();
    await fa6.getByRole("button", { name: "Garder mon texte" }).click();
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText(/Revue enregistrée à/).waitFor();
    const after = (await ctx.api.inject(`/api/reviews/${reviewId}`)).json() as { sections: (Section & { refreshState: string })[] };
    expect(after.sections.find((x) => x.title.startsWith("FICHE ACTION 1 «"))!.html).toContain("Texte tapé pendant que quelqu'un d'autre enregistrait.");
    expect(after.sections.find((x) => x.title === FA6)).toMatchObject({ refreshState: "unchanged" });
    expect(after.sections.find((x) => x.key === "governance")!.title).toBe("Gouvernance du CLS");

    // 3. A free section before the annexes, and a generated section hidden.
    await page.getByRole("button", { name: "Ajouter une section libre" }).click();
    const title = page.getByRole("textbox", { name: "Titre de la section" }).and(page.locator(":focus"));
    await title.fill("");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "La revue n'a pas été enregistrée" }).getByRole("link", { name: "Section sans titre : Le titre de la section est obligatoire." }).waitFor();
    await page.getByText("Le titre de la section est obligatoire.", { exact: true }).waitFor();
    await page.getByRole("link", { name: "Section sans titre : Le titre de la section est obligatoire." }).click();
    const invalidTitle = page.locator(":focus");
    expect(await invalidTitle.getAttribute("aria-invalid")).toBe("true");
    await invalidTitle.fill("Perspectives pour le 4e trimestre");
    const free = page.getByRole("region", { name: /Perspectives pour le 4e trimestre/ });
    await free.getByRole("textbox", { name: "Texte de la section" }).click();
    await page.keyboard.type("Préparer le COPIL du 7 décembre.");
    // The other fiches, hidden by default (partners' idle fiches are not put forward), shown by the coordinator; the participation hidden.
    const others = page.getByRole("region", { name: /Autres fiches actions/ });
    await others.getByText("Masquée", { exact: true }).waitFor();
    await others.getByRole("button", { name: /^Afficher/ }).click();
    await others.getByRole("button", { name: /^Masquer/ }).waitFor();
    expect(await others.getByText("Masquée", { exact: true }).count()).toBe(0);
    const participation = page.getByRole("region", { name: /Démocratie sanitaire/ });
    await participation.getByRole("button", { name: /^Masquer/ }).click();
    await participation.getByText("Masquée", { exact: true }).waitFor();
    await shots(page, "editor-free-hidden");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText(/Revue enregistrée à/).waitFor();
    const withFree = (await ctx.api.inject(`/api/reviews/${reviewId}`)).json() as { sections: (Section & { kind: string })[] };
    expect(withFree.sections.find((x) => x.kind === "free")).toMatchObject({ title: "Perspectives pour le 4e trimestre", hidden: false });
    expect(withFree.sections.find((x) => x.key === "unmoved")!.hidden).toBe(false);
    expect(withFree.sections.find((x) => x.key === "participation")!.hidden).toBe(true);

    // 4. Version 2, with its correction note; version 1 stays readable.
    await page.getByRole("button", { name: "Publier la version 2" }).click();
    await page.getByLabel("Note de correction (facultatif)").fill("Ajout du bilan de la FA 1.");
    await page.getByRole("group", { name: "Publier la version 2 de la revue ?" }).getByRole("button", { name: "Publier la version 2" }).click();
    await page.getByText("Version 2 publiée", { exact: true }).waitFor();
    const versions = page.getByRole("table", { name: "Versions publiées de la revue" });
    await versions.getByRole("link", { name: "Version 1", exact: true }).waitFor();
    await versions.getByRole("cell", { name: "Ajout du bilan de la FA 1." }).waitFor();
    await page.goto(`${ctx.baseUrl}${contract}/revues`);
    await page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "3e trimestre 2021" }) }).getByText(/^Version 2 publiée le/).waitFor();
    await page.goto(`${ctx.baseUrl}${contract}/revues/${reviewId}/versions/1`);
    await page.getByText("Cette version a été corrigée : la version 2 est la plus récente.").waitFor();
    expect(await page.getByText("Texte tapé pendant que quelqu'un d'autre enregistrait.").count()).toBe(0);

    // 5. The coordination publishes its reviews on the contract's public page.
    const contractId = contract.split("/").at(-1)!;
    const published = await ctx.api.inject({ method: "PUT", url: `/api/contracts/${contractId}/publication`, payload: { published: true } });
    expect(published.statusCode).toBe(200);
    const { slug } = (await ctx.api.inject(`/api/contracts/${contractId}`)).json() as { slug: string };
    await page.goto(`${ctx.baseUrl}${contract}/revues`);
    await page.getByText("Publier les revues sur la page publique du contrat").click();
    await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await page.getByText("Réglages enregistrés.").waitFor();
    await shots(page, "list-coordination-after");
    violations.settings = await seriousViolations(page);
    await page.goto(`${ctx.baseUrl}/public/${slug}`);
    const link = page.getByRole("link", { name: "Revue trimestrielle du 3e trimestre 2021 (version 2)" });
    await shots(page, "public-page");
    const html = await ctx.api.inject((await link.getAttribute("href"))!);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain("Ajout du bilan de la FA 1.");

    expect(violations).toEqual({ refreshed: [], conflict: [], settings: [] });
  });
});
