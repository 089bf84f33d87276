/** The vocabulary of the history: what an entry is about, what was done, and one field's change. */

export const AUDIT_OBJECT_TYPES = [
  "contract",
  "axis",
  "objective",
  "action",
  "organisation",
  "member",
  "invitation",
  "body",
  "meeting",
  "review",
  "evaluation",
  "annual_report",
  "workshop",
  "registration",
  "survey",
  "survey_answer",
  "ambassador",
  "ambassador_training",
  "ambassador_activity",
  /** A commune's technical or elected referent (named by commune and role, never by the person). */
  "commune_referent",
  /** A relay of news or a review to the communes' referents. */
  "commune_relay",
  /** An account of the instance (created, deactivated, reactivated, its ARS territory): the admin journal's. */
  "account",
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/** What an entry is about, as the history's filter « Quoi » names it. */
export const AUDIT_OBJECT_TYPE_LABELS: Record<AuditObjectType, string> = {
  contract: "Contrat",
  axis: "Axes",
  objective: "Objectifs",
  action: "Fiches actions et leur suivi",
  organisation: "Annuaire (organisations)",
  member: "Membres",
  invitation: "Invitations",
  body: "Instances",
  meeting: "Réunions",
  review: "Revues trimestrielles",
  evaluation: "Évaluation",
  annual_report: "Bilans annuels",
  workshop: "Ateliers des habitants",
  registration: "Inscriptions aux ateliers",
  survey: "Sondages",
  survey_answer: "Réponses aux sondages",
  ambassador: "Ambassadeurs santé",
  ambassador_training: "Formations des ambassadeurs",
  ambassador_activity: "Actions des ambassadeurs",
  commune_referent: "Référents des communes",
  commune_relay: "Relais aux communes",
  account: "Comptes",
};
export type AuditOperation = "create" | "update" | "archive" | "restore" | "delete";

export interface AuditChange {
  /** Stable key of the field (e.g. "targetPublic"). */
  field: string;
  /** French label shown in the history (e.g. "Public cible"). */
  label: string;
  before: string | null;
  after: string | null;
}
