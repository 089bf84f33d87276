/**
 * One person's answers as the questionnaire holds them while they are typed (a ranking
 * keeps its empty ranks, a scale its value), which questions are shown (`isShown`, the
 * server's rule), what is sent (only shown questions, only their kind's fields), and the
 * errors said before sending, by question.
 */
import type { QuestionAnswer, SurveyAnswers, SurveyQuestion } from "../../../server/domain/surveys";
import { isShown, OTHER_OPTION } from "../../../server/shared";
import type { Errors } from "../../components/form";

/** The answers being typed, by question id (a ranking's `ranking` may hold "" for an empty rank). */
export type AnswerDraft = SurveyAnswers;

/** The path of a question's answer, as the server names it in its errors. */
export const answerPath = (questionId: string) => `answers.${questionId}`;

/** « 1er choix », « 2e choix »… */
export const ordinal = (n: number) => (n === 1 ? "1er" : `${n}e`);

/** How many ranks a ranking question asks for. */
export const rankSlots = (q: Pick<SurveyQuestion, "rankCount" | "options">) => Math.min(q.rankCount ?? q.options.length, q.options.length);

/** The ranking with `optionId` (or "" to empty it) at rank `slot` (0-based), other ranks unchanged. */
export function setRank(ranking: readonly string[] | undefined, slot: number, optionId: string, slots: number): string[] {
  const next = Array.from({ length: slots }, (_, i) => ranking?.[i] ?? "");
  next[slot] = optionId;
  return next;
}

const blank = (s: string | undefined) => !s || !s.trim();

/** The answer kept for a question: only its kind's fields, texts trimmed; null when nothing is answered. */
export function cleanAnswer(q: SurveyQuestion, a: QuestionAnswer | undefined): QuestionAnswer | null {
  if (!a) return null;
  switch (q.kind) {
    case "single":
      if (blank(a.choice)) return null;
      return a.choice === OTHER_OPTION ? { choice: a.choice, otherText: (a.otherText ?? "").trim() } : { choice: a.choice! };
    case "multiple": {
      const known = [...q.options.map((o) => o.id), ...(q.other ? [OTHER_OPTION] : [])];
      const choices = known.filter((id) => a.choices?.includes(id));
      if (!choices.length) return null;
      return choices.includes(OTHER_OPTION) ? { choices, otherText: (a.otherText ?? "").trim() } : { choices };
    }
    case "ranking": {
      const ranking = (a.ranking ?? []).filter(Boolean);
      return ranking.length ? { ranking } : null;
    }
    case "scale":
      return typeof a.value === "number" ? { value: a.value } : null;
    case "short_text":
    case "long_text":
      return blank(a.text) ? null : { text: a.text!.trim() };
    case "commune":
      return blank(a.insee) ? null : { insee: a.insee! };
    case "qpv":
      return blank(a.qpv) ? null : { qpv: a.qpv! };
    case "age_band":
      return blank(a.ageBand) ? null : { ageBand: a.ageBand! };
  }
}

/**
 * What is sent: the answers of the questions shown, given the answers kept before them
 * (a question hidden by a hidden question is hidden too), empty ones left out.
 */
export function answersToSend(questions: readonly SurveyQuestion[], draft: AnswerDraft): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const q of questions) {
    if (!isShown(q, questions, out)) continue;
    const answer = cleanAnswer(q, draft[q.id]);
    if (answer) out[q.id] = answer;
  }
  return out;
}

/** The questions shown now, in order. */
export function shownQuestions(questions: readonly SurveyQuestion[], draft: AnswerDraft): SurveyQuestion[] {
  const kept = answersToSend(questions, draft);
  return questions.filter((q) => isShown(q, questions, kept));
}

/** What is wrong with one shown question's answer, before the server says it. */
function answerError(q: SurveyQuestion, a: QuestionAnswer | undefined): string | null {
  const kept = cleanAnswer(q, a);
  if (!kept) return q.required ? "Répondez à cette question." : null;
  if ((kept.choice === OTHER_OPTION || kept.choices?.includes(OTHER_OPTION)) && !kept.otherText) return "Précisez votre réponse « Autre ».";
  if (q.kind === "ranking") {
    const raw = a?.ranking ?? [];
    const wanted = rankSlots(q);
    const filled = raw.filter(Boolean).length;
    if (raw.slice(0, filled).some((id) => !id)) return `Remplissez les rangs dans l'ordre, à partir du ${ordinal(1)} choix.`;
    if (filled < wanted) return q.rankCount === null ? `Classez tous les choix (${filled} classés sur ${wanted}).` : `Classez ${wanted} choix (vous en avez classé ${filled}).`;
  }
  return null;
}

/** Errors by question (`answers.<id>`), in the order of the questionnaire; hidden questions are not checked. */
export function checkAnswerDraft(questions: readonly SurveyQuestion[], draft: AnswerDraft): Errors {
  const errors: Errors = {};
  for (const q of shownQuestions(questions, draft)) {
    const message = answerError(q, draft[q.id]);
    if (message) errors[answerPath(q.id)] = message;
  }
  return errors;
}

/**
 * The server's field errors by what shows them: an error inside a question's answer goes to
 * the question; the honeypot's is no field's (the form says it above).
 */
export function errorsFromServer(errors: Errors, questions: readonly SurveyQuestion[]): Errors {
  const out: Errors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === "website") continue;
    const [head, id] = path.split(".");
    out[head === "answers" && id ? answerPath(id) : path] ??= message;
  }
  const order = ["answers", ...questions.map((q) => answerPath(q.id)), "respondedOn", "contactEmail", "consent"];
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => rank(a) - rank(b)));
}

/** Labels of the error summary: the question's wording (shortened), or the field's name. */
export function answerErrorLabel(questions: readonly SurveyQuestion[]) {
  return (path: string): string => {
    const [head, id] = path.split(".");
    if (head === "answers" && id) {
      const q = questions.find((x) => x.id === id);
      if (!q) return "Question";
      return q.label.length > 80 ? `${q.label.slice(0, 79)}…` : q.label;
    }
    return { answers: "Vos réponses", respondedOn: "Date de la réponse", contactEmail: "Adresse e-mail", consent: "Accord" }[head ?? ""] ?? "Champ";
  };
}
