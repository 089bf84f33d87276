/**
 * An account deactivated and anonymised by an admin (RGPD, right to erasure): the person's
 * name and e-mail are replaced, their sessions, password, memberships, ARS territory and
 * preferences removed; what they wrote stays (the contract's record) but reads « Utilisateur
 * supprimé », in the history too. Cannot be undone.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  accounts,
  adjustments,
  arsScopes,
  auditEntries,
  bodyMembers,
  comments,
  indicatorMeasurements,
  meetingParticipants,
  memberships,
  progressEntries,
  quarterlyReviews,
  sessions,
  userPreferences,
  users,
} from "../../db/schema.js";
import { conflict, notFound } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { revokePasswordLinks } from "./links.js";

export const DELETED_NAME = "Utilisateur supprimé";
const DELETED_DOMAIN = "supprime.invalid";
export const deletedEmail = (userId: string) => `${userId.toLowerCase().replace(/[^a-z0-9]/g, "")}@${DELETED_DOMAIN}`;
export const isAnonymised = (email: string) => email.endsWith(`@${DELETED_DOMAIN}`);

export async function anonymiseUser(db: Db, actor: Actor, userId: string): Promise<void> {
  if (actor.kind === "user" && actor.id === userId) throw conflict("Vous ne pouvez pas anonymiser votre propre compte : demandez-le à un autre administrateur.");
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!row) throw notFound("Ce compte est introuvable.");
    if (isAnonymised(row.email)) throw conflict("Ce compte est déjà anonymisé.");
    const now = new Date();
    await tx.update(users).set({ name: DELETED_NAME, email: deletedEmail(userId), image: null, isAdmin: false, deactivatedAt: row.deactivatedAt ?? now, updatedAt: now }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await revokePasswordLinks(tx, userId);
    await tx.delete(memberships).where(eq(memberships.userId, userId));
    await tx.delete(arsScopes).where(eq(arsScopes.userId, userId));
    await tx.delete(userPreferences).where(eq(userPreferences.userId, userId));
    // What they wrote stays, under the new name.
    for (const table of [comments, progressEntries, indicatorMeasurements, adjustments]) await tx.update(table).set({ authorName: DELETED_NAME }).where(eq(table.authorId, userId));
    await tx.update(quarterlyReviews).set({ createdByName: DELETED_NAME }).where(eq(quarterlyReviews.createdById, userId));
    for (const table of [bodyMembers, meetingParticipants]) await tx.update(table).set({ name: DELETED_NAME, email: "" }).where(eq(table.userId, userId));
    // The history: what they did, and what was done to their account or membership (no name or e-mail left in it).
    await tx.update(auditEntries).set({ actorName: DELETED_NAME }).where(eq(auditEntries.actorId, userId));
    await tx
      .update(auditEntries)
      .set({ objectLabel: DELETED_NAME, changes: sql`(select coalesce(jsonb_agg(c), '[]'::jsonb) from jsonb_array_elements(${auditEntries.changes}) c where c->>'field' not in ('name', 'email'))` })
      .where(and(eq(auditEntries.objectId, userId), sql`${auditEntries.objectType} in ('account', 'member')`));
    await recordAudit(tx, actor, { contractId: null, objectType: "account", objectId: userId, objectLabel: DELETED_NAME, operation: "update", changes: [{ field: "status", label: "Compte", before: row.deactivatedAt ? "Désactivé" : "Actif", after: "Anonymisé" }] });
  });
}
