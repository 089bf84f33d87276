import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseOptions } from "../server/db/client.js";
import { auditEntries, contracts } from "../server/db/schema.js";
import { createUser } from "../server/features/accounts/service.js";
import { adminQuery, HttpClient, killAll, startServer } from "./testing/server.js";

/**
 * kill -9 of the server while it writes: every write it acknowledged (201) is there after
 * the restart, whole, and the server starts again at once on the same data (on PGlite,
 * the data folder lock left by the killed process does not stop it).
 * On the engine of `npm test`: PGlite by default, PostgreSQL with TEST_DATABASE_URL.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const engine = serverUrl ? "PostgreSQL" : "PGlite";
const ROUNDS = 3;
/** Ports of this file only. */
const PORT = 3971;
const ADMIN = { email: "ecriture@cles.test", name: "Écriture continue", password: "un mot de passe solide" };

/** No document rendering here: no render thread to start, and only warnings and errors logged. */
const quiet = { RENDER_WORKERS: "0", LOG_LEVEL: "warn" };

let options: DatabaseOptions;
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (serverUrl) {
    const name = `cles_crash_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl!, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    options = { url: url.toString(), onIdleError: () => {} };
    env = { DATABASE_URL: url.toString(), ...quiet };
    cleanup = async () => void (await adminQuery(serverUrl!, `drop database if exists ${name} with (force)`));
  } else {
    const tmp = mkdtempSync(join(tmpdir(), "cles-crash-"));
    options = { dataDir: join(tmp, "data") };
    env = { DATA_DIR: join(tmp, "data"), DATABASE_URL: "", ...quiet };
    cleanup = async () => rmSync(tmp, { recursive: true, force: true });
  }
  // The account that writes, made before any server runs.
  const database = await openDatabase(options);
  try {
    await database.migrate();
    await createUser(database.db, { ...ADMIN, isAdmin: true });
  } finally {
    await database.close();
  }
});

afterEach(killAll);
afterAll(() => cleanup?.());


function contractBody(slug: string) {
  return { slug, name: `Contrat ${slug}`, localAuthority: "Communauté d'essai", startDate: "2026-01-01", endDate: "2028-12-31", status: "draft", summary: "", communes: [], priorityAreas: [], signatories: [] };
}

/**
 * Writers creating contracts one after the other, 4 at a time, until the server dies under them.
 * Returns the slugs it acknowledged (201) and all it sent.
 */
function writeStream(client: HttpClient, round: number) {
  const acknowledged: string[] = [];
  const sent: string[] = [];
  let next = 0;
  const writer = async () => {
    for (;;) {
      const slug = `panne-${round}-${next++}`;
      sent.push(slug);
      let res: Response;
      try {
        res = await client.request("POST", "/api/contracts", contractBody(slug));
      } catch {
        return; // the server is gone
      }
      if (res.status !== 201) throw new Error(`${slug}: ${res.status} ${await res.text()}`);
      acknowledged.push(slug);
    }
  };
  const done = Promise.all([writer(), writer(), writer(), writer()]);
  return { acknowledged, sent, done };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !condition() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 10));
}

describe(`kill -9 during a stream of writes (${engine})`, () => {
  it("keeps every acknowledged write, whole, and the server starts again at once", async () => {
    const acknowledged: string[] = [];
    const sent: string[] = [];
    const client = new HttpClient("");
    for (let round = 0; round < ROUNDS; round++) {
      const server = startServer(PORT + round, env);
      await server.ready;
      client.base = server.base;
      if (round === 0) await client.signIn(ADMIN.email, ADMIN.password);
      // The session, acknowledged before the first kill, still signs in.
      const listed = (await (await client.request("GET", "/api/contracts?perPage=1")).json()) as { total: number };
      expect(listed.total).toBeGreaterThanOrEqual(acknowledged.length);
      expect(server.output(), "no error at start").not.toMatch(/"level":(50|60)/);

      const stream = writeStream(client, round);
      await until(() => stream.acknowledged.length >= 20, 20_000);
      expect(stream.acknowledged.length, server.output()).toBeGreaterThan(0);
      server.child.kill("SIGKILL");
      expect(await server.exited).toBeNull();
      await stream.done;
      acknowledged.push(...stream.acknowledged);
      sent.push(...stream.sent);
    }

    // Read directly: on PGlite this also takes the data folder, which the last kill left locked.
    const database = await openDatabase(options);
    try {
      const rows = await database.db.select({ id: contracts.id, slug: contracts.slug }).from(contracts);
      const slugs = rows.map((r) => r.slug);
      expect(slugs).toEqual(expect.arrayContaining(acknowledged));
      expect(sent).toEqual(expect.arrayContaining(slugs));
      // Whole: each contract there has the history entry written in its transaction.
      const audited = await database.db
        .selectDistinct({ id: auditEntries.contractId })
        .from(auditEntries)
        .where(inArray(auditEntries.contractId, rows.map((r) => r.id)));
      expect(audited).toHaveLength(rows.length);
      if (!serverUrl) {
        // What makes its commits survive an OS crash too: see openDatabase.
        const settings = await database.db.execute(sql`select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method`);
        expect((settings as unknown as { rows: unknown[] }).rows).toEqual([{ fsync: "on", method: "fsync" }]);
      }
    } finally {
      await database.close();
    }
  }, 300_000);
});
