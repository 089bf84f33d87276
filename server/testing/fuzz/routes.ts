/**
 * The write routes to fuzz, found in the app itself (`apiRoutes`, with the zod
 * schema of each in `apiSchemas`), and the real ids of the database that
 * fields and parameters named like ids draw from.
 */
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import type { IdPools, JsonSchema } from "./arbitraries.js";

export interface WriteRoute {
  /** "POST /api/contracts/:contractId/axes" */
  key: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A route schema part as JSON schema: zod is converted as fastify-type-provider-zod does. */
export function toJsonSchema(schema: unknown): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema instanceof z.ZodType) return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return schema as JsonSchema;
}

/** Every POST, PUT, PATCH and DELETE under /api, with its schemas; DELETEs last (they remove demo data). */
export function writeRoutes(server: FastifyInstance): WriteRoute[] {
  const routes = [...new Set(server.apiRoutes)]
    .map((key) => {
      const [method, url] = key.split(" ") as [WriteRoute["method"], string];
      const schema = server.apiSchemas.get(key) as Record<string, unknown> | undefined;
      return { key, method, url, params: toJsonSchema(schema?.params), querystring: toJsonSchema(schema?.querystring), body: toJsonSchema(schema?.body) };
    })
    .filter((r) => WRITE_METHODS.has(r.method));
  return routes.sort((a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE") || a.key.localeCompare(b.key));
}

/** The routes of part `part` (1-based) of `of`: every `of`-th route, so each part gets a mix, DELETEs last. */
export function routesOfPart(routes: WriteRoute[], part: number, of: number): WriteRoute[] {
  return routes.filter((_, i) => i % of === part - 1);
}

const IRREGULAR: Record<string, string> = { axes: "axis" };

/** "progress_entries" → "progressentry", "governance_bodies" → "governancebody", "axes" → "axis". */
function singular(table: string): string {
  if (IRREGULAR[table]) return IRREGULAR[table];
  const t = table.replace(/_/g, "");
  return t.endsWith("ies") ? `${t.slice(0, -3)}y` : t.replace(/s$/, "");
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query) as unknown as { rows: T[] }).rows;
}

/** The ids of every table that has an `id` column, the demo e-mail addresses and password. */
export async function loadIds(db: Db, passwords: string[]): Promise<{ byTable: Map<string, string[]>; emails: string[]; passwords: string[] }> {
  const tables = await rows<{ name: string }>(db, sql`select table_name as name from information_schema.columns where table_schema = 'public' and column_name = 'id' order by 1`);
  const byTable = new Map<string, string[]>();
  if (tables.length) {
    const query = tables.map((t) => `select '${t.name}' as t, id::text as id from (select id from "${t.name}" order by id limit 300) x`).join(" union all ");
    for (const r of await rows<{ t: string; id: string }>(db, sql.raw(query))) byTable.set(r.t, [...(byTable.get(r.t) ?? []), r.id]);
  }
  const emails = (await rows<{ email: string }>(db, sql`select email from users order by email`)).map((u) => u.email);
  return { byTable, emails, passwords };
}

const SECRET_TABLES = new Set(["sessions", "accounts", "verifications"]);

/**
 * Id pools for one route: `actionId`, `actionIds`, `targetActionId` → ids of
 * `actions`; `entryId` → `progress_entries`; a bare `id`/`ids` → the table named
 * before `/order` in the route ("…/axes/order" → axes); anything else → every id.
 */
export function idPools(loaded: Awaited<ReturnType<typeof loadIds>>, route?: WriteRoute): IdPools {
  const tables = [...loaded.byTable.keys()].filter((t) => !SECRET_TABLES.has(t));
  const all = tables.flatMap((t) => loaded.byTable.get(t)!);
  const hint = route?.url.match(/\/([a-z-]+)\/order$/)?.[1]?.replace(/-/g, "_");
  const cache = new Map<string, readonly string[]>();
  const idsFor = (name: string): readonly string[] => {
    let key = /^ids?$/i.test(name) ? "" : name.replace(/Ids?$|_ids?$/, "").toLowerCase();
    if ((key === "id" || key === "") && hint) key = singular(hint);
    if (key === "id" || key === "") return all;
    if (cache.has(key)) return cache.get(key)!;
    const exact = tables.filter((t) => singular(t) === key);
    const close = exact.length ? exact : tables.filter((t) => key.length >= 3 && (singular(t).endsWith(key) || singular(t).startsWith(key) || key.endsWith(singular(t))));
    const found = close.length ? close.flatMap((t) => loaded.byTable.get(t)!) : all;
    cache.set(key, found);
    return found;
  };
  return { idsFor, emails: loaded.emails, passwords: loaded.passwords };
}

/** A request that the app itself suggests: the path with real ids, and a body made of what the GET of that path answers. */
export interface Example {
  path: string;
  body: unknown;
}

/**
 * For a PUT (or PATCH) whose path also answers a GET, the current state of up
 * to `count` real targets, cut to the fields of the body schema: with the
 * right version and coherent fields, they reach the service more often than
 * values drawn from the schema alone.
 */
export async function examplesFor(route: WriteRoute, apiRoutes: string[], ids: IdPools, get: (url: string) => Promise<{ statusCode: number; body: string }>, count = 5): Promise<Example[]> {
  if ((route.method !== "PUT" && route.method !== "PATCH") || !route.body?.properties || !apiRoutes.includes(`GET ${route.url}`)) return [];
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const keys = Object.keys(route.body.properties);
  const examples: Example[] = [];
  for (let i = 0; i < count * 3 && examples.length < count; i++) {
    const path = names.reduce((url, name) => {
      const pool = ids.idsFor(name);
      return url.replace(`:${name}`, encodeURIComponent(pool[(i * 7919) % Math.max(pool.length, 1)] ?? "x"));
    }, route.url);
    if (examples.some((e) => e.path === path)) continue;
    const res = await get(path);
    if (res.statusCode !== 200) continue;
    const current = JSON.parse(res.body) as Record<string, unknown>;
    if (current && typeof current === "object") examples.push({ path, body: Object.fromEntries(keys.filter((k) => k in current).map((k) => [k, current[k]])) });
  }
  return examples;
}
