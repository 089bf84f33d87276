import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { QuestionKind, SurveyAnswers, SurveyQuestion } from "../../domain/surveys.js";
import { answersCsv, answersTable, resultsXlsx } from "./export.js";
import { surveyResults, type AnswerRow, type ResultLabels } from "./results.js";

function question(id: string, kind: QuestionKind, label: string, more: Partial<SurveyQuestion> = {}): SurveyQuestion {
  return { id, kind, label, help: "", required: false, options: [], other: false, rankCount: null, scaleMin: 1, scaleMax: 5, minLabel: "", maxLabel: "", showIf: null, ...more };
}
const options = (entries: Record<string, string>) => Object.entries(entries).map(([id, label]) => ({ id, label }));

const questions: SurveyQuestion[] = [
  question("themes", "ranking", "Thèmes", { options: options({ E: "Éducation à la santé", A: "Personnes âgées", B: "Bien-être" }), rankCount: 2 }),
  question("come", "single", "Comment avez-vous connu la journée ?", { options: options({ poster: "Une affiche", word: "Le bouche-à-oreille" }), other: true }),
  question("needs", "multiple", "Difficultés", { options: options({ delays: "Délais", cost: "Coût" }), other: true }),
  question("useful", "scale", "Utilité", { minLabel: "Pas du tout", maxLabel: "Tout à fait" }),
  question("remarks", "long_text", "Remarques"),
  question("commune", "commune", "Commune"),
  question("qpv", "qpv", "Quartier"),
  question("age", "age_band", "Âge"),
];
const labels: ResultLabels = { communes: new Map([["77288", "Melun"], ["77152", "Dammarie-lès-Lys"]]), priorityAreas: new Map([["area-1", "Montaigu"]]) };
const TRICKY = 'Deux choses ; d\'abord "les horaires",\npuis le bus';

const row = (answers: SurveyAnswers, at: string, source: AnswerRow["source"] = "online"): AnswerRow => ({ answers, source, submittedAt: new Date(at) });
const rows: AnswerRow[] = [
  // Typed from paper after the online answers: 22:30 UTC on 1 July is 00:30 on 2 July in Paris.
  row({ themes: { ranking: ["A", "B"] }, come: { choice: "word" }, useful: { value: 3 }, age: { ageBand: "70+" }, qpv: { qpv: "none" } }, "2021-07-01T22:30:00Z", "paper"),
  row(
    {
      themes: { ranking: ["B", "E"] },
      come: { choice: "other", otherText: "Le CCAS" },
      needs: { choices: ["cost", "other"], otherText: "Les dépassements" },
      useful: { value: 5 },
      remarks: { text: TRICKY },
      commune: { insee: "77152" },
      qpv: { qpv: "area-1" },
      age: { ageBand: "25-39" },
    },
    "2021-06-30T07:10:00Z",
  ),
  row({ themes: { ranking: ["E", "A"] }, come: { choice: "poster" }, needs: { choices: ["delays"] }, remarks: { text: "=HYPERLINK(\"http://x\")" }, commune: { insee: "77288" } }, "2021-06-30T07:00:00Z"),
];

describe("answersTable", () => {
  it("has one column per question, per option for multiple choices and rankings, numbered by position", () => {
    const { columns } = answersTable(questions, rows, labels);
    expect(columns.map((c) => c.header)).toEqual([
      "N°",
      "Date",
      "Saisie",
      "Q1. Thèmes — Éducation à la santé",
      "Q1. Thèmes — Personnes âgées",
      "Q1. Thèmes — Bien-être",
      "Q2. Comment avez-vous connu la journée ?",
      "Q3. Difficultés — Délais",
      "Q3. Difficultés — Coût",
      "Q3. Difficultés — Autre (précisez)",
      "Q4. Utilité",
      "Q5. Remarques",
      "Q6. Commune",
      "Q7. Quartier",
      "Q8. Âge",
    ]);
  });

  it("writes one row per answer in submission order, with labels, ranks and « oui »", () => {
    expect(answersTable(questions, rows, labels).rows).toEqual([
      [1, "30/06/2021", "En ligne", 1, 2, "", "Une affiche", "oui", "", "", "", '=HYPERLINK("http://x")', "Melun", "", ""],
      [2, "30/06/2021", "En ligne", 2, "", 1, "Autre : Le CCAS", "", "oui", "Les dépassements", 5, TRICKY, "Dammarie-lès-Lys", "Montaigu", "25 à 39 ans"],
      [3, "02/07/2021", "Papier", "", 1, 2, "Le bouche-à-oreille", "", "", "", 3, "", "", "Aucun quartier prioritaire", "70 ans et plus"],
    ]);
  });

  it("never writes a contact e-mail, even one left in the answers", () => {
    const withEmail = [{ ...rows[0]!, contactEmail: "jeanne@exemple.fr" } as AnswerRow];
    expect(JSON.stringify(answersTable(questions, withEmail, labels))).not.toContain("@exemple.fr");
  });
});

describe("answersCsv", () => {
  const csv = answersCsv(questions, rows, labels);

  it("starts with a BOM and separates cells with semicolons, for Excel in French", () => {
    expect(csv.startsWith("\uFEFFN°;Date;Saisie;Q1. Thèmes — Éducation à la santé;")).toBe(true);
    expect(csv).toContain("\r\n");
  });

  it("parses back, a text with a semicolon, quotes and a line break intact; a formula is defused", () => {
    const records = parse(csv, { bom: true, delimiter: ";" }) as string[][];
    expect(records).toHaveLength(4);
    expect(records[0]![0]).toBe("N°");
    const remarks = records[0]!.indexOf("Q5. Remarques");
    expect(records[2]![remarks]).toBe(TRICKY);
    expect(records[1]![remarks]).toBe("'=HYPERLINK(\"http://x\")");
    expect(records[3]!.slice(0, 7)).toEqual(["3", "02/07/2021", "Papier", "", "1", "2", "Le bouche-à-oreille"]);
  });
});

describe("resultsXlsx", () => {
  const read = async () => {
    const results = surveyResults({ surveyId: "s", title: "Rencontres de la Santé", questions, rows, labels });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await resultsXlsx(results, questions, rows, labels)) as unknown as ArrayBuffer);
    return book;
  };
  /** The rows' values, a merged range's value once (in its first cell). */
  const lines = (sheet: ExcelJS.Worksheet) => {
    const all: unknown[][] = [];
    sheet.eachRow((r) => {
      const values: unknown[] = [];
      r.eachCell((cell, col) => {
        if (cell.master.address === cell.address) values[col - 1] = cell.value;
      });
      all.push(values);
    });
    return all;
  };

  it("has a « Résultats » sheet with a table per question", async () => {
    const book = await read();
    expect(book.worksheets.map((s) => s.name)).toEqual(["Résultats", "Réponses"]);
    const all = lines(book.getWorksheet("Résultats")!);
    const after = (title: string, n: number) => {
      const i = all.findIndex((l) => l[0] === title);
      expect(i).toBeGreaterThanOrEqual(0);
      return all.slice(i + 1, i + 1 + n);
    };
    expect(all[0]![0]).toBe("Rencontres de la Santé");
    expect(all[1]![0]).toBe("3 réponses (2 en ligne, 1 sur papier), du 30/06/2021 au 02/07/2021.");
    // Scores (unranked = 3): E = 3 + 2 + 1, A = 1 + 3 + 2, B = 2 + 1 + 3; one first choice each: the question's order.
    expect(after("Q1. Thèmes", 5)).toEqual([
      ["3 personnes ont répondu. Priorités dans l'ordre du rang moyen sur toutes les personnes qui ont répondu (un choix non classé compte après les choix classés)."],
      ["Choix", "Rang de priorité", "Rang moyen (parmi qui l'a classé)", "1er choix", "Classé par"],
      ["Éducation à la santé", 1, 1.5, 1, 2],
      ["Personnes âgées", 2, 1.5, 1, 2],
      ["Bien-être", 3, 1.5, 1, 2],
    ]);
    const come = after("Q2. Comment avez-vous connu la journée ?", 8);
    expect(come.slice(0, 2)).toEqual([["3 personnes ont répondu."], ["Choix", "Nombre", "% des répondants"]]);
    expect(come[2]![0]).toBe("Une affiche");
    expect(come[2]![1]).toBe(1);
    expect(come[2]![2]).toBeCloseTo(0.333);
    expect(come.slice(5, 7)).toEqual([["Réponses « Autre » :"], ["Le CCAS"]]);
    expect(after("Q3. Difficultés", 1)[0]![0]).toBe("2 personnes ont répondu (plusieurs choix possibles : le total des pourcentages dépasse 100 %).");
    const useful = after("Q4. Utilité", 9);
    expect(useful.slice(2).map((l) => [l[0], l[1]])).toEqual([
      ["1 (Pas du tout)", 0],
      ["2", 0],
      ["3", 1],
      ["4", 0],
      ["5 (Tout à fait)", 1],
      ["Moyenne", 4],
      ["Médiane", 4],
    ]);
    expect(after("Q5. Remarques", 3)).toEqual([["2 personnes ont répondu."], ['=HYPERLINK("http://x")'], [TRICKY]]);
    expect(after("Q6. Commune", 1)).toEqual([["2 personnes ont répondu."]]);
  });

  it("formats the shares as percentages and keeps texts as text", async () => {
    const sheet = (await read()).getWorksheet("Résultats")!;
    let percentCell: ExcelJS.Cell | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === "Une affiche") percentCell = r.getCell(3);
    });
    expect(percentCell?.numFmt).toBe("0.0%");
    // A text that looks like a formula stays a plain string in the workbook.
    let formula = false;
    sheet.eachRow((r) => r.eachCell((c) => (formula ||= c.type === ExcelJS.ValueType.Formula)));
    expect(formula).toBe(false);
  });

  it("has a « Réponses » sheet with the rows of the CSV", async () => {
    const sheet = (await read()).getWorksheet("Réponses")!;
    const all = lines(sheet).map((l) => Array.from({ length: 15 }, (_, i) => l[i] ?? ""));
    const table = answersTable(questions, rows, labels);
    expect(all).toEqual([table.columns.map((c) => c.header), ...table.rows]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});
