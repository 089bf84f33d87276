/**
 * Requests that really run at the same time. Sent together with Promise.all, requests
 * through app.inject each take their own connection of the PostgreSQL pool, but nothing
 * makes them overlap: the first may be done before the last one starts. `atTheSameTime`
 * holds a row (FOR UPDATE, from another connection) while the requests start, and lets
 * it go only once they all wait on a lock, so that they all run from the same instant.
 * A writer that forgot to lock the row first is caught too: it reads what the others
 * read, then waits (its insert checks the row's key) and writes the same place twice.
 * PGlite runs one transaction at a time: there, the requests simply run one after another.
 */
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "../db/client.js";

/** Above this, the requests would wait for a connection of the pool (10), not for the row. */
export const MAX_AT_ONCE = 8;

export async function atTheSameTime<T>(database: Database, held: { table: string; id: string }, count: number, start: () => Promise<T>): Promise<T> {
  expect(count).toBeLessThanOrEqual(MAX_AT_ONCE);
  if (database.engine !== "postgres") return start();
  let started: Promise<T> | undefined;
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from ${sql.identifier(held.table)} where id = ${held.id} for update`);
    started = start();
    // A request answered before it reached the lock (a refusal, an error) stops the wait: the caller's assertions tell.
    let ended = false;
    started.then(
      () => (ended = true),
      () => (ended = true),
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      // pg_stat_activity is read once per transaction unless told otherwise.
      await tx.execute(sql`select pg_stat_clear_snapshot()`);
      const result = await tx.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      const waiting = (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
      if (waiting >= count || ended) break;
      if (Date.now() > deadline) throw new Error(`only ${waiting} of ${count} requests came to wait on the ${held.table} row`);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  return started!;
}
