/**
 * Pure functions of the evaluation: the members' answers aggregated per question
 * (anonymously), and each fiche's results against its indicators.
 */
import { progressTowardsTarget } from "../followup/rules.js";
import type { EvaluationAnswer, EvaluationQuestion } from "../../domain/evaluation.js";
import type { ReportIndicator } from "../annual-report/input.js";

export interface QuestionResult {
  question: EvaluationQuestion;
  /** People who answered this question. */
  n: number;
  /** Scale: the mean (null without answers) and the count of each value 1–5. */
  mean?: number | null;
  counts?: [number, number, number, number, number];
  /** Choice: the count of each choice, in the question's order. */
  choices?: { choice: string; count: number }[];
  /** Text: the answers, sorted so that their order tells nothing of who wrote them. */
  texts?: string[];
}

/** Answers that no longer fit their question (changed since) are left out. */
export function aggregateAnswers(questions: EvaluationQuestion[], responses: { answers: EvaluationAnswer[] }[]): QuestionResult[] {
  return questions.map((question) => {
    const values = responses.flatMap((r) => r.answers.filter((a) => a.questionId === question.id).slice(0, 1).map((a) => a.value));
    if (question.kind === "scale") {
      const scores = values.filter((v): v is number => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5);
      const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const s of scores) counts[(s - 1) as 0] += 1;
      const mean = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null;
      return { question, n: scores.length, mean, counts };
    }
    if (question.kind === "choice") {
      const chosen = values.filter((v): v is string => typeof v === "string" && (question.choices ?? []).includes(v));
      return { question, n: chosen.length, choices: (question.choices ?? []).map((choice) => ({ choice, count: chosen.filter((c) => c === choice).length })) };
    }
    const texts = values
      .filter((v): v is string => typeof v === "string" && v.trim() !== "")
      .map((v) => v.trim())
      .sort((a, b) => a.localeCompare(b, "fr"));
    return { question, n: texts.length, texts };
  });
}

export type Verdict = "reached" | "not_reached" | "not_measured" | "no_target";
export const VERDICTS: Record<Verdict, string> = { reached: "Atteint", not_reached: "Non atteint", not_measured: "Non mesuré", no_target: "Sans cible" };

/** An indicator as the annual report reads it. */
export type IndicatorFacts = ReportIndicator;

export interface IndicatorResult {
  indicator: IndicatorFacts;
  latest: { value: number; measuredOn: string } | null;
  /** Share of the way from baseline to target (1 = reached). */
  progress: number | null;
  verdict: Verdict;
}

/** Reached when the last measurement went all the way from the baseline to the target (either direction). */
export function indicatorResult(indicator: IndicatorFacts, measurements: { measuredOn: string; value: number }[]): IndicatorResult {
  const latest = [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)).at(-1) ?? null;
  const progress = progressTowardsTarget(latest?.value ?? null, indicator.baseline, indicator.target);
  let verdict: Verdict;
  if (!latest) verdict = "not_measured";
  else if (indicator.target === null) verdict = "no_target";
  else if (progress === null) verdict = latest.value === indicator.target ? "reached" : "not_reached";
  else verdict = progress >= 1 ? "reached" : "not_reached";
  return { indicator, latest: latest && { value: latest.value, measuredOn: latest.measuredOn }, progress, verdict };
}

export interface FicheResult {
  fiche: { id: string; number: number; title: string };
  indicators: IndicatorResult[];
}

/** Fiches in number order, each with its indicators in order and their verdicts. */
export function ficheResults(
  fiches: { id: string; number: number; title: string }[],
  indicators: IndicatorFacts[],
  measurements: { indicatorId: string; measuredOn: string; value: number }[],
): FicheResult[] {
  return [...fiches]
    .sort((a, b) => a.number - b.number)
    .map((f) => ({
      fiche: { id: f.id, number: f.number, title: f.title },
      indicators: indicators
        .filter((i) => i.actionId === f.id)
        .sort((a, b) => a.position - b.position)
        .map((i) => indicatorResult(i, measurements.filter((m) => m.indicatorId === i.id))),
    }));
}

/** How many indicators got each verdict. */
export function verdictCounts(results: FicheResult[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { reached: 0, not_reached: 0, not_measured: 0, no_target: 0 };
  for (const r of results) for (const i of r.indicators) counts[i.verdict] += 1;
  return counts;
}
