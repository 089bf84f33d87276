/**
 * A survey's results in a few French sentences, for a fiche's follow-up and the reviews:
 * how many people answered, the priorities they ranked, the answer most chosen to each
 * single-choice question, the mean of each scale.
 */
import { frenchNumber, longDay, plural } from "../../domain/dates.js";
import type { ResultsOut } from "./schema-out.js";

type QuestionResult = ResultsOut["questions"][number];

/** How many priorities a ranking's highlight names. */
const TOP = 3;

const people = (n: number) => (n === 1 ? "une personne" : plural(n, "personne"));
const paperAnswers = (n: number) => (n === 1 ? "une réponse" : plural(n, "réponse"));
const percent = (n: number) => `${frenchNumber(Math.round(n))} %`;

function highlight(q: QuestionResult): string | null {
  if (!q.respondents) return null;
  switch (q.kind) {
    case "ranking": {
      const top = q.options.filter((o) => o.rankedBy > 0).slice(0, TOP);
      return top.length ? `Priorités exprimées (« ${q.label} ») : ${top.map((o) => `${o.priority}. ${o.label}`).join(", ")}.` : null;
    }
    case "choice": {
      if (q.questionKind !== "single") return null;
      const most = Math.max(...q.options.map((o) => o.count));
      if (most <= 0) return null;
      const first = q.options.filter((o) => o.count === most);
      const names = first.map((o) => o.label);
      const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} et ${names.at(-1)}` : names[0];
      return `${percent(first[0]!.percent)}${names.length > 1 ? " chacun" : ""} : ${list} (« ${q.label} »).`;
    }
    case "scale":
      return q.mean === null ? null : `Note moyenne (« ${q.label} ») : ${frenchNumber(Math.round(q.mean * 10) / 10)} sur ${frenchNumber(q.distribution.at(-1)?.value ?? 0)}.`;
    default:
      return null;
  }
}

/**
 * « Le sondage a été complété par 17 personnes (dont 3 réponses sur papier). », then one
 * highlight per ranking (its first three priorities), single choice (the option most chosen,
 * with its share of respondents) and scale (its mean). With no answer yet, the summary says
 * when the survey closes (`closesOn`, "YYYY-MM-DD") and there is no highlight.
 */
export function surveySummary(results: ResultsOut, closesOn: string): { summary: string; highlights: string[] } {
  if (results.total === 0) return { summary: `Le sondage n'a encore reçu aucune réponse (clôture le ${longDay(closesOn)}).`, highlights: [] };
  const paper = results.paper === 0 ? "" : results.paper === results.total ? ", sur papier" : ` (dont ${paperAnswers(results.paper)} sur papier)`;
  return {
    summary: `Le sondage a été complété par ${people(results.total)}${paper}.`,
    highlights: results.questions.map(highlight).filter((h): h is string => h !== null),
  };
}
