import { describe, expect, it } from "vitest";
import {
  addOption,
  addQuestion,
  choicesOf,
  conditionSources,
  emptySurveyDraft,
  moveOption,
  moveQuestion,
  nextId,
  removeOption,
  removeQuestion,
  setOther,
  surveyErrorLabel,
  surveyPayload,
  toggleCondition,
  updateQuestion,
  validateSurvey,
  type SurveyDraft,
} from "./survey-draft";

const FICHE = "0e6d3b7a-1d2c-4f5e-8a9b-0c1d2e3f4a5b";

/** « Rencontres de la Santé » (illustratif): a priority ranking, then a question shown after « Autre ». */
function filled(): SurveyDraft {
  let d = { ...emptySurveyDraft(), title: "Rencontres de la Santé (illustratif)", opensOn: "2021-06-01", closesOn: "2021-06-30", actionIds: [FICHE] };
  d = updateQuestion(d, 0, { label: "Vos trois priorités", kind: "ranking", rankCount: "3", required: true });
  d = addOption(d, 0);
  d = { ...d, questions: d.questions.map((q) => ({ ...q, options: q.options.map((o, i) => ({ ...o, label: ["Accès aux soins", "Santé mentale", "Nutrition"][i]! })) })) };
  d = addQuestion(d, "single");
  d = updateQuestion(d, 1, { label: "Comment avez-vous connu la journée ?", options: [{ id: "o1", label: "Affiche" }, { id: "o2", label: "Bouche à oreille" }] });
  d = setOther(d, 1, true);
  d = addQuestion(d, "long_text");
  d = updateQuestion(d, 2, { label: "Précisez" });
  return toggleCondition(d, 2, true);
}

describe("ids", () => {
  it("follow the highest one used, never giving a removed one again", () => {
    expect(nextId("q", [])).toBe("q1");
    expect(nextId("q", ["q1", "q7", "x9", "q"])).toBe("q8");
    let d = addQuestion(addQuestion(emptySurveyDraft()));
    expect(d.questions.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    d = addQuestion(removeQuestion(d, 2));
    expect(d.questions.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    d = addQuestion(removeQuestion(d, 1));
    expect(d.questions.map((q) => q.id)).toEqual(["q1", "q3", "q4"]);
  });

  it("gives a choice question two options to fill, with ids of their own, kept when options move", () => {
    let d = emptySurveyDraft();
    expect(d.questions[0]!.options.map((o) => o.id)).toEqual(["o1", "o2"]);
    d = addOption(d, 0);
    d = moveOption(d, 0, 2, -1);
    expect(d.questions[0]!.options.map((o) => o.id)).toEqual(["o1", "o3", "o2"]);
    expect(moveOption(d, 0, 0, -1)).toBe(d);
  });
});

describe("questions", () => {
  it("move up and down, and not past the ends", () => {
    const d = filled();
    expect(moveQuestion(d, 1, -1).questions.map((q) => q.id)).toEqual(["q2", "q1", "q3"]);
    expect(moveQuestion(d, 2, 1)).toBe(d);
    expect(moveQuestion(d, 0, -1)).toBe(d);
  });

  it("removing one shows always the questions that depended on it", () => {
    const d = filled();
    expect(d.questions[2]!.showIf).toEqual({ questionId: "q2", optionIds: [] });
    const after = removeQuestion(d, 1);
    expect(after.questions.map((q) => q.id)).toEqual(["q1", "q3"]);
    expect(after.questions[1]!.showIf).toBeNull();
  });

  it("a kind that takes no « Autre » drops it, and the conditions on it; a choice kind gets options to fill", () => {
    let d = updateQuestion(filled(), 2, { showIf: { questionId: "q2", optionIds: ["o1", "other"] } });
    d = updateQuestion(d, 1, { kind: "ranking" });
    expect(d.questions[1]!.other).toBe(false);
    expect(d.questions[2]!.showIf!.optionIds).toEqual(["o1"]);
    d = updateQuestion(d, 2, { kind: "multiple" });
    expect(d.questions[2]!.options).toHaveLength(2);
  });
});

describe("conditions", () => {
  it("may only name an earlier choice question, and its options with « Autre » when offered", () => {
    const d = filled();
    expect(conditionSources(d, 2).map((q) => q.id)).toEqual(["q1", "q2"]);
    expect(conditionSources(d, 0)).toEqual([]);
    expect(choicesOf(d.questions[1]!).map((o) => o.id)).toEqual(["o1", "o2", "other"]);
    expect(choicesOf(d.questions[0]!).map((o) => o.id)).toEqual(["o1", "o2", "o3"]);
  });

  it("forget an option that is removed, and « Autre » when it is no longer offered", () => {
    let d = updateQuestion(filled(), 2, { showIf: { questionId: "q2", optionIds: ["o2", "other"] } });
    d = setOther(d, 1, false);
    expect(d.questions[2]!.showIf!.optionIds).toEqual(["o2"]);
    d = removeOption(d, 1, 1);
    expect(d.questions[2]!.showIf!.optionIds).toEqual([]);
  });
});

describe("surveyPayload", () => {
  it("sends numbers, a rank count only for rankings (empty: all), options and « Autre » only where they mean something", () => {
    let d = filled();
    d = updateQuestion(d, 2, { options: [{ id: "o1", label: "oublié" }], minLabel: "bas" });
    const body = surveyPayload(d);
    expect(body.retentionMonths).toBe(12);
    expect(body.questions[0]).toMatchObject({ kind: "ranking", rankCount: 3, other: false });
    expect(body.questions[1]).toMatchObject({ rankCount: null, other: true });
    expect(body.questions[2]).toMatchObject({ options: [], minLabel: "", showIf: { questionId: "q2", optionIds: [] } });
    expect(surveyPayload(updateQuestion(d, 0, { rankCount: " " })).questions[0]!.rankCount).toBeNull();
  });
});

describe("validateSurvey", () => {
  it("accepts a complete survey", () => {
    const d = updateQuestion(filled(), 2, { showIf: { questionId: "q2", optionIds: ["other"] } });
    const verdict = validateSurvey(d);
    expect(verdict.errors).toBeUndefined();
    expect(verdict.body?.questions).toHaveLength(3);
  });

  it("says what is missing by field path, in the order of the form", () => {
    let d = { ...filled(), title: "", opensOn: "" };
    d = updateQuestion(d, 1, { options: [{ id: "o1", label: "Affiche" }] });
    const { errors } = validateSurvey(d);
    expect(errors).toMatchObject({ title: expect.stringContaining("obligatoire"), opensOn: "Indiquez la date d'ouverture du questionnaire.", "questions.1.options": "Proposez au moins deux choix." });
    expect(errors?.["questions.2.showIf.optionIds"]).toBeDefined();
    expect(Object.keys(errors!).indexOf("title")).toBeLessThan(Object.keys(errors!).indexOf("questions.1.options"));
  });

  it("refuses a closing before the opening, a condition on a later question, a scale upside down", () => {
    let d = { ...filled(), closesOn: "2021-05-01" };
    d = updateQuestion(d, 2, { showIf: { questionId: "q2", optionIds: ["other"] } });
    d = moveQuestion(d, 2, -1);
    d = addQuestion(d, "scale");
    d = updateQuestion(d, 3, { label: "Satisfaction", scaleMin: "1", scaleMax: "1" });
    const { errors } = validateSurvey(d);
    expect(errors?.closesOn).toBe("La clôture doit suivre l'ouverture.");
    expect(errors?.["questions.1.showIf.questionId"]).toBe("Une question ne peut dépendre que d'une question placée avant elle.");
    expect(errors?.["questions.3.scaleMax"]).toBeDefined();
  });
});

describe("surveyErrorLabel", () => {
  it("names the field by its visible label, then its question", () => {
    expect(surveyErrorLabel("questions.2.options")).toBe("Choix proposés (question 3)");
    expect(surveyErrorLabel("questions.2.options", [{ kind: "single" }, { kind: "single" }, { kind: "ranking" }])).toBe("Choix à classer (question 3)");
    expect(surveyErrorLabel("questions.2.options.1.label")).toBe("Choix 2 (question 3)");
    expect(surveyErrorLabel("questions.0.label")).toBe("Intitulé (question 1)");
    expect(surveyErrorLabel("questions.0.showIf.questionId")).toBe("Afficher seulement si la question… (question 1)");
    expect(surveyErrorLabel("questions.0.showIf")).toBe("Afficher seulement selon une réponse précédente (question 1)");
    expect(surveyErrorLabel("questions.4.id")).toBe("Question 5");
    expect(surveyErrorLabel("closesOn")).toBe("Clôture");
    expect(surveyErrorLabel("retentionMonths")).toBe("Conservation des adresses (mois)");
  });
});
