import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** One type for both engines: services never know which one they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  engine: "pglite" | "postgres";
  /** Where the data lives, for logs: a folder or a redacted URL. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");

export interface DatabaseOptions {
  /** postgres://… for a real PostgreSQL server. */
  url?: string;
  /** Folder of the embedded database; "memory://" keeps it in memory. */
  dataDir?: string;
  /** Told when the server closes an idle PostgreSQL connection. */
  onIdleError?: (error: Error) => void;
}

const defaultIdleError = (error: Error) => console.warn(`PostgreSQL a fermé une connexion inactive : ${error.message}`);

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in dataDir. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection closed by the server (restart, admin kill) must not crash
    // the process: the pool drops it and opens a new one on the next query.
    pool.on("error", (error) => (options.onIdleError ?? defaultIdleError)(error));
    // Fail now, with a clear message, rather than on the first request.
    await pool.query("select 1");
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: "postgres",
      location: options.url.replace(/\/\/[^@/]*@/, "//***@"),
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(resolve(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir === "memory://" ? undefined : resolve(dataDir));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    location: dataDir,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}
