/**
 * What is due on a fiche on a day (issue 15, « À faire »), as a pure rule: its milestones
 * late or due within 30 days, no progress entry yet this quarter (Paris quarter of today),
 * indicators not measured for 12 months or never. A fiche finished, abandoned or merged owes
 * nothing. Days are ISO ("2026-12-03"); the caller gives today (`parisDay()`).
 */
import { addDays, longDay } from "../../domain/dates.js";
import { isOverdue } from "../../domain/shown-status.js";
import { isStale, STALE_MONTHS } from "../followup/rules.js";
import { quarterLabel, quarterOfDay, quarterRange } from "../reviews/quarters.js";

/** How many days ahead a milestone counts as due. */
export const DUE_WITHIN_DAYS = 30;

export interface DueFacts {
  /** Whether anything is still expected of the fiche: not started or in progress, not merged. */
  active: boolean;
  milestones: { id: string; title: string; plannedBy: string; doneOn: string | null }[];
  /** Days of its progress entries (any order). */
  progressDays: string[];
  indicators: { id: string; label: string; lastMeasuredOn: string | null }[];
}

export type DueKind = "milestone_late" | "milestone_due" | "progress" | "indicator";

export interface DueItem {
  kind: DueKind;
  /** The milestone or indicator concerned; null for the quarter's progress entry. */
  targetId: string | null;
  /** The day it is or was due (a milestone's planned day, the quarter's last day); null for an indicator. */
  day: string | null;
  /** Whether it is past due: a late milestone. */
  late: boolean;
  /** What is expected, in French, dates written out. */
  message: string;
}

const ORDER: Record<DueKind, number> = { milestone_late: 0, milestone_due: 1, progress: 2, indicator: 3 };

/** What is due on one fiche on `today`: late milestones first (oldest first), then milestones coming, the quarter's progress entry, indicators. */
export function dueItems(facts: DueFacts, today: string): DueItem[] {
  if (!facts.active) return [];
  const horizon = addDays(today, DUE_WITHIN_DAYS);
  const items: DueItem[] = [];
  for (const m of facts.milestones) {
    if (m.doneOn) continue;
    if (isOverdue(m, today)) items.push({ kind: "milestone_late", targetId: m.id, day: m.plannedBy, late: true, message: `Étape en retard : « ${m.title} », prévue le ${longDay(m.plannedBy)}` });
    else if (m.plannedBy <= horizon)
      items.push({ kind: "milestone_due", targetId: m.id, day: m.plannedBy, late: false, message: `Étape à réaliser d'ici le ${longDay(m.plannedBy)} : « ${m.title} »` });
  }
  const quarter = quarterOfDay(today);
  const { start, end } = quarterRange(quarter);
  if (!facts.progressDays.some((d) => d >= start && d <= end))
    items.push({ kind: "progress", targetId: null, day: end, late: false, message: `Aucun avancement saisi au ${quarterLabel(quarter)} (avant le ${longDay(end)})` });
  for (const i of facts.indicators) {
    if (!isStale(i.lastMeasuredOn, today)) continue;
    const message = i.lastMeasuredOn ? `Indicateur non mesuré depuis plus de ${STALE_MONTHS} mois : « ${i.label} » (dernière mesure le ${longDay(i.lastMeasuredOn)})` : `Indicateur jamais mesuré : « ${i.label} »`;
    items.push({ kind: "indicator", targetId: i.id, day: null, late: false, message });
  }
  return items.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.day ?? "").localeCompare(b.day ?? ""));
}

/** How many items of each kind, for a summary. */
export function dueCounts(items: readonly DueItem[]): Record<DueKind, number> {
  const counts: Record<DueKind, number> = { milestone_late: 0, milestone_due: 0, progress: 0, indicator: 0 };
  for (const i of items) counts[i.kind]++;
  return counts;
}
