/**
 * The tables a view's SQL reads, for the views that name the tables whose changes move them
 * (read-views.ts): a test runs the view's loader, captures its statements and checks that
 * every table they read is named, so that no change can leave such a view stale.
 */
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "../db/schema.js";

/** Every table of the schema, by its SQL name. */
export const SCHEMA_TABLES: ReadonlySet<string> = new Set(
  Object.values(schema)
    .filter((value) => is(value, PgTable))
    .map((table) => getTableName(table as PgTable)),
);

const SOURCE = /\b(?:from|join)\s+(?:"([^"]+)"|([a-z_][a-z0-9_]*))/gi;

/** The tables of the schema named after `from` or `join` in `statements`, sorted. */
export function tablesRead(statements: readonly string[], known: ReadonlySet<string> = SCHEMA_TABLES): string[] {
  const found = new Set<string>();
  for (const text of statements) for (const match of text.matchAll(SOURCE)) {
    const name = match[1] ?? match[2]!.toLowerCase();
    if (known.has(name)) found.add(name);
  }
  return [...found].sort();
}
