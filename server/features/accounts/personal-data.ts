/**
 * A person's data (RGPD, right of access): their account, memberships and ARS territory,
 * preferences, and what they wrote or did in Clés — remarks, progress entries, measurements,
 * adjustments, reviews drafted, evaluation answers, places in bodies and meetings, and their
 * lines of history. One JSON document, downloaded from « Mon compte ».
 */
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  adjustments,
  auditEntries,
  bodyMembers,
  comments,
  evaluationResponses,
  indicatorMeasurements,
  meetingParticipants,
  progressEntries,
  quarterlyReviews,
  userPreferences,
  users,
} from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { getAccount } from "./service.js";

export const PERSONAL_DATA_FORMAT = "cles.personal-data";

export async function personalData(db: Db, userId: string, now = new Date()) {
  const [person] = await db.select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt, deactivatedAt: users.deactivatedAt, isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId));
  if (!person) throw notFound("Ce compte est introuvable.");
  const [account, preferences, remarks, progress, measurements, adjusted, reviews, answers, bodies, meetings, history] = await Promise.all([
    getAccount(db, userId),
    db.select().from(userPreferences).where(eq(userPreferences.userId, userId)),
    db.select().from(comments).where(eq(comments.authorId, userId)).orderBy(asc(comments.createdAt)),
    db.select().from(progressEntries).where(eq(progressEntries.authorId, userId)).orderBy(asc(progressEntries.createdAt)),
    db.select().from(indicatorMeasurements).where(eq(indicatorMeasurements.authorId, userId)).orderBy(asc(indicatorMeasurements.createdAt)),
    db.select().from(adjustments).where(eq(adjustments.authorId, userId)).orderBy(asc(adjustments.createdAt)),
    db.select({ id: quarterlyReviews.id, contractId: quarterlyReviews.contractId, year: quarterlyReviews.year, quarter: quarterlyReviews.quarter, createdAt: quarterlyReviews.createdAt }).from(quarterlyReviews).where(eq(quarterlyReviews.createdById, userId)),
    db.select().from(evaluationResponses).where(eq(evaluationResponses.userId, userId)),
    db.select().from(bodyMembers).where(eq(bodyMembers.userId, userId)),
    db.select().from(meetingParticipants).where(eq(meetingParticipants.userId, userId)),
    db.select().from(auditEntries).where(eq(auditEntries.actorId, userId)).orderBy(asc(auditEntries.at)),
  ]);
  return {
    format: PERSONAL_DATA_FORMAT,
    exportedAt: now.toISOString(),
    account: { ...person, memberships: account.memberships, arsTerritory: account.arsScopes },
    preferences,
    written: { remarks, progressEntries: progress, measurements, adjustments: adjusted, reviewsDrafted: reviews, evaluationAnswers: answers },
    places: { bodies, meetings },
    history,
  };
}
