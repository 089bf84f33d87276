import { describe, expect, it } from "vitest";
import { aggregateAnswers, ficheResults, indicatorResult, verdictCounts } from "./aggregate.js";
import { checkAnswers } from "./schema.js";
import type { EvaluationQuestion } from "../../domain/evaluation.js";

const questions: EvaluationQuestion[] = [
  { id: "s", part: "strategy", kind: "scale", label: "Échelle" },
  { id: "c", part: "governance", kind: "choice", label: "Choix", choices: ["Oui", "Non", "Sans avis"] },
  { id: "t", part: "partnership", kind: "text", label: "Texte" },
];

describe("aggregateAnswers", () => {
  it("gives the mean, the count of each value 1–5 and n for a scale; counts per choice; texts sorted, without names", () => {
    const results = aggregateAnswers(questions, [
      { answers: [{ questionId: "s", value: 4 }, { questionId: "c", value: "Oui" }, { questionId: "t", value: "  Zèle des partenaires " }] },
      { answers: [{ questionId: "s", value: 5 }, { questionId: "c", value: "Oui" }, { questionId: "t", value: "Associer les habitants" }] },
      { answers: [{ questionId: "s", value: 2 }, { questionId: "c", value: "Non" }] },
      { answers: [] },
    ]);
    expect(results[0]).toMatchObject({ n: 3, mean: 3.7, counts: [0, 1, 0, 1, 1] });
    expect(results[1]).toMatchObject({ n: 3, choices: [{ choice: "Oui", count: 2 }, { choice: "Non", count: 1 }, { choice: "Sans avis", count: 0 }] });
    expect(results[2]).toMatchObject({ n: 2, texts: ["Associer les habitants", "Zèle des partenaires"] });
  });

  it("has no mean without answers, and leaves out answers that no longer fit their question", () => {
    const results = aggregateAnswers(questions, [{ answers: [{ questionId: "s", value: 9 }, { questionId: "c", value: "Peut-être" }, { questionId: "t", value: " " }, { questionId: "gone", value: 3 }] }]);
    expect(results.map((r) => r.n)).toEqual([0, 0, 0]);
    expect(results[0]!.mean).toBeNull();
  });
});

describe("checkAnswers", () => {
  it("accepts a note 1–5, one of the choices, a text (empty texts dropped)", () => {
    const { errors, answers } = checkAnswers(questions, [{ questionId: "s", value: 5 }, { questionId: "c", value: "Non" }, { questionId: "t", value: "  " }]);
    expect(errors).toEqual([]);
    expect(answers).toEqual([{ questionId: "s", value: 5 }, { questionId: "c", value: "Non" }]);
  });

  it("names each wrong answer in French", () => {
    const { errors } = checkAnswers(questions, [
      { questionId: "s", value: 6 },
      { questionId: "c", value: "Peut-être" },
      { questionId: "t", value: 3 },
      { questionId: "x", value: 1 },
      { questionId: "s", value: 3 },
      { questionId: "s", value: 2.5 },
    ]);
    expect(errors).toEqual([
      { path: "answers.0.value", message: "Choisissez une note de 1 à 5." },
      { path: "answers.1.value", message: "Choisissez une des réponses proposées." },
      { path: "answers.2.value", message: "Écrivez votre réponse en texte." },
      { path: "answers.3.questionId", message: "Cette question ne fait pas partie du questionnaire." },
      { path: "answers.4.questionId", message: "Vous avez répondu deux fois à la même question." },
      { path: "answers.5.questionId", message: "Vous avez répondu deux fois à la même question." },
    ]);
  });
});

describe("results per fiche", () => {
  const indicator = (id: string, baseline: number | null, target: number | null, position = 0) => ({ id, actionId: "f", label: id, unit: "", baseline, target, position });

  it("says reached, not reached, not measured or without target from the last measurement", () => {
    expect(indicatorResult(indicator("a", 0, 10), [{ measuredOn: "2022-01-01", value: 12 }, { measuredOn: "2021-01-01", value: 3 }]).verdict).toBe("reached");
    expect(indicatorResult(indicator("b", 0, 10), [{ measuredOn: "2022-01-01", value: 3 }, { measuredOn: "2021-01-01", value: 12 }])).toMatchObject({ verdict: "not_reached", progress: 0.3 });
    // A rate to lower: from 20 to 10, measured 9.
    expect(indicatorResult(indicator("c", 20, 10), [{ measuredOn: "2022-01-01", value: 9 }]).verdict).toBe("reached");
    expect(indicatorResult(indicator("d", 0, 10), []).verdict).toBe("not_measured");
    expect(indicatorResult(indicator("e", 0, null), [{ measuredOn: "2022-01-01", value: 1 }]).verdict).toBe("no_target");
    expect(indicatorResult(indicator("f", 5, 5), [{ measuredOn: "2022-01-01", value: 5 }]).verdict).toBe("reached");
  });

  it("orders fiches by number and indicators by position, and counts verdicts", () => {
    const results = ficheResults(
      [
        { id: "g", number: 7, title: "Sept" },
        { id: "f", number: 2, title: "Deux" },
      ],
      [indicator("i2", 0, 10, 1), indicator("i1", 0, 10, 0)],
      [{ indicatorId: "i2", measuredOn: "2022-01-01", value: 10 }],
    );
    expect(results.map((r) => r.fiche.number)).toEqual([2, 7]);
    expect(results[0]!.indicators.map((i) => `${i.indicator.id}:${i.verdict}`)).toEqual(["i1:not_measured", "i2:reached"]);
    expect(results[1]!.indicators).toEqual([]);
    expect(verdictCounts(results)).toEqual({ reached: 1, not_reached: 0, not_measured: 1, no_target: 0 });
  });
});
