/** « Comptes » after creation: deactivation, ARS territory, reset links, and ARS invitations by e-mail. */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arsInvitations, arsScopes, auditEntries, sessions, users, verifications } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "../../testing/smtp.js";

let ctx: TestContext;
let smtp: SmtpReceiver;
let admin: TestClient;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  ctx = await startTestApp({ seed: true, smtpUrl: smtp.url });
  admin = await signedInClient(ctx.server, "admin@cles.test");
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

async function userId(email: string): Promise<string> {
  const [row] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

async function auditCount(): Promise<number> {
  const [row] = await ctx.database.db.select({ n: count() }).from(auditEntries);
  return row!.n;
}

describe("deactivating an account", () => {
  it("ends the person's sessions and password links at once; reactivation gives the account back", async () => {
    const partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
    expect((await partner.inject({ url: "/api/account" })).statusCode).toBe(200);
    const id = await userId("karim.benali@cpam77.test");
    expect((await admin.inject({ method: "POST", url: `/api/admin/users/${id}/reset-link` })).statusCode).toBe(200);

    const res = await admin.inject({ method: "POST", url: `/api/admin/users/${id}/deactivate` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ deactivated: true });
    expectProblem(await partner.inject({ url: "/api/account" }), 401);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expect(await ctx.database.db.select().from(verifications).where(eq(verifications.value, id))).toEqual([]);
    // No link for a deactivated account.
    expect(expectProblem(await admin.inject({ method: "POST", url: `/api/admin/users/${id}/reset-link` }), 409).detail).toContain("réactivez-le");

    const back = await admin.inject({ method: "POST", url: `/api/admin/users/${id}/reactivate` });
    expect(back.json()).toMatchObject({ deactivated: false, deactivatedAt: null });
    expect((await signedInClient(ctx.server, "karim.benali@cpam77.test")).csrfToken).not.toBe("");
    const history = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectId, id));
    expect(history.map((h) => h.changes[0]?.after)).toEqual(expect.arrayContaining(["Désactivé", "Actif"]));
  });

  it("refuses the sign-in of a deactivated account: the right password gets a French 403 and no session, a wrong one the usual 401; no reset link is mailed", async () => {
    const id = await userId("sophie.leroy@camvs.test");
    expect((await admin.inject({ method: "POST", url: `/api/admin/users/${id}/deactivate` })).statusCode).toBe(200);
    const visitor = await anonymousClient(ctx.server);
    const right = await visitor.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "sophie.leroy@camvs.test", password: "cles-demo-2026" } });
    expect(expectProblem(right, 403).detail).toBe("Ce compte a été désactivé. Adressez-vous à l'administration de Clés pour le réactiver.");
    expect(right.headers["set-cookie"]?.toString() ?? "").not.toMatch(/session_token=[^;]/);
    expect(await ctx.database.db.select().from(sessions).where(eq(sessions.userId, id))).toEqual([]);
    expectProblem(await visitor.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "sophie.leroy@camvs.test", password: "pas-le-bon-mot-de-passe" } }), 401);
    const mails = smtp.messages.length;
    expect((await visitor.inject({ method: "POST", url: "/api/auth/password-reset-request", payload: { email: "sophie.leroy@camvs.test" } })).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.length).toBe(mails);
    expect((await admin.inject({ method: "POST", url: `/api/admin/users/${id}/reactivate` })).statusCode).toBe(200);
    expect((await signedInClient(ctx.server, "sophie.leroy@camvs.test")).csrfToken).not.toBe("");
  });

  it("refuses an admin's own account (409), an unknown one (404), and other people (403), writing nothing", async () => {
    const before = await auditCount();
    const self = expectProblem(await admin.inject({ method: "POST", url: `/api/admin/users/${await userId("admin@cles.test")}/deactivate` }), 409);
    expect(self.detail).toBe("Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.");
    expect(expectProblem(await admin.inject({ method: "POST", url: "/api/admin/users/inconnu/deactivate" }), 404).detail).toBe("Ce compte est introuvable.");
    const coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/admin/users/${await userId("sophie.leroy@camvs.test")}/deactivate` }), 403);
    expect((await ctx.database.db.select({ at: users.deactivatedAt }).from(users).where(eq(users.email, "sophie.leroy@camvs.test")))[0]!.at).toBeNull();
    expect(await auditCount()).toBe(before);
  });
});

describe("the territory of an ARS delegation", () => {
  it("replaces it, records the change, and refuses an unknown département without writing", async () => {
    const id = await userId("ars77@ars-idf.test");
    const res = await admin.inject({ method: "PUT", url: `/api/admin/users/${id}/scopes`, payload: { departements: ["77", "91"], regions: [] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ arsScopes: unknown[] }>().arsScopes).toEqual([
      { level: "department", code: "77", label: "Département 77" },
      { level: "department", code: "91", label: "Département 91" },
    ]);
    const [entry] = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectId, id));
    expect(entry!.changes).toEqual([{ field: "arsScopes", label: "Territoire ARS", before: "Département 77", after: "Département 77, Département 91" }]);

    const before = await auditCount();
    const bad = expectProblem(await admin.inject({ method: "PUT", url: `/api/admin/users/${id}/scopes`, payload: { departements: ["100"], regions: [] } }), 400);
    expect(bad.errors?.[0]).toMatchObject({ path: "departements.0", message: expect.stringContaining("n'existe pas") });
    expectProblem(await admin.inject({ method: "PUT", url: `/api/admin/users/${id}/scopes`, payload: { departements: [], regions: [] } }), 400);
    expect((await ctx.database.db.select().from(arsScopes).where(eq(arsScopes.userId, id))).map((s) => s.code).sort()).toEqual(["77", "91"]);
    expect(await auditCount()).toBe(before);
  });
});

describe("a reset link sent by the admin", () => {
  it("mails a one-time link that sets a new password", async () => {
    const id = await userId("sophie.leroy@camvs.test");
    const res = await admin.inject({ method: "POST", url: `/api/admin/users/${id}/reset-link` });
    expect(res.json()).toMatchObject({ email: "sophie.leroy@camvs.test", mailSent: true });
    const mail = await smtp.waitFor("sophie.leroy@camvs.test", /nouveau mot de passe/);
    const token = linkIn(mail).pathname.split("/").at(-1)!;
    const visitor = await anonymousClient(ctx.server);
    expect((await visitor.inject({ method: "POST", url: "/api/auth/password-reset", payload: { token, password: "nouveau mot de passe sûr" } })).statusCode).toBe(204);
    await signedInClient(ctx.server, "sophie.leroy@camvs.test", "nouveau mot de passe sûr");
  });
});

describe("ARS invitations", () => {
  it("invites a delegation for a region; accepting creates the account with that territory, once", async () => {
    const res = await admin.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "Dd21@ARS-BFC.test", departements: [], regions: ["27"] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: "dd21@ars-bfc.test", mailSent: true });
    const mail = await smtp.waitFor("dd21@ars-bfc.test", /Invitation/);
    expect(mail.text).toContain("Région Bourgogne-Franche-Comté");
    const link = linkIn(mail);
    expect(link.pathname).toMatch(/^\/invitation-ars\//);
    const token = link.pathname.split("/").at(-1)!;

    const visitor = await anonymousClient(ctx.server);
    expect((await visitor.inject({ url: `/api/ars-invitations/${token}` })).json()).toMatchObject({
      email: "dd21@ars-bfc.test",
      invitedBy: "Alex Morel",
      scopes: [{ level: "region", code: "27", label: "Région Bourgogne-Franche-Comté" }],
    });
    const weak = await visitor.inject({ method: "POST", url: `/api/ars-invitations/${token}/accept`, payload: { name: "Déléguée BFC", password: "court" } });
    expect(expectProblem(weak, 400).errors?.[0]?.path).toBe("password");
    const accepted = await visitor.inject({ method: "POST", url: `/api/ars-invitations/${token}/accept`, payload: { name: "Déléguée BFC", password: "un mot de passe solide" } });
    expect(accepted.statusCode, accepted.body).toBe(201);
    await visitor.refreshSession();
    expect((await visitor.inject({ url: "/api/account" })).json()).toMatchObject({ name: "Déléguée BFC", arsScopes: [{ level: "region", code: "27" }] });

    const [users1] = await ctx.database.db.select({ n: count() }).from(users);
    const again = await (await anonymousClient(ctx.server)).inject({ method: "POST", url: `/api/ars-invitations/${token}/accept`, payload: { name: "Intrus", password: "un autre mot de passe" } });
    expect(expectProblem(again, 410).detail).toContain("Demandez une nouvelle invitation");
    const [users2] = await ctx.database.db.select({ n: count() }).from(users);
    expect(users2!.n).toBe(users1!.n);
  });

  it("refuses an address that has an account or a pending invitation (409), and a missing territory (400), writing nothing", async () => {
    const first = await admin.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "dd89@ars-bfc.test", departements: ["89"] } });
    expect(first.statusCode).toBe(201);
    const [before] = await ctx.database.db.select({ n: count() }).from(arsInvitations);
    const pending = expectProblem(await admin.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "dd89@ars-bfc.test", departements: ["89"] } }), 409);
    expect(pending.detail).toBe("Une invitation est déjà en attente pour cette adresse.");
    const taken = expectProblem(await admin.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "ars77@ars-idf.test", departements: ["77"] } }), 409);
    expect(taken.detail).toContain("Un compte existe déjà pour cette adresse");
    expect(expectProblem(await admin.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "x@ars.test" } }), 400).errors?.[0]?.path).toBe("departements");
    const ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
    expectProblem(await ars.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "y@ars.test", departements: ["77"] } }), 403);
    const [after] = await ctx.database.db.select({ n: count() }).from(arsInvitations);
    expect(after!.n).toBe(before!.n);
    expectProblem(await (await anonymousClient(ctx.server)).inject({ url: "/api/ars-invitations/inconnu-0123456789" }), 404);
  });

  it("lists the invitations still waiting and revokes one, whose link then no longer serves", async () => {
    const sent = await admin.inject({ method: "POST", url: "/api/admin/ars-invitations", payload: { email: "dd58@ars-bfc.test", departements: ["58"] } });
    expect(sent.statusCode).toBe(201);
    const token = linkIn(await smtp.waitFor("dd58@ars-bfc.test", /Invitation/)).pathname.split("/").at(-1)!;
    const list = await admin.inject({ url: "/api/admin/ars-invitations" });
    expect(list.statusCode, list.body).toBe(200);
    const pending = list.json<{ invitations: { id: string; email: string; territory: string }[] }>().invitations;
    const mine = pending.find((i) => i.email === "dd58@ars-bfc.test")!;
    expect(mine.territory).toContain("58");
    // Accepted invitations are not listed.
    expect(pending.map((i) => i.email)).not.toContain("dd21@ars-bfc.test");

    const ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
    expectProblem(await ars.inject({ url: "/api/admin/ars-invitations" }), 403);
    expectProblem(await ars.inject({ method: "DELETE", url: `/api/admin/ars-invitations/${mine.id}` }), 403);
    expectProblem(await (await anonymousClient(ctx.server)).inject({ method: "DELETE", url: `/api/admin/ars-invitations/${mine.id}` }), 401);
    const [still] = await ctx.database.db.select({ revokedAt: arsInvitations.revokedAt }).from(arsInvitations).where(eq(arsInvitations.id, mine.id));
    expect(still!.revokedAt).toBeNull();
    expectProblem(await admin.inject({ method: "DELETE", url: "/api/admin/ars-invitations/00000000-0000-4000-8000-000000000000" }), 404);
    expectProblem(await admin.inject({ method: "DELETE", url: "/api/admin/ars-invitations/pas-un-identifiant" }), 400);

    expect((await admin.inject({ method: "DELETE", url: `/api/admin/ars-invitations/${mine.id}` })).statusCode).toBe(204);
    expect(expectProblem(await admin.inject({ method: "DELETE", url: `/api/admin/ars-invitations/${mine.id}` }), 409).detail).toContain("n'est plus en attente");
    expect((await admin.inject({ url: "/api/admin/ars-invitations" })).json<{ invitations: { email: string }[] }>().invitations.map((i) => i.email)).not.toContain("dd58@ars-bfc.test");
    expectProblem(await (await anonymousClient(ctx.server)).inject({ url: `/api/ars-invitations/${token}` }), 410);
  });
});
