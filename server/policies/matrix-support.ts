/**
 * Shared pieces of the authorization matrix: roles, expected answers, and the
 * helpers that create fresh targets. Feature case tables live in matrix-cases/.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { memberships } from "../db/schema.js";
import { createUser } from "../features/accounts/service.js";
import type { TestContext } from "../testing/app.js";
import type { TestClient } from "../testing/client.js";
import { newFicheBody } from "../testing/fixtures.js";
import { DEMO_PASSWORD } from "../demo/accounts.js";

export const ROLES = ["admin", "coordinator", "lead", "partner", "ars", "outsider", "anonymous"] as const;
export type Role = (typeof ROLES)[number];
export type Expected = "ok" | number;

export const EMAILS: Record<Exclude<Role, "anonymous">, string> = {
  admin: "admin@cles.test",
  coordinator: "marie.dupont@camvs.test",
  lead: "sophie.leroy@camvs.test",
  partner: "karim.benali@cpam77.test",
  ars: "ars77@ars-idf.test",
  outsider: "thomas.petit@capvm.test",
};

export interface Ids {
  camvs: string;
  capvm: string;
  ledAction: string;
  otherAction: string;
  axis: string;
}

export interface Call {
  url: string;
  payload?: unknown;
  /** For multipart uploads: the payload is then a Buffer. */
  headers?: Record<string, string>;
}

export interface Case {
  /** Builds the request, creating a fresh target (as admin) when the call changes or removes it. */
  call: (f: Fixture) => Promise<Call> | Call;
  expect: Record<Role, Expected>;
  /** The call ends the caller's session(s): sign in again afterwards. */
  endsSession?: boolean;
}

export interface Fixture {
  ids: Ids;
  admin: TestClient;
  ctx: TestContext;
}

// Who may: readers of CAMVS, its managers, the platform admin alone, anyone signed in, anyone at all.
export const readers: Record<Role, Expected> = { admin: "ok", coordinator: "ok", lead: "ok", partner: "ok", ars: "ok", outsider: 404, anonymous: 401 };
export const managers: Record<Role, Expected> = { admin: "ok", coordinator: "ok", lead: 403, partner: 403, ars: 403, outsider: 404, anonymous: 401 };
export const adminOnly: Record<Role, Expected> = { admin: "ok", coordinator: 403, lead: 403, partner: 403, ars: 403, outsider: 403, anonymous: 401 };
export const signedIn: Record<Role, Expected> = { admin: "ok", coordinator: "ok", lead: "ok", partner: "ok", ars: "ok", outsider: "ok", anonymous: 401 };
export const everyone = (status: Expected): Record<Role, Expected> => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<Role, Expected>;

export async function json<T>(client: TestClient, url: string): Promise<T> {
  const res = await client.inject({ url });
  expect(res.statusCode, url).toBe(200);
  return res.json<T>();
}

export async function freshAxis(f: Fixture): Promise<{ id: string; version: number }> {
  const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/axes`, payload: { title: `Axe ${randomUUID()}`, description: "" } });
  return res.json();
}

export async function freshObjective(f: Fixture): Promise<{ id: string; version: number }> {
  const res = await f.admin.inject({ method: "POST", url: `/api/axes/${f.ids.axis}/objectives`, payload: { code: randomUUID().slice(0, 8), title: "Objectif de test" } });
  return res.json();
}

export async function freshMember(f: Fixture): Promise<string> {
  const userId = await createUser(f.ctx.database.db, { email: `membre-${randomUUID()}@test.fr`, name: "Membre de test", password: DEMO_PASSWORD });
  await f.ctx.database.db.insert(memberships).values({ contractId: f.ids.camvs, userId, role: "partner" });
  return userId;
}

export async function freshInvitation(f: Fixture): Promise<string> {
  await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/invitations`, payload: { email: `invite-${randomUUID()}@test.fr`, role: "partner", actionIds: [] } });
  const list = await json<{ invitations: { id: string }[] }>(f.admin, `/api/contracts/${f.ids.camvs}/members`);
  return list.invitations.at(-1)!.id;
}

export async function freshBody(f: Fixture): Promise<{ id: string; version: number }> {
  const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/bodies`, payload: { kind: "working_group", name: `Groupe ${randomUUID()}`, rhythm: null } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

export const meetingPayload = (bodyId: string) => ({ bodyId, title: "Réunion de test", startsAt: "2021-09-14T14:00:00+02:00", endsAt: "2021-09-14T16:00:00+02:00" });

export async function freshMeeting(f: Fixture): Promise<{ id: string; version: number; bodyId: string }> {
  const body = await freshBody(f);
  const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/meetings`, payload: meetingPayload(body.id) });
  expect(res.statusCode).toBe(201);
  return res.json();
}

export async function freshMilestone(f: Fixture, actionId: string): Promise<{ id: string; version: number }> {
  const res = await f.admin.inject({ method: "POST", url: `/api/actions/${actionId}/milestones`, payload: { title: `Étape ${randomUUID()}`, plannedBy: "2022-06-30" } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

export async function freshFiche(f: Fixture): Promise<{ id: string; version: number }> {
  const list = await json<{ items: { number: number }[] }>(f.admin, `/api/contracts/${f.ids.camvs}/actions`);
  const number = Math.max(...list.items.map((a) => a.number)) + 1;
  const created = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/actions`, payload: newFicheBody(f.ids.axis, { number }) });
  expect(created.statusCode).toBe(201);
  return created.json();
}

export async function actionUpdate(f: Fixture, id: string): Promise<Call> {
  const { permissions: _p, id: _id, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, ...body } = await json<Record<string, unknown>>(f.admin, `/api/actions/${id}`);
  return { url: `/api/actions/${id}`, payload: body };
}


/** The case table of one feature, merged into the matrix. */
export type Cases = Record<string, Case[]>;
