import { describe, expect, it } from "vitest";
import type { QuestionKind, SurveyAnswers, SurveyQuestion } from "../../domain/surveys.js";
import { surveyResults, type AnswerRow } from "./results.js";
import type { ResultsOut } from "./schema-out.js";
import { surveySummary } from "./summary.js";

function question(id: string, kind: QuestionKind, label: string, more: Partial<SurveyQuestion> = {}): SurveyQuestion {
  return { id, kind, label, help: "", required: false, options: [], other: false, rankCount: null, scaleMin: 1, scaleMax: 5, minLabel: "", maxLabel: "", showIf: null, ...more };
}
const options = (entries: Record<string, string>) => Object.entries(entries).map(([id, label]) => ({ id, label }));

const questions: SurveyQuestion[] = [
  question("themes", "ranking", "Thèmes prioritaires", {
    rankCount: 3,
    options: options({ E: "Éducation à la santé des enfants et des jeunes", A: "Santé des personnes âgées", B: "Bien-être et hygiène de vie", S: "Accès aux soins", M: "Santé mentale" }),
  }),
  question("come", "single", "Comment avez-vous connu la journée ?", { options: options({ poster: "Une affiche", word: "Le bouche-à-oreille" }), other: true }),
  question("needs", "multiple", "Difficultés", { options: options({ delays: "Délais", cost: "Coût" }) }),
  question("useful", "scale", "Utilité de la matinée"),
  question("age", "age_band", "Votre âge"),
  question("remarks", "long_text", "Remarques"),
];
const labels = { communes: new Map<string, string>(), priorityAreas: new Map<string, string>() };

/** `n` people: rankings cycle so that E, A, B lead; 7 of 17 saw a poster; usefulness 4, 4, 3, 4, 4, … */
function resultsFor(n: number, paper = 0): ResultsOut {
  const rankings = ["EAB", "EAB", "AEB", "EBS", "BAE", "EAB", "AEM", "SEA", "EAB", "ABE", "MAB", "EAB", "AEB", "EBA", "BEA", "EAS", "ABS"];
  const rows: AnswerRow[] = Array.from({ length: n }, (_, i) => {
    const answers: SurveyAnswers = {
      themes: { ranking: [...rankings[i % rankings.length]!] },
      come: i < 7 ? { choice: "poster" } : i < 12 ? { choice: "word" } : { choice: "other", otherText: "Le CCAS" },
      needs: { choices: ["delays", "cost"] },
      useful: { value: i % 5 === 2 ? 3 : 4 },
    };
    return { answers, source: i < paper ? "paper" : "online", submittedAt: new Date(Date.UTC(2021, 5, 30, 7, i)) };
  });
  return surveyResults({ surveyId: "s", title: "Rencontres de la Santé", questions, rows, labels });
}

describe("surveySummary", () => {
  it("says how many people answered, with the paper answers, and the three priorities", () => {
    const { summary, highlights } = surveySummary(resultsFor(17, 3), "2021-06-30");
    expect(summary).toBe("Le sondage a été complété par 17 personnes (dont 3 réponses sur papier).");
    expect(highlights).toEqual([
      "Priorités exprimées (« Thèmes prioritaires ») : 1. Éducation à la santé des enfants et des jeunes, 2. Santé des personnes âgées, 3. Bien-être et hygiène de vie.",
      // 7 of 17 = 41.2 %: the share shown whole, in French.
      "41 % : Une affiche (« Comment avez-vous connu la journée ? »).",
      // (14 × 4 + 3 × 3) / 17 = 3.82… → 3,8.
      "Note moyenne (« Utilité de la matinée ») : 3,8 sur 5.",
    ]);
  });

  it("writes one person and one paper answer in the singular, and leaves out the paper part without paper", () => {
    expect(surveySummary(resultsFor(1), "2021-06-30").summary).toBe("Le sondage a été complété par une personne.");
    expect(surveySummary(resultsFor(2, 1), "2021-06-30").summary).toBe("Le sondage a été complété par 2 personnes (dont une réponse sur papier).");
    expect(surveySummary(resultsFor(2), "2021-06-30").summary).toBe("Le sondage a été complété par 2 personnes.");
    // All on paper: said once, not « 2 personnes (dont 2 réponses sur papier) ».
    expect(surveySummary(resultsFor(2, 2), "2021-06-30").summary).toBe("Le sondage a été complété par 2 personnes, sur papier.");
  });

  it("with no answer, says so with the closing day and highlights nothing", () => {
    expect(surveySummary(resultsFor(0), "2021-07-01")).toEqual({ summary: "Le sondage n'a encore reçu aucune réponse (clôture le 1er juillet 2021).", highlights: [] });
  });

  it("names the options tied at the top of a single choice", () => {
    const results = resultsFor(14); // 7 posters, 5 words, 2 others
    const come = results.questions.find((q) => q.questionId === "come")!;
    if (come.kind !== "choice") throw new Error("choice expected");
    come.options[1]!.count = 7;
    expect(surveySummary(results, "2021-06-30").highlights[1]).toBe("50 % chacun : Une affiche et Le bouche-à-oreille (« Comment avez-vous connu la journée ? »).");
  });

  it("names fewer priorities when fewer options were ranked, and skips questions nobody answered", () => {
    const results = resultsFor(1);
    // One person ranked E, A, B: only those three, even though all five options have a priority.
    expect(surveySummary(results, "2021-06-30").highlights[0]).toBe(
      "Priorités exprimées (« Thèmes prioritaires ») : 1. Éducation à la santé des enfants et des jeunes, 2. Santé des personnes âgées, 3. Bien-être et hygiène de vie.",
    );
    const withTwoRanked = structuredClone(results);
    const themes = withTwoRanked.questions[0]!;
    if (themes.kind !== "ranking") throw new Error("ranking expected");
    themes.options[2]!.rankedBy = 0;
    expect(surveySummary(withTwoRanked, "2021-06-30").highlights[0]).toBe("Priorités exprimées (« Thèmes prioritaires ») : 1. Éducation à la santé des enfants et des jeunes, 2. Santé des personnes âgées.");
    const unanswered = structuredClone(results);
    unanswered.questions.forEach((q) => (q.respondents = 0));
    expect(surveySummary(unanswered, "2021-06-30").highlights).toEqual([]);
  });
});
