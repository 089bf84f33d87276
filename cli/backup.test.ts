/** `cles backup` and `cles restore` on the embedded database: the demo into a new data folder, then refusals. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/client.js";
import { contracts } from "../server/db/schema.js";
import { cles } from "./testing/server.js";

const tmp = mkdtempSync(join(tmpdir(), "cles-cli-backup-"));
const archive = join(tmp, "sauvegardes", "cles.tar.gz");

/** `cles …` on its own embedded database (DATA_DIR), never on a DATABASE_URL. */
const clesIn = (dataDir: string, ...args: string[]) => cles(args, { DATA_DIR: dataDir, DATABASE_URL: "" });

async function slugs(dataDir: string): Promise<string[]> {
  const database = await openDatabase({ dataDir });
  try {
    return (await database.db.select({ slug: contracts.slug }).from(contracts)).map((r) => r.slug).sort();
  } finally {
    await database.close();
  }
}

describe("cles backup and cles restore", () => {
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("save the demo's data folder and bring it back in a new one; never overwrite, never restore over data", async () => {
    const source = join(tmp, "source");
    const copy = join(tmp, "copie");
    expect((await clesIn(source, "seed")).code).toBe(0);

    const saved = await clesIn(source, "backup", archive);
    expect(saved.stderr).toBe("");
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^Sauvegarde écrite dans .*cles\.tar\.gz : \d+ tables, [\d\u202f ]+ lignes, 0 fichiers joints, [\d,]+ Mo, en [\d.]+ s\.\n$/);

    const again = await clesIn(source, "backup", archive);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/existe déjà : choisissez un autre nom \(une sauvegarde n'en écrase jamais une autre\)\.\n$/);

    const restored = await clesIn(copy, "restore", archive);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Sauvegarde restaurée \(pglite, .*copie\) : \d+ tables/);
    expect(await slugs(copy)).toEqual(await slugs(source));

    const over = await clesIn(copy, "restore", archive);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/^Erreur : La base n'est pas vide \(.*\) : une sauvegarde ne se restaure que dans une base vide ou un dossier de données neuf\. Rien n'a été écrit\.\n$/);
  }, 180_000);
});
