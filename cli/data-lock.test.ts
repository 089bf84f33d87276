import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/client.js";
import { users } from "../server/db/schema.js";
import { cles, killAll, startServer } from "./testing/server.js";

let tmp: string | undefined;

afterEach(killAll);
afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

// PGlite only, whatever the engine of the run: run once, in the run without TEST_DATABASE_URL.
describe.skipIf(process.env.TEST_DATABASE_URL)("one process at a time on the embedded data folder", () => {
  it("refuses cles create-admin while the server runs, naming the server and what to do, and writes nothing", async () => {
    tmp = mkdtempSync(join(tmpdir(), "cles-lock-cli-"));
    const env = { DATA_DIR: join(tmp, "data"), DATABASE_URL: "", RENDER_WORKERS: "0" };
    const server = startServer(3981, env);
    await server.ready;

    const res = await cles(["create-admin", "--email", "second@cles.test", "--name", "Second processus"], { ...env, CLES_PASSWORD: "un mot de passe solide" });
    expect(res.code).not.toBe(0);
    expect(res.stdout).toBe("");
    const message = res.stderr.replace(/\s+/g, " ");
    expect(message).toContain(`Erreur : Le dossier de données ${env.DATA_DIR} est déjà utilisé par un autre processus : pid ${server.child.pid} (« node cli/main.ts serve »), depuis le `);
    expect(message).toContain("arrêtez d'abord ce processus. Une fois le serveur arrêté, relancez cette commande ; sans l'arrêter, un administrateur peut inviter la personne");

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    // Released by the server on its way out: opened here at once; the account list is as it was (empty).
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      expect(await database.db.select({ email: users.email }).from(users)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
