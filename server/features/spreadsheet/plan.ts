/**
 * What an imported table of fiches changes, as a pure function: rows matched by
 * fiche number across sheets, every cell read by its column, every changed fiche
 * validated by the API's own zod schema, errors named by sheet, row and column.
 * Nothing is written here.
 */
import { actionUpdateBody, DETERMINANT_COUNT_MESSAGE, determinantsDropped } from "../actions/schema.js";
import { actionColumns } from "../actions/mapping.js";
import { cellText, normalize, type CellInput } from "./cells.js";
import { FICHE_SHEETS, NUMBER_HEADER, parseFicheNumber, parseVersion, versionColumn, type Column, type Draft, type FicheSheet, type FicheTableView } from "./columns.js";
import { matchIndicators, type ImportReference } from "./lists.js";
import { droppedMeasuredIndicators } from "../actions/indicators.js";
import { findTextProblem } from "../../http/text-guard.js";

/** A sheet as read from a file: its header row and its other rows (1-based row numbers). */
export interface SheetGrid {
  name: string;
  headers: CellInput[];
  rows: { row: number; cells: CellInput[] }[];
}

export interface CellError {
  sheet: string;
  row: number;
  /** Column letter (A, B…, AA). */
  column: string;
  header: string;
  message: string;
}

export interface ImportPlan {
  errors: CellError[];
  changes: { fiche: FicheTableView; body: Draft }[];
  unchanged: number;
}

/** 1 → A, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The body of a fiche's update as it stands (organisations by id, indicators with their id). */
export function currentBody(f: FicheTableView): Draft {
  return structuredClone({
    number: f.number,
    title: f.title,
    status: f.status,
    lead: f.lead ? { organisation: f.lead.organisation, person: f.lead.person } : null,
    startMonth: f.startMonth,
    endMonth: f.endMonth,
    justification: { ...f.justification },
    specificObjective: f.specificObjective,
    operationalObjectives: f.operationalObjectives,
    description: f.description,
    preExisting: f.preExisting,
    targetPublic: f.targetPublic,
    place: f.place,
    territory: f.territory,
    determinants: f.determinants,
    themes: f.themes,
    otherPlans: f.otherPlans,
    prsProjects: f.prsProjects,
    partners: f.partners.map(({ organisationName: _n, ...p }) => p),
    participation: f.participation,
    indicators: f.indicators,
    budgets: f.budget.lines.map((l) => ({ year: l.year, amount: l.amount, funderId: l.funder.id, status: l.status })),
    axisId: f.axisId,
    objectiveId: f.objectiveId,
    version: f.version,
  });
}

/** What would be stored, as one string: two bodies that store the same thing compare equal. */
export function storedForm(b: Draft): string {
  return JSON.stringify({
    ...actionColumns(b),
    leadPerson: b.lead?.person?.trim() || null,
    axisId: b.axisId,
    objectiveId: b.objectiveId,
    partners: b.partners.map((p) => ({ ...p, person: p.person?.trim() || null })),
    indicators: b.indicators.map((i) => ({ id: i.id ?? null, kind: i.kind, label: i.label, unit: i.unit, baseline: i.baseline, target: i.target })),
    budgets: (b.budgets ?? []).map((l) => [l.year, l.amount, l.funderId, l.status]),
  });
}

interface Where {
  sheet: string;
  row: number;
  column: string;
  header: string;
}

interface Work {
  fiche: FicheTableView;
  draft: Draft;
  fileVersion: number | null;
  versionWhere: Where | null;
  /** Where each body path was read, for the zod errors. */
  cells: { paths: string[]; where: Where }[];
  /** The fiche's first row seen, for errors without a column. */
  first: Where;
  readErrors: boolean;
}

/** `measurements`: how many measurements each indicator has (an indicator with some is not dropped). */
export function planImport(grids: SheetGrid[], fiches: FicheTableView[], ref: ImportReference, measurements: ReadonlyMap<string, number> = new Map()): ImportPlan {
  const errors: CellError[] = [];
  const byNumber = new Map(fiches.map((f) => [f.number, f]));
  const work = new Map<number, Work>();
  const fail = (where: Where, message: string) => errors.push({ ...where, message });

  for (const def of FICHE_SHEETS) {
    const grid = grids.find((g) => normalize(g.name) === normalize(def.name));
    if (!grid) {
      if (def.optional) continue;
      fail({ sheet: def.name, row: 1, column: "A", header: "" }, `La feuille « ${def.name} » est absente du fichier : partez d'un export des fiches de Clés sans supprimer ni renommer de feuille.`);
      continue;
    }
    const positions = locateColumns(grid, def, fail);
    const numberAt = positions.get(def.columns[0]!);
    if (numberAt === undefined) continue;
    const seen = new Map<number, number>();
    for (const { row, cells } of grid.rows) {
      const at = (c: Column): Where => ({ sheet: grid.name, row, column: columnLetter(positions.get(c)! + 1), header: c.header });
      const numberWhere = at(def.columns[0]!);
      const parsed = parseFicheNumber(cells[numberAt] ?? null);
      if (!parsed.ok) {
        fail(numberWhere, parsed.error);
        continue;
      }
      if (parsed.value === null) {
        if (cells.some((c) => cellText(c ?? null) !== "")) fail(numberWhere, "Le numéro de la fiche est vide : chaque ligne doit commencer par le numéro de sa fiche.");
        continue;
      }
      const number = parsed.value;
      if (seen.has(number)) {
        fail(numberWhere, `La fiche FA ${number} figure deux fois dans cette feuille (lignes ${seen.get(number)} et ${row}).`);
        continue;
      }
      seen.set(number, row);
      const fiche = byNumber.get(number);
      if (!fiche) {
        fail(numberWhere, `Ce contrat n'a pas de fiche FA ${number} : l'import ne crée pas de fiche. Créez-la dans Clés, puis exportez à nouveau les fiches.`);
        continue;
      }
      let w = work.get(number);
      if (!w) {
        w = { fiche, draft: currentBody(fiche), fileVersion: null, versionWhere: null, cells: [], first: numberWhere, readErrors: false };
        work.set(number, w);
      }
      for (const [column, index] of positions) {
        if (column === def.columns[0]) continue;
        const where = at(column);
        const cell = cells[index] ?? null;
        if (column === versionColumn) {
          const v = parseVersion(cell);
          w.versionWhere = where;
          if (v.ok) w.fileVersion = v.value;
          else fail(where, `FA ${number} : ${v.error}`);
          continue;
        }
        w.cells.push({ paths: column.paths, where });
        const error = column.read!(cell, w.draft, ref);
        if (error) {
          w.readErrors = true;
          fail(where, `FA ${number} : ${error}`);
        }
      }
    }
  }

  const changes: ImportPlan["changes"] = [];
  for (const [number, w] of work) {
    if (w.readErrors) continue;
    w.draft.indicators = matchIndicators(w.draft.indicators, w.fiche.indicators);
    const before = currentBody(w.fiche);
    if (storedForm(w.draft) === storedForm(before)) continue;
    const result = actionUpdateBody.safeParse(w.draft);
    if (result.success && determinantsDropped(w.fiche.determinants, result.data.determinants)) {
      fail(bestCell(w.cells, "determinants") ?? w.first, `FA ${number} : ${DETERMINANT_COUNT_MESSAGE}`);
      continue;
    }
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join(".");
        const cell = bestCell(w.cells, path) ?? w.first;
        fail(cell, `FA ${number} : ${issue.message}`);
      }
      continue;
    }
    // A NUL character or a lone surrogate (Excel writes control characters as _x0000_) would make the database refuse the whole import.
    const text = findTextProblem(result.data);
    if (text?.kind === "text") {
      fail(bestCell(w.cells, text.error.path) ?? w.first, `FA ${number} : ${text.error.message}`);
      continue;
    }
    const dropped = droppedMeasuredIndicators(w.fiche.indicators, result.data.indicators, measurements);
    if (dropped.length) {
      for (const e of dropped) fail(bestCell(w.cells, "indicators") ?? w.first, `FA ${number} : ${e.message}`);
      continue;
    }
    const parsedBefore = actionUpdateBody.safeParse(before);
    if (storedForm(result.data) === storedForm(parsedBefore.success ? parsedBefore.data : before)) continue;
    if (w.fileVersion !== null && w.fileVersion !== w.fiche.version) {
      fail(
        w.versionWhere ?? w.first,
        `FA ${number} : cette fiche a été modifiée dans Clés depuis l'export (version ${w.fiche.version}, le fichier a la version ${w.fileVersion}). Pour ne pas écraser ces modifications, rien n'est importé : exportez à nouveau les fiches et reportez vos changements.`,
      );
      continue;
    }
    changes.push({ fiche: w.fiche, body: result.data });
  }
  errors.sort((a, b) => FICHE_SHEETS.findIndex((s) => s.name === a.sheet) - FICHE_SHEETS.findIndex((s) => s.name === b.sheet) || a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return { errors, changes, unchanged: fiches.length - changes.length };
}

/** Finds each declared column by its header in row 1 (so that extra columns do no harm); reports the missing ones. */
function locateColumns(grid: SheetGrid, def: FicheSheet, fail: (w: Where, m: string) => void): Map<Column, number> {
  const byHeader = new Map<string, number>();
  grid.headers.forEach((h, i) => {
    const key = normalize(cellText(h ?? null));
    if (key && !byHeader.has(key)) byHeader.set(key, i);
  });
  const positions = new Map<Column, number>();
  def.columns.forEach((c, i) => {
    if (c.exportOnly && c.key !== "number" && c !== versionColumn) return;
    const at = [c.header, ...(c.aliases ?? [])].map((h) => byHeader.get(normalize(h))).find((i) => i !== undefined);
    if (at !== undefined) positions.set(c, at);
    else
      fail(
        { sheet: grid.name, row: 1, column: columnLetter(i + 1), header: c.header },
        c.header === NUMBER_HEADER
          ? `La colonne « ${NUMBER_HEADER} » est absente : la feuille ne peut pas être lue. Ne renommez pas les en-têtes de la ligne 1.`
          : `La colonne « ${c.header} » est absente de la ligne 1 : ne renommez ni ne supprimez les colonnes de l'export.`,
      );
  });
  return positions;
}

/** The cell whose column fills the longest prefix of the error's path. */
function bestCell(cells: Work["cells"], path: string): Where | undefined {
  let best: { where: Where; length: number } | undefined;
  for (const c of cells)
    for (const p of c.paths)
      if ((path === p || path.startsWith(`${p}.`)) && (!best || p.length > best.length)) best = { where: c.where, length: p.length };
  return best?.where;
}
