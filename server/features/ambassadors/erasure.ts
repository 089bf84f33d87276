/**
 * An ambassador's rights over their data (RGPD art. 15 and 17) and its automatic end: the
 * export of everything kept about one person, the erasure on request, and the purge of
 * those whose retention after leaving the network is over. Erasure takes the person out
 * of the trainings' and activities' lists but keeps their counts (`attendeeCount`,
 * `residentsReached`); the consent log keeps its line, withdrawn and without the person.
 */
import { and, asc, eq, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { ambassadorActivities, ambassadors, ambassadorTrainings, consentLog, priorityAreas } from "../../db/schema.js";
import { together } from "../../db/together.js";
import { notFound } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { parisDay } from "../../domain/dates.js";
import { ACTIVITY_KINDS, type ActivityKind } from "../../domain/ambassadors.js";
import { AMBASSADOR_NOT_FOUND, contractOrganiser } from "./references.js";
import { ambassadorView, auditLabel } from "./roster.js";

const names = (id: string) => JSON.stringify([id]);
const kindLabel = (kind: string) => ACTIVITY_KINDS[kind as ActivityKind] ?? kind;

/** Everything kept about one person: their record, the trainings they attended, the activities they led, what they accepted. */
export async function exportAmbassador(db: Db, id: string) {
  const [row] = await db.select().from(ambassadors).where(eq(ambassadors.id, id));
  if (!row) throw notFound(AMBASSADOR_NOT_FOUND);
  const [contract, [area], trainings, activities, consents] = await Promise.all([
    contractOrganiser(db, row.contractId),
    db.select({ name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.id, row.priorityAreaId)),
    db
      .select({ heldOn: ambassadorTrainings.heldOn, topic: ambassadorTrainings.topic, trainer: ambassadorTrainings.trainer })
      .from(ambassadorTrainings)
      .where(sql`${ambassadorTrainings.attendeeIds} @> ${names(id)}::jsonb`)
      .orderBy(asc(ambassadorTrainings.heldOn)),
    db
      .select({ heldOn: ambassadorActivities.heldOn, place: ambassadorActivities.place, kind: ambassadorActivities.kind, description: ambassadorActivities.description, residentsReached: ambassadorActivities.residentsReached })
      .from(ambassadorActivities)
      .where(sql`${ambassadorActivities.ambassadorIds} @> ${names(id)}::jsonb`)
      .orderBy(asc(ambassadorActivities.heldOn)),
    db
      .select({ purpose: consentLog.purpose, consentVersion: consentLog.consentVersion, acceptedAt: consentLog.acceptedAt, withdrawnAt: consentLog.withdrawnAt })
      .from(consentLog)
      .where(and(eq(consentLog.purpose, "ambassador"), eq(consentLog.subjectId, id))),
  ]);
  return {
    contract: contract.name,
    ambassador: ambassadorView(row, area?.name ?? "", { trainings: trainings.length, activities: activities.length }),
    trainings,
    activities: activities.map((a) => ({ ...a, kind: kindLabel(a.kind) })),
    consents,
  };
}

/**
 * Erases people of the roster (ids of ambassadors), in the caller's transaction: out of the
 * lists of the trainings and activities that name them (their counts stay, their version
 * moves on), the consent withdrawn and unlinked, the record deleted.
 */
async function eraseRows(tx: Tx, ids: string[], now: Date): Promise<number> {
  if (!ids.length) return 0;
  const gone = new Set(ids);
  const naming = (column: typeof ambassadorTrainings.attendeeIds | typeof ambassadorActivities.ambassadorIds) => sql.join(ids.map((id) => sql`${column} @> ${names(id)}::jsonb`), sql` or `);
  const [trainings, activities] = await together(
    tx,
    () => tx.select({ id: ambassadorTrainings.id, ids: ambassadorTrainings.attendeeIds }).from(ambassadorTrainings).where(naming(ambassadorTrainings.attendeeIds)),
    () => tx.select({ id: ambassadorActivities.id, ids: ambassadorActivities.ambassadorIds }).from(ambassadorActivities).where(naming(ambassadorActivities.ambassadorIds)),
  );
  for (const t of trainings)
    await tx
      .update(ambassadorTrainings)
      .set({ attendeeIds: t.ids.filter((x) => !gone.has(x)), version: sql`${ambassadorTrainings.version} + 1`, updatedAt: now })
      .where(eq(ambassadorTrainings.id, t.id));
  for (const a of activities)
    await tx
      .update(ambassadorActivities)
      .set({ ambassadorIds: a.ids.filter((x) => !gone.has(x)), version: sql`${ambassadorActivities.version} + 1`, updatedAt: now })
      .where(eq(ambassadorActivities.id, a.id));
  await tx
    .update(consentLog)
    .set({ withdrawnAt: sql`coalesce(${consentLog.withdrawnAt}, ${now})`, subjectId: null })
    .where(and(eq(consentLog.purpose, "ambassador"), inArray(consentLog.subjectId, ids)));
  const deleted = await tx.delete(ambassadors).where(inArray(ambassadors.id, ids)).returning({ id: ambassadors.id });
  return deleted.length;
}

/** Erases one person on request (the right to erasure); the history keeps that it was done, without the person. */
export async function eraseAmbassador(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ contractId: ambassadors.contractId, area: priorityAreas.name })
      .from(ambassadors)
      .innerJoin(priorityAreas, eq(priorityAreas.id, ambassadors.priorityAreaId))
      .where(eq(ambassadors.id, id));
    if (!row) throw notFound(AMBASSADOR_NOT_FOUND);
    await eraseRows(tx, [id], now);
    await recordAudit(tx, actor, { contractId: row.contractId, objectType: "ambassador", objectId: id, objectLabel: `${auditLabel(row.area)} (données personnelles effacées)`, operation: "delete", changes: [] });
  });
}

/**
 * The automatic purge: people who left the network more than their retention ago (the
 * erasure day has come, in Paris) are erased as on request. Run every hour by the server;
 * `now` is the clock (tests pass a fake one). `spareContractIds`: contracts left alone
 * (the demonstration's, whose ambassadors are fictitious). Returns how many were erased.
 */
export async function purgeExpiredAmbassadors(db: Db, now: Date = new Date(), options: { spareContractIds?: readonly string[] } = {}): Promise<number> {
  const spared = options.spareContractIds ?? [];
  const today = parisDay(now);
  const expired = await db
    .select({ id: ambassadors.id })
    .from(ambassadors)
    .where(
      and(
        isNotNull(ambassadors.leftOn),
        sql`(${ambassadors.leftOn} + make_interval(months => ${ambassadors.retentionMonths}))::date <= ${today}::date`,
        spared.length ? notInArray(ambassadors.contractId, [...spared]) : undefined,
      ),
    );
  if (!expired.length) return 0;
  return db.transaction((tx) => eraseRows(tx, expired.map((e) => e.id), now));
}
