/** Writing and reading the history. Entries are only ever inserted, in the transaction of the change. */
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { auditEntries, communes, contracts, organisations, priorityAreas, signatories } from "../../db/schema.js";
import { actorIdentity, type Actor } from "../../policies/index.js";
import type { AuditChange, AuditObjectType, AuditOperation } from "./diff.js";
import { describeEntry } from "./describe.js";
import type { ContractFacts } from "./snapshots.js";

export interface AuditRecord {
  contractId: string | null;
  objectType: AuditObjectType;
  objectId: string;
  objectLabel: string;
  operation: AuditOperation;
  changes: AuditChange[];
}

/** Writes one entry; an update that changed nothing writes none. */
export async function recordAudit(tx: Tx | Db, actor: Actor, record: AuditRecord): Promise<void> {
  if (record.operation === "update" && record.changes.length === 0) return;
  const who = actorIdentity(actor);
  await tx.insert(auditEntries).values({ ...record, actorId: who.id, actorName: who.name });
}

/** A contract as its history compares it (queries one after the other: usable in a transaction). */
export async function contractFacts(tx: Tx | Db, id: string): Promise<ContractFacts> {
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, id));
  const communeRows = await tx.select({ inseeCode: communes.inseeCode, name: communes.name }).from(communes).where(eq(communes.contractId, id)).orderBy(asc(communes.position));
  const areaRows = await tx.select({ name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, id)).orderBy(asc(priorityAreas.position));
  const signatoryRows = await tx
    .select({ organisationName: organisations.name, representative: signatories.representative })
    .from(signatories)
    .innerJoin(organisations, eq(organisations.id, signatories.organisationId))
    .where(eq(signatories.contractId, id))
    .orderBy(asc(signatories.position));
  return { ...c!, communes: communeRows, priorityAreas: areaRows, signatories: signatoryRows };
}

export const HISTORY_PAGE_SIZE = 50;

/** A page of history, newest first; each entry with its French sentence (`onObjectPage`: see `describeEntry`). */
/**
 * A page of history. On an object's page (`objectIds[0]` is the object), entries
 * of the other objects listed — fiches merged into it — name what they are about.
 */
export async function listAudit(db: Db, filter: { contractId?: string; objectType?: AuditObjectType; objectIds?: string[] }, page = 1, onObjectPage = false) {
  const where: SQL | undefined = and(
    filter.contractId ? eq(auditEntries.contractId, filter.contractId) : undefined,
    filter.objectType ? eq(auditEntries.objectType, filter.objectType) : undefined,
    filter.objectIds ? inArray(auditEntries.objectId, filter.objectIds) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ entry: auditEntries, contractName: contracts.name })
      .from(auditEntries)
      .leftJoin(contracts, eq(contracts.id, auditEntries.contractId))
      .where(where)
      .orderBy(desc(auditEntries.at), desc(auditEntries.id))
      .limit(HISTORY_PAGE_SIZE)
      .offset((page - 1) * HISTORY_PAGE_SIZE),
    db.select({ n: count() }).from(auditEntries).where(where),
  ]);
  return {
    items: rows.map(({ entry, contractName }) => ({
      id: entry.id,
      at: entry.at,
      actor: entry.actorId ? { id: entry.actorId, name: entry.actorName } : { id: null, name: entry.actorName },
      operation: entry.operation,
      objectType: entry.objectType,
      objectId: entry.objectId,
      objectLabel: entry.objectLabel,
      contractId: entry.contractId,
      contractName,
      changes: entry.changes,
      summary: describeEntry(entry, onObjectPage && entry.objectId === filter.objectIds?.[0]),
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total!.n / HISTORY_PAGE_SIZE)),
  };
}
