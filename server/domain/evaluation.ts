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

/** The parts of the process side, each with its questions and the coordinator's prose. */
export const PROCESS_PARTS = ["strategy", "governance", "partnership"] as const satisfies readonly EvaluationPartKey[];
export const PART_KEYS = Object.keys(EVALUATION_PARTS) as [EvaluationPartKey, ...EvaluationPartKey[]];
export const QUESTION_KINDS = { scale: "Échelle de 1 à 5", choice: "Choix parmi des propositions", text: "Réponse libre" } as const;
/** What the ends of a scale mean, for the questionnaire and the documents. */
export const SCALE_HINT = "1 = pas du tout, 5 = tout à fait";

/** The questionnaire a new evaluation starts with: about strategy, governance and partnership. */
export const DEFAULT_QUESTIONS: EvaluationQuestion[] = [
  { id: "strategie-1", part: "strategy", kind: "scale", label: "Les axes du contrat répondaient-ils aux besoins de santé du territoire ?" },
  { id: "strategie-2", part: "strategy", kind: "choice", label: "Le nombre de fiches actions vous a-t-il paru adapté ?", choices: ["Trop de fiches", "Adapté", "Pas assez de fiches"] },
  { id: "strategie-3", part: "strategy", kind: "text", label: "Quelles priorités de santé le prochain contrat devrait-il retenir ?" },
  { id: "gouvernance-1", part: "governance", kind: "scale", label: "Le rythme des instances (COPIL, COTECH) vous a-t-il paru adapté ?" },
  { id: "gouvernance-2", part: "governance", kind: "scale", label: "Les informations partagées entre les réunions (revues trimestrielles, comptes rendus) étaient-elles suffisantes ?" },
  { id: "gouvernance-3", part: "governance", kind: "choice", label: "Avez-vous participé aux instances du contrat ?", choices: ["Régulièrement", "De temps en temps", "Jamais"] },
  { id: "partenariat-1", part: "partnership", kind: "scale", label: "La coordination du contrat a-t-elle facilité le travail entre partenaires ?" },
  { id: "partenariat-2", part: "partnership", kind: "scale", label: "Les habitants ont-ils été suffisamment associés aux actions ?" },
  { id: "partenariat-3", part: "partnership", kind: "text", label: "Qu'est-ce qui améliorerait le partenariat dans le prochain contrat ?" },
];

/** Every part, empty, in order. */
export const emptyParts = (): EvaluationPart[] => PART_KEYS.map((key) => ({ key, html: "" }));
