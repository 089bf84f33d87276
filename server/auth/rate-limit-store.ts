/**
 * Where @fastify/rate-limit counts requests, so that a limit holds across every process of
 * an instance (issue 17): in Redis when REDIS_URL is set (the plugin's own Redis store), else
 * in the database every process shares (table `rate_limits`; one statement per request).
 * Counting in one process's memory would let each process behind a load balancer allow the
 * whole limit again.
 */
import type { RateLimitPluginOptions } from "@fastify/rate-limit";
import { lt, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import type { Db } from "../db/client.js";
import { rateLimits } from "../db/schema.js";

type Row = { hits: number; ttl: string };
type Counted = { current: number; ttl: number };
type Done = (error: Error | null, result?: Counted) => void;
type RouteOptions = { routeInfo?: { method?: string; url?: string } };

/** Counters older than this are deleted, at most once per PURGE_EVERY_MS per process (and at start-up: housekeeping.ts). */
export const RATE_LIMIT_KEPT_MS = 24 * 3600_000;
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * The store class @fastify/rate-limit instantiates (`new Store(options)`, then `child` per
 * route), counting in `db`: a fixed window per key, opened by its first request.
 */
export function databaseRateLimitStore(db: Db) {
  let lastPurge = 0;
  const purge = () => {
    if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = Date.now();
    void purgeRateLimits(db).catch(() => (lastPurge = 0));
  };

  return class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = "",
    ) {}

    incr(key: string, done: Done, timeWindow: number): void {
      purge();
      db.execute<{ hits: number; ttl: string }>(
        sql`insert into ${rateLimits} as r (key, hits, window_ends_at) values (${this.prefix + key}, 1, now() + ${timeWindow} * interval '1 millisecond')
            on conflict (key) do update set
              hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
              window_ends_at = case when r.window_ends_at <= now() then excluded.window_ends_at else r.window_ends_at end
            returning hits, greatest(0, ceil(extract(epoch from (window_ends_at - now())) * 1000)) as ttl`,
      ).then(
        (result) => done(null, counted(rowsOf<Row>(result)[0])),
        (error: Error) => done(error),
      );
    }

    read(key: string, done: Done): void {
      db.execute<{ hits: number; ttl: string }>(
        sql`select hits, greatest(0, ceil(extract(epoch from (window_ends_at - now())) * 1000)) as ttl from ${rateLimits} where key = ${this.prefix + key} and window_ends_at > now()`,
      ).then(
        (result) => done(null, counted(rowsOf<Row>(result)[0])),
        (error: Error) => done(error),
      );
    }

    child(routeOptions: RouteOptions): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${routeOptions.routeInfo?.method ?? ""}${routeOptions.routeInfo?.url ?? ""}-`);
    }
  };
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
const counted = (row: Row | undefined): Counted => (row ? { current: Number(row.hits), ttl: Number(row.ttl) } : { current: 0, ttl: 0 });

export async function purgeRateLimits(db: Db, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowEndsAt, new Date(now.getTime() - RATE_LIMIT_KEPT_MS)));
}

/** The store options of @fastify/rate-limit: Redis when `redisUrl` is given, else the database. */
export function rateLimitStore(db: Db, redisUrl: string | undefined, warn: (message: string) => void): { options: Pick<RateLimitPluginOptions, "redis" | "store" | "nameSpace" | "skipOnError">; close(): Promise<void> } {
  if (!redisUrl) return { options: { store: databaseRateLimitStore(db) as unknown as RateLimitPluginOptions["store"] }, close: async () => {} };
  // As @fastify/rate-limit advises: fail fast rather than hold a request while Redis is away;
  // then requests are not counted (the sign-in lock-out, in the database, still holds).
  const redis = new Redis(redisUrl, { connectTimeout: 1_000, maxRetriesPerRequest: 1 });
  let reported = false;
  redis.on("error", (error: Error) => {
    if (!reported) warn(`Redis injoignable (${error.message}) : les limites de requêtes ne sont plus comptées jusqu'à son retour.`);
    reported = true;
  });
  redis.on("ready", () => (reported = false));
  return {
    options: { redis, nameSpace: "cles-rate-limit-", skipOnError: true },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
