/**
 * Adjustments of a fiche (ajustements nécessaires): typed, proposed, agreed at a
 * committee, done. A merge, once done, marks the fiche merged into its target.
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { shortDayOrNull } from "../../domain/dates.js";
import type { Db, Tx } from "../../db/client.js";
import { actions, adjustments, meetings } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import { actorIdentity, assertCanWriteAdjustment, type Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES, adjustmentIssues } from "./rules.js";
import type { AdjustmentBody } from "./schema.js";

export const ADJUSTMENT_NOT_FOUND = "Cet ajustement est introuvable.";

type Row = typeof adjustments.$inferSelect;
type Scope = { contractId: string; actionId: string };

const adjustmentSnapshot = (r: Row, targetLabel: string | null) =>
  snapshot([
    ["kind", "Type d'ajustement", ADJUSTMENT_KINDS[r.kind]],
    ["description", "Ajustement", r.description],
    ["target", "Fiche cible", targetLabel],
    ["status", "État", ADJUSTMENT_STATUSES[r.status]],
    ["agreedOn", "Validé le", shortDayOrNull(r.agreedOn)],
    ["doneOn", "Réalisé le", shortDayOrNull(r.doneOn)],
  ]);
const label = (r: Row) => `Ajustement « ${ADJUSTMENT_KINDS[r.kind]} »`;
const ficheLabel = (f: { number: number; title: string }) => `FA ${f.number} « ${f.title} »`;

const target = alias(actions, "target");

/** Number and title of a fiche (an adjustment's target), for the history. */
async function ficheOf(tx: Tx, id: string | null): Promise<{ number: number; title: string } | null> {
  if (!id) return null;
  return (await tx.select({ number: actions.number, title: actions.title }).from(actions).where(eq(actions.id, id)))[0] ?? null;
}

export async function listAdjustments(db: Db, actionId: string) {
  const rows = await db
    .select({ row: adjustments, targetId: target.id, targetNumber: target.number, targetTitle: target.title })
    .from(adjustments)
    .leftJoin(target, eq(target.id, adjustments.targetActionId))
    .where(eq(adjustments.actionId, actionId))
    .orderBy(desc(adjustments.createdAt));
  return rows.map(({ row, targetId, targetNumber, targetTitle }) => ({
    ...row,
    kindLabel: ADJUSTMENT_KINDS[row.kind],
    statusLabel: ADJUSTMENT_STATUSES[row.status],
    targetAction: targetId ? { id: targetId, number: targetNumber!, title: targetTitle! } : null,
  }));
}

export async function adjustmentScope(db: Db, id: string): Promise<Scope> {
  const [row] = await db
    .select({ contractId: actions.contractId, actionId: adjustments.actionId })
    .from(adjustments)
    .innerJoin(actions, eq(actions.id, adjustments.actionId))
    .where(eq(adjustments.id, id));
  if (!row) throw notFound(ADJUSTMENT_NOT_FOUND);
  return row;
}

/** The rules of the pure function, then what only the database knows: target and meeting of the same contract. */
async function checkAdjustment(tx: Tx, scope: Scope, body: AdjustmentBody, today: string): Promise<{ number: number; title: string } | null> {
  const errors: FieldError[] = adjustmentIssues(body, scope.actionId, today);
  let fiche: { number: number; title: string } | null = null;
  if (body.targetActionId && !errors.some((e) => e.path === "targetActionId")) {
    const [row] = await tx
      .select({ number: actions.number, title: actions.title })
      .from(actions)
      .where(and(eq(actions.id, body.targetActionId), eq(actions.contractId, scope.contractId), isNull(actions.archivedAt)));
    if (!row) errors.push({ path: "targetActionId", message: "Choisissez une fiche en cours de ce contrat." });
    fiche = row ?? null;
  }
  if (body.agreedMeetingId) {
    const [m] = await tx.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.id, body.agreedMeetingId), eq(meetings.contractId, scope.contractId)));
    if (!m) errors.push({ path: "agreedMeetingId", message: "Choisissez une réunion de ce contrat." });
  }
  if (errors.length) throw invalid(errors);
  return fiche;
}

/**
 * Keeps the fiche's "merged into" in step with its done merges: the latest done
 * merge wins; none leaves the fiche unmerged. A merge into a fiche that is itself
 * merged, directly or not, into this one is refused.
 */
async function syncMerge(tx: Tx, actor: Actor, scope: Scope): Promise<void> {
  const [done] = await tx
    .select({ targetActionId: adjustments.targetActionId })
    .from(adjustments)
    .where(and(eq(adjustments.actionId, scope.actionId), eq(adjustments.kind, "merge"), eq(adjustments.status, "done")))
    .orderBy(desc(adjustments.doneOn), desc(adjustments.updatedAt))
    .limit(1);
  const into = done?.targetActionId ?? null;
  const [fiche] = await tx.select({ mergedIntoId: actions.mergedIntoId, number: actions.number, title: actions.title }).from(actions).where(eq(actions.id, scope.actionId));
  if (fiche!.mergedIntoId === into) return;
  const seen = new Set<string>([scope.actionId]);
  for (let next = into; next; ) {
    if (seen.has(next)) throw conflict("Cette fusion formerait une boucle : la fiche cible est elle-même fusionnée dans celle-ci.");
    seen.add(next);
    const [row] = await tx.select({ mergedIntoId: actions.mergedIntoId }).from(actions).where(eq(actions.id, next));
    next = row?.mergedIntoId ?? null;
  }
  const ids = [fiche!.mergedIntoId, into].filter((id): id is string => !!id);
  const names = new Map((await tx.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(inArray(actions.id, ids))).map((r) => [r.id, ficheLabel(r)]));
  await tx.update(actions).set({ mergedIntoId: into }).where(eq(actions.id, scope.actionId));
  const change = { field: "mergedInto", label: "Fusionnée dans", before: fiche!.mergedIntoId ? names.get(fiche!.mergedIntoId)! : null, after: into ? names.get(into)! : null };
  await recordAudit(tx, actor, { contractId: scope.contractId, objectType: "action", objectId: scope.actionId, objectLabel: ficheLabel(fiche!), operation: "update", changes: [change] });
  for (const [id, before, after] of [
    [fiche!.mergedIntoId, ficheLabel(fiche!), null],
    [into, null, ficheLabel(fiche!)],
  ] as const) {
    if (!id) continue;
    await recordAudit(tx, actor, { contractId: scope.contractId, objectType: "action", objectId: id, objectLabel: names.get(id)!, operation: "update", changes: [{ field: "mergedFrom", label: "Fiche fusionnée dans celle-ci", before, after }] });
  }
}

export async function createAdjustment(db: Db, actor: Actor, scope: Scope, body: AdjustmentBody, today: string) {
  return db.transaction(async (tx) => {
    const fiche = await checkAdjustment(tx, scope, body, today);
    // A merge beyond a proposal changes the other fiche too: the policy decides.
    assertCanWriteAdjustment(actor, scope.contractId, scope.actionId, [body]);
    const author = actorIdentity(actor);
    const [row] = await tx.insert(adjustments).values({ actionId: scope.actionId, ...body, authorId: author.id, authorName: author.name }).returning();
    await recordAudit(tx, actor, { ...scope, objectType: "action", objectId: scope.actionId, objectLabel: label(row!), operation: "update", changes: creationChanges(adjustmentSnapshot(row!, fiche && ficheLabel(fiche))) });
    await syncMerge(tx, actor, scope);
    return row!;
  });
}

export async function updateAdjustment(db: Db, actor: Actor, id: string, body: AdjustmentBody & { version: number }, today: string) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ row: adjustments, contractId: actions.contractId }).from(adjustments).innerJoin(actions, eq(actions.id, adjustments.actionId)).where(eq(adjustments.id, id));
    if (!current) throw notFound(ADJUSTMENT_NOT_FOUND);
    const scope = { contractId: current.contractId, actionId: current.row.actionId };
    const fiche = await checkAdjustment(tx, scope, body, today);
    assertCanWriteAdjustment(actor, scope.contractId, scope.actionId, [current.row, body]);
    const before = await ficheOf(tx, current.row.targetActionId);
    await claimVersion(tx, adjustments, id, body.version, "Cet ajustement");
    const { version: _v, ...fields } = body;
    const [row] = await tx.update(adjustments).set({ ...fields, updatedAt: new Date() }).where(eq(adjustments.id, id)).returning();
    const changes = diffSnapshots(adjustmentSnapshot(current.row, before && ficheLabel(before)), adjustmentSnapshot(row!, fiche && ficheLabel(fiche)));
    await recordAudit(tx, actor, { ...scope, objectType: "action", objectId: scope.actionId, objectLabel: label(row!), operation: "update", changes });
    await syncMerge(tx, actor, scope);
    return row!;
  });
}

export async function deleteAdjustment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ row: adjustments, contractId: actions.contractId }).from(adjustments).innerJoin(actions, eq(actions.id, adjustments.actionId)).where(eq(adjustments.id, id));
    if (!current) throw notFound(ADJUSTMENT_NOT_FOUND);
    const scope = { contractId: current.contractId, actionId: current.row.actionId };
    assertCanWriteAdjustment(actor, scope.contractId, scope.actionId, [current.row]);
    const targetFiche = await ficheOf(tx, current.row.targetActionId);
    await tx.delete(adjustments).where(eq(adjustments.id, id));
    const changes = diffSnapshots(adjustmentSnapshot(current.row, targetFiche && ficheLabel(targetFiche)), {});
    await recordAudit(tx, actor, { ...scope, objectType: "action", objectId: scope.actionId, objectLabel: label(current.row), operation: "update", changes });
    await syncMerge(tx, actor, scope);
  });
}
