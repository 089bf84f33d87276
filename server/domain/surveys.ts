/**
 * Residents' surveys (issue 14, item 6): the questions a survey asks and the answers it
 * keeps. Shared by the server and the web (the builder, the public answer page and the
 * results offer the same kinds), so both validate an answer the same way.
 */

/** What a question asks. Profile questions (commune, QPV, age band) allow cross-tabulation. */
export const QUESTION_KINDS = {
  single: "Choix unique",
  multiple: "Choix multiples",
  ranking: "Classement",
  scale: "Échelle",
  short_text: "Réponse courte",
  long_text: "Réponse longue",
  commune: "Commune",
  qpv: "Quartier prioritaire",
  age_band: "Tranche d'âge",
} as const;
export type QuestionKind = keyof typeof QUESTION_KINDS;

/** Kinds whose answer is one of the question's options (or « autre »). */
export const CHOICE_KINDS: readonly QuestionKind[] = ["single", "multiple", "ranking"];
/** Kinds the results can be cross-tabulated by. */
export const PROFILE_KINDS: readonly QuestionKind[] = ["commune", "qpv", "age_band"];

export interface SurveyOption {
  /** Stable within the survey (answers refer to it). */
  id: string;
  label: string;
}

/** Show this question only when the answer to `questionId` includes one of `optionIds`. */
export interface ShowIf {
  questionId: string;
  optionIds: string[];
}

export interface SurveyQuestion {
  /** Stable within the survey (answers refer to it). */
  id: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  /** single, multiple, ranking. */
  options: SurveyOption[];
  /** single, multiple: an « Autre » choice with free text. */
  other: boolean;
  /** ranking: how many options the person ranks (null: all). */
  rankCount: number | null;
  /** scale: from min to max, with labels of the two ends. */
  scaleMin: number;
  scaleMax: number;
  minLabel: string;
  maxLabel: string;
  showIf: ShowIf | null;
}

/** The option id an « Autre » answer carries; its text is in `otherText`. */
export const OTHER_OPTION = "other";

/**
 * One person's answer to one question:
 * - single: { choice: optionId | "other", otherText? }
 * - multiple: { choices: optionId[] (may include "other"), otherText? }
 * - ranking: { ranking: optionId[] } — first = most important
 * - scale: { value: number }
 * - short_text, long_text: { text }
 * - commune: { insee } ; qpv: { qpv: areaId | "none" | "unknown" } ; age_band: { ageBand }
 */
export interface QuestionAnswer {
  choice?: string;
  choices?: string[];
  otherText?: string;
  ranking?: string[];
  value?: number;
  text?: string;
  insee?: string;
  qpv?: string;
  ageBand?: string;
}
/** A person's answers, by question id (questions not shown or skipped are absent). */
export type SurveyAnswers = Record<string, QuestionAnswer>;

/** Who typed the answer: the resident on the public page, or a partner from a paper form. */
export const ANSWER_SOURCES = { online: "En ligne", paper: "Papier (saisie par un partenaire)" } as const;
export type AnswerSource = keyof typeof ANSWER_SOURCES;

/** Consent for the contact details a respondent may leave (the answers themselves are anonymous). */
export const SURVEY_CONSENT_VERSION = "2026-12-v1";
export function surveyContactConsentText(input: { organiser: string; retentionMonths: number }): string {
  return (
    `J'accepte que la collectivité qui organise ce questionnaire (${input.organiser}) garde mon adresse e-mail pour me recontacter au sujet de ses suites. ` +
    `Seule l'équipe de coordination du contrat local de santé la lit ; elle n'est ni publiée, ni transmise, ni reliée aux résultats publiés. ` +
    `Elle est effacée ${input.retentionMonths} mois après la clôture du questionnaire, et je peux demander à tout moment à la consulter ou à l'effacer.`
  );
}

/** Whether `question` is shown, given the answers so far (a question hidden by a hidden one is hidden). */
export function isShown(question: SurveyQuestion, questions: readonly SurveyQuestion[], answers: SurveyAnswers, depth = 0): boolean {
  if (!question.showIf) return true;
  if (depth > questions.length) return false;
  const parent = questions.find((q) => q.id === question.showIf!.questionId);
  if (!parent || !isShown(parent, questions, answers, depth + 1)) return false;
  const answer = answers[parent.id];
  if (!answer) return false;
  const picked = answer.choice !== undefined ? [answer.choice] : (answer.choices ?? answer.ranking ?? []);
  return picked.some((id) => question.showIf!.optionIds.includes(id));
}

export type SurveyState = "draft" | "scheduled" | "open" | "closed";
/** Where a survey stands on `today` (a Paris day): answers are taken only when open. */
export function surveyState(survey: { publishedAt: Date | null; opensOn: string; closesOn: string }, today: string): SurveyState {
  if (!survey.publishedAt) return "draft";
  if (today < survey.opensOn) return "scheduled";
  return today > survey.closesOn ? "closed" : "open";
}

/**
 * What an edit may not do once answers exist: remove a question or an option that answers
 * refer to, or change a question's kind (its answers would no longer mean anything).
 * Returns French messages, empty when the edit keeps every answer meaningful.
 */
export function breakingChanges(before: readonly SurveyQuestion[], after: readonly SurveyQuestion[]): string[] {
  const messages: string[] = [];
  for (const old of before) {
    const now = after.find((q) => q.id === old.id);
    if (!now) messages.push(`La question « ${old.label} » a déjà des réponses : elle ne peut plus être retirée.`);
    else if (now.kind !== old.kind) messages.push(`La question « ${old.label} » a déjà des réponses : son type ne peut plus changer.`);
    else
      for (const option of old.options)
        if (!now.options.some((o) => o.id === option.id)) messages.push(`Le choix « ${option.label} » de la question « ${old.label} » a déjà pu être coché : il ne peut plus être retiré (renommez-le si besoin).`);
  }
  return messages;
}
