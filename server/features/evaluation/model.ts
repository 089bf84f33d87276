/**
 * The final evaluation of a contract (issue 6, item 8): the coordinator's prose per part,
 * a questionnaire sent to the members whose answers are aggregated, and the results of
 * each fiche against its indicators; validated by a COPIL.
 */

/** draft → questionnaire open → questionnaire closed → validated by the COPIL. */
export const EVALUATION_STATUSES = {
  draft: "En préparation",
  questionnaire_open: "Questionnaire ouvert",
  questionnaire_closed: "Questionnaire clos",
  validated: "Validée en COPIL",
} as const;
export type EvaluationStatus = keyof typeof EVALUATION_STATUSES;

/** The parts of the evaluation's process side, and the conclusion. */
export const EVALUATION_PARTS = {
  strategy: "Stratégie",
  governance: "Gouvernance",
  partnership: "Partenariat",
  results: "Résultats des fiches actions",
  conclusion: "Conclusion et perspectives pour le prochain contrat",
} as const;
export type EvaluationPartKey = keyof typeof EVALUATION_PARTS;
export interface EvaluationPart {
  key: EvaluationPartKey;
  /** Sanitised HTML. */
  html: string;
}

/** A question of the members' questionnaire: a 1–5 scale, a choice, or free text; about one part. */
export interface EvaluationQuestion {
  id: string;
  part: EvaluationPartKey;
  kind: "scale" | "choice" | "text";
  label: string;
  /** For kind "choice". */
  choices?: string[];
}
export interface EvaluationAnswer {
  questionId: string;
  /** 1–5 for a scale, the chosen label for a choice, the text for text. */
  value: number | string;
}
