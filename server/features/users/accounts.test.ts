/** « Comptes »: who may, the list and its search, the creation of each kind of account, and what is refused. */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arsScopes, auditEntries, memberships, users, verifications } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { linkIn, startSmtpReceiver, type SmtpReceiver } from "../../testing/smtp.js";

let ctx: TestContext;
let smtp: SmtpReceiver;
let admin: TestClient;
let coordinator: TestClient;
let camvsId: string;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  ctx = await startTestApp({ seed: true, smtpUrl: smtp.url });
  admin = await signedInClient(ctx.server, "admin@cles.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  const list = (await admin.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>();
  camvsId = list.items.find((c) => c.slug === "camvs-2021-2023")!.id;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
});

/** Everything a refused creation could have written. */
async function written() {
  const db = ctx.database.db;
  const [[u], [s], [m], [v], [a]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(arsScopes),
    db.select({ n: count() }).from(memberships),
    db.select({ n: count() }).from(verifications),
    db.select({ n: count() }).from(auditEntries),
  ]);
  return { users: u!.n, scopes: s!.n, memberships: m!.n, links: v!.n, audit: a!.n };
}

const create = (client: TestClient, body: Record<string, unknown>) => client.inject({ method: "POST", url: "/api/admin/users", payload: body });

interface UserView {
  id: string;
  email: string;
  isAdmin: boolean;
  deactivated: boolean;
  arsScopes: { level: string; code: string; label: string }[];
  memberships: { contractId: string; role: string }[];
}

describe("who may manage accounts", () => {
  it("answers 401 to an anonymous caller and 403 to a coordinator, and writes nothing", async () => {
    const before = await written();
    const anonymous = await anonymousClient(ctx.server);
    expectProblem(await anonymous.inject({ url: "/api/admin/users" }), 401);
    expectProblem(await create(anonymous, { email: "x@exemple.fr", name: "X", role: "admin" }), 401);
    expect(expectProblem(await coordinator.inject({ url: "/api/admin/users" }), 403).detail).toBe("Vous n'avez pas le droit de faire cette action.");
    expectProblem(await create(coordinator, { email: "x@exemple.fr", name: "X", role: "admin" }), 403);
    const ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
    expectProblem(await create(ars, { email: "x@exemple.fr", name: "X", role: "ars", departements: ["77"] }), 403);
    expect(await written()).toEqual(before);
  });
});

describe("the list", () => {
  it("lists every account by name, with its roles, and searches names and e-mails", async () => {
    const all = (await admin.inject({ url: "/api/admin/users" })).json<{ items: (UserView & { name: string })[]; page: number; pageCount: number; total: number }>();
    expect(all.page).toBe(1);
    expect(all.total).toBeGreaterThanOrEqual(5);
    const names = all.items.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(all.items.find((u) => u.email === "ars77@ars-idf.test")!.arsScopes).toEqual([{ level: "department", code: "77", label: "Département 77" }]);
    expect(all.items.find((u) => u.email === "marie.dupont@camvs.test")!.memberships).toEqual([expect.objectContaining({ contractId: camvsId, role: "coordinator", roleLabel: "Coordinateur·rice" })]);
    expect(all.items.find((u) => u.email === "admin@cles.test")).toMatchObject({ isAdmin: true, deactivated: false });

    const found = (await admin.inject({ url: "/api/admin/users?q=CPAM77" })).json<{ items: UserView[]; total: number }>();
    expect(found.items.map((u) => u.email)).toEqual(["karim.benali@cpam77.test"]);
    const byName = (await admin.inject({ url: `/api/admin/users?q=${encodeURIComponent("garnier")}` })).json<{ items: UserView[] }>();
    expect(byName.items.map((u) => u.email)).toEqual(["ars77@ars-idf.test"]);
    // A % is a letter, not a wildcard.
    expect((await admin.inject({ url: "/api/admin/users?q=%25" })).json<{ total: number }>().total).toBe(0);
    const territories = (await admin.inject({ url: "/api/admin/territories" })).json<{ regions: { code: string; name: string; departements: string[] }[] }>();
    expect(territories.regions).toHaveLength(18);
    expect(territories.regions.find((r) => r.code === "27")).toEqual({ code: "27", name: "Bourgogne-Franche-Comté", departements: ["21", "25", "39", "58", "70", "71", "89", "90"] });
    expect(expectProblem(await admin.inject({ url: "/api/admin/users?page=0" }), 400).errors?.[0]?.path).toBe("querystring.page");
  });
});

describe("creating an account", () => {
  it("appoints an ARS delegation for Côte-d'Or: a mailed one-time link sets the password, then the account signs in with its territory", async () => {
    const res = await create(admin, { email: "Delegue.21@ARS-BFC.test", name: "Délégué de Côte-d'Or", role: "ars", departements: ["21"] });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ user: UserView; link: string; mailSent: boolean }>();
    expect(body.user).toMatchObject({ email: "delegue.21@ars-bfc.test", isAdmin: false, deactivated: false, arsScopes: [{ level: "department", code: "21", label: "Département 21" }] });
    expect(body.mailSent).toBe(true);
    expect(body.link).toMatch(/^http:\/\/localhost:3000\/reinitialiser-mot-de-passe\/[\w-]{20,}$/);
    const mail = await smtp.waitFor("delegue.21@ars-bfc.test", /compte Clés a été créé/);
    expect(mail.text).toContain("Délégation ARS (Département 21)");
    expect(linkIn(mail).href).toBe(body.link);

    const token = body.link.split("/").at(-1)!;
    const visitor = await anonymousClient(ctx.server);
    expect((await visitor.inject({ method: "POST", url: "/api/auth/password-reset", payload: { token, password: "un mot de passe solide" } })).statusCode).toBe(204);
    // Once only.
    expectProblem(await visitor.inject({ method: "POST", url: "/api/auth/password-reset", payload: { token, password: "un autre mot de passe" } }), 410);
    const delegate = await signedInClient(ctx.server, "delegue.21@ars-bfc.test", "un mot de passe solide");
    const account = (await delegate.inject({ url: "/api/account" })).json<{ arsScopes: { code: string }[]; isAdmin: boolean }>();
    expect(account).toMatchObject({ isAdmin: false, arsScopes: [{ level: "department", code: "21", label: "Département 21" }] });

    const [entry] = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectId, body.user.id));
    expect(entry).toMatchObject({ contractId: null, objectType: "account", operation: "create", actorName: "Alex Morel" });
  });

  it("appoints a region, an administrator, and a coordinator of a contract", async () => {
    const region = (await create(admin, { email: "ars.bfc@ars-bfc.test", name: "ARS BFC", role: "ars", regions: ["27"], departements: [] })).json<{ user: UserView }>();
    expect(region.user.arsScopes).toEqual([{ level: "region", code: "27", label: "Région Bourgogne-Franche-Comté" }]);
    const adminRes = await create(admin, { email: "second.admin@cles.test", name: "Seconde administratrice", role: "admin" });
    expect(adminRes.json<{ user: UserView }>().user).toMatchObject({ isAdmin: true, arsScopes: [], memberships: [] });
    const coord = await create(admin, { email: "coord@camvs.test", name: "Nouvelle coordinatrice", role: "coordinator", contractId: camvsId });
    expect(coord.statusCode, coord.body).toBe(201);
    const user = coord.json<{ user: UserView }>().user;
    expect(user.memberships).toEqual([expect.objectContaining({ contractId: camvsId, role: "coordinator" })]);
    // The contract's history says who joined.
    const history = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.contractId, camvsId));
    expect(history.some((h) => h.objectId === user.id && h.objectType === "member" && h.operation === "create")).toBe(true);
  });

  it("refuses, field by field in French, and writes nothing", async () => {
    const before = await written();
    const taken = expectProblem(await create(admin, { email: "MARIE.DUPONT@camvs.test", name: "Doublon", role: "admin" }), 400);
    expect(taken.errors).toEqual([{ path: "email", message: "Un compte existe déjà pour cette adresse e-mail." }]);
    const noTerritory = expectProblem(await create(admin, { email: "a@exemple.fr", name: "A", role: "ars" }), 400);
    expect(noTerritory.errors).toEqual([{ path: "departements", message: "Choisissez au moins un département ou une région pour une délégation ARS." }]);
    const unknown = expectProblem(await create(admin, { email: "a@exemple.fr", name: "A", role: "ars", departements: ["21", "99"], regions: ["12"] }), 400);
    expect(unknown.errors?.map((e) => e.path).sort()).toEqual(["departements.1", "regions.0"]);
    expect(unknown.errors?.[0]?.message).toMatch(/n'existe pas/);
    const noContract = expectProblem(await create(admin, { email: "a@exemple.fr", name: "A", role: "coordinator" }), 400);
    expect(noContract.errors).toEqual([{ path: "contractId", message: "Choisissez le contrat que cette personne coordonne." }]);
    const ghost = expectProblem(await create(admin, { email: "a@exemple.fr", name: "A", role: "coordinator", contractId: "00000000-0000-4000-8000-000000000000" }), 400);
    expect(ghost.errors).toEqual([{ path: "contractId", message: "Ce contrat n'existe pas." }]);
    const badRole = expectProblem(await create(admin, { email: "pas-une-adresse", name: "", role: "roi" }), 400);
    expect(badRole.errors?.map((e) => e.path).sort()).toEqual(["email", "name", "role"]);
    expect(await written()).toEqual(before);
  });
});
