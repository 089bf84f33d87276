/**
 * A fingerprint of everything a request may write: a hash of the rows of every
 * table (found in the catalog, so a new table is covered), the audit row count,
 * and the files of the attachment store and of the mail outbox.
 * Equal fingerprints before and after a refused request: nothing was written.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";

/**
 * Bookkeeping a refusal legitimately writes: a wrong password is counted per
 * address (the lock-out of server/features/auth/service.ts), and every request to a
 * limited route is counted per route and address (server/auth/rate-limit-store.ts).
 * A document accepted by an earlier case goes on in the background (server/jobs/): its
 * progress row and its file (`jobs/` in the file store) may change during a later case.
 * jobs.test.ts checks that a refused document request writes neither.
 */
export const BOOKKEEPING_TABLES = new Set(["sign_in_failures", "rate_limits", "document_jobs"]);
const BACKGROUND_FOLDERS = new Set(["jobs"]);

export interface Fingerprint {
  auditCount: number;
  /** Table → "row count:hash of its rows". */
  tables: Record<string, string>;
  /** Folder → "path:size" of each file below it. */
  files: Record<string, string[]>;
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query) as unknown as { rows: T[] }).rows;
}

/** The public tables of the database, minus the bookkeeping ones. */
export async function fingerprintedTables(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  return found.map((t) => t.name).filter((t) => !BOOKKEEPING_TABLES.has(t));
}

function listFiles(dir: string, prefix = ""): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(dir, prefix));
  } catch {
    return [];
  }
  return entries.sort().flatMap((name) => {
    if (!prefix && BACKGROUND_FOLDERS.has(name)) return [];
    const path = join(prefix, name);
    const stat = statSync(join(dir, path));
    return stat.isDirectory() ? listFiles(dir, path) : [`${path}:${stat.size}`];
  });
}

/**
 * Waits until no file is being written to the folders any more (up to half a
 * second): a mail sent without being awaited (the password reset's) lands
 * before the next fingerprint rather than in it.
 */
export async function settle(folders: string[]): Promise<void> {
  let last = JSON.stringify(folders.map((f) => listFiles(f)));
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const now = JSON.stringify(folders.map((f) => listFiles(f)));
    if (now === last) return;
    last = now;
  }
}

/** One query for every table: its row count and an order-independent hash of its rows. */
export async function takeFingerprint(db: Db, tables: string[], folders: string[]): Promise<Fingerprint> {
  const parts = tables.map(
    (t) => `select '${t}' as name, count(*)::int as n, coalesce(md5(string_agg(md5(x::text), '' order by md5(x::text))), '') as h from "${t}" x`,
  );
  const result = await rows<{ name: string; n: number; h: string }>(db, sql.raw(parts.join(" union all ")));
  const fingerprint: Fingerprint = { auditCount: 0, tables: {}, files: {} };
  for (const r of result) {
    fingerprint.tables[r.name] = `${r.n}:${r.h}`;
    if (r.name === "audit_entries") fingerprint.auditCount = Number(r.n);
  }
  for (const folder of folders) fingerprint.files[folder] = listFiles(folder);
  return fingerprint;
}

/** What changed between two fingerprints, in words; empty when nothing did. */
export function fingerprintChanges(before: Fingerprint, after: Fingerprint): string[] {
  const changes: string[] = [];
  if (before.auditCount !== after.auditCount) changes.push(`audit: ${before.auditCount} → ${after.auditCount} rows`);
  for (const table of new Set([...Object.keys(before.tables), ...Object.keys(after.tables)])) {
    const [b, a] = [before.tables[table], after.tables[table]];
    if (b !== a) changes.push(`table ${table}: ${b?.split(":")[0] ?? "absent"} → ${a?.split(":")[0] ?? "absent"} rows${b?.split(":")[0] === a?.split(":")[0] ? " (rows changed)" : ""}`);
  }
  for (const folder of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
    const [b, a] = [new Set(before.files[folder]), new Set(after.files[folder])];
    const added = [...a].filter((f) => !b.has(f));
    const removed = [...b].filter((f) => !a.has(f));
    if (added.length || removed.length) changes.push(`files in ${folder}: +[${added.join(", ")}] -[${removed.join(", ")}]`);
  }
  return changes;
}
