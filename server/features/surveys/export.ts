/**
 * A survey's answers and results as files for the coordination: the answers as a CSV that
 * Excel in French opens as is (`;`, UTF-8 with a BOM), and a workbook with the results and
 * the same answers. Anonymous: one line per answer, never a contact e-mail.
 */
import { stringify } from "csv-stringify/sync";
import { isPlural, parisDay, plural, shortDay } from "../../domain/dates.js";
import { OTHER_OPTION, type AnswerSource, type SurveyQuestion } from "../../domain/surveys.js";
import { rowHeight } from "../../documents/xlsx.js";
import { choiceColumns, inSubmissionOrder, OTHER_LABEL, pickedValues, rankingOf, scaleValueOf, textOf, type AnswerRow, type ResultLabels } from "./results.js";
import type { ResultsOut } from "./schema-out.js";

type Cell = string | number;
interface TableColumn {
  header: string;
  width: number;
  /** The cell of one answer (`index`: its place in submission order, from 0). */
  value: (row: AnswerRow, index: number) => Cell;
}

export const SOURCE_LABELS: Record<AnswerSource, string> = { online: "En ligne", paper: "Papier" };
const TEXT_WIDTH = 40;
const VALUE_WIDTH = 18;

/** The columns of one question: « Q3. Label », or one per option (« Q3. Label — Option »). */
function questionColumns(q: SurveyQuestion, position: number, rows: readonly AnswerRow[], labels: ResultLabels): TableColumn[] {
  const title = `Q${position}. ${q.label}`;
  const answer = (row: AnswerRow) => row.answers[q.id];
  switch (q.kind) {
    case "multiple": {
      const columns = q.options.map((o) => ({ header: `${title} — ${o.label}`, width: VALUE_WIDTH, value: (row: AnswerRow) => (pickedValues(q, answer(row)).includes(o.id) ? "oui" : "") }));
      if (!q.other) return columns;
      const other = (row: AnswerRow) => (pickedValues(q, answer(row)).includes(OTHER_OPTION) ? answer(row)?.otherText?.trim() || "oui" : "");
      return [...columns, { header: `${title} — ${OTHER_LABEL} (précisez)`, width: TEXT_WIDTH, value: other }];
    }
    case "ranking":
      return q.options.map((o) => ({
        header: `${title} — ${o.label}`,
        width: VALUE_WIDTH,
        value: (row: AnswerRow) => {
          const rank = rankingOf(q, answer(row)).indexOf(o.id);
          return rank < 0 ? "" : rank + 1;
        },
      }));
    case "scale":
      return [{ header: title, width: VALUE_WIDTH, value: (row) => scaleValueOf(q, answer(row)) ?? "" }];
    case "short_text":
    case "long_text":
      return [{ header: title, width: TEXT_WIDTH, value: (row) => textOf(answer(row)) ?? "" }];
    default: {
      // single, commune, qpv, age band: the label of the value picked.
      const names = new Map(choiceColumns(q, labels, rows).map((c) => [c.id, c.label]));
      const value = (row: AnswerRow) => {
        const picked = pickedValues(q, answer(row))[0];
        if (picked === undefined) return "";
        if (picked === OTHER_OPTION && q.kind === "single") {
          const text = answer(row)?.otherText?.trim();
          return text ? `${OTHER_LABEL} : ${text}` : OTHER_LABEL;
        }
        return names.get(picked) ?? picked;
      };
      return [{ header: title, width: q.kind === "single" ? TEXT_WIDTH : VALUE_WIDTH, value }];
    }
  }
}

/** The answers' table: « N° », « Date », « Saisie », then the questions' columns; one row per answer, in submission order. */
export function answersTable(questions: readonly SurveyQuestion[], rows: readonly AnswerRow[], labels: ResultLabels): { columns: { header: string; width: number }[]; rows: Cell[][] } {
  const ordered = inSubmissionOrder(rows);
  const columns: TableColumn[] = [
    { header: "N°", width: 6, value: (_, index) => index + 1 },
    { header: "Date", width: 12, value: (row) => shortDay(parisDay(row.submittedAt)) },
    { header: "Saisie", width: 10, value: (row) => SOURCE_LABELS[row.source] },
    ...questions.flatMap((q, i) => questionColumns(q, i + 1, ordered, labels)),
  ];
  return {
    columns: columns.map(({ header, width }) => ({ header, width })),
    rows: ordered.map((row, index) => columns.map((c) => c.value(row, index))),
  };
}

/**
 * The answers as CSV for Excel in French: `;` between cells, CRLF, a UTF-8 BOM. A text that
 * starts with =, +, -, @ gets a leading apostrophe, so that a spreadsheet never runs it as a formula.
 */
export function answersCsv(questions: readonly SurveyQuestion[], rows: readonly AnswerRow[], labels: ResultLabels): string {
  const table = answersTable(questions, rows, labels);
  return stringify([table.columns.map((c) => c.header), ...table.rows], { delimiter: ";", bom: true, record_delimiter: "windows", escape_formulas: true });
}

const BLUE = "FF000091";
const thin = { style: "thin" as const, color: { argb: "FFB0B0B0" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
/** Columns of the « Résultats » sheet: the label, then up to four figures. */
const RESULT_WIDTHS = [56, 16, 16, 14, 14];
const PERCENT_FORMAT = "0.0%";

/** The workbook of a survey: « Résultats » (a table per question) and « Réponses » (the answers' table, as the CSV). */
export async function resultsXlsx(results: ResultsOut, questions: readonly SurveyQuestion[], rows: readonly AnswerRow[], labels: ResultLabels): Promise<Buffer> {
  // Loaded on the first workbook, not at start.
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  workbook.creator = "Clés";
  workbook.title = results.title;
  type Sheet = ReturnType<typeof workbook.addWorksheet>;

  const sheet: Sheet = workbook.addWorksheet("Résultats", { pageSetup: { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  sheet.columns = RESULT_WIDTHS.map((width) => ({ width }));
  const wide = (text: string, font: { bold?: boolean; size?: number; italic?: boolean } = {}) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, RESULT_WIDTHS.length);
    row.font = font;
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = rowHeight([text], [RESULT_WIDTHS.reduce((s, w) => s + w, 0)]);
    return row;
  };
  const header = (values: string[]) => {
    const row = sheet.addRow(values);
    row.font = { bold: true, color: { argb: "FFFFFFFF" } };
    row.eachCell((cell) => {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: BLUE } };
      cell.alignment = { wrapText: true, vertical: "middle" };
      cell.border = border;
    });
  };
  const body = (values: (Cell | null)[], formats: Record<number, string> = {}) => {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.alignment = { wrapText: true, vertical: "top" };
      cell.border = border;
      if (formats[col]) cell.numFmt = formats[col]!;
    });
    row.height = rowHeight(values, RESULT_WIDTHS);
  };

  wide(results.title, { bold: true, size: 14 });
  const period = results.firstAnswerOn && results.lastAnswerOn ? `, du ${shortDay(results.firstAnswerOn)} au ${shortDay(results.lastAnswerOn)}` : "";
  wide(results.total ? `${plural(results.total, "réponse")} (${results.online} en ligne, ${results.paper} sur papier)${period}.` : "Aucune réponse.");
  const position = new Map(questions.map((q, i) => [q.id, i + 1]));
  for (const r of results.questions) {
    sheet.addRow([]);
    wide(`Q${position.get(r.questionId) ?? "?"}. ${r.label}`, { bold: true, size: 12 });
    const answered = r.respondents === 0 ? "Personne n'a répondu" : `${plural(r.respondents, "personne")} ${isPlural(r.respondents) ? "ont" : "a"} répondu`;
    switch (r.kind) {
      case "choice":
        wide(r.questionKind === "multiple" ? `${answered} (plusieurs choix possibles : le total des pourcentages dépasse 100 %).` : `${answered}.`, { italic: true });
        header(["Choix", "Nombre", "% des répondants"]);
        for (const o of r.options) body([o.label, o.count, o.percent / 100], { 3: PERCENT_FORMAT });
        if (r.otherTexts.length) {
          wide(`Réponses « ${OTHER_LABEL} » :`, { bold: true });
          for (const text of r.otherTexts) wide(text);
        }
        break;
      case "ranking":
        wide(`${answered}. Priorités dans l'ordre du rang moyen sur toutes les personnes qui ont répondu (un choix non classé compte après les choix classés).`, { italic: true });
        header(["Choix", "Rang de priorité", "Rang moyen (parmi qui l'a classé)", "1er choix", "Classé par"]);
        for (const o of r.options) body([o.label, o.priority, o.meanRank ?? "", o.firstChoices, o.rankedBy], { 3: "0.00" });
        break;
      case "scale": {
        wide(`${answered}.`, { italic: true });
        header(["Valeur", "Nombre", "%"]);
        const ends = new Map([[r.distribution[0]?.value, r.minLabel], [r.distribution.at(-1)?.value, r.maxLabel]]);
        for (const d of r.distribution) body([ends.get(d.value) ? `${d.value} (${ends.get(d.value)})` : String(d.value), d.count, d.percent / 100], { 3: PERCENT_FORMAT });
        body(["Moyenne", r.mean ?? ""], { 2: "0.00" });
        body(["Médiane", r.median ?? ""]);
        break;
      }
      case "text":
        wide(`${answered}.`, { italic: true });
        for (const text of r.texts) wide(text);
        break;
    }
  }

  const table = answersTable(questions, rows, labels);
  const answers: Sheet = workbook.addWorksheet("Réponses", {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const widths = table.columns.map((c) => c.width);
  answers.columns = widths.map((width) => ({ width }));
  const head = answers.addRow(table.columns.map((c) => c.header));
  head.height = rowHeight(table.columns.map((c) => c.header), widths, 0.85);
  head.font = { bold: true, color: { argb: "FFFFFFFF" } };
  head.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: BLUE } };
    cell.alignment = { wrapText: true, vertical: "middle" };
    cell.border = border;
  });
  answers.pageSetup.printTitlesRow = "1:1";
  for (const values of table.rows) {
    const row = answers.addRow(values);
    row.height = rowHeight(values, widths);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { wrapText: true, vertical: "top" };
      cell.border = border;
      if (typeof cell.value !== "number") cell.numFmt = "@";
    });
  }
  answers.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.columns.length) } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
