import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../../db/client.js";
import { actions, axes, communes, contracts, objectives, organisations, priorityAreas, signatories } from "../../db/schema.js";
import { lockParent, type LockMode } from "../../db/parent-lock.js";
import { notFound } from "../../http/problem.js";
import { populationTotal } from "./territory.js";

export type ContractSummary = Awaited<ReturnType<typeof listContracts>>[number];

/** Contracts in `scope`, with their counts, newest period first. */
export async function listContracts(db: Db, scope: "all" | string[]) {
  if (scope !== "all" && scope.length === 0) return [];
  const inScope = <T extends AnyPgColumn>(column: T) => (scope === "all" ? undefined : inArray(column, scope));
  const [rows, axisCounts, actionCounts, communeCounts] = await Promise.all([
    db
      .select({
        id: contracts.id,
        slug: contracts.slug,
        name: contracts.name,
        localAuthority: contracts.localAuthority,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        status: contracts.status,
      })
      .from(contracts)
      .where(inScope(contracts.id))
      .orderBy(desc(contracts.startDate), asc(contracts.name)),
    db.select({ id: axes.contractId, n: count() }).from(axes).where(inScope(axes.contractId)).groupBy(axes.contractId),
    db
      .select({ id: actions.contractId, n: count() })
      .from(actions)
      .where(and(isNull(actions.archivedAt), inScope(actions.contractId)))
      .groupBy(actions.contractId),
    db.select({ id: communes.contractId, n: count() }).from(communes).where(inScope(communes.contractId)).groupBy(communes.contractId),
  ]);
  const counter = (list: { id: string; n: number }[]) => {
    const map = new Map(list.map((r) => [r.id, r.n]));
    return (id: string) => map.get(id) ?? 0;
  };
  const [axisCount, actionCount, communeCount] = [counter(axisCounts), counter(actionCounts), counter(communeCounts)];
  return rows.map((r) => ({ ...r, axisCount: axisCount(r.id), actionCount: actionCount(r.id), communeCount: communeCount(r.id) }));
}

/** The whole contract page: header, territory, signatories, directory, tree with counts. */
export async function getContract(db: Db, id: string) {
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, id));
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const [communeRows, areaRows, signatoryRows, orgRows, axisRows, objectiveRows, countRows] = await Promise.all([
    db.select().from(communes).where(eq(communes.contractId, id)).orderBy(asc(communes.position)),
    db.select().from(priorityAreas).where(eq(priorityAreas.contractId, id)).orderBy(asc(priorityAreas.position)),
    db
      .select({
        organisationId: signatories.organisationId,
        organisationName: organisations.name,
        representative: signatories.representative,
        title: signatories.title,
        signedOn: signatories.signedOn,
      })
      .from(signatories)
      .innerJoin(organisations, eq(organisations.id, signatories.organisationId))
      .where(eq(signatories.contractId, id))
      .orderBy(asc(signatories.position)),
    db.select().from(organisations).where(eq(organisations.contractId, id)).orderBy(asc(organisations.name)),
    db.select().from(axes).where(eq(axes.contractId, id)).orderBy(asc(axes.number)),
    db
      .select({ id: objectives.id, axisId: objectives.axisId, code: objectives.code, title: objectives.title, position: objectives.position, version: objectives.version })
      .from(objectives)
      .innerJoin(axes, eq(axes.id, objectives.axisId))
      .where(eq(axes.contractId, id))
      .orderBy(asc(objectives.position)),
    db
      .select({ axisId: actions.axisId, objectiveId: actions.objectiveId, n: count() })
      .from(actions)
      .where(and(eq(actions.contractId, id), isNull(actions.archivedAt)))
      .groupBy(actions.axisId, actions.objectiveId),
  ]);
  const countOf = (pred: (r: (typeof countRows)[number]) => boolean) => countRows.filter(pred).reduce((s, r) => s + r.n, 0);
  const tree = axisRows.map((a) => ({
    id: a.id,
    number: a.number,
    title: a.title,
    description: a.description,
    version: a.version,
    actionCount: countOf((r) => r.axisId === a.id),
    objectives: objectiveRows
      .filter((o) => o.axisId === a.id)
      .map((o) => ({ id: o.id, code: o.code, title: o.title, version: o.version, actionCount: countOf((r) => r.objectiveId === o.id) })),
  }));
  return {
    ...contract,
    communes: communeRows.map(({ inseeCode, name, population }) => ({ inseeCode, name, population })),
    priorityAreas: areaRows.map(({ name, code, communeInseeCode }) => ({ name, code, communeInseeCode })),
    signatories: signatoryRows,
    organisations: orgRows.map(({ id: orgId, name, shortName, sector, version }) => ({ id: orgId, name, shortName, sector, version })),
    axes: tree,
    counts: {
      axes: tree.length,
      objectives: objectiveRows.length,
      actions: countOf(() => true),
      communes: communeRows.length,
      ...populationTotal(communeRows),
    },
  };
}
export type ContractView = Awaited<ReturnType<typeof getContract>>;

/** 404 unless the contract exists. */
export async function contractExists(db: Db | Tx, contractId: string): Promise<void> {
  const [row] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.id, contractId));
  if (!row) throw notFound("Ce contrat est introuvable.");
}

/** Locks the contract row for the transaction (db/parent-lock.ts): 404 when there is no such contract. */
export async function lockContract(tx: Tx, contractId: string, mode?: LockMode): Promise<void> {
  await lockParent(tx, contracts, contractId, "Ce contrat est introuvable.", mode);
}

/** Id of a contract by id or slug (the CLI accepts both). */
export async function findContractId(db: Db, idOrSlug: string): Promise<string | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const [row] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(isUuid ? eq(contracts.id, idOrSlug) : eq(contracts.slug, idOrSlug));
  return row?.id ?? null;
}
