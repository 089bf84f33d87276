import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { listenPostgres, type ListenHandlers, type Subscription } from "./listen.js";
import { lockDataDir } from "./lock.js";
import { preparedStatementsFromEnv, preparingClient, StatementNames } from "./prepared.js";
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
  /** LISTEN on a channel (PostgreSQL NOTIFY), on both engines; close the subscription before the database. */
  listen(channel: string, handlers: ListenHandlers): Promise<Subscription>;
  /** How the job queue (pg-boss, server/jobs/queue.ts) reaches this database: its own small pool, or the embedded engine. */
  queueConnection: QueueConnection;
  /** PGlite: its data folder as one file (a tar), to start another database from (`DatabaseOptions.image`). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

/** Raw SQL for the job queue: with values, one statement; without, possibly several (its schema's installation). */
export interface RawSql {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}
export type QueueConnection = { connectionString: string } | { db: RawSql };

/** The committed migrations (drizzle-kit). */
export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "migrations");
/** An empty data folder made by initdb at build time (scripts/build.mjs), when the server runs compiled. */
const initdbTemplate = join(dirname(fileURLToPath(import.meta.url)), "initdb.tar.gz");

export interface DatabaseOptions {
  /** postgres://… for a real PostgreSQL server. */
  url?: string;
  /** Folder of the embedded database; "memory://" keeps it in memory. */
  dataDir?: string;
  /** PostgreSQL: statements prepared once per connection (server/db/prepared.ts); DATABASE_PREPARED_STATEMENTS by default. */
  preparedStatements?: boolean;
  /** Told when the server closes an idle PostgreSQL connection. */
  onIdleError?: (error: Error) => void;
  /** PGlite in memory: starts from this dumped data folder (`Database.dumpDataDir`) instead of initdb. */
  image?: Blob;
}

const defaultIdleError = (error: Error) => console.warn(`PostgreSQL a fermé une connexion inactive : ${error.message}`);

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in dataDir. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const prepared = options.preparedStatements ?? preparedStatementsFromEnv();
    const pool = new pg.Pool({ connectionString: options.url, max: 10, ...(prepared ? { Client: preparingClient(new StatementNames()) } : {}) });
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
      listen: (channel, handlers) => listenPostgres(options.url!, channel, handlers),
      queueConnection: { connectionString: options.url },
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (dataDir.startsWith("memory://")) return pgliteDatabase(await PGlite.create(options.image ? { loadDataDir: options.image } : {}), dataDir, () => {});
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  // Before PGlite opens the folder: opening it already writes (recovery, checkpoint).
  const lock = lockDataDir(folder);
  try {
    const fresh = !existsSync(join(folder, "PG_VERSION"));
    // A new folder starts from the build's initdb copy (seconds saved at a first start), else from initdb.
    const template = fresh && existsSync(initdbTemplate) ? new Blob([readFileSync(initdbTemplate)]) : undefined;
    const client = await PGlite.create({ fs: new DurableNodeFS(folder), startParams: DURABLE_START_PARAMS, loadDataDir: template });
    // initdb ran in memory and its files were copied without fsync: flushed once here.
    if (fresh) fsyncTree(folder);
    return pgliteDatabase(client, dataDir, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function pgliteDatabase(client: PGlite, location: string, release: () => void): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    location,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    dumpDataDir: () => client.dumpDataDir("none"),
    queueConnection: {
      db: {
        // PGlite's extended protocol takes one statement: several, without values, go through exec.
        executeSql: async (text, values) => (values?.length ? client.query(text, values) : ((await client.exec(text)).at(-1) ?? { rows: [] })),
      },
    },
    listen: async (channel, handlers) => {
      // One process, one connection: nothing is ever missed while the database is open.
      const unlisten = await client.listen(channel, handlers.onPayload);
      let live = true;
      handlers.onLive?.();
      return {
        get live() {
          return live;
        },
        close: async () => {
          if (!live) return;
          live = false;
          if (!client.closed) await unlisten();
        },
      };
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * PGlite starts PostgreSQL with fsync off (`-F`) and its NODEFS file system has no fsync:
 * a commit reached the OS page cache only, and an OS crash or power loss could lose it.
 * Here PostgreSQL runs with fsync on and syncs its WAL with fsync() (fdatasync() is a no-op
 * in the WebAssembly runtime), and NODEFS's fsync calls the real one.
 * Shared buffers: 32 MB instead of PostgreSQL's 128 MB. The WebAssembly memory that holds
 * them never shrinks, and one contract's data is a few MB (the OS page cache keeps the rest):
 * the process stays about 60 MB smaller from the start.
 */
const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((param) => param !== "-F"), "-c", "wal_sync_method=fsync", "-c", "shared_buffers=32MB"];

type EmscriptenOptions = Parameters<NodeFS["init"]>[1];
interface NodeFsStream {
  nfd?: number;
  node: unknown;
}
interface NodeFsModule {
  stream_ops: { fsync?: (stream: NodeFsStream) => number };
  realPath(node: unknown): string;
  tryFSOperation<T>(operation: () => T): T;
}

class DurableNodeFS extends NodeFS {
  override async init(pg: Parameters<NodeFS["init"]>[0], options: EmscriptenOptions) {
    const { emscriptenOpts } = await super.init(pg, options);
    const syncing = (mod: { NODEFS: unknown }) => {
      const nodefs = mod.NODEFS as NodeFsModule;
      nodefs.stream_ops.fsync = (stream) =>
        nodefs.tryFSOperation(() => {
          if (stream.nfd !== undefined) fsyncSync(stream.nfd);
          else fsyncPath(nodefs.realPath(stream.node));
          return 0;
        });
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), syncing] } as EmscriptenOptions };
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every file, then every folder, of a fresh database. */
function fsyncTree(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) fsyncTree(path);
    else if (entry.isFile()) fsyncPath(path);
  }
  // Windows opens no folder for fsync (and its file system needs none for new entries).
  if (process.platform !== "win32") fsyncPath(folder);
}
