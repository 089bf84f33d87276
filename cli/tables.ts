import { readFileSync } from "node:fs";
import { composeTables } from "../server/domain/composition.js";
import { parseRegistrantsCsv } from "../server/features/participation/composition-csv.js";

/** `cles tables` options, as commander hands them over (strings). */
export type TablesOptions = { size?: string; tables?: string; seed?: string };

type Output = { stdout: (text: string) => void; stderr: (text: string) => void };

/**
 * `cles tables --size 6 [--tables N] [--seed S] FILE.csv`: composes World Café tables from a CSV of
 * registrants and prints `{"tables": [["id", …], …], "score": number}`. Never opens the database.
 */
export function tablesCommand(file: string, options: TablesOptions): void {
  const code = runTables(file, options, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
  if (code !== 0) process.exitCode = code;
}

/** The command's work, writing to `out`; returns the exit code (1 with a French message on stderr). */
export function runTables(file: string, options: TablesOptions, out: Output): number {
  try {
    if (options.size === undefined) throw new Error("Indiquez le nombre maximal de personnes par table, par exemple --size 6.");
    const maxPerTable = positiveInteger("--size", options.size);
    const tables = options.tables === undefined ? undefined : positiveInteger("--tables", options.tables);
    const seed = options.seed === undefined ? undefined : integer("--seed", options.seed);
    const people = parseRegistrantsCsv(readText(file));
    const result = composeTables(people, { maxPerTable, tables, seed });
    out.stdout(JSON.stringify({ tables: result.tables, score: result.score }) + "\n");
    return 0;
  } catch (error) {
    out.stderr(`Erreur : ${(error as Error).message}\n`);
    return 1;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Lecture de ${file} impossible : ${code === "ENOENT" ? "fichier introuvable" : code === "EISDIR" ? "c'est un dossier" : "fichier illisible"}.`, {
      cause: error,
    });
  }
}

function positiveInteger(option: string, value: string): number {
  const n = integer(option, value);
  if (n < 1) throw new Error(`${option} doit être un entier positif (reçu : « ${value} »).`);
  return n;
}

function integer(option: string, value: string): number {
  const trimmed = value.trim();
  if (!/^-?\d{1,9}$/.test(trimmed)) throw new Error(`${option} doit être un nombre entier (reçu : « ${value} »).`);
  return Number(trimmed);
}
