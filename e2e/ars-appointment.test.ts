/**
 * Appointing an ARS delegation in the browser (issue 15): the platform admin creates the account
 * of a delegation for Seine-et-Marne on « Comptes »; the delegate sets a password from the mailed
 * link, signs in and lands on the overview of the département's contracts. (Filtering, comparing
 * and the Excel export of that overview: e2e/territory.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, seriousViolations, signIn, useBrowser } from "./browser.js";

const browser = useBrowser(null);

describe("appointing an ARS delegation", () => {
  it("lets the admin create it for a département; the delegate sets a password from the mail and sees that département's contracts", { timeout: 240_000 }, async () => {
    const { page, ctx } = browser;
    const email = `delegation77.${Date.now()}@ars-idf.test`;
    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.admin);
    await page.goto(`${ctx.baseUrl}/administration/comptes`);
    await page.getByRole("heading", { level: 1, name: "Comptes" }).waitFor();
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Créer le compte" }) });
    await form.getByLabel("Adresse e-mail").fill(email);
    await form.getByLabel("Nom").fill("Délégation départementale 77");
    await form.getByRole("radio", { name: /Délégation ARS/ }).check({ force: true });
    await form.locator("summary", { hasText: /^Île-de-France/ }).click();
    await form.getByRole("group", { name: "Départements de la région Île-de-France" }).getByRole("checkbox", { name: "77", exact: true }).check({ force: true });
    await form.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByLabel("Lien pour choisir le mot de passe").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();

    // The mailed link (no SMTP server here: the development mail page), once.
    await page.goto(`${ctx.baseUrl}/dev/courriels`);
    const mail = page.getByRole("article").filter({ hasText: email });
    await mail.waitFor();
    await mail.getByRole("link", { name: /reinitialiser-mot-de-passe/ }).click();
    await page.getByRole("heading", { level: 1, name: "Nouveau mot de passe" }).waitFor();
    await page.getByLabel(/^Nouveau mot de passe/).fill("la phrase de passe de la délégation");
    await page.getByLabel("Confirmation du mot de passe").fill("la phrase de passe de la délégation");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByText("Mot de passe changé").waitFor();

    await signIn(page, ctx.baseUrl, email, "la phrase de passe de la délégation");
    await page.waitForURL((url) => url.pathname === "/territoire");
    await page.getByRole("heading", { level: 1, name: "Territoire — Département 77" }).waitFor();
    const names = (await ctx.api.inject("/api/contracts")).json<{ items: { name: string }[] }>().items.map((c) => c.name);
    const table = page.getByRole("table", { name: /^Contrats du territoire \(2\)/ });
    for (const name of names) await table.getByRole("link", { name }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
