/**
 * Monitoring rules of a fiche as pure functions (issue 5): the status people see
 * (with "late" computed from milestones), how a milestone's schedule reads once it
 * moved, and where an indicator stands. Dates are ISO days ("2021-09-14").
 */

/** What people declare, plus "merged" (into another fiche). "late" is never declared. */
export type DeclaredStatus = "not_started" | "in_progress" | "done" | "abandoned" | "merged";
export type ShownStatus = DeclaredStatus | "late";

export const SHOWN_STATUSES: Record<ShownStatus, string> = {
  not_started: "Non démarrée",
  in_progress: "En cours",
  late: "En retard",
  done: "Réalisée",
  abandoned: "Abandonnée",
  merged: "Fusionnée",
};

export interface MilestoneFacts {
  /** Last day it was planned for (the end of its period). */
  plannedBy: string;
  doneOn: string | null;
}

/** A milestone is overdue the day after its planned day, until it is done. */
export const isOverdue = (m: MilestoneFacts, today: string) => !m.doneOn && m.plannedBy < today;

/** The status shown: a fiche not finished with an overdue milestone is late. */
export function shownStatus(declared: DeclaredStatus, milestones: MilestoneFacts[], today: string): ShownStatus {
  if (declared !== "not_started" && declared !== "in_progress") return declared;
  return milestones.some((m) => isOverdue(m, today)) ? "late" : declared;
}

/** "T3 2021" for any day of July–September 2021. */
export function quarterOf(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return `T${Math.ceil(m / 3)} ${y}`;
}

/**
 * A milestone's schedule as read in a COTECH table: « prévu T2 2021 », or once moved
 * « prévu T2 2021, reporté T1 2022 », and « réalisé le 14/09/2021 » when done.
 */
export function scheduleLabel(m: { originallyBy: string; plannedBy: string; doneOn: string | null }): string {
  const parts = [`prévu ${quarterOf(m.originallyBy)}`];
  if (quarterOf(m.plannedBy) !== quarterOf(m.originallyBy)) parts.push(`reporté ${quarterOf(m.plannedBy)}`);
  if (m.doneOn) parts.push(`réalisé le ${m.doneOn.slice(8, 10)}/${m.doneOn.slice(5, 7)}/${m.doneOn.slice(0, 4)}`);
  return parts.join(", ");
}

/** Months without measurement after which an indicator is flagged. */
export const STALE_MONTHS = 12;

/** True when the indicator was never measured, or not for 12 months. */
export function isStale(lastMeasuredOn: string | null, today: string): boolean {
  if (!lastMeasuredOn) return true;
  const [y, m, d] = lastMeasuredOn.split("-").map(Number) as [number, number, number];
  const limit = new Date(Date.UTC(y + Math.floor((m - 1 + STALE_MONTHS) / 12), (m - 1 + STALE_MONTHS) % 12, d)).toISOString().slice(0, 10);
  return limit <= today;
}

/**
 * Share of the way from baseline to target (0 at the baseline, 1 at the target,
 * beyond 1 past it), or null when it cannot be said (no target, no value, baseline = target).
 * A missing baseline counts as 0. Works for targets below the baseline (a rate to lower).
 */
export function progressTowardsTarget(value: number | null, baseline: number | null, target: number | null): number | null {
  if (value === null || target === null) return null;
  const start = baseline ?? 0;
  if (target === start) return null;
  return (value - start) / (target - start);
}
