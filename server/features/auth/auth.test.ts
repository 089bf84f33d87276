import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient } from "../../testing/client.js";
import { openTestDatabase } from "../../testing/database.js";
import { expectProblem } from "../../testing/http.js";
import { afterFailure, LOCK_MINUTES, MAX_FAILURES, minutesLocked } from "./service.js";
import { WRONG_CREDENTIALS } from "./routes.js";

describe("the lock-out rule", () => {
  const t0 = new Date("2026-11-23T10:00:00Z");
  const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  it("locks after the fifth failure within 15 minutes, for 15 minutes", () => {
    let state = afterFailure(null, t0);
    for (let i = 1; i < MAX_FAILURES - 1; i++) state = afterFailure(state, later(i));
    expect(state.failures).toBe(MAX_FAILURES - 1);
    expect(minutesLocked(state, later(4))).toBe(0);
    state = afterFailure(state, later(5));
    expect(minutesLocked(state, later(5))).toBe(LOCK_MINUTES);
    expect(minutesLocked(state, later(19))).toBe(1);
    expect(minutesLocked(state, later(20))).toBe(0);
    // After the lock, counting starts again.
    expect(afterFailure(state, later(21)).failures).toBe(1);
  });

  it("forgets failures older than the window", () => {
    const state = afterFailure(afterFailure(null, t0), later(1));
    expect(state.failures).toBe(2);
    expect(afterFailure(state, later(30)).failures).toBe(1);
  });
});

describe("sign-in", () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
  });

  it("sets an http-only SameSite=Lax session cookie, not Secure over plain http", async () => {
    const client = await anonymousClient(ctx.server);
    const res = await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "MARIE.DUPONT@camvs.test ", password: "cles-demo-2026" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: expect.objectContaining({ name: "Marie Dupont", email: "marie.dupont@camvs.test", isAdmin: false }) });
    const cookie = [res.headers["set-cookie"]].flat().find((c) => c?.startsWith("cles.session_token="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    await client.refreshSession();
    expect((await client.refreshSession()).user?.email).toBe("marie.dupont@camvs.test");
  });

  it("answers a wrong password and an unknown e-mail with the same message", async () => {
    const client = await anonymousClient(ctx.server);
    const known = expectProblem(await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "karim.benali@cpam77.test", password: "pas le bon" } }), 401);
    const unknown = expectProblem(await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "inconnu@exemple.fr", password: "pas le bon" } }), 401);
    expect(known.detail).toBe(WRONG_CREDENTIALS);
    expect(unknown.detail).toBe(known.detail);
    expect(client.hasCookie("cles.session_token")).toBe(false);
  });

  it("refuses a sign-in with bad fields", async () => {
    const client = await anonymousClient(ctx.server);
    const problem = expectProblem(await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "pas une adresse", password: "" } }), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["email", "password"]);
  });

  it("locks an address after repeated failures, known account or not, and the right password then waits too", async () => {
    for (const email of ["sophie.leroy@camvs.test", "fantome@exemple.fr"]) {
      const client = await anonymousClient(ctx.server);
      const statuses: number[] = [];
      for (let i = 0; i < MAX_FAILURES; i++)
        statuses.push((await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password: `essai ${i}` } })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const locked = await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password: "cles-demo-2026" } });
      expect(expectProblem(locked, 429).detail).toContain("réessayez dans 15 minutes");
    }
  });

  it("refuses a forged sign-in without the CSRF token", async () => {
    const res = await ctx.server.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "marie.dupont@camvs.test", password: "cles-demo-2026" } });
    expect(expectProblem(res, 403).detail).toContain("CSRF");
    expect([res.headers["set-cookie"]].flat().some((c) => c?.startsWith("cles.session_token="))).toBe(false);
  });

  it("signs out of this device, or of all of them", async () => {
    const laptop = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    const phone = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    const tablet = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    expect((await tablet.inject({ method: "POST", url: "/api/auth/sign-out" })).statusCode).toBe(204);
    expect((await tablet.inject({ url: "/api/account" })).statusCode).toBe(401);
    expect((await phone.inject({ url: "/api/account" })).statusCode).toBe(200);
    expect((await laptop.inject({ method: "POST", url: "/api/auth/sign-out-everywhere" })).statusCode).toBe(204);
    expect((await laptop.inject({ url: "/api/account" })).statusCode).toBe(401);
    expect(expectProblem(await phone.inject({ url: "/api/contracts" }), 401).detail).toBe("Connectez-vous pour continuer.");
  });

  it("changes the password with the current one; other sessions end", async () => {
    const me = await signedInClient(ctx.server, "ars77@ars-idf.test");
    const other = await signedInClient(ctx.server, "ars77@ars-idf.test");
    const wrong = await me.inject({ method: "POST", url: "/api/account/password", payload: { currentPassword: "faux", newPassword: "un nouveau mot de passe" } });
    expect(expectProblem(wrong, 400).errors?.[0]?.path).toBe("currentPassword");
    const short = await me.inject({ method: "POST", url: "/api/account/password", payload: { currentPassword: "cles-demo-2026", newPassword: "court" } });
    expect(expectProblem(short, 400).errors?.[0]?.path).toBe("newPassword");
    const ok = await me.inject({ method: "POST", url: "/api/account/password", payload: { currentPassword: "cles-demo-2026", newPassword: "un nouveau mot de passe" } });
    expect(ok.statusCode).toBe(204);
    expect((await me.inject({ url: "/api/account" })).statusCode).toBe(200);
    expect((await other.inject({ url: "/api/account" })).statusCode).toBe(401);
    await signedInClient(ctx.server, "ars77@ars-idf.test", "un nouveau mot de passe");
  });
});

describe("behind TLS", () => {
  it("marks the session cookie Secure when the public address is https", async () => {
    const database = await openTestDatabase();
    const { seedDemo } = await import("../../demo/seed.js");
    await seedDemo(database.db);
    const server = await buildApp({ database, webDir: false, publicUrl: "https://cles.exemple.fr", authSecret: "a-secret-of-at-least-thirty-two-characters!", mail: { from: "x@y.fr", outboxDir: "/tmp/cles-outbox-tls" } });
    try {
      const client = await anonymousClient(server);
      const res = await client.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "admin@cles.test", password: "cles-demo-2026" }, headers: { origin: "https://cles.exemple.fr" } });
      expect(res.statusCode).toBe(200);
      const cookie = [res.headers["set-cookie"]].flat().find((c) => c?.includes("session_token="))!;
      expect(cookie).toMatch(/^__Secure-cles\.session_token=.*Secure/i);
      // Mail holds sign-in links: the development mail page does not exist on a public address.
      expect((await client.inject({ url: "/api/dev/outbox" })).statusCode).toBe(404);
    } finally {
      await server.close();
      await database.close();
    }
  });
});
