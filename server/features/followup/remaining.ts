/** Remaining work of a fiche (reste-à-faire): the current list; a done item keeps its day. */
import { asc, eq, max } from "drizzle-orm";
import { shortDayOrNull } from "../../domain/dates.js";
import type { Db } from "../../db/client.js";
import { actions, remainingItems } from "../../db/schema.js";
import { lockParent } from "../../db/parent-lock.js";
import { claimVersion } from "../../db/versioning.js";
import { invalid, notFound } from "../../http/problem.js";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { ACTION_NOT_FOUND } from "../actions/queries.js";
import { orderError } from "../ordering.js";
import type { RemainingBody, RemainingUpdateBody } from "./schema.js";
import { excerpt } from "../../domain/excerpt.js";

export const REMAINING_NOT_FOUND = "Ce reste-à-faire est introuvable.";

type Row = typeof remainingItems.$inferSelect;

const itemSnapshot = (r: Row) =>
  snapshot([
    ["text", "Reste-à-faire", r.text],
    ["doneOn", "Fait le", shortDayOrNull(r.doneOn)],
  ]);
const label = (r: Row) => `Reste-à-faire « ${excerpt(r.text)} »`;

export async function listRemaining(db: Db, actionId: string) {
  return db.select().from(remainingItems).where(eq(remainingItems.actionId, actionId)).orderBy(asc(remainingItems.position), asc(remainingItems.createdAt));
}

export async function remainingScope(db: Db, id: string): Promise<{ contractId: string; actionId: string }> {
  const [row] = await db
    .select({ contractId: actions.contractId, actionId: remainingItems.actionId })
    .from(remainingItems)
    .innerJoin(actions, eq(actions.id, remainingItems.actionId))
    .where(eq(remainingItems.id, id));
  if (!row) throw notFound(REMAINING_NOT_FOUND);
  return row;
}

export async function createRemaining(db: Db, actor: Actor, scope: { contractId: string; actionId: string }, body: RemainingBody) {
  return db.transaction(async (tx) => {
    // One writer of the fiche's list at a time: two creations never take the same place.
    await lockParent(tx, actions, scope.actionId, ACTION_NOT_FOUND);
    const [last] = await tx.select({ n: max(remainingItems.position) }).from(remainingItems).where(eq(remainingItems.actionId, scope.actionId));
    const [row] = await tx.insert(remainingItems).values({ actionId: scope.actionId, text: body.text, position: (last?.n ?? -1) + 1 }).returning();
    await recordAudit(tx, actor, { contractId: scope.contractId, objectType: "action", objectId: scope.actionId, objectLabel: label(row!), operation: "update", changes: creationChanges(itemSnapshot(row!)) });
    return row!;
  });
}

export async function updateRemaining(db: Db, actor: Actor, id: string, body: RemainingUpdateBody, today: string) {
  if (body.doneOn && body.doneOn > today) throw invalid([{ path: "doneOn", message: "Un reste-à-faire ne peut pas être fait dans le futur." }]);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(remainingItems).where(eq(remainingItems.id, id));
    if (!current) throw notFound(REMAINING_NOT_FOUND);
    await claimVersion(tx, remainingItems, id, body.version, "Ce reste-à-faire");
    const [row] = await tx.update(remainingItems).set({ text: body.text, doneOn: body.doneOn, updatedAt: new Date() }).where(eq(remainingItems.id, id)).returning();
    const [fiche] = await tx.select({ contractId: actions.contractId }).from(actions).where(eq(actions.id, current.actionId));
    await recordAudit(tx, actor, { contractId: fiche!.contractId, objectType: "action", objectId: current.actionId, objectLabel: label(row!), operation: "update", changes: diffSnapshots(itemSnapshot(current), itemSnapshot(row!)) });
    return row!;
  });
}

/** Puts the list in the order given (every item of the fiche, once); one history entry when the order changes. */
export async function reorderRemaining(db: Db, actor: Actor, scope: { contractId: string; actionId: string }, ids: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    // Reorders of one fiche one after the other: each reads the order the previous one left.
    await lockParent(tx, actions, scope.actionId, ACTION_NOT_FOUND);
    const rows = await tx.select().from(remainingItems).where(eq(remainingItems.actionId, scope.actionId)).orderBy(asc(remainingItems.position), asc(remainingItems.createdAt));
    const error = orderError(rows.map((r) => r.id), ids);
    if (error) throw invalid([{ path: "ids", message: error }]);
    if (rows.every((r, i) => r.id === ids[i] && r.position === i)) return;
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, id] of ids.entries()) if (byId.get(id)!.position !== i) await tx.update(remainingItems).set({ position: i }).where(eq(remainingItems.id, id));
    if (rows.every((r, i) => r.id === ids[i])) return;
    const order = (list: Row[]) => list.map((r, i) => `${i + 1}. ${label(r).slice("Reste-à-faire ".length)}`).join(" ; ");
    const change = { field: "order", label: "Ordre du reste-à-faire", before: order(rows), after: order(ids.map((id) => byId.get(id)!)) };
    await recordAudit(tx, actor, { contractId: scope.contractId, objectType: "action", objectId: scope.actionId, objectLabel: "Reste-à-faire", operation: "update", changes: [change] });
  });
}

export async function deleteRemaining(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ row: remainingItems, contractId: actions.contractId }).from(remainingItems).innerJoin(actions, eq(actions.id, remainingItems.actionId)).where(eq(remainingItems.id, id));
    if (!current) throw notFound(REMAINING_NOT_FOUND);
    await tx.delete(remainingItems).where(eq(remainingItems.id, id));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.row.actionId, objectLabel: label(current.row), operation: "update", changes: diffSnapshots(itemSnapshot(current.row), {}) });
  });
}
