/** `cles backup FILE` and `cles restore FILE` (server/backup/): the whole instance, database and attachments. */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { writeBackup } from "../server/backup/backup.js";
import { restoreBackup } from "../server/backup/restore.js";
import { storageFromEnv } from "../server/storage/storage.js";
import { withDatabase } from "./commands.js";

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;

export async function backupCommand(file: string): Promise<void> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${file} existe déjà : choisissez un autre nom (une sauvegarde n'en écrase jamais une autre).`);
  mkdirSync(dirname(target), { recursive: true });
  await withDatabase("backup", async (database) => {
    const t0 = performance.now();
    const summary = await writeBackup(database, storageFromEnv(), target);
    console.log(
      `Sauvegarde écrite dans ${file} : ${summary.tables} tables, ${summary.rows.toLocaleString("fr-FR")} lignes, ${summary.files} fichiers joints, ${megabytes(summary.bytes)}, en ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    );
    if (summary.missingFiles.length) console.error(`Attention : ${summary.missingFiles.length} fichier(s) joint(s) nommés par la base sont absents du stockage et ne sont pas dans la sauvegarde : ${summary.missingFiles.join(", ")}.`);
  });
}

export async function restoreCommand(file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file} est introuvable.`);
  await withDatabase("restore", async (database) => {
    const t0 = performance.now();
    const summary = await restoreBackup(database, storageFromEnv(), resolve(file));
    console.log(`Sauvegarde restaurée (${database.engine}, ${database.location}) : ${summary.tables} tables, ${summary.rows.toLocaleString("fr-FR")} lignes, ${summary.files} fichiers joints, en ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  });
}
