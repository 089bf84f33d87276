/**
 * `npm run bench:data`: builds the national dataset (bench/data/national-sql.ts) on the
 * PostgreSQL of DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/cles_bench
 * (created when missing). Migrates, empties every table, fills them with SQL, prints
 * the counts and the time. Never on a database named `test` (the tests').
 * Every account's password is BENCH_PASSWORD.
 */
import pg from "pg";
import { hashPassword } from "better-auth/crypto";
import { openDatabase } from "../../server/db/client.js";
import { STEPS } from "./national-sql.js";

export const BENCH_PASSWORD = "cles-bench-2026";
export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/cles_bench";

export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL || DEFAULT_BENCH_URL;
  if (new URL(url).pathname.replace(/^\//, "") === "test") throw new Error("Refusing to build the bench dataset in the `test` database (the tests' database).");
  return url;
}

/** Creates the database of `url` when it does not exist (connecting to `postgres` on the same server). */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

const COUNTED = [
  "contracts",
  "communes",
  "organisations",
  "axes",
  "objectives",
  "actions",
  "indicators",
  "action_budgets",
  "governance_bodies",
  "meetings",
  "meeting_participants",
  "milestones",
  "progress_entries",
  "indicator_measurements",
  "comments",
  "users",
  "memberships",
  "membership_actions",
  "ars_scopes",
];

export async function buildNationalDataset(url: string, log: (line: string) => void = console.log): Promise<void> {
  const t0 = performance.now();
  await ensureDatabase(url);
  const database = await openDatabase({ url });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>("select quote_ident(tablename) as t from pg_tables where schemaname = 'public'");
    await client.query("begin");
    // Foreign keys hold by construction (checked with triggers on when the steps were written): not checked row by row.
    await client.query("set local session_replication_role = replica");
    await client.query("create function pg_temp.bench_id(text) returns text language sql immutable as $$ select overlay(overlay(md5($1) placing '4' from 13) placing '8' from 17) $$");
    await client.query(`truncate ${rows.map((r) => r.t).join(", ")} restart identity cascade`);
    for (const step of STEPS) {
      const t = performance.now();
      const result = await client.query(step.sql, step.params === "hash" ? [passwordHash] : []);
      log(`  ${step.label.padEnd(24)} ${String(result.rowCount).padStart(8)} rows  ${((performance.now() - t) / 1000).toFixed(1).padStart(5)} s`);
    }
    await client.query("commit");
    const t = performance.now();
    await client.query("analyze");
    log(`  ${"analyze".padEnd(24)} ${"".padStart(8)}       ${((performance.now() - t) / 1000).toFixed(1).padStart(5)} s`);
    const counts = await client.query<Record<string, string>>(`select ${COUNTED.map((name) => `(select count(*) from ${name}) as ${name}`).join(", ")}`);
    log("Counts: " + Object.entries(counts.rows[0]!).map(([k, v]) => `${k} ${v}`).join(", "));
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  log(`National dataset built in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${url.replace(/\/\/[^@/]*@/, "//***@")} (password of every account: ${BENCH_PASSWORD}).`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildNationalDataset(benchDatabaseUrl());
}
