/**
 * A survey's results from its stored answers: per question the counts and shares, the
 * ranked priorities, the scale's distribution or the texts; the respondents' profiles
 * (commune, QPV, age band) and, on demand, every question split by one of them. Pure and
 * deterministic: answers are read in submission order, options in the question's order.
 */
import { parisDay } from "../../domain/dates.js";
import { AGE_BANDS, QPV_NONE, QPV_UNKNOWN } from "../../domain/participation.js";
import { OTHER_OPTION, PROFILE_KINDS, type AnswerSource, type QuestionAnswer, type SurveyAnswers, type SurveyQuestion } from "../../domain/surveys.js";
import type { ResultsOut } from "./schema-out.js";

export interface AnswerRow {
  answers: SurveyAnswers;
  source: AnswerSource;
  submittedAt: Date;
}

/** Names of the contract's communes (by INSEE code) and priority areas (by id), in the contract's order. */
export interface ResultLabels {
  communes: ReadonlyMap<string, string>;
  priorityAreas: ReadonlyMap<string, string>;
}

export type QuestionResult = ResultsOut["questions"][number];
export type CrossTab = ResultsOut["crossTabs"][number];
export interface Column {
  id: string;
  label: string;
}

export const OTHER_LABEL = "Autre";
export const QPV_LABELS: Record<string, string> = { [QPV_NONE]: "Aucun quartier prioritaire", [QPV_UNKNOWN]: "Ne sait pas" };
/** The cross-tab row of respondents who did not answer the profile question (no profile value can be "__none"). */
export const NO_ANSWER_ROW: Column = { id: "__none", label: "Sans réponse" };

/** Kinds whose answer picks among a list (options, communes, areas, bands): their results have `kind: "choice"`. */
const CHOICE_RESULT_KINDS = new Set(["single", "multiple", "commune", "qpv", "age_band"]);

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
export const percentOf = (count: number, respondents: number): number => (respondents ? round1((count / respondents) * 100) : 0);

/** The rows in submission order (equal instants keep their order). */
export function inSubmissionOrder(rows: readonly AnswerRow[]): AnswerRow[] {
  return rows.map((row, i) => ({ row, i })).sort((a, b) => a.row.submittedAt.getTime() - b.row.submittedAt.getTime() || a.i - b.i).map((x) => x.row);
}

/** The values a choice-like answer picks (single, multiple, commune, qpv, age band), without duplicates; [] when none. */
export function pickedValues(q: SurveyQuestion, answer: QuestionAnswer | undefined): string[] {
  if (!answer) return [];
  const values = (() => {
    switch (q.kind) {
      case "single":
        return [answer.choice];
      case "multiple":
        return answer.choices ?? [];
      case "commune":
        return [answer.insee];
      case "qpv":
        return [answer.qpv];
      case "age_band":
        return [answer.ageBand];
      default:
        return [];
    }
  })();
  return [...new Set(values.filter((v): v is string => typeof v === "string" && v !== ""))];
}

/** A ranking's options of the question, first = most important (unknown ids and repeats left out). */
export function rankingOf(q: SurveyQuestion, answer: QuestionAnswer | undefined): string[] {
  const known = new Set(q.options.map((o) => o.id));
  return [...new Set(answer?.ranking ?? [])].filter((id) => known.has(id));
}

/** A scale answer's value, when within the scale. */
export function scaleValueOf(q: SurveyQuestion, answer: QuestionAnswer | undefined): number | null {
  const v = answer?.value;
  return typeof v === "number" && Number.isInteger(v) && v >= q.scaleMin && v <= q.scaleMax ? v : null;
}

/** A text answer, trimmed, or null when blank. */
export const textOf = (answer: QuestionAnswer | undefined): string | null => answer?.text?.trim() || null;

/** The label of a value no longer listed (an option, commune or area removed after answers). */
function unlistedLabel(q: SurveyQuestion, value: string): string {
  if (q.kind === "commune") return `Commune ${value} (hors du territoire)`;
  if (q.kind === "qpv") return "Quartier retiré du contrat";
  return `Choix retiré (${value})`;
}

/**
 * The columns of a choice-like question, in order: its options then « Autre » when offered;
 * every commune or priority area of the contract (then « Aucun quartier prioritaire », « Ne sait
 * pas »); the age bands. Values answered but no longer listed follow, by id.
 */
export function choiceColumns(q: SurveyQuestion, labels: ResultLabels, rows: readonly AnswerRow[]): Column[] {
  const listed: Column[] = (() => {
    const entries = (map: ReadonlyMap<string, string> | Record<string, string>) => (map instanceof Map ? [...map] : Object.entries(map)).map(([id, label]) => ({ id, label }));
    switch (q.kind) {
      case "commune":
        return entries(labels.communes);
      case "qpv":
        return [...entries(labels.priorityAreas), ...entries(QPV_LABELS)];
      case "age_band":
        return entries(AGE_BANDS);
      default:
        return [...q.options.map((o) => ({ id: o.id, label: o.label })), ...(q.other ? [{ id: OTHER_OPTION, label: OTHER_LABEL }] : [])];
    }
  })();
  const ids = new Set(listed.map((c) => c.id));
  const unlisted = new Set<string>();
  for (const row of rows) for (const v of pickedValues(q, row.answers[q.id])) if (!ids.has(v)) unlisted.add(v);
  return [...listed, ...[...unlisted].sort().map((id) => ({ id, label: unlistedLabel(q, id) }))];
}

/** What a question counts: its columns, and the columns one answer falls in ([] when it has no answer). */
interface Tally {
  columns: Column[];
  hits: (answer: QuestionAnswer | undefined) => string[];
}

/** Choice-like questions: the values picked; ranking: the first choice; scale: the value. Texts count nothing. */
function tallyOf(q: SurveyQuestion, labels: ResultLabels, rows: readonly AnswerRow[]): Tally | null {
  if (CHOICE_RESULT_KINDS.has(q.kind)) return { columns: choiceColumns(q, labels, rows), hits: (a) => pickedValues(q, a) };
  if (q.kind === "ranking") return { columns: q.options.map((o) => ({ id: o.id, label: o.label })), hits: (a) => rankingOf(q, a).slice(0, 1) };
  if (q.kind === "scale") {
    const columns = Array.from({ length: Math.max(0, q.scaleMax - q.scaleMin + 1) }, (_, i) => String(q.scaleMin + i)).map((v) => ({ id: v, label: v }));
    return { columns, hits: (a) => (scaleValueOf(q, a) === null ? [] : [String(scaleValueOf(q, a))]) };
  }
  return null;
}

function choiceResult(q: SurveyQuestion, rows: readonly AnswerRow[], labels: ResultLabels): QuestionResult {
  const { columns, hits } = tallyOf(q, labels, rows)!;
  const counts = new Map(columns.map((c) => [c.id, 0]));
  const otherTexts: string[] = [];
  let respondents = 0;
  for (const row of rows) {
    const answer = row.answers[q.id];
    const picked = hits(answer);
    if (!picked.length) continue;
    respondents++;
    for (const id of picked) counts.set(id, (counts.get(id) ?? 0) + 1);
    const other = answer?.otherText?.trim();
    if (picked.includes(OTHER_OPTION) && other && (q.kind === "single" || q.kind === "multiple")) otherTexts.push(other);
  }
  const options = columns.map((c) => ({ id: c.id, label: c.label, count: counts.get(c.id)!, percent: percentOf(counts.get(c.id)!, respondents) }));
  return { kind: "choice", questionId: q.id, questionKind: q.kind, label: q.label, respondents, options, otherTexts };
}

/**
 * Ranked priorities. Order: by the mean over all the question's respondents of the rank each
 * gave the option, an option a respondent did not rank counting as (the number of options that
 * respondent ranked + 1) — lower is better; ties go to the option put first more often, then to
 * the question's order. `meanRank` is the mean among those who ranked the option (null if none).
 */
function rankingResult(q: SurveyQuestion, rows: readonly AnswerRow[]): QuestionResult {
  const rankings = rows.map((r) => rankingOf(q, r.answers[q.id])).filter((r) => r.length > 0);
  const stats = q.options.map((o, index) => {
    let score = 0; // sum over respondents (same count for every option: compared as is, exactly)
    let rankSum = 0;
    let rankedBy = 0;
    let firstChoices = 0;
    for (const ranking of rankings) {
      const position = ranking.indexOf(o.id);
      score += position < 0 ? ranking.length + 1 : position + 1;
      if (position < 0) continue;
      rankSum += position + 1;
      rankedBy++;
      if (position === 0) firstChoices++;
    }
    return { o, index, score, meanRank: rankedBy ? round2(rankSum / rankedBy) : null, rankedBy, firstChoices };
  });
  stats.sort((a, b) => a.score - b.score || b.firstChoices - a.firstChoices || a.index - b.index);
  return {
    kind: "ranking",
    questionId: q.id,
    questionKind: "ranking",
    label: q.label,
    respondents: rankings.length,
    options: stats.map((s, i) => ({ id: s.o.id, label: s.o.label, meanRank: s.meanRank, firstChoices: s.firstChoices, rankedBy: s.rankedBy, priority: i + 1 })),
  };
}

function scaleResult(q: SurveyQuestion, rows: readonly AnswerRow[]): QuestionResult {
  const values = rows.map((r) => scaleValueOf(q, r.answers[q.id])).filter((v): v is number => v !== null);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = !sorted.length ? null : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const distribution = Array.from({ length: Math.max(0, q.scaleMax - q.scaleMin + 1) }, (_, i) => {
    const value = q.scaleMin + i;
    const count = values.filter((v) => v === value).length;
    return { value, count, percent: percentOf(count, values.length) };
  });
  const mean = values.length ? round2(values.reduce((s, v) => s + v, 0) / values.length) : null;
  return { kind: "scale", questionId: q.id, questionKind: "scale", label: q.label, respondents: values.length, minLabel: q.minLabel, maxLabel: q.maxLabel, distribution, mean, median };
}

function textResult(q: SurveyQuestion, rows: readonly AnswerRow[]): QuestionResult {
  const texts = rows.map((r) => textOf(r.answers[q.id])).filter((t): t is string => t !== null);
  return { kind: "text", questionId: q.id, questionKind: q.kind, label: q.label, respondents: texts.length, texts };
}

export function questionResult(q: SurveyQuestion, rows: readonly AnswerRow[], labels: ResultLabels): QuestionResult {
  if (q.kind === "ranking") return rankingResult(q, rows);
  if (q.kind === "scale") return scaleResult(q, rows);
  if (CHOICE_RESULT_KINDS.has(q.kind)) return choiceResult(q, rows, labels);
  return textResult(q, rows);
}

/**
 * Every choice, ranking and scale question but `by`, split by the groups of the profile
 * question `by` (its choice result's options, in order), then « Sans réponse » when some
 * respondent did not answer `by`. Choice: a column per option (a person picking several counts
 * in each); ranking: first choices per option; scale: a column per value. A row's `respondents`
 * are the people of the group who answered the question.
 */
export function crossTabs(questions: readonly SurveyQuestion[], rows: readonly AnswerRow[], by: SurveyQuestion, labels: ResultLabels): CrossTab[] {
  const groupOf = (row: AnswerRow) => pickedValues(by, row.answers[by.id])[0] ?? NO_ANSWER_ROW.id;
  const groups = [...choiceColumns(by, labels, rows), ...(rows.some((r) => groupOf(r) === NO_ANSWER_ROW.id) ? [NO_ANSWER_ROW] : [])];
  const members = new Map<string, AnswerRow[]>(groups.map((g) => [g.id, []]));
  for (const row of rows) members.get(groupOf(row))!.push(row);
  const tables: CrossTab[] = [];
  for (const q of questions) {
    const tally = q.id === by.id ? null : tallyOf(q, labels, rows);
    if (!tally) continue;
    const tableRows = groups.map((g) => {
      const counts = new Map(tally.columns.map((c) => [c.id, 0]));
      let respondents = 0;
      for (const row of members.get(g.id)!) {
        const hits = tally.hits(row.answers[q.id]);
        if (hits.length) respondents++;
        for (const id of hits) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return { id: g.id, label: g.label, respondents, counts: tally.columns.map((c) => counts.get(c.id)!) };
    });
    tables.push({ questionId: q.id, label: q.label, columns: tally.columns, rows: tableRows });
  }
  return tables;
}

export function surveyResults(input: { surveyId: string; title: string; questions: readonly SurveyQuestion[]; rows: readonly AnswerRow[]; labels: ResultLabels; by?: string | null }): ResultsOut {
  const { questions, labels } = input;
  const rows = inSubmissionOrder(input.rows);
  const profiles = questions.filter((q) => PROFILE_KINDS.includes(q.kind));
  const by = profiles.find((q) => q.id === input.by) ?? null;
  return {
    surveyId: input.surveyId,
    title: input.title,
    total: rows.length,
    online: rows.filter((r) => r.source === "online").length,
    paper: rows.filter((r) => r.source === "paper").length,
    firstAnswerOn: rows.length ? parisDay(rows[0]!.submittedAt) : null,
    lastAnswerOn: rows.length ? parisDay(rows[rows.length - 1]!.submittedAt) : null,
    questions: questions.map((q) => questionResult(q, rows, labels)),
    profiles: profiles.map((q) => ({ id: q.id, label: q.label, kind: q.kind })),
    by: by ? { id: by.id, label: by.label } : null,
    crossTabs: by ? crossTabs(questions, rows, by, labels) : [],
  };
}
