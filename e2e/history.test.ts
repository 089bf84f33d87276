/**
 * The history in the browser: the coordinator filters the contract's history (what, when),
 * follows a line to its meeting; the admin filters the journal to the accounts. Axe-clean.
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signInContext, useBrowser } from "./browser.js";

const browser = useBrowser(null);

describe("the history in the browser", () => {
  it("filters a contract's history by what and when, and leads from a line to its meeting", { timeout: 180_000 }, async () => {
    const { page, ctx } = browser;
    await signInContext(page.context(), ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    await page.goto(ctx.baseUrl);
    await page.getByRole("link", { name: /Melun Val de Seine/ }).first().click();
    await page.getByRole("navigation", { name: "Menu du contrat" }).getByRole("link", { name: "Historique", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Historique du contrat" }).waitFor();
    // The demo's entries are dated by its data: the workshop's registrations of October 2021 are there.
    await page.getByText(/^Données de démonstration a créé l'inscription .+ le \d\d\/10\/2021 à \d\d:\d\d$/).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // An end before the start is said before asking the server.
    await page.getByLabel("Du", { exact: true }).fill("2021-09-30");
    await page.getByLabel("Au", { exact: true }).fill("2021-09-01");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.getByText("La date de fin doit suivre la date de début.").waitFor();

    await page.getByLabel("Quoi", { exact: true }).selectOption({ label: "Réunions" });
    await page.getByLabel("Du", { exact: true }).fill("2021-09-14");
    await page.getByLabel("Au", { exact: true }).fill("2021-09-14");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL((url) => url.searchParams.get("type") === "meeting" && url.searchParams.get("from") === "2021-09-14");
    const line = page.getByRole("link", { name: "Données de démonstration a créé la réunion Comité technique 2021 le 14/09/2021 à 10:00" });
    await line.waitFor();
    // Only that day's meetings: no registration, no other day.
    await expect(page.getByText(/l'inscription/).count()).resolves.toBe(0);
    await expect(page.locator(".cles-history > li").count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await line.click();
    await page.getByRole("heading", { level: 1, name: "Comité technique 2021" }).waitFor();
    // Back, the filters are still in the address and the form.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Historique du contrat" }).waitFor();
    await expect(page.getByLabel("Quoi", { exact: true }).inputValue()).resolves.toBe("meeting");
    await page.getByRole("link", { name: "Effacer les filtres" }).click();
    await page.waitForURL((url) => url.search === "");
    await expect(page.getByLabel("Quoi", { exact: true }).inputValue()).resolves.toBe("");
  });

  it("filters the admin's journal to the accounts and words their deactivation", { timeout: 120_000 }, async () => {
    const { page, ctx } = browser;
    const [karim] = (await ctx.api.inject({ url: "/api/admin/users?q=karim" })).json<{ items: { id: string }[] }>().items;
    expect((await ctx.api.inject({ method: "POST", url: `/api/admin/users/${karim!.id}/deactivate` })).statusCode).toBe(200);
    expect((await ctx.api.inject({ method: "POST", url: `/api/admin/users/${karim!.id}/reactivate` })).statusCode).toBe(200);
    await signInContext(page.context(), ctx.baseUrl, DEMO_ACCOUNTS.admin);
    await page.goto(`${ctx.baseUrl}/administration/journal`);
    await page.getByRole("heading", { level: 1, name: "Journal de la plateforme" }).waitFor();
    await page.getByLabel("Quoi", { exact: true }).selectOption({ label: "Comptes" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.getByRole("link", { name: /^Alex Morel a désactivé le compte de Karim Benali \(karim\.benali@cpam77\.test\) le / }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: /^Alex Morel a réactivé le compte de Karim Benali/ }).click();
    await page.waitForURL((url) => url.pathname === "/administration/comptes");
  });
});
