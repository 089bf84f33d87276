/**
 * The reminder before a milestone (issue 15): N days before a milestone of a fiche one leads is
 * due, and while it is not done, the lead receives one e-mail listing the milestones coming due,
 * with a link to each fiche's follow-up. Once per milestone, lead and due date (a moved
 * milestone is reminded again); a person may opt out in « Mon compte ». `dueMilestoneReminders`
 * is the pure rule; `sendMilestoneReminders` reads, sends, records.
 */
import { and, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, contracts, membershipActions, memberships, milestoneReminders, milestones, userPreferences, users } from "../../db/schema.js";
import { addDays, longDay } from "../../domain/dates.js";
import type { Mailer } from "../../mail/mailer.js";
import { milestoneReminderMail } from "../../mail/milestone-mail.js";

/** How many days before its due date a milestone is reminded. */
export const MILESTONE_REMINDER_DAYS = 7;

export interface MilestoneFacts {
  milestoneId: string;
  userId: string;
  contractId: string;
  plannedBy: string;
  doneOn: string | null;
  optedOut: boolean;
  alreadyReminded: boolean;
}

/** The (lead, contract) pairs to remind today, each with its milestones due within the window, soonest first. */
export function dueMilestoneReminders(today: string, facts: readonly MilestoneFacts[]): { userId: string; contractId: string; milestoneIds: string[] }[] {
  const until = addDays(today, MILESTONE_REMINDER_DAYS);
  const groups = new Map<string, { userId: string; contractId: string; due: MilestoneFacts[] }>();
  for (const f of facts) {
    if (f.doneOn || f.optedOut || f.alreadyReminded || f.plannedBy < today || f.plannedBy > until) continue;
    const key = `${f.userId}/${f.contractId}`;
    const group = groups.get(key) ?? { userId: f.userId, contractId: f.contractId, due: [] };
    group.due.push(f);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    userId: g.userId,
    contractId: g.contractId,
    milestoneIds: g.due.sort((a, b) => a.plannedBy.localeCompare(b.plannedBy) || a.milestoneId.localeCompare(b.milestoneId)).map((f) => f.milestoneId),
  }));
}

/** Reads the open milestones due within the window on the fiches leads lead, sends the reminders due, records each. */
export async function sendMilestoneReminders(db: Db, mailer: Mailer, publicUrl: string, today: string, onError: (error: unknown) => void = () => {}): Promise<{ sent: number }> {
  const until = addDays(today, MILESTONE_REMINDER_DAYS);
  const rows = await db
    .select({
      milestoneId: milestones.id,
      title: milestones.title,
      plannedBy: milestones.plannedBy,
      doneOn: milestones.doneOn,
      actionId: actions.id,
      number: actions.number,
      actionTitle: actions.title,
      contractId: contracts.id,
      contractName: contracts.name,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(milestones)
    .innerJoin(actions, eq(actions.id, milestones.actionId))
    .innerJoin(contracts, eq(contracts.id, actions.contractId))
    .innerJoin(membershipActions, eq(membershipActions.actionId, actions.id))
    .innerJoin(memberships, and(eq(memberships.id, membershipActions.membershipId), eq(memberships.role, "lead")))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(isNull(milestones.doneOn), gte(milestones.plannedBy, today), lte(milestones.plannedBy, until), isNull(actions.archivedAt), isNull(actions.mergedIntoId), isNull(users.deactivatedAt)));
  if (!rows.length) return { sent: 0 };
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const optedOut = new Set(
    (await db.select({ userId: userPreferences.userId }).from(userPreferences).where(and(inArray(userPreferences.userId, userIds), eq(userPreferences.milestoneReminders, false)))).map((r) => r.userId),
  );
  const ids = [...new Set(rows.map((r) => r.milestoneId))];
  const reminded = new Set(
    (await db.select({ milestoneId: milestoneReminders.milestoneId, userId: milestoneReminders.userId, dueOn: milestoneReminders.dueOn }).from(milestoneReminders).where(inArray(milestoneReminders.milestoneId, ids))).map(
      (r) => `${r.milestoneId}/${r.userId}/${r.dueOn}`,
    ),
  );
  const facts = rows.map((r) => ({ ...r, optedOut: optedOut.has(r.userId), alreadyReminded: reminded.has(`${r.milestoneId}/${r.userId}/${r.plannedBy}`) }));
  let sent = 0;
  for (const due of dueMilestoneReminders(today, facts)) {
    const mine = due.milestoneIds.map((id) => rows.find((r) => r.milestoneId === id && r.userId === due.userId)!);
    // Recorded first, under a unique index: two servers never send the same reminder twice.
    const claimed = await db
      .insert(milestoneReminders)
      .values(mine.map((m) => ({ contractId: due.contractId, milestoneId: m.milestoneId, userId: due.userId, dueOn: m.plannedBy })))
      .onConflictDoNothing()
      .returning({ id: milestoneReminders.id, milestoneId: milestoneReminders.milestoneId });
    if (!claimed.length) continue;
    const claimedIds = new Set(claimed.map((c) => c.milestoneId));
    const person = mine[0]!;
    const message = milestoneReminderMail({
      to: person.email,
      name: person.name,
      contractName: person.contractName,
      milestones: mine
        .filter((m) => claimedIds.has(m.milestoneId))
        .map((m) => ({ title: m.title, dueOn: longDay(m.plannedBy), fiche: `FA ${m.number} « ${m.actionTitle} »`, link: `${publicUrl}/contrats/${due.contractId}/fiches/${m.actionId}/suivi#avancement` })),
      preferencesLink: `${publicUrl}/mon-compte`,
    });
    try {
      await mailer.send(message);
      sent += 1;
    } catch (error) {
      // Not sent: forget the records, so that the next check tries again; the other leads still get theirs.
      await db.delete(milestoneReminders).where(inArray(milestoneReminders.id, claimed.map((c) => c.id)));
      onError(error);
    }
  }
  return { sent };
}
