/**
 * The reminder before each quarterly review: two weeks before a quarter ends, each lead
 * receives one e-mail listing the fiches they lead that have no progress entry this
 * quarter, with a link to each. Sent once per lead and quarter (recorded); a person may
 * opt out. `dueReminders` is the pure rule; `sendReviewReminders` reads, sends, records.
 */
import { and, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, arsScopes, contracts, membershipActions, memberships, progressEntries, reviewReminders, userPreferences, users } from "../../db/schema.js";
import type { Mailer } from "../../mail/mailer.js";
import { reviewReminderMail } from "../../mail/review-mail.js";
import { longDay } from "../../domain/dates.js";
import { daysToQuarterEnd, quarterLabel, quarterOfDay, quarterRange, type Quarter } from "./quarters.js";

/** How many days before the end of a quarter the reminders go. */
export const REMINDER_DAYS = 14;

export interface LeadFacts {
  userId: string;
  contractId: string;
  optedOut: boolean;
  alreadyReminded: boolean;
  /** The live fiches they lead in that contract. */
  fiches: { id: string; number: number; title: string; hasProgress: boolean }[];
}

/** The reminders due today: within the last 14 days of the quarter, to leads with quiet fiches, once. */
export function dueReminders(today: string, leads: LeadFacts[]): { userId: string; contractId: string; fiches: LeadFacts["fiches"] }[] {
  if (daysToQuarterEnd(today) > REMINDER_DAYS) return [];
  return leads.flatMap((lead) => {
    const quiet = lead.fiches.filter((f) => !f.hasProgress).sort((a, b) => a.number - b.number);
    return lead.optedOut || lead.alreadyReminded || !quiet.length ? [] : [{ userId: lead.userId, contractId: lead.contractId, fiches: quiet }];
  });
}

const PREFERENCE_COLUMNS = {
  reviewReminders: userPreferences.reviewReminders,
  milestoneReminders: userPreferences.milestoneReminders,
  publishedReviews: userPreferences.publishedReviews,
};
export type PreferenceChoices = { reviewReminders?: boolean; milestoneReminders?: boolean; publishedReviews?: boolean };

export async function getPreferences(db: Db, userId: string) {
  const [row] = await db.select(PREFERENCE_COLUMNS).from(userPreferences).where(eq(userPreferences.userId, userId));
  const [scope] = await db.select({ userId: arsScopes.userId }).from(arsScopes).where(eq(arsScopes.userId, userId)).limit(1);
  return { reviewReminders: row?.reviewReminders ?? true, milestoneReminders: row?.milestoneReminders ?? true, publishedReviews: row?.publishedReviews ?? true, arsDelegation: !!scope };
}

/** Saves the choices given; the others keep their value (every choice defaults to receiving). */
export async function setPreferences(db: Db, userId: string, body: PreferenceChoices) {
  const given = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as PreferenceChoices;
  await db
    .insert(userPreferences)
    .values({ userId, ...given })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { ...given, updatedAt: new Date() } });
  return getPreferences(db, userId);
}

/** Reads the leads of the contracts running in today's quarter, sends the reminders due, records each. */
export async function sendReviewReminders(db: Db, mailer: Mailer, publicUrl: string, today: string, onError: (error: unknown) => void = () => {}): Promise<{ sent: number; quarter: Quarter }> {
  const quarter = quarterOfDay(today);
  if (daysToQuarterEnd(today) > REMINDER_DAYS) return { sent: 0, quarter };
  const { start, end } = quarterRange(quarter);
  const led = await db
    .select({ userId: memberships.userId, contractId: memberships.contractId, actionId: actions.id, number: actions.number, title: actions.title, contractName: contracts.name, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(contracts, eq(contracts.id, memberships.contractId))
    .innerJoin(membershipActions, eq(membershipActions.membershipId, memberships.id))
    .innerJoin(actions, eq(actions.id, membershipActions.actionId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, "lead"), lte(contracts.startDate, end), gte(contracts.endDate, start), isNull(actions.archivedAt), isNull(actions.mergedIntoId)));
  if (!led.length) return { sent: 0, quarter };
  const ids = [...new Set(led.map((l) => l.actionId))];
  const moved = new Set(
    (await db.selectDistinct({ actionId: progressEntries.actionId }).from(progressEntries).where(and(inArray(progressEntries.actionId, ids), gte(progressEntries.happenedOn, start), lte(progressEntries.happenedOn, end)))).map((r) => r.actionId),
  );
  const userIds = [...new Set(led.map((l) => l.userId))];
  const optedOut = new Set((await db.select({ userId: userPreferences.userId }).from(userPreferences).where(and(inArray(userPreferences.userId, userIds), eq(userPreferences.reviewReminders, false)))).map((r) => r.userId));
  const reminded = new Set(
    (await db.select({ userId: reviewReminders.userId, contractId: reviewReminders.contractId }).from(reviewReminders).where(and(eq(reviewReminders.year, quarter.year), eq(reviewReminders.quarter, quarter.quarter)))).map((r) => `${r.userId}/${r.contractId}`),
  );
  const leads = new Map<string, LeadFacts>();
  for (const l of led) {
    const key = `${l.userId}/${l.contractId}`;
    const lead = leads.get(key) ?? { userId: l.userId, contractId: l.contractId, optedOut: optedOut.has(l.userId), alreadyReminded: reminded.has(key), fiches: [] };
    lead.fiches.push({ id: l.actionId, number: l.number, title: l.title, hasProgress: moved.has(l.actionId) });
    leads.set(key, lead);
  }
  let sent = 0;
  for (const due of dueReminders(today, [...leads.values()])) {
    // Recorded first, under a unique index: two servers never send the same reminder twice.
    const claimed = await db
      .insert(reviewReminders)
      .values({ contractId: due.contractId, year: quarter.year, quarter: quarter.quarter, userId: due.userId, actionNumbers: due.fiches.map((f) => f.number) })
      .onConflictDoNothing()
      .returning({ id: reviewReminders.id });
    if (!claimed.length) continue;
    const person = led.find((l) => l.userId === due.userId && l.contractId === due.contractId)!;
    const message = reviewReminderMail({
      to: person.email,
      name: person.name,
      contractName: person.contractName,
      label: quarterLabel(quarter),
      quarterEnd: longDay(end),
      fiches: due.fiches.map((f) => ({ number: f.number, title: f.title, link: `${publicUrl}/contrats/${due.contractId}/fiches/${f.id}/suivi#avancement` })),
      preferencesLink: `${publicUrl}/mon-compte`,
    });
    try {
      await mailer.send(message);
      sent += 1;
    } catch (error) {
      // Not sent: forget the record, so that the next check tries again; the other leads still get theirs.
      await db.delete(reviewReminders).where(eq(reviewReminders.id, claimed[0]!.id));
      onError(error);
    }
  }
  return { sent, quarter };
}
