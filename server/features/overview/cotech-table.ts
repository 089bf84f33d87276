/**
 * The COTECH progress table (issue 5), as in the seed review: for a year, grouped
 * by axis and operational objective, one row per fiche with five columns —
 * objectives / evaluation criteria | planned schedule | actual progress |
 * remaining work | adjustments — then the transversal and process rows.
 * `buildCotechTable` is pure; `loadCotechTable` reads a contract in one query per table.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, adjustments, axes, contracts, followUpItems, indicators, objectives, progressEntries, remainingItems } from "../../db/schema.js";
import { loadFicheProjections, type Fiche } from "../actions/fiches.js";
import { notFound } from "../../http/problem.js";
import { frenchNumber, type DatePrecision } from "../../domain/dates.js";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES, adjustmentAsOf, scheduleLabel } from "../followup/rules.js";
import type { ShownStatus } from "../../domain/shown-status.js";
import { plainWords } from "../../domain/plain-words.js";
import { isReferentsRow, REFERENTS_ROW_TITLE } from "../../domain/referents.js";
import { referentsLineAsOf } from "../referents/service.js";

export interface TableInput {
  year: number;
  today: string;
  axes: { id: string; number: number; title: string }[];
  objectives: { id: string; axisId: string; code: string; title: string; position: number }[];
  /** The fiche read model: status shown and milestones come with each fiche. */
  fiches: Fiche[];
  indicators: { actionId: string; label: string; target: number | null; unit: string }[];
  progress: { id: string; actionId: string; happenedOn: string; happenedOnPrecision?: DatePrecision; text: string }[];
  remaining: { id: string; actionId: string; text: string; doneOn: string | null }[];
  adjustments: { id: string; actionId: string; kind: keyof typeof ADJUSTMENT_KINDS; description: string; status: keyof typeof ADJUSTMENT_STATUSES; doneOn: string | null; targetNumber: number | null }[];
  items: { id: string; section: "transversal" | "process"; title: string; adjustments: string; position: number; version: number }[];
  /** « 9 communes sur 20 ont leurs deux référents (technique et élu) », as of `today`; none: not computed. */
  referentsLine?: string;
  mayUpdate: (actionId: string) => boolean;
}

export interface TableRow {
  action: { id: string; number: number; title: string; shownStatus: ShownStatus; shownStatusLabel: string };
  permissions: { update: boolean };
  objectives: string;
  criteria: string[];
  planned: { id: string; title: string; label: string; overdue: boolean }[];
  progress: { id: string; happenedOn: string; happenedOnPrecision: DatePrecision; text: string }[];
  remaining: { id: string; text: string; doneOn: string | null }[];
  adjustments: { id: string; kindLabel: string; description: string; statusLabel: string }[];
}

const inYear = (day: string, year: number) => day.startsWith(`${year}-`);
const byAction = <T extends { actionId: string }>(list: T[]) => {
  const map = new Map<string, T[]>();
  for (const item of list) map.set(item.actionId, [...(map.get(item.actionId) ?? []), item]);
  return map;
};

const flat = plainWords;

/**
 * An adjustment as the committee reads it: its description alone when it already says what
 * its kind says (never « Fusionner avec la FA 11 : Fusionner avec la FA 11 »); a proposal is
 * the committee's question (« Fusionner avec la FA 11 ? »), a partner's remark stays a remark.
 */
export function adjustmentLine(a: TableRow["adjustments"][number]): string {
  const description = a.description.trim().replace(/[.\s]+$/, "");
  const generic = a.kindLabel === ADJUSTMENT_KINDS.other;
  const text = !description ? a.kindLabel : generic || flat(description).startsWith(flat(a.kindLabel)) ? description : `${a.kindLabel} : ${description}`;
  if (a.statusLabel === ADJUSTMENT_STATUSES.proposed && a.kindLabel !== ADJUSTMENT_KINDS.partner_remark) return `${text.replace(/\s*\?$/, "")} ?`;
  return `${text} (${a.statusLabel.toLowerCase()})`;
}

/** The process rows, the one about referents with the line computed from the communes' referents. */
function processRows(input: TableInput) {
  return input.items
    .filter((i) => i.section === "process")
    .sort((a, b) => a.position - b.position)
    .map((i) => ({ ...i, computed: input.referentsLine !== undefined && isReferentsRow(flat(i.title)) ? input.referentsLine : null }));
}

/**
 * A milestone belongs to a year's table when it was planned, moved to, or done in
 * that year; progress when it happened that year. Remaining work is the current
 * list (done items of that year stay visible, ticked). Adjustments: all still
 * open, and those done that year.
 */
export function buildCotechTable(input: TableInput) {
  const { year, today } = input;
  const pr = byAction(input.progress);
  const rem = byAction(input.remaining);
  const adj = byAction(input.adjustments);
  const ind = byAction(input.indicators);

  const row = (f: TableInput["fiches"][number]): TableRow => {
    return {
      action: { id: f.id, number: f.number, title: f.title, shownStatus: f.shownStatus, shownStatusLabel: f.shownStatusLabel },
      permissions: { update: input.mayUpdate(f.id) },
      objectives: f.specificObjective,
      criteria: (ind.get(f.id) ?? []).map((i) => (i.target !== null ? `${i.label} (cible : ${frenchNumber(i.target)}${i.unit ? ` ${i.unit}` : ""})` : i.label)),
      planned: f.milestones
        .filter((m) => inYear(m.plannedBy, year) || inYear(m.originallyBy, year) || (m.doneOn !== null && inYear(m.doneOn, year)))
        .sort((a, b) => a.plannedBy.localeCompare(b.plannedBy))
        .map((m) => ({ id: m.id, title: m.title, label: scheduleLabel(m), overdue: !m.doneOn && m.plannedBy < today })),
      progress: (pr.get(f.id) ?? []).filter((p) => inYear(p.happenedOn, year)).sort((a, b) => a.happenedOn.localeCompare(b.happenedOn)).map(({ id, happenedOn, happenedOnPrecision = "day", text }) => ({ id, happenedOn, happenedOnPrecision, text })),
      remaining: (rem.get(f.id) ?? []).filter((r) => !r.doneOn || r.doneOn >= `${year}-01-01`).map(({ id, text, doneOn }) => ({ id, text, doneOn })),
      adjustments: (adj.get(f.id) ?? []).filter((a) => a.status !== "done" || (a.doneOn !== null && inYear(a.doneOn, year))).map((a) => ({
        id: a.id,
        kindLabel: a.kind === "merge" && a.targetNumber !== null ? `Fusionner avec la FA ${a.targetNumber}` : ADJUSTMENT_KINDS[a.kind],
        description: a.description,
        statusLabel: ADJUSTMENT_STATUSES[a.status],
      })),
    };
  };

  const sortedAxes = [...input.axes].sort((a, b) => a.number - b.number);
  return {
    year,
    axes: sortedAxes.map((axis) => {
      const fiches = input.fiches.filter((f) => f.axisId === axis.id).sort((a, b) => a.number - b.number);
      const objs = input.objectives.filter((o) => o.axisId === axis.id).sort((a, b) => a.position - b.position);
      const groups = objs.map((o) => ({ id: o.id as string | null, code: o.code, title: o.title, rows: fiches.filter((f) => f.objectiveId === o.id).map(row) }));
      const loose = fiches.filter((f) => !f.objectiveId || !objs.some((o) => o.id === f.objectiveId));
      if (loose.length) groups.push({ id: null, code: "", title: "", rows: loose.map(row) });
      return { id: axis.id, number: axis.number, title: axis.title, objectives: groups.filter((g) => g.rows.length > 0) };
    }),
    transversal: input.items.filter((i) => i.section === "transversal").sort((a, b) => a.position - b.position).map((i) => ({ ...i, computed: null as string | null })),
    process: processRows(input),
    /** The referents' line when no process row speaks of referents: the table shows it as a row of its own. */
    referentsLine: input.referentsLine !== undefined && !input.items.some((i) => i.section === "process" && isReferentsRow(flat(i.title))) ? input.referentsLine : null,
  };
}
export type CotechTable = ReturnType<typeof buildCotechTable>;

export interface DocumentItem {
  title: string;
  /** A line computed from the data (the referents'), under the title. */
  computed?: string | null;
  adjustments: string;
}

/** The process rows as the deck and the spreadsheet show them: the referents' own row added when no row speaks of them. */
export function processForDocuments(table: { process: DocumentItem[]; referentsLine?: string | null }): DocumentItem[] {
  return table.referentsLine ? [...table.process, { title: REFERENTS_ROW_TITLE, computed: table.referentsLine, adjustments: "" }] : table.process;
}

/** The years of a contract's period, and the one to show by default (this year, within the period). */
export function contractYears(startDate: string, endDate: string, today: string): { years: number[]; current: number } {
  const first = Number(startDate.slice(0, 4));
  const last = Number(endDate.slice(0, 4));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { years, current: Math.min(last, Math.max(first, Number(today.slice(0, 4)))) };
}

/** The fiches of a table's rows. */
export const rowIds = (table: { axes: { objectives: { rows: TableRow[] }[] }[] }): string[] => table.axes.flatMap((axis) => axis.objectives.flatMap((group) => group.rows.map((row) => row.action.id)));

/** The table as `who` sees it: the same rows, with what they may update. */
export function tableFor<T extends { axes: { objectives: { rows: TableRow[] }[] }[] }>(table: T, mayUpdate: (actionId: string) => boolean): T {
  return {
    ...table,
    axes: table.axes.map((axis) => ({
      ...axis,
      objectives: axis.objectives.map((group) => ({ ...group, rows: group.rows.map((row) => ({ ...row, permissions: { update: mayUpdate(row.action.id) } })) })),
    })),
  };
}

/** Reads a contract's table for a year: one query per table, all at once, whatever the number of fiches. */
export async function loadCotechTable(db: Db, contractId: string, year: number | undefined, today: string, mayUpdate: (actionId: string) => boolean) {
  const live = and(eq(actions.contractId, contractId), isNull(actions.archivedAt));
  const liveIds = db.select({ id: actions.id }).from(actions).where(live);
  const [[contract], fiches, axisRows, objectiveRows, indicatorRows, progressRows, remainingRows, adjustmentRows, itemRows, referentsLine] = await Promise.all([
    db.select({ name: contracts.name, startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId)),
    loadFicheProjections(db, contractId, today),
    db.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId)),
    db
      .select({ id: objectives.id, axisId: objectives.axisId, code: objectives.code, title: objectives.title, position: objectives.position })
      .from(objectives)
      .innerJoin(axes, eq(axes.id, objectives.axisId))
      .where(eq(axes.contractId, contractId)),
    db.select({ actionId: indicators.actionId, label: indicators.label, target: indicators.target, unit: indicators.unit }).from(indicators).where(inArray(indicators.actionId, liveIds)).orderBy(asc(indicators.position)),
    // Every year's progress (a contract holds a few hundred entries): the year is chosen once the contract is read.
    db.select({ id: progressEntries.id, actionId: progressEntries.actionId, happenedOn: progressEntries.happenedOn, happenedOnPrecision: progressEntries.happenedOnPrecision, text: progressEntries.text }).from(progressEntries).where(inArray(progressEntries.actionId, liveIds)),
    db.select({ id: remainingItems.id, actionId: remainingItems.actionId, text: remainingItems.text, doneOn: remainingItems.doneOn }).from(remainingItems).where(inArray(remainingItems.actionId, liveIds)).orderBy(asc(remainingItems.position)),
    db
      .select({ id: adjustments.id, actionId: adjustments.actionId, kind: adjustments.kind, description: adjustments.description, status: adjustments.status, agreedOn: adjustments.agreedOn, doneOn: adjustments.doneOn, targetActionId: adjustments.targetActionId })
      .from(adjustments)
      .where(inArray(adjustments.actionId, liveIds))
      .orderBy(asc(adjustments.createdAt)),
    db
      .select({ id: followUpItems.id, section: followUpItems.section, title: followUpItems.title, adjustments: followUpItems.adjustments, position: followUpItems.position, version: followUpItems.version, year: followUpItems.year })
      .from(followUpItems)
      .where(eq(followUpItems.contractId, contractId)),
    referentsLineAsOf(db, contractId, today),
  ]);
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const { years, current } = contractYears(contract.startDate, contract.endDate, today);
  const chosen = year ?? current;
  const numbers = new Map(fiches.map((f) => [f.id, f.number]));
  const input: TableInput = {
    year: chosen,
    today,
    axes: axisRows,
    objectives: objectiveRows,
    fiches,
    indicators: indicatorRows,
    // As of `today` (a committee's day for its deck): nothing after it, work then not yet done read as open.
    progress: progressRows.filter((p) => p.happenedOn >= `${chosen}-01-01` && p.happenedOn <= `${chosen}-12-31` && p.happenedOn <= today),
    remaining: remainingRows.map((r) => (r.doneOn && r.doneOn > today ? { ...r, doneOn: null } : r)),
    adjustments: adjustmentRows.map(({ targetActionId, ...a }) => ({ ...adjustmentAsOf(a, today), targetNumber: targetActionId ? (numbers.get(targetActionId) ?? null) : null })),
    items: itemRows.filter((i) => i.year === chosen).map(({ year: _y, ...i }) => i),
    referentsLine,
    mayUpdate,
  };
  return { contractName: contract.name, years, ...buildCotechTable(input) };
}
