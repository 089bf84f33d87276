/**
 * A person's data (issue 17, item 9): downloaded from « Mon compte »; an account anonymised by
 * an admin, after which the history and what the person wrote read « Utilisateur supprimé »;
 * the last membership removed is said.
 */
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, auditEntries, comments, memberships, sessions, users } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { DELETED_NAME } from "./anonymise.js";
import { DEMO_PASSWORD } from "../../demo/accounts.js";
import { createUser } from "../accounts/service.js";

let ctx: TestContext;
let admin: TestClient;
let coordinator: TestClient;
let camvs: string;
let fa1: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  admin = await signedInClient(ctx.server, "admin@cles.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  camvs = (await admin.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!.id;
  fa1 = (await admin.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items.find((f) => f.number === 1)!.id;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const idOf = async (email: string) => (await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

describe("my data", () => {
  it("downloads my account, contracts and roles and what I wrote, as a JSON file", async () => {
    const partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
    expect((await partner.inject({ method: "POST", url: `/api/actions/${fa1}/comments`, payload: { body: "Ma remarque à retrouver." } })).statusCode).toBe(201);
    const res = await partner.inject({ url: "/api/account/data" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="mes-donnees-cles-\d{4}-\d{2}-\d{2}\.json"/);
    const data = res.json<{ format: string; account: { email: string; memberships: { contractName: string; roleLabel: string }[] }; written: { remarks: { body: string }[] }; history: unknown[] }>();
    expect(data.format).toBe("cles.personal-data");
    expect(data.account.email).toBe("karim.benali@cpam77.test");
    expect(data.account.memberships).toEqual([expect.objectContaining({ contractName: expect.stringContaining("Melun Val de Seine"), roleLabel: expect.any(String) })]);
    expect(data.written.remarks.map((r) => r.body)).toEqual(["Ma remarque à retrouver."]);
    // Only my own: the coordinator's data is not in it.
    expect(JSON.stringify(data)).not.toContain("marie.dupont@camvs.test");
    expectProblem(await (await anonymousClient(ctx.server)).inject({ url: "/api/account/data" }), 401);
  });
});

describe("anonymising an account", () => {
  it("replaces the name and e-mail everywhere, removes access, keeps what was written under « Utilisateur supprimé »", async () => {
    const lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
    expect((await lead.inject({ method: "POST", url: `/api/actions/${fa1}/comments`, payload: { body: "Remarque d'une pilote." } })).statusCode).toBe(201);
    const id = await idOf("sophie.leroy@camvs.test");

    // Refused to anyone but an admin, and to oneself; nothing written.
    const auditBefore = (await ctx.database.db.select({ n: count() }).from(auditEntries))[0]!.n;
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/admin/users/${id}/anonymise` }), 403);
    const adminId = await idOf("admin@cles.test");
    expectProblem(await admin.inject({ method: "POST", url: `/api/admin/users/${adminId}/anonymise` }), 409);
    expectProblem(await admin.inject({ method: "POST", url: "/api/admin/users/inconnu/anonymise" }), 404);
    expect((await ctx.database.db.select({ n: count() }).from(auditEntries))[0]!.n).toBe(auditBefore);
    expect((await ctx.database.db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0]!.name).toBe("Sophie Leroy");

    const res = await admin.inject({ method: "POST", url: `/api/admin/users/${id}/anonymise` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: DELETED_NAME, deactivated: true, isAdmin: false, memberships: [], arsScopes: [] });
    expect(res.json<{ email: string }>().email).not.toContain("sophie");

    expectProblem(await lead.inject({ url: "/api/account" }), 401);
    expect((await ctx.database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, id)))[0]!.n).toBe(0);
    expect((await ctx.database.db.select({ n: count() }).from(accounts).where(eq(accounts.userId, id)))[0]!.n).toBe(0);
    expect((await ctx.database.db.select({ n: count() }).from(memberships).where(eq(memberships.userId, id)))[0]!.n).toBe(0);
    expect((await ctx.database.db.select({ author: comments.authorName }).from(comments).where(eq(comments.authorId, id))).map((c) => c.author)).toEqual([DELETED_NAME]);
    // No trace of the name or e-mail in the whole history.
    const history = await ctx.database.db.select().from(auditEntries).where(sql`${auditEntries.actorId} = ${id} or ${auditEntries.objectId} = ${id}`);
    expect(history.length).toBeGreaterThan(1);
    expect(JSON.stringify(history)).not.toMatch(/Sophie|Leroy|sophie\.leroy/);
    const entries = (await admin.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { text?: string; actorName?: string }[] }>();
    expect(JSON.stringify(entries)).not.toMatch(/Sophie Leroy/);

    // Cannot be done twice; signing in is refused.
    expectProblem(await admin.inject({ method: "POST", url: `/api/admin/users/${id}/anonymise` }), 409);
    const again = await anonymousClient(ctx.server);
    expect((await again.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "sophie.leroy@camvs.test", password: "cles-demo-2026" } })).statusCode).toBe(401);
  });
});

describe("removing a member", () => {
  it("says when it was the person's last access, and not otherwise", async () => {
    const capvm = (await admin.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug.startsWith("capvm"))!.id;
    const alone = await createUser(ctx.database.db, { email: "seule@exemple.test", name: "Nadia Seule", password: DEMO_PASSWORD });
    const twice = await createUser(ctx.database.db, { email: "double@exemple.test", name: "Paul Double", password: DEMO_PASSWORD });
    await ctx.database.db.insert(memberships).values([
      { contractId: camvs, userId: alone, role: "partner" },
      { contractId: camvs, userId: twice, role: "partner" },
      { contractId: capvm, userId: twice, role: "partner" },
    ]);
    const last = await coordinator.inject({ method: "DELETE", url: `/api/contracts/${camvs}/members/${alone}` });
    expect(last.statusCode).toBe(200);
    expect(last.json()).toEqual({ notice: "Nadia Seule n'a plus accès à aucun contrat : son compte reste actif, sans rien à consulter. Un administrateur de la plateforme peut le désactiver ou l'anonymiser (page « Comptes »)." });
    const notLast = await coordinator.inject({ method: "DELETE", url: `/api/contracts/${camvs}/members/${twice}` });
    expect(notLast.json()).toEqual({ notice: null });
  });
});
