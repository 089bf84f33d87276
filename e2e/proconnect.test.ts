/**
 * ProConnect on the sign-in page, in the browser, against a local OpenID provider: the
 * button is shown next to the password form, an agent with an account signs in through it,
 * and a refused agent comes back to the sign-in page with the French reason.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startLocalProvider } from "../server/testing/oidc.js";
import { seriousViolations, useBrowser } from "./browser.js";

const browser = useBrowser(null);
// The provider listens first, so that the app (started by useBrowser) reads its address.
const provider = await startLocalProvider(() => `${browser.ctx.baseUrl}/api/auth/proconnect/callback`);
process.env.PROCONNECT_ISSUER = provider.config.issuer;
process.env.PROCONNECT_CLIENT_ID = provider.config.clientId;
process.env.PROCONNECT_CLIENT_SECRET = provider.config.clientSecret;
afterAll(async () => {
  await provider.close();
  for (const name of ["PROCONNECT_ISSUER", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET"]) delete process.env[name];
});

describe("ProConnect on the sign-in page", () => {
  it("signs in an agent whose verified e-mail is an account's, password form still there", async () => {
    const { page, ctx } = browser;
    await page.goto(`${ctx.baseUrl}/connexion`);
    const button = page.getByRole("link", { name: /S.identifier avec\s*ProConnect/ });
    await button.waitFor();
    expect(await page.getByRole("textbox", { name: "Mot de passe" }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    provider.next = { sub: "marie", email: "marie.dupont@camvs.test", email_verified: true };
    await button.click();
    await page.waitForURL((url) => url.origin === ctx.baseUrl && url.pathname !== "/connexion" && !url.pathname.startsWith("/api/"));
    const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    expect(session.user.email).toBe("marie.dupont@camvs.test");
  });

  it("brings a refused agent back to the sign-in page with the reason in French", async () => {
    const { page, ctx } = browser;
    await page.goto(`${ctx.baseUrl}/connexion`);
    provider.next = { sub: "inconnue", email: "inconnue@ville.test", email_verified: true };
    await page.getByRole("link", { name: /S.identifier avec\s*ProConnect/ }).click();
    await page.waitForURL(`${ctx.baseUrl}/connexion?proconnect=inconnu`);
    const alert = page.getByRole("alert").filter({ hasText: "Connexion avec ProConnect refusée" });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Aucun compte Clés n'est associé à cette adresse e-mail.*demandez une invitation à votre coordination/);
    expect(await seriousViolations(page)).toEqual([]);
    const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    expect(session.user).toBeNull();
  });
});
