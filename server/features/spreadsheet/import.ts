/**
 * Import of the fiches workbook: the file is read (exceljs), planned (plan.ts),
 * and, only when no cell is in error, every changed fiche is updated through the
 * fiche service — history and versions as for an edit in the form — in one
 * transaction. Fiches that did not change are not touched.
 */
import type ExcelJS from "exceljs";
import type { Db } from "../../db/client.js";
import { invalid, Problem } from "../../http/problem.js";
import type { Actor } from "../../policies/index.js";
import { measurementCounts } from "../actions/indicators.js";
import { updateAction } from "../actions/service.js";
import type { CellInput } from "./cells.js";
import { loadContractFiches } from "./service.js";
import { planImport, type CellError, type SheetGrid } from "./plan.js";

export interface ImportSummary {
  /** Numbers of the fiches updated, in order. */
  updated: number[];
  unchanged: number;
}

const MAX_LISTED_ERRORS = 200;
export const NOT_XLSX = "Ce fichier n'est pas un classeur Excel (.xlsx) lisible : partez de l'export des fiches de Clés, enregistré au format Excel (.xlsx).";

/** A cell's value as the columns read it: rich text and links as text, formulas by their result. */
export function cellInput(value: ExcelJS.CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellInput((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("hyperlink" in value) return cellInput((value as { text?: ExcelJS.CellValue }).text ?? null);
    if ("error" in value) return String(value.error);
  }
  return null;
}

/** Reads every sheet of an .xlsx file into grids; 400 when the file is not one. */
export async function readGrids(bytes: Buffer): Promise<SheetGrid[]> {
  // An .xlsx is a zip: a quick look at its first bytes spares exceljs a PDF or a CSV.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  // exceljs is loaded on the first workbook, not at start.
  const { Workbook } = (await import("exceljs")).default;
  const book = new Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  if (book.worksheets.length === 0) throw notXlsx();
  return book.worksheets.map((sheet) => {
    const values = (row: ExcelJS.Row) => {
      const out: CellInput[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => (out[col - 1] = cellInput(cell.value)));
      return Array.from(out, (v) => v ?? null);
    };
    const rows: SheetGrid["rows"] = [];
    let headers: CellInput[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      if (n === 1) headers = values(row);
      else rows.push({ row: n, cells: values(row) });
    });
    return { name: sheet.name, headers, rows };
  });
}

const notXlsx = () => new Problem(400, "Fichier illisible", NOT_XLSX, [{ path: "file", message: NOT_XLSX }]);

/** "Description!F7" — the cell, as Excel names it (without quotes). */
export const cellPath = (e: CellError) => `${e.sheet}!${e.column}${e.row}`;

export function importProblem(errors: CellError[]): Problem {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ path: cellPath(e), message: e.header ? `${e.header} — ${e.message}` : e.message }));
  const more = errors.length > MAX_LISTED_ERRORS ? ` (les ${MAX_LISTED_ERRORS} premières sont listées)` : "";
  return invalid(listed, `Le fichier contient ${errors.length} erreur(s)${more} ; rien n'a été enregistré.`);
}

/** Imports the workbook into the contract's fiches; throws a 400 listing every error, having written nothing. */
export async function importFiches(db: Db, actor: Actor, contractId: string, bytes: Buffer, today: string): Promise<ImportSummary> {
  const grids = await readGrids(bytes);
  const current = await loadContractFiches(db, contractId, today);
  const measurements = await measurementCounts(db, current.fiches.flatMap((f) => f.indicators.flatMap((i) => (i.id ? [i.id] : []))));
  const plan = planImport(grids, current.fiches, current.reference, measurements);
  if (plan.errors.length) throw importProblem(plan.errors);
  if (plan.changes.length)
    await db.transaction(async (tx) => {
      // updateAction opens a savepoint in this transaction: one refusal (409 if a fiche changed meanwhile) undoes all.
      for (const change of plan.changes) await updateAction(tx as unknown as Db, actor, change.fiche.id, change.body);
    });
  return { updated: plan.changes.map((c) => c.fiche.number).sort((a, b) => a - b), unchanged: plan.unchanged };
}
