/** A fiche's determinants (one to three) and budget in the browser (issue 15). */
import { describe, expect, it } from "vitest";
import { seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser();

/** Ticks a checkbox from the keyboard (the sticky save bar may cover it for a pointer). */
async function tick(label: string): Promise<void> {
  await browser.page.getByLabel(label).focus();
  await browser.page.keyboard.press("Space");
  await expect(browser.page.getByLabel(label).isChecked()).resolves.toBe(true);
}

/** Chooses an organisation of the directory by its name (its option may add the short name). */
async function chooseFunder(line: ReturnType<typeof browser.page.getByRole>, name: string): Promise<void> {
  const select = line.getByLabel("Financeur");
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

async function openCapvmFiche(number: number): Promise<void> {
  const { page, ctx } = browser;
  await page.goto(ctx.baseUrl);
  await page.getByRole("link", { name: /Paris-Vallée de la Marne/ }).first().click();
  await page.getByRole("heading", { level: 1, name: /Paris-Vallée de la Marne/ }).waitFor();
  await page.getByRole("link", { name: new RegExp(`^FA ${number} —`) }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`^FA ${number} —`) }).waitFor();
}

describe("a fiche's determinants and budget in the browser", () => {
  it("shows the budget with its caption and totals, and says when there is none", async () => {
    const { page } = browser;
    await openCapvmFiche(16);
    const table = page.getByRole("table", { name: "Budget de la fiche, par année et financeur (en euros)" });
    await table.waitFor();
    await expect(table.getByRole("row").count()).resolves.toBe(5);
    await table.getByRole("cell", { name: "Préfecture de Seine-et-Marne" }).first().waitFor();
    await page.getByText("36\u202f000\u00a0€", { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await openCapvmFiche(2);
    await page.getByText("Aucun budget renseigné.").waitFor();
  });

  it("edits the determinants (three at most) and adds a budget line with a funder of the directory", async () => {
    const { page } = browser;
    await openCapvmFiche(12);
    await page.getByRole("link", { name: "Modifier la fiche" }).click();
    await page.getByRole("heading", { level: 1, name: "Modifier FA 12" }).waitFor();
    await expect(page.getByLabel("Facteurs comportementaux (style de vie)").isChecked()).resolves.toBe(true);
    await tick("Cohésion sociale");
    await tick("Système de santé");
    // Three are chosen: the others wait until one is unchecked.
    await expect(page.getByLabel("Facteurs biologiques").isDisabled()).resolves.toBe(true);
    await page.getByRole("button", { name: "Ajouter une ligne de budget" }).click();
    const line = page.getByRole("group", { name: "Ligne de budget 1" });
    await line.getByLabel("Année").fill("2021");
    await line.getByLabel("Montant (en euros)").fill("7 500");
    await chooseFunder(line, "Agence régionale de santé Île-de-France");
    await line.getByLabel("Financement").selectOption({ label: "Acquis" });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("heading", { level: 1, name: /^FA 12 —/ }).waitFor();
    await page.getByText("Déterminants visés").waitFor();
    // The history entry of this change names the determinants too: the list item is the exact text.
    await page.getByRole("listitem").filter({ hasText: /^Cohésion sociale$/ }).waitFor();
    const table = page.getByRole("table", { name: "Budget de la fiche, par année et financeur (en euros)" });
    await table.getByRole("cell", { name: "Agence régionale de santé Île-de-France" }).waitFor();
    await table.getByRole("cell", { name: "7\u202f500\u00a0€" }).waitFor();
  });

  it("refuses a year outside the contract, next to its field, and saves nothing", async () => {
    const { page } = browser;
    await openCapvmFiche(13);
    await page.getByRole("link", { name: "Modifier la fiche" }).click();
    await page.getByRole("heading", { level: 1, name: "Modifier FA 13" }).waitFor();
    await page.getByRole("button", { name: "Ajouter une ligne de budget" }).click();
    const line = page.getByRole("group", { name: "Ligne de budget 1" });
    await line.getByLabel("Année").fill("2030");
    await line.getByLabel("Montant (en euros)").fill("1000");
    await chooseFunder(line, "Agence régionale de santé Île-de-France");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("alert").filter({ hasText: "Le formulaire contient" }).waitFor();
    await line.getByText("L'année 2030 est hors de la période du contrat : choisissez une année entre 2018 et 2023.").waitFor();
    await openCapvmFiche(13);
    await page.getByText("Aucun budget renseigné.").waitFor();
  });
});
