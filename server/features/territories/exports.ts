/**
 * The overview and the fiches of a scope as files (issue 15, item 5): one row per contract, or
 * one row per fiche with its contract. The tables are pure (columns and cells); CSV for Excel in
 * French (`;`, CRLF, UTF-8 with a BOM, formulas escaped), XLSX written as a stream (exceljs).
 */
import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { shortDay } from "../../domain/dates.js";
import { SHOWN_STATUSES, type ShownStatus } from "../../domain/shown-status.js";
import type { CommitteeFacts, FicheFacts } from "./facts.js";
import type { ContractRow, DirectoryEntry } from "./overview.js";

export type Cell = string | number | null;
export interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => Cell;
  /** Whole percentages, shown « 45 % » in the workbook. */
  percent?: boolean;
}
export interface Table<T> {
  sheet: string;
  columns: Column<T>[];
}

const day = (d: string | null | undefined) => (d ? shortDay(d) : "");
const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
const rhythm = (c: CommitteeFacts) => (c.holds === null ? "Aucun rythme prévu" : c.holds ? "Tenu" : "Non tenu");
const STATUS_COLUMNS: ShownStatus[] = ["not_started", "in_progress", "late", "done", "abandoned", "merged"];

/** One row per contract: the overview's figures. */
export const OVERVIEW_TABLE: Table<ContractRow> = {
  sheet: "Contrats",
  columns: [
    { header: "Contrat", width: 40, value: (r) => r.name },
    { header: "Collectivité", width: 36, value: (r) => r.localAuthority },
    { header: "Départements", width: 14, value: (r) => r.departements.join(", ") },
    { header: "Statut", width: 16, value: (r) => r.statusLabel },
    { header: "Début", width: 12, value: (r) => day(r.startDate) },
    { header: "Fin", width: 12, value: (r) => day(r.endDate) },
    { header: "Fiches", width: 9, value: (r) => r.fiches.total },
    ...STATUS_COLUMNS.map((s): Column<ContractRow> => ({ header: `Fiches « ${SHOWN_STATUSES[s]} »`, width: 12, value: (r) => r.fiches.byStatus[s] })),
    { header: "Fiches en cours avec un avancement ce trimestre (%)", width: 18, value: (r) => percent(r.progress.share), percent: true },
    { header: "Dernier COPIL", width: 13, value: (r) => day(r.copil.lastOn) },
    { header: "Rythme du COPIL", width: 16, value: (r) => rhythm(r.copil) },
    { header: "Dernier COTECH", width: 13, value: (r) => day(r.cotech.lastOn) },
    { header: "Rythme du COTECH", width: 16, value: (r) => rhythm(r.cotech) },
    { header: "Dernière revue publiée", width: 14, value: (r) => (r.lastReview ? `T${r.lastReview.quarter} ${r.lastReview.year}` : "") },
    { header: "Publiée le", width: 12, value: (r) => day(r.lastReview?.publishedOn) },
    { header: "Indicateurs", width: 11, value: (r) => r.indicators.total },
    { header: "Indicateurs mesurés dans les 12 derniers mois (%)", width: 18, value: (r) => percent(r.indicators.share), percent: true },
    { header: "Budget total (€)", width: 14, value: (r) => r.budget.total },
    { header: "dont acquis (€)", width: 14, value: (r) => r.budget.secured },
    { header: "dont demandé (€)", width: 14, value: (r) => r.budget.requested },
  ],
};

export interface FicheLine {
  contract: DirectoryEntry;
  fiche: FicheFacts;
}

const funders = (f: FicheFacts) => f.funders.map((x) => `${x.name} : ${x.secured + x.requested} €`).join(" ; ");

/** One row per fiche, with its contract. */
export const FICHES_TABLE: Table<FicheLine> = {
  sheet: "Fiches",
  columns: [
    { header: "Contrat", width: 36, value: (l) => l.contract.name },
    { header: "Départements", width: 14, value: (l) => l.contract.departements.join(", ") },
    { header: "N°", width: 6, value: (l) => l.fiche.number },
    { header: "Axe", width: 6, value: (l) => l.fiche.axisNumber },
    { header: "Intitulé", width: 50, value: (l) => l.fiche.title },
    { header: "Porteur", width: 30, value: (l) => l.fiche.leadOrganisation ?? "" },
    { header: "Statut", width: 14, value: (l) => SHOWN_STATUSES[l.fiche.shownStatus] },
    { header: "En retard depuis", width: 13, value: (l) => day(l.fiche.lateSince) },
    { header: "Début", width: 10, value: (l) => l.fiche.startMonth ?? "" },
    { header: "Fin", width: 10, value: (l) => l.fiche.endMonth ?? "" },
    { header: "Thématiques", width: 36, value: (l) => l.fiche.themes.join(" ; ") },
    { header: "Déterminants", width: 30, value: (l) => l.fiche.determinants.join(" ; ") },
    { header: "Projets du PRS", width: 16, value: (l) => l.fiche.prsCodes.join(" ; ") },
    { header: "Avancement ce trimestre", width: 13, value: (l) => (l.fiche.progressThisQuarter ? "Oui" : "Non") },
    { header: "Indicateurs", width: 11, value: (l) => l.fiche.indicators },
    { header: "Indicateurs mesurés dans les 12 derniers mois", width: 16, value: (l) => l.fiche.indicatorsMeasured },
    { header: "Budget total (€)", width: 14, value: (l) => l.fiche.secured + l.fiche.requested },
    { header: "dont acquis (€)", width: 14, value: (l) => l.fiche.secured },
    { header: "Financeurs", width: 40, value: (l) => funders(l.fiche) },
  ],
};

/** The cells of a table (pure). */
export const cellsOf = <T>(table: Table<T>, rows: readonly T[]): Cell[][] => rows.map((row) => table.columns.map((c) => c.value(row)));

/** The table as CSV for Excel in French: `;`, CRLF, UTF-8 BOM; a text starting with =, +, -, @ gets an apostrophe. */
export function tableCsv<T>(table: Table<T>, rows: readonly T[]): string {
  return stringify([table.columns.map((c) => c.header), ...cellsOf(table, rows)], { delimiter: ";", bom: true, record_delimiter: "windows", escape_formulas: true });
}

const BLUE = "FF000091";

/** What the « À lire » sheet says: the scope, the day, the filters. */
export type Notes = [label: string, value: string][];

/**
 * The table as an XLSX workbook written row by row to the returned stream (exceljs's streaming
 * writer): the table's sheet (header frozen, filters on), then « À lire ».
 */
export function tableXlsx<T>(table: Table<T>, rows: readonly T[], title: string, notes: Notes): Readable {
  const out = new PassThrough();
  void (async () => {
    const { stream } = (await import("exceljs")).default;
    const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = "Clés";
    workbook.title = title;
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    const head = sheet.getRow(1);
    head.font = { bold: true, color: { argb: "FFFFFFFF" } };
    head.alignment = { wrapText: true, vertical: "middle" };
    head.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: BLUE } }));
    head.commit();
    for (const values of cellsOf(table, rows)) {
      const row = sheet.addRow(values);
      table.columns.forEach((c, i) => {
        if (c.percent && typeof values[i] === "number") row.getCell(i + 1).numFmt = '0" %"';
      });
      row.commit();
    }
    sheet.commit();
    const readme = workbook.addWorksheet("À lire");
    readme.columns = [{ width: 28 }, { width: 90 }];
    readme.addRow([title]).font = { bold: true, size: 14 };
    for (const [label, value] of notes) readme.addRow([label, value]);
    readme.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
