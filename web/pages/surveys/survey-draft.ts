/**
 * A survey as its builder edits it: questions added, removed and moved, their options,
 * ids made here ("q1", "o1"…) and kept once made (answers refer to them), what the server
 * takes, and the errors said before asking it. Pure: the page only holds the draft.
 */
import type { QuestionKind, SurveyQuestion } from "../../../server/domain/surveys";
import { CHOICE_KINDS, OTHER_OPTION, QUESTION_KINDS } from "../../../server/shared";
import { surveyBody } from "../../../server/shared-forms";
import { zodErrors, type Errors } from "../../components/form";
import type { Survey, SurveyInput } from "./survey-api";

export interface OptionDraft {
  id: string;
  label: string;
}

export interface ShowIfDraft {
  questionId: string;
  optionIds: string[];
}

export interface QuestionDraft {
  id: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  options: OptionDraft[];
  other: boolean;
  /** Ranking: how many to rank; empty: all of them. */
  rankCount: string;
  scaleMin: string;
  scaleMax: string;
  minLabel: string;
  maxLabel: string;
  showIf: ShowIfDraft | null;
}

export interface SurveyDraft {
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  actionIds: string[];
  oneAnswerPerDevice: boolean;
  askContact: boolean;
  retentionMonths: string;
  questions: QuestionDraft[];
}

export const isChoiceKind = (kind: QuestionKind) => CHOICE_KINDS.includes(kind);
/** Kinds whose answer may be « Autre » with a text. */
export const offersOther = (kind: QuestionKind) => kind === "single" || kind === "multiple";
export const QUESTION_KIND_OPTIONS = Object.entries(QUESTION_KINDS) as [QuestionKind, string][];

/**
 * The next id of the form `prefix` + number, after the highest already used (an id is
 * never given twice in a draft, even after its question or option was removed).
 */
export function nextId(prefix: string, used: readonly string[]): string {
  const numbers = used.map((id) => (id.startsWith(prefix) ? Number(id.slice(prefix.length)) : Number.NaN)).filter((n) => Number.isInteger(n) && n > 0);
  return `${prefix}${Math.max(0, ...numbers) + 1}`;
}

const newOption = (options: readonly OptionDraft[]): OptionDraft => ({ id: nextId("o", options.map((o) => o.id)), label: "" });

export function emptyQuestion(id: string, kind: QuestionKind = "single"): QuestionDraft {
  const q: QuestionDraft = { id, kind, label: "", help: "", required: false, options: [], other: false, rankCount: "", scaleMin: "1", scaleMax: "5", minLabel: "", maxLabel: "", showIf: null };
  return isChoiceKind(kind) ? { ...q, options: [newOption([]), newOption([{ id: "o1", label: "" }])] } : q;
}

/** A new survey: one answer per device, no e-mail asked, kept 12 months, one question to start from. */
export const emptySurveyDraft = (): SurveyDraft => ({
  title: "",
  intro: "",
  opensOn: "",
  closesOn: "",
  actionIds: [],
  oneAnswerPerDevice: true,
  askContact: false,
  retentionMonths: "12",
  questions: [emptyQuestion("q1")],
});

export function draftFromSurvey(s: Survey): SurveyDraft {
  return {
    title: s.title,
    intro: s.intro,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    actionIds: s.actionIds,
    oneAnswerPerDevice: s.oneAnswerPerDevice,
    askContact: s.askContact,
    retentionMonths: String(s.retentionMonths),
    questions: s.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      help: q.help,
      required: q.required,
      options: q.options.map((o) => ({ ...o })),
      other: q.other,
      rankCount: q.rankCount === null ? "" : String(q.rankCount),
      scaleMin: String(q.scaleMin),
      scaleMax: String(q.scaleMax),
      minLabel: q.minLabel,
      maxLabel: q.maxLabel,
      showIf: q.showIf ? { questionId: q.showIf.questionId, optionIds: [...q.showIf.optionIds] } : null,
    })),
  };
}

// ——— Questions ———

export function addQuestion(d: SurveyDraft, kind: QuestionKind = "single"): SurveyDraft {
  return { ...d, questions: [...d.questions, emptyQuestion(nextId("q", d.questions.map((q) => q.id)), kind)] };
}

/** Removes a question; the questions shown only after its answer are shown always. */
export function removeQuestion(d: SurveyDraft, index: number): SurveyDraft {
  const gone = d.questions[index]?.id;
  return {
    ...d,
    questions: d.questions.filter((_, i) => i !== index).map((q) => (q.showIf && q.showIf.questionId === gone ? { ...q, showIf: null } : q)),
  };
}

/** Moves a question one place up (-1) or down (+1); out of bounds, nothing moves. */
export function moveQuestion(d: SurveyDraft, index: number, delta: -1 | 1): SurveyDraft {
  const to = index + delta;
  if (index < 0 || index >= d.questions.length || to < 0 || to >= d.questions.length) return d;
  const questions = [...d.questions];
  [questions[index], questions[to]] = [questions[to]!, questions[index]!];
  return { ...d, questions };
}

/**
 * Changes a question (by index); a choice kind gets two options to fill, « Autre » goes where
 * it cannot be, and conditions on an « Autre » no longer offered forget it.
 */
export function updateQuestion(d: SurveyDraft, index: number, patch: Partial<QuestionDraft>): SurveyDraft {
  const q = d.questions[index];
  if (!q) return d;
  const next = { ...q, ...patch };
  if (patch.kind && patch.kind !== q.kind) {
    while (isChoiceKind(next.kind) && next.options.length < 2) next.options = [...next.options, newOption(next.options)];
    if (!offersOther(next.kind)) next.other = false;
  }
  const updated = { ...d, questions: d.questions.map((x, i) => (i === index ? next : x)) };
  return q.other && !next.other ? dropConditionsOn(updated, q.id, (id) => id === OTHER_OPTION) : updated;
}

// ——— Options ———

export function addOption(d: SurveyDraft, index: number): SurveyDraft {
  return updateQuestion(d, index, { options: [...(d.questions[index]?.options ?? []), newOption(d.questions[index]?.options ?? [])] });
}

/** Removes an option; conditions on it no longer name it. */
export function removeOption(d: SurveyDraft, index: number, optionIndex: number): SurveyDraft {
  const q = d.questions[index];
  if (!q) return d;
  const gone = q.options[optionIndex]?.id;
  const next = updateQuestion(d, index, { options: q.options.filter((_, i) => i !== optionIndex) });
  return dropConditionsOn(next, q.id, (id) => id === gone);
}

export function moveOption(d: SurveyDraft, index: number, optionIndex: number, delta: -1 | 1): SurveyDraft {
  const q = d.questions[index];
  const to = optionIndex + delta;
  if (!q || optionIndex < 0 || optionIndex >= q.options.length || to < 0 || to >= q.options.length) return d;
  const options = [...q.options];
  [options[optionIndex], options[to]] = [options[to]!, options[optionIndex]!];
  return updateQuestion(d, index, { options });
}

export const setOther = (d: SurveyDraft, index: number, other: boolean): SurveyDraft => updateQuestion(d, index, { other });

/** Takes the options matching `gone` out of the conditions that depend on `questionId`. */
function dropConditionsOn(d: SurveyDraft, questionId: string, gone: (optionId: string) => boolean): SurveyDraft {
  return {
    ...d,
    questions: d.questions.map((q) => (q.showIf?.questionId === questionId ? { ...q, showIf: { ...q.showIf, optionIds: q.showIf.optionIds.filter((id) => !gone(id)) } } : q)),
  };
}

// ——— Conditional display ———

/** The questions a question may depend on: choice questions placed before it. */
export function conditionSources(d: SurveyDraft, index: number): QuestionDraft[] {
  return d.questions.slice(0, Math.max(0, index)).filter((q) => isChoiceKind(q.kind));
}

/** The answers of a question a condition may name: its options, and « Autre » when offered. */
export function choicesOf(q: Pick<QuestionDraft, "options" | "other" | "kind">): OptionDraft[] {
  return [...q.options, ...(q.other && offersOther(q.kind) ? [{ id: OTHER_OPTION, label: "Autre" }] : [])];
}

/** Turns the condition on (on the nearest choice question before) or off. */
export function toggleCondition(d: SurveyDraft, index: number, on: boolean): SurveyDraft {
  if (!on) return updateQuestion(d, index, { showIf: null });
  const sources = conditionSources(d, index);
  const parent = sources[sources.length - 1];
  return updateQuestion(d, index, { showIf: { questionId: parent?.id ?? "", optionIds: [] } });
}

// ——— What is sent ———

const count = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/**
 * The body of POST /contracts/:id/surveys and PUT /surveys/:id (without the version). Options
 * go only with choice questions, « Autre » only with single and multiple choices.
 */
export function surveyPayload(d: SurveyDraft) {
  return {
    title: d.title,
    intro: d.intro,
    opensOn: d.opensOn,
    closesOn: d.closesOn,
    actionIds: d.actionIds,
    oneAnswerPerDevice: d.oneAnswerPerDevice,
    askContact: d.askContact,
    // Shown only when an e-mail is asked: otherwise a number left invalid falls back to the default.
    retentionMonths: d.askContact || Number.isInteger(count(d.retentionMonths)) ? count(d.retentionMonths) : 12,
    questions: d.questions.map(
      (q): SurveyQuestion => ({
        id: q.id,
        kind: q.kind,
        label: q.label,
        help: q.help,
        required: q.required,
        options: isChoiceKind(q.kind) ? q.options.map((o) => ({ id: o.id, label: o.label })) : [],
        other: offersOther(q.kind) && q.other,
        rankCount: q.kind === "ranking" && q.rankCount.trim() !== "" ? count(q.rankCount) : null,
        scaleMin: count(q.scaleMin),
        scaleMax: count(q.scaleMax),
        minLabel: q.kind === "scale" ? q.minLabel : "",
        maxLabel: q.kind === "scale" ? q.maxLabel : "",
        showIf: q.showIf ? { questionId: q.showIf.questionId, optionIds: [...q.showIf.optionIds] } : null,
      }),
    ),
  };
}

/** What is missing, in words people use, before the shared schema's messages about formats. */
function emptyFieldErrors(d: SurveyDraft): Errors {
  const errors: Errors = {};
  if (!d.opensOn) errors.opensOn = "Indiquez la date d'ouverture du questionnaire.";
  if (!d.closesOn) errors.closesOn = "Indiquez la date de clôture du questionnaire.";
  d.questions.forEach((q, i) => {
    if (q.showIf && !q.showIf.questionId) errors[`questions.${i}.showIf.questionId`] = "Choisissez la question dont dépend l'affichage.";
    if (q.kind === "scale" && count(q.scaleMax) <= count(q.scaleMin)) errors[`questions.${i}.scaleMax`] = "Le haut de l'échelle doit dépasser le bas.";
  });
  return errors;
}

/** The shared schema's verdict: the body to send, or the errors to show by field. */
export function validateSurvey(d: SurveyDraft): { body: SurveyInput; errors?: undefined } | { body?: undefined; errors: Errors } {
  const parsed = surveyBody.safeParse(surveyPayload(d));
  const errors: Errors = parsed.success ? {} : zodErrors(parsed.error);
  Object.assign(errors, emptyFieldErrors(d));
  if (Object.keys(errors).length || !parsed.success) return { errors: sortErrors(errors) };
  return { body: parsed.data };
}

/** Errors in the order of the form: the survey's fields, then each question's. */
function sortErrors(errors: Errors): Errors {
  const head = ["title", "intro", "opensOn", "closesOn", "actionIds", "retentionMonths", "questions"];
  const rank = (path: string) => {
    const [first, index] = path.split(".");
    const at = head.indexOf(first ?? "");
    return first === "questions" && index !== undefined ? head.length + Number(index) : at < 0 ? head.length * 100 : at;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The visible labels of the survey form's fields (without « (facultatif) », which the optional ones add). */
export const SURVEY_LABELS = {
  title: "Titre",
  intro: "Présentation",
  opensOn: "Ouverture",
  closesOn: "Clôture",
  actionIds: "Fiches liées",
  retentionMonths: "Conservation des adresses (mois)",
  questions: "Questions",
} as const;

/** The visible labels of a question's fields. */
export const QUESTION_LABELS = {
  kind: "Type de question",
  label: "Intitulé",
  help: "Aide",
  required: "Réponse obligatoire",
  options: "Choix proposés",
  rankedOptions: "Choix à classer",
  other: "Proposer « Autre », avec un texte à préciser",
  rankCount: "Nombre de choix à classer",
  scaleMin: "De",
  scaleMax: "À",
  minLabel: "Libellé du bas",
  maxLabel: "Libellé du haut",
  showIf: "Afficher seulement selon une réponse précédente",
  "showIf.questionId": "Afficher seulement si la question…",
  "showIf.optionIds": "… a pour réponse l'un de ces choix",
} as const;

/** « Choix 2 »: the label of option k (from 0). */
export const optionLabel = (k: number) => `Choix ${k + 1}`;

/**
 * The error summary's name for the field of `path`: its visible label, and for a question's
 * field, which question (« Choix 2 (question 3) »). `questions` tells a ranking's options.
 */
export function surveyErrorLabel(path: string, questions: readonly Pick<QuestionDraft, "kind">[] = []): string {
  const [head = "", index, field, sub] = path.split(".");
  if (head !== "questions") return (SURVEY_LABELS as Record<string, string>)[head] ?? "Champ";
  if (index === undefined) return SURVEY_LABELS.questions;
  const question = `question ${Number(index) + 1}`;
  const labels: Record<string, string> = QUESTION_LABELS;
  const label =
    field === "options"
      ? sub !== undefined && /^\d+$/.test(sub)
        ? optionLabel(Number(sub))
        : questions[Number(index)]?.kind === "ranking"
          ? QUESTION_LABELS.rankedOptions
          : QUESTION_LABELS.options
      : (labels[`${field}.${sub}`] ?? labels[field ?? ""]);
  return label ? `${label} (${question})` : `Question ${Number(index) + 1}`;
}
