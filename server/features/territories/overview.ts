/**
 * The territory overview from the facts of its contracts (pure): the filters, one row of
 * figures per contract, the aggregates across the scope (fiches by theme × PRS code,
 * governance, late fiches, budget by funder) and the order of the rows.
 */
import { SHOWN_CONTRACT_STATUSES, shownContractStatus, type ShownContractStatus } from "../../domain/contract-status.js";
import { SHOWN_STATUSES, type ShownStatus } from "../../domain/shown-status.js";
import type { ContractStatus } from "../../domain/statuses.js";
import type { CommitteeFacts, ContractFacts, FicheFacts } from "./facts.js";
import type { FilterQuery, TerritorySort } from "./schema.js";

/** A contract as the directory knows it: its header and the départements of its communes. */
export interface DirectoryEntry {
  id: string;
  slug: string;
  name: string;
  localAuthority: string;
  startDate: string;
  endDate: string;
  status: ContractStatus;
  departements: string[];
}

export type Filters = Pick<FilterQuery, "theme" | "determinant" | "prsCode" | "status" | "year" | "from" | "to">;

const STATUS_KEYS = Object.keys(SHOWN_STATUSES) as ShownStatus[];
export const LATE_LIST_SIZE = 20;
export const NO_THEME = "Sans thème";
export const NO_PRS = "Sans code PRS";

/** The period asked for, as days (either end open): a year is its first to its last day. */
export function periodOf(f: Filters): { from: string | null; to: string | null } {
  if (f.year !== undefined) return { from: `${String(f.year).padStart(4, "0")}-01-01`, to: `${String(f.year).padStart(4, "0")}-12-31` };
  return { from: f.from ?? null, to: f.to ?? null };
}

/** Whether a contract is kept: its status people see, and its period overlapping the one asked for. */
export function contractMatches(c: DirectoryEntry, f: Filters, today: string): boolean {
  if (f.status && shownContractStatus(c, today) !== f.status) return false;
  const { from, to } = periodOf(f);
  if (from && c.endDate < from) return false;
  if (to && c.startDate > to) return false;
  return true;
}

export const hasFicheFilter = (f: Filters) => !!(f.theme || f.determinant || f.prsCode);

/** Whether a fiche is kept by the theme, determinant and PRS code asked for. */
export function ficheMatches(fiche: FicheFacts, f: Filters): boolean {
  if (f.theme && !fiche.themeKeys.includes(f.theme)) return false;
  if (f.determinant && !fiche.determinants.includes(f.determinant)) return false;
  if (f.prsCode && !fiche.prsCodes.some((c) => c.toLowerCase() === f.prsCode!.toLowerCase())) return false;
  return true;
}

export interface ContractRow {
  id: string;
  slug: string;
  name: string;
  localAuthority: string;
  departements: string[];
  status: ShownContractStatus;
  statusLabel: string;
  startDate: string;
  endDate: string;
  fiches: { total: number; byStatus: Record<ShownStatus, number> };
  late: number;
  /** Fiches under way (not started, in progress, late) and those of them with a progress entry this quarter. */
  progress: { active: number; withProgress: number; share: number | null };
  copil: CommitteeFacts;
  cotech: CommitteeFacts;
  /** Both committees keep their rhythm (null when neither has one). */
  rhythmHolds: boolean | null;
  lastReview: ContractFacts["lastReview"];
  indicators: { total: number; measured: number; share: number | null };
  budget: { total: number; secured: number; requested: number };
}

const share = (part: number, whole: number) => (whole ? part / whole : null);
const sum = (fiches: FicheFacts[], f: (x: FicheFacts) => number) => fiches.reduce((s, x) => s + f(x), 0);

/** Both committees together: false if either falls behind, true if one holds and none falls behind. */
export function bothHold(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a ?? b;
}

/** One contract's figures over its fiches kept by the filters. */
export function contractRow(c: DirectoryEntry, facts: ContractFacts, fiches: FicheFacts[], today: string): ContractRow {
  const byStatus = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<ShownStatus, number>;
  for (const f of fiches) byStatus[f.shownStatus]++;
  const active = fiches.filter((f) => f.active);
  const withProgress = active.filter((f) => f.progressThisQuarter).length;
  const indicators = sum(fiches, (f) => f.indicators);
  const measured = sum(fiches, (f) => f.indicatorsMeasured);
  const secured = sum(fiches, (f) => f.secured);
  const requested = sum(fiches, (f) => f.requested);
  const status = shownContractStatus(c, today);
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    localAuthority: c.localAuthority,
    departements: c.departements,
    status,
    statusLabel: SHOWN_CONTRACT_STATUSES[status],
    startDate: c.startDate,
    endDate: c.endDate,
    fiches: { total: fiches.length, byStatus },
    late: byStatus.late,
    progress: { active: active.length, withProgress, share: share(withProgress, active.length) },
    copil: facts.copil,
    cotech: facts.cotech,
    rhythmHolds: bothHold(facts.copil.holds, facts.cotech.holds),
    lastReview: facts.lastReview,
    indicators: { total: indicators, measured, share: share(measured, indicators) },
    budget: { total: secured + requested, secured, requested },
  };
}

/** « 2.3 » before « 10.1 »: PRS codes in their natural order. */
export const byCode = (a: string, b: string) => a.localeCompare(b, "fr", { numeric: true });

/** Fiches counted by theme (rows) and PRS code (columns); a fiche counts once per theme and per code it names. */
export function themeByPrs(fiches: FicheFacts[]) {
  const codes = [...new Set(fiches.flatMap((f) => f.prsCodes))].sort(byCode);
  const column = new Map(codes.map((c, i) => [c, i]));
  const rows = new Map<string, { theme: string; cells: number[]; withoutCode: number; total: number }>();
  for (const f of fiches) {
    for (const theme of f.themeKeys.length ? f.themeKeys : [NO_THEME]) {
      let row = rows.get(theme);
      if (!row) rows.set(theme, (row = { theme, cells: codes.map(() => 0), withoutCode: 0, total: 0 }));
      row.total++;
      if (!f.prsCodes.length) row.withoutCode++;
      for (const code of f.prsCodes) row.cells[column.get(code)!]!++;
    }
  }
  const ordered = [...rows.values()].sort((a, b) => (a.theme === NO_THEME ? 1 : b.theme === NO_THEME ? -1 : b.total - a.total || a.theme.localeCompare(b.theme, "fr")));
  return { prsCodes: codes, rows: ordered };
}

/** How many funders the overview names; the others are summed on one line. */
export const FUNDERS_SHOWN = 30;

/** Funders by name across contracts (the same organisation is one line whatever its contract), largest first. */
export function budgetByFunder(fiches: FicheFacts[]) {
  const byName = new Map<string, { name: string; secured: number; requested: number; total: number; contracts: Set<string> }>();
  for (const f of fiches)
    for (const share of f.funders) {
      const key = share.name.trim().toLocaleLowerCase("fr").replace(/\s+/g, " ");
      const line = byName.get(key) ?? { name: share.name.trim(), secured: 0, requested: 0, total: 0, contracts: new Set<string>() };
      line.secured += share.secured;
      line.requested += share.requested;
      line.total += share.secured + share.requested;
      line.contracts.add(f.contractId);
      byName.set(key, line);
    }
  return [...byName.values()]
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "fr"))
    .map(({ contracts, ...line }) => ({ ...line, contractCount: contracts.size }));
}

/** The aggregates of the scope: fiches by status and by theme × PRS code, governance, late fiches (the longest late first), budget. */
export function aggregates(rows: ContractRow[], fiches: FicheFacts[], names: ReadonlyMap<string, string>) {
  const byStatus = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<ShownStatus, number>;
  for (const f of fiches) byStatus[f.shownStatus]++;
  const late = fiches.filter((f) => f.shownStatus === "late").sort((a, b) => (a.lateSince ?? "").localeCompare(b.lateSince ?? "") || a.number - b.number);
  return {
    contracts: rows.length,
    fiches: { total: fiches.length, byStatus },
    themeByPrs: themeByPrs(fiches),
    governance: {
      holding: rows.filter((r) => r.rhythmHolds === true).length,
      behind: rows.filter((r) => r.rhythmHolds === false).length,
      noRhythm: rows.filter((r) => r.rhythmHolds === null).length,
    },
    late: {
      count: late.length,
      items: late.slice(0, LATE_LIST_SIZE).map((f) => ({ contractId: f.contractId, contractName: names.get(f.contractId) ?? "", id: f.id, number: f.number, title: f.title, lateSince: f.lateSince! })),
    },
    budget: { total: sum(fiches, (f) => f.secured + f.requested), secured: sum(fiches, (f) => f.secured), requested: sum(fiches, (f) => f.requested), ...fundersShown(budgetByFunder(fiches)) },
  };
}

/** The largest funders, and the others summed (a national instance counts thousands of them). */
export function fundersShown(lines: ReturnType<typeof budgetByFunder>) {
  const rest = lines.slice(FUNDERS_SHOWN);
  return {
    byFunder: lines.slice(0, FUNDERS_SHOWN),
    otherFunders: { count: rest.length, secured: rest.reduce((s, l) => s + l.secured, 0), requested: rest.reduce((s, l) => s + l.requested, 0), total: rest.reduce((s, l) => s + l.total, 0) },
  };
}
export type Aggregates = ReturnType<typeof aggregates>;

/** Every contract kept by the filters with its kept fiches: with a fiche filter, only contracts that have one. */
export function filtered(entries: readonly DirectoryEntry[], facts: ReadonlyMap<string, ContractFacts>, f: Filters, today: string) {
  const out: { entry: DirectoryEntry; facts: ContractFacts; fiches: FicheFacts[] }[] = [];
  for (const entry of entries) {
    if (!contractMatches(entry, f, today)) continue;
    const own = facts.get(entry.id)!;
    const fiches = hasFicheFilter(f) ? own.fiches.filter((x) => ficheMatches(x, f)) : own.fiches;
    if (hasFicheFilter(f) && !fiches.length) continue;
    out.push({ entry, facts: own, fiches });
  }
  return out;
}

const STATUS_ORDER = Object.keys(SHOWN_CONTRACT_STATUSES);
const reviewKey = (r: ContractRow) => (r.lastReview ? r.lastReview.year * 10 + r.lastReview.quarter : -1);
const SORT_KEYS: Record<TerritorySort, (r: ContractRow) => string | number> = {
  name: (r) => r.name,
  status: (r) => STATUS_ORDER.indexOf(r.status),
  start: (r) => r.startDate,
  end: (r) => r.endDate,
  fiches: (r) => r.fiches.total,
  late: (r) => r.late,
  progress: (r) => r.progress.share ?? -1,
  indicators: (r) => r.indicators.share ?? -1,
  budget: (r) => r.budget.total,
  review: reviewKey,
};

/** The rows in the order asked for, then by name (and id) so that pages never overlap. */
export function sortRows(rows: ContractRow[], sort: TerritorySort, order: "asc" | "desc"): ContractRow[] {
  const key = SORT_KEYS[sort];
  const sign = order === "asc" ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "fr"));
  return [...rows].sort((a, b) => sign * compare(key(a), key(b)) || a.name.localeCompare(b.name, "fr") || a.id.localeCompare(b.id));
}
