/**
 * Health ambassadors, what the network does (issue 14, item 7): trainings and activities
 * linked to fiches and meetings of the contract, the network's counts per priority area over
 * a period, and one count recorded as a measurement of a fiche's indicator.
 * The roster, rights, erasure and purge: ambassadors.test.ts.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ambassadorActivities, ambassadorTrainings, indicatorMeasurements } from "../../db/schema.js";
import { expectProblem } from "../../testing/http.js";
import { activityPayload, ambassadorPayload, type AmbassadorView, created, indicatorOf, trainingPayload } from "../../testing/matrix/cases/ambassadors.js";
import { startAmbassadorTest, written, type AmbassadorTest } from "./ambassadors.fixtures.js";

let t: AmbassadorTest;
beforeAll(async () => {
  t = await startAmbassadorTest();
}, 120_000);
afterAll(async () => {
  await t?.ctx.close();
});

interface Training {
  id: string;
  version: number;
  heldOn: string;
  topic: string;
  attendeeCount: number;
  attendeeIds: string[] | null;
  actionIds: string[];
  meetingId: string | null;
}
interface Activity {
  id: string;
  version: number;
  heldOn: string;
  kind: string;
  kindLabel: string;
  residentsReached: number;
  ambassadorCount: number;
  ambassadorIds: string[] | null;
  priorityAreaId: string | null;
}
interface Network {
  period: { from: string | null; to: string };
  areas: { id: string; name: string; activeAmbassadors: number; trainedAmbassadors: number; activities: number; residentsReached: number }[];
  elsewhere: { activities: number; residentsReached: number };
  totals: { activeAmbassadors: number; trainedAmbassadors: number; trainings: number; trainingAttendances: number; activities: number; residentsReached: number };
  trainings: Training[];
  activities: Activity[];
  vocabulary: { activityKinds: { key: string; label: string }[]; measures: { key: string; label: string }[] };
}

const trainingsUrl = () => `/api/contracts/${t.capvm}/ambassador-trainings`;
const activitiesUrl = () => `/api/contracts/${t.capvm}/ambassador-activities`;
const person = (overrides: Record<string, unknown> = {}) => created<AmbassadorView>(t.coordinator, `/api/contracts/${t.capvm}/ambassadors`, ambassadorPayload(t.renardiere, overrides));
const network = async (query: string) => {
  const res = await t.coordinator.inject({ url: `/api/contracts/${t.capvm}/ambassador-network${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Network>();
};

describe("trainings", () => {
  it("records a training with who attended, linked to FA 16 and a meeting; changes it at its version; deletes it", async () => {
    const [a, b] = [await person(), await person()];
    const tr = await created<Training>(t.coordinator, trainingsUrl(), trainingPayload({ attendeeIds: [a.id, b.id, a.id], actionIds: [t.fa16], meetingId: t.meeting }));
    expect(tr).toMatchObject({ attendeeIds: [a.id, b.id], attendeeCount: 2, actionIds: [t.fa16], meetingId: t.meeting, version: 1 });
    const res = await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-trainings/${tr.id}`, payload: trainingPayload({ topic: "Accès aux droits (illustratif)", attendeeIds: [a.id], version: 1 }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Training>()).toMatchObject({ topic: "Accès aux droits (illustratif)", attendeeIds: [a.id], attendeeCount: 1, meetingId: null, version: 2 });
    const before = await written(t);
    expect(expectProblem(await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-trainings/${tr.id}`, payload: trainingPayload({ version: 1 }) }), 409).detail).toMatch(/modifié par quelqu'un d'autre/);
    expect(await written(t)).toEqual(before);
    expect((await t.coordinator.inject({ method: "DELETE", url: `/api/ambassador-trainings/${tr.id}` })).statusCode).toBe(204);
    expect(expectProblem(await t.coordinator.inject({ method: "DELETE", url: `/api/ambassador-trainings/${tr.id}` }), 404).detail).toBe("Cette formation des ambassadeurs santé est introuvable.");
    expectProblem(await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-trainings/${tr.id}`, payload: trainingPayload({ version: 2 }) }), 404);
  });

  it("refuses a fiche, a meeting or a person of another contract, a missing topic, and writes nothing", async () => {
    const foreigner = await created<AmbassadorView>(t.ctx.app, `/api/contracts/${t.camvs}/ambassadors`, ambassadorPayload(t.foreignArea));
    const before = await written(t);
    const post = (overrides: Record<string, unknown>) => t.coordinator.inject({ method: "POST", url: trainingsUrl(), payload: trainingPayload(overrides) });
    expect(expectProblem(await post({ actionIds: [t.fa16, t.foreignFiche], meetingId: t.foreignMeeting, attendeeIds: [foreigner.id] }), 400).errors).toEqual([
      { path: "attendeeIds.0", message: "Cette personne ne fait pas partie du réseau des ambassadeurs de ce contrat." },
      { path: "actionIds.1", message: "Cette fiche n'existe pas dans ce contrat." },
      { path: "meetingId", message: "Cette réunion n'existe pas dans ce contrat." },
    ]);
    expect(expectProblem(await post({ topic: " ", heldOn: "2022-02-30" }), 400).errors?.map((e) => e.path).sort()).toEqual(["heldOn", "topic"]);
    // Partners and the ARS read the network, they do not write it.
    expectProblem(await t.partner.inject({ method: "POST", url: trainingsUrl(), payload: trainingPayload() }), 403);
    expectProblem(await t.ars.inject({ method: "POST", url: activitiesUrl(), payload: activityPayload() }), 403);
    expectProblem(await t.outsider.inject({ method: "POST", url: trainingsUrl(), payload: trainingPayload() }), 404);
    expectProblem(await t.anonymous.inject({ method: "POST", url: trainingsUrl(), payload: trainingPayload() }), 401);
    expect(await written(t)).toEqual(before);
  });
});

describe("activities", () => {
  it("records an activity in La Renardière, changes it at its version, and refuses another contract's area, a bad kind or a negative count", async () => {
    const a = await person();
    const act = await created<Activity>(t.coordinator, activitiesUrl(), activityPayload({ kind: "care_support", priorityAreaId: t.renardiere, ambassadorIds: [a.id], actionIds: [t.fa16], residentsReached: 7 }));
    expect(act).toMatchObject({ kind: "care_support", kindLabel: "Accompagnement vers les soins", priorityAreaId: t.renardiere, ambassadorIds: [a.id], ambassadorCount: 1, residentsReached: 7 });
    const res = await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-activities/${act.id}`, payload: activityPayload({ kind: "care_support", residentsReached: 9, version: act.version }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Activity>()).toMatchObject({ residentsReached: 9, ambassadorCount: 0, priorityAreaId: null, version: 2 });
    const before = await written(t);
    const post = (overrides: Record<string, unknown>) => t.coordinator.inject({ method: "POST", url: activitiesUrl(), payload: activityPayload(overrides) });
    expect(expectProblem(await post({ priorityAreaId: t.foreignArea }), 400).errors).toEqual([{ path: "priorityAreaId", message: "Ce quartier prioritaire n'est pas dans ce contrat." }]);
    expect(expectProblem(await post({ kind: "concert", residentsReached: -3 }), 400).errors).toEqual([
      { path: "kind", message: "Choisissez le type d'action dans la liste." },
      { path: "residentsReached", message: "Le nombre d'habitants touchés ne peut pas être négatif." },
    ]);
    expect(expectProblem(await post({ residentsReached: 2.5, place: "" }), 400).errors?.map((e) => e.path).sort()).toEqual(["place", "residentsReached"]);
    expectProblem(await t.coordinator.inject({ method: "PUT", url: `/api/ambassador-activities/${act.id}`, payload: activityPayload({ version: act.version }) }), 409);
    expectProblem(await t.partner.inject({ method: "DELETE", url: `/api/ambassador-activities/${act.id}` }), 403);
    expect(await written(t)).toEqual(before);
    expect((await t.coordinator.inject({ method: "DELETE", url: `/api/ambassador-activities/${act.id}` })).statusCode).toBe(204);
    expect(await t.ctx.database.db.select().from(ambassadorActivities).where(eq(ambassadorActivities.id, act.id))).toEqual([]);
    expect(expectProblem(await t.coordinator.inject({ method: "DELETE", url: `/api/ambassador-activities/${act.id}` }), 404).detail).toBe("Cette action des ambassadeurs santé est introuvable.");
  });
});

describe("the network and its measurements", () => {
  it("counts per priority area over a period, and records one count as a measurement of FA 16's indicator", async () => {
    // A year no other test writes in; the people already in the network (demo, other tests) are the baseline.
    const base = await network("?from=2040-01-01&to=2040-12-31");
    const baseArea = base.areas.find((a) => a.id === t.renardiere)!;
    const baseLate = (await network("?from=2040-07-01&to=2040-12-31")).totals;
    const [p1, p2] = [await person({ joinedOn: "2040-01-10" }), await person({ joinedOn: "2040-03-01", leftOn: "2040-06-30" })];
    await person({ joinedOn: "2041-01-01" });
    await created(t.coordinator, trainingsUrl(), trainingPayload({ heldOn: "2040-02-01", attendeeIds: [p1.id, p2.id], actionIds: [t.fa16] }));
    await created(t.coordinator, trainingsUrl(), trainingPayload({ heldOn: "2040-09-01", attendeeIds: [p1.id], actionIds: [t.fa16] }));
    await created(t.coordinator, activitiesUrl(), activityPayload({ heldOn: "2040-05-14", priorityAreaId: t.renardiere, residentsReached: 40, ambassadorIds: [p1.id] }));
    await created(t.coordinator, activitiesUrl(), activityPayload({ heldOn: "2040-11-20", priorityAreaId: t.renardiere, kind: "group_workshop", residentsReached: 12 }));
    await created(t.coordinator, activitiesUrl(), activityPayload({ heldOn: "2040-12-10", priorityAreaId: null, kind: "neighbourhood_event", residentsReached: 150 }));
    await created(t.coordinator, activitiesUrl(), activityPayload({ heldOn: "2041-02-01", priorityAreaId: t.renardiere, residentsReached: 1000 }));

    const year = await network("?from=2040-01-01&to=2040-12-31");
    expect(year.period).toEqual({ from: "2040-01-01", to: "2040-12-31" });
    expect(year.areas).toEqual([{ ...baseArea, activeAmbassadors: baseArea.activeAmbassadors + 2, trainedAmbassadors: 2, activities: 2, residentsReached: 52 }]);
    expect(year.elsewhere).toEqual({ activities: 1, residentsReached: 150 });
    expect(year.totals).toEqual({ activeAmbassadors: base.totals.activeAmbassadors + 2, trainedAmbassadors: 2, trainings: 2, trainingAttendances: 3, activities: 3, residentsReached: 202 });
    expect(base.totals).toMatchObject({ trainedAmbassadors: 0, trainings: 0, activities: 0, residentsReached: 0 });
    expect(year.trainings.map((x) => x.heldOn)).toEqual(["2040-09-01", "2040-02-01"]);
    expect(year.activities.map((x) => x.heldOn)).toEqual(["2040-12-10", "2040-11-20", "2040-05-14"]);
    expect(year.vocabulary.activityKinds).toContainEqual({ key: "door_to_door", label: "Porte-à-porte" });
    expect((await network("?from=2040-07-01&to=2040-12-31")).totals).toMatchObject({ activeAmbassadors: baseLate.activeAmbassadors + 1, trainedAmbassadors: 1, trainings: 1, activities: 2, residentsReached: 162 });
    // Without a period: until today, everything so far.
    expect((await network("")).period.from).toBeNull();
    expect(expectProblem(await t.coordinator.inject({ url: `/api/contracts/${t.capvm}/ambassador-network?from=2040-12-31&to=2040-01-01` }), 400).errors).toEqual([{ path: "querystring.to", message: "La fin de la période ne peut pas précéder son début." }]);

    const url = `/api/contracts/${t.capvm}/ambassador-measurements`;
    const res = await t.coordinator.inject({ method: "POST", url, payload: { indicatorId: t.fa16Indicator, measure: "residents_reached", from: "2040-01-01", to: "2040-12-31", measuredOn: "2024-01-15" } });
    expect(res.statusCode, res.body).toBe(201);
    const recorded = res.json<{ measurementId: string; actionId: string; value: number; source: string }>();
    expect(recorded).toMatchObject({ actionId: t.fa16, indicatorId: t.fa16Indicator, value: 202, source: "Ambassadeurs santé — calcul Clés du 01/01/2040 au 31/12/2040" });
    const [row] = await t.ctx.database.db.select().from(indicatorMeasurements).where(eq(indicatorMeasurements.id, recorded.measurementId));
    expect(row).toMatchObject({ indicatorId: t.fa16Indicator, actionId: t.fa16, value: 202, measuredOn: "2024-01-15", source: recorded.source, authorName: "Thomas Petit" });
    // The fiche's follow-up shows it like any other measurement.
    const indicators = (await t.partner.inject({ url: `/api/actions/${t.fa16}/indicators` })).json<{ items: { id: string; latest: { value: number } | null }[] }>();
    expect(indicators.items.find((i) => i.id === t.fa16Indicator)?.latest?.value).toBe(202);
    for (const [measure, value] of [["active_ambassadors", base.totals.activeAmbassadors + 2], ["trainings", 2], ["people_trained", 2], ["activities", 3]] as const) {
      const r = await t.coordinator.inject({ method: "POST", url, payload: { indicatorId: t.fa16Indicator, measure, from: "2040-01-01", to: "2040-12-31", measuredOn: "2024-01-15" } });
      expect(r.json<{ value: number }>().value, measure).toBe(value);
    }
  });

  it("refuses an indicator of another contract, a day to come, an unknown measure; and only the coordination records", async () => {
    const db = t.ctx.database.db;
    const url = `/api/contracts/${t.capvm}/ambassador-measurements`;
    const foreign = await indicatorOf(db, t.camvs);
    const body = (overrides: Record<string, unknown>) => ({ indicatorId: t.fa16Indicator, measure: "activities", from: "2022-01-01", to: "2022-12-31", measuredOn: "2023-01-10", ...overrides });
    const before = await written(t);
    expect(expectProblem(await t.coordinator.inject({ method: "POST", url, payload: body({ indicatorId: foreign.id }) }), 400).errors).toEqual([{ path: "indicatorId", message: "Cet indicateur n'est pas celui d'une fiche de ce contrat." }]);
    expect(expectProblem(await t.coordinator.inject({ method: "POST", url, payload: body({ measuredOn: "2099-01-01" }) }), 400).errors).toEqual([{ path: "measuredOn", message: "Une mesure se rapporte à une date passée ou à aujourd'hui." }]);
    expect(expectProblem(await t.coordinator.inject({ method: "POST", url, payload: body({ measure: "smiles" }) }), 400).errors).toEqual([{ path: "measure", message: "Choisissez ce qui est compté dans la liste." }]);
    expect(expectProblem(await t.coordinator.inject({ method: "POST", url, payload: body({ to: "2021-12-31" }) }), 400).errors).toEqual([{ path: "to", message: "La fin de la période ne peut pas précéder son début." }]);
    expectProblem(await t.partner.inject({ method: "POST", url, payload: body({}) }), 403);
    expectProblem(await t.ars.inject({ method: "POST", url, payload: body({}) }), 403);
    expectProblem(await t.outsider.inject({ method: "POST", url, payload: body({}) }), 404);
    expect(await written(t)).toEqual(before);
    expect(await db.select().from(indicatorMeasurements).where(and(eq(indicatorMeasurements.indicatorId, foreign.id), eq(indicatorMeasurements.source, "Ambassadeurs santé — calcul Clés du 01/01/2022 au 31/12/2022")))).toEqual([]);
    expect(await db.select().from(ambassadorTrainings).where(eq(ambassadorTrainings.contractId, t.camvs))).toEqual([]);
  });
});
