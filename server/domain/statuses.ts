/** The statuses of a fiche action and of a contract, with their French labels (the rules between them live in their features). */

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

/** Lifecycle of a contract: draft → signed → running → under evaluation → closed. */
export const CONTRACT_STATUSES = {
  /** En cours de rédaction : rien n'est encore signé. */
  draft: "En préparation",
  /** Signé par les parties, mise en œuvre pas encore lancée. */
  signed: "Signé",
  /** Mise en œuvre des fiches actions. */
  running: "En cours",
  /** Période terminée, évaluation finale en cours. */
  under_evaluation: "En évaluation",
  /** Évaluation validée par le COPIL ; le contrat est clos. */
  closed: "Clos",
} as const;
export type ContractStatus = keyof typeof CONTRACT_STATUSES;
export const CONTRACT_STATUS_VALUES = Object.keys(CONTRACT_STATUSES) as [ContractStatus, ...ContractStatus[]];
