import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { runTables, tablesCommand, type TablesOptions } from "./tables.js";

const tmp = mkdtempSync(join(tmpdir(), "cles-tables-"));

const HEADER = "id,gender,ageBand,commune,qpv,category,household";
/** 13 women and 5 men; w1, w2 and m1 are one household. */
const ROWS = [
  "w1,F,18-25,Melun,Montaigu,étudiante,h1",
  "w2,F,41-60,Melun,Montaigu,employée,h1",
  "m1,M,41-60,Melun,Montaigu,ouvrier,h1",
  ...Array.from({ length: 11 }, (_, i) => `w${i + 3},F,${["26-40", "41-60", "61-75", "75+"][i % 4]},${["Melun", "Dammarie-lès-Lys", "Vaux-le-Pénil"][i % 3]},,${["cadre", "retraitée", "employée"][i % 3]},`),
  ...Array.from({ length: 4 }, (_, i) => `m${i + 2},M,${["18-25", "61-75"][i % 2]},${["Le Mée-sur-Seine", "Melun"][i % 2]},${i === 0 ? "oui" : ""},,`),
];

function csv(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

function run(file: string, options: TablesOptions): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = runTables(file, options, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

type Composition = { tables: string[][]; score: number };

describe("cles tables", () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it("prints one JSON object: the tables of ids and the total score", () => {
    const file = csv("ok.csv", [HEADER, ...ROWS].join("\n") + "\n");
    const res = run(file, { size: "6" });
    expect(res).toMatchObject({ code: 0, stderr: "" });
    expect(res.stdout.endsWith("}\n")).toBe(true);
    const out = JSON.parse(res.stdout) as Composition;
    expect(Object.keys(out)).toEqual(["tables", "score"]);
    expect(out.tables.map((t) => t.length)).toEqual([6, 6, 6]);
    expect(out.tables.flat().sort()).toEqual(ROWS.map((r) => r.split(",")[0]).sort());
    for (const table of out.tables) expect(table.filter((id) => ["w1", "w2", "m1"].includes(id))).toHaveLength(1);
    expect(typeof out.score).toBe("number");
    // Same file, same seed: same output.
    expect(run(file, { size: "6", seed: "1" }).stdout).toBe(res.stdout);
  });

  it("uses --tables when given", () => {
    const file = csv("four.csv", [HEADER, ...ROWS].join("\n"));
    const out = JSON.parse(run(file, { size: "6", tables: "4", seed: "3" }).stdout) as Composition;
    expect(out.tables.map((t) => t.length)).toEqual([5, 5, 4, 4]);
  });

  it("names the bad line in French and exits with 1", () => {
    const file = csv("bad.csv", [HEADER, ROWS[0], ROWS[1], ",F,,,,,"].join("\n"));
    expect(run(file, { size: "6" })).toEqual({ code: 1, stdout: "", stderr: "Erreur : Ligne 4 : l'identifiant est vide.\n" });
  });

  it("explains an unknown column", () => {
    const file = csv("column.csv", "id,gender,foo\na,F,x\n");
    expect(run(file, { size: "6" }).stderr).toBe(
      "Erreur : Colonne inconnue « foo » : les colonnes attendues sont id, gender, ageBand, commune, qpv, category, household.\n",
    );
  });

  it("refuses bad options and files, in French", () => {
    const file = csv("small.csv", [HEADER, ...ROWS].join("\n"));
    expect(run(file, {})).toMatchObject({ code: 1, stderr: "Erreur : Indiquez le nombre maximal de personnes par table, par exemple --size 6.\n" });
    expect(run(file, { size: "six" }).stderr).toBe("Erreur : --size doit être un nombre entier (reçu : « six »).\n");
    expect(run(file, { size: "0" }).stderr).toBe("Erreur : --size doit être un entier positif (reçu : « 0 »).\n");
    expect(run(file, { size: "6", seed: "1.5" }).code).toBe(1);
    expect(run(file, { size: "6", tables: "2" })).toMatchObject({ code: 1, stderr: "Erreur : Impossible de placer 18 personnes à 2 table(s) de 6 au plus (12 places).\n" });
    expect(run(join(tmp, "missing.csv"), { size: "6" }).stderr).toBe(`Erreur : Lecture de ${join(tmp, "missing.csv")} impossible : fichier introuvable.\n`);
  });

  it("tablesCommand writes to stdout, or to stderr with exit code 1", () => {
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    tablesCommand(csv("cmd.csv", `${HEADER}\na,F,,,,,\nb,M,,,,,\n`), { size: "2" });
    expect(stdout).toHaveBeenCalledWith('{"tables":[["a","b"]],"score":1}\n');
    expect(process.exitCode).toBeUndefined();
    tablesCommand(csv("cmd-bad.csv", `${HEADER}\na,F,,,,,\na,M,,,,,\n`), { size: "2" });
    expect(stderr).toHaveBeenCalledWith("Erreur : Ligne 3 : l'identifiant « a » figure déjà ligne 2.\n");
    expect(process.exitCode).toBe(1);
  });

  it("runs as `cles tables` without touching the database", async () => {
    const file = csv("main.csv", [HEADER, ...ROWS].join("\n") + "\n");
    const bad = csv("main-bad.csv", `${HEADER}\na,F\n`);
    const dataDir = join(tmp, "data");
    const cles = (...args: string[]) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn("node_modules/.bin/tsx", ["cli/main.ts", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
        let [stdout, stderr] = ["", ""];
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.once("error", reject);
        child.once("close", (code) => resolve({ code, stdout, stderr }));
      });
    };
    const [ok, ko] = await Promise.all([cles("tables", "--size", "6", "--seed", "5", file), cles("tables", "--size", "6", bad)]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(JSON.parse(run(file, { size: "6", seed: "5" }).stdout));
    expect(ko).toMatchObject({ code: 1, stdout: "", stderr: "Erreur : Ligne 2 : 2 valeur(s) au lieu de 7, une par colonne de l'en-tête.\n" });
    expect(existsSync(dataDir)).toBe(false);
  });
});
