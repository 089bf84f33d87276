/** Reading the history (server/audit/ writes it): a page of entries, filtered in SQL, each with its sentence and its link. */
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditEntries, contracts } from "../../db/schema.js";
import type { AuditObjectType } from "../../domain/history.js";
import { describeEntry } from "./describe.js";
import { entryLink } from "./links.js";
import { factsKey, objectFacts } from "./objects.js";

export const HISTORY_PAGE_SIZE = 50;

const byName = new Intl.Collator("fr", { sensitivity: "base" });

export interface HistoryFilter {
  contractId?: string;
  objectType?: AuditObjectType;
  objectIds?: string[];
  /** Who: an account's id, or the name of a change made without an account (the command line, the demo). */
  actor?: string;
  /** When: Paris days, both included. */
  from?: string;
  to?: string;
}

/** The first instant of a Paris day, in SQL (the index on `at` still serves). */
const parisMidnight = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Paris')`;

function whereOf(filter: HistoryFilter): SQL | undefined {
  return and(
    filter.contractId ? eq(auditEntries.contractId, filter.contractId) : undefined,
    filter.objectType ? eq(auditEntries.objectType, filter.objectType) : undefined,
    filter.objectIds ? inArray(auditEntries.objectId, filter.objectIds) : undefined,
    filter.actor ? sql`(${auditEntries.actorId} = ${filter.actor} or (${auditEntries.actorId} is null and ${auditEntries.actorName} = ${filter.actor}))` : undefined,
    filter.from ? gte(auditEntries.at, parisMidnight(filter.from)) : undefined,
    filter.to ? lt(auditEntries.at, parisMidnight(filter.to, 1)) : undefined,
  );
}

/**
 * A page of history, newest first; each entry with its French sentence and the web page of its
 * object (null when it is gone or has none). On an object's page (`objectIds[0]` is the object,
 * `onObjectPage`), entries of the other objects listed — fiches merged into it — name what they are about.
 */
export async function listAudit(db: Db, filter: HistoryFilter, page = 1, onObjectPage = false) {
  const where = whereOf(filter);
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
  const facts = await objectFacts(db, rows.map((r) => r.entry));
  return {
    items: rows.map(({ entry, contractName }) => {
      const known = facts.get(factsKey(entry)) ?? { exists: true, ficheLabel: null };
      return {
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
        summary: describeEntry({ ...entry, ficheLabel: known.ficheLabel }, onObjectPage && entry.objectId === filter.objectIds?.[0]),
        link: entryLink(entry, known),
      };
    }),
    page,
    pageCount: Math.max(1, Math.ceil(total!.n / HISTORY_PAGE_SIZE)),
  };
}

/**
 * The people (and systems) who changed something in the scope, for the filter « Qui »: each
 * account once under its latest name, then the changes made without an account, by name.
 */
export async function historyActors(db: Db, contractId?: string): Promise<{ id: string; name: string }[]> {
  const key = sql<string>`coalesce(${auditEntries.actorId}, ${auditEntries.actorName})`;
  const rows = await db
    .selectDistinctOn([key], { id: key, name: auditEntries.actorName, account: sql<boolean>`${auditEntries.actorId} is not null` })
    .from(auditEntries)
    .where(contractId ? eq(auditEntries.contractId, contractId) : undefined)
    .orderBy(asc(key), desc(auditEntries.at));
  return rows.sort((a, b) => Number(b.account) - Number(a.account) || byName.compare(a.name, b.name)).map(({ id, name }) => ({ id, name }));
}
