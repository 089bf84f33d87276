import { describe, expect, it } from "vitest";
import type { Block } from "../../documents/model.js";
import { bodiesOverPeriod } from "../annual-report/governance.js";
import { aggregateAnswers, ficheResults } from "./aggregate.js";
import { buildEvaluation, type EvaluationDocumentInput } from "./build.js";
import { DEFAULT_QUESTIONS, emptyParts } from "../../domain/evaluation.js";

const contract = { name: "CLS de Test", startDate: "2021-01-01", endDate: "2023-12-31" };

function input(overrides: Partial<EvaluationDocumentInput["evaluation"]> = {}, respondents = 2): EvaluationDocumentInput {
  const parts = emptyParts().map((p) => (p.key === "strategy" ? { ...p, html: "<p>Des axes <strong>pertinents</strong>.</p>" } : p));
  const responses = respondents
    ? [
        { answers: [{ questionId: "strategie-1", value: 4 }, { questionId: "partenariat-3", value: "Plus de rencontres." }] },
        { answers: [{ questionId: "strategie-1", value: 5 }, { questionId: "gouvernance-3", value: "Jamais" }] },
      ]
    : [];
  return {
    contract,
    author: "Marie Dupont",
    today: "2024-01-15",
    evaluation: { status: "validated", parts, questionnaireOpenedAt: "2023-10-01T08:00:00.000Z", validatedOn: "2023-12-07", ...overrides },
    respondents,
    answers: aggregateAnswers(DEFAULT_QUESTIONS, responses),
    governance: bodiesOverPeriod(
      [{ id: "copil", name: "Comité de pilotage (COPIL)", kind: "copil", rhythm: { kind: "per_year", count: 1 }, participation: false }],
      [{ id: "m", bodyId: "copil", title: "COPIL 2021", startedOn: "2021-12-07", endedOn: "2021-12-07", cancelled: false, headCount: null, presentCount: 6 }],
      contract.startDate,
      contract.endDate,
      "2024-01-15",
    ),
    results: ficheResults(
      [
        { id: "f5", number: 5, title: "Mission Accompagnement Santé" },
        { id: "f1", number: 1, title: "Coordination" },
      ],
      [{ id: "i", actionId: "f5", label: "Personnes accompagnées", unit: "", baseline: 0, target: 100, position: 0 }],
      [{ indicatorId: "i", measuredOn: "2023-06-30", value: 120 }],
    ),
  };
}

const words = (blocks: Block[]) =>
  blocks
    .map((b) => {
      if (b.type === "heading") return b.text;
      if (b.type === "paragraph") return b.runs.map((r) => ("text" in r ? r.text : "")).join("");
      if (b.type === "list") return b.items.map((i) => i.map((r) => ("text" in r ? r.text : "")).join("")).join(" / ");
      if (b.type === "table") return b.rows.map((r) => ("cells" in r ? r.cells.map((c) => (typeof c === "string" ? c : c.lines.join(" "))).join(" | ") : r.band)).join("\n");
      return "";
    })
    .join("\n");

describe("buildEvaluation", () => {
  it("lays out process (strategy, governance, partnership), results per fiche and conclusion, with the validation line", () => {
    const model = buildEvaluation(input());
    expect(model.title).toBe("Évaluation du contrat 2021-2023");
    expect(model.note).toBe("Évaluation validée par le Comité de pilotage du 07/12/2023.");
    const headings = model.blocks.filter((b) => b.type === "heading").map((b) => `${(b as { level: number }).level} ${(b as { text: string }).text}`);
    expect(headings.filter((h) => !h.startsWith("3"))).toEqual(["1 Évaluation du processus", "2 Stratégie", "2 Gouvernance", "2 Partenariat", "1 Résultats par fiche action", "2 FA 5 — Mission Accompagnement Santé", "1 Conclusion"]);
    const text = words(model.blocks);
    expect(text).toContain("Des axes pertinents.");
    expect(text).toContain("Comité de pilotage (COPIL) | un par an | 3 | 1");
    expect(text).toContain("0 | 0 | 0 | 1 | 1 | 4,5 | 2");
    expect(text).toContain("Jamais | 1");
    expect(text).toContain("Plus de rencontres.");
    expect(text).toContain("Personnes accompagnées | 0 → 100 | 120 (30/06/2023) | 120 % | Atteint");
    expect(text).toContain("Sur 1 indicateur : 1 atteint, 0 non atteint, 0 non mesuré, 0 sans cible.");
    expect(text).toContain("Fiches sans indicateur : FA 1.");
    expect(text).toContain("Cette partie n'a pas encore été rédigée.");
    expect(model.blocks.at(-1)).toEqual({ type: "paragraph", runs: [{ text: "Évaluation validée par le Comité de pilotage du 07/12/2023.", bold: true }] });
  });

  it("says when the evaluation is not validated, the questionnaire not sent or not answered", () => {
    const draft = buildEvaluation(input({ status: "draft", questionnaireOpenedAt: null, validatedOn: null }, 0));
    expect(draft.note).toContain("non encore validée");
    expect(words(draft.blocks)).toContain("Le questionnaire n'a pas encore été envoyé aux membres.");
    const open = buildEvaluation(input({ status: "questionnaire_open", validatedOn: null }, 0));
    expect(words(open.blocks)).toContain("Aucun membre n'a encore répondu au questionnaire.");
  });
});
