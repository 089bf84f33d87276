/**
 * One person's answers checked against the survey's questions (the zod schema has only
 * checked their shape): which questions are shown, which are required, which options,
 * values, communes and areas exist. Pure: the caller gives the contract's communes and
 * priority areas, and stores the cleaned answers only when there is no error.
 */
import { AGE_BANDS, QPV_NONE, QPV_UNKNOWN } from "../../domain/participation.js";
import { isShown, OTHER_OPTION, QUESTION_KINDS, type QuestionAnswer, type SurveyAnswers, type SurveyQuestion } from "../../domain/surveys.js";
import type { FieldError } from "../../domain/problem.js";

export interface KnownPlaces {
  /** INSEE codes of the contract's communes. */
  communes: ReadonlySet<string>;
  priorityAreaIds: ReadonlySet<string>;
}

export const TEXT_MAX = 5000;
export const OTHER_TEXT_MAX = 500;

export const ANSWER_MESSAGES = {
  required: "Répondez à cette question.",
  unknownChoice: "Ce choix n'existe pas.",
  otherText: "Précisez votre réponse « Autre ».",
  duplicate: "Un même choix figure deux fois dans la réponse.",
  commune: "Cette commune ne fait pas partie du territoire du contrat.",
  qpv: "Choisissez un quartier de la liste, « aucun » ou « je ne sais pas ».",
  ageBand: "Cette tranche d'âge n'existe pas.",
  text: "Au plus 5 000 caractères.",
  otherTextLength: "Au plus 500 caractères pour préciser « Autre ».",
} as const;

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/** Whether an answer carries nothing (no field, or only blank texts and empty lists). */
export const isEmptyAnswer = (answer: QuestionAnswer | undefined): boolean => !answer || Object.values(answer).every(isBlank);

const wrongShape = (q: SurveyQuestion) => `Cette réponse ne correspond pas au type de la question (« ${QUESTION_KINDS[q.kind]} »).`;
const scaleMessage = (q: SurveyQuestion) => `Choisissez une note de ${q.scaleMin} à ${q.scaleMax}.`;

function rankingMessage(q: SurveyQuestion, ranked: number): string | null {
  const wanted = q.rankCount ?? q.options.length;
  if (ranked === wanted) return null;
  if (q.rankCount === null) return `Classez tous les choix (${ranked} classés sur ${wanted}).`;
  return ranked < wanted ? `Classez ${wanted} choix (vous en avez classé ${ranked}).` : `Classez ${wanted} choix seulement (vous en avez classé ${ranked}).`;
}

/** The options an answer may pick: the question's, and « Autre » when it offers it (never in a ranking). */
function pickable(q: SurveyQuestion): Set<string> {
  return new Set([...q.options.map((o) => o.id), ...(q.other && q.kind !== "ranking" ? [OTHER_OPTION] : [])]);
}

/** The « Autre » text when `picked` includes « Autre »: trimmed, or an error. */
function otherPart(picked: readonly string[], raw: QuestionAnswer): { otherText?: string } | string {
  if (!picked.includes(OTHER_OPTION)) return {};
  const otherText = typeof raw.otherText === "string" ? raw.otherText.trim() : "";
  if (!otherText) return ANSWER_MESSAGES.otherText;
  if (otherText.length > OTHER_TEXT_MAX) return ANSWER_MESSAGES.otherTextLength;
  return { otherText };
}

/** A picked list (multiple choices, ranking): ids known, no duplicate. */
function listError(q: SurveyQuestion, list: readonly string[]): string | null {
  const known = pickable(q);
  if (list.some((id) => !known.has(id))) return ANSWER_MESSAGES.unknownChoice;
  if (new Set(list).size !== list.length) return ANSWER_MESSAGES.duplicate;
  return null;
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** The answer kept for the question (only its kind's fields), or the message of what is wrong. */
function checkOne(q: SurveyQuestion, raw: QuestionAnswer, known: KnownPlaces): QuestionAnswer | string {
  switch (q.kind) {
    case "single": {
      if (typeof raw.choice !== "string" || !raw.choice) return wrongShape(q);
      if (!pickable(q).has(raw.choice)) return ANSWER_MESSAGES.unknownChoice;
      const other = otherPart([raw.choice], raw);
      return typeof other === "string" ? other : { choice: raw.choice, ...other };
    }
    case "multiple": {
      if (!isStringList(raw.choices) || raw.choices.length === 0) return wrongShape(q);
      const error = listError(q, raw.choices);
      if (error) return error;
      const other = otherPart(raw.choices, raw);
      return typeof other === "string" ? other : { choices: [...raw.choices], ...other };
    }
    case "ranking": {
      if (!isStringList(raw.ranking) || raw.ranking.length === 0) return wrongShape(q);
      const error = listError(q, raw.ranking) ?? rankingMessage(q, raw.ranking.length);
      return error ?? { ranking: [...raw.ranking] };
    }
    case "scale":
      if (typeof raw.value !== "number") return wrongShape(q);
      if (!Number.isInteger(raw.value) || raw.value < q.scaleMin || raw.value > q.scaleMax) return scaleMessage(q);
      return { value: raw.value };
    case "short_text":
    case "long_text": {
      if (typeof raw.text !== "string" || !raw.text.trim()) return wrongShape(q);
      const text = raw.text.trim();
      return text.length > TEXT_MAX ? ANSWER_MESSAGES.text : { text };
    }
    case "commune":
      if (typeof raw.insee !== "string" || !raw.insee) return wrongShape(q);
      return known.communes.has(raw.insee) ? { insee: raw.insee } : ANSWER_MESSAGES.commune;
    case "qpv":
      if (typeof raw.qpv !== "string" || !raw.qpv) return wrongShape(q);
      return raw.qpv === QPV_NONE || raw.qpv === QPV_UNKNOWN || known.priorityAreaIds.has(raw.qpv) ? { qpv: raw.qpv } : ANSWER_MESSAGES.qpv;
    case "age_band":
      if (typeof raw.ageBand !== "string" || !raw.ageBand) return wrongShape(q);
      return Object.hasOwn(AGE_BANDS, raw.ageBand) ? { ageBand: raw.ageBand } : ANSWER_MESSAGES.ageBand;
  }
}

/**
 * Checks `answers` against `questions`, in the questions' order. Answers to unknown
 * questions, to questions not shown (given the valid answers before them) and empty answers
 * are dropped; a required shown question without an answer, or an answer that does not fit
 * its question, is an error at `answers.<questionId>` (one per question). The answers
 * returned keep only the fields of each question's kind, texts trimmed.
 */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers, known: KnownPlaces): { answers: SurveyAnswers; errors: FieldError[] } {
  const kept: SurveyAnswers = {};
  const errors: FieldError[] = [];
  for (const q of questions) {
    if (!isShown(q, questions, kept)) continue;
    const raw = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    const path = `answers.${q.id}`;
    if (isEmptyAnswer(raw)) {
      if (q.required) errors.push({ path, message: ANSWER_MESSAGES.required });
      continue;
    }
    const checked = checkOne(q, raw!, known);
    if (typeof checked === "string") errors.push({ path, message: checked });
    else kept[q.id] = checked;
  }
  return { answers: kept, errors };
}
