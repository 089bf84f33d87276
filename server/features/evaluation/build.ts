/**
 * The evaluation document (pure): the process — strategy, governance (held vs
 * expected over the whole contract), partnership — each with the coordinator's
 * prose and the aggregated answers of the questionnaire; the results of each
 * fiche against its indicators; the conclusion; the COPIL validation line.
 */
import { heading, paragraph, text, type Block, type DocumentModel } from "../../documents/model.js";
import { htmlToBlocks } from "../../documents/rich-text.js";
import { percent } from "../annual-report/build.js";
import type { BodyPeriodRow } from "../annual-report/governance.js";
import { frenchNumber, plural, shortDay } from "../../domain/dates.js";
import { VERDICTS, verdictCounts, type FicheResult, type QuestionResult } from "./aggregate.js";
import { EVALUATION_PARTS, SCALE_HINT, type EvaluationPart, type EvaluationPartKey, type EvaluationStatus } from "../../domain/evaluation.js";

export interface EvaluationDocumentInput {
  contract: { name: string; startDate: string; endDate: string };
  author: string;
  today: string;
  evaluation: {
    status: EvaluationStatus;
    parts: EvaluationPart[];
    questionnaireOpenedAt: string | null;
    validatedOn: string | null;
  };
  /** People who answered the questionnaire. */
  respondents: number;
  answers: QuestionResult[];
  governance: BodyPeriodRow[];
  results: FicheResult[];
}

/** « Évaluation validée par le Comité de pilotage du 07/12/2023 ». */
export const validationLine = (validatedOn: string) => `Évaluation validée par le Comité de pilotage du ${shortDay(validatedOn)}`;

const withUnit = (value: number | null, unit: string) => (value === null ? "—" : `${frenchNumber(value)}${unit ? ` ${unit}` : ""}`);

function prose(input: EvaluationDocumentInput, key: EvaluationPartKey): Block[] {
  const html = input.evaluation.parts.find((p) => p.key === key)?.html ?? "";
  const blocks = htmlToBlocks(html);
  return blocks.length ? blocks : [paragraph("Cette partie n'a pas encore été rédigée.", "note")];
}

function answerBlocks(input: EvaluationDocumentInput, key: EvaluationPartKey): Block[] {
  const results = input.answers.filter((r) => r.question.part === key);
  if (!results.length) return [];
  const title = heading(3, "Réponses des membres au questionnaire");
  if (!input.evaluation.questionnaireOpenedAt) return [title, paragraph("Le questionnaire n'a pas encore été envoyé aux membres.", "note")];
  if (!input.respondents) return [title, paragraph("Aucun membre n'a encore répondu au questionnaire.", "note")];
  const blocks: Block[] = [title, paragraph(`${plural(input.respondents, "membre a répondu", "membres ont répondu")} au questionnaire ; les réponses sont anonymes.`, "note")];
  for (const r of results) {
    blocks.push({ type: "paragraph", runs: [{ text: r.question.label, bold: true }, text(` (${plural(r.n, "réponse")})`)] });
    if (r.counts) {
      blocks.push({
        type: "table",
        caption: `Notes de 1 à 5 (${SCALE_HINT})`,
        columns: [...[1, 2, 3, 4, 5].map((v) => ({ header: String(v), width: 1 })), { header: "Moyenne", width: 1.5 }, { header: "Réponses", width: 1.5 }],
        rows: [{ cells: [...r.counts.map((c) => frenchNumber(c)), r.mean === null || r.mean === undefined ? "—" : frenchNumber(r.mean), frenchNumber(r.n)] }],
      });
    } else if (r.choices) {
      blocks.push({
        type: "table",
        columns: [{ header: "Réponse", width: 4 }, { header: "Nombre", width: 1 }],
        rows: r.choices.map((c) => ({ cells: [c.choice, frenchNumber(c.count)] })),
      });
    } else if (r.texts?.length) {
      blocks.push({ type: "list", ordered: false, items: r.texts.map((t) => [text(t)]) });
    } else {
      blocks.push(paragraph("Aucune réponse.", "note"));
    }
  }
  return blocks;
}

function governanceTable(input: EvaluationDocumentInput): Block[] {
  if (!input.governance.length) return [paragraph("Aucune instance n'est enregistrée pour ce contrat.", "note")];
  const { startDate, endDate } = input.contract;
  return [
    {
      type: "table",
      caption: `Réunions des instances sur la durée du contrat (du ${shortDay(startDate)} au ${shortDay(endDate)}) : attendues selon le rythme prévu et tenues`,
      columns: [{ header: "Instance", width: 3 }, { header: "Rythme prévu", width: 2 }, { header: "Attendues", width: 1 }, { header: "Tenues", width: 1 }],
      rows: input.governance.map((r) => ({ cells: [r.body.name, r.rhythmLabel, r.expected === null ? "—" : frenchNumber(r.expected), frenchNumber(r.held.length)] })),
    },
  ];
}

function results(input: EvaluationDocumentInput): Block[] {
  const blocks: Block[] = [heading(1, "Résultats par fiche action", true), ...prose(input, "results"), ...answerBlocks(input, "results")];
  const measured = input.results.filter((r) => r.indicators.length);
  if (!measured.length) return [...blocks, paragraph("Aucune fiche de ce contrat n'a d'indicateur défini.")];
  const counts = verdictCounts(measured);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  blocks.push(
    paragraph(
      `Sur ${plural(total, "indicateur")} : ${plural(counts.reached, "atteint")}, ${plural(counts.not_reached, "non atteint", "non atteints")}, ` +
        `${plural(counts.not_measured, "non mesuré", "non mesurés")}, ${frenchNumber(counts.no_target)} sans cible.`,
    ),
  );
  for (const r of measured) {
    blocks.push(heading(2, `FA ${r.fiche.number} — ${r.fiche.title}`));
    blocks.push({
      type: "table",
      caption: `Indicateurs de la FA ${r.fiche.number} : valeur de départ, cible et dernière mesure`,
      // « Progression » on one line (1.2 cut it « Progressio/n »).
      columns: [{ header: "Indicateur", width: 3.7 }, { header: "Départ → cible", width: 2 }, { header: "Dernière mesure", width: 2 }, { header: "Progression", width: 1.5 }, { header: "Résultat", width: 1.2 }],
      rows: r.indicators.map((i) => ({
        cells: [
          i.indicator.label,
          `${withUnit(i.indicator.baseline, i.indicator.unit)} → ${withUnit(i.indicator.target, i.indicator.unit)}`,
          i.latest ? `${withUnit(i.latest.value, i.indicator.unit)} (${shortDay(i.latest.measuredOn)})` : "—",
          percent(i.progress),
          { lines: [VERDICTS[i.verdict]], bold: i.verdict === "reached" },
        ],
      })),
    });
  }
  const without = input.results.filter((r) => !r.indicators.length);
  if (without.length) blocks.push(paragraph(`Fiches sans indicateur : ${without.map((r) => `FA ${r.fiche.number}`).join(", ")}.`, "note"));
  return blocks;
}

export function buildEvaluation(input: EvaluationDocumentInput): DocumentModel {
  const { contract, evaluation } = input;
  const period = `${contract.startDate.slice(0, 4)}-${contract.endDate.slice(0, 4)}`;
  const validated = evaluation.status === "validated" && evaluation.validatedOn ? validationLine(evaluation.validatedOn) : null;
  return {
    title: `Évaluation du contrat ${period}`,
    subtitle: contract.name,
    runningHeader: `${contract.name} — Évaluation`,
    note: validated ? `${validated}.` : `Document de travail : évaluation en préparation, non encore validée par le Comité de pilotage (état au ${shortDay(input.today)}).`,
    author: input.author,
    blocks: [
      heading(1, "Évaluation du processus", true),
      heading(2, EVALUATION_PARTS.strategy),
      ...prose(input, "strategy"),
      ...answerBlocks(input, "strategy"),
      heading(2, EVALUATION_PARTS.governance),
      ...prose(input, "governance"),
      ...governanceTable(input),
      ...answerBlocks(input, "governance"),
      heading(2, EVALUATION_PARTS.partnership),
      ...prose(input, "partnership"),
      ...answerBlocks(input, "partnership"),
      ...results(input),
      heading(1, "Conclusion", true),
      ...prose(input, "conclusion"),
      ...answerBlocks(input, "conclusion"),
      validated ? { type: "paragraph", runs: [{ text: `${validated}.`, bold: true }] } : paragraph("Évaluation non encore validée par le Comité de pilotage.", "note"),
    ],
  };
}
