/** The COTECH progress table as an Excel workbook, in the seed's layout (one sheet per year). */
import { adjustmentLine, type CotechTable, type DocumentItem, processForDocuments } from "./cotech-table.js";
import { knownDate, shortDay } from "../../domain/dates.js";
import { rowHeight } from "../../documents/xlsx.js";

export const COTECH_COLUMNS = [
  { header: "Fiche action", width: 28 },
  { header: "Objectifs / critères d'évaluation", width: 40 },
  { header: "Rétroplanning prévisionnel", width: 34 },
  { header: "État d'avancement réel", width: 48 },
  { header: "Reste-à-faire", width: 36 },
  { header: "Ajustements nécessaires", width: 36 },
] as const;

const lines = (items: string[]) => items.map((i) => `- ${i}`).join("\n");

const thin = { style: "thin" as const, color: { argb: "FF929292" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export async function cotechWorkbook(contractName: string, table: CotechTable): Promise<Buffer> {
  // Loaded on the first workbook, not at start.
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  workbook.creator = "Clés";
  const sheet = workbook.addWorksheet(`Tableau COTECH ${table.year}`, {
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    views: [{ state: "frozen", ySplit: 3 }],
  });
  sheet.columns = COTECH_COLUMNS.map((c) => ({ width: c.width }));
  const last = COTECH_COLUMNS.length;

  const title = sheet.addRow([`${contractName} — suivi de l'avancement des actions ${table.year}`]);
  sheet.mergeCells(title.number, 1, title.number, last);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const header = sheet.addRow(COTECH_COLUMNS.map((c) => (c.header === "Rétroplanning prévisionnel" ? `${c.header} ${table.year}` : c.header)));
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF000091" } };
    cell.border = border;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  const section = (text: string, argb: string) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, last);
    row.font = { bold: true };
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
  };
  const body = (values: string[]) => {
    const row = sheet.addRow(values);
    row.height = rowHeight(values, COTECH_COLUMNS.map((c) => c.width));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { wrapText: true, vertical: "top" };
      cell.border = border;
    });
  };

  for (const axis of table.axes) {
    section(`Axe stratégique ${axis.number} — ${axis.title}`, "FFE3E3FD");
    for (const objective of axis.objectives) {
      if (objective.title) section(`Objectif opérationnel ${objective.code} — ${objective.title}`, "FFF5F5FE");
      for (const r of objective.rows) {
        body([
          `FA ${r.action.number} : ${r.action.title}\n(${r.action.shownStatusLabel})`,
          [r.objectives, lines(r.criteria)].filter(Boolean).join("\n"),
          lines(r.planned.map((m) => `${m.title} (${m.label})`)),
          lines(r.progress.map((p) => `${knownDate(p.happenedOn, p.happenedOnPrecision)} : ${p.text}`)),
          lines(r.remaining.map((i) => (i.doneOn ? `${i.text} (fait le ${shortDay(i.doneOn)})` : i.text))),
          lines(r.adjustments.map(adjustmentLine)),
        ]);
      }
    }
  }
  for (const [name, items] of [
    ["Actions transversales", table.transversal],
    ["Processus : suivi du processus de coordination et de gouvernance", processForDocuments(table)],
  ] as const) {
    if (!items.length) continue;
    section(name, "FFE3E3FD");
    for (const item of items as DocumentItem[]) body([item.computed ? `${item.title}\n${item.computed}` : item.title, "", "", "", "", item.adjustments]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
