import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser();


async function openCamvs(): Promise<string> {
  await browser.page.goto(browser.ctx.baseUrl);
  await browser.page.getByRole("link", { name: "Contrat Local de Santé de la Communauté d'agglomération Melun Val de Seine", exact: true }).click();
  await browser.page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
  return new URL(browser.page.url()).pathname;
}

describe("contract management in the browser", () => {
  it("has no serious or critical accessibility violation on the other pages", async () => {
    const report: Record<string, string[]> = {};
    await browser.page.goto(browser.ctx.baseUrl);
    await browser.page.getByRole("heading", { level: 1, name: "Contrats locaux de santé" }).waitFor();
    report.home = await seriousViolations(browser.page);
    const path = await openCamvs();
    for (const [name, suffix, heading] of [
      ["edit", "/modifier", "Modifier le contrat"],
      ["axes", "/axes", "Axes, objectifs et ordre des fiches"],
      ["directory", "/annuaire", "Annuaire du contrat"],
      ["newFiche", "/fiches/nouvelle", "Nouvelle fiche action"],
    ] as const) {
      await browser.page.goto(browser.ctx.baseUrl + path + suffix);
      await browser.page.getByRole("heading", { level: 1, name: heading }).waitFor();
      report[name] = await seriousViolations(browser.page);
    }
    await browser.page.goto(`${browser.ctx.baseUrl}/importer`);
    await browser.page.getByRole("heading", { level: 1, name: "Importer un contrat" }).waitFor();
    report.import = await seriousViolations(browser.page);
    expect(report).toEqual({ home: [], edit: [], axes: [], directory: [], newFiche: [], import: [] });
  });

  it("shows the seed's key dates on the contract page and records one more, written as people write dates", async () => {
    const { page } = browser;
    const path = await openCamvs();
    const dates = page.getByRole("region", { name: "Dates clés" });
    await dates.getByText("novembre 2020 — Comité de pilotage").waitFor();
    await dates.getByText("juin 2021 — Signature par les 6 partenaires").waitFor();
    await page.goto(browser.ctx.baseUrl + path + "/modifier");
    await page.getByRole("heading", { level: 1, name: "Modifier le contrat" }).waitFor();
    await expect(page.getByRole("group", { name: "Date clé 1" }).getByLabel(/^Date/).inputValue()).resolves.toBe("11/2020");
    await page.getByRole("button", { name: "Ajouter une date clé" }).click();
    const added = page.getByRole("group", { name: "Date clé 6" });
    await added.getByLabel(/^Date/).fill("début 2022");
    await added.getByLabel(/^Ce qui a eu lieu/).fill("Premier bilan annuel présenté au COPIL");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await added.getByText("Écrivez un jour (14/09/2021) ou un mois (11/2020).").waitFor();
    await added.getByLabel(/^Date/).fill("7/12/2021");
    // The population the contract states, not given by the CAMVS review: a decimal is refused on its field.
    const population = page.getByLabel("Population indiquée par le contrat (facultatif)");
    await expect(population.inputValue()).resolves.toBe("");
    await population.fill("1000.5");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("La population est un nombre entier d'habitants.").first().waitFor();
    await expect(population.getAttribute("aria-invalid")).resolves.toBe("true");
    await population.fill("132000");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { level: 1, name: /Melun Val de Seine/ }).waitFor();
    await page.getByRole("region", { name: "Dates clés" }).getByText("7 décembre 2021 — Premier bilan annuel présenté au COPIL").waitFor();
    await page.getByText("Population indiquée par le contrat : 132\u202f000 habitants.").waitFor();
  });

  it("creates a fiche in an objective, with a new partner organisation added on the spot", async () => {
    const path = await openCamvs();
    await browser.page.goto(`${browser.ctx.baseUrl}${path}/fiches/nouvelle`);
    await browser.page.getByRole("heading", { level: 1, name: "Nouvelle fiche action" }).waitFor();
    await expect(browser.page.getByLabel("Numéro").inputValue()).resolves.toBe("16");
    await browser.page.getByLabel("Intitulé de l'action").fill("Prévenir l'isolement des personnes âgées");
    await browser.page.getByLabel("Objectif (facultatif)").selectOption({ index: 2 });
    // From the keyboard: the sticky save bar may cover the box for a pointer.
    await browser.page.getByLabel("Cohésion sociale").focus();
    await browser.page.keyboard.press("Space");
    await browser.page.getByRole("button", { name: "Ajouter un partenaire" }).click();
    await browser.page.getByRole("button", { name: "Organisation absente de l'annuaire ?" }).last().click();
    await browser.page.getByLabel("Nom de l'organisation ou du service").fill("CCAS de Melun");
    await browser.page.getByRole("button", { name: "Ajouter à l'annuaire" }).click();
    await expect.poll(() => browser.page.getByLabel("Partenaire", { exact: true }).locator("option:checked").textContent()).toBe("CCAS de Melun");
    await browser.page.getByRole("button", { name: "Enregistrer" }).click();
    await browser.page.getByRole("heading", { level: 1, name: "FA 16 — Prévenir l'isolement des personnes âgées" }).waitFor();
    await browser.page.getByRole("cell", { name: "CCAS de Melun" }).waitFor();
    await browser.page.getByText("1.2 — Accès aux soins et à l'éducation à la santé").waitFor();
  });

  it("exports a contract as JSON, and refuses an invalid file on import naming the fiche and field", async () => {
    await openCamvs();
    const download = browser.page.waitForEvent("download");
    await browser.page.getByRole("link", { name: "Exporter (JSON)" }).click();
    const file = join(mkdtempSync(join(tmpdir(), "cles-e2e-")), "export.json");
    await (await download).saveAs(file);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.format).toBe("cles.contract");
    expect(doc.contract.slug).toBe("camvs-2021-2023");
    const before = (await browser.ctx.api.inject({ url: "/api/contracts" })).json().items.length;

    doc.contract.slug = "camvs-copie";
    doc.contract.name += " (copie)";
    doc.contract.actions[2].lead = { organisation: "Organisation inconnue", person: null };
    writeFileSync(file, JSON.stringify(doc));
    await browser.page.goto(`${browser.ctx.baseUrl}/importer`);
    await browser.page.getByLabel(/Fichier d'export/).setInputFiles(file);
    await browser.page.getByRole("button", { name: "Importer" }).click();
    await browser.page.getByText("Le contrat n'a pas été importé").waitFor();
    await browser.page.getByText(/Fiche action FA 3 « .+ » › porteur › organisation : L'organisation « Organisation inconnue » n'est pas dans l'annuaire du contrat\./).waitFor();
    expect((await browser.ctx.api.inject({ url: "/api/contracts" })).json().items.length).toBe(before);

    doc.contract.actions[2].lead = null;
    const fixed = file.replace("export.json", "corrige.json");
    writeFileSync(fixed, JSON.stringify(doc));
    await browser.page.getByLabel(/Fichier d'export/).setInputFiles(fixed);
    await browser.page.getByRole("button", { name: "Importer" }).click();
    await browser.page.getByRole("heading", { level: 1, name: /Melun Val de Seine \(copie\)/ }).waitFor();
    expect((await browser.ctx.api.inject({ url: "/api/contracts" })).json().items.length).toBe(before + 1);
  });

  it("adds an objective to an axis from the axes page", async () => {
    const path = await openCamvs();
    await browser.page.goto(`${browser.ctx.baseUrl}${path}/axes`);
    await browser.page.getByRole("heading", { level: 1, name: "Axes, objectifs et ordre des fiches" }).waitFor();
    const axis2 = browser.page.locator("li.cles-repeat").nth(1);
    await axis2.getByLabel("Intitulé du nouvel objectif").fill("Prévention et dépistage");
    await axis2.getByRole("button", { name: "Ajouter l'objectif" }).click();
    await axis2.getByText("2.1 — Prévention et dépistage (0 fiche)").waitFor();
    // A duplicate code is refused with the French message next to the field.
    await axis2.getByLabel("Code du nouvel objectif").fill("2.1");
    await axis2.getByLabel("Intitulé du nouvel objectif").fill("Doublon");
    await axis2.getByRole("button", { name: "Ajouter l'objectif" }).click();
    await axis2.getByText("Un autre objectif de cet axe porte déjà ce code.").waitFor();
  });

  it("opens cold with its text fonts asked at once and without the forms' schemas (issue 13, first data visible)", async () => {
    const { page, ctx } = browser;
    const asked: string[] = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname));
    const camvs = (await ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!;
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}`);
    await page.getByRole("heading", { level: 3 }).first().waitFor();
    const scripts = asked.filter((path) => path.endsWith(".js"));
    expect(scripts.some((path) => /\/ContractPage-[^/]+\.js$/.test(path))).toBe(true);
    // The zod schemas of the forms (~100 ms of main thread to build) wait for a page with a form.
    const withZod = async (paths: string[]) => {
      const found: string[] = [];
      for (const path of paths) if ((await (await page.request.get(ctx.baseUrl + path)).text()).includes("ZodError")) found.push(path);
      return found;
    };
    expect(await withZod(scripts)).toEqual([]);
    // The three Marianne text fonts are preloaded by the HTML, before any script has run.
    const fonts = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((l) => new URL(l.href).pathname));
    expect(fonts.map((f) => f.replace(/-[^-/]+\.woff2$/, ""))).toEqual(["/assets/Marianne-Bold", "/assets/Marianne-Medium", "/assets/Marianne-Regular"]);
    expect(asked.indexOf(fonts[0]!)).toBeLessThan(asked.findIndex((path) => /\/ContractPage-/.test(path)));
    // A form page loads them.
    await page.goto(`${ctx.baseUrl}/contrats/${camvs.id}/modifier`);
    await page.getByRole("heading", { level: 1, name: "Modifier le contrat" }).waitFor();
    expect(await withZod(asked.filter((path) => path.endsWith(".js")))).not.toEqual([]);
  });
});
