/** Progress entries of a fiche (état d'avancement réel): rules and SQL. */
import { and, desc, eq, inArray } from "drizzle-orm";
import { knownDate, ofKnownDate } from "../../domain/dates.js";
import type { Db, Tx } from "../../db/client.js";
import { actions, meetings, milestones, progressEntries } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { invalid, notFound, type FieldError } from "../../http/problem.js";
import { actorIdentity, type Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import type { ProgressBody } from "./schema.js";

export const PROGRESS_NOT_FOUND = "Cette entrée d'avancement est introuvable.";

type Row = typeof progressEntries.$inferSelect;

const entrySnapshot = (r: Row) =>
  snapshot([
    ["happenedOn", "Date de l'avancement", knownDate(r.happenedOn, r.happenedOnPrecision)],
    ["text", "Avancement", r.text],
  ]);
const label = (r: Row) => `Avancement ${ofKnownDate(r.happenedOn, r.happenedOnPrecision)}`;

/** An entry cannot be dated in the future, and what it names must be of the fiche's contract (meeting) or the fiche (milestones). */
async function checkEntry(tx: Tx, scope: { contractId: string; actionId: string }, body: ProgressBody, today: string): Promise<void> {
  const errors: FieldError[] = [];
  if (body.happenedOn > today) errors.push({ path: "happenedOn", message: "Un avancement se rapporte à une date passée ou à aujourd'hui." });
  if (body.meetingId) {
    const [m] = await tx.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.id, body.meetingId), eq(meetings.contractId, scope.contractId)));
    if (!m) errors.push({ path: "meetingId", message: "Choisissez une réunion de ce contrat." });
  }
  if (body.milestoneIds.length) {
    const known = await tx.select({ id: milestones.id }).from(milestones).where(and(eq(milestones.actionId, scope.actionId), inArray(milestones.id, body.milestoneIds)));
    const ids = new Set(known.map((k) => k.id));
    body.milestoneIds.forEach((id, i) => {
      if (!ids.has(id)) errors.push({ path: `milestoneIds.${i}`, message: "Cette étape n'appartient pas à cette fiche." });
    });
  }
  if (errors.length) throw invalid(errors);
}

export async function listProgress(db: Db, actionId: string) {
  return db.select().from(progressEntries).where(eq(progressEntries.actionId, actionId)).orderBy(desc(progressEntries.happenedOn), desc(progressEntries.createdAt));
}

export async function progressScope(db: Db, id: string): Promise<{ contractId: string; actionId: string }> {
  const [row] = await db
    .select({ contractId: actions.contractId, actionId: progressEntries.actionId })
    .from(progressEntries)
    .innerJoin(actions, eq(actions.id, progressEntries.actionId))
    .where(eq(progressEntries.id, id));
  if (!row) throw notFound(PROGRESS_NOT_FOUND);
  return row;
}

export async function createProgress(db: Db, actor: Actor, scope: { contractId: string; actionId: string }, body: ProgressBody, today: string) {
  return db.transaction(async (tx) => {
    await checkEntry(tx, scope, body, today);
    const author = actorIdentity(actor);
    const [row] = await tx
      .insert(progressEntries)
      .values({ actionId: scope.actionId, ...body, authorId: author.id, authorName: author.name })
      .returning();
    await recordAudit(tx, actor, { contractId: scope.contractId, objectType: "action", objectId: scope.actionId, objectLabel: label(row!), operation: "update", changes: creationChanges(entrySnapshot(row!)) });
    return row!;
  });
}

export async function updateProgress(db: Db, actor: Actor, id: string, body: ProgressBody & { version: number }, today: string) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(progressEntries).where(eq(progressEntries.id, id));
    if (!current) throw notFound(PROGRESS_NOT_FOUND);
    const [fiche] = await tx.select({ contractId: actions.contractId }).from(actions).where(eq(actions.id, current.actionId));
    const scope = { contractId: fiche!.contractId, actionId: current.actionId };
    await checkEntry(tx, scope, body, today);
    await claimVersion(tx, progressEntries, id, body.version, "Cette entrée d'avancement");
    const { version: _v, ...fields } = body;
    const [row] = await tx.update(progressEntries).set({ ...fields, updatedAt: new Date() }).where(eq(progressEntries.id, id)).returning();
    await recordAudit(tx, actor, { ...scope, objectType: "action", objectId: current.actionId, objectLabel: label(row!), operation: "update", changes: diffSnapshots(entrySnapshot(current), entrySnapshot(row!)) });
    return row!;
  });
}
