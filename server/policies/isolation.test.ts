/**
 * Cross-contract isolation: a person of one contract learns nothing of another
 * (404, as if it did not exist), ARS delegations see the contracts of their
 * territory only, a lead writes only the fiches they lead, and no state change
 * goes through without the CSRF token.
 *
 * Contract A is CAPVM (its coordinator, Thomas Petit, is the outsider), contract B is CAMVS.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, auditEntries, contracts } from "../db/schema.js";
import { DEMO_PASSWORD } from "../demo/accounts.js";
import { createUser } from "../features/accounts/service.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { signedInClient, type TestClient } from "../testing/client.js";
import { expectProblem } from "../testing/http.js";

const OUTSIDER = "thomas.petit@capvm.test";
const COORDINATOR = "marie.dupont@camvs.test";
const LEAD = "sophie.leroy@camvs.test";
const PARTNER = "karim.benali@cpam77.test";
const ARS_77 = "ars77@ars-idf.test";
const CAMVS_SLUG = "camvs-2021-2023";
const CAPVM_SLUG = "capvm-2019-2022";
/** A word of the CAMVS fiches' titles ("Journée de la Santé", "Santé des jeunes dans les QPV"…). */
const CAMVS_WORD = "santé";

type Fiche = Record<string, unknown> & { id: string; version: number; title: string; number: number };

let ctx: TestContext;
let camvs: string;
let capvm: string;
/** CAMVS fiches by number: 1 (not led by Sophie), 5 and 6 (led by Sophie). */
const fiche: Record<number, string> = {};
const clients: Record<string, TestClient> = {};

async function client(email: string): Promise<TestClient> {
  clients[email] ??= await signedInClient(ctx.server, email);
  return clients[email];
}

async function slugsListedFor(c: TestClient): Promise<string[]> {
  const res = await c.inject({ url: "/api/contracts" });
  expect(res.statusCode).toBe(200);
  return res
    .json<{ items: { slug: string }[] }>()
    .items.map((i) => i.slug)
    .sort();
}

/** The fiche as the admin reads it. */
async function readFiche(id: string): Promise<Fiche> {
  const res = await ctx.app.inject({ url: `/api/actions/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<Fiche>();
}

/** The body of PUT /api/actions/:id from the fiche as read, with `changes` applied. */
async function updateBody(id: string, changes: Record<string, unknown> = {}) {
  const { permissions: _p, id: _id, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, ...body } = await readFiche(id);
  return { ...body, ...changes };
}

async function auditCount(): Promise<number> {
  const [row] = await ctx.database.db.select({ n: count() }).from(auditEntries);
  return row!.n;
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  const slugId = async (slug: string) => (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  camvs = await slugId(CAMVS_SLUG);
  capvm = await slugId(CAPVM_SLUG);
  for (const n of [1, 5, 6]) {
    fiche[n] = (await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, n))))[0]!.id;
  }
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe("a person of contract A (CAPVM coordinator) gets nothing of contract B (CAMVS)", () => {
  it("lists only CAPVM", async () => {
    expect(await slugsListedFor(await client(OUTSIDER))).toEqual([CAPVM_SLUG]);
    // The admin sees both: the demo has the two contracts.
    expect(await slugsListedFor(ctx.app)).toEqual([CAMVS_SLUG, CAPVM_SLUG].sort());
  });

  it("reads its own contract and not the other (404)", async () => {
    const outsider = await client(OUTSIDER);
    expect((await outsider.inject({ url: `/api/contracts/${capvm}` })).statusCode).toBe(200);
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}` }), 404);
  });

  it("answers for the other contract exactly as for a contract that does not exist", async () => {
    const outsider = await client(OUTSIDER);
    const existing = expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}` }), 404);
    const unknown = expectProblem(await outsider.inject({ url: `/api/contracts/${randomUUID()}` }), 404);
    expect({ ...existing, instance: "" }).toEqual({ ...unknown, instance: "" });
  });

  it("cannot list the other contract's fiches, nor search them (404)", async () => {
    const outsider = await client(OUTSIDER);
    // The word is really found in CAMVS: the admin's search returns fiches.
    const found = await ctx.app.inject({ url: `/api/contracts/${camvs}/actions?q=${encodeURIComponent(CAMVS_WORD)}` });
    expect(found.statusCode).toBe(200);
    expect(found.json<{ total: number }>().total).toBeGreaterThan(0);

    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/actions` }), 404);
    const searched = expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/actions?q=${encodeURIComponent(CAMVS_WORD)}` }), 404);
    expect(JSON.stringify(searched)).not.toMatch(/Journée|QPV/);
    // Its own contract's search works.
    expect((await outsider.inject({ url: `/api/contracts/${capvm}/actions?q=${encodeURIComponent(CAMVS_WORD)}` })).statusCode).toBe(200);
  });

  it("cannot read a fiche of the other contract, nor its history (404)", async () => {
    const outsider = await client(OUTSIDER);
    const read = expectProblem(await outsider.inject({ url: `/api/actions/${fiche[6]}` }), 404);
    expect(JSON.stringify(read)).not.toContain("Journée de la Santé");
    expectProblem(await outsider.inject({ url: `/api/actions/${fiche[6]}/history` }), 404);
  });

  // The 404 must not tell a fiche of another contract from a fiche that does not exist.
  it("answers for a fiche of the other contract exactly as for a fiche that does not exist", async () => {
    const outsider = await client(OUTSIDER);
    const existing = expectProblem(await outsider.inject({ url: `/api/actions/${fiche[6]}` }), 404);
    const unknown = expectProblem(await outsider.inject({ url: `/api/actions/${randomUUID()}` }), 404);
    expect({ ...existing, instance: "" }).toEqual({ ...unknown, instance: "" });
  });

  it("cannot export the other contract, nor read its history (404)", async () => {
    const outsider = await client(OUTSIDER);
    expect((await outsider.inject({ url: `/api/contracts/${capvm}/export` })).statusCode).toBe(200);
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/export` }), 404);
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/history` }), 404);
  });

  it("cannot change a fiche of the other contract (404) and the fiche stays as it was", async () => {
    const outsider = await client(OUTSIDER);
    const before = await readFiche(fiche[1]!);
    const audits = await auditCount();
    const res = await outsider.inject({ method: "PUT", url: `/api/actions/${fiche[1]}`, payload: await updateBody(fiche[1]!, { title: "Fiche détournée" }) });
    expectProblem(res, 404);
    const after = await readFiche(fiche[1]!);
    expect(after.version).toBe(before.version);
    expect(after.title).toBe(before.title);
    expect(after).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("cannot archive a fiche of the other contract (404)", async () => {
    const outsider = await client(OUTSIDER);
    const before = await readFiche(fiche[1]!);
    expectProblem(await outsider.inject({ method: "POST", url: `/api/actions/${fiche[1]}/archive`, payload: { version: before.version } }), 404);
    expect((await readFiche(fiche[1]!)).archivedAt).toBeNull();
  });
});

describe("who lists which contract", () => {
  it("the CAMVS partner lists only CAMVS, and gets 404 on CAPVM", async () => {
    const partner = await client(PARTNER);
    expect(await slugsListedFor(partner)).toEqual([CAMVS_SLUG]);
    expectProblem(await partner.inject({ url: `/api/contracts/${capvm}` }), 404);
    expectProblem(await partner.inject({ url: `/api/contracts/${capvm}/actions` }), 404);
  });

  it("the ARS of département 77 lists both contracts (both in 77) and reads them, without writing", async () => {
    const ars = await client(ARS_77);
    expect(await slugsListedFor(ars)).toEqual([CAMVS_SLUG, CAPVM_SLUG].sort());
    expect((await ars.inject({ url: `/api/contracts/${camvs}` })).statusCode).toBe(200);
    expect((await ars.inject({ url: `/api/contracts/${capvm}/export` })).statusCode).toBe(200);
    const before = await readFiche(fiche[1]!);
    expectProblem(await ars.inject({ method: "PUT", url: `/api/actions/${fiche[1]}`, payload: await updateBody(fiche[1]!, { title: "Par l'ARS" }) }), 403);
    expect((await readFiche(fiche[1]!)).version).toBe(before.version);
  });

  it("an ARS of another département (13) lists none and gets 404 on CAMVS", async () => {
    const email = `ars13-${randomUUID()}@ars-paca.test`;
    await createUser(ctx.database.db, { email, name: "ARS Bouches-du-Rhône", password: DEMO_PASSWORD, ars: [{ level: "department", code: "13" }] });
    const ars13 = await signedInClient(ctx.server, email);
    expect(await slugsListedFor(ars13)).toEqual([]);
    expectProblem(await ars13.inject({ url: `/api/contracts/${camvs}` }), 404);
    expectProblem(await ars13.inject({ url: `/api/contracts/${camvs}/actions` }), 404);
    expectProblem(await ars13.inject({ url: `/api/actions/${fiche[1]}` }), 404);
    expectProblem(await ars13.inject({ url: `/api/contracts/${camvs}/export` }), 404);
  });

  it("an ARS of region 11 (Île-de-France) lists both contracts", async () => {
    const email = `ars-idf-${randomUUID()}@ars-idf.test`;
    await createUser(ctx.database.db, { email, name: "ARS Île-de-France", password: DEMO_PASSWORD, ars: [{ level: "region", code: "11" }] });
    const region = await signedInClient(ctx.server, email);
    expect(await slugsListedFor(region)).toEqual([CAMVS_SLUG, CAPVM_SLUG].sort());
    expect((await region.inject({ url: `/api/actions/${fiche[1]}` })).statusCode).toBe(200);
  });

  it("an ARS of another region (93, PACA) lists none", async () => {
    const email = `ars-paca-${randomUUID()}@ars-paca.test`;
    await createUser(ctx.database.db, { email, name: "ARS PACA", password: DEMO_PASSWORD, ars: [{ level: "region", code: "93" }] });
    const paca = await signedInClient(ctx.server, email);
    expect(await slugsListedFor(paca)).toEqual([]);
    expectProblem(await paca.inject({ url: `/api/contracts/${capvm}` }), 404);
  });
});

describe("a lead writes only the fiches they lead", () => {
  it("is told which fiches they may edit", async () => {
    const lead = await client(LEAD);
    const permissions = async (id: string) => (await lead.inject({ url: `/api/actions/${id}` })).json<{ permissions: { update: boolean; archive: boolean } }>().permissions;
    expect(await permissions(fiche[1]!)).toMatchObject({ update: false, archive: false });
    expect(await permissions(fiche[5]!)).toMatchObject({ update: true, archive: false });
  });

  it("editing FA 1 (not theirs) is refused (403) and writes nothing", async () => {
    const lead = await client(LEAD);
    const before = await readFiche(fiche[1]!);
    const audits = await auditCount();
    const res = await lead.inject({ method: "PUT", url: `/api/actions/${fiche[1]}`, payload: await updateBody(fiche[1]!, { targetPublic: "Public changé par la pilote" }) });
    const problem = expectProblem(res, 403);
    expect(problem.detail).toBe("Vous n'avez pas le droit de faire cette action.");
    const after = await readFiche(fiche[1]!);
    expect(after.version).toBe(before.version);
    expect(after.targetPublic).toBe(before.targetPublic);
    expect(await auditCount()).toBe(audits);
  });

  it("editing FA 5 (theirs) succeeds (200) and is recorded", async () => {
    const lead = await client(LEAD);
    const before = await readFiche(fiche[5]!);
    const audits = await auditCount();
    const res = await lead.inject({ method: "PUT", url: `/api/actions/${fiche[5]}`, payload: await updateBody(fiche[5]!, { targetPublic: "Habitants des QPV, par la pilote" }) });
    expect(res.statusCode).toBe(200);
    expect(res.json<Fiche>()).toMatchObject({ version: before.version + 1, targetPublic: "Habitants des QPV, par la pilote" });
    expect((await readFiche(fiche[5]!)).targetPublic).toBe("Habitants des QPV, par la pilote");
    expect(await auditCount()).toBe(audits + 1);
  });

  it("cannot archive FA 5 although they lead it (403)", async () => {
    const lead = await client(LEAD);
    const before = await readFiche(fiche[5]!);
    expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fiche[5]}/archive`, payload: { version: before.version } }), 403);
    const after = await readFiche(fiche[5]!);
    expect(after.archivedAt).toBeNull();
    expect(after.version).toBe(before.version);
  });
});

describe("CSRF and sign-in", () => {
  it("a signed-in request without the CSRF token is refused (403, French detail) and writes nothing", async () => {
    const coordinator = await client(COORDINATOR);
    const before = await readFiche(fiche[6]!);
    const audits = await auditCount();
    const body = await updateBody(fiche[6]!, { targetPublic: "Sans jeton" });
    const res = await coordinator.inject({ method: "PUT", url: `/api/actions/${fiche[6]}`, payload: body, headers: { "x-csrf-token": "" } });
    const problem = expectProblem(res, 403);
    expect(problem.detail).toMatch(/jeton de sécurité/i);
    expect(problem.title).toBe("Jeton de sécurité invalide");
    expect(await readFiche(fiche[6]!)).toEqual(before);
    expect(await auditCount()).toBe(audits);
    // The same request with the token goes through: the refusal was the token's.
    const ok = await coordinator.inject({ method: "PUT", url: `/api/actions/${fiche[6]}`, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(await auditCount()).toBe(audits + 1);
  });

  it("a wrong CSRF token is refused too (403)", async () => {
    const coordinator = await client(COORDINATOR);
    const before = await readFiche(fiche[6]!);
    const res = await coordinator.inject({ method: "PUT", url: `/api/actions/${fiche[6]}`, payload: await updateBody(fiche[6]!, { place: "Ailleurs" }), headers: { "x-csrf-token": "pas-le-bon-jeton" } });
    expectProblem(res, 403);
    expect(await readFiche(fiche[6]!)).toEqual(before);
  });

  it("a request carrying only the session cookie (no CSRF cookie, no header) is refused (403)", async () => {
    // Sign in by hand, as a browser would, to keep the session cookie alone.
    const session = await ctx.server.inject({ url: "/api/auth/session" });
    const csrfCookie = session.cookies.find((c) => c.name === "cles.csrf");
    expect(csrfCookie).toBeDefined();
    const signIn = await ctx.server.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { cookie: `cles.csrf=${csrfCookie!.value}`, "x-csrf-token": session.json<{ csrfToken: string }>().csrfToken },
      payload: { email: COORDINATOR, password: DEMO_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const sessionCookie = signIn.cookies.find((c) => c.name.endsWith("session_token"));
    expect(sessionCookie).toBeDefined();
    const cookie = `${sessionCookie!.name}=${sessionCookie!.value}`;
    // The cookie alone signs in: a read goes through.
    expect((await ctx.server.inject({ url: `/api/actions/${fiche[6]}`, headers: { cookie } })).statusCode).toBe(200);

    const before = await readFiche(fiche[6]!);
    const audits = await auditCount();
    const res = await ctx.server.inject({ method: "PUT", url: `/api/actions/${fiche[6]}`, headers: { cookie }, payload: await updateBody(fiche[6]!, { targetPublic: "Par une page tierce" }) });
    const problem = expectProblem(res, 403);
    expect(problem.detail).toMatch(/CSRF/);
    expect(await readFiche(fiche[6]!)).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("anonymous is asked to sign in (401) on the contracts", async () => {
    const problem = expectProblem(await ctx.server.inject({ url: "/api/contracts" }), 401);
    expect(problem.detail).toBe("Connectez-vous pour continuer.");
    expectProblem(await ctx.server.inject({ url: `/api/contracts/${camvs}` }), 401);
    expectProblem(await ctx.server.inject({ url: `/api/actions/${fiche[1]}` }), 401);
  });
});
