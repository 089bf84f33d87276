/**
 * The contract dashboard (issue 5): fiches by status per axis, late milestones,
 * indicators measured or not, next meetings, governance alerts and the latest
 * activity — only what every reader of the contract may see.
 */
import { and, asc, desc, eq, gte, isNull, max } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, axes, comments, governanceBodies, indicatorMeasurements, indicators, meetings, milestones, progressEntries } from "../../db/schema.js";
import { governanceAlerts } from "../governance/service.js";
import { isOverdue, isStale, scheduleLabel, SHOWN_STATUSES, shownStatus, type ShownStatus } from "../monitoring/rules.js";
import type { ActionStatus } from "../actions/status.js";

const STATUS_KEYS = Object.keys(SHOWN_STATUSES) as ShownStatus[];

interface Fiche {
  id: string;
  axisId: string;
  number: number;
  title: string;
  status: ActionStatus;
  mergedIntoId: string | null;
}

/** Fiches counted by the status people see, per axis (in axis order), with a total. */
export function statusByAxis(axisRows: { id: string; number: number; title: string }[], fiches: Fiche[], ms: { actionId: string; plannedBy: string; doneOn: string | null }[], today: string) {
  return [...axisRows]
    .sort((a, b) => a.number - b.number)
    .map((axis) => {
      const counts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<ShownStatus, number>;
      const own = fiches.filter((f) => f.axisId === axis.id);
      for (const f of own) counts[shownStatus(f.mergedIntoId ? "merged" : f.status, ms.filter((m) => m.actionId === f.id), today)]++;
      return { axisId: axis.id, number: axis.number, title: axis.title, counts, total: own.length };
    });
}

const frenchDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const excerpt = (text: string, n = 120) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export async function loadDashboard(db: Db, contractId: string, today: string, now = new Date()) {
  const axisRows = await db.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId));
  const fiches = await db
    .select({ id: actions.id, axisId: actions.axisId, number: actions.number, title: actions.title, status: actions.status, mergedIntoId: actions.mergedIntoId })
    .from(actions)
    .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)));
  const byId = new Map(fiches.map((f) => [f.id, f]));
  const ms = (
    await db
      .select({ id: milestones.id, actionId: milestones.actionId, title: milestones.title, plannedBy: milestones.plannedBy, originallyBy: milestones.originallyBy, doneOn: milestones.doneOn })
      .from(milestones)
      .innerJoin(actions, eq(actions.id, milestones.actionId))
      .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)))
  ).filter((m) => byId.has(m.actionId));

  const ficheRef = (id: string) => {
    const f = byId.get(id)!;
    return { id: f.id, number: f.number, title: f.title };
  };
  const lateMilestones = ms
    .filter((m) => isOverdue(m, today) && !byId.get(m.actionId)!.mergedIntoId && ["not_started", "in_progress"].includes(byId.get(m.actionId)!.status))
    .sort((a, b) => a.plannedBy.localeCompare(b.plannedBy))
    .map((m) => ({ id: m.id, title: m.title, plannedBy: m.plannedBy, label: scheduleLabel(m), action: ficheRef(m.actionId) }));

  const indicatorRows = await db
    .select({ id: indicators.id, label: indicators.label, actionId: indicators.actionId, last: max(indicatorMeasurements.measuredOn) })
    .from(indicators)
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .leftJoin(indicatorMeasurements, eq(indicatorMeasurements.indicatorId, indicators.id))
    .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)))
    .groupBy(indicators.id, indicators.label, indicators.actionId, indicators.position)
    .orderBy(asc(indicators.position));
  const indicatorItems = indicatorRows
    .filter((i) => byId.has(i.actionId))
    .map((i) => ({ id: i.id, label: i.label, action: { id: i.actionId, number: byId.get(i.actionId)!.number }, lastMeasuredOn: i.last, stale: isStale(i.last, today) }))
    .sort((a, b) => a.action.number - b.action.number);

  const nextMeetings = await db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, bodyName: governanceBodies.name })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(eq(meetings.contractId, contractId), gte(meetings.startsAt, now), isNull(meetings.cancelledAt)))
    .orderBy(asc(meetings.startsAt))
    .limit(5);

  return {
    statusByAxis: statusByAxis(axisRows, fiches, ms, today),
    statusLabels: SHOWN_STATUSES,
    lateMilestones,
    indicators: {
      measured: indicatorItems.filter((i) => i.lastMeasuredOn && !i.stale).length,
      stale: indicatorItems.filter((i) => i.lastMeasuredOn && i.stale).length,
      notMeasured: indicatorItems.filter((i) => !i.lastMeasuredOn).length,
      items: indicatorItems,
    },
    nextMeetings,
    alerts: await governanceAlerts(db, contractId, now),
    activity: await latestActivity(db, contractId, byId),
  };
}

type Activity = { at: Date; text: string; link: { kind: "action" | "meeting"; id: string } };

/** The ten latest progress entries, meetings, measurements and remarks of the contract. */
async function latestActivity(db: Db, contractId: string, fiches: Map<string, Fiche>): Promise<Activity[]> {
  const fa = (id: string) => `FA ${fiches.get(id)?.number ?? "?"}`;
  const live = and(eq(actions.contractId, contractId), isNull(actions.archivedAt));
  const progress = await db
    .select({ at: progressEntries.createdAt, actionId: progressEntries.actionId, happenedOn: progressEntries.happenedOn, text: progressEntries.text, author: progressEntries.authorName })
    .from(progressEntries)
    .innerJoin(actions, eq(actions.id, progressEntries.actionId))
    .where(live)
    .orderBy(desc(progressEntries.createdAt))
    .limit(10);
  const held = await db.select({ at: meetings.createdAt, id: meetings.id, title: meetings.title, startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.contractId, contractId)).orderBy(desc(meetings.createdAt)).limit(10);
  const measured = await db
    .select({ at: indicatorMeasurements.createdAt, actionId: indicatorMeasurements.actionId, value: indicatorMeasurements.value, measuredOn: indicatorMeasurements.measuredOn, label: indicators.label })
    .from(indicatorMeasurements)
    .innerJoin(indicators, eq(indicators.id, indicatorMeasurements.indicatorId))
    .innerJoin(actions, eq(actions.id, indicatorMeasurements.actionId))
    .where(live)
    .orderBy(desc(indicatorMeasurements.createdAt))
    .limit(10);
  const remarks = await db
    .select({ at: comments.createdAt, actionId: comments.actionId, author: comments.authorName })
    .from(comments)
    .where(and(eq(comments.contractId, contractId), isNull(comments.deletedAt)))
    .orderBy(desc(comments.createdAt))
    .limit(10);
  const paris = (d: Date) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" }).format(d);
  const all: Activity[] = [
    ...progress.map((p) => ({ at: p.at, text: `${fa(p.actionId)} — avancement du ${frenchDay(p.happenedOn)} par ${p.author} : « ${excerpt(p.text)} »`, link: { kind: "action" as const, id: p.actionId } })),
    ...held.map((m) => ({ at: m.at, text: `Réunion « ${m.title} » du ${paris(m.startsAt)} enregistrée`, link: { kind: "meeting" as const, id: m.id } })),
    ...measured.map((m) => ({ at: m.at, text: `${fa(m.actionId)} — mesure « ${excerpt(m.label, 60)} » : ${m.value.toLocaleString("fr-FR")} au ${frenchDay(m.measuredOn)}`, link: { kind: "action" as const, id: m.actionId } })),
    ...remarks.map((r) => ({ at: r.at, text: `${fa(r.actionId)} — remarque de ${r.author}`, link: { kind: "action" as const, id: r.actionId } })),
  ];
  return all.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 10);
}
