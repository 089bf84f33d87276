/**
 * The columns of a fiche action in a table, declared once, block by block as in
 * the ARS template: its header (French), width, how a fiche's value reads in a
 * cell, and how a cell is read back. The Excel export and import use them, and
 * any other table of fiches (a DOCX annex) can: nothing here knows a file format.
 */
import type { ActionView } from "../actions/queries.js";
import type { ActionUpdateBody } from "../actions/schema.js";
import { ACTION_STATUSES } from "../../domain/statuses.js";
import { knownDate, plural, type DatePrecision } from "../../domain/dates.js";
import { CITY_CONTRACT_ANSWERS, PARTICIPATION_DEGREES, TERRITORY_SCOPES } from "../../domain/vocabulary.js";
import { budgetTotalsText, budgetYearProblem } from "../../domain/budget.js";
import { budgetCellLines, parseBudgetCell, type BudgetCellLine } from "./budget-cell.js";
import {
  cellLines,
  cellText,
  fail,
  joinLines,
  monthCell,
  ok,
  parseLabel,
  parseMonth,
  parseNumber,
  parseYesNo,
  YES_NO,
  yesNoCell,
  type CellInput,
  type CellValue,
  type Parsed,
} from "./cells.js";
import { findOrganisation, indicatorLine, parseCommunes, parseDeterminants, parseIndicators, parsePartners, parseThemes, partnerLine, themeLine, type ImportReference } from "./lists.js";

export type { CellValue } from "./cells.js";

/** A fiche as tables show it: its content with names, its latest progress and its milestones. */
export interface FicheTableView extends ActionView {
  /** « Torcy (77468) » for each commune of its territory. */
  communeLabels: string[];
  latestProgress: { happenedOn: string; happenedOnPrecision?: DatePrecision; text: string } | null;
  /** The status people see on the day of the export (« En retard » when a step is overdue). */
  shownStatusLabel: string;
  milestones: { title: string; schedule: string; doneOn: string | null; overdue: boolean }[];
}

/** The body a fiche is updated with, built from its current state and the cells read. */
export type Draft = ActionUpdateBody;

export interface Column {
  /** Stable key of the column. */
  key: string;
  header: string;
  /** Width in characters. */
  width: number;
  /** Shown in a table, never read back (progress, milestones, reminders). */
  exportOnly: boolean;
  /** The allowed values, for a drop-down list in a spreadsheet. */
  choices?: readonly string[];
  /** Former headers of the column, still recognised in files exported before it was renamed. */
  aliases?: readonly string[];
  /** Fields of the API body this column fills: a validation error of one of them is shown on this column's cell. */
  paths: string[];
  get(fiche: FicheTableView): CellValue;
  /** Reads a cell into the draft; returns a French message when the cell cannot be read. */
  read?(cell: CellInput, draft: Draft, ref: ImportReference): string | null;
}

interface ColumnDef<V> {
  key: string;
  header: string;
  width: number;
  choices?: readonly string[];
  aliases?: readonly string[];
  paths?: string[];
  get(fiche: FicheTableView): CellValue;
  parse?(cell: CellInput, ref: ImportReference): Parsed<V>;
  /** Puts the value read into the draft; may refuse with a French message. */
  set?(draft: Draft, value: V, ref: ImportReference): string | null | void;
}

function column<V>(def: ColumnDef<V>): Column {
  const { parse, set, paths, ...rest } = def;
  return {
    ...rest,
    paths: paths ?? [def.key],
    exportOnly: !parse || !set,
    read:
      parse && set
        ? (cell, draft, ref) => {
            const r = parse(cell, ref);
            if (!r.ok) return r.error;
            return set(draft, r.value, ref) ?? null;
          }
        : undefined,
  };
}

const text = (cell: CellInput) => ok(cellText(cell));
const lines = (cell: CellInput) => ok(cellLines(cell));
const label =
  <K extends string>(labels: Readonly<Record<K, string>> | readonly K[], what: string) =>
  (cell: CellInput) =>
    parseLabel(cell, labels, what);

/** The key of the round trip, first in every sheet. */
export const NUMBER_HEADER = "N° fiche";
export const numberColumn = column<number>({ key: "number", header: NUMBER_HEADER, width: 9, get: (f) => f.number });

/** The version read, so that an import never overwrites a fiche changed since the export. */
export const VERSION_HEADER = "Version (ne pas modifier)";
export const versionColumn = column<number>({ key: "version", header: VERSION_HEADER, width: 12, get: (f) => f.version });

/** Reads a fiche number: 7, « 7 » or « FA 7 ». */
export function parseFicheNumber(cell: CellInput): Parsed<number | null> {
  const t = cellText(cell);
  if (t === "") return ok(null);
  const m = /^(?:fa\s*)?(\d{1,3})$/i.exec(t);
  return m ? ok(Number(m[1])) : fail(`« ${t} » n'est pas un numéro de fiche (écrivez par exemple 7 ou FA 7).`);
}

export function parseVersion(cell: CellInput): Parsed<number> {
  const n = parseNumber(cellText(cell));
  return n !== null && Number.isInteger(n) && n >= 1 ? ok(n) : fail("La version est absente ou invalide : elle vient de l'export, ne la modifiez pas (exportez à nouveau les fiches si besoin).");
}

const titleReminder = column({ key: "titleReminder", header: "Intitulé (rappel)", width: 36, get: (f) => f.title });

export interface FicheSheet {
  /** Sheet name (31 characters at most). */
  name: string;
  /** The block of the ARS template it holds. */
  block: string;
  columns: Column[];
  /** A sheet that files exported before it existed lack: when absent, what it holds stays as it is. */
  optional?: boolean;
}

export const FICHE_SHEETS: FicheSheet[] = [
  {
    name: "Identification",
    block: "En-tête de la fiche",
    columns: [
      numberColumn,
      column({ key: "title", header: "Intitulé", width: 40, get: (f) => f.title, parse: text, set: (d, v) => void (d.title = v) }),
      column<number | null>({
        key: "axis",
        header: "Axe (numéro)",
        width: 10,
        paths: ["axisId"],
        get: (f) => f.axis.number,
        // « 2 » or « Axe 2 ».
        parse: (cell) => ok(parseNumber(cellText(cell).replace(/^axe\s*/i, ""))),
        set: (d, n, ref) => {
          const axis = ref.axes.find((a) => a.number === n);
          const numbers = ref.axes.map((a) => a.number).join(", ");
          if (!axis) return n === null ? `Indiquez le numéro de l'axe (${numbers}).` : `Le contrat n'a pas d'axe ${n} : écrivez le numéro d'un de ses axes (${numbers}).`;
          d.axisId = axis.id;
        },
      }),
      column({ key: "axisTitle", header: "Intitulé de l'axe (rappel)", width: 30, get: (f) => f.axis.title }),
      column<string>({
        key: "objective",
        header: "Objectif opérationnel (code)",
        width: 14,
        paths: ["objectiveId"],
        get: (f) => f.objective?.code ?? null,
        parse: text,
        set: (d, code, ref) => {
          const axis = ref.axes.find((a) => a.id === d.axisId);
          if (!code) return void (d.objectiveId = null);
          const objective = axis?.objectives.find((o) => o.code === code);
          if (!objective) return `L'objectif « ${code} » n'existe pas dans l'axe choisi${axis?.objectives.length ? ` (codes possibles : ${axis.objectives.map((o) => o.code).join(", ")})` : " (cet axe n'a pas d'objectif : laissez vide)"}.`;
          d.objectiveId = objective.id;
        },
      }),
      column({
        key: "status",
        header: "Statut",
        width: 14,
        choices: Object.values(ACTION_STATUSES),
        get: (f) => ACTION_STATUSES[f.status],
        parse: (cell) => (cellText(cell) ? parseLabel(cell, ACTION_STATUSES, "un statut") : fail("Le statut est obligatoire.")),
        set: (d, v) => void (d.status = v!),
      }),
      column<string | null>({
        key: "lead",
        header: "Porteur (organisation)",
        width: 32,
        paths: ["lead.organisation", "lead"],
        get: (f) => f.lead?.organisationName ?? null,
        parse: (cell, ref) => (cellText(cell) ? findOrganisation(cellText(cell), ref) : ok(null)),
        set: (d, id) => void (d.lead = id ? { organisation: id, person: d.lead?.person ?? null } : null),
      }),
      column({
        key: "leadPerson",
        header: "Porteur (personne)",
        width: 22,
        paths: ["lead.person"],
        get: (f) => f.lead?.person ?? null,
        parse: text,
        set: (d, person) => {
          if (!d.lead) return person ? "Indiquez l'organisation porteuse pour nommer une personne." : null;
          d.lead = { ...d.lead, person: person || null };
        },
      }),
      column({ key: "startMonth", header: "Début (MM/AAAA)", width: 12, get: (f) => monthCell(f.startMonth), parse: parseMonth, set: (d, v) => void (d.startMonth = v) }),
      column({ key: "endMonth", header: "Fin (MM/AAAA)", width: 12, get: (f) => monthCell(f.endMonth), parse: parseMonth, set: (d, v) => void (d.endMonth = v) }),
      versionColumn,
      // What every screen and document shows on the day of the export: « En retard » when a step is overdue.
      column({ key: "shownStatus", header: "Statut affiché (non importé)", width: 16, get: (f) => f.shownStatusLabel }),
    ],
  },
  {
    name: "Justification",
    block: "Justification",
    columns: [
      numberColumn,
      titleReminder,
      column({ key: "justification", header: "Justification", width: 70, paths: ["justification.text"], get: (f) => f.justification.text, parse: text, set: (d, v) => void (d.justification.text = v) }),
      column({
        key: "inequalitiesIdentified",
        header: "Inégalités sociales et territoriales de santé repérées",
        width: 18,
        choices: YES_NO,
        paths: ["justification.inequalitiesIdentified"],
        get: (f) => yesNoCell(f.justification.inequalitiesIdentified),
        parse: parseYesNo,
        set: (d, v) => void (d.justification.inequalitiesIdentified = v),
      }),
      column<keyof typeof CITY_CONTRACT_ANSWERS | null>({
        key: "cityContractHealth",
        header: "Intégrée au volet santé du contrat de ville",
        width: 18,
        choices: Object.values(CITY_CONTRACT_ANSWERS),
        paths: ["justification.cityContractHealth"],
        get: (f) => (f.justification.cityContractHealth ? CITY_CONTRACT_ANSWERS[f.justification.cityContractHealth] : null),
        parse: label(CITY_CONTRACT_ANSWERS, "une réponse"),
        set: (d, v) => void (d.justification.cityContractHealth = v),
      }),
    ],
  },
  {
    name: "Description",
    block: "Description",
    columns: [
      numberColumn,
      titleReminder,
      column({ key: "specificObjective", header: "Objectif spécifique", width: 40, get: (f) => f.specificObjective, parse: text, set: (d, v) => void (d.specificObjective = v) }),
      column({ key: "operationalObjectives", header: "Objectifs opérationnels (un par ligne)", width: 45, get: (f) => joinLines(f.operationalObjectives), parse: lines, set: (d, v) => void (d.operationalObjectives = v) }),
      column({ key: "description", header: "Description", width: 70, get: (f) => f.description, parse: text, set: (d, v) => void (d.description = v) }),
      column({ key: "preExisting", header: "Action préexistante au CLS", width: 14, choices: YES_NO, get: (f) => yesNoCell(f.preExisting), parse: parseYesNo, set: (d, v) => void (d.preExisting = v) }),
      column({ key: "targetPublic", header: "Public cible", width: 32, get: (f) => f.targetPublic, parse: text, set: (d, v) => void (d.targetPublic = v) }),
      column({ key: "place", header: "Lieu de l'action", width: 28, get: (f) => f.place, parse: text, set: (d, v) => void (d.place = v) }),
      column({
        key: "territoryScope",
        header: "Territoire",
        width: 24,
        choices: Object.values(TERRITORY_SCOPES),
        paths: ["territory.scope"],
        get: (f) => TERRITORY_SCOPES[f.territory.scope],
        parse: (cell) => (cellText(cell) ? parseLabel(cell, TERRITORY_SCOPES, "un territoire") : fail("Choisissez le territoire de l'action.")),
        set: (d, v) => void (d.territory = { ...d.territory, scope: v! }),
      }),
      column({
        key: "territoryCommunes",
        header: "Communes (une par ligne)",
        width: 26,
        paths: ["territory.communes"],
        get: (f) => joinLines(f.communeLabels),
        parse: parseCommunes,
        set: (d, v) => void (d.territory = { ...d.territory, communes: v }),
      }),
    ],
  },
  {
    name: "Typologie",
    block: "Typologie et thématique",
    columns: [
      numberColumn,
      titleReminder,
      column({
        key: "determinants",
        header: "Déterminants visés (1 à 3, un par ligne)",
        aliases: ["Déterminant visé"],
        width: 30,
        get: (f) => joinLines(f.determinants),
        parse: parseDeterminants,
        set: (d, v) => void (d.determinants = v),
      }),
      column({ key: "themes", header: "Thèmes (un par ligne, 3 au plus ; « Autre : précision »)", width: 40, get: (f) => joinLines(f.themes.map(themeLine)), parse: parseThemes, set: (d, v) => void (d.themes = v) }),
      column({ key: "otherPlans", header: "Articulation avec d'autres plans (un par ligne)", width: 30, get: (f) => joinLines(f.otherPlans), parse: lines, set: (d, v) => void (d.otherPlans = v) }),
      column({
        key: "prsProjects",
        header: "Projets du PRS (codes)",
        width: 18,
        get: (f) => f.prsProjects.join(", ") || null,
        parse: (cell) => ok(cellText(cell).split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean)),
        set: (d, v) => void (d.prsProjects = v),
      }),
    ],
  },
  {
    name: "Partenaires",
    block: "Partenaires et participation",
    columns: [
      numberColumn,
      titleReminder,
      column({
        key: "partners",
        header: "Partenaires (un par ligne : Organisation — Secteur — rôles — personne)",
        width: 70,
        get: (f) => joinLines(f.partners.map(partnerLine)),
        parse: parsePartners,
        set: (d, v) => void (d.partners = v),
      }),
      column({ key: "participationInvolved", header: "Habitants associés", width: 14, choices: YES_NO, paths: ["participation.involved"], get: (f) => yesNoCell(f.participation.involved), parse: parseYesNo, set: (d, v) => void (d.participation.involved = v) }),
      column({ key: "participationHow", header: "Modalités de participation", width: 40, paths: ["participation.how"], get: (f) => f.participation.how, parse: text, set: (d, v) => void (d.participation.how = v) }),
      column<keyof typeof PARTICIPATION_DEGREES | null>({
        key: "participationDegree",
        header: "Degré de participation",
        width: 18,
        choices: Object.values(PARTICIPATION_DEGREES),
        paths: ["participation.degree"],
        get: (f) => (f.participation.degree ? PARTICIPATION_DEGREES[f.participation.degree] : null),
        parse: label(PARTICIPATION_DEGREES, "un degré de participation"),
        set: (d, v) => void (d.participation.degree = v),
      }),
    ],
  },
  {
    name: "Suivi et évaluation",
    block: "Suivi et évaluation",
    columns: [
      numberColumn,
      titleReminder,
      column({
        key: "indicators",
        header: "Indicateurs (un par ligne : Type — Libellé — départ : 0 — cible : 10 — unité : %)",
        width: 70,
        get: (f) => joinLines(f.indicators.map(indicatorLine)),
        parse: parseIndicators,
        // Existing indicators keep their id (and measurements): the import matches them (import.ts).
        set: (d, v) => void (d.indicators = v),
      }),
      column({
        key: "latestProgress",
        header: "Dernier avancement (non importé)",
        width: 60,
        get: (f) => (f.latestProgress ? `${knownDate(f.latestProgress.happenedOn, f.latestProgress.happenedOnPrecision)} : ${f.latestProgress.text}` : null),
      }),
      column({ key: "milestones", header: "Étapes du rétroplanning (non importé)", width: 50, get: (f) => milestonesSummary(f.milestones) }),
    ],
  },
  {
    name: "Budget",
    block: "Budget et financeurs",
    optional: true,
    columns: [
      numberColumn,
      titleReminder,
      column<BudgetCellLine[]>({
        key: "budget",
        header: "Budget (une ligne par financement : « 2021 : 12 000 € — Financeur (acquis) » ou « (demandé) »)",
        width: 70,
        paths: ["budgets"],
        get: (f) => joinLines(budgetCellLines(f.budget.lines)),
        parse: parseBudgetCell,
        set: (d, lines, ref) => {
          const years = ref.budgetYears;
          const problems = years ? lines.flatMap((l) => budgetYearProblem(l.year, years) ?? []) : [];
          if (problems.length) return problems.join(" ; ");
          d.budgets = lines;
        },
      }),
      column({ key: "budgetTotals", header: "Total (non importé)", width: 36, get: (f) => budgetTotalsText(f.budget) }),
    ],
  },
];

/** « 3 étapes dont 1 réalisée, 1 en retard » then one line per step not done. */
export function milestonesSummary(milestones: FicheTableView["milestones"]): string | null {
  if (!milestones.length) return null;
  const done = milestones.filter((m) => m.doneOn).length;
  const late = milestones.filter((m) => m.overdue).length;
  const counts = [plural(done, "réalisée"), ...(late ? [`${late} en retard`] : [])].join(", ");
  const open = milestones.filter((m) => !m.doneOn).map((m) => `${m.title} (${m.schedule}${m.overdue ? ", en retard" : ""})`);
  return [`${plural(milestones.length, "étape")} dont ${counts}`, ...open].join("\n");
}

/** Every column once, in sheet order, the fiche number first (for a single table). */
export const ALL_COLUMNS: Column[] = [numberColumn, ...FICHE_SHEETS.flatMap((s) => s.columns.filter((c) => c !== numberColumn && c !== titleReminder && c !== versionColumn))];

/** A table of fiches: headers and one row of cell values per fiche (XLSX sheet, DOCX table…). */
export function fichesTable(columns: readonly Column[], fiches: readonly FicheTableView[]): { headers: string[]; rows: CellValue[][] } {
  return { headers: columns.map((c) => c.header), rows: fiches.map((f) => columns.map((c) => c.get(f))) };
}
