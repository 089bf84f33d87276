/**
 * The SQL of the territory overview: set-based, a handful of queries for any number of
 * contracts (aggregated in SQL, one row per fiche, indicator, funder or body), never one
 * query per contract. The rows are turned into facts by the pure builders (facts.ts).
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  actionBudgets,
  actions,
  axes,
  communes,
  contracts,
  governanceBodies,
  indicatorMeasurements,
  indicators,
  meetings,
  milestones,
  organisations,
  progressEntries,
  quarterlyReviews,
  reviewPublications,
} from "../../db/schema.js";
import { together } from "../../db/together.js";
import { communeDepartment } from "../../policies/actor.js";
import { quarterOfDay, quarterRange } from "../reviews/quarters.js";

/** Every contract with its header and the départements of its communes (a few hundred rows at most). */
export function loadDirectory(db: Db) {
  return db
    .select({
      id: contracts.id,
      slug: contracts.slug,
      name: contracts.name,
      localAuthority: contracts.localAuthority,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      status: contracts.status,
      departements: sql<string[]>`coalesce(array_agg(distinct ${communeDepartment}) filter (where ${communes.id} is not null), '{}')`,
    })
    .from(contracts)
    .leftJoin(communes, eq(communes.contractId, contracts.id))
    .groupBy(contracts.id)
    .orderBy(asc(contracts.name), asc(contracts.id));
}
export type DirectoryRow = Awaited<ReturnType<typeof loadDirectory>>[number];

/** A day (SQL `date`) read as "AAAA-MM-JJ" on both engines. */
const day = (expression: SQL) => sql<string | null>`${expression}`.mapWith(milestones.plannedBy) as SQL<string | null>;

/**
 * The rows behind the facts of `contractIds` on `today`: their live fiches (with the earliest
 * open milestone, whether a progress entry was written this quarter), each indicator's last
 * measurement, budgets summed by fiche, funder name and status, their COPIL and COTECH bodies
 * with their last meeting held, and their latest published review. Five queries, at once.
 */
export async function loadFactRows(db: Db, contractIds: string[], today: string) {
  const { start, end } = quarterRange(quarterOfDay(today));
  const live = and(inArray(actions.contractId, contractIds), isNull(actions.archivedAt));
  // The Paris day a meeting ended (as `parisDay`), the last one held up to a day.
  const endedOn = sql`(${meetings.endsAt} at time zone 'Europe/Paris')::date`;
  const held = (upTo: SQL) => day(sql`max(${endedOn}) filter (where ${meetings.cancelledAt} is null and ${endedOn} <= ${upTo})`);
  const [fiches, indicatorRows, budgetRows, bodyRows, reviewRows] = await together(
    db,
    () =>
      db
        .select({
          id: actions.id,
          contractId: actions.contractId,
          number: actions.number,
          title: actions.title,
          status: actions.status,
          mergedIntoId: actions.mergedIntoId,
          axisNumber: axes.number,
          themes: actions.themes,
          determinants: actions.determinants,
          prsProjects: actions.prsProjects,
          startMonth: actions.startMonth,
          endMonth: actions.endMonth,
          leadOrganisation: organisations.name,
          openMilestone: day(sql`(select min(${milestones.plannedBy}) from ${milestones} where ${milestones.actionId} = ${actions.id} and ${milestones.doneOn} is null)`),
          progressThisQuarter: sql<boolean>`exists (select 1 from ${progressEntries} where ${progressEntries.actionId} = ${actions.id} and ${progressEntries.happenedOn} between ${start} and ${end})`,
        })
        .from(actions)
        .innerJoin(axes, eq(axes.id, actions.axisId))
        .leftJoin(organisations, eq(organisations.id, actions.leadOrganisationId))
        .where(live),
    () =>
      db
        .select({
          actionId: indicators.actionId,
          lastMeasuredOn: day(sql`(select max(${indicatorMeasurements.measuredOn}) from ${indicatorMeasurements} where ${indicatorMeasurements.indicatorId} = ${indicators.id})`),
        })
        .from(indicators)
        .innerJoin(actions, eq(actions.id, indicators.actionId))
        .where(live),
    () =>
      db
        .select({ actionId: actionBudgets.actionId, funder: organisations.name, status: actionBudgets.status, amount: sql<number>`sum(${actionBudgets.amount})`.mapWith(Number) })
        .from(actionBudgets)
        .innerJoin(actions, eq(actions.id, actionBudgets.actionId))
        .innerJoin(organisations, eq(organisations.id, actionBudgets.funderId))
        .where(live)
        .groupBy(actionBudgets.actionId, organisations.name, actionBudgets.status),
    () =>
      db
        .select({
          contractId: governanceBodies.contractId,
          kind: governanceBodies.kind,
          name: governanceBodies.name,
          rhythmKind: governanceBodies.rhythmKind,
          rhythmValue: governanceBodies.rhythmValue,
          since: contracts.startDate,
          endDate: contracts.endDate,
          lastHeld: held(sql`${today}::date`),
          lastHeldInPeriod: held(sql`least(${contracts.endDate}, ${today}::date)`),
        })
        .from(governanceBodies)
        .innerJoin(contracts, eq(contracts.id, governanceBodies.contractId))
        .leftJoin(meetings, eq(meetings.bodyId, governanceBodies.id))
        .where(and(inArray(governanceBodies.contractId, contractIds), inArray(governanceBodies.kind, ["copil", "cotech"])))
        .groupBy(governanceBodies.id, contracts.startDate, contracts.endDate),
    () =>
      db
        .selectDistinctOn([reviewPublications.contractId], {
          contractId: reviewPublications.contractId,
          year: quarterlyReviews.year,
          quarter: quarterlyReviews.quarter,
          publishedAt: reviewPublications.publishedAt,
        })
        .from(reviewPublications)
        .innerJoin(quarterlyReviews, eq(quarterlyReviews.id, reviewPublications.reviewId))
        .where(inArray(reviewPublications.contractId, contractIds))
        .orderBy(reviewPublications.contractId, sql`${quarterlyReviews.year} desc, ${quarterlyReviews.quarter} desc, ${reviewPublications.publishedAt} desc`),
  );
  return { fiches, indicators: indicatorRows, budgets: budgetRows, bodies: bodyRows, reviews: reviewRows };
}
export type FactRows = Awaited<ReturnType<typeof loadFactRows>>;
