import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrationsFolder, openDatabase, type Database } from "../db/client.js";
import { seedDemo } from "../demo/seed.js";
import { parisDay } from "../domain/dates.js";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default,
 * or a new database on the PostgreSQL server of TEST_DATABASE_URL (dropped on close);
 * with `seed`, holding the demo contracts and accounts.
 *
 * Migrating and seeding take seconds per file (about 8 s and 4 s for PGlite on a busy
 * machine), so each is done once and copied: a PGlite data folder dumped to a file of the
 * temporary folder, a PostgreSQL template database, made by the first test file of the run
 * that needs it (`imageKey`).
 */
export async function openTestDatabase(options: { seed?: boolean } = {}): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const key = imageKey(options.seed ?? false);
  if (!serverUrl) return openDatabase({ dataDir: "memory://", image: await pgliteImage(key, options.seed ?? false) });
  const template = await postgresTemplate(serverUrl, key, options.seed ?? false);
  const name = `cles_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name} template ${template}`));
  // The forced drop below ends sessions the pool may not have closed yet: expected, not worth a warning.
  const database = await openDatabase({ url: databaseUrl(serverUrl, name), onIdleError: (e) => void e });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * The copy's name: the run (its process id first: the vitest process that started the workers),
 * the migrations' text, and for a seeded copy the day. Never shared between runs, so that a
 * change of the seeding code or of PGlite is never served from an older copy.
 */
function imageKey(seed: boolean): string {
  const hash = createHash("sha1");
  for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith(".sql")).sort()) hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  if (seed) hash.update(parisDay());
  return `${seed ? "seeded" : "migrated"}_${process.ppid}_${hash.digest("hex").slice(0, 12)}`;
}

/** Whether a copy's name is of a run that has ended (its process is gone): such copies are removed. */
function ofEndedRun(name: string): boolean {
  const pid = Number(/(?:seeded|migrated)_(\d+)_/.exec(name)?.[1]);
  if (!pid || pid === process.ppid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function prepare(database: Database, seed: boolean): Promise<void> {
  await database.migrate();
  if (seed) await seedDemo(database.db);
}

/** The dumped PGlite data folder of `key`, made by the first test file that needs it. */
async function pgliteImage(key: string, seed: boolean): Promise<Blob> {
  const folder = join(tmpdir(), "cles-test-images");
  const file = join(folder, `${key}.tar`);
  if (!existsSync(file)) {
    for (const old of existsSync(folder) ? readdirSync(folder) : []) if (ofEndedRun(old)) rmSync(join(folder, old), { force: true });
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      await prepare(database, seed);
      const dump = await database.dumpDataDir!();
      mkdirSync(folder, { recursive: true });
      // Written aside, then renamed: a file of that name is always whole (two workers may both make it).
      const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
    } finally {
      await database.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

/** The template database of `key` on the server, made under an advisory lock by the first test file that needs it. */
async function postgresTemplate(serverUrl: string, key: string, seed: boolean): Promise<string> {
  const template = `cles_template_${key}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query("select pg_advisory_lock(hashtext($1))", [template]);
    try {
      const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [template]);
      if (rowCount) return;
      const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'cles_template_%'");
      for (const { datname } of rows) if (ofEndedRun(datname)) await admin.query(`drop database if exists ${datname} with (force)`);
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const database = await openDatabase({ url: databaseUrl(serverUrl, building), onIdleError: (e) => void e });
      try {
        await prepare(database, seed);
      } finally {
        await database.close();
      }
      // No connection may be left on a template when it is renamed or copied.
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [building]);
      await admin.query(`alter database ${building} rename to ${template}`);
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext($1))", [template]);
    }
  });
  return template;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
