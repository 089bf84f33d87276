import { systemActor } from "../server/policies/index.js";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { openDatabase, type Database } from "../server/db/client.js";
import { DataDirLockedError } from "../server/db/lock.js";
import { databaseOptionsFromEnv } from "../server/config.js";
import { seedDemo } from "../server/demo/seed.js";
import { findContractId } from "../server/features/contracts/queries.js";
import { exportContract, importContract, parseContractDocument } from "../server/features/transfer/service.js";
import { Problem } from "../server/http/problem.js";
import { contractJsonSchema, SCHEMA_FILES } from "./schema-gen.js";

/**
 * What to do instead while the server holds the embedded data folder: a second process
 * on it would lose writes, so every command that opens the database is refused then.
 */
export const WHILE_SERVER_RUNS = {
  migrate: "Le serveur applique lui-même les migrations à son démarrage.",
  seed: "Une fois le serveur arrêté, relancez cette commande, ou relancez le serveur avec « serve --seed » (npm start) : il charge la démonstration si la base ne contient aucun contrat.",
  export: "Sans arrêter le serveur, exportez le contrat depuis sa page (bouton « Exporter (JSON) ») ou son API : GET /api/contracts/<id>/export.",
  import: "Sans arrêter le serveur, importez le fichier depuis sa page « Importer un contrat » (/importer) ou son API : POST /api/contracts/import.",
  "create-admin": "Une fois le serveur arrêté, relancez cette commande ; sans l'arrêter, un administrateur peut inviter la personne depuis la page « Membres » d'un contrat (membre du contrat, pas administrateur de la plateforme).",
  remind: "Le serveur envoie lui-même ces rappels chaque heure.",
  backup: "Arrêtez le serveur le temps de la sauvegarde (quelques secondes pour la démonstration), puis relancez-le ; avec PostgreSQL (DATABASE_URL), la sauvegarde se fait sans arrêter le serveur.",
  restore: "Une sauvegarde se restaure dans un dossier de données neuf : arrêtez le serveur, indiquez un autre DATA_DIR, restaurez, puis démarrez le serveur sur ce dossier.",
} as const;

/** Opens and migrates the configured database, runs `work`, and always closes it. */
export async function withDatabase<T>(command: keyof typeof WHILE_SERVER_RUNS, work: (database: Database) => Promise<T>): Promise<T> {
  let database: Database;
  try {
    database = await openDatabase(databaseOptionsFromEnv());
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new Error(`${error.message} ${WHILE_SERVER_RUNS[command]}`, { cause: error });
    throw error;
  }
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

export async function migrateCommand(): Promise<void> {
  await withDatabase("migrate", async (d) => console.log(`Base à jour (${d.engine}, ${d.location}).`));
}

export async function seedCommand(): Promise<void> {
  await withDatabase("seed", async ({ db }) => {
    const { seeded } = await seedDemo(db);
    console.log(seeded.length ? `Contrats de démonstration chargés : ${seeded.join(", ")}.` : "La base contient déjà des contrats : rien n'a été chargé.");
  });
}

export async function exportCommand(contract: string, file: string | undefined, options: { residents?: boolean } = {}): Promise<void> {
  await withDatabase("export", async ({ db }) => {
    const id = await findContractId(db, contract);
    if (!id) throw new Error(`Aucun contrat « ${contract} ».`);
    const json = JSON.stringify(await exportContract(db, id, { residents: options.residents === true }), null, 2) + "\n";
    if (!file) return void process.stdout.write(json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
    console.error(`Contrat exporté dans ${file}.`);
  });
}

export async function importCommand(file: string, options: { slug?: string }): Promise<void> {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`Lecture de ${file} impossible : ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "fichier introuvable" : "ce n'est pas un JSON valide"}.`, { cause: e });
  }
  await withDatabase("import", async ({ db }) => {
    try {
      const doc = parseContractDocument(input);
      const id = await importContract(db, systemActor("Ligne de commande (cles import)"), doc, options.slug);
      console.log(`Contrat « ${doc.contract.name} » importé (${doc.contract.actions.length} fiches, id ${id}).`);
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      throw new Error([e.detail, ...e.errors.map((f) => `  - ${f.message}`)].join("\n"), { cause: e });
    }
  });
}

/** Writes one version's JSON Schema (to `file`, or its committed place), or both versions' when neither is given. */
export async function schemaCommand(file: string | undefined, options: { version?: string }): Promise<void> {
  if (options.version !== undefined && options.version !== "1" && options.version !== "2") throw new Error("La version du format est 1 ou 2.");
  const versions = options.version ? [Number(options.version) as 1 | 2] : file ? [2 as const] : [1 as const, 2 as const];
  for (const version of versions) {
    const target = file ?? SCHEMA_FILES[version];
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(contractJsonSchema(version), null, 2) + "\n");
    console.log(`Schéma JSON du format v${version} écrit dans ${target}.`);
  }
}

/** Reads the password from CLES_PASSWORD, else from the first line of standard input. */
async function readPassword(): Promise<string> {
  if (process.env.CLES_PASSWORD) return process.env.CLES_PASSWORD;
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    process.stderr.write("Mot de passe (12 caractères au moins) : ");
    for await (const line of rl) return line;
    return "";
  } finally {
    rl.close();
  }
}

/** Creates a platform administrator: the first account of a new instance. */
export async function createAdminCommand(options: { email: string; name: string }): Promise<void> {
  const { email, newPassword, personName } = await import("../server/features/auth/schema.js");
  const { createUser } = await import("../server/features/accounts/service.js");
  const parsed = { email: email.safeParse(options.email), name: personName.safeParse(options.name), password: newPassword.safeParse(await readPassword()) };
  for (const [field, result] of Object.entries(parsed))
    if (!result.success) throw new Error(`${field === "password" ? "mot de passe" : field === "name" ? "nom" : "e-mail"} : ${result.error.issues[0]!.message}`);
  await withDatabase("create-admin", async ({ db }) => {
    try {
      await createUser(db, { email: parsed.email.data!, name: parsed.name.data!, password: parsed.password.data!, isAdmin: true });
    } catch (e) {
      if (e instanceof Problem) throw new Error(e.errors[0]?.message ?? e.detail, { cause: e });
      throw e;
    }
    console.log(`Compte administrateur créé pour ${parsed.email.data}.`);
  });
}

/** Sends the reminders due on a day (today by default): what the server does every hour. */
export async function remindCommand(options: { date?: string }): Promise<void> {
  const { createMailer } = await import("../server/mail/mailer.js");
  const { mailConfigFromEnv, publicUrlFromEnv } = await import("../server/config.js");
  const { parisDay } = await import("../server/domain/dates.js");
  const { quarterLabel } = await import("../server/features/reviews/quarters.js");
  const { sendReviewReminders } = await import("../server/features/reviews/reminders.js");
  const { sendMilestoneReminders } = await import("../server/features/todo/milestone-reminders.js");
  if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new Error("Indiquez la date au format AAAA-MM-JJ.");
  await withDatabase("remind", async ({ db }) => {
    const mailer = createMailer(mailConfigFromEnv());
    try {
      const { sent, quarter } = await sendReviewReminders(db, mailer, publicUrlFromEnv(), options.date ?? parisDay());
      console.log(`${sent} rappel(s) envoyé(s) pour la revue du ${quarterLabel(quarter)}.`);
      const milestones = await sendMilestoneReminders(db, mailer, publicUrlFromEnv(), options.date ?? parisDay());
      console.log(`${milestones.sent} rappel(s) d'étapes envoyé(s).`);
    } finally {
      await mailer.close();
    }
  });
}
