/** Milestones of a fiche (rétroplanning): rules and SQL. Whoever may edit the fiche edits them. */
import { and, asc, eq, max } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, milestones } from "../../db/schema.js";
import { lockParent } from "../../db/parent-lock.js";
import { claimVersion } from "../../db/versioning.js";
import { invalid, notFound } from "../../http/problem.js";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { ACTION_NOT_FOUND } from "../actions/queries.js";
import { scheduleLabel } from "./rules.js";
import { isOverdue } from "../../domain/shown-status.js";
import type { MilestoneBody } from "./schema.js";

export const MILESTONE_NOT_FOUND = "Cette étape est introuvable.";

type Row = typeof milestones.$inferSelect;

/** A milestone as pages show it: its schedule in words, and whether it is overdue. */
export function milestoneView(row: Row, today: string) {
  return { ...row, schedule: scheduleLabel(row), overdue: isOverdue(row, today) };
}

const label = (row: Row) => `Étape « ${row.title} »`;
const milestoneSnapshot = (row: Row) =>
  snapshot([
    ["title", "Étape", row.title],
    ["schedule", "Calendrier", scheduleLabel(row)],
    ["owner", "Responsable", row.owner],
  ]);

function checkDone(body: MilestoneBody, today: string): void {
  if (body.doneOn && body.doneOn > today) throw invalid([{ path: "doneOn", message: "Une étape ne peut pas être réalisée dans le futur." }]);
}

/** The day done and its precision; a milestone not done has no precision to keep. */
const doneFields = (body: MilestoneBody) => ({ doneOn: body.doneOn, doneOnPrecision: body.doneOn ? body.doneOnPrecision : ("day" as const) });

export async function listMilestones(db: Db, actionId: string, today: string) {
  const rows = await db.select().from(milestones).where(eq(milestones.actionId, actionId)).orderBy(asc(milestones.plannedBy), asc(milestones.position));
  return rows.map((r) => milestoneView(r, today));
}

export async function milestoneScope(db: Db, id: string): Promise<{ contractId: string; actionId: string }> {
  const [row] = await db
    .select({ contractId: actions.contractId, actionId: milestones.actionId })
    .from(milestones)
    .innerJoin(actions, eq(actions.id, milestones.actionId))
    .where(eq(milestones.id, id));
  if (!row) throw notFound(MILESTONE_NOT_FOUND);
  return row;
}

export async function createMilestone(db: Db, actor: Actor, scope: { contractId: string; actionId: string }, body: MilestoneBody, today: string) {
  checkDone(body, today);
  return db.transaction(async (tx) => {
    // One creation at a time on the fiche: two milestones never take the same place.
    await lockParent(tx, actions, scope.actionId, ACTION_NOT_FOUND);
    const [last] = await tx.select({ n: max(milestones.position) }).from(milestones).where(eq(milestones.actionId, scope.actionId));
    const [row] = await tx
      .insert(milestones)
      .values({ actionId: scope.actionId, title: body.title, plannedBy: body.plannedBy, originallyBy: body.plannedBy, owner: body.owner, ...doneFields(body), position: (last?.n ?? 0) + 1 })
      .returning();
    await recordAudit(tx, actor, { contractId: scope.contractId, objectType: "action", objectId: scope.actionId, objectLabel: label(row!), operation: "update", changes: creationChanges(milestoneSnapshot(row!)) });
    return milestoneView(row!, today);
  });
}

/** Moving a milestone keeps its first planned day: « prévu T2 2021, reporté T1 2022 ». */
export async function updateMilestone(db: Db, actor: Actor, id: string, body: MilestoneBody & { version: number }, today: string) {
  checkDone(body, today);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(milestones).where(eq(milestones.id, id));
    if (!current) throw notFound(MILESTONE_NOT_FOUND);
    await claimVersion(tx, milestones, id, body.version, "Cette étape");
    const [row] = await tx
      .update(milestones)
      .set({ title: body.title, plannedBy: body.plannedBy, owner: body.owner, ...doneFields(body), updatedAt: new Date() })
      .where(eq(milestones.id, id))
      .returning();
    const [fiche] = await tx.select({ contractId: actions.contractId }).from(actions).where(eq(actions.id, current.actionId));
    const changes = diffSnapshots(milestoneSnapshot(current), milestoneSnapshot(row!));
    await recordAudit(tx, actor, { contractId: fiche!.contractId, objectType: "action", objectId: current.actionId, objectLabel: label(row!), operation: "update", changes });
    return milestoneView(row!, today);
  });
}

export async function deleteMilestone(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ row: milestones, contractId: actions.contractId })
      .from(milestones)
      .innerJoin(actions, eq(actions.id, milestones.actionId))
      .where(and(eq(milestones.id, id)));
    if (!current) throw notFound(MILESTONE_NOT_FOUND);
    await tx.delete(milestones).where(eq(milestones.id, id));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.row.actionId, objectLabel: label(current.row), operation: "update", changes: diffSnapshots(milestoneSnapshot(current.row), {}) });
  });
}
