/**
 * Serialising the writers of one parent's children (issue 12). A place computed as
 * max + 1 then inserted, a reorder that updates the rows one by one, a list replaced
 * wholesale: two of them on the same parent at once would interleave on PostgreSQL
 * (duplicate places, deadlocks), never on PGlite, which runs one transaction at a time.
 * So each such writer first locks the parent row, inside its transaction, before it
 * reads the children; the next one waits for the commit, then reads what it left.
 * No unique (parent, place) index backs it: databases written before may hold duplicate
 * places already, and every reorder would need two passes. The lock is the guarantee,
 * tested on PostgreSQL with real concurrency (server/features/concurrency.test.ts).
 */
import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { notFound } from "../domain/problem.js";
import type { Tx } from "./client.js";

type ParentTable = PgTable & { id: PgColumn };

/**
 * "exclusive" (for no key update, the lock an update takes): one writer of the
 * children at a time. Inserting some other child still passes, since a foreign key
 * check only takes a key-share lock. "shared" (for share): many at once, but none
 * while an exclusive writer holds the parent — for writers that touch one child and
 * must not interleave with a writer of them all (a fiche's number against a renumbering).
 */
export type LockMode = "exclusive" | "shared";

/**
 * Locks the parent row until the transaction ends; throws 404 with `missing` when
 * there is no such row. Call it first in the transaction, before any other lock on
 * the children, so that every writer takes the locks in the same order.
 */
export async function lockParent(tx: Tx, table: ParentTable, id: string, missing: string, mode: LockMode = "exclusive"): Promise<void> {
  const query = tx
    .select({ id: table.id })
    .from(table as never)
    .where(eq(table.id, id));
  const rows = await query.for(mode === "exclusive" ? "no key update" : "share");
  if (rows.length === 0) throw notFound(missing);
}
