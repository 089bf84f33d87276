/**
 * ProConnect sign-in end to end, against a local OpenID provider (oidc-provider) shaped like
 * ProConnect: an account found by its verified e-mail signs in; pending invitations are
 * accepted; anything else is refused and writes nothing.
 */
import { count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, arsInvitations, contracts, arsScopes, invitations, memberships, sessions, users } from "../../db/schema.js";
import { PROCONNECT_FAILURES } from "../../domain/proconnect.js";
import { startSecondApp, startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { startLocalProvider, type Agent, type LocalProvider } from "../../testing/oidc.js";
import { NOT_CONFIGURED } from "./routes.js";
import { PROCONNECT_PROVIDER } from "./service.js";
import { STATE_COOKIE } from "./state.js";

let ctx: TestContext;
let provider: LocalProvider;

beforeAll(async () => {
  provider = await startLocalProvider("http://localhost:3000/api/auth/proconnect/callback");
  ctx = await startTestApp({ seed: true, proConnect: provider.config });
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  await provider?.close();
});

/** Everything a refused sign-in must leave as it was. */
async function footprint() {
  const db = ctx.database.db;
  const [u] = await db.select({ n: count() }).from(users);
  const [s] = await db.select({ n: count() }).from(sessions);
  const [a] = await db.select({ n: count() }).from(accounts);
  const [m] = await db.select({ n: count() }).from(memberships);
  const [i] = await db.select({ n: count() }).from(invitations).where(isNotNull(invitations.acceptedAt));
  return { users: u!.n, sessions: s!.n, accounts: a!.n, memberships: m!.n, accepted: i!.n };
}

/** A browser that starts at Clés, signs in at the provider as `agent`, and comes back. */
async function signInAs(agent: Agent, tamper?: (callback: URL) => void): Promise<{ browser: TestClient; location: string }> {
  const browser = await anonymousClient(ctx.server);
  provider.next = agent;
  const start = await browser.inject({ url: "/api/auth/proconnect/start" });
  expect(start.statusCode).toBe(302);
  const cookie = [start.headers["set-cookie"]].flat().find((c) => c?.startsWith(`${STATE_COOKIE}=`));
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).toMatch(/Path=\/api\/auth\/proconnect/);
  const authorization = new URL(start.headers.location!);
  expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorization.searchParams.get("state")).toBeTruthy();
  expect(authorization.searchParams.get("nonce")).toBeTruthy();
  const callback = await provider.authorize(start.headers.location!);
  expect(callback.pathname).toBe("/api/auth/proconnect/callback");
  tamper?.(callback);
  const back = await browser.inject({ url: callback.pathname + callback.search });
  expect(back.statusCode).toBe(302);
  // The flow serves once: its cookie is removed, whatever the outcome.
  expect(browser.hasCookie(STATE_COOKIE)).toBe(false);
  return { browser, location: back.headers.location! };
}

async function contractId(slug: string): Promise<string> {
  const [row] = await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug));
  return row!.id;
}

describe("ProConnect sign-in", () => {
  it("is offered by the session endpoint", async () => {
    const browser = await anonymousClient(ctx.server);
    expect((await browser.inject({ url: "/api/auth/session" })).json()).toMatchObject({ proConnect: true });
  });

  it("opens a normal session for the active account of the verified e-mail", async () => {
    const before = await footprint();
    const { browser, location } = await signInAs({ sub: "sophie", email: "Sophie.Leroy@camvs.test", email_verified: true, given_name: "Sophie", usual_name: "Leroy" });
    expect(location).toBe("/");
    expect(browser.hasCookie("cles.session_token")).toBe(true);
    const session = await browser.refreshSession();
    expect(session.user).toMatchObject({ email: "sophie.leroy@camvs.test", name: "Sophie Leroy" });
    // The same session as a password's: it reads what the account may read, and signs out as usual.
    const sophie = (await ctx.database.db.select().from(users).where(eq(users.email, "sophie.leroy@camvs.test")))[0]!;
    expect((await browser.inject({ url: "/api/account" })).statusCode).toBe(200);
    expect(await footprint()).toEqual({ ...before, sessions: before.sessions + 1 });
    expect((await browser.inject({ method: "POST", url: "/api/auth/sign-out" })).statusCode).toBe(204);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, sophie.id))).toEqual([]);
  });

  it("accepts the pending invitations of a new e-mail, without a password, and signs in", async () => {
    const camvs = await contractId("camvs-2021-2023");
    const capvm = await contractId("capvm-2019-2022");
    for (const id of [capvm, camvs]) {
      const res = await ctx.app.inject({ method: "POST", url: `/api/contracts/${id}/invitations`, payload: { email: "camille.martin@ville.test", role: "partner", actionIds: [] } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const { browser, location } = await signInAs({ sub: "camille", email: "camille.martin@ville.test", email_verified: true, given_name: "Camille", usual_name: "Martin" });
    expect(location).toBe(`/contrats/${camvs}`);
    expect((await browser.refreshSession()).user).toMatchObject({ email: "camille.martin@ville.test", name: "Camille Martin", isAdmin: false });
    const db = ctx.database.db;
    const [camille] = await db.select().from(users).where(eq(users.email, "camille.martin@ville.test"));
    expect((await db.select().from(memberships).where(eq(memberships.userId, camille!.id))).map((m) => m.contractId).sort()).toEqual([camvs, capvm].sort());
    // No password: the ProConnect identity only (a reset link sets a password later).
    expect((await db.select().from(accounts).where(eq(accounts.userId, camille!.id))).map((a) => [a.providerId, a.accountId, a.password])).toEqual([[PROCONNECT_PROVIDER, "camille", null]]);
    expect((await db.select().from(invitations).where(eq(invitations.email, "camille.martin@ville.test"))).every((i) => i.acceptedAt)).toBe(true);
    // The history says who joined, as for an acceptance through the link.
    const history = await ctx.app.inject({ url: `/api/contracts/${camvs}/history` });
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain("Camille Martin");
    // Next time, the account is found by its e-mail.
    const again = await signInAs({ sub: "camille", email: "camille.martin@ville.test", email_verified: true });
    expect(again.location).toBe("/");
  });

  it("accepts a pending ARS invitation with its territory", async () => {
    const res = await ctx.app.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "dd21@ars.test", departements: ["21"], regions: [] } });
    expect(res.statusCode, res.body).toBe(201);
    const { browser, location } = await signInAs({ sub: "dd21", email: "dd21@ars.test", email_verified: true, given_name: "Paul", usual_name: "Girard" });
    expect(location).toBe("/");
    expect((await browser.refreshSession()).user?.email).toBe("dd21@ars.test");
    const db = ctx.database.db;
    const [paul] = await db.select().from(users).where(eq(users.email, "dd21@ars.test"));
    expect(await db.select({ level: arsScopes.level, code: arsScopes.code }).from(arsScopes).where(eq(arsScopes.userId, paul!.id))).toEqual([{ level: "department", code: "21" }]);
    expect((await db.select().from(arsInvitations).where(eq(arsInvitations.email, "dd21@ars.test")))[0]!.acceptedAt).not.toBeNull();
  });

  it("refuses an e-mail without account nor invitation, in French, writing nothing", async () => {
    const before = await footprint();
    const { browser, location } = await signInAs({ sub: "inconnue", email: "inconnue@ville.test", email_verified: true, given_name: "Inès", usual_name: "Connue" });
    expect(location).toBe("/connexion?proconnect=inconnu");
    expect(PROCONNECT_FAILURES.inconnu).toMatch(/^Aucun compte Clés n'est associé à cette adresse.*demandez une invitation à votre coordination/);
    expect(browser.hasCookie("cles.session_token")).toBe(false);
    expect(await footprint()).toEqual(before);
  });

  it("refuses an e-mail the provider says is not verified, even an account's", async () => {
    const before = await footprint();
    const { location } = await signInAs({ sub: "marie", email: "marie.dupont@camvs.test", email_verified: false });
    expect(location).toBe("/connexion?proconnect=non-verifiee");
    // A provider other than ProConnect that says nothing of it is not trusted either.
    expect((await signInAs({ sub: "marie", email: "marie.dupont@camvs.test" })).location).toBe("/connexion?proconnect=non-verifiee");
    expect(await footprint()).toEqual(before);
  });

  it("refuses a deactivated account as the password sign-in does", async () => {
    const db = ctx.database.db;
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.email, "karim.benali@cpam77.test"));
    const before = await footprint();
    const { location } = await signInAs({ sub: "karim", email: "karim.benali@cpam77.test", email_verified: true });
    expect(location).toBe("/connexion?proconnect=desactive");
    expect(await footprint()).toEqual(before);
    await db.update(users).set({ deactivatedAt: null }).where(eq(users.email, "karim.benali@cpam77.test"));
  });

  it("refuses a changed state, a changed or missing flow cookie, and a cancelled sign-in", async () => {
    const before = await footprint();
    const agent = { sub: "thomas", email: "thomas.petit@capvm.test", email_verified: true };
    const tampered = await signInAs(agent, (callback) => callback.searchParams.set("state", `${callback.searchParams.get("state")}x`));
    expect(tampered.location).toBe("/connexion?proconnect=invalide");
    // A cookie whose content was changed (its signature no longer holds).
    const browser = await anonymousClient(ctx.server);
    provider.next = agent;
    const start = await browser.inject({ url: "/api/auth/proconnect/start" });
    const callback = await provider.authorize(start.headers.location!);
    const sealed = [start.headers["set-cookie"]].flat().find((c) => c?.startsWith(`${STATE_COOKIE}=`))!.split(";")[0]!.slice(STATE_COOKIE.length + 1);
    const [payload, signature] = sealed.split(".");
    const flow = JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...flow, state: callback.searchParams.get("state") })).toString("base64url")}x.${signature}`;
    const res = await ctx.server.inject({ url: callback.pathname + callback.search, cookies: { [STATE_COOKIE]: forged } });
    expect(res.headers.location).toBe("/connexion?proconnect=invalide");
    const without = await ctx.server.inject({ url: callback.pathname + callback.search });
    expect(without.headers.location).toBe("/connexion?proconnect=invalide");
    const cancelled = await ctx.server.inject({ url: "/api/auth/proconnect/callback?error=access_denied&state=x" });
    expect(cancelled.headers.location).toBe("/connexion?proconnect=annulee");
    expect(await footprint()).toEqual(before);
  });
});

describe("without ProConnect", () => {
  it("answers 404 in French and the session endpoint does not offer it", async () => {
    const other = await startSecondApp(ctx);
    try {
      for (const url of ["/api/auth/proconnect/start", "/api/auth/proconnect/callback?code=x&state=y"]) {
        expect(expectProblem(await other.inject({ url }), 404).detail).toBe(NOT_CONFIGURED);
      }
      expect((await other.inject({ url: "/api/auth/session" })).json()).toMatchObject({ proConnect: false });
    } finally {
      await other.close();
    }
  });
});

describe("a provider that does not answer", () => {
  it("sends the browser back to the sign-in page (« indisponible »), with no flow cookie", async () => {
    // Port 9 (discard) on this machine: nothing answers there.
    const silent = await startTestApp({ proConnect: { issuer: "http://127.0.0.1:9/", clientId: "cles", clientSecret: "secret", scope: "openid email" } });
    try {
      const res = await silent.server.inject({ url: "/api/auth/proconnect/start" });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe("/connexion?proconnect=indisponible");
      expect(String(res.headers["set-cookie"] ?? "")).not.toContain(STATE_COOKIE);
    } finally {
      await silent.close();
    }
  });
});
