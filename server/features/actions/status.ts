/**
 * Status of a fiche action. The stored part is what people declare; "late"
 * is computed from milestones (issue 5) and never stored.
 */
export const ACTION_STATUSES = {
  not_started: "Non démarrée",
  in_progress: "En cours",
  done: "Réalisée",
  abandoned: "Abandonnée",
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
export const ACTION_STATUS_VALUES = Object.keys(ACTION_STATUSES) as [ActionStatus, ...ActionStatus[]];

/** Statuses in which a fiche is closed: its content is kept as it was. */
export function isClosedStatus(status: ActionStatus): boolean {
  return status === "done" || status === "abandoned";
}
