/** Reads the live fiches of a contract as tables show them, in one query per table. */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actionBudgets, actionPartners, actions, axes, communes, contracts, indicators, objectives, organisations, progressEntries } from "../../db/schema.js";
import { budgetYears } from "../../domain/budget.js";
import { notFound } from "../../http/problem.js";
import { loadFicheProjections } from "../actions/fiches.js";
import { ficheContentView } from "../actions/mapping.js";
import { scheduleLabel } from "../followup/rules.js";
import { isOverdue } from "../../domain/shown-status.js";
import { ACTION_STATUSES } from "../../domain/statuses.js";
import type { FicheTableView } from "./columns.js";
import { communeLine, type ImportReference } from "./lists.js";

export interface ContractFiches {
  contractName: string;
  contractSlug: string;
  fiches: FicheTableView[];
  reference: ImportReference;
}

const group = <T extends { actionId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.actionId, [...(map.get(r.actionId) ?? []), r]);
  return map;
};

/** `today` (AAAA-MM-JJ) says which milestones are overdue. */
export async function loadContractFiches(db: Db | Tx, contractId: string, today: string): Promise<ContractFiches> {
  const [contract] = await db
    .select({ name: contracts.name, slug: contracts.slug, startDate: contracts.startDate, endDate: contracts.endDate })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Ce contrat est introuvable.");
  // One query after the other: inside a transaction, one connection runs one query at a time.
  const actionRows = await db.select().from(actions).where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt))).orderBy(asc(actions.number));
  const ids = actionRows.map((a) => a.id);
  const some = ids.length > 0;
  const partnerRows = some ? await db.select().from(actionPartners).where(inArray(actionPartners.actionId, ids)) : [];
  const indicatorRows = some ? await db.select().from(indicators).where(inArray(indicators.actionId, ids)) : [];
  const budgetRows = some ? await db.select().from(actionBudgets).where(inArray(actionBudgets.actionId, ids)) : [];
  // The fiche read model gives each fiche's milestones in planned order.
  const projected = some ? await loadFicheProjections(db, contractId, today) : [];
  const progressRows = some
    ? await db
        .select({ actionId: progressEntries.actionId, happenedOn: progressEntries.happenedOn, happenedOnPrecision: progressEntries.happenedOnPrecision, text: progressEntries.text, createdAt: progressEntries.createdAt })
        .from(progressEntries)
        .where(inArray(progressEntries.actionId, ids))
    : [];
  const axisRows = await db.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId)).orderBy(asc(axes.number));
  const objectiveRows = await db
    .select({ id: objectives.id, axisId: objectives.axisId, code: objectives.code, title: objectives.title })
    .from(objectives)
    .innerJoin(axes, eq(axes.id, objectives.axisId))
    .where(eq(axes.contractId, contractId))
    .orderBy(asc(objectives.position));
  const orgRows = await db.select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName }).from(organisations).where(eq(organisations.contractId, contractId));
  const communeRows = await db.select({ inseeCode: communes.inseeCode, name: communes.name }).from(communes).where(eq(communes.contractId, contractId)).orderBy(asc(communes.position));

  const reference: ImportReference = {
    organisations: orgRows,
    communes: communeRows,
    axes: axisRows.map((a) => ({ id: a.id, number: a.number, objectives: objectiveRows.filter((o) => o.axisId === a.id).map(({ id, code }) => ({ id, code })) })),
    budgetYears: budgetYears(contract),
  };
  const orgName = new Map(orgRows.map((o) => [o.id, o.name]));
  const axisOf = new Map(axisRows.map((a) => [a.id, a]));
  const objectiveOf = new Map(objectiveRows.map(({ axisId: _a, ...o }) => [o.id, o]));
  const partnersOf = group(partnerRows);
  const indicatorsOf = group(indicatorRows);
  const budgetsOf = group(budgetRows);
  const projectionOf = new Map(projected.map((f) => [f.id, f]));
  const latest = new Map<string, (typeof progressRows)[number]>();
  for (const p of progressRows) {
    const seen = latest.get(p.actionId);
    if (!seen || p.happenedOn > seen.happenedOn || (p.happenedOn === seen.happenedOn && p.createdAt > seen.createdAt)) latest.set(p.actionId, p);
  }

  const fiches = actionRows.map((row): FicheTableView => {
    const view = ficheContentView(row, partnersOf.get(row.id) ?? [], indicatorsOf.get(row.id) ?? [], { axis: axisOf.get(row.axisId)!, objective: row.objectiveId ? (objectiveOf.get(row.objectiveId) ?? null) : null }, (id) => orgName.get(id) ?? "", budgetsOf.get(row.id) ?? []);
    const progress = latest.get(row.id);
    return {
      ...view,
      communeLabels: view.territory.communes.map((code) => communeLine(code, reference)),
      latestProgress: progress ? { happenedOn: progress.happenedOn, happenedOnPrecision: progress.happenedOnPrecision, text: progress.text } : null,
      shownStatusLabel: projectionOf.get(row.id)?.shownStatusLabel ?? ACTION_STATUSES[row.status],
      milestones: (projectionOf.get(row.id)?.milestones ?? []).map((m) => ({ title: m.title, schedule: scheduleLabel(m), doneOn: m.doneOn, overdue: isOverdue(m, today) })),
    };
  });
  return { contractName: contract.name, contractSlug: contract.slug, fiches, reference };
}
