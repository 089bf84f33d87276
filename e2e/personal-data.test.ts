/**
 * Personal data in the browser (issue 17, item 9): « Mon compte » downloads the person's data;
 * removing someone's last membership says their account stays active; the admin anonymises an
 * account after a confirmation, and the list then reads « Utilisateur supprimé ».
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { memberships } from "../server/db/schema.js";
import { createUser } from "../server/features/accounts/service.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seriousViolations, signIn, useBrowser } from "./browser.js";

const browser = useBrowser(null);

describe("personal data in the browser", () => {
  it("downloads my data from « Mon compte »", async () => {
    const { page, ctx } = browser;
    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.partner);
    await page.goto(`${ctx.baseUrl}/mon-compte`);
    await page.getByRole("heading", { level: 2, name: "Mes données" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Télécharger mes données/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mes-donnees-cles-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8")) as { account: { email: string } };
    expect(data.account.email).toBe(DEMO_ACCOUNTS.partner);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("tells the coordinator when a removed member has no access left, and lets the admin anonymise the account", async () => {
    const { page, ctx } = browser;
    const contracts = await ctx.database.db.query.contracts.findMany({ columns: { id: true, slug: true } });
    const camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
    const id = await createUser(ctx.database.db, { email: "nadia.seule@exemple.test", name: "Nadia Seule", password: DEMO_PASSWORD });
    await ctx.database.db.insert(memberships).values({ contractId: camvs, userId: id, role: "partner" });

    await page.context().clearCookies();
    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.camvsCoordinator);
    await page.goto(`${ctx.baseUrl}/contrats/${camvs}/membres`);
    const row = page.getByRole("row", { name: /Nadia Seule/ });
    await row.getByRole("button", { name: /Retirer/ }).click();
    await page.getByRole("button", { name: /Confirmer le retrait de Nadia Seule|Confirmer/ }).first().click();
    await page.locator(".fr-alert").getByText("Nadia Seule n'a plus accès à aucun contrat : son compte reste actif").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.context().clearCookies();
    await signIn(page, ctx.baseUrl, DEMO_ACCOUNTS.admin);
    await page.goto(`${ctx.baseUrl}/administration/comptes`);
    await page.getByLabel(/Rechercher/).first().fill("nadia.seule");
    const account = page.getByRole("row", { name: /Nadia Seule/ });
    await account.getByRole("button", { name: "Anonymiser le compte de Nadia Seule" }).click();
    await page.getByText(/^Anonymiser le compte de Nadia Seule est définitif : son nom et son e-mail sont effacés/).waitFor();
    // The confirmation has the focus; Annuler gives it back to « Anonymiser ».
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Confirmer l'anonymisation de Nadia Seule");
    await page.getByRole("button", { name: "Annuler" }).click();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Anonymiser le compte de Nadia Seule");
    await account.getByRole("button", { name: "Anonymiser le compte de Nadia Seule" }).click();
    await page.getByRole("button", { name: "Confirmer l'anonymisation de Nadia Seule" }).click();
    await page.getByRole("row", { name: /Utilisateur supprimé.*Compte anonymisé/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
