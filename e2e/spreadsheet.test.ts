/**
 * The fiches in Excel, in the browser: the CAPVM coordinator downloads the export
 * from the fiche list, uploads it with one bad cell and sees the error named by
 * sheet and cell (nothing saved), then uploads it fixed and sees the summary;
 * axe finds no serious violation.
 */
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.capvmCoordinator);
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The workbook with cells of the Identification sheet changed: [fiche number, column letter, value]. */
async function withCells(bytes: Buffer, cells: [number, string, string][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("Identification")!;
  for (const [number, column, value] of cells) sheet.getCell(`${column}${number + 1}`).value = value;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("the fiches in Excel", () => {
  it("exports the fiches, refuses a file with a bad cell naming it, then imports the fixed file", async () => {
    const { page, ctx } = browser;
    const contracts = (await ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items;
    const capvm = contracts.find((c) => c.slug.startsWith("capvm"))!;
    await page.goto(`${ctx.baseUrl}/contrats/${capvm.id}/fiches`);
    await page.getByRole("heading", { level: 1, name: "Fiches actions" }).waitFor();

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exporter les fiches (Excel)" }).click();
    const file = join(tmpdir(), `fiches-${Date.now()}.xlsx`);
    await (await download).saveAs(file);
    const exported = await readFile(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["À lire", "Identification", "Justification", "Description", "Typologie", "Partenaires", "Suivi et évaluation", "Budget"]);
    expect(book.getWorksheet("Identification")!.getCell("F4").value).toBe("En cours");

    await page.getByRole("link", { name: "Importer les fiches (Excel)" }).click();
    await page.getByRole("heading", { level: 1, name: "Importer les fiches (Excel)" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const input = page.getByLabel("Classeur des fiches (.xlsx)");
    await input.setInputFiles({ name: "fiches.xlsx", mimeType: XLSX, buffer: await withCells(exported, [[3, "F", "Terminée"], [3, "B", "Favoriser les structures pluriprofessionnelles"]]) });
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText("Le fichier contient 1 erreur(s) ; rien n'a été enregistré.").waitFor();
    const errors = page.getByRole("table", { name: "Erreurs du classeur (1)" });
    for (const name of ["Feuille", "Cellule", "Erreur"]) await errors.getByRole("columnheader", { name }).waitFor();
    const row = errors.getByRole("row").nth(1);
    await expect(row.getByRole("cell").allTextContents()).resolves.toEqual(["Identification", "F4", expect.stringMatching(/^Statut — FA 3 : « Terminée » n'est pas un statut de la liste/)]);
    expect(await seriousViolations(page)).toEqual([]);
    const fiches = (await ctx.api.inject(`/api/contracts/${capvm.id}/actions`)).json<{ items: { number: number; title: string }[] }>().items;
    expect(fiches.find((f) => f.number === 3)!.title).not.toBe("Favoriser les structures pluriprofessionnelles");

    await input.setInputFiles({ name: "fiches.xlsx", mimeType: XLSX, buffer: await withCells(exported, [[3, "B", "Favoriser les structures pluriprofessionnelles"]]) });
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText("1 fiche mise à jour : FA 3 ; 15 inchangées.").waitFor();
    await expect(page.getByRole("table", { name: /Erreurs du classeur/ }).count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    const after = (await ctx.api.inject(`/api/contracts/${capvm.id}/actions`)).json<{ items: { number: number; title: string }[] }>().items;
    expect(after.find((f) => f.number === 3)!.title).toBe("Favoriser les structures pluriprofessionnelles");
  });

  it("offers the export to a reader but not the import", async () => {
    const { ctx } = browser;
    const context = await ctx.browser.newContext({ locale: "fr-FR" });
    await signInContext(context, ctx.baseUrl, DEMO_ACCOUNTS.partner);
    const partnerPage = await context.newPage();
    const contracts = (await ctx.api.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>().items;
    const camvs = contracts.find((c) => c.slug.startsWith("camvs"))!;
    await partnerPage.goto(`${ctx.baseUrl}/contrats/${camvs.id}/fiches`);
    await partnerPage.getByRole("link", { name: "Exporter les fiches (Excel)" }).waitFor();
    await expect(partnerPage.getByRole("link", { name: "Importer les fiches (Excel)" }).count()).resolves.toBe(0);
    await partnerPage.goto(`${ctx.baseUrl}/contrats/${camvs.id}/fiches/importer`);
    await partnerPage.getByText("L'import des fiches depuis Excel est réservé à la coordination du contrat.").waitFor();
    await context.close();
  });
});
