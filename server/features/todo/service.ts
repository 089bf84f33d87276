/**
 * The « À faire » of fiches (issue 15): the fiche read model (actions/fiches.ts) with, for
 * each fiche, what is due (due.ts) from its progress entries of the quarter and its
 * indicators' last measurements. « Mes fiches » gathers the fiches a person pilots across
 * contracts; the contract's list gathers every fiche of the contract that owes something.
 */
import { and, asc, eq, gte, inArray, isNull, lte, max } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, contracts, indicatorMeasurements, indicators, progressEntries } from "../../db/schema.js";
import type { Actor } from "../../policies/index.js";
import { quarterOfDay, quarterRange } from "../reviews/quarters.js";
import { loadFicheProjections, type Fiche } from "../actions/fiches.js";
import { dueCounts, dueItems, type DueItem, type DueKind } from "./due.js";
import { DUE_KINDS } from "./schema.js";

const ACTIVE = new Set(["not_started", "in_progress", "late"]);

/** Each fiche with what is due on it on `today`: three queries for all of them. */
async function withDue(db: Db, fiches: Fiche[], today: string) {
  if (!fiches.length) return [];
  const ids = fiches.map((f) => f.id);
  const { start, end } = quarterRange(quarterOfDay(today));
  const [progressRows, indicatorRows, lastRows] = await Promise.all([
    db
      .selectDistinct({ actionId: progressEntries.actionId, day: progressEntries.happenedOn })
      .from(progressEntries)
      .where(and(inArray(progressEntries.actionId, ids), gte(progressEntries.happenedOn, start), lte(progressEntries.happenedOn, end))),
    db.select({ id: indicators.id, label: indicators.label, actionId: indicators.actionId }).from(indicators).where(inArray(indicators.actionId, ids)).orderBy(asc(indicators.position)),
    db
      .select({ indicatorId: indicatorMeasurements.indicatorId, last: max(indicatorMeasurements.measuredOn) })
      .from(indicatorMeasurements)
      .where(inArray(indicatorMeasurements.actionId, ids))
      .groupBy(indicatorMeasurements.indicatorId),
  ]);
  const lastOf = new Map(lastRows.map((r) => [r.indicatorId, r.last]));
  return fiches.map((f) => {
    const due = dueItems(
      {
        active: ACTIVE.has(f.shownStatus),
        milestones: f.milestones,
        progressDays: progressRows.filter((p) => p.actionId === f.id).map((p) => p.day),
        indicators: indicatorRows.filter((i) => i.actionId === f.id).map((i) => ({ id: i.id, label: i.label, lastMeasuredOn: lastOf.get(i.id) ?? null })),
      },
      today,
    );
    return { id: f.id, number: f.number, title: f.title, shownStatus: f.shownStatus, shownStatusLabel: f.shownStatusLabel, pilots: f.pilots, due };
  });
}
export type TodoFiche = Awaited<ReturnType<typeof withDue>>[number];

/** Whether the person coordinates a contract (or the whole instance): their home is then the contracts, not « Mes fiches ». */
export const coordinatesSomething = (actor: Actor) =>
  actor.kind === "system" || (actor.kind === "user" && (actor.isAdmin || [...actor.memberships.values()].some((m) => m.role === "coordinator")));

/** « Mes fiches »: the live fiches the person pilots, by contract (by name), each with what is due. */
export async function myFiches(db: Db, actor: Actor, today: string) {
  const led = actor.kind === "user" ? [...actor.memberships].filter(([, m]) => m.role === "lead" && m.actionIds.size > 0) : [];
  const ids = led.flatMap(([, m]) => [...m.actionIds]);
  const rows = ids.length
    ? await db
        .select({ id: actions.id, contractId: actions.contractId, contractName: contracts.name })
        .from(actions)
        .innerJoin(contracts, eq(contracts.id, actions.contractId))
        .where(and(inArray(actions.id, ids), isNull(actions.archivedAt)))
    : [];
  const byContract = new Map<string, { name: string; ids: string[] }>();
  for (const r of rows) byContract.set(r.contractId, { name: r.contractName, ids: [...(byContract.get(r.contractId)?.ids ?? []), r.id] });
  const groups = await Promise.all(
    [...byContract].map(async ([contractId, c]) => ({ id: contractId, name: c.name, fiches: await withDue(db, await loadFicheProjections(db, contractId, today, { ids: c.ids }), today) })),
  );
  return { today, coordinates: coordinatesSomething(actor), contracts: groups.sort((a, b) => a.name.localeCompare(b.name, "fr")) };
}

/** The contract's « À faire »: its live fiches that owe something (of one kind when asked), in number order, and counts by kind. */
export async function contractTodo(db: Db, contractId: string, today: string, kind?: DueKind) {
  const fiches = await withDue(db, await loadFicheProjections(db, contractId, today), today);
  const owing = fiches.filter((f) => f.due.length > 0);
  const counts = dueCounts(owing.flatMap((f): DueItem[] => f.due));
  const shown = kind ? owing.map((f) => ({ ...f, due: f.due.filter((d) => d.kind === kind) })).filter((f) => f.due.length > 0) : owing;
  return { today, kindLabels: DUE_KINDS, counts, fiches: shown };
}
