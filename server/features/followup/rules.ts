/**
 * Monitoring rules of a fiche as pure functions (issue 5): how a milestone's schedule
 * reads once it moved, where an indicator stands, what an adjustment must say (the
 * status people see: server/domain/shown-status.ts). Dates are ISO days ("2021-09-14").
 */
import { formatDoneOn, type DatePrecision } from "../../domain/dates.js";

/** "T3 2021" for any day of July–September 2021. */
export function quarterOf(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return `T${Math.ceil(m / 3)} ${y}`;
}

/**
 * A milestone's schedule as read in a COTECH table: « prévu T2 2021 », or once moved
 * « prévu T2 2021, reporté T1 2022 », and « réalisé le 14/09/2021 » when done (« réalisé en
 * juin 2021 » when only the month is known).
 */
export function scheduleLabel(m: { originallyBy: string; plannedBy: string; doneOn: string | null; doneOnPrecision?: DatePrecision }): string {
  const parts = [`prévu ${quarterOf(m.originallyBy)}`];
  if (quarterOf(m.plannedBy) !== quarterOf(m.originallyBy)) parts.push(`reporté ${quarterOf(m.plannedBy)}`);
  if (m.doneOn) parts.push(formatDoneOn(m.doneOn, m.doneOnPrecision));
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

export const ADJUSTMENT_KINDS = {
  reschedule: "Reprogrammer",
  revise: "Revoir la description ou les objectifs",
  merge: "Fusionner avec une autre fiche",
  partner_remark: "Remarque partenaire",
  other: "Autre",
} as const;
export const ADJUSTMENT_STATUSES = { proposed: "Proposé", agreed: "Validé en comité", done: "Réalisé" } as const;

/**
 * An adjustment as it stood on `day` (a committee's deck is drawn as of its meeting): one agreed
 * or carried out later reads as it was then — proposed, or agreed and not yet carried out.
 */
export function adjustmentAsOf<T extends { status: keyof typeof ADJUSTMENT_STATUSES; agreedOn: string | null; doneOn: string | null }>(a: T, day: string): T {
  if (a.status === "done" && a.doneOn && a.doneOn > day) return a.agreedOn && a.agreedOn <= day ? { ...a, status: "agreed", doneOn: null } : { ...a, status: "proposed", agreedOn: null, doneOn: null };
  if (a.status === "agreed" && a.agreedOn && a.agreedOn > day) return { ...a, status: "proposed", agreedOn: null };
  return a;
}

export interface AdjustmentFacts {
  kind: keyof typeof ADJUSTMENT_KINDS;
  status: keyof typeof ADJUSTMENT_STATUSES;
  targetActionId: string | null;
  agreedOn: string | null;
  doneOn: string | null;
}

/**
 * What an adjustment must say, as French messages by field: a merge names the
 * fiche it merges into; an agreed one its day; a done one the day it was done;
 * none of these days in the future.
 */
export function adjustmentIssues(a: AdjustmentFacts, actionId: string, today: string): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (a.kind === "merge" && !a.targetActionId) issues.push({ path: "targetActionId", message: "Choisissez la fiche avec laquelle fusionner." });
  if (a.kind === "merge" && a.targetActionId === actionId) issues.push({ path: "targetActionId", message: "Une fiche ne peut pas fusionner avec elle-même." });
  if (a.kind !== "merge" && a.targetActionId) issues.push({ path: "targetActionId", message: "Seule une fusion désigne une autre fiche." });
  if (a.status !== "proposed" && !a.agreedOn) issues.push({ path: "agreedOn", message: "Indiquez la date à laquelle l'ajustement a été validé." });
  if (a.status === "done" && !a.doneOn) issues.push({ path: "doneOn", message: "Indiquez la date à laquelle l'ajustement a été réalisé." });
  if (a.agreedOn && a.agreedOn > today) issues.push({ path: "agreedOn", message: "La date de validation ne peut pas être dans le futur." });
  if (a.doneOn && a.doneOn > today) issues.push({ path: "doneOn", message: "La date de réalisation ne peut pas être dans le futur." });
  if (a.agreedOn && a.doneOn && a.doneOn < a.agreedOn) issues.push({ path: "doneOn", message: "Un ajustement est réalisé après avoir été validé." });
  return issues;
}
