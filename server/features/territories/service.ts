/**
 * The territory overview, its comparison and the rows of its exports (issue 15, item 5).
 *
 * How it stays fast at national scale (700 contracts, 21,000 fiches): the directory of
 * contracts (header and départements) is one read view across contracts; each contract's
 * facts are a read view of that contract, never stale (server/cache/read-views.ts), and those
 * missing are loaded together, for every missing contract at once, in the five set-based
 * queries of queries.ts. The figures of a scope and its filters are then computed once and
 * kept until any contract changes; a page of them is written once too.
 */
import type { FastifyInstance } from "fastify";
import { ANY_CONTRACT, EVERY_CONTRACT } from "../../cache/read-views.js";
import { variantOf } from "../../cache/shared-values.js";
import { SHOWN_CONTRACT_STATUSES } from "../../domain/contract-status.js";
import { SHOWN_STATUSES } from "../../domain/shown-status.js";
import { notFound } from "../../http/problem.js";
import { assertCan, can, type Actor } from "../../policies/index.js";
import { contractFacts, type ContractFacts, type FicheFacts } from "./facts.js";
import { aggregates, contractRow, filtered, sortRows, type ContractRow, type DirectoryEntry, type Filters } from "./overview.js";
import { loadDirectory, loadFactRows } from "./queries.js";
import type { OverviewQuery } from "./schema.js";
import type { Scope } from "./scope.js";

type App = Pick<FastifyInstance, "db" | "readViews">;

/** Every contract of the instance with its départements: one view across contracts. */
export function directory(app: App): Promise<DirectoryEntry[]> {
  return app.readViews.view(EVERY_CONTRACT, "territory-directory", () => loadDirectory(app.db));
}

/**
 * The facts of these contracts on `today`: each from its own read view; those not in memory
 * (changed since, or never read) are loaded in one batch, whatever their number.
 */
export async function factsOf(app: App, ids: readonly string[], today: string): Promise<ContractFacts[]> {
  const missing: string[] = [];
  let settle!: { resolve: (facts: Map<string, ContractFacts>) => void; reject: (error: unknown) => void };
  const batch = new Promise<Map<string, ContractFacts>>((resolve, reject) => (settle = { resolve, reject }));
  const pending = ids.map((id) =>
    app.readViews.view(id, `territory-facts:${today}`, () => {
      missing.push(id);
      return batch.then((facts) => facts.get(id)!);
    }),
  );
  if (missing.length) loadFactRows(app.db, missing, today).then((rows) => settle.resolve(contractFacts(missing, rows, today)), settle.reject);
  else settle.resolve(new Map());
  return Promise.all(pending);
}

/** The contracts of the scope the actor may read (an ARS delegation: those of its territory; never another's). */
export function inScope(actor: Actor, scope: Scope, entries: readonly DirectoryEntry[]): DirectoryEntry[] {
  const wanted = new Set(scope.departements);
  return entries.filter((c) => (scope.all || c.departements.some((d) => wanted.has(d))) && can(actor, "contract.read", { contractId: c.id }));
}

export interface Selection {
  entries: DirectoryEntry[];
  /** The contracts kept by the filters, with their kept fiches, in name order. */
  kept: { entry: DirectoryEntry; facts: ContractFacts; fiches: FicheFacts[] }[];
}

/** The contracts and fiches of the scope kept by the filters. */
export async function select(app: App, actor: Actor, scope: Scope, f: Filters, today: string): Promise<Selection> {
  const entries = inScope(actor, scope, await directory(app));
  const facts = await factsOf(app, entries.map((e) => e.id), today);
  const byId = new Map(facts.map((x) => [x.contractId, x]));
  return { entries, kept: filtered(entries, byId, f, today) };
}

interface Summary {
  today: string;
  scope: Scope;
  rows: ContractRow[];
  aggregates: ReturnType<typeof aggregates>;
}

const filterKey = (f: Filters) => JSON.stringify([f.theme, f.determinant, f.prsCode, f.status, f.year, f.from, f.to]);

/** Whose reading of a scope this is: the admin reads every contract, an ARS delegation those of its départements. */
function readerKey(actor: Actor): string {
  if (actor.kind !== "user" || actor.isAdmin) return actor.kind === "user" ? "admin" : actor.kind;
  return [...actor.arsDepartments].sort().join(",");
}

/**
 * The figures of a scope and its filters, computed once and served until any contract changes
 * (a view of every contract's data): a request then neither walks the scope's 21,000 fiches
 * nor asks 700 contracts' facts. Below it, each contract's facts stay in their own views, so
 * that after a change only the changed contract's facts are read again.
 */
function summaryOf(app: App, actor: Actor, scope: Scope, f: Filters, today: string): Promise<Summary> {
  const key = `territory-summary:${today}|${readerKey(actor)}|${scope.all ? "*" : scope.departements.join(",")}|${filterKey(f)}`;
  return app.readViews.view(ANY_CONTRACT, key, async () => {
    const selection = await select(app, actor, scope, f, today);
    const rows = selection.kept.map((k) => contractRow(k.entry, k.facts, k.fiches, today));
    const names = new Map(selection.kept.map((k) => [k.entry.id, k.entry.name]));
    return { today, scope, rows, aggregates: aggregates(rows, selection.kept.flatMap((k) => k.fiches), names) };
  });
}

/** The overview of the scope: a page of its contracts' rows, and the aggregates over all of them. */
export async function overview(app: App, actor: Actor, scope: Scope, query: OverviewQuery, today: string) {
  const summary = await summaryOf(app, actor, scope, query, today);
  const { sort, order, page, perPage } = query;
  return variantOf(summary, `${sort}:${order}:${page}:${perPage}`, () => ({
    today,
    scope,
    statusLabels: SHOWN_STATUSES,
    contractStatusLabels: SHOWN_CONTRACT_STATUSES,
    contracts: { items: sortRows(summary.rows, sort, order).slice((page - 1) * perPage, page * perPage), total: summary.rows.length, page, perPage },
    aggregates: summary.aggregates,
  }));
}

/** Every row of the scope kept by the filters (name order) and every kept fiche with its contract, for the exports. */
export async function exportRows(app: App, actor: Actor, scope: Scope, f: Filters, today: string) {
  const selection = await select(app, actor, scope, f, today);
  return {
    rows: selection.kept.map((k) => contractRow(k.entry, k.facts, k.fiches, today)),
    fiches: selection.kept.flatMap((k) => k.fiches.map((fiche) => ({ contract: k.entry, fiche }))),
  };
}

export const CONTRACT_MISSING = "Ce contrat est introuvable.";

/** Two to five contracts side by side, in the order asked, each one the actor may read (else 404, as any contract read). */
export async function compare(app: App, actor: Actor, ids: readonly string[], today: string) {
  const entries = new Map((await directory(app)).map((e) => [e.id, e]));
  const chosen = ids.map((id) => {
    const entry = entries.get(id);
    if (!entry) throw notFound(CONTRACT_MISSING);
    assertCan(actor, "contract.read", { contractId: id, missing: CONTRACT_MISSING });
    return entry;
  });
  const facts = await factsOf(app, ids, today);
  return {
    today,
    statusLabels: SHOWN_STATUSES,
    contracts: chosen.map((entry, i) => {
      const own = facts[i]!;
      const themes = new Map<string, number>();
      for (const f of own.fiches) for (const t of f.themeKeys) themes.set(t, (themes.get(t) ?? 0) + 1);
      return {
        ...contractRow(entry, own, own.fiches, today),
        themes: [...themes].map(([theme, count]) => ({ theme, count })).sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme, "fr")),
      };
    }),
  };
}
