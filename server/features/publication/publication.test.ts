/**
 * The public page of a contract: absent until its coordinator publishes it,
 * readable without signing in once published, without people's names, internal
 * ids or archived fiches, and gone again when unpublished.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, auditEntries, contracts } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import type { ContractView } from "../../testing/fixtures.js";
import { expectProblem } from "../../testing/http.js";

const CAMVS_SLUG = "camvs-2021-2023";
const CAPVM_SLUG = "capvm-2019-2022";
const NOT_PUBLISHED = "Ce contrat n'a pas de page publique.";
/** People named on a CAMVS fiche before publication: they must never reach the public page. */
const LEAD_PERSON = "Jeanne Discrète-Pilote";
const PARTNER_PERSON = "Paul Confidentiel";
/** Keys of internal data that the public page must not carry, at any depth. */
const PRIVATE_KEYS = ["id", "version", "person", "leadPerson", "contractId", "organisationId", "axisId", "objectiveId", "archivedAt", "updatedAt", "permissions", "organisations", "email", "published"];

interface PublicPage {
  slug: string;
  name: string;
  localAuthority: string;
  status: string;
  statusLabel: string;
  summary: string;
  communes: { inseeCode: string; name: string }[];
  signatories: { organisationName: string; representative: string; title: string }[];
  axes: { number: number; title: string; description: string; objectives: { code: string; title: string }[] }[];
  actions: { number: number; title: string; axisNumber: number; objectiveCode: string | null; status: string; statusLabel: string; lead: string | null; partners: string[] }[];
  documents: unknown[];
  participation: { calls: { title: string; open: boolean; path: string }[]; surveys: { title: string; open: boolean; resultsPublished: boolean; path: string }[] };
}
interface Entry {
  actor: { id: string | null; name: string };
  operation: string;
  objectType: string;
  objectId: string;
  changes: { field: string; label: string; before: string | null; after: string | null }[];
}
type Fiche = Record<string, unknown> & { id: string; version: number; number: number; title: string };

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let camvs: string;
let capvm: string;

/** The public page as anyone gets it: no cookie at all. */
const publicPage = (slug: string) => ctx.server.inject({ url: `/api/public/contracts/${slug}` });

async function getJson<T>(c: TestClient, url: string): Promise<T> {
  const res = await c.inject({ url });
  expect(res.statusCode, url).toBe(200);
  return res.json<T>();
}

const contractOf = (id: string) => getJson<ContractView & { published: boolean }>(ctx.app, `/api/contracts/${id}`);
const contractHistory = async (id: string) => (await getJson<{ items: Entry[] }>(coordinator, `/api/contracts/${id}/history`)).items;
const publish = (c: TestClient, id: string, published: boolean) => c.inject({ method: "PUT", url: `/api/contracts/${id}/publication`, payload: { published } });

async function auditCount(): Promise<number> {
  const [row] = await ctx.database.db.select({ n: count() }).from(auditEntries);
  return row!.n;
}

async function ficheNumbered(n: number): Promise<Fiche> {
  const [row] = await ctx.database.db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, n)));
  return getJson<Fiche>(ctx.app, `/api/actions/${row!.id}`);
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const slugId = async (slug: string) => (await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  camvs = await slugId(CAMVS_SLUG);
  capvm = await slugId(CAPVM_SLUG);
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");

  // Name people on FA 3 (its lead and a partner), as a coordinator may: private data.
  const fa3 = await ficheNumbered(3);
  const contract = await contractOf(camvs);
  const [cpam, ars] = ["CPAM 77", "ARS"].map((short) => contract.organisations.find((o) => o.shortName === short));
  const { permissions: _p, id: _id, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, ...body } = fa3;
  const res = await ctx.app.inject({
    method: "PUT",
    url: `/api/actions/${fa3.id}`,
    payload: {
      ...body,
      lead: { organisation: cpam!.id, person: LEAD_PERSON },
      partners: [{ sector: "Santé", organisation: ars!.id, person: PARTNER_PERSON, needsAnalysis: true, resourceMobilisation: false, implementation: true, coSteering: false }],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe("the public page of a contract", () => {
  it("does not exist while the contract is unpublished (404 without any cookie)", async () => {
    expect((await contractOf(camvs)).published).toBe(false);
    const problem = expectProblem(await publicPage(CAMVS_SLUG), 404);
    expect(problem.detail).toBe(NOT_PUBLISHED);
    // Signed in changes nothing: the page is the public's, not the members'.
    expectProblem(await coordinator.inject({ url: `/api/public/contracts/${CAMVS_SLUG}` }), 404);
  });

  it("cannot be published by a partner (403), and nothing changes", async () => {
    const before = await contractOf(camvs);
    const audits = await auditCount();
    expectProblem(await publish(partner, camvs, true), 403);
    const after = await contractOf(camvs);
    expect(after.published).toBe(false);
    expect(after.version).toBe(before.version);
    expect(await auditCount()).toBe(audits);
    expectProblem(await publicPage(CAMVS_SLUG), 404);
  });

  it("cannot be published by the coordinator of another contract (404)", async () => {
    const outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    expectProblem(await publish(outsider, camvs, true), 404);
    expect((await contractOf(camvs)).published).toBe(false);
    expectProblem(await publicPage(CAMVS_SLUG), 404);
  });

  it("cannot publish a contract that does not exist, even as admin (404)", async () => {
    const res = await publish(ctx.app, randomUUID(), true);
    expect(expectProblem(res, 404).detail).toBe("Ce contrat est introuvable.");
  });

  it("refuses a body without a boolean (400)", async () => {
    const problem = expectProblem(await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/publication`, payload: { published: "oui" } }), 400);
    expect(problem.errors?.[0]?.path).toBe("published");
    expect((await contractOf(camvs)).published).toBe(false);
  });

  it("is published by the coordinator (200), which the contract then shows", async () => {
    const before = await contractOf(camvs);
    const res = await publish(coordinator, camvs, true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ published: true });
    const after = await getJson<{ published: boolean; version: number }>(coordinator, `/api/contracts/${camvs}`);
    expect(after.published).toBe(true);
    expect(after.version).toBe(before.version + 1);
  });

  it("then answers without sign-in: the contract, its axes and its live fiches", async () => {
    const res = await publicPage(CAMVS_SLUG);
    expect(res.statusCode).toBe(200);
    expect(res.headers["set-cookie"]).toBeUndefined();
    const page = res.json<PublicPage>();
    const contract = await contractOf(camvs);
    expect(page).toMatchObject({ slug: CAMVS_SLUG, name: contract.name, localAuthority: contract.localAuthority, summary: contract.summary, statusLabel: expect.any(String) });
    expect(page.communes.map((c) => c.inseeCode)).toEqual(contract.communes.map((c) => c.inseeCode));
    expect(page.axes.map((a) => [a.number, a.title])).toEqual(contract.axes.map((a) => [a.number, a.title]));
    expect(page.axes.map((a) => a.objectives.map((o) => o.code))).toEqual(contract.axes.map((a) => a.objectives.map((o) => o.code)));
    const live = await getJson<{ items: { number: number; title: string }[] }>(ctx.app, `/api/contracts/${camvs}/actions?sort=number`);
    expect(page.actions.map((a) => [a.number, a.title])).toEqual(live.items.map((a) => [a.number, a.title]));
    // The statuses the app shows, following the calendar (issue 15): the contract ended on 31/12/2023, overdue fiches are late.
    expect({ status: page.status, statusLabel: page.statusLabel }).toEqual({ status: "to_evaluate", statusLabel: "À évaluer" });
    const shownInApp = await getJson<{ items: { number: number; shownStatus: string }[] }>(ctx.app, `/api/contracts/${camvs}/actions?sort=number`);
    expect(page.actions.map((a) => [a.number, a.status])).toEqual(shownInApp.items.map((a) => [a.number, a.shownStatus]));
    expect(page.actions).toHaveLength(15);
    // The lead and partners are shown by organisation only.
    const fa3 = page.actions.find((a) => a.number === 3)!;
    expect(fa3.lead).toBe("Caisse primaire d'assurance maladie de Seine-et-Marne");
    expect(fa3.partners).toEqual(["Agence régionale de santé Île-de-France"]);
    // The residents' call of 2021 (closed) and the survey of the Rencontres de la Santé, whose results are published.
    expect(page.participation.calls).toEqual([expect.objectContaining({ title: "Atelier des habitants — World Café (illustratif)", open: false, path: expect.stringMatching(/^\/public\/camvs-2021-2023\/ateliers\//) })]);
    expect(page.participation.surveys).toEqual([expect.objectContaining({ open: false, resultsPublished: true, path: expect.stringMatching(/^\/public\/camvs-2021-2023\/sondages\//) })]);
  });

  it("names no person and carries no internal data", async () => {
    const res = await publicPage(CAMVS_SLUG);
    expect(res.statusCode).toBe(200);
    // The names are really on the fiche, for the signed-in.
    const fa3 = await ficheNumbered(3);
    expect(JSON.stringify(fa3)).toContain(LEAD_PERSON);
    expect(JSON.stringify(fa3)).toContain(PARTNER_PERSON);

    expect(res.body).not.toContain(LEAD_PERSON);
    expect(res.body).not.toContain(PARTNER_PERSON);
    expect(res.body).not.toContain("@");
    const keys = keysOf(res.json());
    for (const key of PRIVATE_KEYS) expect(keys.has(key), `key « ${key} »`).toBe(false);
    // Nor the ids of the contract or its fiches.
    expect(res.body).not.toContain(camvs);
    expect(res.body).not.toContain(fa3.id);
  });

  it("drops a fiche once archived", async () => {
    const fa2 = await ficheNumbered(2);
    expect((await publicPage(CAMVS_SLUG)).json<PublicPage>().actions.some((a) => a.number === 2)).toBe(true);
    const archived = await ctx.app.inject({ method: "POST", url: `/api/actions/${fa2.id}/archive`, payload: { version: fa2.version } });
    expect(archived.statusCode).toBe(200);
    const res = await publicPage(CAMVS_SLUG);
    expect(res.statusCode).toBe(200);
    const page = res.json<PublicPage>();
    expect(page.actions.map((a) => a.number)).not.toContain(2);
    expect(page.actions).toHaveLength(14);
    expect(res.body).not.toContain(fa2.title);
  });

  it("is 404 for an unknown slug, and for CAPVM which stays unpublished", async () => {
    expect(expectProblem(await publicPage(`inconnu-${randomUUID().slice(0, 8)}`), 404).detail).toBe(NOT_PUBLISHED);
    expect((await contractOf(capvm)).published).toBe(false);
    expect(expectProblem(await publicPage(CAPVM_SLUG), 404).detail).toBe(NOT_PUBLISHED);
  });

  it("publishing again changes nothing and records nothing", async () => {
    const entries = (await contractHistory(camvs)).length;
    const res = await publish(coordinator, camvs, true);
    expect(res.statusCode).toBe(200);
    expect((await contractOf(camvs)).published).toBe(true);
    expect(await contractHistory(camvs)).toHaveLength(entries);
    expect((await publicPage(CAMVS_SLUG)).statusCode).toBe(200);
  });

  it("is gone again (404) once unpublished", async () => {
    const res = await publish(coordinator, camvs, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ published: false });
    expect((await contractOf(camvs)).published).toBe(false);
    expect(expectProblem(await publicPage(CAMVS_SLUG), 404).detail).toBe(NOT_PUBLISHED);
  });

  it("shows each publication change in the contract's history", async () => {
    const changes = (await contractHistory(camvs)).filter((e) => e.objectType === "contract" && e.changes.some((c) => c.field === "published"));
    // Newest first: unpublished, then published; by the coordinator.
    expect(changes.map((e) => e.changes)).toEqual([
      [{ field: "published", label: "Page publique", before: "Oui", after: "Non" }],
      [{ field: "published", label: "Page publique", before: "Non", after: "Oui" }],
    ]);
    for (const e of changes) expect(e).toMatchObject({ operation: "update", objectId: camvs, actor: { name: "Marie Dupont" } });
  });
});
