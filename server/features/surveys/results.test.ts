import { describe, expect, it } from "vitest";
import type { QuestionKind, SurveyAnswers, SurveyQuestion } from "../../domain/surveys.js";
import { surveyResults, type AnswerRow, type QuestionResult, type ResultLabels } from "./results.js";

function question(id: string, kind: QuestionKind, label: string, more: Partial<SurveyQuestion> = {}): SurveyQuestion {
  return { id, kind, label, help: "", required: false, options: [], other: false, rankCount: null, scaleMin: 1, scaleMax: 5, minLabel: "", maxLabel: "", showIf: null, ...more };
}
const options = (entries: Record<string, string>) => Object.entries(entries).map(([id, label]) => ({ id, label }));

// The survey of the Rencontres de la Santé (30 June 2021): 17 people rank 5 themes (top 3).
const THEMES = { E: "Éducation à la santé des enfants et des jeunes", A: "Santé des personnes âgées", B: "Bien-être et hygiène de vie", S: "Accès aux soins", M: "Santé mentale" };
const questions: SurveyQuestion[] = [
  question("themes", "ranking", "Classez les trois thèmes les plus importants pour vous", { options: options(THEMES), rankCount: 3 }),
  question("come", "single", "Comment avez-vous connu la journée ?", { options: options({ poster: "Une affiche", word: "Le bouche-à-oreille", partner: "Un partenaire" }), other: true }),
  question("needs", "multiple", "Qu'est-ce qui vous gêne pour vous soigner ?", { options: options({ delays: "Les délais de rendez-vous", transport: "Le transport", cost: "Le coût", doctor: "Pas de médecin traitant" }), other: true }),
  question("trip", "short_text", "Quel trajet vous pose problème ?", { showIf: { questionId: "needs", optionIds: ["transport"] } }),
  question("satisfaction", "scale", "Cette matinée vous a-t-elle été utile ?", { minLabel: "Pas du tout", maxLabel: "Tout à fait" }),
  question("commune", "commune", "Votre commune"),
  question("age", "age_band", "Votre âge"),
  question("remarks", "long_text", "Remarques"),
];
const labels: ResultLabels = {
  communes: new Map([["77288", "Melun"], ["77152", "Dammarie-lès-Lys"], ["77285", "Le Mée-sur-Seine"], ["77394", "Rubelles"]]),
  priorityAreas: new Map([["area-1", "Montaigu"], ["area-2", "Schuman"]]),
};
const COMMUNES: Record<string, string> = { melun: "77288", dammarie: "77152", lemee: "77285" };

type Person = [ranking: string, come: string, needs: string[], satisfaction: number | null, age: string | null, commune: string, extra?: SurveyAnswers];
const people: Person[] = [
  /* 1 */ ["EAB", "poster", ["delays", "transport"], 5, "16-24", "melun", { trip: { text: "Le bus 2 le samedi" } }],
  /* 2 */ ["EAB", "poster", ["delays"], 4, "25-39", "melun", { remarks: { text: "Merci pour cette matinée ; très utile." } }],
  /* 3 */ ["EAB", "word", ["cost"], 4, "25-39", "dammarie"],
  /* 4 */ ["EAB", "partner", ["delays", "doctor"], 3, "40-54", "melun"],
  /* 5 */ ["EAB", "poster", [], 5, null, "lemee"],
  /* 6 */ ["AEB", "partner", ["transport"], 4, "70+", "melun", { trip: { text: "Aller à l'hôpital de Melun" } }],
  /* 7 */ ["AEB", "other", ["delays", "transport", "doctor"], 5, "70+", "dammarie", { come: { choice: "other", otherText: "Le CCAS" } }],
  /* 8 */ ["AEB", "poster", ["delays"], 4, "55-69", "melun"],
  /* 9 */ ["EBS", "word", ["cost", "other"], 3, "16-24", "lemee", { needs: { choices: ["cost", "other"], otherText: "Les dépassements d'honoraires" } }],
  /* 10 */ ["EBS", "poster", ["delays"], 4, "25-39", "melun"],
  /* 11 */ ["BAE", "poster", ["doctor"], 2, "40-54", "melun"],
  /* 12 */ ["BAE", "partner", ["delays", "cost"], 4, null, "dammarie"],
  /* 13 */ ["SEA", "poster", ["delays"], 5, "40-54", "melun"],
  /* 14 */ ["MAB", "word", ["transport", "delays"], 4, "55-69", "melun", { remarks: { text: 'Plus de "permanences" au centre social' } }],
  /* 15 */ ["ABM", "poster", ["delays"], 3, "70+", "dammarie"],
  /* 16 */ ["EMS", "poster", [], null, "25-39", "melun"],
  /* 17 */ ["SBA", "partner", ["doctor"], 4, "40-54", "lemee"],
];
/** Online on the morning of 30 June 2021 (Paris), 13–15 typed from paper later; the last one after midnight in Paris. */
const PAPER_AT: Record<number, string> = { 13: "2021-07-01T08:00:00Z", 14: "2021-07-01T08:05:00Z", 15: "2021-07-02T22:30:00Z" };
const rows: AnswerRow[] = people.map(([ranking, come, needs, satisfaction, age, commune, extra], i) => {
  const answers: SurveyAnswers = {
    themes: { ranking: [...ranking] },
    come: { choice: come },
    commune: { insee: COMMUNES[commune]! },
    ...(needs.length ? { needs: { choices: needs } } : {}),
    ...(satisfaction === null ? {} : { satisfaction: { value: satisfaction } }),
    ...(age ? { age: { ageBand: age } } : {}),
    ...extra,
  };
  const paper = PAPER_AT[i + 1];
  return { answers, source: paper ? "paper" : "online", submittedAt: new Date(paper ?? Date.UTC(2021, 5, 30, 6, 30 + 10 * i)) };
});
// Given in reverse: the results read them in submission order.
const results = surveyResults({ surveyId: "s1", title: "Rencontres de la Santé", questions, rows: [...rows].reverse(), labels, by: "age" });
const resultOf = <K extends QuestionResult["kind"]>(id: string, kind: K) => {
  const r = results.questions.find((q) => q.questionId === id)!;
  expect(r.kind).toBe(kind);
  return r as Extract<QuestionResult, { kind: K }>;
};

describe("surveyResults on the Rencontres de la Santé survey", () => {
  it("counts the answers, online and on paper, and their first and last Paris days", () => {
    expect(results).toMatchObject({ surveyId: "s1", title: "Rencontres de la Santé", total: 17, online: 14, paper: 3, firstAnswerOn: "2021-06-30", lastAnswerOn: "2021-07-03" });
    expect(results.questions.map((q) => [q.questionId, q.kind])).toEqual([
      ["themes", "ranking"],
      ["come", "choice"],
      ["needs", "choice"],
      ["trip", "text"],
      ["satisfaction", "scale"],
      ["commune", "choice"],
      ["age", "choice"],
      ["remarks", "text"],
    ]);
  });

  it("ranks the themes: three priorities come out, by the mean rank over all respondents", () => {
    const themes = resultOf("themes", "ranking");
    expect(themes.respondents).toBe(17);
    expect(themes.options).toEqual([
      { id: "E", label: THEMES.E, meanRank: 1.57, firstChoices: 8, rankedBy: 14, priority: 1 },
      { id: "A", label: THEMES.A, meanRank: 1.86, firstChoices: 4, rankedBy: 14, priority: 2 },
      // Ranked by 15, never first: ahead of « Accès aux soins » and « Santé mentale », whose mean rank
      // among the few who ranked them is better (2.2, 2) but which most people did not rank at all.
      { id: "B", label: THEMES.B, meanRank: 2.47, firstChoices: 2, rankedBy: 15, priority: 3 },
      { id: "S", label: THEMES.S, meanRank: 2.2, firstChoices: 2, rankedBy: 5, priority: 4 },
      { id: "M", label: THEMES.M, meanRank: 2, firstChoices: 1, rankedBy: 3, priority: 5 },
    ]);
  });

  it("gives one row per option of a single choice, « Autre » last with its texts", () => {
    const come = resultOf("come", "choice");
    expect(come.respondents).toBe(17);
    expect(come.options).toEqual([
      { id: "poster", label: "Une affiche", count: 9, percent: 52.9 },
      { id: "word", label: "Le bouche-à-oreille", count: 3, percent: 17.6 },
      { id: "partner", label: "Un partenaire", count: 4, percent: 23.5 },
      { id: "other", label: "Autre", count: 1, percent: 5.9 },
    ]);
    expect(come.otherTexts).toEqual(["Le CCAS"]);
  });

  it("gives one row per option of a multiple choice, never per combination: shares add up past 100 %", () => {
    const needs = resultOf("needs", "choice");
    expect(needs.respondents).toBe(15);
    expect(needs.options.map((o) => [o.id, o.count, o.percent])).toEqual([
      ["delays", 10, 66.7],
      ["transport", 4, 26.7],
      ["cost", 3, 20],
      ["doctor", 4, 26.7],
      ["other", 1, 6.7],
    ]);
    expect(needs.options.reduce((s, o) => s + o.percent, 0)).toBeGreaterThan(100);
    expect(needs.otherTexts).toEqual(["Les dépassements d'honoraires"]);
  });

  it("lists the texts of a conditional question and of a long text, in submission order", () => {
    expect(resultOf("trip", "text")).toEqual({ kind: "text", questionId: "trip", questionKind: "short_text", label: "Quel trajet vous pose problème ?", respondents: 2, texts: ["Le bus 2 le samedi", "Aller à l'hôpital de Melun"] });
    expect(resultOf("remarks", "text").texts).toEqual(["Merci pour cette matinée ; très utile.", 'Plus de "permanences" au centre social']);
  });

  it("gives the scale's distribution over every value, its mean and median", () => {
    const satisfaction = resultOf("satisfaction", "scale");
    expect(satisfaction).toMatchObject({ respondents: 16, mean: 3.94, median: 4, minLabel: "Pas du tout", maxLabel: "Tout à fait" });
    expect(satisfaction.distribution).toEqual([
      { value: 1, count: 0, percent: 0 },
      { value: 2, count: 1, percent: 6.3 },
      { value: 3, count: 3, percent: 18.8 },
      { value: 4, count: 8, percent: 50 },
      { value: 5, count: 4, percent: 25 },
    ]);
  });

  it("lists every commune of the contract and every age band, in their order", () => {
    expect(resultOf("commune", "choice").options.map((o) => [o.label, o.count])).toEqual([
      ["Melun", 10],
      ["Dammarie-lès-Lys", 4],
      ["Le Mée-sur-Seine", 3],
      ["Rubelles", 0],
    ]);
    const age = resultOf("age", "choice");
    expect(age.respondents).toBe(15);
    expect(age.options.map((o) => [o.id, o.label, o.count])).toEqual([
      ["16-24", "16 à 24 ans", 2],
      ["25-39", "25 à 39 ans", 4],
      ["40-54", "40 à 54 ans", 4],
      ["55-69", "55 à 69 ans", 2],
      ["70+", "70 ans et plus", 3],
    ]);
  });

  it("offers the profile questions and splits every choice, ranking and scale question by age band", () => {
    expect(results.profiles).toEqual([
      { id: "commune", label: "Votre commune", kind: "commune" },
      { id: "age", label: "Votre âge", kind: "age_band" },
    ]);
    expect(results.by).toEqual({ id: "age", label: "Votre âge" });
    expect(results.crossTabs.map((t) => t.questionId)).toEqual(["themes", "come", "needs", "satisfaction", "commune"]);
    const table = (id: string) => results.crossTabs.find((t) => t.questionId === id)!;

    const satisfaction = table("satisfaction");
    expect(satisfaction.columns.map((c) => c.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(satisfaction.rows).toEqual([
      { id: "16-24", label: "16 à 24 ans", respondents: 2, counts: [0, 0, 1, 0, 1] },
      { id: "25-39", label: "25 à 39 ans", respondents: 3, counts: [0, 0, 0, 3, 0] },
      { id: "40-54", label: "40 à 54 ans", respondents: 4, counts: [0, 1, 1, 1, 1] },
      { id: "55-69", label: "55 à 69 ans", respondents: 2, counts: [0, 0, 0, 2, 0] },
      { id: "70+", label: "70 ans et plus", respondents: 3, counts: [0, 0, 1, 1, 1] },
      { id: "__none", label: "Sans réponse", respondents: 2, counts: [0, 0, 0, 1, 1] },
    ]);

    // Ranking: first choices, columns in the question's order.
    const themes = table("themes");
    expect(themes.columns.map((c) => c.id)).toEqual(["E", "A", "B", "S", "M"]);
    expect(themes.rows.map((r) => [r.id, r.respondents, r.counts])).toEqual([
      ["16-24", 2, [2, 0, 0, 0, 0]],
      ["25-39", 4, [4, 0, 0, 0, 0]],
      ["40-54", 4, [1, 0, 1, 2, 0]],
      ["55-69", 2, [0, 1, 0, 0, 1]],
      ["70+", 3, [0, 3, 0, 0, 0]],
      ["__none", 2, [1, 0, 1, 0, 0]],
    ]);

    // Multiple choice: « Autre » is a column; a person counts in each option picked, and only if they answered.
    const needs = table("needs");
    expect(needs.columns.map((c) => c.label)).toEqual(["Les délais de rendez-vous", "Le transport", "Le coût", "Pas de médecin traitant", "Autre"]);
    expect(needs.rows.find((r) => r.id === "70+")).toMatchObject({ respondents: 3, counts: [2, 2, 0, 1, 0] });
    expect(needs.rows.find((r) => r.id === "16-24")).toMatchObject({ respondents: 2, counts: [1, 1, 1, 0, 1] });
    expect(needs.rows.find((r) => r.id === "__none")).toMatchObject({ respondents: 1, counts: [1, 0, 1, 0, 0] });
  });
});

describe("surveyResults, other cases", () => {
  const at = (minute: number) => new Date(Date.UTC(2021, 5, 30, 8, minute));
  const row = (answers: SurveyAnswers, minute = 0): AnswerRow => ({ answers, source: "online", submittedAt: at(minute) });
  const ranking = question("r", "ranking", "Classement", { options: options({ a: "A", b: "B", c: "C" }), rankCount: 2 });

  it("breaks a tie of scores by first choices, then by the question's order", () => {
    // Unranked counts as 3: a = 2 + 2, b = 1 + 3, c = 3 + 1: all 4; b and c were put first once, a never.
    const r = surveyResults({ surveyId: "s", title: "t", questions: [ranking], rows: [row({ r: { ranking: ["b", "a"] } }), row({ r: { ranking: ["c", "a"] } })], labels });
    const result = r.questions[0] as Extract<QuestionResult, { kind: "ranking" }>;
    expect(result.options.map((o) => [o.id, o.priority, o.meanRank, o.firstChoices, o.rankedBy])).toEqual([
      ["b", 1, 1, 1, 1],
      ["c", 2, 1, 1, 1],
      ["a", 3, 2, 0, 2],
    ]);
  });

  it("reads no answer as zeros and nulls", () => {
    const scale = question("n", "scale", "Note", { scaleMin: 0, scaleMax: 3 });
    const choice = question("c", "single", "Choix", { options: options({ x: "X", y: "Y" }) });
    const r = surveyResults({ surveyId: "s", title: "t", questions: [ranking, scale, choice], rows: [], labels });
    expect(r).toMatchObject({ total: 0, online: 0, paper: 0, firstAnswerOn: null, lastAnswerOn: null, crossTabs: [], by: null, profiles: [] });
    expect(r.questions[0]).toMatchObject({ respondents: 0, options: [{ id: "a", meanRank: null, priority: 1 }, { id: "b", meanRank: null, priority: 2 }, { id: "c", meanRank: null, priority: 3 }] });
    expect(r.questions[1]).toMatchObject({ respondents: 0, mean: null, median: null, distribution: [0, 1, 2, 3].map((value) => ({ value, count: 0, percent: 0 })) });
    expect(r.questions[2]).toMatchObject({ respondents: 0, options: [{ count: 0, percent: 0 }, { count: 0, percent: 0 }] });
  });

  it("takes the median of an even count as the mean of the two middle values", () => {
    const scale = question("n", "scale", "Note");
    const r = surveyResults({ surveyId: "s", title: "t", questions: [scale], rows: [1, 2, 4, 5].map((value) => row({ n: { value } })), labels });
    expect(r.questions[0]).toMatchObject({ mean: 3, median: 3 });
  });

  it("lists the priority areas, then « Aucun quartier prioritaire » and « Ne sait pas »; splits without « Sans réponse » when all answered", () => {
    const qpv = question("q", "qpv", "Votre quartier");
    const choice = question("c", "single", "Choix", { options: options({ x: "X", y: "Y" }) });
    const rs = [row({ q: { qpv: "area-2" }, c: { choice: "x" } }), row({ q: { qpv: "none" }, c: { choice: "y" } }), row({ q: { qpv: "unknown" } })];
    const r = surveyResults({ surveyId: "s", title: "t", questions: [qpv, choice], rows: rs, labels, by: "q" });
    expect(r.questions[0]).toMatchObject({ kind: "choice", questionKind: "qpv", respondents: 3 });
    expect((r.questions[0] as Extract<QuestionResult, { kind: "choice" }>).options.map((o) => [o.id, o.label, o.count])).toEqual([
      ["area-1", "Montaigu", 0],
      ["area-2", "Schuman", 1],
      ["none", "Aucun quartier prioritaire", 1],
      ["unknown", "Ne sait pas", 1],
    ]);
    expect(r.crossTabs).toEqual([
      {
        questionId: "c",
        label: "Choix",
        columns: [{ id: "x", label: "X" }, { id: "y", label: "Y" }],
        rows: [
          { id: "area-1", label: "Montaigu", respondents: 0, counts: [0, 0] },
          { id: "area-2", label: "Schuman", respondents: 1, counts: [1, 0] },
          { id: "none", label: "Aucun quartier prioritaire", respondents: 1, counts: [0, 1] },
          { id: "unknown", label: "Ne sait pas", respondents: 0, counts: [0, 0] },
        ],
      },
    ]);
  });

  it("does not split by an unknown or non-profile question", () => {
    expect(surveyResults({ surveyId: "s", title: "t", questions, rows, labels, by: "come" })).toMatchObject({ by: null, crossTabs: [] });
    expect(surveyResults({ surveyId: "s", title: "t", questions, rows, labels, by: "zzz" })).toMatchObject({ by: null, crossTabs: [] });
    expect(surveyResults({ surveyId: "s", title: "t", questions, rows, labels })).toMatchObject({ by: null, crossTabs: [] });
  });

  it("keeps a commune no longer in the contract as a row of its own", () => {
    const commune = question("m", "commune", "Commune");
    const r = surveyResults({ surveyId: "s", title: "t", questions: [commune], rows: [row({ m: { insee: "77001" } }), row({ m: { insee: "77288" } })], labels });
    expect((r.questions[0] as Extract<QuestionResult, { kind: "choice" }>).options.map((o) => [o.label, o.count, o.percent])).toEqual([
      ["Melun", 1, 50],
      ["Dammarie-lès-Lys", 0, 0],
      ["Le Mée-sur-Seine", 0, 0],
      ["Rubelles", 0, 0],
      ["Commune 77001 (hors du territoire)", 1, 50],
    ]);
  });
});
