/**
 * The status people see on a fiche (issue 5), as pure rules: what was declared, or
 * "late" when a milestone is overdue. Dates are ISO days ("2021-09-14").
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
