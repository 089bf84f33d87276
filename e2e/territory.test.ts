/**
 * The territory in the browser (issue 15, item 5): the ARS delegation of Seine-et-Marne signs in
 * and lands on « Territoire », filters the contracts by theme, compares the two demo contracts,
 * and downloads the overview in Excel, which LibreOffice opens (converted to CSV). Axe: no
 * serious or critical violation on either page.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signIn, useBrowser } from "./browser.js";

const browser = useBrowser(null);

/** The first sheet of a workbook as LibreOffice reads it: `soffice --headless --convert-to csv`, UTF-8. */
async function libreOfficeCsv(xlsx: Buffer): Promise<string[][]> {
  const work = await mkdtemp(join(tmpdir(), "cles-territory-"));
  try {
    const input = join(work, "territoire.xlsx");
    await writeFile(input, xlsx);
    const args = [`-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", work, input];
    await new Promise<void>((resolve, reject) => execFile("soffice", args, { timeout: 120_000 }, (error, _out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve())));
    return parse(await readFile(join(work, "territoire.csv"), "utf8"), { delimiter: ",", bom: true }) as string[][];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

describe("the territory of an ARS delegation", () => {
  it("lands the ARS on its territory, filters by theme, compares two contracts and exports the overview", { timeout: 240_000 }, async () => {
    const { page, ctx } = browser;
    const names = (await ctx.api.inject("/api/contracts")).json<{ items: { name: string }[] }>().items.map((c) => c.name);

    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.ars);
    await page.waitForURL((url) => url.pathname === "/territoire");
    await page.getByRole("heading", { level: 1, name: "Territoire — Département 77" }).waitFor();
    const table = page.getByRole("table", { name: /^Contrats du territoire \(2\)/ });
    await table.waitFor();
    for (const name of names) await table.getByRole("link", { name }).waitFor();
    expect(await page.getByRole("link", { name: "Territoire" }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Filter by theme: one request, the address keeps it.
    await page.getByLabel("Thématique des fiches").selectOption("Santé mentale");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL((url) => url.searchParams.get("theme") === "Santé mentale");
    await page.getByRole("heading", { name: "Filtres (1 appliqué)" }).waitFor();
    await page.getByRole("table", { name: /^Nombre de fiches par thématique/ }).getByRole("rowheader", { name: "Santé mentale" }).waitFor();
    expect(await page.getByRole("table", { name: /^Nombre de fiches par thématique/ }).getByRole("rowheader").allTextContents()).toEqual(expect.arrayContaining(["Santé mentale"]));
    await page.getByRole("button", { name: "Effacer les filtres" }).click();
    await page.waitForURL((url) => !url.searchParams.has("theme"));
    await page.getByRole("table", { name: /^Contrats du territoire \(2\)/ }).waitFor();

    // Pick both contracts, then compare them side by side.
    for (const name of names) await page.getByRole("checkbox", { name: `Comparer ${name}` }).check({ force: true });
    await page.getByRole("link", { name: "Comparer", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/territoire/comparer");
    await page.getByRole("heading", { level: 1, name: "Comparer des contrats" }).waitFor();
    const comparison = page.getByRole("table", { name: "Comparaison de 2 contrats" });
    for (const name of names) await comparison.getByRole("columnheader", { name }).waitFor();
    await comparison.getByRole("rowheader", { name: "Fiches en cours avec un avancement ce trimestre" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The overview in Excel, opened by LibreOffice.
    await page.getByRole("link", { name: "Territoire" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Territoire — Département 77" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter les contrats (Excel)" }).click()]);
    const file = join(tmpdir(), `territoire-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const rows = await libreOfficeCsv(await readFile(file));
    await rm(file, { force: true });
    expect(rows[0]!.slice(0, 3)).toEqual(["Contrat", "Collectivité", "Départements"]);
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual([...names].sort());
  });
});
