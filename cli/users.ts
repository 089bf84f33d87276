/**
 * `cles create-user`: an account for scripting (an administrator, an ARS delegation with its
 * territory, the coordinator of a contract), with a one-time link to choose its password — or
 * the password of CLES_PASSWORD. Refused while the server holds the embedded data folder.
 */
import { eq } from "drizzle-orm";
import { databaseOptionsFromEnv, publicUrlFromEnv } from "../server/config.js";
import { openDatabase, type Database } from "../server/db/client.js";
import { DataDirLockedError } from "../server/db/lock.js";
import { parisDateTime } from "../server/domain/dates.js";
import { fromZodIssues, Problem, type FieldError } from "../server/http/problem.js";
import { systemActor } from "../server/policies/index.js";

export const CREATE_USER_WHILE_SERVER_RUNS =
  "Une fois le serveur arrêté, relancez cette commande ; sans l'arrêter, un administrateur crée le compte depuis la page « Comptes » (/administration/comptes).";

export interface CreateUserOptions {
  email: string;
  name: string;
  role: string;
  departement?: string[];
  region?: string[];
  contract?: string;
}

/** The command's option for a field of the request ("departements.1" → "--departement"). */
export function optionOf(path: string): string {
  const field = path.split(".")[0]!;
  return ({ email: "--email", name: "--name", role: "--role", departements: "--departement", regions: "--region", contractId: "--contract", password: "CLES_PASSWORD" } as Record<string, string>)[field] ?? field;
}

/** "--departement : Ce département n'existe pas…", one line per error. */
export const describeErrors = (errors: FieldError[]) => errors.map((e) => `  - ${optionOf(e.path)} : ${e.message}`).join("\n");

/** A repeatable option: `--departement 21 --departement 89`. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

async function openForCommand(): Promise<Database> {
  try {
    return await openDatabase(databaseOptionsFromEnv());
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new Error(`${error.message} ${CREATE_USER_WHILE_SERVER_RUNS}`, { cause: error });
    throw error;
  }
}

export async function createUserCommand(options: CreateUserOptions): Promise<void> {
  const { createUserBody } = await import("../server/features/users/schema.js");
  const { newPassword } = await import("../server/features/auth/schema.js");
  const password = process.env.CLES_PASSWORD;
  if (password !== undefined) {
    const checked = newPassword.safeParse(password);
    if (!checked.success) throw new Error(`mot de passe (CLES_PASSWORD) : ${checked.error.issues[0]!.message}`);
  }
  // The contract is named by its slug: checked once the database is open.
  const placeholder = options.contract ? "00000000-0000-4000-8000-000000000000" : undefined;
  const parsed = createUserBody.safeParse({ email: options.email, name: options.name, role: options.role, departements: options.departement ?? [], regions: options.region ?? [], contractId: placeholder });
  if (!parsed.success) {
    throw new Error(`Le compte n'a pas été créé :\n${describeErrors(fromZodIssues(parsed.error.issues))}`);
  }

  const database = await openForCommand();
  try {
    await database.migrate();
    const { db } = database;
    const { findContractId } = await import("../server/features/contracts/queries.js");
    const { createAccount } = await import("../server/features/users/service.js");
    const { NEW_ACCOUNT_LINK_SECONDS, passwordLink, revokePasswordLinks } = await import("../server/features/users/links.js");
    let contractId: string | undefined;
    if (options.contract) {
      contractId = (await findContractId(db, options.contract)) ?? undefined;
      if (!contractId) throw new Error(`Aucun contrat « ${options.contract} ».`);
    }
    let created;
    try {
      created = await createAccount(db, systemActor("Ligne de commande (cles create-user)"), { ...parsed.data, contractId }, NEW_ACCOUNT_LINK_SECONDS);
    } catch (e) {
      if (e instanceof Problem) throw new Error(e.errors.length ? `Le compte n'a pas été créé :\n${describeErrors(e.errors)}` : e.detail, { cause: e });
      throw e;
    }
    const email = parsed.data.email;
    if (password !== undefined) {
      const { hashPassword } = await import("better-auth/crypto");
      const { accounts } = await import("../server/db/schema.js");
      await db.update(accounts).set({ password: await hashPassword(password), updatedAt: new Date() }).where(eq(accounts.userId, created.userId));
      await revokePasswordLinks(db, created.userId);
      console.log(`Compte créé pour ${email} : ${created.roleLabel}. Mot de passe : celui de CLES_PASSWORD.`);
      return;
    }
    console.log(`Compte créé pour ${email} : ${created.roleLabel}.`);
    console.log(`Lien pour choisir le mot de passe (une seule fois, jusqu'au ${parisDateTime(created.expiresAt)}) :`);
    console.log(passwordLink(publicUrlFromEnv(), created.token));
  } finally {
    await database.close();
  }
}
