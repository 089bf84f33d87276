/**
 * Health ambassadors, the roster (issue 14, items 7 and 8): the coordination adds a person
 * with their consent, changes their record at its version, exports and erases it; partners
 * and the ARS never see a name; erasure and the automatic purge keep the counts.
 * Trainings, activities, the network and measurements: records.test.ts.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ambassadorActivities, ambassadors, ambassadorTrainings, auditEntries, consentLog } from "../../db/schema.js";
import { AMBASSADOR_CONSENT_VERSION } from "../../domain/ambassadors.js";
import { expectProblem } from "../../testing/http.js";
import { activityPayload, ambassadorPayload, ambassadorUpdate, type AmbassadorView, created, trainingPayload } from "../../testing/matrix/cases/ambassadors.js";
import { purgeExpiredAmbassadors } from "./erasure.js";
import { startAmbassadorTest, written, type AmbassadorTest } from "./ambassadors.fixtures.js";

let t: AmbassadorTest;

beforeAll(async () => {
  t = await startAmbassadorTest();
}, 120_000);

afterAll(async () => {
  await t?.ctx.close();
});

const rosterUrl = () => `/api/contracts/${t.capvm}/ambassadors`;
const add = (overrides: Record<string, unknown> = {}) => created<AmbassadorView>(t.coordinator, rosterUrl(), ambassadorPayload(t.renardiere, overrides));
interface Roster {
  items: (AmbassadorView & { priorityArea: string; consentVersion: string; consentOn: string })[];
  consent: { version: string; template: string; token: string };
  privacy: { purpose: string; legalBasis: string; readers: string; retention: string };
}
const roster = async () => {
  const res = await t.coordinator.inject({ url: rosterUrl() });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Roster>();
};

describe("the roster", () => {
  it("adds a person with their consent, logged with the text's version, and lists them for the coordination", async () => {
    const a = await add({ firstName: "Nadège", lastName: "Roster (illustratif)", notes: "Parle aussi arabe." });
    expect(a).toMatchObject({ firstName: "Nadège", priorityArea: "La Renardière", consentVersion: AMBASSADOR_CONSENT_VERSION, leftOn: null, erasedOn: null, retentionMonths: 12, version: 1, trainings: 0, activities: 0 });
    const logged = await t.ctx.database.db.select().from(consentLog).where(and(eq(consentLog.purpose, "ambassador"), eq(consentLog.subjectId, a.id)));
    expect(logged).toEqual([expect.objectContaining({ contractId: t.capvm, workshopId: null, registrationId: null, consentVersion: AMBASSADOR_CONSENT_VERSION, withdrawnAt: null })]);
    const list = await roster();
    expect(list.items).toContainEqual(expect.objectContaining({ id: a.id, firstName: "Nadège", notes: "Parle aussi arabe." }));
    expect(list.consent.version).toBe(AMBASSADOR_CONSENT_VERSION);
    expect(list.consent.template).toContain(list.consent.token);
    expect(list.consent.template).toContain("Communauté d'agglomération Paris-Vallée de la Marne");
    expect(list.privacy.legalBasis).toBe("Consentement de la personne (RGPD, article 6-1-a).");
    // The « registre des traitements » counts the roster per priority area.
    const register = (await t.coordinator.inject({ url: `/api/contracts/${t.capvm}/processing-register` })).json<{ items: { kind: string; legalBasis: string; groups: { title: string; people: number; erasure: string }[] }[] }>();
    const registered = register.items.find((i) => i.kind === "ambassadors");
    expect(registered?.legalBasis).toBe("Consentement de la personne (RGPD, article 6-1-a).");
    expect(registered?.groups).toEqual([expect.objectContaining({ title: "La Renardière", people: list.items.length })]);
    // The history names the area, never the person.
    const [entry] = await t.ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectId, a.id));
    expect(entry).toMatchObject({ objectType: "ambassador", operation: "create", objectLabel: "de La Renardière" });
  });

  it("refuses a person without consent, with a bad e-mail, leaving before joining, or in another contract's area; and writes nothing", async () => {
    const before = await written(t);
    const post = (overrides: Record<string, unknown>) => t.coordinator.inject({ method: "POST", url: rosterUrl(), payload: ambassadorPayload(t.renardiere, overrides) });
    expect(expectProblem(await post({ consent: false }), 400).errors).toEqual([
      { path: "consent", message: "Cochez la case d'accord : la personne doit avoir accepté l'usage de ses informations pour figurer dans le réseau." },
    ]);
    const { consent: _c, ...withoutConsent } = ambassadorPayload(t.renardiere);
    expect(expectProblem(await t.coordinator.inject({ method: "POST", url: rosterUrl(), payload: withoutConsent }), 400).errors?.map((e) => e.path)).toEqual(["consent"]);
    expect(expectProblem(await post({ email: "pas-une-adresse", firstName: "" }), 400).errors).toEqual([
      { path: "firstName", message: "Le prénom est obligatoire." },
      { path: "email", message: "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr)." },
    ]);
    expect(expectProblem(await post({ joinedOn: "2022-06-01", leftOn: "2022-05-31" }), 400).errors).toEqual([{ path: "leftOn", message: "La date de départ du réseau ne peut pas précéder la date d'arrivée." }]);
    expect(expectProblem(await post({ retentionMonths: 37 }), 400).errors).toEqual([{ path: "retentionMonths", message: "Au plus 36 mois de conservation." }]);
    expect(expectProblem(await post({ priorityAreaId: t.foreignArea }), 400).errors).toEqual([{ path: "priorityAreaId", message: "Ce quartier prioritaire n'est pas dans ce contrat." }]);
    expect(await written(t)).toEqual(before);
  });

  it("changes a record at the version read: 409 on a stale version, 404 for an unknown person", async () => {
    const a = await add();
    const res = await t.coordinator.inject({ method: "PUT", url: `/api/ambassadors/${a.id}`, payload: ambassadorUpdate(a, { leftOn: "2023-06-30", retentionMonths: 6, phone: "" }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AmbassadorView>()).toMatchObject({ leftOn: "2023-06-30", retentionMonths: 6, erasedOn: "2023-12-30", phone: "", version: 2 });
    const before = await written(t);
    const stale = expectProblem(await t.coordinator.inject({ method: "PUT", url: `/api/ambassadors/${a.id}`, payload: ambassadorUpdate(a, { notes: "Trop tard." }) }), 409);
    expect(stale.detail).toMatch(/modifié par quelqu'un d'autre/);
    expect(expectProblem(await t.coordinator.inject({ method: "PUT", url: `/api/ambassadors/${a.id}`, payload: ambassadorUpdate(a, { version: 2, leftOn: "2021-01-01" }) }), 400).errors?.[0]?.path).toBe("leftOn");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(expectProblem(await t.coordinator.inject({ method: "PUT", url: `/api/ambassadors/${unknown}`, payload: ambassadorUpdate(a) }), 404).detail).toBe("Cet ambassadeur ou cette ambassadrice santé est introuvable.");
    expect(await written(t)).toEqual(before);
    // The history says which fields changed, not what they hold.
    const updates = await t.ctx.database.db.select().from(auditEntries).where(and(eq(auditEntries.objectId, a.id), eq(auditEntries.operation, "update")));
    expect(updates).toHaveLength(1);
    expect(updates[0]!.changes.map((c) => c.label).sort((x, y) => x.localeCompare(y, "fr"))).toEqual(["Départ du réseau", "Durée de conservation", "Téléphone"]);
    expect(updates[0]!.changes.every((c) => c.before === null && c.after === null)).toBe(true);
  });

  it("lets only the coordination read or write the roster; partners and the ARS see the network without a name", async () => {
    const a = await add({ firstName: "Zéphyrine", lastName: "Secrète (illustratif)", email: "zephyrine.secrete@exemple.fr" });
    await created(t.coordinator, `/api/contracts/${t.capvm}/ambassador-trainings`, trainingPayload({ attendeeIds: [a.id] }));
    await created(t.coordinator, `/api/contracts/${t.capvm}/ambassador-activities`, activityPayload({ ambassadorIds: [a.id], priorityAreaId: t.renardiere }));
    const before = await written(t);
    for (const reader of [t.partner, t.ars]) {
      expectProblem(await reader.inject({ url: rosterUrl() }), 403);
      expectProblem(await reader.inject({ url: `/api/ambassadors/${a.id}/export` }), 403);
      expectProblem(await reader.inject({ method: "DELETE", url: `/api/ambassadors/${a.id}` }), 403);
      expectProblem(await reader.inject({ method: "POST", url: rosterUrl(), payload: ambassadorPayload(t.renardiere) }), 403);
      expectProblem(await reader.inject({ method: "PUT", url: `/api/ambassadors/${a.id}`, payload: ambassadorUpdate(a) }), 403);
      const network = await reader.inject({ url: `/api/contracts/${t.capvm}/ambassador-network?from=2022-01-01&to=2022-12-31` });
      expect(network.statusCode, network.body).toBe(200);
      for (const secret of ["Zéphyrine", "Secrète", "zephyrine.secrete", a.id]) expect(network.body).not.toContain(secret);
      const body = network.json<{ trainings: { attendeeIds: unknown; attendeeCount: number }[]; activities: { ambassadorIds: unknown }[]; permissions: object }>();
      expect(body.trainings.every((x) => x.attendeeIds === null)).toBe(true);
      expect(body.activities.every((x) => x.ambassadorIds === null)).toBe(true);
      expect(body.permissions).toEqual({ manage: false, readResidents: false });
    }
    // Another contract's coordinator learns nothing, not even that the person exists; nobody without a session.
    expect(expectProblem(await t.outsider.inject({ url: rosterUrl() }), 404).detail).toBe("Ce contrat est introuvable.");
    expect(expectProblem(await t.outsider.inject({ url: `/api/ambassadors/${a.id}/export` }), 404).detail).toBe("Cet ambassadeur ou cette ambassadrice santé est introuvable.");
    expectProblem(await t.outsider.inject({ method: "DELETE", url: `/api/ambassadors/${a.id}` }), 404);
    expectProblem(await t.outsider.inject({ url: `/api/contracts/${t.capvm}/ambassador-network` }), 404);
    expectProblem(await t.anonymous.inject({ url: `/api/contracts/${t.capvm}/ambassador-network` }), 401);
    expectProblem(await t.anonymous.inject({ url: rosterUrl() }), 401);
    expect(await written(t)).toEqual(before);
    // The coordination sees who attended.
    const own = (await t.coordinator.inject({ url: `/api/contracts/${t.capvm}/ambassador-network?from=2022-01-01&to=2022-12-31` })).json<{ trainings: { attendeeIds: string[] }[]; permissions: object }>();
    expect(own.trainings.some((x) => x.attendeeIds.includes(a.id))).toBe(true);
    expect(own.permissions).toEqual({ manage: true, readResidents: true });
  });
});

describe("a person's rights", () => {
  it("exports everything kept about one person: record, trainings attended, activities, consent", async () => {
    const a = await add({ firstName: "Inaya" });
    await created(t.coordinator, `/api/contracts/${t.capvm}/ambassador-trainings`, trainingPayload({ heldOn: "2022-02-01", topic: "Nutrition (illustratif)", attendeeIds: [a.id] }));
    await created(t.coordinator, `/api/contracts/${t.capvm}/ambassador-activities`, activityPayload({ heldOn: "2022-04-02", kind: "door_to_door", ambassadorIds: [a.id], residentsReached: 18 }));
    const res = await t.coordinator.inject({ url: `/api/ambassadors/${a.id}/export` });
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json<{ contract: string; ambassador: AmbassadorView; trainings: { topic: string }[]; activities: { kind: string; residentsReached: number }[]; consents: { consentVersion: string }[] }>();
    expect(data.contract).toContain("Paris-Vallée de la Marne");
    expect(data.ambassador).toMatchObject({ id: a.id, firstName: "Inaya", email: a.email, trainings: 1, activities: 1 });
    expect(data.trainings).toEqual([{ heldOn: "2022-02-01", topic: "Nutrition (illustratif)", trainer: "Centre médico-psychologique (illustratif)" }]);
    expect(data.activities).toEqual([expect.objectContaining({ heldOn: "2022-04-02", kind: "Porte-à-porte", residentsReached: 18 })]);
    expect(data.consents).toEqual([expect.objectContaining({ purpose: "ambassador", consentVersion: AMBASSADOR_CONSENT_VERSION, withdrawnAt: null })]);
  });

  it("erases a person on request: out of the lists, the counts kept, the consent withdrawn without the person", async () => {
    const db = t.ctx.database.db;
    const [a, b] = [await add({ firstName: "Effacée" }), await add({ firstName: "Restante" })];
    const training = await created<{ id: string; version: number }>(t.coordinator, `/api/contracts/${t.capvm}/ambassador-trainings`, trainingPayload({ heldOn: "2022-09-20", attendeeIds: [a.id, b.id] }));
    const activity = await created<{ id: string }>(t.coordinator, `/api/contracts/${t.capvm}/ambassador-activities`, activityPayload({ heldOn: "2022-09-24", ambassadorIds: [a.id, b.id], residentsReached: 33 }));
    const period = `/api/contracts/${t.capvm}/ambassador-network?from=2022-09-01&to=2022-09-30`;
    const totals = async () => (await t.coordinator.inject({ url: period })).json<{ totals: { activeAmbassadors: number; trainedAmbassadors: number; trainingAttendances: number; residentsReached: number } }>().totals;
    const beforeTotals = await totals();
    const unlinked = async () => (await db.select().from(consentLog).where(and(eq(consentLog.purpose, "ambassador"), isNull(consentLog.subjectId), isNotNull(consentLog.withdrawnAt)))).length;
    const unlinkedBefore = await unlinked();

    const res = await t.coordinator.inject({ method: "DELETE", url: `/api/ambassadors/${a.id}` });
    expect(res.statusCode, res.body).toBe(204);
    expect(await db.select().from(ambassadors).where(eq(ambassadors.id, a.id))).toEqual([]);
    expect((await roster()).items.map((x) => x.id)).not.toContain(a.id);
    const [tr] = await db.select().from(ambassadorTrainings).where(eq(ambassadorTrainings.id, training.id));
    expect(tr).toMatchObject({ attendeeIds: [b.id], attendeeCount: 2 });
    const [ac] = await db.select().from(ambassadorActivities).where(eq(ambassadorActivities.id, activity.id));
    expect(ac).toMatchObject({ ambassadorIds: [b.id], residentsReached: 33 });
    // The network counts one active ambassador less; what was done keeps its counts.
    expect(await totals()).toEqual({ ...beforeTotals, activeAmbassadors: beforeTotals.activeAmbassadors - 1 });
    // The consent log keeps the line, withdrawn, no longer tied to anyone.
    expect(await db.select().from(consentLog).where(eq(consentLog.subjectId, a.id))).toEqual([]);
    expect(await unlinked()).toBe(unlinkedBefore + 1);
    const erasure = await db.select().from(auditEntries).where(and(eq(auditEntries.objectId, a.id), eq(auditEntries.operation, "delete")));
    expect(erasure).toEqual([expect.objectContaining({ objectType: "ambassador", objectLabel: "de La Renardière (données personnelles effacées)" })]);
    expect(JSON.stringify(await db.select().from(auditEntries).where(eq(auditEntries.objectId, a.id)))).not.toContain("Effacée");

    // Gone: 404 everywhere; a training written again keeps counting the erased person.
    expectProblem(await t.coordinator.inject({ url: `/api/ambassadors/${a.id}/export` }), 404);
    expectProblem(await t.coordinator.inject({ method: "DELETE", url: `/api/ambassadors/${a.id}` }), 404);
    const stale = await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-trainings/${training.id}`, payload: trainingPayload({ heldOn: "2022-09-20", attendeeIds: [b.id], version: training.version }) });
    expectProblem(stale, 409);
    const again = await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-trainings/${training.id}`, payload: trainingPayload({ heldOn: "2022-09-20", attendeeIds: [b.id], version: tr!.version }) });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ attendeeIds: [b.id], attendeeCount: 2 });
    expect(expectProblem(await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-trainings/${training.id}`, payload: trainingPayload({ attendeeIds: [a.id], version: tr!.version + 1 }) }), 400).errors).toEqual([
      { path: "attendeeIds.0", message: "Cette personne ne fait pas partie du réseau des ambassadeurs de ce contrat." },
    ]);
  });
});

describe("the automatic purge", () => {
  it("erases those whose retention after leaving is over, on the day, as on request; sparing the contracts it is told to", async () => {
    const db = t.ctx.database.db;
    // Left in 2090: erased 12 months later, on 31/03/2091 (Paris).
    const gone = await add({ firstName: "Partie", leftOn: "2090-03-31" });
    const stays = await add({ firstName: "Présente" });
    const spared = await created<AmbassadorView>(t.ctx.app, `/api/contracts/${t.camvs}/ambassadors`, ambassadorPayload(t.foreignArea, { leftOn: "2090-03-31" }));
    const training = await created<{ id: string }>(t.coordinator, `/api/contracts/${t.capvm}/ambassador-trainings`, trainingPayload({ attendeeIds: [gone.id, stays.id] }));
    const exists = async (id: string) => (await db.select({ id: ambassadors.id }).from(ambassadors).where(eq(ambassadors.id, id))).length === 1;

    // The day before: whoever was due earlier goes (other tests' people), not these.
    await purgeExpiredAmbassadors(db, new Date("2091-03-30T12:00:00Z"));
    expect([await exists(gone.id), await exists(stays.id), await exists(spared.id)]).toEqual([true, true, true]);
    // The day itself (Paris): the CAPVM person goes, CAMVS is spared when asked.
    const day = new Date("2091-03-30T22:30:00Z");
    expect(await purgeExpiredAmbassadors(db, day, { spareContractIds: [t.camvs] })).toBe(1);
    expect([await exists(gone.id), await exists(stays.id), await exists(spared.id)]).toEqual([false, true, true]);
    const [tr] = await db.select().from(ambassadorTrainings).where(eq(ambassadorTrainings.id, training.id));
    expect(tr).toMatchObject({ attendeeIds: [stays.id], attendeeCount: 2 });
    const consents = await db.select().from(consentLog).where(and(eq(consentLog.purpose, "ambassador"), eq(consentLog.subjectId, gone.id)));
    expect(consents).toEqual([]);
    expect(await purgeExpiredAmbassadors(db, day)).toBe(1);
    expect(await exists(spared.id)).toBe(false);
    expect(await purgeExpiredAmbassadors(db, day)).toBe(0);
  });
});
