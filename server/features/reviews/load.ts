/** Reads what a quarterly review is drawn from: one query per table, whatever the size of the contract. */
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import {
  adjustments,
  attachments,
  contracts,
  governanceBodies,
  indicatorMeasurements,
  indicators,
  meetingParticipants,
  meetings,
  organisations,
  progressEntries,
  signatories,
  registrations,
  remainingItems,
  reviewSettings,
  syntheses,
  workshops,
  workshopSessions,
  surveys,
  surveyAnswers,
  workshopTopics,
} from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { loadFicheProjections } from "../actions/fiches.js";
import type { Rhythm } from "../governance/rhythm.js";
import type { ReviewData, ReviewMeeting } from "./compose.js";
import type { ReviewSurvey, ReviewWorkshop } from "./participation-news.js";
import { resultLabels } from "../surveys/service.js";
import { surveyResults } from "../surveys/results.js";
import { surveySummary } from "../surveys/summary.js";
import { parisDay } from "../../domain/dates.js";
import { quarterRange, type Quarter } from "./quarters.js";

const rhythmOf = (kind: string | null, value: number | null): Rhythm | null =>
  kind === "per_year" ? { kind, count: value! } : kind === "every_months" ? { kind, months: value! } : null;

export async function loadReviewSettings(db: Db | Tx, contractId: string) {
  const [row] = await db.select().from(reviewSettings).where(eq(reviewSettings.contractId, contractId));
  return row ?? { contractId, purpose: "", publishReviews: false, version: 0 };
}

/** The contract's residents' workshops, counted (never named): registrations, presence per session, syntheses. */
async function loadWorkshops(db: Db | Tx, contractId: string, fiches: { id: string; number: number }[]): Promise<ReviewWorkshop[]> {
  const rows = await db.select().from(workshops).where(eq(workshops.contractId, contractId)).orderBy(asc(workshops.createdAt));
  if (!rows.length) return [];
  const ids = rows.map((w) => w.id);
  const [sessions, topics, written, people] = await Promise.all([
    db.select().from(workshopSessions).where(inArray(workshopSessions.workshopId, ids)).orderBy(asc(workshopSessions.position)),
    db.select().from(workshopTopics).where(inArray(workshopTopics.workshopId, ids)).orderBy(asc(workshopTopics.position)),
    db.select({ workshopId: syntheses.workshopId, topicId: syntheses.topicId, text: syntheses.text }).from(syntheses).where(and(inArray(syntheses.workshopId, ids), sql`${syntheses.sessionId} is null`)),
    db.select({ workshopId: registrations.workshopId, status: registrations.status, attended: registrations.attendedSessionIds }).from(registrations).where(inArray(registrations.workshopId, ids)),
  ]);
  const numberOf = new Map(fiches.map((f) => [f.id, f.number]));
  return rows.map((w) => {
    const mine = people.filter((p) => p.workshopId === w.id);
    return {
      id: w.id,
      title: w.title,
      callPublishedOn: w.callPublishedAt ? parisDay(w.callPublishedAt) : null,
      deadline: w.deadline,
      registered: mine.filter((p) => p.status === "registered").length,
      sessions: sessions.filter((s) => s.workshopId === w.id).map((s) => ({ id: s.id, startsAt: s.startsAt, place: s.place, present: mine.filter((p) => p.attended.includes(s.id)).length })),
      topics: topics
        .filter((t) => t.workshopId === w.id)
        .map((t) => ({ id: t.id, title: t.title, actionNumbers: t.actionIds.flatMap((a) => (numberOf.has(a) ? [numberOf.get(a)!] : [])).sort((a, b) => a - b) })),
      syntheses: written.filter((s) => s.workshopId === w.id).map(({ topicId, text }) => ({ topicId, text })),
    };
  });
}

/** The contract's surveys, summarised (counts and ranked priorities, never an answer's text). */
async function loadSurveys(db: Db | Tx, contractId: string, fiches: { id: string; number: number }[]): Promise<ReviewSurvey[]> {
  const rows = await db.select().from(surveys).where(eq(surveys.contractId, contractId)).orderBy(asc(surveys.closesOn));
  if (!rows.length) return [];
  const [answers, labels] = await Promise.all([
    db.select({ surveyId: surveyAnswers.surveyId, answers: surveyAnswers.answers, source: surveyAnswers.source, submittedAt: surveyAnswers.submittedAt }).from(surveyAnswers).where(inArray(surveyAnswers.surveyId, rows.map((r) => r.id))).orderBy(asc(surveyAnswers.submittedAt), asc(surveyAnswers.id)),
    resultLabels(db, contractId),
  ]);
  const numberOf = new Map(fiches.map((f) => [f.id, f.number]));
  return rows.map((s) => {
    const results = surveyResults({ surveyId: s.id, title: s.title, questions: s.questions, rows: answers.filter((a) => a.surveyId === s.id), labels });
    return {
      id: s.id,
      title: s.title,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      total: results.total,
      actionNumbers: s.actionIds.flatMap((a) => (numberOf.has(a) ? [numberOf.get(a)!] : [])).sort((a, b) => a - b),
      ...surveySummary(results, s.closesOn),
    };
  });
}

export async function loadReviewData(db: Db | Tx, contractId: string, quarter: Quarter): Promise<ReviewData & { contractName: string }> {
  const { start, end } = quarterRange(quarter);
  const [contract] = await db.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const settings = await loadReviewSettings(db, contractId);
  const bodies = await db.select().from(governanceBodies).where(eq(governanceBodies.contractId, contractId));
  // The quarter's meetings and the committees planned after it (for « le prochain COPIL »).
  const meetingRows = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.contractId, contractId), gte(meetings.startsAt, new Date(`${start}T00:00:00+02:00`))))
    .orderBy(asc(meetings.startsAt));
  const meetingIds = meetingRows.map((m) => m.id);
  const present = meetingIds.length
    ? await db
        .select({
          meetingId: meetingParticipants.meetingId,
          organisation: organisations.shortName,
          organisationName: organisations.name,
          signatory: sql<boolean>`exists (select 1 from ${signatories} where ${signatories.organisationId} = ${organisations.id})`,
          resident: meetingParticipants.resident,
        })
        .from(meetingParticipants)
        .leftJoin(organisations, eq(organisations.id, meetingParticipants.organisationId))
        .where(and(inArray(meetingParticipants.meetingId, meetingIds), eq(meetingParticipants.present, true)))
        .orderBy(asc(meetingParticipants.position))
    : [];
  const files = meetingIds.length
    ? await db.select({ id: attachments.id, meetingId: attachments.meetingId, fileName: attachments.fileName }).from(attachments).where(inArray(attachments.meetingId, meetingIds)).orderBy(asc(attachments.createdAt))
    : [];
  // The fiche read model as of the quarter's end: its live fiches, with their milestones.
  const projected = await loadFicheProjections(db, contractId, end);
  const fiches = projected.map(({ id, number, title }) => ({ id, number, title }));
  const ids = fiches.map((f) => f.id);
  const some = <T>(query: () => Promise<T[]>) => (ids.length ? query() : Promise.resolve([] as T[]));

  const reviewMeetings: ReviewMeeting[] = meetingRows.map((m) => {
    const here = present.filter((p) => p.meetingId === m.id);
    return {
      id: m.id,
      bodyId: m.bodyId,
      title: m.title,
      startsAt: m.startsAt,
      place: m.place,
      headCount: m.headCount,
      presentCount: here.length,
      organisations: [...new Set(here.map((p) => p.organisation || p.organisationName).filter((o): o is string => !!o))],
      signatoryOrganisations: [...new Set(here.filter((p) => p.signatory).map((p) => p.organisation || p.organisationName).filter((o): o is string => !!o))],
      agenda: m.agenda.map((item) => item.title),
      residentsPresent: here.filter((p) => p.resident).length,
      minutes: m.minutes,
      decisions: m.decisions,
      agendaActionIds: [...new Set(m.agenda.flatMap((i) => i.actionIds))],
      invitationSentAt: m.invitationSentAt,
      cancelled: m.cancelledAt !== null,
      attachments: files.filter((f) => f.meetingId === m.id).map(({ id, fileName }) => ({ id, fileName })),
    };
  });

  return {
    ...quarter,
    contractName: contract.name,
    purpose: settings.purpose,
    bodies: bodies.map((b) => ({ id: b.id, kind: b.kind, name: b.name, participation: b.participation, rhythm: rhythmOf(b.rhythmKind, b.rhythmValue), actionIds: b.actionIds })),
    meetings: reviewMeetings,
    fiches,
    progress: await some(() =>
      db
        .select({ id: progressEntries.id, actionId: progressEntries.actionId, happenedOn: progressEntries.happenedOn, text: progressEntries.text, meetingId: progressEntries.meetingId })
        .from(progressEntries)
        .where(and(inArray(progressEntries.actionId, ids), gte(progressEntries.happenedOn, start), lte(progressEntries.happenedOn, end))),
    ),
    measurements: await some(() =>
      db
        .select({
          id: indicatorMeasurements.id,
          actionId: indicatorMeasurements.actionId,
          indicator: indicators.label,
          unit: indicators.unit,
          target: indicators.target,
          value: indicatorMeasurements.value,
          measuredOn: indicatorMeasurements.measuredOn,
          source: indicatorMeasurements.source,
        })
        .from(indicatorMeasurements)
        .innerJoin(indicators, eq(indicators.id, indicatorMeasurements.indicatorId))
        .where(and(inArray(indicatorMeasurements.actionId, ids), gte(indicatorMeasurements.measuredOn, start), lte(indicatorMeasurements.measuredOn, end))),
    ),
    // Open ones, and those done in the quarter.
    milestones: projected.flatMap((f) => f.milestones).filter((m) => !m.doneOn || (m.doneOn >= start && m.doneOn <= end)),
    adjustments: (
      await some(() =>
        db
          .select({ id: adjustments.id, actionId: adjustments.actionId, kind: adjustments.kind, description: adjustments.description, status: adjustments.status, agreedOn: adjustments.agreedOn, doneOn: adjustments.doneOn, targetActionId: adjustments.targetActionId })
          .from(adjustments)
          .where(and(inArray(adjustments.actionId, ids), or(and(gte(adjustments.agreedOn, start), lte(adjustments.agreedOn, end)), and(gte(adjustments.doneOn, start), lte(adjustments.doneOn, end)))))
          .orderBy(asc(adjustments.createdAt)),
      )
    ).map(({ targetActionId, ...a }) => ({ ...a, targetNumber: fiches.find((f) => f.id === targetActionId)?.number ?? null })),
    workshops: await loadWorkshops(db, contractId, fiches),
    surveys: await loadSurveys(db, contractId, fiches),
    remaining: await some(() =>
      db
        .select({ id: remainingItems.id, actionId: remainingItems.actionId, text: remainingItems.text })
        .from(remainingItems)
        .where(and(inArray(remainingItems.actionId, ids), isNull(remainingItems.doneOn)))
        .orderBy(asc(remainingItems.position)),
    ),
  };
}
