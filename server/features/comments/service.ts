/**
 * Partner remarks: plain-text threads on a fiche or on one of its progress
 * entries, visible to every reader of the contract. The author edits their own;
 * the author or the coordination removes one, which stays as « remarque retirée ».
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { comments, progressEntries } from "../../db/schema.js";
import { forbidden, invalid, notFound } from "../../http/problem.js";
import { actorIdentity, can, type Actor } from "../../policies/index.js";
import { requiredText, uuid } from "../../validation/fields.js";
import { recordAudit } from "../audit/service.js";

export const COMMENT_NOT_FOUND = "Cette remarque est introuvable.";

export const commentBody = z.object({ body: requiredText("La remarque", 5000), progressEntryId: uuid.nullable().default(null) });
export const commentUpdateBody = z.object({ body: requiredText("La remarque", 5000) });

type Row = typeof comments.$inferSelect;
const mayEdit = (actor: Actor, row: Row) => actor.kind === "user" && row.authorId === actor.id && !row.deletedAt;
const mayDelete = (actor: Actor, row: Row) => !row.deletedAt && (mayEdit(actor, row) || can(actor, "comment.moderate", { contractId: row.contractId }));

function view(actor: Actor, row: Row) {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    progressEntryId: row.progressEntryId,
    body: deleted ? "" : row.body,
    authorName: row.authorName,
    authorOrganisation: row.authorOrganisation,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted,
    permissions: { edit: mayEdit(actor, row), delete: mayDelete(actor, row) },
  };
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

export async function listComments(db: Db, actor: Actor, actionId: string) {
  const rows = await db.select().from(comments).where(eq(comments.actionId, actionId)).orderBy(asc(comments.createdAt));
  return rows.map((r) => view(actor, r));
}

export async function commentScope(db: Db, id: string): Promise<{ contractId: string; actionId: string }> {
  const [row] = await db.select({ contractId: comments.contractId, actionId: comments.actionId }).from(comments).where(eq(comments.id, id));
  if (!row) throw notFound(COMMENT_NOT_FOUND);
  return row;
}

export async function createComment(db: Db, actor: Actor, scope: { contractId: string; actionId: string }, body: z.infer<typeof commentBody>) {
  return db.transaction(async (tx) => {
    if (body.progressEntryId) {
      const [entry] = await tx.select({ id: progressEntries.id }).from(progressEntries).where(and(eq(progressEntries.id, body.progressEntryId), eq(progressEntries.actionId, scope.actionId)));
      if (!entry) throw invalid([{ path: "progressEntryId", message: "Cet avancement n'appartient pas à cette fiche." }]);
    }
    const author = actorIdentity(actor);
    const [row] = await tx.insert(comments).values({ ...scope, progressEntryId: body.progressEntryId, body: body.body, authorId: author.id, authorName: author.name }).returning();
    await recordAudit(tx, actor, { ...scope, objectType: "action", objectId: scope.actionId, objectLabel: "Remarque partenaire", operation: "update", changes: [{ field: "comment", label: "Remarque", before: null, after: row!.body }] });
    return view(actor, row!);
  });
}

export async function updateComment(db: Db, actor: Actor, id: string, body: z.infer<typeof commentUpdateBody>) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(comments).where(eq(comments.id, id));
    if (!current || current.deletedAt) throw notFound(COMMENT_NOT_FOUND);
    if (!mayEdit(actor, current)) throw forbidden("Seul l'auteur d'une remarque peut la modifier.");
    const [row] = await tx.update(comments).set({ body: body.body, editedAt: new Date() }).where(eq(comments.id, id)).returning();
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.actionId, objectLabel: "Remarque partenaire", operation: "update", changes: [{ field: "comment", label: "Remarque", before: current.body, after: row!.body }] });
    return view(actor, row!);
  });
}

export async function deleteComment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(comments).where(eq(comments.id, id));
    if (!current || current.deletedAt) throw notFound(COMMENT_NOT_FOUND);
    if (!mayDelete(actor, current)) throw forbidden("Seuls l'auteur et la coordination peuvent retirer une remarque.");
    await tx.update(comments).set({ deletedAt: new Date() }).where(eq(comments.id, id));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.actionId, objectLabel: `Remarque de ${current.authorName} retirée`, operation: "update", changes: [{ field: "comment", label: "Remarque", before: excerpt(current.body), after: null }] });
  });
}
