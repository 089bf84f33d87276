/**
 * Residents' workshops, the coordination's side (issue 14): series, call, registrations by a
 * member, attendance, export and erasure, tables, syntheses; and who may read residents' data.
 * The public call, the waitlist, cancellations and the purge: registrations.test.ts.
 */
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, communes, consentLog, contracts, governanceBodies, registrations, seats, syntheses, users, workshops } from "../../db/schema.js";
import { CONSENT_VERSION } from "../../domain/participation.js";
import { scoreTables, type Registrant } from "../../domain/composition.js";
import { readOutbox } from "../../mail/mailer.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { camvsParticipation, createWorkshop, registrationPayload, type WorkshopView, workshopPayload, workshopUpdate } from "../../testing/matrix/cases/participation.js";

let ctx: TestContext;
let coordinator: TestClient;
let lead: TestClient;
let partner: TestClient;
let ars: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let camvs: string;
let bodyId: string;
let towns: string[];

interface Table {
  index: number;
  score: { score: number; householdClashes: number };
  people: { id: string; name: string; locked: boolean; household: string }[];
}
interface Tables {
  score: number;
  maxPerTable: number;
  tables: Table[];
  unseated: { id: string }[];
  profiles: Registrant[];
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  [coordinator, lead, partner, ars, outsider, anonymous] = await Promise.all([
    signedInClient(ctx.server, "marie.dupont@camvs.test"),
    signedInClient(ctx.server, "sophie.leroy@camvs.test"),
    signedInClient(ctx.server, "karim.benali@cpam77.test"),
    signedInClient(ctx.server, "ars77@ars-idf.test"),
    signedInClient(ctx.server, "thomas.petit@capvm.test"),
    anonymousClient(ctx.server),
  ]);
  camvs = (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023")))[0]!.id;
  bodyId = (await camvsParticipation(db, camvs)).bodyId;
  towns = (await db.select({ inseeCode: communes.inseeCode }).from(communes).where(eq(communes.contractId, camvs)).orderBy(asc(communes.inseeCode))).map((c) => c.inseeCode);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const rows = async (table: typeof workshops | typeof registrations | typeof consentLog | typeof seats | typeof syntheses) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;
const read = async (id: string, client = coordinator) => (await client.inject({ url: `/api/workshops/${id}` })).json<WorkshopView>();
const tablesOf = async (sessionId: string) => {
  const res = await coordinator.inject({ url: `/api/workshop-sessions/${sessionId}/tables` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Tables>();
};
const idsAt = (t: Tables) => t.tables.map((table) => table.people.map((p) => p.id));
/** Registers as `client` (a member, for a resident): 201 expected. */
async function enrol(client: TestClient, w: WorkshopView, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await client.inject({ method: "POST", url: `/api/workshops/${w.id}/registrations`, payload: registrationPayload({ sessionIds: w.sessions.map((s) => s.id), communeInsee: towns[0]! }, overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describe("workshop series", () => {
  it("keeps a body that holds a workshop series: deleting it is a conflict, and both stay", async () => {
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "residents", name: "Ateliers du quartier", participation: true } });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json<{ id: string }>();
    const workshop = await createWorkshop(coordinator, camvs, body.id);
    const refused = await coordinator.inject({ method: "DELETE", url: `/api/bodies/${body.id}` });
    expect(expectProblem(refused, 409).detail).toBe("Cette instance porte 1 atelier d'habitants : elle ne peut pas être supprimée.");
    expect(await ctx.database.db.select({ id: governanceBodies.id }).from(governanceBodies).where(eq(governanceBodies.id, body.id))).toHaveLength(1);
    expect((await read(workshop.id)).id).toBe(workshop.id);
  });

  it("creates a workshop of the residents' body, lists it, and reads it with a rotation where each table meets each topic once", async () => {
    const fiche = (await ctx.database.db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 5))))[0]!.id;
    const payload = workshopPayload(bodyId);
    payload.topics[0]!.actionIds = [fiche];
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/workshops`, payload });
    expect(created.statusCode, created.body).toBe(201);
    const w = await read(created.json<{ id: string }>().id);
    expect(w).toMatchObject({ title: payload.title, capacity: 18, maxPerTable: 6, tableCount: 3, meal: true, deadline: "2099-10-22", callPublishedAt: null, registered: 0, waitlisted: 0 });
    expect(w.permissions).toEqual({ manage: true, readResidents: true, register: true });
    expect(w.topics.map((t) => t.title)).toEqual(payload.topics.map((t) => t.title));
    expect(w.topics[0]!.actionIds).toEqual([fiche]);
    expect(w.sessions).toHaveLength(2);
    const rotation = w.sessions[0]!.rotation!;
    expect(rotation.rounds.map((r) => [r.start, r.end])).toEqual([["18:00", "18:25"], ["18:25", "18:50"], ["18:50", "19:15"]]);
    for (const table of [1, 2, 3]) expect(new Set(rotation.rounds.map((r) => r.assignments.find((a) => a.table === table)?.topic))).toEqual(new Set(w.topics.map((t) => t.id)));
    const list = (await lead.inject({ url: `/api/contracts/${camvs}/workshops` })).json<{ items: { id: string; callPublished: boolean; registered: number }[] }>();
    expect(list.items).toContainEqual(expect.objectContaining({ id: w.id, callPublished: false, registered: 0 }));
  });

  it("refuses bad workshops with field errors, and writes nothing", async () => {
    const db = ctx.database.db;
    const capvm = (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "capvm-2019-2022")))[0]!.id;
    const foreignFiche = (await db.select({ id: actions.id }).from(actions).where(eq(actions.contractId, capvm)).limit(1))[0]!.id;
    const plainBody = (await db.select({ id: governanceBodies.id }).from(governanceBodies).where(and(eq(governanceBodies.contractId, camvs), eq(governanceBodies.participation, false))).limit(1))[0]!.id;
    const stranger = (await db.select({ id: users.id }).from(users).where(eq(users.email, "thomas.petit@capvm.test")))[0]!.id;
    const before = await rows(workshops);
    const post = (payload: unknown) => coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/workshops`, payload: payload as object });

    expect(expectProblem(await post(workshopPayload(bodyId, { capacity: 19 })), 400).errors).toEqual([{ path: "capacity", message: "3 tables de 6 personnes ne peuvent accueillir que 18 personnes." }]);
    expect(expectProblem(await post(workshopPayload(bodyId, { maxPerTable: 13, topics: [] })), 400).errors?.map((e) => e.path).sort()).toEqual(["maxPerTable", "topics"]);
    expect(expectProblem(await post(workshopPayload(plainBody)), 400).errors).toEqual([{ path: "bodyId", message: "Choisissez une instance de participation des habitants." }]);
    const topics = workshopPayload(bodyId).topics.map((t, i) => (i === 1 ? { ...t, actionIds: [foreignFiche] } : t));
    const moderators = [{ userId: stranger, name: "Thomas Petit" }];
    expect(expectProblem(await post(workshopPayload(bodyId, { topics, moderators })), 400).errors).toEqual([
      { path: "topics.1.actionIds.0", message: "Cette fiche n'existe pas dans ce contrat." },
      { path: "moderators.0.userId", message: "Cette personne n'est pas membre du contrat." },
    ]);
    const late = { startsAt: "2099-11-04T18:00:00+01:00", endsAt: "2099-11-04T17:00:00+01:00", place: "Melun" };
    expect(expectProblem(await post(workshopPayload(bodyId, { sessions: [late] })), 400).errors).toEqual([{ path: "sessions.0.endsAt", message: "La fin de la séance doit suivre son début." }]);
    expect(await rows(workshops)).toBe(before);
  });

  it("updates a workshop at its version, keeping its topics (and their syntheses) and dropping a session", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const topicId = w.topics[0]!.id;
    expect((await coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}/syntheses`, payload: { topicId, text: "Synthèse gardée." } })).statusCode).toBe(200);
    const fresh = await read(w.id);
    const res = await coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}`, payload: workshopUpdate(fresh, { title: "Atelier renommé (illustratif)", sessions: workshopUpdate(fresh).sessions.slice(0, 1) }) });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<WorkshopView>();
    expect(after).toMatchObject({ title: "Atelier renommé (illustratif)", version: fresh.version + 1 });
    expect(after.sessions.map((s) => s.id)).toEqual([fresh.sessions[0]!.id]);
    expect(after.topics.map((t) => t.id)).toEqual(fresh.topics.map((t) => t.id));
    expect(after.syntheses).toEqual([expect.objectContaining({ topicId, text: "Synthèse gardée." })]);
    expectProblem(await coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}`, payload: workshopUpdate(fresh) }), 409);
    const other = await createWorkshop(coordinator, camvs, bodyId);
    const foreignTopic = workshopUpdate(after, { topics: [{ ...workshopUpdate(after).topics[0]!, id: other.topics[0]!.id }] });
    expect(expectProblem(await coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}`, payload: foreignTopic }), 400).errors).toEqual([{ path: "topics.0.id", message: "Ce thème n'appartient pas à cet atelier." }]);
    expect((await read(w.id)).title).toBe("Atelier renommé (illustratif)");
  });

  it("publishes and withdraws the call", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const publicUrl = `/api/public/contracts/camvs-2021-2023/workshops/${w.id}`;
    expectProblem(await anonymous.inject({ url: publicUrl }), 404);
    const published = await coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}/call`, payload: { published: true } });
    expect(published.json<WorkshopView>().callPublishedAt).not.toBeNull();
    expect((await anonymous.inject({ url: publicUrl })).statusCode).toBe(200);
    const withdrawn = await coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}/call`, payload: { published: false } });
    expect(withdrawn.json<WorkshopView>().callPublishedAt).toBeNull();
    expect(expectProblem(await anonymous.inject({ url: publicUrl }), 404).detail).toBe("Cet atelier des habitants est introuvable.");
  });

  it("deletes a workshop nobody registered to, and refuses one with registrations", async () => {
    const empty = await createWorkshop(coordinator, camvs, bodyId);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/workshops/${empty.id}` })).statusCode).toBe(204);
    expectProblem(await coordinator.inject({ url: `/api/workshops/${empty.id}` }), 404);
    const taken = await createWorkshop(coordinator, camvs, bodyId);
    await enrol(coordinator, taken);
    expect(expectProblem(await coordinator.inject({ method: "DELETE", url: `/api/workshops/${taken.id}` }), 409).detail).toMatch(/^Cet atelier compte 1 inscription :/);
    expect((await coordinator.inject({ url: `/api/workshops/${taken.id}` })).statusCode).toBe(200);
  });
});

describe("who reads residents' data", () => {
  it("answers 401 signed out, 404 outside the contract, 403 to members who may not", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const id = await enrol(coordinator, w);
    expectProblem(await anonymous.inject({ url: `/api/workshops/${w.id}` }), 401);
    expect(expectProblem(await outsider.inject({ url: `/api/workshops/${w.id}` }), 404).detail).toBe("Cet atelier des habitants est introuvable.");
    expect(expectProblem(await outsider.inject({ url: `/api/registrations/${id}/export` }), 404).detail).toBe("Cette inscription est introuvable.");
    expectProblem(await coordinator.inject({ url: "/api/workshops/00000000-0000-4000-8000-000000000000" }), 404);
    for (const client of [lead, partner, ars]) {
      expectProblem(await client.inject({ method: "PUT", url: `/api/workshops/${w.id}/call`, payload: { published: true } }), 403);
      expectProblem(await client.inject({ method: "POST", url: `/api/contracts/${camvs}/workshops`, payload: workshopPayload(bodyId) }), 403);
    }
    expect((await read(w.id)).callPublishedAt).toBeNull();
  });

  it("lets the ARS and a partner read the workshop, but not its registrations, tables or a person's export", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const id = await enrol(coordinator, w, { firstName: "Yasmina", lastName: "Personne-Privée" });
    for (const client of [ars, partner]) {
      const res = await client.inject({ url: `/api/workshops/${w.id}` });
      expect(res.statusCode).toBe(200);
      expect(res.json<WorkshopView>()).toMatchObject({ registered: 1, permissions: { manage: false, readResidents: false } });
      expect(res.body).not.toContain("Yasmina");
      expectProblem(await client.inject({ url: `/api/workshops/${w.id}/registrations` }), 403);
      expectProblem(await client.inject({ url: `/api/workshop-sessions/${w.sessions[0]!.id}/tables` }), 403);
      expectProblem(await client.inject({ url: `/api/registrations/${id}/export` }), 403);
      expectProblem(await client.inject({ method: "DELETE", url: `/api/registrations/${id}` }), 403);
    }
    expect((await read(w.id, ars)).permissions.register).toBe(false);
    expect((await read(w.id, partner)).permissions.register).toBe(true);
    const list = (await coordinator.inject({ url: `/api/workshops/${w.id}/registrations` })).json<{ items: { id: string; firstName: string }[] }>();
    expect(list.items).toEqual([expect.objectContaining({ id, firstName: "Yasmina" })]);
  });
});

describe("registrations by members", () => {
  it("lets a partner register a resident without e-mail, recorded as such, and refuses the ARS", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const mails = (await readOutbox(ctx.outboxDir, 10_000)).length;
    const res = await partner.inject({
      method: "POST",
      url: `/api/workshops/${w.id}/registrations`,
      payload: registrationPayload({ sessionIds: [w.sessions[0]!.id], communeInsee: towns[0]! }, { contactWay: "partner", email: "", partnerName: "Centre social de Melun (illustratif)" }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: "registered", waitlistRank: null, message: `Votre inscription à l'atelier « ${w.title} » est enregistrée.` });
    const [row] = await ctx.database.db.select().from(registrations).where(eq(registrations.id, res.json<{ id: string }>().id));
    const karim = (await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, "karim.benali@cpam77.test")))[0]!.id;
    expect(row).toMatchObject({ source: "partner", registeredByUserId: karim, contactWay: "partner", partnerName: "Centre social de Melun (illustratif)", sessionIds: [w.sessions[0]!.id] });
    expect((await readOutbox(ctx.outboxDir, 10_000)).length).toBe(mails);
    const before = await rows(registrations);
    expectProblem(await ars.inject({ method: "POST", url: `/api/workshops/${w.id}/registrations`, payload: registrationPayload({ sessionIds: [w.sessions[0]!.id], communeInsee: towns[0]! }) }), 403);
    expect(await rows(registrations)).toBe(before);
  });

  it("refuses a commune outside the territory, a session of another workshop, dietary needs without a meal, and writes nothing", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId, { overrides: { meal: false } });
    const other = await createWorkshop(coordinator, camvs, bodyId);
    const [registrationsBefore, consentsBefore] = [await rows(registrations), await rows(consentLog)];
    const post = (overrides: Record<string, unknown>) =>
      coordinator.inject({ method: "POST", url: `/api/workshops/${w.id}/registrations`, payload: registrationPayload({ sessionIds: [w.sessions[0]!.id], communeInsee: towns[0]! }, overrides) });
    const problem = expectProblem(await post({ communeInsee: "77055", sessionIds: [w.sessions[0]!.id, other.sessions[0]!.id], dietaryNeeds: "Sans porc" }), 400);
    expect(problem.errors).toEqual([
      { path: "communeInsee", message: "Cette commune ne fait pas partie du territoire du contrat : choisissez-la dans la liste." },
      { path: "sessionIds.1", message: "Cette séance n'appartient pas à cet atelier." },
      { path: "dietaryNeeds", message: "Aucun repas n'est prévu à cet atelier." },
    ]);
    expect(expectProblem(await post({ qpv: "Quartier inventé" }), 400).errors?.map((e) => e.path)).toEqual(["qpv"]);
    expect(expectProblem(await post({ consent: false, email: "" }), 400).errors?.map((e) => e.path)).toEqual(["consent"]);
    expect(expectProblem(await post({ email: "" }), 400).errors).toEqual([{ path: "email", message: "Indiquez votre adresse e-mail, ou choisissez une autre façon de vous joindre." }]);
    expect([await rows(registrations), await rows(consentLog)]).toEqual([registrationsBefore, consentsBefore]);
  });

  it("records attendance per session, and cancels once for the person", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const other = await createWorkshop(coordinator, camvs, bodyId);
    const id = await enrol(coordinator, w);
    expect((await coordinator.inject({ method: "PUT", url: `/api/registrations/${id}/attendance`, payload: { sessionIds: [w.sessions[1]!.id] } })).statusCode).toBe(204);
    const bad = await coordinator.inject({ method: "PUT", url: `/api/registrations/${id}/attendance`, payload: { sessionIds: [w.sessions[0]!.id, other.sessions[0]!.id] } });
    expect(expectProblem(bad, 400).errors).toEqual([{ path: "sessionIds.1", message: "Cette séance n'appartient pas à cet atelier." }]);
    expectProblem(await partner.inject({ method: "PUT", url: `/api/registrations/${id}/attendance`, payload: { sessionIds: [] } }), 403);
    const listed = async () => (await coordinator.inject({ url: `/api/workshops/${w.id}/registrations` })).json<{ items: { id: string; status: string; attendedSessionIds: string[] }[] }>().items[0]!;
    expect((await listed()).attendedSessionIds).toEqual([w.sessions[1]!.id]);
    expect((await coordinator.inject({ method: "POST", url: `/api/registrations/${id}/cancel` })).statusCode).toBe(204);
    expect((await listed()).status).toBe("cancelled");
    expect(expectProblem(await coordinator.inject({ method: "POST", url: `/api/registrations/${id}/cancel` }), 409).detail).toBe("Cette inscription est déjà annulée.");
  });
});

describe("a person's data", () => {
  it("exports the person's data with the consent they gave", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const id = await enrol(coordinator, w, { firstName: "Nadia", email: "nadia.export@exemple.fr", accessibilityNeeds: "Fauteuil roulant" });
    const res = await coordinator.inject({ url: `/api/registrations/${id}/export` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      workshop: w.title,
      retentionMonths: 12,
      registration: { id, firstName: "Nadia", email: "nadia.export@exemple.fr", accessibilityNeeds: "Fauteuil roulant", status: "registered", source: "partner" },
      consents: [{ purpose: "registration", consentVersion: CONSENT_VERSION, withdrawnAt: null }],
    });
  });

  it("erases the registration and its seats, and keeps the syntheses and the consent log's line without the person", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const id = await enrol(coordinator, w);
    const kept = await enrol(coordinator, w);
    expect((await coordinator.inject({ method: "POST", url: `/api/workshop-sessions/${w.sessions[0]!.id}/tables`, payload: {} })).statusCode).toBe(200);
    await coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}/syntheses`, payload: { topicId: w.topics[0]!.id, sessionId: w.sessions[0]!.id, tableIndex: 0, text: "Table 1 : l'accès aux soins." } });
    const db = ctx.database.db;
    expect(await db.select().from(seats).where(eq(seats.registrationId, id))).toHaveLength(1);
    const synthesesBefore = await rows(syntheses);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/registrations/${id}` })).statusCode).toBe(204);
    expect(await db.select().from(registrations).where(eq(registrations.id, id))).toEqual([]);
    expect(await db.select().from(seats).where(eq(seats.registrationId, id))).toEqual([]);
    expect(await db.select().from(seats).where(eq(seats.registrationId, kept))).toHaveLength(1);
    expect(await rows(syntheses)).toBe(synthesesBefore);
    const consents = await db.select().from(consentLog).where(eq(consentLog.workshopId, w.id)).orderBy(asc(consentLog.acceptedAt));
    expect(consents).toHaveLength(2);
    const orphan = consents.find((c) => c.registrationId === null)!;
    expect(orphan).toMatchObject({ purpose: "registration", consentVersion: CONSENT_VERSION });
    expect(orphan.withdrawnAt).toBeInstanceOf(Date);
    expect(consents.find((c) => c.registrationId === kept)!.withdrawnAt).toBeNull();
    expect(await db.select().from(consentLog).where(and(eq(consentLog.workshopId, w.id), isNull(consentLog.withdrawnAt)))).toHaveLength(1);
    expectProblem(await coordinator.inject({ url: `/api/registrations/${id}/export` }), 404);
    expect((await read(w.id)).registered).toBe(1);
  });
});

describe("tables", () => {
  let w: WorkshopView;
  let first: string;
  let second: string;
  let onlySecond: string[];
  let family: string[];

  beforeAll(async () => {
    w = await createWorkshop(coordinator, camvs, bodyId);
    [first, second] = w.sessions.map((s) => s.id) as [string, string];
    const genders = ["woman", "woman", "man", "woman", "other", "man", "woman", "undisclosed", "woman", "man", "woman", "woman", "man"];
    const ages = ["16-24", "25-39", "40-54", "55-69", "70+"];
    const people: string[] = [];
    for (const [i, gender] of genders.entries())
      people.push(await enrol(coordinator, w, { firstName: `Habitant${i}`, gender, ageBand: ages[i % ages.length], communeInsee: towns[i % towns.length], household: i < 3 ? "famille-a" : "" }));
    family = people.slice(0, 3);
    onlySecond = [await enrol(coordinator, w, { firstName: "Tardif", sessionIds: [second] }), await enrol(coordinator, w, { firstName: "Tardive", sessionIds: [second] })];
    const gone = await enrol(coordinator, w, { firstName: "Annulée" });
    expect((await coordinator.inject({ method: "POST", url: `/api/registrations/${gone}/cancel` })).statusCode).toBe(204);
  });

  const compose = (sessionId: string, payload: object) => coordinator.inject({ method: "POST", url: `/api/workshop-sessions/${sessionId}/tables`, payload });
  const arrange = (tables: string[][], locked: string[] = []) => coordinator.inject({ method: "PUT", url: `/api/workshop-sessions/${first}/tables`, payload: { tables, locked } });

  it("composes a session's tables: everyone registered and available placed once, no table over the maximum, a household apart", async () => {
    const res = await compose(first, { seed: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json<Tables>();
    const placed = idsAt(t).flat();
    const expected = (await coordinator.inject({ url: `/api/workshops/${w.id}/registrations` }))
      .json<{ items: { id: string; status: string; sessionIds: string[] }[] }>()
      .items.filter((r) => r.status === "registered" && r.sessionIds.includes(first))
      .map((r) => r.id);
    expect(expected).toHaveLength(13);
    expect([...placed].sort()).toEqual([...expected].sort());
    expect(new Set(placed).size).toBe(placed.length);
    expect(t.tables).toHaveLength(3);
    for (const table of t.tables) expect(table.people.length).toBeLessThanOrEqual(6);
    expect(t.unseated).toEqual([]);
    expect(new Set(family.map((id) => t.tables.findIndex((table) => table.people.some((p) => p.id === id)))).size).toBe(3);
    expect(t.tables.every((table) => table.score.householdClashes === 0)).toBe(true);
    expect(t.score).toBeCloseTo(t.tables.reduce((sum, table) => sum + table.score.score, 0));
    expect(t.tables.flatMap((table) => table.people).every((p) => /^Habitant\d+ D\.$/.test(p.name))).toBe(true);
    // The page recomputes the scores from the profiles, without names, by the same function: same figures.
    expect(t.profiles.map((p) => p.id).sort()).toEqual([...expected].sort());
    expect(JSON.stringify(t.profiles)).not.toMatch(/Habitant|@/);
    const again = scoreTables(t.profiles, idsAt(t));
    expect(again.score).toBeCloseTo(t.score);
    expect(again.scores.map((x) => x.score)).toEqual(t.tables.map((table) => table.score.score));
  });

  it("keeps a moved and locked person at her table when the tables are composed again", async () => {
    const before = idsAt(await tablesOf(first));
    const mover = before[0]!.find((id) => !family.includes(id))!;
    const moved = [before[0]!.filter((id) => id !== mover), before[1]!, [...before[2]!, mover]];
    const res = await arrange(moved, [mover]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Tables>().tables[2]!.people.find((p) => p.id === mover)).toMatchObject({ locked: true });
    for (const seed of [11, 12, 13]) {
      const again = (await compose(first, { seed })).json<Tables>();
      expect(again.tables[2]!.people.find((p) => p.id === mover), `seed ${seed}`).toMatchObject({ locked: true });
      expect(idsAt(again).flat().sort()).toEqual(before.flat().sort());
      for (const table of again.tables) expect(table.people.length).toBeLessThanOrEqual(6);
    }
  });

  it("refuses a table over the maximum, a person placed twice or not coming, a wrong table count, and keeps the tables", async () => {
    const before = idsAt(await tablesOf(first));
    const everyone = before.flat();
    const [a, b] = everyone as [string, string];
    expect(expectProblem(await arrange([everyone.slice(0, 7), everyone.slice(7), []]), 400).errors).toEqual([{ path: "tables.0", message: "La table 1 dépasse 6 personnes." }]);
    expect(expectProblem(await arrange([[a, b], [a], []]), 400).errors).toEqual([{ path: "tables.1.0", message: "Cette personne est déjà placée à une autre table." }]);
    expect(expectProblem(await arrange([[onlySecond[0]!], [], []]), 400).errors).toEqual([{ path: "tables.0.0", message: "Cette personne n'est pas inscrite à cette séance." }]);
    expect(expectProblem(await arrange([[a], [b]]), 400).errors).toEqual([{ path: "tables", message: "L'atelier compte 3 tables." }]);
    expect(expectProblem(await arrange([[a], [], []], [b]), 400).errors).toEqual([{ path: "locked.0", message: "Seule une personne placée peut être fixée à sa table." }]);
    expect(idsAt(await tablesOf(first))).toEqual(before);
  });

  it("composes the second session as the first (the same people at the same tables), the others placed too", async () => {
    const firstTables = idsAt(await tablesOf(first));
    expectProblem(await compose(second, { fromSessionId: second }), 400);
    const res = await compose(second, { fromSessionId: first });
    expect(res.statusCode, res.body).toBe(200);
    const t = res.json<Tables>();
    firstTables.forEach((ids, index) => ids.forEach((id) => expect(t.tables[index]!.people.map((p) => p.id)).toContain(id)));
    expect(idsAt(t).flat().sort()).toEqual([...firstTables.flat(), ...onlySecond].sort());
    for (const table of t.tables) expect(table.people.length).toBeLessThanOrEqual(6);
    expect(t.tables.flatMap((table) => table.people).every((p) => !p.locked)).toBe(true);
  });
});

describe("syntheses", () => {
  it("writes, rewrites and clears a table's and the workshop's synthesis of a topic, shown on the fiche", async () => {
    const fiche = (await ctx.database.db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 9))))[0]!.id;
    const payload = workshopPayload(bodyId);
    payload.topics[1]!.actionIds = [fiche];
    const w = await createWorkshop(coordinator, camvs, bodyId, { overrides: { topics: payload.topics } });
    const topicId = w.topics[1]!.id;
    const save = (body: object) => coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}/syntheses`, payload: body });
    const table = { topicId, sessionId: w.sessions[0]!.id, tableIndex: 2 };
    for (const text of ["Première version.", "Seconde version."]) {
      expect((await save({ ...table, text })).statusCode).toBe(200);
      expect((await save({ topicId, text: `Atelier : ${text}` })).statusCode).toBe(200);
    }
    const written = (await read(w.id)).syntheses;
    expect(written).toHaveLength(2);
    expect(written).toContainEqual(expect.objectContaining({ ...table, text: "Seconde version." }));
    expect(written).toContainEqual(expect.objectContaining({ topicId, sessionId: null, tableIndex: null, text: "Atelier : Seconde version." }));
    const onFiche = (await partner.inject({ url: `/api/actions/${fiche}/workshop-syntheses` })).json<{ items: { workshopId: string; topicTitle: string; text: string }[] }>().items;
    expect(onFiche.filter((s) => s.workshopId === w.id)).toEqual([expect.objectContaining({ topicTitle: w.topics[1]!.title, text: "Atelier : Seconde version." })]);
    expect((await save({ ...table, text: "" })).statusCode).toBe(200);
    expect((await read(w.id)).syntheses.map((s) => s.text)).toEqual(["Atelier : Seconde version."]);
  });

  it("refuses a synthesis of another workshop's topic or session, or of a table that does not exist", async () => {
    const w = await createWorkshop(coordinator, camvs, bodyId);
    const other = await createWorkshop(coordinator, camvs, bodyId);
    const save = (body: object) => coordinator.inject({ method: "PUT", url: `/api/workshops/${w.id}/syntheses`, payload: { text: "Texte", ...body } });
    expect(expectProblem(await save({ topicId: other.topics[0]!.id, sessionId: other.sessions[0]!.id, tableIndex: 0 }), 400).errors?.map((e) => e.path)).toEqual(["topicId", "sessionId"]);
    expect(expectProblem(await save({ topicId: w.topics[0]!.id, tableIndex: 1 }), 400).errors?.map((e) => e.path)).toEqual(["tableIndex"]);
    expect(expectProblem(await save({ topicId: w.topics[0]!.id, sessionId: w.sessions[0]!.id, tableIndex: 3 }), 400).errors).toEqual([{ path: "tableIndex", message: "L'atelier compte 3 tables." }]);
    expectProblem(await partner.inject({ method: "PUT", url: `/api/workshops/${w.id}/syntheses`, payload: { topicId: w.topics[0]!.id, text: "Texte" } }), 403);
    expect((await read(w.id)).syntheses).toEqual([]);
  });
});
