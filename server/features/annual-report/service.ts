/** Reads what the annual report (and the evaluation) show: one query per table, whatever the size of the contract. */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { axes, contracts, governanceBodies, indicatorMeasurements, indicators, meetingParticipants, meetings, progressEntries, quarterlyReviews, reviewPublications, sharedReviews } from "../../db/schema.js";
import { invalid, notFound } from "../../http/problem.js";
import { loadFicheProjections } from "../actions/fiches.js";
import { parisDay } from "../../domain/dates.js";
import type { Rhythm } from "../governance/rhythm.js";
import type { AnnualReportInput } from "./build.js";
import { textsFor, textsRow } from "./texts-service.js";
import { reportDay, yearWithinContract, type PeriodBody, type PeriodMeeting } from "./governance.js";

export const CONTRACT_NOT_FOUND = "Ce contrat est introuvable.";

export async function loadContract(db: Db, contractId: string) {
  const [contract] = await db.select({ name: contracts.name, startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound(CONTRACT_NOT_FOUND);
  return contract;
}

const rhythmOf = (kind: string | null, value: number | null): Rhythm | null =>
  kind === "per_year" && value ? { kind: "per_year", count: value } : kind === "every_months" && value ? { kind: "every_months", months: value } : null;

/** Bodies (in creation order) and every meeting of the contract, with the number of people marked present. */
export async function loadGovernance(db: Db, contractId: string): Promise<{ bodies: PeriodBody[]; meetings: PeriodMeeting[] }> {
  const bodyRows = await db
    .select({ id: governanceBodies.id, name: governanceBodies.name, kind: governanceBodies.kind, rhythmKind: governanceBodies.rhythmKind, rhythmValue: governanceBodies.rhythmValue, participation: governanceBodies.participation })
    .from(governanceBodies)
    .where(eq(governanceBodies.contractId, contractId))
    .orderBy(asc(governanceBodies.createdAt));
  const meetingRows = await db
    .select({ id: meetings.id, bodyId: meetings.bodyId, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt, cancelledAt: meetings.cancelledAt, headCount: meetings.headCount })
    .from(meetings)
    .where(eq(meetings.contractId, contractId));
  const present = await db
    .select({ meetingId: meetingParticipants.meetingId, n: count() })
    .from(meetingParticipants)
    .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
    .where(and(eq(meetings.contractId, contractId), eq(meetingParticipants.present, true)))
    .groupBy(meetingParticipants.meetingId);
  const presentBy = new Map(present.map((p) => [p.meetingId, Number(p.n)]));
  return {
    bodies: bodyRows.map((b) => ({ id: b.id, name: b.name, kind: b.kind, rhythm: rhythmOf(b.rhythmKind, b.rhythmValue), participation: b.participation || b.kind === "residents" })),
    meetings: meetingRows.map((m) => ({
      id: m.id,
      bodyId: m.bodyId,
      title: m.title,
      startedOn: parisDay(m.startsAt),
      endedOn: parisDay(m.endsAt),
      cancelled: m.cancelledAt !== null,
      headCount: m.headCount,
      presentCount: presentBy.get(m.id) ?? 0,
    })),
  };
}

/** Live fiches with their axes, milestones, progress entries, indicators and measurements (progress of one year, or all when null). */
export async function loadFiches(db: Db, contractId: string, today = parisDay()) {
  const [axisRows, fiches] = await Promise.all([
    db.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId)),
    loadFicheProjections(db, contractId, today),
  ]);
  const ids = fiches.map((f) => f.id);
  const some = <T>(query: () => Promise<T[]>) => (ids.length ? query() : Promise.resolve([] as T[]));
  const indicatorRows = await some(() =>
    db.select({ id: indicators.id, actionId: indicators.actionId, label: indicators.label, unit: indicators.unit, baseline: indicators.baseline, target: indicators.target, position: indicators.position }).from(indicators).where(inArray(indicators.actionId, ids)),
  );
  return {
    axes: axisRows,
    fiches,
    indicators: indicatorRows,
    measurements: await some(() =>
      db.select({ indicatorId: indicatorMeasurements.indicatorId, measuredOn: indicatorMeasurements.measuredOn, value: indicatorMeasurements.value, createdAt: indicatorMeasurements.createdAt }).from(indicatorMeasurements).where(inArray(indicatorMeasurements.actionId, ids)).orderBy(asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.createdAt)),
    ).then((rows) => rows.map(({ createdAt: _c, ...m }) => m)),
    ids,
    some,
  };
}

/** The contract (404 when none), when `year` falls within it (else 400, field `year`). */
export async function contractYear(db: Db, contractId: string, year: number) {
  const contract = await loadContract(db, contractId);
  if (!yearWithinContract(year, contract)) {
    throw invalid([{ path: "year", message: `Choisissez une année de la période du contrat (${contract.startDate.slice(0, 4)} à ${contract.endDate.slice(0, 4)}).` }]);
  }
  return contract;
}

/**
 * Everything the annual report of `year` shows; 400 (field `year`) when the year is outside the
 * contract. `manage`: the reader is of the coordination, and sees the texts' saved draft.
 */
export async function loadAnnualReport(db: Db, contractId: string, year: number, author: string, { today = parisDay(), manage = false } = {}): Promise<AnnualReportInput> {
  const contract = await contractYear(db, contractId, year);
  const { bodies, meetings: meetingList } = await loadGovernance(db, contractId);
  // The fiches as they stood on 31 December of the year (today while the year runs).
  const asOf = reportDay({ year, today });
  const { axes: axisRows, fiches, indicators: indicatorRows, measurements, ids, some } = await loadFiches(db, contractId, asOf);
  const milestoneRows = fiches.flatMap((f) => f.milestones.map(({ id: _id, ...m }) => m));
  const progressRows = await some(() => db.select({ actionId: progressEntries.actionId, happenedOn: progressEntries.happenedOn, happenedOnPrecision: progressEntries.happenedOnPrecision, text: progressEntries.text }).from(progressEntries).where(inArray(progressEntries.actionId, ids)));
  const publications = await db
    .select({ year: quarterlyReviews.year, quarter: quarterlyReviews.quarter, number: reviewPublications.number, publishedAt: reviewPublications.publishedAt, publishedByName: reviewPublications.publishedByName, correctionNote: reviewPublications.correctionNote })
    .from(reviewPublications)
    .innerJoin(quarterlyReviews, eq(quarterlyReviews.id, reviewPublications.reviewId))
    .where(eq(reviewPublications.contractId, contractId));
  return {
    year,
    today,
    contract,
    author,
    bodies,
    meetings: meetingList,
    axes: axisRows,
    fiches,
    milestones: milestoneRows,
    progress: progressRows,
    indicators: indicatorRows,
    measurements,
    publications: publications.map(({ publishedAt, ...p }) => ({ ...p, publishedOn: parisDay(publishedAt) })),
    sharedReviews: await db.select({ year: sharedReviews.year, quarter: sharedReviews.quarter, sharedOn: sharedReviews.sharedOn, note: sharedReviews.note }).from(sharedReviews).where(eq(sharedReviews.contractId, contractId)),
    texts: textsFor(await textsRow(db, contractId, year), manage),
  };
}
