/**
 * `cles backup FILE`: the whole database (every table of the public schema, history
 * included) and the attachment files in one archive, a gzip-compressed tar that any `tar`
 * opens:
 *   format.json                 what it is: format, version, schema version (migrations), date
 *   db/<table>/<n>.jsonl        the table's rows, one JSON object per line, CHUNK_ROWS per file
 *   files/<storage key>         each attachment's bytes
 *   manifest.json               rows per table, files, and the SHA-256 of every entry above
 * Read in one read-only snapshot (REPEATABLE READ), so that a backup taken while PostgreSQL
 * serves is consistent. Written to FILE.partiel, renamed once complete.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createGzip, type Gzip } from "node:zlib";
import { sql } from "drizzle-orm";
import tar from "tar-stream";
import type { Database, Tx } from "../db/client.js";
import type { FileStorage } from "../storage/storage.js";
import { quoted, readCatalog, rowsOf, schemaVersion, type TableInfo } from "./catalog.js";

export const BACKUP_FORMAT = "cles-backup";
export const BACKUP_VERSION = 1;
export const CHUNK_ROWS = 2_000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: Database["engine"];
  schema: { migrations: number; last: string };
}

export interface BackupManifest {
  tables: Record<string, { rows: number; chunks: number }>;
  files: string[];
  /** Attachments the database names but storage no longer holds (reported, not fatal). */
  missingFiles: string[];
  /** SHA-256 (hex) of every entry but this manifest. */
  checksums: Record<string, string>;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  missingFiles: string[];
  bytes: number;
}

export const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
export const chunkName = (table: string, n: number) => `db/${table}/${String(n).padStart(6, "0")}.jsonl`;

class ArchiveWriter {
  readonly pack = tar.pack();
  readonly checksums: Record<string, string> = {};
  constructor(private readonly gzip: Gzip) {}

  async add(name: string, bytes: Buffer, checked = true): Promise<void> {
    if (checked) this.checksums[name] = sha256(bytes);
    await new Promise<void>((resolve, reject) => this.pack.entry({ name, size: bytes.length, mtime: new Date(0) }, bytes, (error) => (error ? reject(error) : resolve())));
    // Keeps what waits in memory bounded when the disk is slower than the database.
    if (this.gzip.writableNeedDrain) await new Promise((resolve) => this.gzip.once("drain", resolve));
  }
}

/** Writes the archive of `database` and `storage` to `file`. */
export async function writeBackup(database: Database, storage: FileStorage, file: string): Promise<BackupSummary> {
  const partial = `${file}.partiel`;
  const gzip = createGzip();
  const archive = new ArchiveWriter(gzip);
  const written = pipeline(archive.pack, gzip, createWriteStream(partial));
  let summary: Omit<BackupSummary, "bytes">;
  try {
    summary = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), engine: database.engine, schema: await schemaVersion(tx) };
      await archive.add("format.json", Buffer.from(JSON.stringify(header, null, 2) + "\n"));
      const manifest: BackupManifest = { tables: {}, files: [], missingFiles: [], checksums: archive.checksums };
      let rows = 0;
      const catalog = await readCatalog(tx);
      for (const table of catalog) {
        manifest.tables[table.name] = await writeTable(tx, table, archive);
        rows += manifest.tables[table.name]!.rows;
      }
      const keys = rowsOf<{ key: string }>(await tx.execute(sql`select distinct storage_key as key from attachments order by 1`));
      for (const { key } of keys) {
        const bytes = await storage.get(key);
        if (!bytes) manifest.missingFiles.push(key);
        else {
          await archive.add(`files/${key}`, bytes);
          manifest.files.push(key);
        }
      }
      await archive.add("manifest.json", Buffer.from(JSON.stringify(manifest, null, 2) + "\n"), false);
      return { tables: catalog.length, rows, files: manifest.files.length, missingFiles: manifest.missingFiles };
    });
    archive.pack.finalize();
    await written;
  } catch (error) {
    archive.pack.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, file);
  return { ...summary, bytes: (await stat(file)).size };
}

/** The table's rows through a cursor, CHUNK_ROWS per entry. */
async function writeTable(tx: Tx, table: TableInfo, archive: ArchiveWriter): Promise<{ rows: number; chunks: number }> {
  const cursor = `cles_backup_${table.name}`;
  await tx.execute(sql.raw(`declare ${quoted(cursor)} no scroll cursor for select row_to_json(x)::text as r from (select ${table.columns.map(quoted).join(", ")} from ${quoted(table.name)}) x`));
  let rows = 0;
  let chunks = 0;
  for (;;) {
    const batch = rowsOf<{ r: string }>(await tx.execute(sql.raw(`fetch ${CHUNK_ROWS} from ${quoted(cursor)}`)));
    if (!batch.length) break;
    await archive.add(chunkName(table.name, ++chunks), Buffer.from(batch.map((b) => b.r).join("\n") + "\n"));
    rows += batch.length;
    if (batch.length < CHUNK_ROWS) break;
  }
  await tx.execute(sql.raw(`close ${quoted(cursor)}`));
  return { rows, chunks };
}
