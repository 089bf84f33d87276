/**
 * `cles restore FILE`: an archive of `cles backup` (backup.ts) back into an empty database
 * of the same schema version, in one transaction: every entry's SHA-256 is checked against the
 * manifest before it commits, so that a damaged or incomplete archive writes nothing (the
 * attachment files already written are removed again).
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { sql } from "drizzle-orm";
import tar from "tar-stream";
import type { Database, Tx } from "../db/client.js";
import type { FileStorage } from "../storage/storage.js";
import { BACKUP_FORMAT, BACKUP_VERSION, sha256, type BackupHeader, type BackupManifest } from "./backup.js";
import { countRows, quoted, readCatalog, schemaVersion, type TableInfo } from "./catalog.js";

export class RestoreRefused extends Error {}

const refuse = (message: string): never => {
  throw new RestoreRefused(message);
};
const DAMAGED = "L'archive est incomplète ou abîmée";
const CHUNK = /^db\/([a-z0-9_]+)\/\d{6}\.jsonl$/;

export interface RestoreSummary {
  tables: number;
  rows: number;
  files: number;
}

/** Restores `file` into `database` and `storage`; refuses (RestoreRefused, in French) a database that holds anything. */
export async function restoreBackup(database: Database, storage: FileStorage, file: string): Promise<RestoreSummary> {
  const catalog = await readCatalog(database.db);
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const filled = Object.entries(await countRows(database.db, catalog)).filter(([, n]) => n > 0);
  if (filled.length)
    refuse(`La base n'est pas vide (${filled.map(([t, n]) => `${t} : ${n}`).join(", ")}) : une sauvegarde ne se restaure que dans une base vide ou un dossier de données neuf. Rien n'a été écrit.`);
  const target = await schemaVersion(database.db);

  const putFiles: string[] = [];
  try {
    return await database.db.transaction(async (tx) => {
      const computed: Record<string, string> = {};
      const inserted: Record<string, number> = {};
      const secondPass: { table: TableInfo; json: string }[] = [];
      let header: BackupHeader | null = null;
      let manifest: BackupManifest | null = null;
      let files = 0;
      const extract = tar.extract();
      createReadStream(file).on("error", (error) => extract.destroy(error)).pipe(createGunzip()).on("error", (error) => extract.destroy(error)).pipe(extract);
      for await (const entry of extract) {
        const name = entry.header.name;
        const bytes = await readAll(entry);
        if (manifest) refuse(`${DAMAGED} : « ${name} » suit le manifeste. Rien n'a été écrit.`);
        if (!header) {
          if (name !== "format.json") refuse(`Ce fichier n'est pas une sauvegarde de Clés (il commence par « ${name} »). Rien n'a été écrit.`);
          header = checkHeader(bytes, target);
          computed[name] = sha256(bytes);
          continue;
        }
        if (name === "manifest.json") {
          manifest = JSON.parse(bytes.toString("utf8")) as BackupManifest;
          continue;
        }
        computed[name] = sha256(bytes);
        const chunk = CHUNK.exec(name);
        if (chunk) {
          const table = byName.get(chunk[1]!) ?? refuse(`La sauvegarde contient la table « ${chunk[1]} », que cette version de Clés n'a pas. Rien n'a été écrit.`);
          const json = `[${bytes.toString("utf8").trimEnd().split("\n").join(",")}]`;
          inserted[table.name] = (inserted[table.name] ?? 0) + (await insertRows(tx, table, json));
          if (table.selfReferences.length) secondPass.push({ table, json });
        } else if (name.startsWith("files/")) {
          const key = name.slice("files/".length);
          await storage.put(key, bytes);
          putFiles.push(key);
          files++;
        } else refuse(`${DAMAGED} : entrée inconnue « ${name} ». Rien n'a été écrit.`);
      }
      if (!header) refuse("Ce fichier est vide : ce n'est pas une sauvegarde de Clés. Rien n'a été écrit.");
      if (!manifest) refuse(`${DAMAGED} : son manifeste manque (sauvegarde interrompue ?). Rien n'a été écrit.`);
      checkManifest(manifest!, computed, inserted, files);
      for (const { table, json } of secondPass) await setSelfReferences(tx, table, json);
      return { tables: Object.keys(manifest!.tables).length, rows: Object.values(inserted).reduce((s, n) => s + n, 0), files };
    });
  } catch (error) {
    for (const key of putFiles) await storage.delete(key).catch(() => {});
    if (error instanceof RestoreRefused) throw error;
    const message = (error as Error).message;
    if (/incorrect header check|unexpected end of (file|data)|invalid tar|Invalid tar header/i.test(message)) refuse(`${DAMAGED} (${message}). Rien n'a été écrit.`);
    throw error;
  }
}

function checkHeader(bytes: Buffer, target: { migrations: number; last: string }): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(bytes.toString("utf8")) as BackupHeader;
  } catch {
    return refuse(`${DAMAGED} : son en-tête (format.json) n'est pas lisible. Rien n'a été écrit.`);
  }
  if (header.format !== BACKUP_FORMAT) refuse("Ce fichier n'est pas une sauvegarde de Clés. Rien n'a été écrit.");
  if (!Number.isInteger(header.version) || header.version > BACKUP_VERSION) refuse(`Cette sauvegarde est au format ${header.version}, plus récent que celui que cette version de Clés sait lire (${BACKUP_VERSION}) : mettez Clés à jour. Rien n'a été écrit.`);
  if (header.schema.migrations !== target.migrations || header.schema.last !== target.last)
    refuse(
      `Cette sauvegarde a été faite par une autre version de Clés (${header.schema.migrations} migrations, contre ${target.migrations} ici) : restaurez-la avec la version qui l'a faite, puis mettez à jour. Rien n'a été écrit.`,
    );
  return header;
}

function checkManifest(manifest: BackupManifest, computed: Record<string, string>, inserted: Record<string, number>, files: number): void {
  const expected = Object.keys(manifest.checksums).sort();
  const found = Object.keys(computed).sort();
  const missing = expected.filter((name) => !(name in computed));
  if (missing.length) refuse(`${DAMAGED} : ${missing.length} entrée(s) manquent, dont « ${missing[0]} ». Rien n'a été écrit.`);
  const extra = found.filter((name) => !(name in manifest.checksums));
  if (extra.length) refuse(`${DAMAGED} : « ${extra[0]} » n'est pas dans son manifeste. Rien n'a été écrit.`);
  const wrong = expected.find((name) => manifest.checksums[name] !== computed[name]);
  if (wrong) refuse(`${DAMAGED} : « ${wrong} » ne correspond pas à sa somme de contrôle. Rien n'a été écrit.`);
  for (const [table, { rows }] of Object.entries(manifest.tables))
    if ((inserted[table] ?? 0) !== rows) refuse(`${DAMAGED} : ${inserted[table] ?? 0} lignes de « ${table} » sur ${rows}. Rien n'a été écrit.`);
  if (files !== manifest.files.length) refuse(`${DAMAGED} : ${files} fichiers joints sur ${manifest.files.length}. Rien n'a été écrit.`);
}

/** Inserts a chunk's rows (a JSON array); the columns referencing the table itself are set afterwards. */
async function insertRows(tx: Tx, table: TableInfo, json: string): Promise<number> {
  const columns = table.columns.map(quoted).join(", ");
  const values = table.columns.map((c) => (table.selfReferences.includes(c) ? "null" : `r.${quoted(c)}`)).join(", ");
  const result = await tx.execute(sql`insert into ${sql.raw(quoted(table.name))} (${sql.raw(columns)}) select ${sql.raw(values)} from json_populate_recordset(null::${sql.raw(quoted(table.name))}, ${json}::json) r`);
  return Number((result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0);
}

async function setSelfReferences(tx: Tx, table: TableInfo, json: string): Promise<void> {
  if (!table.primaryKey.length) return;
  const set = table.selfReferences.map((c) => `${quoted(c)} = r.${quoted(c)}`).join(", ");
  const match = table.primaryKey.map((c) => `t.${quoted(c)} = r.${quoted(c)}`).join(" and ");
  await tx.execute(sql`update ${sql.raw(quoted(table.name))} t set ${sql.raw(set)} from json_populate_recordset(null::${sql.raw(quoted(table.name))}, ${json}::json) r where ${sql.raw(match)}`);
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
