import { describe, expect, it } from "vitest";
import type { QuestionKind, SurveyAnswers, SurveyQuestion } from "../../domain/surveys.js";
import { ANSWER_MESSAGES, checkAnswers, isEmptyAnswer } from "./check-answers.js";

function question(id: string, kind: QuestionKind, more: Partial<SurveyQuestion> = {}): SurveyQuestion {
  const choice = kind === "single" || kind === "multiple" || kind === "ranking";
  return {
    id,
    kind,
    label: `Question ${id}`,
    help: "",
    required: false,
    options: choice ? [{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "c", label: "C" }] : [],
    other: false,
    rankCount: null,
    scaleMin: 1,
    scaleMax: 5,
    minLabel: "",
    maxLabel: "",
    showIf: null,
    ...more,
  };
}

const known = { communes: new Set(["77288", "77152"]), priorityAreaIds: new Set(["area-1"]) };
const check = (questions: SurveyQuestion[], answers: SurveyAnswers) => checkAnswers(questions, answers, known);
/** The one error's message for a single question answered with `answer`. */
const errorOf = (q: SurveyQuestion, answer: SurveyAnswers[string]) => {
  const { errors, answers } = check([q], { [q.id]: answer });
  expect(errors).toHaveLength(1);
  expect(errors[0]!.path).toBe(`answers.${q.id}`);
  expect(answers).toEqual({});
  return errors[0]!.message;
};

describe("checkAnswers", () => {
  it("keeps a full valid set of answers, with only the fields of each kind and texts trimmed", () => {
    const questions = [
      question("s", "single", { other: true }),
      question("m", "multiple", { other: true }),
      question("r", "ranking", { rankCount: 2 }),
      question("n", "scale", { scaleMin: 0, scaleMax: 10 }),
      question("t", "short_text"),
      question("l", "long_text"),
      question("c", "commune"),
      question("q", "qpv"),
      question("g", "age_band"),
    ];
    const { answers, errors } = check(questions, {
      s: { choice: "other", otherText: "  Le marché  ", value: 3 },
      m: { choices: ["b", "a"], otherText: "forgotten after unchecking « Autre »" },
      r: { ranking: ["c", "a"], choice: "a" },
      n: { value: 0 },
      t: { text: "  court  " },
      l: { text: "ligne 1\nligne 2 " },
      c: { insee: "77288" },
      q: { qpv: "area-1" },
      g: { ageBand: "70+" },
    });
    expect(errors).toEqual([]);
    expect(answers).toEqual({
      s: { choice: "other", otherText: "Le marché" },
      m: { choices: ["b", "a"] },
      r: { ranking: ["c", "a"] },
      n: { value: 0 },
      t: { text: "court" },
      l: { text: "ligne 1\nligne 2" },
      c: { insee: "77288" },
      q: { qpv: "area-1" },
      g: { ageBand: "70+" },
    });
  });

  it("drops answers to unknown questions and empty answers, and asks for required ones", () => {
    const questions = [question("a", "short_text", { required: true }), question("b", "multiple"), question("c", "single", { required: true })];
    const { answers, errors } = check(questions, { a: { text: "   " }, b: { choices: [] }, zzz: { text: "who?" }, c: { choice: "a" } });
    expect(answers).toEqual({ c: { choice: "a" } });
    expect(errors).toEqual([{ path: "answers.a", message: ANSWER_MESSAGES.required }]);
    expect(check(questions, {}).errors.map((e) => e.path)).toEqual(["answers.a", "answers.c"]);
  });

  it("drops the answers of hidden questions and does not require them, following chains of conditions", () => {
    const questions = [
      question("transport", "single"),
      question("why", "multiple", { required: true, showIf: { questionId: "transport", optionIds: ["b"] } }),
      question("detail", "long_text", { required: true, showIf: { questionId: "why", optionIds: ["c"] } }),
    ];
    // « a » does not show « why », so « detail » is hidden as well, whatever « why » says.
    expect(check(questions, { transport: { choice: "a" }, why: { choices: ["c"] }, detail: { text: "x" } })).toEqual({ answers: { transport: { choice: "a" } }, errors: [] });
    // « b » shows « why », which is required; its answer « c » shows « detail », required too.
    expect(check(questions, { transport: { choice: "b" } }).errors).toEqual([{ path: "answers.why", message: ANSWER_MESSAGES.required }]);
    expect(check(questions, { transport: { choice: "b" }, why: { choices: ["c"] } }).errors).toEqual([{ path: "answers.detail", message: ANSWER_MESSAGES.required }]);
    expect(check(questions, { transport: { choice: "b" }, why: { choices: ["a"] }, detail: { text: "dropped" } })).toEqual({
      answers: { transport: { choice: "b" }, why: { choices: ["a"] } },
      errors: [],
    });
  });

  it("refuses an answer of the wrong shape for its kind", () => {
    expect(errorOf(question("s", "single"), { choices: ["a"] })).toBe("Cette réponse ne correspond pas au type de la question (« Choix unique »).");
    expect(errorOf(question("m", "multiple"), { choice: "a" })).toMatch(/« Choix multiples »/);
    expect(errorOf(question("r", "ranking"), { choices: ["a", "b", "c"] })).toMatch(/« Classement »/);
    expect(errorOf(question("n", "scale"), { text: "4" })).toMatch(/« Échelle »/);
    expect(errorOf(question("t", "short_text"), { value: 4 })).toMatch(/« Réponse courte »/);
    expect(errorOf(question("c", "commune"), { qpv: "none" })).toMatch(/« Commune »/);
    expect(errorOf(question("q", "qpv"), { insee: "77288" })).toMatch(/« Quartier prioritaire »/);
    expect(errorOf(question("g", "age_band"), { choice: "70+" })).toMatch(/« Tranche d'âge »/);
  });

  it("refuses options that are not the question's, « Autre » when not offered, and duplicates", () => {
    expect(errorOf(question("s", "single"), { choice: "zzz" })).toBe(ANSWER_MESSAGES.unknownChoice);
    expect(errorOf(question("s", "single"), { choice: "other", otherText: "x" })).toBe(ANSWER_MESSAGES.unknownChoice);
    expect(errorOf(question("m", "multiple"), { choices: ["a", "zzz"] })).toBe(ANSWER_MESSAGES.unknownChoice);
    expect(errorOf(question("m", "multiple"), { choices: ["a", "a"] })).toBe(ANSWER_MESSAGES.duplicate);
    expect(errorOf(question("r", "ranking"), { ranking: ["a", "b", "b"] })).toBe(ANSWER_MESSAGES.duplicate);
    expect(errorOf(question("r", "ranking", { other: true }), { ranking: ["a", "b", "other"] })).toBe(ANSWER_MESSAGES.unknownChoice);
  });

  it("wants the « Autre » text when « Autre » is chosen", () => {
    expect(errorOf(question("s", "single", { other: true }), { choice: "other" })).toBe("Précisez votre réponse « Autre ».");
    expect(errorOf(question("m", "multiple", { other: true }), { choices: ["a", "other"], otherText: "  " })).toBe("Précisez votre réponse « Autre ».");
    expect(errorOf(question("m", "multiple", { other: true }), { choices: ["other"], otherText: "x".repeat(501) })).toBe(ANSWER_MESSAGES.otherTextLength);
    expect(check([question("m", "multiple", { other: true })], { m: { choices: ["other"], otherText: " y " } }).answers).toEqual({ m: { choices: ["other"], otherText: "y" } });
  });

  it("wants exactly `rankCount` options ranked, or all of them", () => {
    const top2 = question("r", "ranking", { rankCount: 2 });
    expect(errorOf(top2, { ranking: ["a"] })).toBe("Classez 2 choix (vous en avez classé 1).");
    expect(errorOf(top2, { ranking: ["a", "b", "c"] })).toBe("Classez 2 choix seulement (vous en avez classé 3).");
    expect(check([top2], { r: { ranking: ["b", "a"] } }).errors).toEqual([]);
    const all = question("r", "ranking");
    expect(errorOf(all, { ranking: ["a", "b"] })).toBe("Classez tous les choix (2 classés sur 3).");
    expect(check([all], { r: { ranking: ["c", "b", "a"] } }).errors).toEqual([]);
  });

  it("keeps a scale value within its bounds, whole", () => {
    const q = question("n", "scale", { scaleMin: 1, scaleMax: 5 });
    expect(errorOf(q, { value: 0 })).toBe("Choisissez une note de 1 à 5.");
    expect(errorOf(q, { value: 6 })).toBe("Choisissez une note de 1 à 5.");
    expect(errorOf(q, { value: 2.5 })).toBe("Choisissez une note de 1 à 5.");
    expect(check([q], { n: { value: 1 } }).answers).toEqual({ n: { value: 1 } });
    expect(check([q], { n: { value: 5 } }).answers).toEqual({ n: { value: 5 } });
  });

  it("checks communes, priority areas and age bands against what exists", () => {
    expect(errorOf(question("c", "commune"), { insee: "75056" })).toBe("Cette commune ne fait pas partie du territoire du contrat.");
    expect(errorOf(question("q", "qpv"), { qpv: "area-2" })).toBe(ANSWER_MESSAGES.qpv);
    expect(check([question("q", "qpv")], { q: { qpv: "none" } }).errors).toEqual([]);
    expect(check([question("q", "qpv")], { q: { qpv: "unknown" } }).errors).toEqual([]);
    expect(errorOf(question("g", "age_band"), { ageBand: "0-15" })).toBe("Cette tranche d'âge n'existe pas.");
    expect(errorOf(question("g", "age_band"), { ageBand: "toString" })).toBe("Cette tranche d'âge n'existe pas.");
  });

  it("limits texts to 5 000 characters, after trimming", () => {
    expect(errorOf(question("l", "long_text"), { text: "x".repeat(5001) })).toBe("Au plus 5 000 caractères.");
    expect(check([question("l", "long_text")], { l: { text: ` ${"x".repeat(5000)} ` } }).errors).toEqual([]);
  });

  it("reports one error per question, all questions through", () => {
    const questions = [question("a", "single", { required: true }), question("b", "scale"), question("c", "commune")];
    const { errors, answers } = check(questions, { b: { value: 9 }, c: { insee: "77152" } });
    expect(errors.map((e) => e.path)).toEqual(["answers.a", "answers.b"]);
    expect(answers).toEqual({ c: { insee: "77152" } });
  });
});

describe("isEmptyAnswer", () => {
  it("sees blank texts and empty lists as empty, but not a zero", () => {
    expect(isEmptyAnswer(undefined)).toBe(true);
    expect(isEmptyAnswer({})).toBe(true);
    expect(isEmptyAnswer({ text: " \n", choices: [] })).toBe(true);
    expect(isEmptyAnswer({ value: 0 })).toBe(false);
    expect(isEmptyAnswer({ otherText: "x" })).toBe(false);
  });
});
