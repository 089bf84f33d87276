/**
 * Simultaneous writers of one parent's ordered children (issue 12): 20 requests at once
 * through the app. On PostgreSQL (TEST_DATABASE_URL) they really run side by side on the
 * pool's connections; PGlite runs one transaction at a time. Either way: never a 500,
 * never two children at the same place, and the places are 0..n-1 (or 1..n) afterwards.
 */
import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, axes, bodyMembers, followUpItems, meetingParticipants, memberships, milestones, objectives, remainingItems } from "../db/schema.js";
import { DEMO_PASSWORD } from "../demo/accounts.js";
import { createUser } from "./accounts/service.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import type { TestClient } from "../testing/client.js";
import { createAxis, createContract, createFiche } from "../testing/fixtures.js";

const N = 20;
let ctx: TestContext;
let app: TestClient;

beforeAll(async () => {
  ctx = await startTestApp();
  app = ctx.app;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

/** The same kind of request, N times at once. */
const atOnce = (make: (i: number) => Parameters<TestClient["inject"]>[0]) => Promise.all(Array.from({ length: N }, (_, i) => app.inject(make(i))));

/** Every answer has the status; shows the first other answer's body when not. */
function expectAll(responses: LightMyRequestResponse[], status: number): void {
  const other = responses.find((r) => r.statusCode !== status);
  expect(other ? `${other.statusCode} ${other.body}` : status).toBe(status);
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** A shuffled copy, different from the list itself (for lists of two or more). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed + 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.every((x, i) => x === list[i]) ? [...out.slice(1), out[0]!] : out;
}

async function freshFiche(): Promise<{ contractId: string; axisId: string; actionId: string }> {
  const contractId = (await createContract(app)).id;
  const axisId = (await createAxis(app, contractId)).id;
  return { contractId, axisId, actionId: (await createFiche(app, contractId, axisId)).id };
}

describe("simultaneous writes on one parent (PostgreSQL concurrency)", () => {
  it("20 remaining-work items added at once to one fiche: all created, at places 0..19", async () => {
    const { actionId } = await freshFiche();
    expectAll(await atOnce((i) => ({ method: "POST", url: `/api/actions/${actionId}/remaining`, payload: { text: `À faire ${i}` } })), 201);
    const rows = await ctx.database.db.select({ position: remainingItems.position }).from(remainingItems).where(eq(remainingItems.actionId, actionId));
    expect(rows.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(0, N));
  });

  it("20 reorders at once of one fiche's remaining work: all done, the list ends in one of the orders asked, at places 0..n-1", async () => {
    const { actionId } = await freshFiche();
    for (let i = 0; i < 8; i++) expect((await app.inject({ method: "POST", url: `/api/actions/${actionId}/remaining`, payload: { text: `Point ${i}` } })).statusCode).toBe(201);
    const ids = (await app.inject({ url: `/api/actions/${actionId}/remaining` })).json<{ items: { id: string }[] }>().items.map((i) => i.id);
    const orders = range(0, N).map((i) => shuffled(ids, i));
    expectAll(await atOnce((i) => ({ method: "PUT", url: `/api/actions/${actionId}/remaining/order`, payload: { ids: orders[i] } })), 204);
    const rows = await ctx.database.db.select().from(remainingItems).where(eq(remainingItems.actionId, actionId)).orderBy(asc(remainingItems.position));
    expect(rows.map((r) => r.position)).toEqual(range(0, ids.length));
    expect(orders).toContainEqual(rows.map((r) => r.id));
  });

  it("20 milestones added at once to one fiche: all created, at places 1..20", async () => {
    const { actionId } = await freshFiche();
    expectAll(await atOnce((i) => ({ method: "POST", url: `/api/actions/${actionId}/milestones`, payload: { title: `Étape ${i}`, plannedBy: "2026-06-30" } })), 201);
    const rows = await ctx.database.db.select({ position: milestones.position }).from(milestones).where(eq(milestones.actionId, actionId));
    expect(rows.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(1, N));
  });

  it("20 axes added at once to one contract: all created, numbered 1..20", async () => {
    const contractId = (await createContract(app)).id;
    expectAll(await atOnce((i) => ({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: `Axe ${i}`, description: "" } })), 201);
    const rows = await ctx.database.db.select({ number: axes.number }).from(axes).where(eq(axes.contractId, contractId));
    expect(rows.map((r) => r.number).sort((a, b) => a - b)).toEqual(range(1, N));
  });

  it("20 reorders at once of a contract's axes: all done, numbered 1..n in one of the orders asked", async () => {
    const contractId = (await createContract(app)).id;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await createAxis(app, contractId, `Axe ${i}`)).id);
    const orders = range(0, N).map((i) => shuffled(ids, i));
    expectAll(await atOnce((i) => ({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids: orders[i] } })), 204);
    const rows = await ctx.database.db.select().from(axes).where(eq(axes.contractId, contractId)).orderBy(asc(axes.number));
    expect(rows.map((r) => r.number)).toEqual(range(1, ids.length));
    expect(orders).toContainEqual(rows.map((r) => r.id));
  });

  it("20 objectives added at once to one axis, then 20 reorders at once: never a 500, places 1..n", async () => {
    const contractId = (await createContract(app)).id;
    const axisId = (await createAxis(app, contractId)).id;
    expectAll(await atOnce((i) => ({ method: "POST", url: `/api/axes/${axisId}/objectives`, payload: { code: `O${i}`, title: `Objectif ${i}` } })), 201);
    const read = () => ctx.database.db.select().from(objectives).where(eq(objectives.axisId, axisId)).orderBy(asc(objectives.position));
    expect((await read()).map((r) => r.position)).toEqual(range(1, N));
    const ids = (await read()).slice(0, 8).map((r) => r.id);
    const all = (await read()).map((r) => r.id);
    const orders = range(0, N).map((i) => [...shuffled(ids, i), ...all.slice(8)]);
    expectAll(await atOnce((i) => ({ method: "PUT", url: `/api/axes/${axisId}/objectives/order`, payload: { ids: orders[i] } })), 204);
    const rows = await read();
    expect(rows.map((r) => r.position)).toEqual(range(1, N));
    expect(orders).toContainEqual(rows.map((r) => r.id));
  });

  it("20 reorders at once of a contract's fiches: all done, numbered 1..n in one of the orders asked", async () => {
    const contractId = (await createContract(app)).id;
    const axisId = (await createAxis(app, contractId)).id;
    const ids: string[] = [];
    for (let number = 1; number <= 6; number++) ids.push((await createFiche(app, contractId, axisId, { number })).id);
    const orders = range(0, N).map((i) => shuffled(ids, i));
    expectAll(await atOnce((i) => ({ method: "PUT", url: `/api/contracts/${contractId}/actions/order`, payload: { ids: orders[i] } })), 204);
    const rows = await ctx.database.db.select().from(actions).where(eq(actions.contractId, contractId)).orderBy(asc(actions.number));
    expect(rows.map((r) => r.number)).toEqual(range(1, ids.length));
    expect(orders).toContainEqual(rows.map((r) => r.id));
  });

  it("reorders of a contract's fiches while the fiches are saved: never a 500; a save that read a renumbered fiche is a clean 409", async () => {
    const contractId = (await createContract(app)).id;
    const axisId = (await createAxis(app, contractId)).id;
    const ids: string[] = [];
    for (let number = 1; number <= 6; number++) ids.push((await createFiche(app, contractId, axisId, { number })).id);
    const bodies = await Promise.all(
      ids.map(async (id) => {
        const { permissions: _p, id: _i, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, ...body } = (await app.inject({ url: `/api/actions/${id}` })).json<Record<string, unknown>>();
        return { id, body };
      }),
    );
    const responses = await atOnce((i) =>
      i % 2 === 0
        ? { method: "PUT", url: `/api/contracts/${contractId}/actions/order`, payload: { ids: shuffled(ids, i) } }
        : { method: "PUT", url: `/api/actions/${bodies[i % ids.length]!.id}`, payload: { ...bodies[i % ids.length]!.body, title: `Fiche ${i}` } },
    );
    const other = responses.find((r) => ![200, 204, 409].includes(r.statusCode));
    expect(other ? `${other.statusCode} ${other.body}` : "ok").toBe("ok");
    const rows = await ctx.database.db.select().from(actions).where(eq(actions.contractId, contractId)).orderBy(asc(actions.number));
    expect(rows.map((r) => r.number)).toEqual(range(1, ids.length));
  });

  it("the contract's coordinators all demoted or removed at once: one stays, the others are done, the last one refused with a clean 409", async () => {
    const contractId = (await createContract(app)).id;
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const userId = await createUser(ctx.database.db, { email: `coordination-${i}-${randomUUID()}@test.fr`, name: `Coordination ${i}`, password: DEMO_PASSWORD });
      await ctx.database.db.insert(memberships).values({ contractId, userId, role: "coordinator" });
      ids.push(userId);
    }
    const responses = await Promise.all(
      ids.map((userId, i) =>
        app.inject(i % 2 ? { method: "DELETE", url: `/api/contracts/${contractId}/members/${userId}` } : { method: "PUT", url: `/api/contracts/${contractId}/members/${userId}`, payload: { role: "partner", actionIds: [] } }),
      ),
    );
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(refused, responses.map((r) => `${r.statusCode} ${r.body}`).join("\n")).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode !== 409).every((r) => r.statusCode === 200 || r.statusCode === 204)).toBe(true);
    const coordinators = await ctx.database.db.select().from(memberships).where(and(eq(memberships.contractId, contractId), eq(memberships.role, "coordinator")));
    expect(coordinators).toHaveLength(1);
  });

  it("20 rows added at once to one part of a COTECH table: all created, at places 0..19", async () => {
    const contractId = (await createContract(app)).id;
    expectAll(await atOnce((i) => ({ method: "POST", url: `/api/contracts/${contractId}/follow-up-items`, payload: { year: 2025, section: "transversal", title: `Action transversale ${i}` } })), 201);
    const rows = await ctx.database.db.select({ position: followUpItems.position }).from(followUpItems).where(eq(followUpItems.contractId, contractId));
    expect(rows.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(0, N));
  });

  it("20 replacements at once of a body's members, and of a meeting's participants: one list wins whole, never a mix or a double", async () => {
    const contractId = (await createContract(app)).id;
    const body = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/bodies`, payload: { kind: "working_group", name: "Groupe de travail", rhythm: null } });
    expect(body.statusCode).toBe(201);
    const bodyId = body.json<{ id: string }>().id;
    const people = (i: number) => range(0, 3).map((k) => ({ name: `Personne ${i}-${k}` }));
    expectAll(await atOnce((i) => ({ method: "PUT", url: `/api/bodies/${bodyId}/members`, payload: { members: people(i) } })), 200);
    const members = await ctx.database.db.select().from(bodyMembers).where(eq(bodyMembers.bodyId, bodyId)).orderBy(asc(bodyMembers.position));
    expect(members.map((m) => m.position)).toEqual([0, 1, 2]);
    expect(new Set(members.map((m) => m.name.split("-")[0])).size).toBe(1);

    const meeting = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/meetings`, payload: { bodyId, title: "Réunion", startsAt: "2025-09-14T14:00:00+02:00", endsAt: "2025-09-14T16:00:00+02:00" } });
    expect(meeting.statusCode).toBe(201);
    const meetingId = meeting.json<{ id: string }>().id;
    expectAll(await atOnce((i) => ({ method: "PUT", url: `/api/meetings/${meetingId}/participants`, payload: { participants: people(i).map((p) => ({ ...p, invited: true })) } })), 200);
    const participants = await ctx.database.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId)).orderBy(asc(meetingParticipants.position));
    expect(participants.map((m) => m.position)).toEqual([0, 1, 2]);
    expect(new Set(participants.map((m) => m.name.split("-")[0])).size).toBe(1);
  });
});
