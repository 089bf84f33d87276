import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/client.js";
import { contracts } from "../server/db/schema.js";
import { contractDocumentV2, type ContractDocumentV2 } from "../server/features/transfer/v2/format.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const tmp = mkdtempSync(join(tmpdir(), "cles-cli-"));
const dataDir = join(tmp, "data");

/** Runs `cles …` on its own embedded database (DATA_DIR), never on a DATABASE_URL. */
function cles(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", ["cli/main.ts", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Slugs in the CLI's database, read directly (after the CLI has exited). */
async function slugsInDatabase(): Promise<{ n: number; slugs: string[] }> {
  const database = await openDatabase({ dataDir });
  try {
    const [row] = await database.db.select({ n: count() }).from(contracts);
    const rows = await database.db.select({ slug: contracts.slug }).from(contracts);
    return { n: row!.n, slugs: rows.map((r) => r.slug).sort() };
  } finally {
    await database.close();
  }
}

let exported: ContractDocumentV2;

describe("the cles command", () => {
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it("prints its help, and a command's help, in French (exit 0)", async () => {
    const [main, exportHelp] = await Promise.all([cles("--help"), cles("export", "--help")]);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Utilisation : cles \[options\] \[commande\]/);
    expect(main.stdout).toContain("Commandes :");
    expect(main.stdout).toContain("Options :");
    expect(main.stdout).toContain("afficher l'aide");
    // Commander wraps long descriptions: compare with whitespace collapsed.
    const flat = main.stdout.replace(/\s+/g, " ");
    expect(flat).toContain("export [options] <contrat> [fichier] Exporter un contrat entier et sa vie (gouvernance, suivi, revues) au format JSON cles.contract v2");
    expect(flat).toContain("import [options] <fichier> Importer un contrat depuis un fichier JSON cles.contract (v2 ou v1) ; rien n'est écrit si le fichier est invalide");
    expect(flat).toContain("seed Charger les contrats de démonstration (CAPVM et CAMVS) si la base ne contient aucun contrat");
    expect(main.stdout).not.toMatch(/Usage:|Commands:|display help/);

    expect(exportHelp.code).toBe(0);
    expect(exportHelp.stdout).toMatch(/^Utilisation : cles export \[options\] <contrat> \[fichier\]/);
    expect(exportHelp.stdout).toContain("Arguments :");
    const exportFlat = exportHelp.stdout.replace(/\s+/g, " ");
    expect(exportFlat).toContain("contrat identifiant (ex. capvm-2019-2022) ou id du contrat");
    expect(exportFlat).toContain("fichier fichier de sortie (sortie standard par défaut)");
    expect(exportFlat).toContain("--residents ajouter les données personnelles des habitants (noms, inscriptions aux ateliers) : jamais par défaut");
    expect(exportHelp.stdout).toMatch(/-h, --help\s+afficher l'aide/);
    expect(exportHelp.stdout).not.toMatch(/Usage:|Arguments:|Options:/);
  });

  it("seeds the demo, then exports CAPVM to a file as a valid document with 16 fiches", async () => {
    const seed = await cles("seed");
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toContain("Contrats de démonstration chargés : capvm-2019-2022, camvs-2021-2023.");

    const file = join(tmp, "sortie", "capvm.cles.json");
    const res = await cles("export", "capvm-2019-2022", file);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain(`Contrat exporté dans ${file}.`);
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    const parsed = contractDocumentV2.safeParse(json);
    expect(parsed.success).toBe(true);
    exported = parsed.data!;
    expect(exported).toMatchObject({ format: "cles.contract", version: 2, contract: { slug: "capvm-2019-2022" } });
    expect(exported.contract.actions.map((a) => a.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(exported.residents).toBe(false);
    // The residents' data only when asked: CAMVS's workshop and its registrations.
    const withResidents = join(tmp, "sortie", "camvs.cles.json");
    expect((await cles("export", "camvs-2021-2023", withResidents, "--residents")).code).toBe(0);
    const camvs = contractDocumentV2.parse(JSON.parse(readFileSync(withResidents, "utf8")));
    expect(camvs.residents).toBe(true);
    expect(camvs.workshops![0]!.registrations.length).toBeGreaterThan(0);
  });

  it("refuses to import an invalid file, naming the fiche in French, and writes nothing", async () => {
    expect(exported, "needs the export of the previous test").toBeDefined();
    const bad = structuredClone(exported);
    bad.contract.actions[2]!.lead = { organisation: "Organisation fantôme", person: null };
    const file = join(tmp, "invalide.json");
    writeFileSync(file, JSON.stringify(bad));
    const res = await cles("import", file, "--slug", "tentative");
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain("Erreur : Le fichier n'a pas été importé : 1 erreur(s). Rien n'a été enregistré.");
    expect(res.stderr).toContain(
      "  - Fiche action FA 3 « Favoriser le développement de structures de santé pluriprofe » › porteur › organisation : L'organisation « Organisation fantôme » n'est pas dans l'annuaire du contrat.",
    );
    expect(await slugsInDatabase()).toEqual({ n: 2, slugs: ["camvs-2021-2023", "capvm-2019-2022"] });
  });

  it("exits 1 with « Aucun contrat » for an unknown contract", async () => {
    const res = await cles("export", "inconnu");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("Erreur : Aucun contrat « inconnu ».");
    expect(res.stdout).toBe("");
  });
});

describe("cles create-admin", () => {
  it("creates the first administrator, and refuses a short password or a taken address", async () => {
    process.env.CLES_PASSWORD = "court";
    try {
      const weak = await cles("create-admin", "--email", "chef@exemple.fr", "--name", "Chef");
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain("au moins 12 caractères");
      process.env.CLES_PASSWORD = "un mot de passe solide";
      const made = await cles("create-admin", "--email", "Chef@Exemple.fr", "--name", "Chef de plateforme");
      expect(made.code).toBe(0);
      expect(made.stdout).toContain("Compte administrateur créé pour chef@exemple.fr.");
      const again = await cles("create-admin", "--email", "chef@exemple.fr", "--name", "Autre");
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("Un compte existe déjà");
    } finally {
      delete process.env.CLES_PASSWORD;
    }
  });
});
