import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actions, axes, communes, contracts, objectives, organisations, priorityAreas, signatories } from "../../db/schema.js";
import { lockParent, type LockMode } from "../../db/parent-lock.js";
import { notFound } from "../../http/problem.js";
import type { ContractListQuery } from "./schema.js";
import { contractDepartments, contractRegions, populationTotal } from "./territory.js";

export type ContractSummary = Awaited<ReturnType<typeof listContracts>>["items"][number];

/** `%text%` for ILIKE, the wildcards of the text taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the contracts in `scope`, newest period first, with their counts; `q`
 * searches the name, the local authority and the communes (name or INSEE code).
 */
export async function listContracts(db: Db, scope: "all" | string[], query: ContractListQuery = { page: 1, perPage: 24 }) {
  const { page, perPage } = query;
  if (scope !== "all" && scope.length === 0) return { items: [], total: 0, page, perPage };
  const q = query.q ? containing(query.q) : null;
  const where = and(
    scope === "all" ? undefined : inArray(contracts.id, scope),
    q
      ? or(
          ilike(contracts.name, q),
          ilike(contracts.localAuthority, q),
          sql`exists (select 1 from communes c where c.contract_id = contracts.id and (c.name ilike ${q} or c.insee_code ilike ${q}))`,
        )
      : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: contracts.id,
        slug: contracts.slug,
        name: contracts.name,
        localAuthority: contracts.localAuthority,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        status: contracts.status,
        // Spelled out: in a one-table select, Drizzle leaves column names unqualified.
        axisCount: sql<number>`(select count(*) from axes x where x.contract_id = contracts.id)`.mapWith(Number),
        actionCount: sql<number>`(select count(*) from actions a where a.contract_id = contracts.id and a.archived_at is null)`.mapWith(Number),
        communeCount: sql<number>`(select count(*) from communes c where c.contract_id = contracts.id)`.mapWith(Number),
      })
      .from(contracts)
      .where(where)
      .orderBy(desc(contracts.startDate), asc(contracts.name), asc(contracts.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ total: count() }).from(contracts).where(where),
  ]);
  return { items: rows, total: totals[0]?.total ?? 0, page, perPage };
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
    // Derived from the communes, never typed (issue 15).
    departements: contractDepartments(communeRows.map((c) => c.inseeCode)),
    regions: contractRegions(communeRows.map((c) => c.inseeCode)),
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
