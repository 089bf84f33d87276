/** Reading the history (server/audit/ writes it). */
import { and, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditEntries, contracts } from "../../db/schema.js";
import type { AuditObjectType } from "../../domain/history.js";
import { describeEntry } from "./describe.js";

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
