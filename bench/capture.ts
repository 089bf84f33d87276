/**
 * The SQL a page issues. A bench-only copy of the database whose Drizzle logs every
 * query (same driver client as `openDatabase` made: the node-postgres pool or the
 * PGlite client), an app built on it in this process, and per page a fresh app:
 * its first request (nothing cached) and its second (what a request costs once warm).
 */
import type { PgDatabase } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Logger } from "drizzle-orm/logger";
import { buildApp } from "../server/app.js";
import type { Database, Db } from "../server/db/client.js";
import * as schema from "../server/db/schema.js";
import { signedIn, type Session } from "./http.js";
import type { Credentials, Ids, Page, Reader } from "./pages.js";

/** Runs one SQL statement with its parameters, straight on the database. */
export type RawQuery = (sql: string, params: unknown[]) => Promise<unknown>;

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface PageQueries {
  uncached: CapturedQuery[];
  warm: CapturedQuery[];
}

/** Transaction control is not a query of the page's data. */
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|set\s)/i;

interface DriverClient {
  query(sql: string | { text: string; values: unknown[] }, params?: unknown[]): Promise<unknown>;
}

/**
 * The raw driver behind the app's database, to replay queries on — as the app sends them: on
 * PostgreSQL a statement with parameters is prepared once per connection (server/db/prepared.ts).
 */
export function rawQuery(database: Database): RawQuery {
  const client = (database.db as unknown as { $client: DriverClient }).$client;
  if (database.engine === "postgres") return (sql, params) => client.query({ text: sql, values: params });
  return (sql, params) => client.query(sql, params);
}

function loggedDatabase(database: Database, logger: Logger): Database {
  const client = (database.db as unknown as { $client: never }).$client;
  const db = (database.engine === "postgres" ? drizzlePg(client, { schema, logger }) : drizzlePglite(client, { schema, logger })) as unknown as PgDatabase<never, typeof schema>;
  return { ...database, db: db as unknown as Db };
}

/**
 * Signs the readers in (the sessions also serve the server under test: same database,
 * same secret) and captures each page's queries.
 */
export async function capturePages(database: Database, credentials: Credentials, pages: Page[], resolve: (baseUrl: string, coordinator: Session) => Promise<Ids>) {
  const log: CapturedQuery[] = [];
  let recording = false;
  const logged = loggedDatabase(database, {
    logQuery: (sql, params) => {
      if (recording && !CONTROL.test(sql)) log.push({ sql, params });
    },
  });
  const withApp = async <T>(fn: (baseUrl: string) => Promise<T>): Promise<T> => {
    const app = await buildApp({ database: logged, webDir: false });
    try {
      return await fn(await app.listen({ port: 0, host: "127.0.0.1" }));
    } finally {
      await app.close();
    }
  };
  const { sessions, ids } = await withApp(async (baseUrl) => {
    const sessions = {} as Record<Reader, Session>;
    for (const reader of Object.keys(credentials) as Reader[]) sessions[reader] = await signedIn(baseUrl, credentials[reader].email, credentials[reader].password);
    return { sessions, ids: await resolve(baseUrl, sessions.coordinator) };
  });
  const queries = new Map<string, PageQueries>();
  for (const page of pages) {
    const take = async (baseUrl: string, path: string, cookie: string) => {
      log.length = 0;
      recording = true;
      const res = await fetch(baseUrl + path, { headers: { cookie } });
      await res.arrayBuffer();
      recording = false;
      if (res.status !== 200) throw new Error(`GET ${path} → ${res.status}`);
      return [...log];
    };
    queries.set(
      page.key,
      await withApp(async (baseUrl) => {
        const cookie = sessions[page.reader].cookie;
        // The session is resolved (and cached) first: it is not the page's.
        await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } })).arrayBuffer();
        const uncached = await take(baseUrl, page.path(ids), cookie);
        const warm = await take(baseUrl, page.path(ids), cookie);
        return { uncached, warm };
      }),
    );
  }
  return { sessions, ids, queries };
}
