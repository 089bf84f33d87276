/**
 * `cles backup` / `cles restore` (issue 17): the demo — contracts with meetings, attendance,
 * minutes, follow-up, measurements, remarks, reviews, history — and an attachment come back
 * identical in an empty database (a full dump of every table compared), on the engine the
 * tests run on; a database that holds anything, a damaged or foreign archive are refused in
 * French with nothing written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { diskStorage, type FileStorage } from "../storage/storage.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { signedInClient } from "../testing/client.js";
import { openTestDatabase } from "../testing/database.js";
import { writeBackup } from "./backup.js";
import { countRows, quoted, readCatalog, rowsOf } from "./catalog.js";
import { restoreBackup } from "./restore.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

let ctx: TestContext;
let folder: string;
let archive: string;
let target: Database;
let targetFiles: FileStorage;

/** Every row of every table as text, sorted: two databases with the same dump hold the same data. */
async function dump(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await readCatalog(database.db)) {
    const rows = rowsOf<{ r: string }>(await database.db.execute(sql.raw(`select row_to_json(t)::text as r from ${quoted(table.name)} t`)));
    out[table.name] = rows.map((row) => row.r).sort();
  }
  return out;
}

async function emptyTarget(): Promise<{ database: Database; files: FileStorage; dir: string }> {
  const database = await openTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), "cles-restore-files-"));
  return { database, files: diskStorage(dir), dir };
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  folder = mkdtempSync(join(tmpdir(), "cles-backup-"));
  archive = join(folder, "sauvegarde.tar.gz");
  const coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  const camvs = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!.id;
  const meeting = (await ctx.app.inject({ url: `/api/contracts/${camvs}/meetings` })).json<{ items: { id: string; title: string }[] }>().items.find((m) => m.title === "Comité technique 2021")!;
  const boundary = "----cles-backup-test";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Support COTECH.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const uploaded = await coordinator.inject({ method: "POST", url: `/api/meetings/${meeting.id}/attachments`, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat([head, PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]) });
  expect(uploaded.statusCode).toBe(201);
  const fa1 = (await coordinator.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items.find((f) => f.number === 1)!.id;
  expect((await coordinator.inject({ method: "POST", url: `/api/actions/${fa1}/comments`, payload: { body: "Remarque gardée par la sauvegarde." } })).statusCode).toBe(201);
  const review = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 3 } })).json<{ id: string; version: number }>();
  expect((await coordinator.inject({ method: "POST", url: `/api/reviews/${review.id}/publish`, payload: { version: review.version } })).statusCode).toBe(200);
}, 120_000);

afterAll(async () => {
  await target?.close();
  await ctx?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("bring back every table and the attachments identical in an empty database", async () => {
    const before = await dump(ctx.database);
    // What the round trip must carry: the demo's running contracts and their history.
    for (const table of ["contracts", "meetings", "meeting_participants", "progress_entries", "indicator_measurements", "comments", "quarterly_reviews", "review_publications", "audit_entries", "attachments", "users", "memberships"])
      expect(before[table]?.length, table).toBeGreaterThan(0);

    const summary = await writeBackup(ctx.database, ctx.server.storage, archive);
    expect(summary.files).toBe(1);
    expect(summary.missingFiles).toEqual([]);
    expect(summary.rows).toBe(Object.values(before).reduce((s, rows) => s + rows.length, 0));

    const fresh = await emptyTarget();
    target = fresh.database;
    targetFiles = fresh.files;
    const restored = await restoreBackup(target, targetFiles, archive);
    expect(restored).toEqual({ tables: Object.keys(before).length, rows: summary.rows, files: 1 });
    expect(await dump(target)).toEqual(before);
    const [attachment] = rowsOf<{ key: string }>(await target.db.execute(sql`select storage_key as key from attachments`));
    expect(await targetFiles.get(attachment!.key)).toEqual(PDF);
    rmSync(fresh.dir, { recursive: true, force: true });
  });

  it("refuses a database that holds anything, in French, writing nothing", async () => {
    const counts = await countRows(target.db, await readCatalog(target.db));
    await expect(restoreBackup(target, targetFiles, archive)).rejects.toThrow(/^La base n'est pas vide \(.*contracts : 2.*\) : une sauvegarde ne se restaure que dans une base vide ou un dossier de données neuf\. Rien n'a été écrit\.$/);
    expect(await countRows(target.db, await readCatalog(target.db))).toEqual(counts);
  });

  it("refuses a damaged archive, a foreign file and an archive of another schema version, writing nothing", async () => {
    const fresh = await emptyTarget();
    try {
      const entries = await readEntries(readFileSync(archive));
      const damaged = entries.map((e) => (e.name.startsWith("db/contracts/") ? { ...e, bytes: Buffer.from(e.bytes.toString("utf8").replace("Melun", "Meaux")) } : e));
      const cases: [string, Buffer, RegExp][] = [
        ["abîmée", await writeEntries(damaged), /^L'archive est incomplète ou abîmée : « db\/contracts\/000001\.jsonl » ne correspond pas à sa somme de contrôle\. Rien n'a été écrit\.$/],
        ["sans manifeste", await writeEntries(entries.filter((e) => e.name !== "manifest.json")), /^L'archive est incomplète ou abîmée : son manifeste manque/],
        ["tronquée", readFileSync(archive).subarray(0, 2_000), /^L'archive est incomplète ou abîmée/],
        ["étrangère", gzipSync(Buffer.from("bonjour")), /^L'archive est incomplète ou abîmée|^Ce fichier/],
        [
          "autre version",
          await writeEntries(entries.map((e) => (e.name === "format.json" ? { ...e, bytes: Buffer.from(JSON.stringify({ ...JSON.parse(e.bytes.toString()), schema: { migrations: 3, last: "x" } })) } : e))),
          /^Cette sauvegarde a été faite par une autre version de Clés \(3 migrations, contre \d+ ici\)/,
        ],
      ];
      for (const [label, bytes, message] of cases) {
        const file = join(folder, `${label}.tar.gz`);
        writeFileSync(file, bytes);
        await expect(restoreBackup(fresh.database, fresh.files, file), label).rejects.toThrow(message);
        const counts = await countRows(fresh.database.db, await readCatalog(fresh.database.db));
        expect(Object.entries(counts).filter(([, n]) => n > 0), label).toEqual([]);
      }
      // The attachment written before the damage was found is removed again.
      const [key] = (await readEntries(readFileSync(archive))).filter((e) => e.name.startsWith("files/")).map((e) => e.name.slice(6));
      expect(await fresh.files.get(key!)).toBeNull();
    } finally {
      await fresh.database.close();
      rmSync(fresh.dir, { recursive: true, force: true });
    }
  });
});

type Entry = { name: string; bytes: Buffer };

async function readEntries(gz: Buffer): Promise<Entry[]> {
  const extract = tar.extract();
  const out: Entry[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const parts: Buffer[] = [];
      for await (const part of entry) parts.push(part as Buffer);
      out.push({ name: entry.header.name, bytes: Buffer.concat(parts) });
    }
  })();
  extract.end(gunzipSync(gz));
  await done;
  return out;
}

async function writeEntries(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  const parts: Buffer[] = [];
  const done = (async () => {
    for await (const part of pack) parts.push(part as Buffer);
  })();
  for (const e of entries) await new Promise<void>((resolve, reject) => pack.entry({ name: e.name, size: e.bytes.length }, e.bytes, (err) => (err ? reject(err) : resolve())));
  pack.finalize();
  await done;
  return gzipSync(Buffer.concat(parts));
}
