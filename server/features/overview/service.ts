/**
 * Reads of the coordinator's views (issue 5) other than the COTECH table (read in
 * cotech-table.ts, its own rows written in follow-up-items.ts):
 * - the contract dashboard: fiches by status per axis, late milestones, indicators
 *   measured or not, next meetings, governance alerts and the latest activity — only
 *   what every reader of the contract may see;
 * - the timeline: each fiche's period and milestones over the contract's period.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, axes, comments, contracts, indicatorMeasurements, indicators, progressEntries } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { loadFicheProjections } from "../actions/fiches.js";
import { loadGovernanceFacts } from "../governance/service.js";
import { alertsFrom } from "../governance/rhythm.js";
import { isStale, scheduleLabel } from "../followup/rules.js";
import { isOverdue, SHOWN_STATUSES, type ShownStatus } from "../../domain/shown-status.js";
import { frenchNumber, ofKnownDate, parisDay, shortDay, type DatePrecision } from "../../domain/dates.js";
import { excerpt } from "../../domain/excerpt.js";

const STATUS_KEYS = Object.keys(SHOWN_STATUSES) as ShownStatus[];


/** Fiches counted by the status people see, per axis (in axis order), with a total. */
export function statusByAxis(axisRows: { id: string; number: number; title: string }[], fiches: { axisId: string; shownStatus: ShownStatus }[]) {
  return [...axisRows]
    .sort((a, b) => a.number - b.number)
    .map((axis) => {
      const counts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<ShownStatus, number>;
      const own = fiches.filter((f) => f.axisId === axis.id);
      for (const f of own) counts[f.shownStatus]++;
      return { axisId: axis.id, number: axis.number, title: axis.title, counts, total: own.length };
    });
}


/**
 * The tables each part of the dashboard reads, so that a change of another table leaves it
 * in memory (server/cache/read-views.ts): a remark recomputes the latest activity only, a
 * measurement the indicators and the latest activity. Checked against the SQL each part
 * sends (overview.test.ts).
 */
export const DASHBOARD_FICHE_TABLES = ["axes", "actions", "milestones", "membership_actions", "memberships", "users"] as const;
export const DASHBOARD_INDICATOR_TABLES = ["indicators", "indicator_measurements", "actions"] as const;
export const DASHBOARD_GOVERNANCE_TABLES = ["contracts", "governance_bodies", "meetings", "meeting_participants"] as const;
/** The latest activity's events, per kind: a remark reads the remarks again, not the progress entries and measurements. */
export const DASHBOARD_EVENT_TABLES = {
  progress: ["progress_entries", "actions"],
  measurement: ["indicator_measurements", "actions", "indicators"],
  remark: ["comments"],
} as const satisfies Record<EventKind, readonly string[]>;
export const EVENT_KINDS = Object.keys(DASHBOARD_EVENT_TABLES) as EventKind[];
export const DASHBOARD_TABLES = [...new Set([...DASHBOARD_FICHE_TABLES, ...DASHBOARD_INDICATOR_TABLES, ...DASHBOARD_GOVERNANCE_TABLES, ...EVENT_KINDS.flatMap((k) => DASHBOARD_EVENT_TABLES[k])])];

/** The fiches' part of a contract's dashboard for a day: fiches by status per axis, late milestones. */
export async function loadDashboardFiches(db: Db, contractId: string, today: string) {
  const [axisRows, fiches] = await Promise.all([
    db.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId)),
    loadFicheProjections(db, contractId, today),
  ]);
  const byId = new Map(fiches.map((f) => [f.id, f]));
  const lateMilestones = fiches
    .flatMap((f) => f.milestones)
    .filter((m) => isOverdue(m, today) && !byId.get(m.actionId)!.mergedIntoId && ["not_started", "in_progress"].includes(byId.get(m.actionId)!.status))
    .sort((a, b) => a.plannedBy.localeCompare(b.plannedBy))
    .map((m) => {
      const f = byId.get(m.actionId)!;
      return { id: m.id, title: m.title, plannedBy: m.plannedBy, label: scheduleLabel(m), action: { id: f.id, number: f.number, title: f.title } };
    });
  return {
    statusByAxis: statusByAxis(axisRows, fiches),
    lateMilestones,
    /** For the activity: each fiche's number. */
    ficheNumbers: new Map(fiches.map((f) => [f.id, f.number])),
  };
}
export type DashboardFiches = Awaited<ReturnType<typeof loadDashboardFiches>>;

/** The indicators' part of a contract's dashboard for a day: the live fiches' indicators, measured, stale or not measured. */
export async function loadDashboardIndicators(db: Db, contractId: string, today: string) {
  const rows = await db
    .select({
      id: indicators.id,
      label: indicators.label,
      actionId: indicators.actionId,
      actionNumber: actions.number,
      last: sql<string | null>`(select max(${indicatorMeasurements.measuredOn}) from ${indicatorMeasurements} where ${indicatorMeasurements.indicatorId} = ${indicators.id})`.mapWith(indicatorMeasurements.measuredOn) as SQL<string | null>,
    })
    .from(indicators)
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)))
    .orderBy(asc(indicators.position));
  const items = rows
    .map((i) => ({ id: i.id, label: i.label, action: { id: i.actionId, number: i.actionNumber }, lastMeasuredOn: i.last, stale: isStale(i.last, today) }))
    .sort((a, b) => a.action.number - b.action.number);
  return {
    measured: items.filter((i) => i.lastMeasuredOn && !i.stale).length,
    stale: items.filter((i) => i.lastMeasuredOn && i.stale).length,
    notMeasured: items.filter((i) => !i.lastMeasuredOn).length,
    items,
  };
}

/**
 * The governance's part of a contract's dashboard (404 when there is no contract): its alerts
 * at `now`, and every meeting not yet begun when it was read (`dashboardAt` keeps the next five
 * at the time of asking, so that a dashboard read once serves the whole day).
 */
export async function loadDashboardGovernance(db: Db, contractId: string, now = new Date()) {
  const governance = await loadGovernanceFacts(db, contractId);
  const bodyName = new Map(governance.bodies.map((b) => [b.id, b.name]));
  return {
    alerts: alertsFrom(governance, now),
    upcomingMeetings: governance.meetings
      .filter((m) => !m.cancelledAt && m.startsAt >= now)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map(({ id, title, startsAt, bodyId }) => ({ id, title, startsAt, bodyName: bodyName.get(bodyId)! })),
    /** For the activity: the meetings as recorded. */
    recordedMeetings: governance.meetings.map(({ id, title, startsAt, createdAt }) => ({ id, title, startsAt, createdAt })),
  };
}
export type DashboardGovernance = Awaited<ReturnType<typeof loadDashboardGovernance>>;

/** The parts of a dashboard, each read on its own (and kept in memory on its own by the route). */
export interface DashboardParts {
  fiches: DashboardFiches;
  indicators: Awaited<ReturnType<typeof loadDashboardIndicators>>;
  governance: DashboardGovernance;
  events: FicheEvent[];
}

/** The dashboard from its parts. */
export function composeDashboard({ fiches: { ficheNumbers, ...fiches }, indicators, governance: { recordedMeetings, ...governance }, events }: DashboardParts) {
  return {
    ...fiches,
    statusLabels: SHOWN_STATUSES,
    indicators,
    ...governance,
    activity: latestActivity(events, ficheNumbers, recordedMeetings),
  };
}

/** A contract's dashboard for a day, read whole (the route reads its parts through the read views). */
export async function loadDashboard(db: Db, contractId: string, today: string, now = new Date()) {
  const [fiches, indicators, governance, events] = await Promise.all([
    loadDashboardFiches(db, contractId, today),
    loadDashboardIndicators(db, contractId, today),
    loadDashboardGovernance(db, contractId, now),
    Promise.all(EVENT_KINDS.map((kind) => loadDashboardEvents(db, contractId, kind))),
  ]);
  return composeDashboard({ fiches, indicators, governance, events: events.flat() });
}
export type LoadedDashboard = ReturnType<typeof composeDashboard>;

/** The dashboard as shown at `now`: the next five meetings not yet begun. */
export function dashboardAt({ upcomingMeetings, ...dashboard }: LoadedDashboard, now = new Date()) {
  return { ...dashboard, nextMeetings: upcomingMeetings.filter((m) => m.startsAt >= now).slice(0, 5) };
}

type Activity = { at: Date; text: string; link: { kind: "action" | "meeting"; id: string } };
type RecordedMeeting = { id: string; title: string; startsAt: Date; createdAt: Date };

/** The ten latest fiche events of a kind (progress entries, measurements or remarks). */
export async function loadDashboardEvents(db: Db, contractId: string, kind: EventKind): Promise<FicheEvent[]> {
  const live = and(eq(actions.contractId, contractId), isNull(actions.archivedAt));
  const noDay = sql<string | null>`null::date`;
  const dayPrecision = sql<DatePrecision>`'day'`;
  const noValue = sql<number | null>`null::double precision`.mapWith(Number) as SQL<number | null>;
  if (kind === "progress")
    return db
      .select({ at: progressEntries.createdAt, kind: sql<EventKind>`'progress'`, actionId: progressEntries.actionId, day: sql<string | null>`${progressEntries.happenedOn}`.mapWith(progressEntries.happenedOn) as SQL<string | null>, text: progressEntries.text, author: progressEntries.authorName, value: noValue, precision: sql<DatePrecision>`${progressEntries.happenedOnPrecision}` })
      .from(progressEntries)
      .innerJoin(actions, eq(actions.id, progressEntries.actionId))
      .where(live)
      .orderBy(desc(progressEntries.createdAt))
      .limit(10);
  // The ten latest measurements of each live fiche (an index range each: the fiche's measurements
  // grow with the years), the ten latest of those, and only then their indicators' labels.
  if (kind === "measurement") {
    const ofFiche = db
      .select({ at: indicatorMeasurements.createdAt, actionId: indicatorMeasurements.actionId, indicatorId: indicatorMeasurements.indicatorId, day: indicatorMeasurements.measuredOn, author: indicatorMeasurements.authorName, value: indicatorMeasurements.value })
      .from(indicatorMeasurements)
      // Written out: Drizzle leaves the columns of a one-table select unqualified.
      .where(sql`${indicatorMeasurements.actionId} = "actions"."id"`)
      .orderBy(desc(indicatorMeasurements.createdAt))
      .limit(10)
      .as("of_fiche");
    const latestMeasurements = db
      .select({ at: ofFiche.at, actionId: ofFiche.actionId, indicatorId: ofFiche.indicatorId, day: ofFiche.day, author: ofFiche.author, value: ofFiche.value })
      .from(actions)
      .crossJoinLateral(ofFiche)
      .where(live)
      .orderBy(desc(ofFiche.at))
      .limit(10)
      .as("latest_measurements");
    return db
      .select({ at: latestMeasurements.at, kind: sql<EventKind>`'measurement'`, actionId: latestMeasurements.actionId, day: sql<string | null>`${latestMeasurements.day}`, text: indicators.label, author: latestMeasurements.author, value: sql<number | null>`${latestMeasurements.value}`, precision: dayPrecision })
      .from(latestMeasurements)
      .innerJoin(indicators, eq(indicators.id, latestMeasurements.indicatorId));
  }
  return db
    .select({ at: comments.createdAt, kind: sql<EventKind>`'remark'`, actionId: comments.actionId, day: noDay, text: sql<string>`''`, author: comments.authorName, value: noValue, precision: dayPrecision })
    .from(comments)
    .where(and(eq(comments.contractId, contractId), isNull(comments.deletedAt)))
    .orderBy(desc(comments.createdAt))
    .limit(10);
}
export interface FicheEvent {
  at: Date;
  kind: EventKind;
  actionId: string;
  day: string | null;
  text: string;
  author: string;
  value: number | null;
  precision: DatePrecision;
}

/** The ten latest progress entries, meetings, measurements and remarks of the contract. */
function latestActivity(events: FicheEvent[], numbers: Map<string, number>, recorded: RecordedMeeting[]): Activity[] {
  const fa = (id: string) => `FA ${numbers.get(id) ?? "?"}`;

  const paris = (d: Date) => shortDay(parisDay(d));
  const describe = (e: FicheEvent): string => {
    if (e.kind === "progress") return `${fa(e.actionId)} — avancement ${ofKnownDate(e.day!, e.precision)} par ${e.author} : « ${excerpt(e.text, 120)} »`;
    if (e.kind === "measurement") return `${fa(e.actionId)} — mesure « ${excerpt(e.text, 60)} » : ${frenchNumber(Number(e.value))} au ${shortDay(e.day!)}`;
    return `${fa(e.actionId)} — remarque de ${e.author}`;
  };
  const all: Activity[] = [
    ...events.map((e) => ({ at: e.at, text: describe(e), link: { kind: "action" as const, id: e.actionId } })),
    ...recorded.map((m) => ({ at: m.createdAt, text: `Réunion « ${m.title} » du ${paris(m.startsAt)} enregistrée`, link: { kind: "meeting" as const, id: m.id } })),
  ];
  return all.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 10);
}
type EventKind = "progress" | "measurement" | "remark";

/** The timeline of a contract: each fiche's period and milestones over the contract's period. */
export async function loadTimeline(db: Db, contractId: string, today: string) {
  const [[contract], axisRows, fiches] = await Promise.all([
    db.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId)),
    db.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId)),
    loadFicheProjections(db, contractId, today),
  ]);
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const axisOf = new Map(axisRows.map((a) => [a.id, a]));
  const ordered = [...fiches].sort((a, b) => axisOf.get(a.axisId)!.number - axisOf.get(b.axisId)!.number || a.number - b.number);
  return {
    start: contract.startDate,
    end: contract.endDate,
    today,
    rows: ordered.map((f) => ({
      action: { id: f.id, number: f.number, title: f.title, shownStatus: f.shownStatus, shownStatusLabel: f.shownStatusLabel },
      axisNumber: axisOf.get(f.axisId)!.number,
      axisTitle: axisOf.get(f.axisId)!.title,
      startMonth: f.startMonth,
      endMonth: f.endMonth,
      milestones: f.milestones.map(({ actionId: _a, ...m }) => ({ ...m, doneOnPrecision: m.doneOnPrecision ?? "day", label: scheduleLabel(m), overdue: isOverdue(m, today) })),
    })),
  };
}
