/**
 * Health ambassadors (issue 14, item 7): every reader sees the network in numbers; the
 * coordination alone reads and writes the roster (residents' personal data), the trainings,
 * the activities, and records the counts as measurements. Also the fixtures the ambassadors'
 * tests share (payloads, a priority area in a contract that has none).
 */
import { randomUUID } from "node:crypto";
import { asc, eq, max } from "drizzle-orm";
import { expect } from "vitest";
import { actions, indicators, priorityAreas } from "../../../db/schema.js";
import type { Db } from "../../../db/client.js";
import type { TestClient } from "../../client.js";
import { type Cases, type Fixture, managers, readers } from "../support.js";

/** The first priority area of a contract; one « (illustratif) » is added when it has none (CAMVS lists none). */
export async function areaOf(db: Db, contractId: string): Promise<string> {
  const [area] = await db.select({ id: priorityAreas.id }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId)).orderBy(asc(priorityAreas.position)).limit(1);
  if (area) return area.id;
  const [{ last } = { last: null }] = await db.select({ last: max(priorityAreas.position) }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId));
  const [row] = await db
    .insert(priorityAreas)
    .values({ contractId, name: "Quartier d'essai (illustratif)", code: null, communeInseeCode: null, position: (last ?? -1) + 1 })
    .returning({ id: priorityAreas.id });
  return row!.id;
}

/** An indicator of a fiche of the contract, to record a measurement on. */
export async function indicatorOf(db: Db, contractId: string): Promise<{ id: string; actionId: string }> {
  const [row] = await db
    .select({ id: indicators.id, actionId: indicators.actionId })
    .from(indicators)
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .where(eq(actions.contractId, contractId))
    .orderBy(asc(actions.number), asc(indicators.position))
    .limit(1);
  expect(row, "the contract has a fiche with an indicator").toBeDefined();
  return row!;
}

/** A person of the network as the coordination types them in, with their consent. */
export const ambassadorPayload = (priorityAreaId: string, overrides: Record<string, unknown> = {}) => ({
  priorityAreaId,
  firstName: "Samira",
  lastName: `Essai-${randomUUID().slice(0, 6)} (illustratif)`,
  email: `ambassadrice-${randomUUID().slice(0, 8)}@exemple.fr`,
  phone: "06 39 98 00 01",
  joinedOn: "2022-01-15",
  leftOn: null,
  notes: "",
  retentionMonths: 12,
  consent: true,
  ...overrides,
});

export const trainingPayload = (overrides: Record<string, unknown> = {}) => ({
  heldOn: "2022-03-10",
  topic: "Repérer les signes de souffrance psychique (illustratif)",
  trainer: "Centre médico-psychologique (illustratif)",
  attendeeIds: [] as string[],
  actionIds: [] as string[],
  meetingId: null,
  ...overrides,
});

export const activityPayload = (overrides: Record<string, unknown> = {}) => ({
  heldOn: "2022-05-14",
  place: "Marché du quartier (illustratif)",
  kind: "info_stand",
  description: "Stand sur le dépistage du cancer du sein (illustratif).",
  priorityAreaId: null,
  residentsReached: 40,
  ambassadorIds: [] as string[],
  actionIds: [] as string[],
  meetingId: null,
  ...overrides,
});

export interface AmbassadorView {
  id: string;
  version: number;
  priorityAreaId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  joinedOn: string;
  leftOn: string | null;
  notes: string;
  retentionMonths: number;
  erasedOn: string | null;
  trainings: number;
  activities: number;
}

/** The body a PUT sends back: what was read, and its version. */
export const ambassadorUpdate = (a: AmbassadorView, overrides: Record<string, unknown> = {}) => ({
  priorityAreaId: a.priorityAreaId,
  firstName: a.firstName,
  lastName: a.lastName,
  email: a.email,
  phone: a.phone,
  joinedOn: a.joinedOn,
  leftOn: a.leftOn,
  notes: a.notes,
  retentionMonths: a.retentionMonths,
  version: a.version,
  ...overrides,
});

/** Creates as `client` (201 expected) and answers what the API gave back. */
export async function created<T>(client: TestClient, url: string, payload: object): Promise<T> {
  const res = await client.inject({ method: "POST", url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<T>();
}

const freshAmbassador = async (f: Fixture) => created<AmbassadorView>(f.admin, `/api/contracts/${f.ids.camvs}/ambassadors`, ambassadorPayload(await areaOf(f.ctx.database.db, f.ids.camvs)));
const freshTraining = (f: Fixture) => created<{ id: string; version: number }>(f.admin, `/api/contracts/${f.ids.camvs}/ambassador-trainings`, trainingPayload());
const freshActivity = (f: Fixture) => created<{ id: string; version: number }>(f.admin, `/api/contracts/${f.ids.camvs}/ambassador-activities`, activityPayload());

/** The roster, its export and erasure: the coordination only (partners, leads and the ARS get 403). */
const residents = managers;

export const ambassadorCases: Cases = {
  "GET /api/contracts/:contractId/ambassador-network": [
    {
      call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/ambassador-network?from=2022-01-01&to=2022-12-31` }),
      expect: readers,
      // Who attended or led: the coordination only; every other reader sees counts.
      check: (res, role) => {
        const network = res.json<{ permissions: { readResidents: boolean } }>();
        expect(network.permissions.readResidents).toBe(role === "admin" || role === "coordinator");
      },
    },
  ],
  "GET /api/contracts/:contractId/ambassadors": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/ambassadors` }), expect: residents }],
  "POST /api/contracts/:contractId/ambassadors": [
    { call: async (f) => ({ url: `/api/contracts/${f.ids.camvs}/ambassadors`, payload: ambassadorPayload(await areaOf(f.ctx.database.db, f.ids.camvs)) }), expect: managers },
  ],
  "PUT /api/ambassadors/:ambassadorId": [
    {
      call: async (f) => {
        const a = await freshAmbassador(f);
        return { url: `/api/ambassadors/${a.id}`, payload: ambassadorUpdate(a, { notes: "Disponible le samedi." }) };
      },
      expect: managers,
    },
  ],
  "GET /api/ambassadors/:ambassadorId/export": [{ call: async (f) => ({ url: `/api/ambassadors/${(await freshAmbassador(f)).id}/export` }), expect: residents }],
  "DELETE /api/ambassadors/:ambassadorId": [{ call: async (f) => ({ url: `/api/ambassadors/${(await freshAmbassador(f)).id}` }), expect: residents }],
  "POST /api/contracts/:contractId/ambassador-trainings": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/ambassador-trainings`, payload: trainingPayload() }), expect: managers }],
  "PUT /api/ambassador-trainings/:trainingId": [
    {
      call: async (f) => {
        const t = await freshTraining(f);
        return { url: `/api/ambassador-trainings/${t.id}`, payload: trainingPayload({ topic: "Thème modifié (illustratif)", version: t.version }) };
      },
      expect: managers,
    },
  ],
  "DELETE /api/ambassador-trainings/:trainingId": [{ call: async (f) => ({ url: `/api/ambassador-trainings/${(await freshTraining(f)).id}` }), expect: managers }],
  "POST /api/contracts/:contractId/ambassador-activities": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/ambassador-activities`, payload: activityPayload() }), expect: managers }],
  "PUT /api/ambassador-activities/:activityId": [
    {
      call: async (f) => {
        const a = await freshActivity(f);
        return { url: `/api/ambassador-activities/${a.id}`, payload: activityPayload({ residentsReached: 55, version: a.version }) };
      },
      expect: managers,
    },
  ],
  "DELETE /api/ambassador-activities/:activityId": [{ call: async (f) => ({ url: `/api/ambassador-activities/${(await freshActivity(f)).id}` }), expect: managers }],
  "POST /api/contracts/:contractId/ambassador-measurements": [
    {
      call: async (f) => ({
        url: `/api/contracts/${f.ids.camvs}/ambassador-measurements`,
        payload: { indicatorId: (await indicatorOf(f.ctx.database.db, f.ids.camvs)).id, measure: "residents_reached", from: "2022-01-01", to: "2022-12-31", measuredOn: "2023-01-10" },
      }),
      expect: managers,
    },
  ],
};
