/**
 * A Drizzle client on a test database's own connection that records every statement it
 * sends: to check what a loader reads (server/cache/tables-read.ts).
 */
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import * as schema from "../db/schema.js";
import type { Database, Db } from "../db/client.js";

export function capturingDb(database: Database): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db = database.engine === "pglite" ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePg(client as pg.Pool, { schema, logger });
  return { db: db as unknown as Db, statements };
}
