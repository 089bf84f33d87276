/**
 * Issue 15, item 2: a contract's territory from the official reference. The admin creates a
 * contract by choosing the local authority's EPCI, with the keyboard: its communes are proposed
 * with their populations, one more is added by name, the département and region are derived.
 */
import { describe, expect, it } from "vitest";
import { communeByCode, epciByCode } from "../server/territory/reference.js";
import { DEMO_ACCOUNTS, seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser(DEMO_ACCOUNTS.admin);

describe("the contract form's territory", () => {
  it("creates a contract from an EPCI's communes, plus one found by name, without typing a population", async () => {
    const { page, ctx } = browser;
    await page.goto(`${ctx.baseUrl}/contrats/nouveau`);
    await page.getByRole("heading", { level: 1, name: "Nouveau contrat" }).waitFor();
    await page.getByLabel("Nom du contrat").fill("CLS de Melun Val de Seine 2024-2028");
    await page.getByLabel(/^Identifiant court/).fill("camvs-2024-2028");

    // The EPCI, found without its accents nor its « CA », chosen with the keyboard.
    const epciField = page.getByRole("combobox", { name: /EPCI de la collectivité/ });
    await epciField.fill("melun val de seine");
    await page.getByRole("option", { name: /CA Melun Val de Seine/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await epciField.press("ArrowDown");
    await expect.poll(() => epciField.getAttribute("aria-activedescendant")).toBeTruthy();
    await epciField.press("Enter");
    const group = page.getByRole("group", { name: /Communes de CA Melun Val de Seine/ });
    await group.waitFor();
    expect(await group.getByRole("checkbox").count()).toBe(20);
    // All checked by default; Lissy is left out, then added back by name.
    const lissy = group.getByRole("checkbox", { name: /^Lissy/ });
    await lissy.focus();
    await lissy.press("Space");
    await expect.poll(() => lissy.isChecked()).toBe(false);
    await page.getByRole("button", { name: "Ajouter 19 communes cochées" }).click();
    await expect.poll(() => page.getByLabel("Collectivité signataire").inputValue()).toBe("Communauté d'agglomération Melun Val de Seine");

    const communeField = page.getByRole("combobox", { name: /Ajouter une commune/ });
    await communeField.fill("lissy");
    await page.getByRole("option", { name: /^Lissy \(77\)/ }).waitFor();
    await communeField.press("Enter");
    const table = page.getByRole("table", { name: "Communes du contrat (20)" });
    await table.waitFor();
    const melun = communeByCode("77288")!;
    await table.getByRole("row", { name: new RegExp(`Melun 77288 ${melun.population!.toLocaleString("fr-FR").replace(/\s/g, "\\s")}`) }).waitFor();
    await page.getByText("Seine-et-Marne (77)").waitFor();
    await page.getByText("Île-de-France").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Créer le contrat" }).click();
    await page.getByRole("heading", { level: 1, name: "CLS de Melun Val de Seine 2024-2028" }).waitFor();
    const total = epciByCode("247700057")!.population.toLocaleString("fr-FR").replace(/\s/g, "\\s");
    await page.getByText(new RegExp(`20 communes · ${total} habitants`)).waitFor();
    await page.getByText("Seine-et-Marne (77)").waitFor();
  });
});
