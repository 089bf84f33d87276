/**
 * Residents' workshops (issue 14): every reader sees the workshops, the coordination
 * organises them and alone reads residents' personal data, members register a resident
 * for them, and the public call answers everyone once published. Also the fixtures the
 * participation tests share (a workshop of CAMVS's residents' body, a registration form).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { communes, governanceBodies } from "../../../db/schema.js";
import type { Db } from "../../../db/client.js";
import { register } from "../../../features/participation/registrations.js";
import { registrationBody } from "../../../features/participation/schema.js";
import type { TestClient } from "../../client.js";
import { everyone, type Cases, type Fixture, json, managers, readers } from "../support.js";

export const CAMVS_SLUG = "camvs-2021-2023";

/** A World Café series as the coordination writes it (CAMVS: 18 places, 3 tables of 6, two sessions, a dinner). */
export const workshopPayload = (bodyId: string, overrides: Record<string, unknown> = {}) => ({
  bodyId,
  title: `Atelier des habitants ${randomUUID().slice(0, 6)} (illustratif)`,
  intro: "Venez dire ce qui compte pour votre santé dans votre quartier.",
  capacity: 18,
  maxPerTable: 6,
  tableCount: 3,
  meal: true,
  deadline: "2099-10-22",
  retentionMonths: 12,
  moderators: [{ userId: null, name: "Animatrice de la table 1 (illustratif)" }],
  topics: [
    { title: "Accès aux soins (illustratif)", questions: ["Qu'est-ce qui vous empêche de consulter ?"], actionIds: [] as string[] },
    { title: "Santé mentale (illustratif)", questions: [], actionIds: [] as string[] },
    { title: "Addictions (illustratif)", questions: [], actionIds: [] as string[] },
  ],
  sessions: [
    { startsAt: "2099-11-04T18:00:00+01:00", endsAt: "2099-11-04T21:00:00+01:00", place: "Melun, maison des associations", roundMinutes: 25 },
    { startsAt: "2099-11-18T18:00:00+01:00", endsAt: "2099-11-18T21:00:00+01:00", place: "Melun, maison des associations", roundMinutes: 25 },
  ],
  ...overrides,
});

/** A resident's form, filled in: reachable by e-mail, available for the given sessions. */
export const registrationPayload = (input: { sessionIds: string[]; communeInsee: string }, overrides: Record<string, unknown> = {}) => ({
  firstName: "Awa",
  lastName: "D.",
  contactWay: "email",
  email: `habitant-${randomUUID().slice(0, 8)}@exemple.fr`,
  communeInsee: input.communeInsee,
  qpv: "none",
  ageBand: "25-39",
  gender: "woman",
  sessionIds: input.sessionIds,
  consent: true,
  ...overrides,
});

export interface WorkshopView {
  id: string;
  version: number;
  bodyId: string;
  title: string;
  intro: string;
  capacity: number;
  maxPerTable: number;
  tableCount: number;
  meal: boolean;
  deadline: string;
  retentionMonths: number;
  moderators: { userId: string | null; name: string }[];
  callPublishedAt: string | null;
  topics: { id: string; title: string; questions: string[]; actionIds: string[] }[];
  sessions: { id: string; startsAt: string; endsAt: string; place: string; roundMinutes: number; rotation: { rounds: { index: number; start: string; end: string; assignments: { table: number; topic: string }[] }[] } | null }[];
  syntheses: { id: string; topicId: string; sessionId: string | null; tableIndex: number | null; text: string }[];
  registered: number;
  waitlisted: number;
  permissions: { manage: boolean; readResidents: boolean; register: boolean };
}

/** The body a PUT sends back: what was read, topics and sessions with their ids, and the version. */
export const workshopUpdate = (w: WorkshopView, overrides: Record<string, unknown> = {}) => ({
  bodyId: w.bodyId,
  title: w.title,
  intro: w.intro,
  capacity: w.capacity,
  maxPerTable: w.maxPerTable,
  tableCount: w.tableCount,
  meal: w.meal,
  deadline: w.deadline,
  retentionMonths: w.retentionMonths,
  moderators: w.moderators,
  topics: w.topics.map(({ id, title, questions, actionIds }) => ({ id, title, questions, actionIds })),
  sessions: w.sessions.map(({ id, startsAt, endsAt, place, roundMinutes }) => ({ id, startsAt, endsAt, place, roundMinutes })),
  version: w.version,
  ...overrides,
});

/** CAMVS's residents' workshop body (kind « residents », participation) and a commune of its territory. */
export async function camvsParticipation(db: Db, camvs: string): Promise<{ bodyId: string; communeInsee: string }> {
  const [body] = await db
    .select({ id: governanceBodies.id })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.contractId, camvs), eq(governanceBodies.kind, "residents"), eq(governanceBodies.participation, true)));
  const [commune] = await db.select({ inseeCode: communes.inseeCode }).from(communes).where(eq(communes.contractId, camvs)).orderBy(asc(communes.inseeCode)).limit(1);
  expect(body, "CAMVS has a residents' workshop body").toBeDefined();
  expect(commune, "CAMVS has communes").toBeDefined();
  return { bodyId: body!.id, communeInsee: commune!.inseeCode };
}

/** Creates a workshop (and publishes its call when asked) as `client`; returns it as read back. */
export async function createWorkshop(client: TestClient, camvs: string, bodyId: string, options: { published?: boolean; overrides?: Record<string, unknown> } = {}): Promise<WorkshopView> {
  const created = await client.inject({ method: "POST", url: `/api/contracts/${camvs}/workshops`, payload: workshopPayload(bodyId, options.overrides) });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json<{ id: string }>();
  if (options.published) {
    const res = await client.inject({ method: "PUT", url: `/api/workshops/${id}/call`, payload: { published: true } });
    expect(res.statusCode, res.body).toBe(200);
  }
  return json<WorkshopView>(client, `/api/workshops/${id}`);
}

async function freshWorkshop(f: Fixture, published = false): Promise<WorkshopView> {
  const { bodyId } = await camvsParticipation(f.ctx.database.db, f.ids.camvs);
  return createWorkshop(f.admin, f.ids.camvs, bodyId, { published });
}

/** A fresh workshop with one person registered (available for both sessions), and the secret of her cancellation link. */
async function freshRegistration(f: Fixture): Promise<{ workshop: WorkshopView; id: string; cancelToken: string }> {
  const workshop = await freshWorkshop(f, true);
  const { communeInsee } = await camvsParticipation(f.ctx.database.db, f.ids.camvs);
  const body = registrationBody.parse(registrationPayload({ sessionIds: workshop.sessions.map((s) => s.id), communeInsee }));
  const result = await register(f.ctx.database.db, { workshopId: workshop.id, body, source: "partner", actor: null, userId: null });
  return { workshop, id: result.id, cancelToken: result.cancelToken };
}

/** Residents' personal data: the coordination only (the managers' column: partners, leads and the ARS get 403). */
const residents = managers;
/** Registering someone for them: members of the contract, not the ARS that only follows it. */
const registrars = { ...readers, ars: 403 } as const;

export const participationCases: Cases = {
  "GET /api/contracts/:contractId/workshops": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/workshops` }), expect: readers }],
  "POST /api/contracts/:contractId/workshops": [
    { call: async (f) => ({ url: `/api/contracts/${f.ids.camvs}/workshops`, payload: workshopPayload((await camvsParticipation(f.ctx.database.db, f.ids.camvs)).bodyId) }), expect: managers },
  ],
  "GET /api/contracts/:contractId/processing-register": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/processing-register` }), expect: residents }],
  "GET /api/workshops/:workshopId": [{ call: async (f) => ({ url: `/api/workshops/${(await freshWorkshop(f)).id}` }), expect: readers }],
  "PUT /api/workshops/:workshopId": [
    {
      call: async (f) => {
        const w = await freshWorkshop(f);
        return { url: `/api/workshops/${w.id}`, payload: workshopUpdate(w, { title: "Atelier renommé (illustratif)" }) };
      },
      expect: managers,
    },
  ],
  "DELETE /api/workshops/:workshopId": [{ call: async (f) => ({ url: `/api/workshops/${(await freshWorkshop(f)).id}` }), expect: managers }],
  "PUT /api/workshops/:workshopId/call": [{ call: async (f) => ({ url: `/api/workshops/${(await freshWorkshop(f)).id}/call`, payload: { published: true } }), expect: managers }],
  "PUT /api/workshops/:workshopId/syntheses": [
    {
      call: async (f) => {
        const w = await freshWorkshop(f);
        return { url: `/api/workshops/${w.id}/syntheses`, payload: { topicId: w.topics[0]!.id, text: "Les habitants demandent des permanences de soins le samedi." } };
      },
      expect: managers,
    },
  ],
  "GET /api/actions/:actionId/workshop-syntheses": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/workshop-syntheses` }), expect: readers }],
  "GET /api/workshops/:workshopId/registrations": [{ call: async (f) => ({ url: `/api/workshops/${(await freshRegistration(f)).workshop.id}/registrations` }), expect: residents }],
  "POST /api/workshops/:workshopId/registrations": [
    {
      call: async (f) => {
        const w = await freshWorkshop(f);
        const { communeInsee } = await camvsParticipation(f.ctx.database.db, f.ids.camvs);
        return { url: `/api/workshops/${w.id}/registrations`, payload: registrationPayload({ sessionIds: [w.sessions[0]!.id], communeInsee }, { contactWay: "partner", email: "", partnerName: "Centre social (illustratif)" }) };
      },
      expect: registrars,
    },
  ],
  "POST /api/registrations/:registrationId/cancel": [{ call: async (f) => ({ url: `/api/registrations/${(await freshRegistration(f)).id}/cancel` }), expect: residents }],
  "PUT /api/registrations/:registrationId/attendance": [
    {
      call: async (f) => {
        const r = await freshRegistration(f);
        return { url: `/api/registrations/${r.id}/attendance`, payload: { sessionIds: [r.workshop.sessions[0]!.id] } };
      },
      expect: residents,
    },
  ],
  "GET /api/registrations/:registrationId/export": [{ call: async (f) => ({ url: `/api/registrations/${(await freshRegistration(f)).id}/export` }), expect: residents }],
  "DELETE /api/registrations/:registrationId": [{ call: async (f) => ({ url: `/api/registrations/${(await freshRegistration(f)).id}` }), expect: residents }],
  "GET /api/workshop-sessions/:sessionId/tables": [{ call: async (f) => ({ url: `/api/workshop-sessions/${(await freshRegistration(f)).workshop.sessions[0]!.id}/tables` }), expect: residents }],
  "POST /api/workshop-sessions/:sessionId/tables": [
    { call: async (f) => ({ url: `/api/workshop-sessions/${(await freshRegistration(f)).workshop.sessions[0]!.id}/tables`, payload: { seed: 7 } }), expect: residents },
  ],
  "PUT /api/workshop-sessions/:sessionId/tables": [
    {
      call: async (f) => {
        const r = await freshRegistration(f);
        return { url: `/api/workshop-sessions/${r.workshop.sessions[0]!.id}/tables`, payload: { tables: [[r.id], [], []], locked: [r.id] } };
      },
      expect: residents,
    },
  ],
  "GET /api/workshop-sessions/:sessionId/sheets.:format": [
    { call: async (f) => ({ url: `/api/workshop-sessions/${(await freshRegistration(f)).workshop.sessions[0]!.id}/sheets.html` }), expect: residents },
  ],
  // The call for participation: everyone reads it once published (no personal data in it), no one before.
  "GET /api/public/contracts/:slug/workshops/:workshopId": [
    {
      call: async (f) => ({ url: `/api/public/contracts/${CAMVS_SLUG}/workshops/${(await freshWorkshop(f, true)).id}` }),
      expect: everyone("ok"),
      check: (res) => expect(res.json()).toMatchObject({ open: true, full: false, consent: { version: expect.any(String) } }),
    },
    { call: async (f) => ({ url: `/api/public/contracts/${CAMVS_SLUG}/workshops/${(await freshWorkshop(f, false)).id}` }), expect: everyone(404), reason: "Cet atelier des habitants est introuvable." },
  ],
  // One row only: the route allows 10 registrations a minute per address, and the matrix calls from one address.
  "POST /api/public/contracts/:slug/workshops/:workshopId/registrations": [
    {
      call: async (f) => {
        const w = await freshWorkshop(f, true);
        const { communeInsee } = await camvsParticipation(f.ctx.database.db, f.ids.camvs);
        return { url: `/api/public/contracts/${CAMVS_SLUG}/workshops/${w.id}/registrations`, payload: registrationPayload({ sessionIds: w.sessions.map((s) => s.id), communeInsee }) };
      },
      expect: everyone("ok"),
      check: (res) => expect(res.json()).toMatchObject({ status: "registered", waitlistRank: null }),
    },
  ],
  // The secret of the e-mail's link is the only key: whoever holds it cancels, no one without it.
  "POST /api/public/registrations/cancel": [
    {
      call: async (f) => ({ url: "/api/public/registrations/cancel", payload: { token: (await freshRegistration(f)).cancelToken } }),
      expect: everyone("ok"),
      check: (res) => expect(res.json<{ message: string }>().message).toMatch(/^Votre inscription à l'atelier « .* » est annulée\./),
    },
    {
      call: () => ({ url: "/api/public/registrations/cancel", payload: { token: "un-jeton-qui-n-existe-pas-du-tout" } }),
      expect: everyone(404),
      reason: "Ce lien d'annulation n'est pas valide, ou l'inscription a déjà été effacée.",
    },
  ],
};
