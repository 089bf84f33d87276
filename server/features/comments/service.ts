/**
 * Partner remarks: plain-text threads on a fiche or on one of its progress
 * entries, visible to every reader of the contract. The author edits their own;
 * the author or the coordination removes one, which stays as « remarque retirée ».
 */
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { bodyMembers, comments, governanceBodies, meetingParticipants, meetings, organisations, progressEntries } from "../../db/schema.js";
import { forbidden, invalid, notFound } from "../../http/problem.js";
import { actorIdentity, canDeleteComment, canEditComment, type Actor } from "../../policies/index.js";
import { recordAudit } from "../../audit/record.js";
import type { CommentBody, CommentUpdateBody } from "./schema.js";
import { excerpt } from "../../domain/excerpt.js";

export const COMMENT_NOT_FOUND = "Cette remarque est introuvable.";

type Row = typeof comments.$inferSelect;

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
    permissions: { edit: canEditComment(actor, row), delete: canDeleteComment(actor, row) },
  };
}


export async function listComments(db: Db, actor: Actor, actionId: string) {
  const rows = await db.select().from(comments).where(eq(comments.actionId, actionId)).orderBy(asc(comments.createdAt));
  return rows.map((r) => view(actor, r));
}

export async function commentScope(db: Db, id: string): Promise<{ contractId: string; actionId: string }> {
  const [row] = await db.select({ contractId: comments.contractId, actionId: comments.actionId }).from(comments).where(eq(comments.id, id));
  if (!row) throw notFound(COMMENT_NOT_FOUND);
  return row;
}

/**
 * The author's organisation in this contract, as the coordination recorded it: a standing
 * member of one of its bodies, else a meeting participant, linked to both account and organisation.
 * Empty when there is no such link (memberships name no organisation).
 */
async function authorOrganisation(tx: Tx, contractId: string, userId: string | null): Promise<string> {
  if (!userId) return "";
  const organisation = { name: organisations.name, shortName: organisations.shortName };
  const [asMember] = await tx
    .select(organisation)
    .from(bodyMembers)
    .innerJoin(governanceBodies, eq(governanceBodies.id, bodyMembers.bodyId))
    .innerJoin(organisations, eq(organisations.id, bodyMembers.organisationId))
    .where(and(eq(governanceBodies.contractId, contractId), eq(bodyMembers.userId, userId), isNotNull(bodyMembers.organisationId)))
    .orderBy(asc(governanceBodies.createdAt), asc(bodyMembers.position))
    .limit(1);
  const found =
    asMember ??
    (
      await tx
        .select(organisation)
        .from(meetingParticipants)
        .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
        .innerJoin(organisations, eq(organisations.id, meetingParticipants.organisationId))
        .where(and(eq(meetings.contractId, contractId), eq(meetingParticipants.userId, userId)))
        .orderBy(asc(meetings.startsAt))
        .limit(1)
    )[0];
  return found ? found.shortName || found.name : "";
}

export async function createComment(db: Db, actor: Actor, scope: { contractId: string; actionId: string }, body: CommentBody) {
  return db.transaction(async (tx) => {
    if (body.progressEntryId) {
      const [entry] = await tx.select({ id: progressEntries.id }).from(progressEntries).where(and(eq(progressEntries.id, body.progressEntryId), eq(progressEntries.actionId, scope.actionId)));
      if (!entry) throw invalid([{ path: "progressEntryId", message: "Cet avancement n'appartient pas à cette fiche." }]);
    }
    const author = actorIdentity(actor);
    const organisation = await authorOrganisation(tx, scope.contractId, author.id);
    const [row] = await tx
      .insert(comments)
      .values({ ...scope, progressEntryId: body.progressEntryId, body: body.body, authorId: author.id, authorName: author.name, authorOrganisation: organisation })
      .returning();
    await recordAudit(tx, actor, { ...scope, objectType: "action", objectId: scope.actionId, objectLabel: "Remarque partenaire", operation: "update", changes: [{ field: "comment", label: "Remarque", before: null, after: row!.body }] });
    return view(actor, row!);
  });
}

export async function updateComment(db: Db, actor: Actor, id: string, body: CommentUpdateBody) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(comments).where(eq(comments.id, id));
    if (!current || current.deletedAt) throw notFound(COMMENT_NOT_FOUND);
    if (!canEditComment(actor, current)) throw forbidden("Seul l'auteur d'une remarque peut la modifier.");
    const [row] = await tx.update(comments).set({ body: body.body, editedAt: new Date() }).where(eq(comments.id, id)).returning();
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.actionId, objectLabel: "Remarque partenaire", operation: "update", changes: [{ field: "comment", label: "Remarque", before: current.body, after: row!.body }] });
    return view(actor, row!);
  });
}

export async function deleteComment(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(comments).where(eq(comments.id, id));
    if (!current || current.deletedAt) throw notFound(COMMENT_NOT_FOUND);
    if (!canDeleteComment(actor, current)) throw forbidden("Seuls l'auteur et la coordination peuvent retirer une remarque.");
    await tx.update(comments).set({ deletedAt: new Date() }).where(eq(comments.id, id));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.actionId, objectLabel: `Remarque de ${current.authorName} retirée`, operation: "update", changes: [{ field: "comment", label: "Remarque", before: excerpt(current.body), after: null }] });
  });
}
