import { describe, expect, it } from "vitest";
import type { SurveyQuestion } from "../../../server/domain/surveys";
import { answerErrorLabel, answersToSend, checkAnswerDraft, errorsFromServer, ordinal, rankSlots, setRank, shownQuestions } from "./answer-draft";

const base = { help: "", required: false, options: [], other: false, rankCount: null, scaleMin: 1, scaleMax: 5, minLabel: "", maxLabel: "", showIf: null };
const themes = [
  { id: "o1", label: "Accès aux soins" },
  { id: "o2", label: "Santé mentale" },
  { id: "o3", label: "Nutrition" },
];
const questions: SurveyQuestion[] = [
  { ...base, id: "q1", kind: "single", label: "Êtes-vous venu(e) à la journée ?", required: true, options: [{ id: "o1", label: "Oui" }, { id: "o2", label: "Non" }], other: true },
  { ...base, id: "q2", kind: "multiple", label: "Quels stands ?", options: themes, other: true, showIf: { questionId: "q1", optionIds: ["o1"] } },
  { ...base, id: "q3", kind: "long_text", label: "Qu'avez-vous retenu du stand « Nutrition » ?", required: true, showIf: { questionId: "q2", optionIds: ["o3"] } },
  { ...base, id: "q4", kind: "ranking", label: "Vos priorités", options: themes, rankCount: 2 },
  { ...base, id: "q5", kind: "scale", label: "Satisfaction" },
  { ...base, id: "q6", kind: "commune", label: "Votre commune" },
];

describe("answersToSend", () => {
  it("sends only shown questions, only their kind's fields, texts trimmed, empty ranks left out", () => {
    const sent = answersToSend(questions, {
      q1: { choice: "o1", otherText: "oublié" },
      q2: { choices: ["o3", "other", "o1"], otherText: "  Le stand vélo " },
      q3: { text: "  Manger mieux  " },
      q4: { ranking: ["o2", "o1"] },
      q5: { value: 4, text: "parasite" },
      q6: { insee: "" },
    });
    expect(sent).toEqual({
      q1: { choice: "o1" },
      q2: { choices: ["o1", "o3", "other"], otherText: "Le stand vélo" },
      q3: { text: "Manger mieux" },
      q4: { ranking: ["o2", "o1"] },
      q5: { value: 4 },
    });
  });

  it("drops the answers of questions hidden by an answer, and of those hidden by a hidden one", () => {
    const draft = { q1: { choice: "o2" }, q2: { choices: ["o3"] }, q3: { text: "Manger mieux" } };
    expect(answersToSend(questions, draft)).toEqual({ q1: { choice: "o2" } });
    expect(shownQuestions(questions, draft).map((q) => q.id)).toEqual(["q1", "q4", "q5", "q6"]);
    expect(shownQuestions(questions, { ...draft, q1: { choice: "o1" } }).map((q) => q.id)).toEqual(["q1", "q2", "q3", "q4", "q5", "q6"]);
  });
});

describe("checkAnswerDraft", () => {
  it("asks for required shown questions only, and for the « Autre » text", () => {
    expect(checkAnswerDraft(questions, {})).toEqual({ "answers.q1": "Répondez à cette question." });
    expect(checkAnswerDraft(questions, { q1: { choice: "other", otherText: "  " } })).toEqual({ "answers.q1": "Précisez votre réponse « Autre »." });
    expect(checkAnswerDraft(questions, { q1: { choice: "o1" }, q2: { choices: ["o3"] } })).toEqual({ "answers.q3": "Répondez à cette question." });
  });

  it("wants a ranking filled in order, as many as asked", () => {
    const answered = { q1: { choice: "o2" } };
    expect(checkAnswerDraft(questions, { ...answered, q4: { ranking: ["", "o1"] } })["answers.q4"]).toBe("Remplissez les rangs dans l'ordre, à partir du 1er choix.");
    expect(checkAnswerDraft(questions, { ...answered, q4: { ranking: ["o1", ""] } })["answers.q4"]).toBe("Classez 2 choix (vous en avez classé 1).");
    expect(checkAnswerDraft(questions, { ...answered, q4: { ranking: ["o1", "o3"] } })).toEqual({});
  });
});

describe("ranking helpers", () => {
  it("count the ranks asked and set one rank without touching the others", () => {
    expect(rankSlots(questions[3]!)).toBe(2);
    expect(rankSlots({ rankCount: null, options: themes })).toBe(3);
    expect(setRank(undefined, 1, "o2", 3)).toEqual(["", "o2", ""]);
    expect(setRank(["o1", "o2", "o3"], 0, "", 3)).toEqual(["", "o2", "o3"]);
    expect([1, 2, 3].map(ordinal)).toEqual(["1er", "2e", "3e"]);
  });
});

describe("server errors", () => {
  it("go to their question, in the questionnaire's order; the honeypot's to no field", () => {
    const errors = errorsFromServer({ consent: "Cochez la case.", "answers.q4.ranking": "Classez 2 choix.", "answers.q1": "Répondez à cette question.", website: "Robot" }, questions);
    expect(errors).toEqual({ "answers.q1": "Répondez à cette question.", "answers.q4": "Classez 2 choix.", consent: "Cochez la case." });
    expect(Object.keys(errors)).toEqual(["answers.q1", "answers.q4", "consent"]);
  });

  it("are labelled with the question's wording", () => {
    const label = answerErrorLabel(questions);
    expect(label("answers.q4")).toBe("Vos priorités");
    expect(label("respondedOn")).toBe("Date de la réponse");
    expect(label("answers.q9")).toBe("Question");
  });
});
