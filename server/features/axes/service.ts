import { and, asc, count, eq, sql } from "drizzle-orm";
import { assertRoom } from "../room.js";
import type { Db, Tx } from "../../db/client.js";
import { actions, axes, governanceBodies, objectives } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid, notFound } from "../../http/problem.js";
import { lockParent } from "../../db/parent-lock.js";
import { lockContract } from "../contracts/queries.js";
import { nextNumber, orderError, renumber } from "../ordering.js";
import type { z } from "zod";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { axisSnapshot, objectiveSnapshot } from "./snapshot.js";
import type { axisBody, objectiveBody } from "./schema.js";

type AxisBody = z.infer<typeof axisBody>;
type ObjectiveBody = z.infer<typeof objectiveBody>;

const AXIS_NOT_FOUND = "Cet axe est introuvable.";
const axisLabel = (a: { number: number; title: string }) => `Axe ${a.number} « ${a.title} »`;
const objectiveLabel = (o: { code: string; title: string }) => `Objectif ${o.code} « ${o.title} »`;

export async function axisContractId(db: Db | Tx, axisId: string): Promise<string> {
  const [row] = await db.select({ contractId: axes.contractId }).from(axes).where(eq(axes.id, axisId));
  if (!row) throw notFound(AXIS_NOT_FOUND);
  return row.contractId;
}

export async function objectiveContractId(db: Db, objectiveId: string): Promise<string> {
  const [row] = await db
    .select({ contractId: axes.contractId })
    .from(objectives)
    .innerJoin(axes, eq(axes.id, objectives.axisId))
    .where(eq(objectives.id, objectiveId));
  if (!row) throw notFound("Cet objectif est introuvable.");
  return row.contractId;
}

export async function createAxis(db: Db, actor: Actor, contractId: string, body: AxisBody) {
  return db.transaction(async (tx) => {
    // The contract's axes are numbered by one writer at a time: never the same number twice.
    await lockContract(tx, contractId);
    const numbers = await tx.select({ n: axes.number }).from(axes).where(eq(axes.contractId, contractId));
    assertRoom("axes", numbers.length);
    const [row] = await tx
      .insert(axes)
      .values({ ...body, contractId, number: nextNumber(numbers.map((r) => r.n)) })
      .returning();
    await recordAudit(tx, actor, { contractId, objectType: "axis", objectId: row!.id, objectLabel: axisLabel(row!), operation: "create", changes: creationChanges(axisSnapshot(row!)) });
    return row!;
  });
}

export async function updateAxis(db: Db, actor: Actor, axisId: string, body: AxisBody & { version: number }) {
  return db.transaction(async (tx) => {
    await claimVersion(tx, axes, axisId, body.version, "Cet axe");
    const [before] = await tx.select().from(axes).where(eq(axes.id, axisId));
    const { version: _v, ...fields } = body;
    const [row] = await tx.update(axes).set(fields).where(eq(axes.id, axisId)).returning();
    const changes = diffSnapshots(axisSnapshot(before!), axisSnapshot(row!));
    await recordAudit(tx, actor, { contractId: row!.contractId, objectType: "axis", objectId: axisId, objectLabel: axisLabel(row!), operation: "update", changes });
    return row!;
  });
}

/** An axis or objective that holds fiches (even archived ones) is never deleted. */
async function refuseIfHoldsActions(tx: Tx, where: ReturnType<typeof eq>, what: string) {
  const [row] = await tx.select({ n: count() }).from(actions).where(where);
  if (row!.n > 0) throw conflict(`${what} contient ${row!.n} fiche(s) action : déplacez-les avant de le supprimer.`);
}

/** A thematic committee follows its axis: the axis stays until the committee is moved or deleted. */
async function refuseIfFollowedByBody(tx: Tx, axisId: string) {
  const bodies = await tx.select({ name: governanceBodies.name }).from(governanceBodies).where(eq(governanceBodies.axisId, axisId)).orderBy(asc(governanceBodies.name));
  if (bodies.length === 0) return;
  const names = bodies.map((b) => `« ${b.name} »`).join(", ");
  const detail = bodies.length > 1
    ? `Cet axe est suivi par les instances ${names} : rattachez-les à un autre axe ou supprimez-les avant de supprimer l'axe.`
    : `Cet axe est suivi par l'instance ${names} : rattachez-la à un autre axe ou supprimez-la avant de supprimer l'axe.`;
  throw conflict(detail);
}

export async function deleteAxis(db: Db, actor: Actor, axisId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const contractId = await axisContractId(tx, axisId);
    // Closing the gap renumbers the contract's axes: one writer of them at a time.
    await lockContract(tx, contractId);
    const [axis] = await tx.select().from(axes).where(eq(axes.id, axisId));
    if (!axis) throw notFound(AXIS_NOT_FOUND);
    await refuseIfHoldsActions(tx, eq(actions.axisId, axisId), "Cet axe");
    await refuseIfFollowedByBody(tx, axisId);
    await tx.delete(axes).where(eq(axes.id, axisId));
    await recordAudit(tx, actor, { contractId: axis.contractId, objectType: "axis", objectId: axisId, objectLabel: axisLabel(axis), operation: "delete", changes: [] });
    // Close the gap so that axes stay numbered 1..n; through negative numbers, so that
    // the unique (contract, number) index never sees a duplicate whatever the row order.
    const later = and(eq(axes.contractId, axis.contractId), sql`${axes.number} > ${axis.number}`);
    await tx.update(axes).set({ number: sql`-(${axes.number} - 1)`, version: sql`${axes.version} + 1` }).where(later);
    await tx.update(axes).set({ number: sql`-${axes.number}` }).where(and(eq(axes.contractId, axis.contractId), sql`${axes.number} < 0`));
  });
}

/** Renumbers axes 1..n in the requested order. */
export async function reorderAxes(db: Db, actor: Actor, contractId: string, ids: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    // Renumberings of one contract one after the other: each reads what the previous one left.
    await lockContract(tx, contractId);
    const rows = await tx.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId));
    const error = orderError(rows.map((r) => r.id), ids);
    if (error) throw invalid([{ path: "ids", message: error }]);
    const changes = renumber(new Map(rows.map((r) => [r.id, r.number])), ids);
    // Two passes, so that the unique (contract, number) index never sees a duplicate.
    for (const c of changes) await tx.update(axes).set({ number: -c.number }).where(eq(axes.id, c.id));
    for (const c of changes) await tx.update(axes).set({ number: c.number, version: sql`${axes.version} + 1` }).where(eq(axes.id, c.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of changes) {
      const { number, title } = byId.get(c.id)!;
      const fieldChanges = [{ field: "number", label: "Numéro", before: String(number), after: String(c.number) }];
      await recordAudit(tx, actor, { contractId, objectType: "axis", objectId: c.id, objectLabel: axisLabel({ number: c.number, title }), operation: "update", changes: fieldChanges });
    }
  });
}

async function checkCodeFree(tx: Tx, axisId: string, code: string, exceptId?: string) {
  const rows = await tx.select({ id: objectives.id }).from(objectives).where(and(eq(objectives.axisId, axisId), eq(objectives.code, code)));
  if (rows.some((r) => r.id !== exceptId)) throw invalid([{ path: "code", message: "Un autre objectif de cet axe porte déjà ce code." }]);
}

export async function createObjective(db: Db, actor: Actor, axisId: string, body: ObjectiveBody) {
  return db.transaction(async (tx) => {
    // One writer of the axis's objectives at a time: never the same place twice.
    await lockParent(tx, axes, axisId, AXIS_NOT_FOUND);
    await checkCodeFree(tx, axisId, body.code);
    const positions = await tx.select({ p: objectives.position }).from(objectives).where(eq(objectives.axisId, axisId));
    assertRoom("objectivesPerAxis", positions.length);
    const [row] = await tx
      .insert(objectives)
      .values({ ...body, axisId, position: nextNumber(positions.map((r) => r.p)) })
      .returning();
    const contractId = await axisContractId(tx, axisId);
    await recordAudit(tx, actor, { contractId, objectType: "objective", objectId: row!.id, objectLabel: objectiveLabel(row!), operation: "create", changes: creationChanges(objectiveSnapshot(row!)) });
    return row!;
  });
}

export async function updateObjective(db: Db, actor: Actor, objectiveId: string, body: ObjectiveBody & { version: number }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(objectives).where(eq(objectives.id, objectiveId));
    if (!current) throw notFound("Cet objectif est introuvable.");
    await checkCodeFree(tx, current.axisId, body.code, objectiveId);
    await claimVersion(tx, objectives, objectiveId, body.version, "Cet objectif");
    const { version: _v, ...fields } = body;
    const [row] = await tx.update(objectives).set(fields).where(eq(objectives.id, objectiveId)).returning();
    const changes = diffSnapshots(objectiveSnapshot(current), objectiveSnapshot(row!));
    const contractId = await axisContractId(tx, current.axisId);
    await recordAudit(tx, actor, { contractId, objectType: "objective", objectId: objectiveId, objectLabel: objectiveLabel(row!), operation: "update", changes });
    return row!;
  });
}

export async function deleteObjective(db: Db, actor: Actor, objectiveId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await refuseIfHoldsActions(tx, eq(actions.objectiveId, objectiveId), "Cet objectif");
    const [objective] = await tx.select().from(objectives).where(eq(objectives.id, objectiveId));
    if (!objective) throw notFound("Cet objectif est introuvable.");
    await tx.delete(objectives).where(eq(objectives.id, objectiveId));
    const contractId = await axisContractId(tx, objective.axisId);
    await recordAudit(tx, actor, { contractId, objectType: "objective", objectId: objectiveId, objectLabel: objectiveLabel(objective), operation: "delete", changes: [] });
  });
}

export async function reorderObjectives(db: Db, _actor: Actor, axisId: string, ids: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    await lockParent(tx, axes, axisId, AXIS_NOT_FOUND);
    const rows = await tx
      .select({ id: objectives.id, position: objectives.position })
      .from(objectives)
      .where(eq(objectives.axisId, axisId))
      .orderBy(asc(objectives.position));
    const error = orderError(rows.map((r) => r.id), ids);
    if (error) throw invalid([{ path: "ids", message: error }]);
    for (const c of renumber(new Map(rows.map((r) => [r.id, r.position])), ids))
      await tx.update(objectives).set({ position: c.number }).where(eq(objectives.id, c.id));
  });
}
