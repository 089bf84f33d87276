/**
 * Governance rules as pure functions (issue 5): whether a body meets as often as
 * the contract says, whether a past meeting still lacks its attendance or minutes,
 * and whether an agenda fits in its meeting. Dates are ISO days ("2021-09-14").
 */
import { addDays, parisDay } from "../../domain/dates.js";

/** How often a body must meet: at least `count` times a year, or once every `months` months. */
export type Rhythm = { kind: "per_year"; count: number } | { kind: "every_months"; months: number };

/** Whole months from `from` to `to` (ISO days): 2021-01-15 → 2021-09-14 is 7. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** The longest gap the rhythm allows between two meetings, in months. */
export function allowedGapMonths(rhythm: Rhythm): number {
  return rhythm.kind === "per_year" ? 12 / rhythm.count : rhythm.months;
}

/** "2 par an", "un par an", "un tous les 4 mois", "un par mois". */
export function describeRhythm(rhythm: Rhythm): string {
  if (rhythm.kind === "per_year") return rhythm.count === 1 ? "un par an" : `${rhythm.count} par an`;
  return rhythm.months === 1 ? "un par mois" : `un tous les ${rhythm.months} mois`;
}

export interface BodyFacts {
  /** As people say it: "COPIL", "COTECH", "le groupe de travail Santé mentale". */
  name: string;
  rhythm: Rhythm | null;
  /** Days of the body's meetings already held (any order). */
  heldOn: string[];
  /** When the count starts without any meeting: the contract's start. */
  since: string;
}

/**
 * The French alert when a body is behind its rhythm, else null:
 * « Aucun COPIL depuis 8 mois : le contrat en prévoit 2 par an ».
 */
export function rhythmAlert(body: BodyFacts, today: string): string | null {
  if (!body.rhythm) return null;
  const past = body.heldOn.filter((d) => d <= today).sort();
  const last = past.at(-1);
  const gap = monthsBetween(last ?? body.since, today);
  if (gap <= allowedGapMonths(body.rhythm)) return null;
  const expected = `le contrat en prévoit ${describeRhythm(body.rhythm)}`;
  return last ? `Aucun ${body.name} depuis ${gap} mois : ${expected}.` : `Aucun ${body.name} depuis le début du contrat (${gap} mois) : ${expected}.`;
}

/** Days after a meeting before its missing attendance or minutes are flagged. */
export const FOLLOW_UP_DAYS = 7;

export interface HeldMeeting {
  title: string;
  /** The day it ended. */
  endedOn: string;
  hasAttendance: boolean;
  hasMinutes: boolean;
}


/** The French alert when a meeting ended over 7 days ago without attendance or minutes, else null. */
export function followUpAlert(m: HeldMeeting, today: string): string | null {
  if (m.hasAttendance && m.hasMinutes) return null;
  if (addDays(m.endedOn, FOLLOW_UP_DAYS) >= today) return null;
  const missing = [!m.hasAttendance && "feuille de présence", !m.hasMinutes && "compte rendu"].filter(Boolean);
  return `La réunion « ${m.title} » est passée depuis plus de ${FOLLOW_UP_DAYS} jours et n'a toujours pas de ${missing.join(" ni de ")}.`;
}

/** What a contract's governance alerts are computed from (governance/service.ts reads it). */
export interface GovernanceFacts {
  contract: { startDate: string; endDate: string };
  bodies: { id: string; name: string; rhythm: Rhythm | null }[];
  meetings: { id: string; bodyId: string; title: string; startsAt: Date; endsAt: Date; createdAt: Date; headCount: number | null; hasMinutes: boolean; attended: boolean; cancelledAt: Date | null }[];
}

/**
 * The alerts at `now`: bodies behind their rhythm (judged up to the contract's end, not beyond),
 * then meetings held without attendance or minutes, oldest first. Cancelled meetings count for neither.
 */
export function alertsFrom({ contract, bodies, meetings: held }: GovernanceFacts, now = new Date()) {
  const today = parisDay(now);
  const reference = contract.endDate < today ? contract.endDate : today;
  const alerts: { kind: "rhythm" | "follow-up"; bodyId: string | null; meetingId: string | null; message: string }[] = [];
  for (const b of bodies) {
    const message = rhythmAlert({ name: b.name, rhythm: b.rhythm, since: contract.startDate, heldOn: held.filter((m) => m.bodyId === b.id && !m.cancelledAt).map((m) => parisDay(m.endsAt)) }, reference);
    if (message) alerts.push({ kind: "rhythm", bodyId: b.id, meetingId: null, message });
  }
  for (const m of held.filter((x) => !x.cancelledAt).sort((x, y) => x.endsAt.getTime() - y.endsAt.getTime())) {
    const message = followUpAlert({ title: m.title, endedOn: parisDay(m.endsAt), hasAttendance: m.headCount !== null || m.attended, hasMinutes: m.hasMinutes }, today);
    if (message) alerts.push({ kind: "follow-up", bodyId: m.bodyId, meetingId: m.id, message });
  }
  return alerts;
}

/** "45 min", "2 h", "2 h 15". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h`;
}

/** The French error when the agenda's items last longer than the meeting, else null. */
export function agendaError(meetingMinutes: number, itemMinutes: number[]): string | null {
  const total = itemMinutes.reduce((s, m) => s + m, 0);
  if (total <= meetingMinutes) return null;
  return `L'ordre du jour dure ${formatDuration(total)}, plus que la réunion (${formatDuration(meetingMinutes)}) : raccourcissez des points ou allongez la réunion.`;
}
