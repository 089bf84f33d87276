/** `cles create-user`: each kind of account, its one-time link or CLES_PASSWORD, the refusals, and the data folder's lock. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/client.js";
import { lockDataDir } from "../server/db/lock.js";
import { verifyPassword } from "better-auth/crypto";
import { accounts, arsScopes, memberships, users, verifications } from "../server/db/schema.js";
import { cles, killAll } from "./testing/server.js";
import { optionOf } from "./users.js";

const tmp = mkdtempSync(join(tmpdir(), "cles-create-user-"));
const dataDir = join(tmp, "data");
const env = { DATA_DIR: dataDir, DATABASE_URL: "", PUBLIC_URL: "https://cles.exemple.fr" };

afterAll(async () => {
  await killAll();
  rmSync(tmp, { recursive: true, force: true });
});

async function inDatabase<T>(read: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

// PGlite only, whatever the engine of the run: run once, in the run without TEST_DATABASE_URL.
describe.skipIf(process.env.TEST_DATABASE_URL)("cles create-user", () => {
  it("appoints an ARS delegation for a département and prints its one-time link", async () => {
    const res = await cles(["create-user", "--email", "DD21@ars-bfc.test", "--name", "Délégation de Côte-d'Or", "--role", "ars", "--departement", "21"], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("Compte créé pour dd21@ars-bfc.test : Délégation ARS (Département 21).");
    const link = /https:\/\/cles\.exemple\.fr\/reinitialiser-mot-de-passe\/([\w-]+)/.exec(res.stdout);
    expect(link, res.stdout).not.toBeNull();
    const stored = await inDatabase(async (db) => {
      const [user] = await db.select().from(users).where(eq(users.email, "dd21@ars-bfc.test"));
      return { scopes: await db.select().from(arsScopes).where(eq(arsScopes.userId, user!.id)), links: await db.select().from(verifications).where(eq(verifications.value, user!.id)) };
    });
    expect(stored.scopes.map((s) => [s.level, s.code])).toEqual([["department", "21"]]);
    expect(stored.links.map((l) => l.identifier)).toEqual([`reset-password:${link![1]}`]);
  }, 180_000);

  it("creates an administrator with the password of CLES_PASSWORD, a region, and refuses in French", async () => {
    const made = await cles(["create-user", "--email", "chef@cles.test", "--name", "Cheffe", "--role", "admin"], { ...env, CLES_PASSWORD: "un mot de passe solide" });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("Compte créé pour chef@cles.test : Administrateur de la plateforme. Mot de passe : celui de CLES_PASSWORD.");
    expect(made.stdout).not.toContain("reinitialiser-mot-de-passe");
    const stored = await inDatabase(async (db) => {
      const [row] = await db.select({ hash: accounts.password, isAdmin: users.isAdmin }).from(accounts).innerJoin(users, eq(users.id, accounts.userId)).where(eq(users.email, "chef@cles.test"));
      return row!;
    });
    expect(stored.isAdmin).toBe(true);
    expect(await verifyPassword({ hash: stored.hash!, password: "un mot de passe solide" })).toBe(true);

    const region = await cles(["create-user", "--email", "ars.bfc@ars-bfc.test", "--name", "ARS BFC", "--role", "ars", "--region", "27"], env);
    expect(region.stdout).toContain("Délégation ARS (Région Bourgogne-Franche-Comté)");

    const [taken, weak, unknown, noContract, ghost] = [
      await cles(["create-user", "--email", "chef@cles.test", "--name", "Autre", "--role", "admin"], env),
      await cles(["create-user", "--email", "x@cles.test", "--name", "X", "--role", "admin"], { ...env, CLES_PASSWORD: "court" }),
      await cles(["create-user", "--email", "y@cles.test", "--name", "Y", "--role", "ars", "--departement", "99"], env),
      await cles(["create-user", "--email", "z@cles.test", "--name", "Z", "--role", "coordinator"], env),
      await cles(["create-user", "--email", "z@cles.test", "--name", "Z", "--role", "coordinator", "--contract", "inconnu"], env),
    ];
    expect(taken.stderr).toContain("--email : Un compte existe déjà pour cette adresse e-mail.");
    expect(weak.stderr).toContain("au moins 12 caractères");
    expect(unknown.stderr).toContain("--departement : Ce département n'existe pas");
    expect(noContract.stderr).toContain("--contract : Choisissez le contrat que cette personne coordonne.");
    expect(ghost.stderr).toContain("Erreur : Aucun contrat « inconnu ».");
    for (const r of [taken, weak, unknown, noContract, ghost]) expect(r.code).toBe(1);
    const emails = await inDatabase(async (db) => (await db.select({ email: users.email }).from(users)).map((u) => u.email).sort());
    expect(emails).toEqual(["ars.bfc@ars-bfc.test", "chef@cles.test", "dd21@ars-bfc.test"]);
    expect(await inDatabase((db) => db.select().from(memberships))).toEqual([]);
  }, 180_000);

  it("refuses while another process (the server) holds the data folder, saying what to do, and writes nothing", async () => {
    mkdirSync(dataDir, { recursive: true });
    const lock = lockDataDir(dataDir);
    try {
      const res = await cles(["create-user", "--email", "tard@cles.test", "--name", "Tard", "--role", "ars", "--departement", "77"], env);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe("");
      const message = res.stderr.replace(/\s+/g, " ");
      expect(message).toContain(`Erreur : Le dossier de données ${dataDir} est déjà utilisé par un autre processus : pid ${process.pid}`);
      expect(message).toContain("sans l'arrêter, un administrateur crée le compte depuis la page « Comptes » (/administration/comptes).");
    } finally {
      lock.release();
    }
    const emails = await inDatabase(async (db) => (await db.select({ email: users.email }).from(users)).map((u) => u.email));
    expect(emails).not.toContain("tard@cles.test");
  }, 180_000);
});

describe("the option named in a refusal", () => {
  it("names the command's option for a field of the request", () => {
    expect(optionOf("departements.1")).toBe("--departement");
    expect(optionOf("regions.0")).toBe("--region");
    expect(optionOf("contractId")).toBe("--contract");
    expect(optionOf("email")).toBe("--email");
  });
});
