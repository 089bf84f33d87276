import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seriousViolations, startBrowserTest, type BrowserContext } from "./browser.js";

let ctx: BrowserContext;
let page: Page;

beforeAll(async () => {
  ctx = await startBrowserTest();
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", acceptDownloads: true });
  page = await context.newPage();
  return async () => {
    await context.close();
  };
});

async function openCamvs(): Promise<string> {
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: "Contrat Local de Santé de la Communauté d'agglomération Melun Val de Seine", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
  return new URL(page.url()).pathname;
}

describe("contract management in the browser", () => {
  it("has no serious or critical accessibility violation on the other pages", async () => {
    const report: Record<string, string[]> = {};
    await page.goto(ctx.baseUrl);
    await page.getByRole("heading", { level: 1, name: "Contrats locaux de santé" }).waitFor();
    report.home = await seriousViolations(page);
    const path = await openCamvs();
    for (const [name, suffix, heading] of [
      ["edit", "/modifier", "Modifier le contrat"],
      ["axes", "/axes", "Axes, objectifs et ordre des fiches"],
      ["directory", "/annuaire", "Annuaire du contrat"],
      ["newFiche", "/fiches/nouvelle", "Nouvelle fiche action"],
    ] as const) {
      await page.goto(ctx.baseUrl + path + suffix);
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      report[name] = await seriousViolations(page);
    }
    await page.goto(`${ctx.baseUrl}/importer`);
    await page.getByRole("heading", { level: 1, name: "Importer un contrat" }).waitFor();
    report.import = await seriousViolations(page);
    expect(report).toEqual({ home: [], edit: [], axes: [], directory: [], newFiche: [], import: [] });
  });

  it("creates a fiche in an objective, with a new partner organisation added on the spot", async () => {
    const path = await openCamvs();
    await page.goto(`${ctx.baseUrl}${path}/fiches/nouvelle`);
    await page.getByRole("heading", { level: 1, name: "Nouvelle fiche action" }).waitFor();
    await expect(page.getByLabel("Numéro").inputValue()).resolves.toBe("16");
    await page.getByLabel("Intitulé de l'action").fill("Prévenir l'isolement des personnes âgées");
    await page.getByLabel("Objectif (facultatif)").selectOption({ index: 2 });
    await page.getByRole("button", { name: "Ajouter un partenaire" }).click();
    await page.getByRole("button", { name: "Organisation absente de l'annuaire ?" }).last().click();
    await page.getByLabel("Nom de l'organisation ou du service").fill("CCAS de Melun");
    await page.getByRole("button", { name: "Ajouter à l'annuaire" }).click();
    await expect.poll(() => page.getByLabel("Partenaire", { exact: true }).locator("option:checked").textContent()).toBe("CCAS de Melun");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { level: 1, name: "FA 16 — Prévenir l'isolement des personnes âgées" }).waitFor();
    await page.getByRole("cell", { name: "CCAS de Melun" }).waitFor();
    await page.getByText("1.2 — Accès aux soins et à l'éducation à la santé").waitFor();
  });

  it("exports a contract as JSON, and refuses an invalid file on import naming the fiche and field", async () => {
    await openCamvs();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter (JSON)" }).click();
    const file = join(mkdtempSync(join(tmpdir(), "cles-e2e-")), "export.json");
    await (await download).saveAs(file);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.format).toBe("cles.contract");
    expect(doc.contract.slug).toBe("camvs-2021-2023");
    const before = (await ctx.app.inject({ url: "/api/contracts" })).json().items.length;

    doc.contract.slug = "camvs-copie";
    doc.contract.name += " (copie)";
    doc.contract.actions[2].lead = { organisation: "Organisation inconnue", person: null };
    writeFileSync(file, JSON.stringify(doc));
    await page.goto(`${ctx.baseUrl}/importer`);
    await page.getByLabel(/Fichier d'export/).setInputFiles(file);
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText("Le contrat n'a pas été importé").waitFor();
    await page.getByText(/Fiche action FA 3 « .+ » › porteur › organisation : L'organisation « Organisation inconnue » n'est pas dans l'annuaire du contrat\./).waitFor();
    expect((await ctx.app.inject({ url: "/api/contracts" })).json().items.length).toBe(before);

    doc.contract.actions[2].lead = null;
    const fixed = file.replace("export.json", "corrige.json");
    writeFileSync(fixed, JSON.stringify(doc));
    await page.getByLabel(/Fichier d'export/).setInputFiles(fixed);
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine \(copie\)/ }).waitFor();
    expect((await ctx.app.inject({ url: "/api/contracts" })).json().items.length).toBe(before + 1);
  });

  it("adds an objective to an axis from the axes page", async () => {
    const path = await openCamvs();
    await page.goto(`${ctx.baseUrl}${path}/axes`);
    await page.getByRole("heading", { level: 1, name: "Axes, objectifs et ordre des fiches" }).waitFor();
    const axis2 = page.locator("li.cles-repeat").nth(1);
    await axis2.getByLabel("Intitulé du nouvel objectif").fill("Prévention et dépistage");
    await axis2.getByRole("button", { name: "Ajouter l'objectif" }).click();
    await axis2.getByText("2.1 — Prévention et dépistage (0 fiche)").waitFor();
    // A duplicate code is refused with the French message next to the field.
    await axis2.getByLabel("Code du nouvel objectif").fill("2.1");
    await axis2.getByLabel("Intitulé du nouvel objectif").fill("Doublon");
    await axis2.getByRole("button", { name: "Ajouter l'objectif" }).click();
    await axis2.getByText("Un autre objectif de cet axe porte déjà ce code.").waitFor();
  });
});
