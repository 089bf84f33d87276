/**
 * Communes' referents through the API (issue 18, items 1 and 3): the CAMVS coordinator names,
 * replaces and removes a commune's referents at the version read; the communes without one
 * shrink; bad input is a French 400 per field; partners, the ARS, outsiders and the signed-out
 * are refused; a refusal writes nothing; a contract save keeps the referents.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, communeReferents, contracts, memberships, users } from "../../db/schema.js";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { referentPayload } from "../../testing/matrix/cases/referents.js";

interface Referent {
  role: string;
  userId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  name: string;
  email: string;
  phone: string;
  displayName: string;
  contactEmail: string;
  namedOn: string;
  version: number;
}
interface Listed {
  communes: { id: string; inseeCode: string; name: string; technical: Referent | null; elected: Referent | null }[];
  coverage: { total: number; complete: number; withoutReferent: { id: string; name: string }[]; line: string };
  directory: { members: { id: string; name: string }[]; organisations: { id: string; name: string }[] };
}

/** Who asks, by the demo account they sign in with: the CAMVS coordinator, its CPAM partner, the ARS 77, the CAPVM coordinator (an outsider here). */
const ACCOUNTS = { coordinator: "marie.dupont@camvs.test", partner: "karim.benali@cpam77.test", ars: "ars77@ars-idf.test", outsider: "thomas.petit@capvm.test" } as const;
let ctx: TestContext;
let coordinator: TestClient;
const others = {} as Record<"partner" | "ars" | "outsider" | "anonymous", TestClient>;
const ids = { camvs: "", capvm: "" };

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const rows = await ctx.database.db.select({ id: contracts.id, slug: contracts.slug }).from(contracts);
  ids.camvs = rows.find((r) => r.slug === "camvs-2021-2023")!.id;
  ids.capvm = rows.find((r) => r.slug === "capvm-2019-2022")!.id;
  coordinator = await signedInClient(ctx.server, ACCOUNTS.coordinator);
  for (const who of ["partner", "ars", "outsider"] as const) others[who] = await signedInClient(ctx.server, ACCOUNTS[who]);
  others.anonymous = await anonymousClient(ctx.server);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const list = async (contractId = ids.camvs) => {
  const res = await (contractId === ids.camvs ? coordinator : ctx.app).inject({ url: `/api/contracts/${contractId}/referents` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Listed>();
};
const url = (communeId: string, role = "technical", contractId = ids.camvs) => `/api/contracts/${contractId}/communes/${communeId}/referents/${role}`;
const put = (client: TestClient, communeId: string, payload: object, role = "technical") => client.inject({ method: "PUT", url: url(communeId, role), payload });
const written = async () => {
  const db = ctx.database.db;
  return Promise.all([communeReferents, auditEntries].map(async (t) => (await db.select({ n: count() }).from(t))[0]!.n));
};

describe("the communes' referents", () => {
  it("lists every CAMVS commune without referent at first: the demo names none, as the seeds", async () => {
    const l = await list();
    expect(l.communes.length).toBeGreaterThan(1);
    expect(l.communes.every((c) => c.technical === null && c.elected === null)).toBe(true);
    expect(l.coverage).toMatchObject({ total: l.communes.length, complete: 0 });
    expect(l.coverage.withoutReferent.map((c) => c.id)).toEqual(l.communes.map((c) => c.id));
    expect(l.coverage.line).toBe(`Aucune commune sur ${l.communes.length} n'a encore ses deux référents (technique et élu)`);
  });

  it("names both referents of a commune — a named person, then a member of the contract — and the commune leaves the list without referent", async () => {
    const before = await list();
    const commune = before.communes[1]!;
    const res = await put(coordinator, commune.id, referentPayload({ name: "Claire Martin (illustratif)", email: "claire.martin@exemple.fr" }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Referent>()).toMatchObject({ role: "technical", name: "Claire Martin (illustratif)", contactEmail: "claire.martin@exemple.fr", namedOn: "2021-09-14", version: 1 });
    const member = before.directory.members[0]!;
    const organisation = before.directory.organisations[0]!;
    const elected = await put(coordinator, commune.id, referentPayload({ name: "", email: "", phone: "", userId: member.id, organisationId: organisation.id }), "elected");
    expect(elected.statusCode, elected.body).toBe(200);
    expect(elected.json<Referent>()).toMatchObject({ userId: member.id, displayName: member.name, organisationName: organisation.name });
    const after = await list();
    expect(after.coverage.withoutReferent.map((c) => c.id)).not.toContain(commune.id);
    expect(after.coverage.complete).toBe(1);
    expect(after.coverage.line).toBe(`1 commune sur ${after.communes.length} a ses deux référents (technique et élu)`);
    // The history names the commune and the role, never the person.
    const entries = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectType, "commune_referent"));
    expect(entries.map((e) => e.objectLabel)).toEqual(expect.arrayContaining([`Référent technique de ${commune.name}`, `Élu référent de ${commune.name}`]));
    expect(JSON.stringify(entries)).not.toContain("Claire Martin");
  });

  it("replaces a referent at the version read, refuses a stale version (409) and a second « first » naming, writing nothing", async () => {
    const commune = (await list()).communes[2]!;
    const first = (await put(coordinator, commune.id, referentPayload())).json<Referent>();
    const replaced = await put(coordinator, commune.id, referentPayload({ name: "Paul Durand (illustratif)", version: first.version, namedOn: "2022-01-10" }));
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<Referent>()).toMatchObject({ name: "Paul Durand (illustratif)", namedOn: "2022-01-10", version: 2 });
    const counts = await written();
    expect(expectProblem(await put(coordinator, commune.id, referentPayload({ version: first.version })), 409).detail).toBe(STALE_MESSAGE);
    expectProblem(await put(coordinator, commune.id, referentPayload({ version: null })), 409);
    expect(await written()).toEqual(counts);
  });

  it("removes a referent after confirmation at its version: 409 when stale, 404 when there is none", async () => {
    const commune = (await list()).communes[3]!;
    const named = (await put(coordinator, commune.id, referentPayload())).json<Referent>();
    expectProblem(await coordinator.inject({ method: "DELETE", url: `${url(commune.id)}?version=${named.version + 1}` }), 409);
    const res = await coordinator.inject({ method: "DELETE", url: `${url(commune.id)}?version=${named.version}` });
    expect(res.statusCode, res.body).toBe(204);
    expect((await list()).communes.find((c) => c.id === commune.id)!.technical).toBeNull();
    expect(expectProblem(await coordinator.inject({ method: "DELETE", url: `${url(commune.id)}?version=1` }), 404).detail).toBe("Cette commune n'a pas de référent pour ce rôle.");
  });

  it("keeps the referents when the contract is saved with the same communes", async () => {
    const before = await list();
    const named = before.communes.find((c) => c.technical)!;
    const contract = (await coordinator.inject({ url: `/api/contracts/${ids.camvs}` })).json<Record<string, unknown> & { signatories: Record<string, unknown>[] }>();
    const { slug, name, localAuthority, startDate, endDate, status, summary, communes, priorityAreas, version, population } = contract;
    const signatories = contract.signatories.map(({ organisationId, representative, title, signedOn }) => ({ organisation: organisationId, representative, title, signedOn }));
    const res = await coordinator.inject({ method: "PUT", url: `/api/contracts/${ids.camvs}`, payload: { slug, name, localAuthority, startDate, endDate, status, summary, communes, priorityAreas, signatories, version, population } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await list()).communes.find((c) => c.id === named.id)?.technical).toEqual(named.technical);
  });
});

describe("bad input (400, French, per field, nothing written)", () => {
  it("refuses an e-mail that is not one, a phone that is not one, a missing name, a bad date", async () => {
    const commune = (await list()).communes[4]!;
    const counts = await written();
    const problem = expectProblem(await put(coordinator, commune.id, referentPayload({ email: "pas-une-adresse", phone: "12", name: "", namedOn: "2021-02-30" })), 400);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: "email", message: "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr)." },
        { path: "phone", message: "Indiquez un numéro de téléphone (par exemple 06 12 34 56 78)." },
        { path: "namedOn", message: "Indiquez une date valide au format AAAA-MM-JJ." },
      ]),
    );
    expect(await written()).toEqual(counts);
  });

  it("refuses a commune of another contract, an account that is not a member, an organisation of another directory", async () => {
    const foreign = (await list(ids.capvm)).communes[0]!;
    const [stranger] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, "thomas.petit@capvm.test"));
    const [member] = await ctx.database.db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, stranger!.id));
    expect(member).toBeDefined();
    const foreignOrg = (await list(ids.capvm)).directory.organisations[0]!;
    const counts = await written();
    expect(expectProblem(await put(coordinator, foreign.id, referentPayload()), 400).errors).toEqual([{ path: "communeId", message: "Cette commune n'est pas dans ce contrat." }]);
    const own = (await list()).communes[4]!;
    expect(expectProblem(await put(coordinator, own.id, referentPayload({ userId: stranger!.id, organisationId: foreignOrg.id })), 400).errors).toEqual([
      { path: "userId", message: "Cette personne n'est pas membre de ce contrat : choisissez-la dans la liste, ou indiquez son nom et ses coordonnées." },
      { path: "organisationId", message: "Cette organisation n'est pas dans l'annuaire de ce contrat." },
    ]);
    expect(await written()).toEqual(counts);
  });

  it("refuses a role that does not exist", async () => {
    const own = (await list()).communes[4]!;
    const counts = await written();
    const problem = expectProblem(await put(coordinator, own.id, referentPayload(), "maire"), 400);
    expect(problem.errors?.[0]?.path).toBe("params.role");
    expect(problem.errors?.[0]?.message).toContain("Ce rôle de référent n'existe pas");
    expect(await written()).toEqual(counts);
  });
});

describe("who may", () => {
  it("refuses partners and the ARS (403), outsiders (404), the signed-out (401), and writes nothing", async () => {
    const own = (await list()).communes[5]!;
    const counts = await written();
    for (const [client, status] of [[others.partner, 403], [others.ars, 403], [others.outsider, 404], [others.anonymous, 401]] as const) {
      expectProblem(await client.inject({ url: `/api/contracts/${ids.camvs}/referents` }), status);
      expectProblem(await put(client, own.id, referentPayload()), status);
      expectProblem(await client.inject({ method: "DELETE", url: `${url(own.id)}?version=1` }), status);
      expectProblem(await client.inject({ method: "POST", url: `/api/contracts/${ids.camvs}/relays`, payload: { subject: "Essai", text: "Essai" } }), status);
    }
    expect(await written()).toEqual(counts);
  });
});
