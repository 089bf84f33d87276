/**
 * Shared pieces of the authorization matrix: roles, expected answers, and the
 * helpers that create fresh targets. Feature case tables live in matrix-cases/.
 */
import { createHash, randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { invitations, memberships } from "../../db/schema.js";
import { createUser } from "../../features/accounts/service.js";
import type { TestContext } from "../app.js";
import type { TestClient } from "../client.js";
import { newFicheBody } from "../fixtures.js";
import { DEMO_PASSWORD } from "../../demo/accounts.js";

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

/** The French detail expected of a refusal: one for every role, or per role. */
export type Reason = string | RegExp | Partial<Record<Role, string | RegExp>>;

export interface Case {
  /**
   * Builds the request for one role, creating a fresh target (as admin) when the call changes or removes it,
   * and setting up any state it depends on: a row never relies on what an earlier row wrote (rows run shuffled).
   */
  call: (f: Fixture, role: Role) => Promise<Call> | Call;
  expect: Record<Role, Expected>;
  /** Why the refusals are refused: their problem's `detail`. Required when every role gets the same answer. */
  reason?: Reason;
  /** What an accepted answer must hold for this role (e.g. whose session it is). */
  check?: (res: LightMyRequestResponse, role: Role) => void;
  /** The call ends the caller's session(s): sign in again afterwards. */
  endsSession?: boolean;
}

/** The detail of the app's not-found handler: an address no route answers. */
export const UNKNOWN_ADDRESS = "Cette adresse n'existe pas.";

/** A row gives every role the same answer: it must then say why (`reason`) or what the answer holds (`check`). */
export const sameForEveryone = (c: Case) => new Set(ROLES.map((r) => c.expect[r])).size === 1;

export function reasonFor(c: Case, role: Role): string | RegExp | undefined {
  if (c.reason === undefined || typeof c.reason === "string" || c.reason instanceof RegExp) return c.reason;
  return c.reason[role];
}

/**
 * The refusal's detail, checked: every refusal is a problem+json with a French detail; a 404 is the target's,
 * not an address no route answers (unless the row says so); and the row's reason when it gives one.
 */
export function expectRefusal(c: Case, role: Role, res: LightMyRequestResponse): void {
  expect.soft(res.headers["content-type"], `${role}: ${res.body.slice(0, 200)}`).toMatch(/^application\/problem\+json/);
  const detail = String((JSON.parse(res.body || "{}") as { detail?: unknown }).detail ?? "");
  const reason = reasonFor(c, role);
  if (reason instanceof RegExp) expect.soft(detail, role).toMatch(reason);
  else if (reason !== undefined) expect.soft(detail, role).toBe(reason);
  else if (res.statusCode === 404) expect.soft(detail, `${role}: a 404 from no route at all`).not.toBe(UNKNOWN_ADDRESS);
}

/** The same shuffle for the same seed (mulberry32): rows and roles in another order, reproducibly. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  if (seed === 0) return [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
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

/** An invitation to CAMVS written straight in the database, and the token of its link (as sent by mail). */
export async function invitationToken(f: Fixture, state: "pending" | "expired"): Promise<string> {
  const token = randomUUID();
  const expiresAt = new Date(Date.now() + (state === "pending" ? 86_400_000 : -60_000));
  const tokenHash = createHash("sha256").update(token).digest("hex");
  await f.ctx.database.db.insert(invitations).values({ contractId: f.ids.camvs, email: `invite-${randomUUID()}@test.fr`, role: "partner", actionIds: [], tokenHash, invitedBy: null, expiresAt });
  return token;
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
