/**
 * Reviews shared before Clés: a coordinator who wrote her quarterly reviews in Word records
 * the quarters she shared, and when, so that the review list and the annual report say so
 * rather than « Aucune revue publiée ».
 */
import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contracts, quarterlyReviews, sharedReviews } from "../../db/schema.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import { actorIdentity, type Actor } from "../../policies/index.js";
import { recordAudit } from "../../audit/record.js";
import { shortDay } from "../../domain/dates.js";
import { contractQuarters, quarterLabel, quarterRange, type Quarter } from "./quarters.js";

export const SHARED_REVIEW_NOT_FOUND = "Cette revue partagée hors Clés est introuvable.";

type SharedRow = typeof sharedReviews.$inferSelect;
const view = (r: SharedRow) => ({ id: r.id, year: r.year, quarter: r.quarter, label: quarterLabel(r as Quarter), sharedOn: r.sharedOn, note: r.note, recordedByName: r.recordedByName });
export type SharedReviewView = ReturnType<typeof view>;

export async function listSharedReviews(db: Db, contractId: string): Promise<SharedReviewView[]> {
  const rows = await db.select().from(sharedReviews).where(eq(sharedReviews.contractId, contractId)).orderBy(desc(sharedReviews.year), desc(sharedReviews.quarter));
  return rows.map(view);
}

/** Where its quarter and day may be: a started quarter of the contract, shared from its first day until today. */
export function sharedReviewProblems(body: Quarter & { sharedOn: string }, contract: { startDate: string; endDate: string }, today: string): FieldError[] {
  if (!contractQuarters(contract.startDate, contract.endDate, today).some((q) => q.year === body.year && q.quarter === body.quarter)) {
    return [{ path: "quarter", message: `Le ${quarterLabel(body)} n'est pas un trimestre commencé de ce contrat (${contract.startDate.slice(0, 4)}-${contract.endDate.slice(0, 4)}).` }];
  }
  const { start } = quarterRange(body);
  if (body.sharedOn < start) return [{ path: "sharedOn", message: `Une revue du ${quarterLabel(body)} est partagée à partir du ${shortDay(start)}.` }];
  if (body.sharedOn > today) return [{ path: "sharedOn", message: "La date de partage ne peut pas être dans le futur." }];
  return [];
}

export async function recordSharedReview(db: Db, actor: Actor, contractId: string, body: Quarter & { sharedOn: string; note: string }, today: string): Promise<SharedReviewView> {
  return db.transaction(async (tx) => {
    const [contract] = await tx.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId));
    if (!contract) throw notFound("Ce contrat est introuvable.");
    const problems = sharedReviewProblems(body, contract, today);
    if (problems.length) throw invalid(problems);
    const label = quarterLabel(body);
    const quarterOf = (table: typeof sharedReviews | typeof quarterlyReviews) => and(eq(table.contractId, contractId), eq(table.year, body.year), eq(table.quarter, body.quarter));
    const [published] = await tx.select({ id: quarterlyReviews.id }).from(quarterlyReviews).where(and(quarterOf(quarterlyReviews), gt(quarterlyReviews.publishedNumber, 0)));
    if (published) throw conflict(`La revue du ${label} est publiée dans Clés : elle n'a pas à être enregistrée comme partagée hors Clés.`);
    const [already] = await tx.select({ id: sharedReviews.id }).from(sharedReviews).where(quarterOf(sharedReviews));
    if (already) throw conflict(`La revue du ${label} est déjà enregistrée comme partagée hors Clés.`);
    const [row] = await tx
      .insert(sharedReviews)
      .values({ contractId, year: body.year, quarter: body.quarter, sharedOn: body.sharedOn, note: body.note, recordedByName: actorIdentity(actor).name })
      .returning();
    await recordAudit(tx, actor, {
      contractId,
      objectType: "review",
      objectId: row!.id,
      objectLabel: `Revue du ${label} (partagée hors Clés)`,
      operation: "create",
      changes: [
        { field: "sharedOn", label: "Partagée le", before: null, after: shortDay(body.sharedOn) },
        ...(body.note ? [{ field: "note", label: "Précision", before: null, after: body.note }] : []),
      ],
    });
    return view(row!);
  });
}

export async function sharedReviewContractId(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ contractId: sharedReviews.contractId }).from(sharedReviews).where(eq(sharedReviews.id, id));
  if (!row) throw notFound(SHARED_REVIEW_NOT_FOUND);
  return row.contractId;
}

export async function deleteSharedReview(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(sharedReviews).where(eq(sharedReviews.id, id)).returning();
    if (!row) throw notFound(SHARED_REVIEW_NOT_FOUND);
    await recordAudit(tx, actor, { contractId: row.contractId, objectType: "review", objectId: row.id, objectLabel: `Revue du ${quarterLabel(row as Quarter)} (partagée hors Clés)`, operation: "delete", changes: [] });
  });
}
