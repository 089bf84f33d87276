/**
 * Headings and landmarks as a screen reader lists them (RGAA audit, issue 19 finding 8):
 * a review's sections nest their own headings under their titles, in the editor and in the
 * published version; the questionnaire's alert is an h2 under the h1; the annual report's
 * preview frame brings no second banner or main; the meeting upload describes its field
 * with elements that exist; the rich-text toolbar is one tab stop moved with the arrows.
 */
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signedInClient, type TestClient } from "../server/testing/client.js";
import { DEMO_ACCOUNTS, signInContext, useBrowser } from "./browser.js";
import { allViolations, focused } from "./keyboard.js";

const browser = useBrowser(DEMO_ACCOUNTS.camvsCoordinator);

interface Section {
  key: string;
  kind: string;
  title: string;
  html: string;
  hidden: boolean;
}

/** Every heading of `main` in document order (h1–h6 and role="heading"), as « h2 Titre ». */
const headingsOf = (target: Page | Frame) =>
  target.evaluate(() =>
    [...document.querySelectorAll("main :is(h1, h2, h3, h4, h5, h6, [role=heading])")].map((el) => {
      const level = Number(el.getAttribute("aria-level") ?? el.tagName.slice(1));
      return { level, text: `h${level} ${el.textContent?.replace(/\s+/g, " ").trim().slice(0, 60)}` };
    }),
  );

/** The headings that go more than one level below the heading before them (the first must be an h1). */
async function skippedLevels(target: Page | Frame): Promise<string[]> {
  const headings = await headingsOf(target);
  expect(headings.length).toBeGreaterThan(0);
  return headings.flatMap((h, i) => {
    const previous = headings[i - 1];
    return h.level > (previous?.level ?? 0) + 1 ? [`${previous?.text ?? "(début)"} → ${h.text}`] : [];
  });
}

/** axe's findings on headings, landmarks and ARIA references, whatever their impact (the rest is other findings' business). */
async function outlineViolations(page: Page): Promise<string[]> {
  const rules = /^(heading-order|empty-heading|page-has-heading-one|landmark-[a-z-]+|region|aria-valid-attr-value)\b/;
  return (await allViolations(page)).filter((v) => rules.test(v));
}

/** The CAMVS contract's id, its coordinator's API client. */
async function camvs(): Promise<{ id: string; coordinator: TestClient }> {
  const { ctx } = browser;
  const contracts = (await ctx.api.inject("/api/contracts")).json() as { items: { id: string; slug: string }[] };
  return { id: contracts.items.find((c) => c.slug.startsWith("camvs"))!.id, coordinator: await signedInClient(ctx.app, DEMO_ACCOUNTS.camvsCoordinator) };
}

async function open(path: string, heading: string | RegExp): Promise<Page> {
  const { page, ctx } = browser;
  await page.goto(ctx.baseUrl + path);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  return page;
}

describe("headings and landmarks", () => {
  it("nests a review's section headings under their titles, in the editor and in the published version", async () => {
    const { id, coordinator } = await camvs();
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${id}/reviews`, payload: { year: 2021, quarter: 3 } });
    expect(created.statusCode, created.body).toBe(201);
    let review = created.json() as { id: string; version: number; sections: Section[] };
    // The participation section's meetings, workshops and surveys are drafted as h3, as the editor's « Intertitre ».
    const participation = review.sections.find((s) => s.kind === "participation")!;
    expect(participation.html).toMatch(/^<h3>/);
    expect(participation.html).not.toContain("<h4>");

    // The editor: each section is an h2, its text's headings h3.
    const page = await open(`/contrats/${id}/revues/${review.id}`, "Revue trimestrielle — 3e trimestre 2021");
    await page.getByRole("region", { name: /Démocratie sanitaire/ }).getByRole("textbox", { name: "Texte de la section" }).locator("h3").first().waitFor();
    expect(await skippedLevels(page)).toEqual([]);
    expect(await outlineViolations(page)).toEqual([]);

    // A free section with an intertitle and a subheading, one with an older draft's h4 alone; then version 1.
    const sections = [
      ...review.sections.map(({ key, title, html, hidden }) => ({ key, title, html, hidden })),
      { key: "free:bilan", title: "Bilan de la coordination", html: "<h3>Ce qui a avancé</h3><p>Le diagnostic.</p><h4>Dans le détail</h4><p>Trois quartiers.</p>", hidden: false },
      { key: "free:ancien", title: "Texte d'un ancien brouillon", html: "<h4>Rencontres de la Santé</h4><p>Un stand de dépistage.</p>", hidden: false },
    ];
    const saved = await coordinator.inject({ method: "PUT", url: `/api/reviews/${review.id}`, payload: { version: review.version, sections } });
    expect(saved.statusCode, saved.body).toBe(200);
    review = saved.json() as typeof review;
    const published = await coordinator.inject({ method: "POST", url: `/api/reviews/${review.id}/publish`, payload: { version: review.version } });
    expect(published.statusCode, published.body).toBe(200);

    await open(`/contrats/${id}/revues/${review.id}/versions/1`, "Revue trimestrielle — 3e trimestre 2021 — version 1");
    // Version 1: free sections are parts (h3), the participation section a fiche-like item of « Déploiement du CLS » (h4).
    const tagOf = (section: RegExp, heading: string) => page.getByRole("region", { name: section }).getByRole("heading", { name: heading }).evaluate((el) => el.tagName);
    expect([await tagOf(/Bilan de la coordination/, "Bilan de la coordination"), await tagOf(/Bilan de la coordination/, "Ce qui a avancé"), await tagOf(/Bilan de la coordination/, "Dans le détail")]).toEqual(["H3", "H4", "H5"]);
    expect([await tagOf(/Texte d'un ancien brouillon/, "Texte d'un ancien brouillon"), await tagOf(/Texte d'un ancien brouillon/, "Rencontres de la Santé")]).toEqual(["H3", "H4"]);
    const participationLevels = await page
      .getByRole("region", { name: /Démocratie sanitaire/ })
      .locator(":is(h1, h2, h3, h4, h5, h6)")
      .evaluateAll((headings) => headings.map((h) => h.tagName));
    expect(participationLevels[0]).toBe("H4");
    expect(new Set(participationLevels.slice(1))).toEqual(new Set(["H5"]));
    expect(await skippedLevels(page)).toEqual([]);
    expect(await outlineViolations(page)).toEqual([]);
  }, 120_000);

  it("titles the questionnaire's alerts as h2 under the h1", async () => {
    const { ctx } = browser;
    const { id, coordinator } = await camvs();
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    try {
      await signInContext(context, ctx.baseUrl, DEMO_ACCOUNTS.partner);
      const partner = await context.newPage();
      await partner.goto(`${ctx.baseUrl}/contrats/${id}/evaluation/questionnaire`);
      await partner.getByRole("heading", { level: 1, name: "Questionnaire d'évaluation" }).waitFor();
      await partner.getByRole("heading", { level: 2, name: "Le questionnaire n'est pas encore ouvert" }).waitFor();
      expect(await skippedLevels(partner)).toEqual([]);
      expect(await outlineViolations(partner)).toEqual([]);

      const opened = await coordinator.inject({ method: "POST", url: `/api/contracts/${id}/evaluation/questionnaire`, payload: {} });
      expect(opened.statusCode, opened.body).toBe(200);
      await partner.reload();
      const scale = partner.getByRole("group", { name: /Les axes du contrat répondaient-ils aux besoins de santé du territoire/ });
      await scale.getByText("4", { exact: true }).click();
      await partner.getByRole("button", { name: "Enregistrer mes réponses" }).click();
      await partner.getByRole("heading", { level: 2, name: "Merci, vos réponses sont enregistrées" }).waitFor();
      expect(await skippedLevels(partner)).toEqual([]);
      expect(await outlineViolations(partner)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("previews the annual report without a second banner or main, and keeps the focus on a download button", async () => {
    const { id } = await camvs();
    const page = await open(`/contrats/${id}/bilan-annuel?annee=2021`, "Bilan annuel 2021");
    const frame = page.frameLocator('iframe[title="Aperçu du bilan annuel"]');
    await frame.getByRole("heading", { level: 1, name: /Bilan annuel 2021/ }).waitFor();
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    expect(await inner.evaluate(() => document.querySelectorAll("main, header, footer, nav, aside, [role=main], [role=banner]").length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("main, [role=main]").length)).toBe(1);
    // Its title block keeps the document's style (selected by class).
    expect(await inner.evaluate(() => getComputedStyle(document.querySelector(".title")!).borderLeftStyle)).toBe("solid");
    expect(await outlineViolations(page)).toEqual([]);

    // Downloaded with the keyboard: the busy button keeps the focus, and has it once the file is saved.
    const button = page.getByRole("button", { name: "Télécharger (DOCX)" });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("bilan-annuel-2021.docx");
    await button.waitFor();
    expect(await focused(page)).toMatchObject({ text: "Télécharger (DOCX)" });
  }, 120_000);

  it("describes the meeting upload's field with elements that exist", async () => {
    const { id } = await camvs();
    const page = await open(`/contrats/${id}/reunions`, "Réunions");
    await page.getByRole("link", { name: "Comité technique 2021" }).first().click();
    await page.getByRole("heading", { level: 1, name: /Comité technique 2021/ }).waitFor();
    const missing = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("[aria-describedby], [aria-labelledby]")].flatMap((el) =>
          ["aria-describedby", "aria-labelledby"].flatMap((attr) => (el.getAttribute(attr) ?? "").split(/\s+/).filter((ref) => ref && !document.getElementById(ref)).map((ref) => `${el.id || el.tagName} ${attr}=${ref}`)),
        ),
      );
    const field = page.getByLabel(/^Fichier/);
    await field.waitFor();
    expect(await missing()).toEqual([]);
    // An error describes the field.
    await page.getByRole("button", { name: "Joindre le fichier" }).click();
    await page.getByText("Choisissez un fichier à joindre.").waitFor();
    expect(await missing()).toEqual([]);
    expect(await field.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent)).toBe("Choisissez un fichier à joindre.");
    expect(await outlineViolations(page)).toEqual([]);
  }, 120_000);

  it("makes the rich-text toolbar one tab stop, moved with the arrows, Home and End", async () => {
    const { id } = await camvs();
    const page = await open(`/contrats/${id}/bilan-annuel?annee=2022`, "Bilan annuel 2022");
    const toolbar = page.getByRole("toolbar", { name: /^Mise en forme : Synthèse de l'année/ });
    await toolbar.waitFor();
    const tabStops = () => toolbar.getByRole("button").evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).tabIndex === 0).map((b) => b.getAttribute("aria-label")));
    expect(await tabStops()).toEqual(["Gras"]);
    // From the text, Shift+Tab reaches the toolbar on its one tab stop.
    await page.getByRole("textbox", { name: "Synthèse de l'année" }).focus();
    await page.keyboard.press("Shift+Tab");
    const label = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(await label()).toBe("Gras");
    await page.keyboard.press("ArrowRight");
    expect(await label()).toBe("Italique");
    await page.keyboard.press("End");
    expect(await label()).toBe("Liste numérotée");
    await page.keyboard.press("ArrowRight");
    expect(await label()).toBe("Gras");
    await page.keyboard.press("ArrowLeft");
    expect(await label()).toBe("Liste numérotée");
    await page.keyboard.press("Home");
    expect(await label()).toBe("Gras");
    await page.keyboard.press("ArrowRight");
    expect(await tabStops()).toEqual(["Italique"]);
    // Tab leaves the toolbar for the text; Shift+Tab comes back to the button last used.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("textbox");
    await page.keyboard.press("Shift+Tab");
    expect(await label()).toBe("Italique");
  }, 120_000);
});
