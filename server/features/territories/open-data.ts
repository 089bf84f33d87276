/**
 * The open-data export of a scope (issue 15, item 5): a ZIP of CSV files with their
 * `datapackage.json` and a README (open-data-schema.ts), streamed as it is read. Every table
 * is read in batches by key order (never more than BATCH rows in memory) and deflated into the
 * archive as it comes (fflate), the stream waiting for the client when it falls behind.
 */
import { PassThrough, type Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { and, asc, eq, gt, inArray, isNull, sql, type Column, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actionBudgets, actions, axes, communes, contracts, governanceBodies, indicatorMeasurements, indicators, meetings, milestones, organisations } from "../../db/schema.js";
import { SHOWN_CONTRACT_STATUSES, shownContractStatus } from "../../domain/contract-status.js";
import { BODY_KINDS } from "../../domain/governance.js";
import { departmentOf } from "../../domain/roles.js";
import { SHOWN_STATUSES, shownStatus } from "../../domain/shown-status.js";
import { ACTION_STATUSES } from "../../domain/statuses.js";
import { INDICATOR_KINDS, TERRITORY_SCOPES } from "../../domain/vocabulary.js";
import { dataPackage, DIALECT, pathOf, readme, RESOURCES } from "./open-data-schema.js";
import type { DirectoryEntry } from "./overview.js";

export const BATCH = 5_000;
type Cell = string | number | null;
type Batches = AsyncGenerator<Cell[][]>;

/** The contracts of the export: every one (the whole instance), or these. */
export interface OpenDataScope {
  label: string;
  all: boolean;
  contracts: DirectoryEntry[];
}

/** Pages of `load(after)` in key order until one comes back short; `lines`: the CSV lines of one row read. */
async function* pages<T extends { key: string }>(load: (after: string | null) => Promise<T[]>, lines: (row: T) => Cell[][]): Batches {
  let after: string | null = null;
  for (;;) {
    const rows = await load(after);
    if (rows.length) yield rows.flatMap(lines);
    if (rows.length < BATCH) return;
    after = rows.at(-1)!.key;
  }
}

const PARIS_DAY = (column: SQL | typeof meetings.startsAt) => sql<string>`to_char(${column} at time zone 'Europe/Paris', 'YYYY-MM-DD')`;
/** One CSV line per row read. */
const one =
  <T>(cells: (row: T) => Cell[]) =>
  (row: T): Cell[][] => [cells(row)];
const FUNDING = { secured: "Acquis", requested: "Demandé" } as const;

/** Each resource's rows, in the order of its fields in open-data-schema.ts. */
function sources(db: Db, scope: OpenDataScope, today: string): Record<string, () => Batches> {
  const ids = scope.contracts.map((c) => c.id);
  const within = (column: Column): SQL | undefined => (scope.all ? undefined : inArray(column, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]));
  const liveFiche = and(within(actions.contractId), isNull(actions.archivedAt));
  const after = (column: Column, key: string | null) => (key ? gt(column, key) : undefined);

  return {
    async *contrats() {
      const counts = ids.length
        ? await db
            .select({
              id: contracts.id,
              communes: sql<number>`(select count(*) from ${communes} where ${communes.contractId} = ${contracts.id})`.mapWith(Number),
              population: sql<number | null>`(select sum(${communes.population}) from ${communes} where ${communes.contractId} = ${contracts.id})`.mapWith(Number),
              fiches: sql<number>`(select count(*) from ${actions} where ${actions.contractId} = ${contracts.id} and ${actions.archivedAt} is null)`.mapWith(Number),
            })
            .from(contracts)
            .where(within(contracts.id))
        : [];
      const of = new Map(counts.map((c) => [c.id, c]));
      yield scope.contracts.map((c) => [
        c.id,
        c.slug,
        c.name,
        c.localAuthority,
        c.startDate,
        c.endDate,
        SHOWN_CONTRACT_STATUSES[shownContractStatus(c, today)],
        c.departements.join(","),
        of.get(c.id)?.communes ?? 0,
        of.get(c.id)?.population ?? null,
        of.get(c.id)?.fiches ?? 0,
      ]);
    },
    communes: () =>
      pages(
        (key) =>
          db
            .select({ key: communes.id, contractId: communes.contractId, inseeCode: communes.inseeCode, name: communes.name, population: communes.population })
            .from(communes)
            .where(and(within(communes.contractId), after(communes.id, key)))
            .orderBy(asc(communes.id))
            .limit(BATCH),
        one((r) => [r.contractId, r.inseeCode, r.name, r.population, departmentOf(r.inseeCode)]),
      ),
    axes: () =>
      pages(
        (key) => db.select({ key: axes.id, contractId: axes.contractId, number: axes.number, title: axes.title }).from(axes).where(and(within(axes.contractId), after(axes.id, key))).orderBy(asc(axes.id)).limit(BATCH),
        one((r) => [r.key, r.contractId, r.number, r.title]),
      ),
    fiches: () =>
      pages(
        (key) =>
          db
            .select({
              key: actions.id,
              contractId: actions.contractId,
              axisId: actions.axisId,
              number: actions.number,
              title: actions.title,
              status: actions.status,
              mergedIntoId: actions.mergedIntoId,
              lead: organisations.name,
              startMonth: actions.startMonth,
              endMonth: actions.endMonth,
              specificObjective: actions.specificObjective,
              targetPublic: actions.targetPublic,
              territoryScope: actions.territoryScope,
              openMilestone: sql<string | null>`(select to_char(min(${milestones.plannedBy}), 'YYYY-MM-DD') from ${milestones} where ${milestones.actionId} = ${actions.id} and ${milestones.doneOn} is null)`,
              budget: sql<number>`(select coalesce(sum(${actionBudgets.amount}), 0) from ${actionBudgets} where ${actionBudgets.actionId} = ${actions.id})`.mapWith(Number),
            })
            .from(actions)
            .leftJoin(organisations, eq(organisations.id, actions.leadOrganisationId))
            .where(and(liveFiche, after(actions.id, key)))
            .orderBy(asc(actions.id))
            .limit(BATCH),
        one((r) => {
          const shown = shownStatus(r.mergedIntoId ? "merged" : r.status, r.openMilestone ? [{ plannedBy: r.openMilestone, doneOn: null }] : [], today);
          return [r.key, r.contractId, r.axisId, r.number, r.title, SHOWN_STATUSES[shown], ACTION_STATUSES[r.status], r.mergedIntoId, r.lead, r.startMonth, r.endMonth, r.specificObjective, r.targetPublic, TERRITORY_SCOPES[r.territoryScope], r.budget];
        }),
      ),
    ...ficheLists(db, liveFiche, after),
    indicateurs: () =>
      pages(
        (key) =>
          db
            .select({ key: indicators.id, actionId: indicators.actionId, kind: indicators.kind, label: indicators.label, unit: indicators.unit, baseline: indicators.baseline, target: indicators.target })
            .from(indicators)
            .innerJoin(actions, eq(actions.id, indicators.actionId))
            .where(and(liveFiche, after(indicators.id, key)))
            .orderBy(asc(indicators.id))
            .limit(BATCH),
        one((r) => [r.key, r.actionId, INDICATOR_KINDS[r.kind], r.label, r.unit, r.baseline, r.target]),
      ),
    mesures: () =>
      pages(
        (key) =>
          db
            .select({ key: indicatorMeasurements.id, indicatorId: indicatorMeasurements.indicatorId, actionId: indicatorMeasurements.actionId, measuredOn: indicatorMeasurements.measuredOn, value: indicatorMeasurements.value })
            .from(indicatorMeasurements)
            .innerJoin(actions, eq(actions.id, indicatorMeasurements.actionId))
            .where(and(liveFiche, after(indicatorMeasurements.id, key)))
            .orderBy(asc(indicatorMeasurements.id))
            .limit(BATCH),
        one((r) => [r.indicatorId, r.actionId, r.measuredOn, r.value]),
      ),
    reunions: () =>
      pages(
        (key) =>
          db
            .select({ key: meetings.id, contractId: meetings.contractId, kind: governanceBodies.kind, day: PARIS_DAY(meetings.startsAt) })
            .from(meetings)
            .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
            .where(and(within(meetings.contractId), isNull(meetings.cancelledAt), after(meetings.id, key)))
            .orderBy(asc(meetings.id))
            .limit(BATCH),
        one((r) => [r.contractId, BODY_KINDS[r.kind], r.day]),
      ),
    budgets: () =>
      pages(
        (key) =>
          db
            .select({ key: actionBudgets.id, actionId: actionBudgets.actionId, contractId: actionBudgets.contractId, year: actionBudgets.year, funder: organisations.name, amount: actionBudgets.amount, status: actionBudgets.status })
            .from(actionBudgets)
            .innerJoin(actions, eq(actions.id, actionBudgets.actionId))
            .innerJoin(organisations, eq(organisations.id, actionBudgets.funderId))
            .where(and(liveFiche, after(actionBudgets.id, key)))
            .orderBy(asc(actionBudgets.id))
            .limit(BATCH),
        one((r) => [r.actionId, r.contractId, r.year, r.funder, r.amount, FUNDING[r.status]]),
      ),
  };
}

/** Themes, determinants and PRS codes of the fiches: one line per entry of their lists. */
function ficheLists(db: Db, liveFiche: SQL | undefined, after: (column: Column, key: string | null) => SQL | undefined) {
  type Lists = { key: string; themes: { theme: string; other: string | null }[]; determinants: string[]; prs: string[] };
  const lists = (lines: (r: Lists) => Cell[][]) => () =>
    pages(
      (key) =>
        db
          .select({ key: actions.id, themes: actions.themes, determinants: actions.determinants, prs: actions.prsProjects })
          .from(actions)
          .where(and(liveFiche, after(actions.id, key)))
          .orderBy(asc(actions.id))
          .limit(BATCH),
      lines,
    );
  return {
    fiches_thematiques: lists((r) => r.themes.map((t) => [r.key, t.theme, t.other?.trim() || null])),
    fiches_determinants: lists((r) => r.determinants.map((d) => [r.key, d])),
    fiches_projets_prs: lists((r) => [...new Set(r.prs.map((c) => c.trim()).filter(Boolean))].map((c) => [r.key, c])),
  };
}

/** Resolves when the stream may take more (or is gone). */
function drained(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}

/** The archive of the scope, as a stream: README.md, datapackage.json, then one CSV per resource. */
export function openDataZip(db: Db, scope: OpenDataScope, today: string, now = new Date()): Readable {
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    if (out.destroyed) return;
    out.write(chunk);
    if (final) out.end();
  });
  const file = (name: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = now;
    zip.add(entry);
    return entry;
  };
  const csv = (rows: Cell[][], header?: string[]) =>
    strToU8(stringify(header ? [header, ...rows] : rows, { delimiter: DIALECT.delimiter, record_delimiter: "windows", cast: { number: (n) => String(n) } }));
  void (async () => {
    file("README.md").push(strToU8(readme(scope.label, today)), true);
    file("datapackage.json").push(strToU8(JSON.stringify(dataPackage(scope.label, now), null, 2)), true);
    const read = sources(db, scope, today);
    for (const resource of RESOURCES) {
      const entry = file(pathOf(resource));
      entry.push(csv([], resource.fields.map((f) => f.name)));
      for await (const batch of read[resource.name]!()) {
        if (out.destroyed) return;
        entry.push(csv(batch));
        await drained(out);
      }
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
