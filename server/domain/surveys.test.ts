import { describe, expect, it } from "vitest";
import { breakingChanges, isShown, surveyState, type SurveyQuestion } from "./surveys.js";

const q = (id: string, overrides: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  id,
  kind: "single",
  label: `Question ${id}`,
  help: "",
  required: false,
  options: [
    { id: "a", label: "A" },
    { id: "b", label: "B" },
  ],
  other: false,
  rankCount: null,
  scaleMin: 1,
  scaleMax: 5,
  minLabel: "",
  maxLabel: "",
  showIf: null,
  ...overrides,
});

describe("surveyState", () => {
  const published = new Date("2021-06-01T08:00:00Z");
  it("is a draft until published, then scheduled, open on both end days, closed after", () => {
    expect(surveyState({ publishedAt: null, opensOn: "2021-06-01", closesOn: "2021-06-30" }, "2021-06-15")).toBe("draft");
    expect(surveyState({ publishedAt: published, opensOn: "2021-06-01", closesOn: "2021-06-30" }, "2021-05-31")).toBe("scheduled");
    expect(surveyState({ publishedAt: published, opensOn: "2021-06-01", closesOn: "2021-06-30" }, "2021-06-01")).toBe("open");
    expect(surveyState({ publishedAt: published, opensOn: "2021-06-01", closesOn: "2021-06-30" }, "2021-06-30")).toBe("open");
    expect(surveyState({ publishedAt: published, opensOn: "2021-06-01", closesOn: "2021-06-30" }, "2021-07-01")).toBe("closed");
  });
});

describe("isShown", () => {
  const questions = [q("q1"), q("q2", { showIf: { questionId: "q1", optionIds: ["b"] } }), q("q3", { showIf: { questionId: "q2", optionIds: ["a"] } })];
  it("shows a conditional question only for the chosen answers, and hides what hangs on a hidden one", () => {
    expect(isShown(questions[1]!, questions, {})).toBe(false);
    expect(isShown(questions[1]!, questions, { q1: { choice: "a" } })).toBe(false);
    expect(isShown(questions[1]!, questions, { q1: { choice: "b" } })).toBe(true);
    expect(isShown(questions[2]!, questions, { q1: { choice: "a" }, q2: { choice: "a" } })).toBe(false);
    expect(isShown(questions[2]!, questions, { q1: { choice: "b" }, q2: { choice: "a" } })).toBe(true);
  });
  it("reads multiple choices and rankings too", () => {
    const multi = [q("m", { kind: "multiple" }), q("n", { showIf: { questionId: "m", optionIds: ["b"] } })];
    expect(isShown(multi[1]!, multi, { m: { choices: ["a", "b"] } })).toBe(true);
    expect(isShown(multi[1]!, multi, { m: { choices: ["a"] } })).toBe(false);
  });
});

describe("breakingChanges", () => {
  it("allows adding questions and options and renaming, refuses removing or changing a kind", () => {
    const before = [q("q1"), q("q2")];
    expect(breakingChanges(before, [q("q1", { label: "Renommée", options: [...q("q1").options, { id: "c", label: "C" }] }), q("q2"), q("q3")])).toEqual([]);
    expect(breakingChanges(before, [q("q1")])).toEqual(["La question « Question q2 » a déjà des réponses : elle ne peut plus être retirée."]);
    expect(breakingChanges(before, [q("q1", { kind: "multiple" }), q("q2")])[0]).toContain("son type ne peut plus changer");
    expect(breakingChanges(before, [q("q1", { options: [{ id: "a", label: "A" }] }), q("q2")])[0]).toContain("Le choix « B »");
  });
});
