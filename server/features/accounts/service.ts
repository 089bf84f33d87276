/** People's accounts: creation (invitations, demo seed, command line) and "Mon compte". */
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { accounts, actions, arsScopes, contracts, membershipActions, memberships, users } from "../../db/schema.js";
import { invalid } from "../../http/problem.js";
import { ROLE_LABELS, scopeLabel, type ArsLevel } from "../../domain/roles.js";

export interface NewUser {
  email: string;
  name: string;
  /** Absent (with no hash either): no password yet (an account opened through ProConnect; a reset link sets one). */
  password?: string;
  /** The password already hashed (accounts sharing one password, as the demo's do). */
  passwordHash?: string;
  isAdmin?: boolean;
  ars?: { level: ArsLevel; code: string }[];
}

/** Creates a person with an e-mail + password credential (hashed by the authentication library). */
export async function createUser(tx: Tx | Db, input: NewUser): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) throw invalid([{ path: "email", message: "Un compte existe déjà pour cette adresse e-mail." }]);
  const id = randomUUID();
  await tx.insert(users).values({ id, email, name: input.name.trim(), isAdmin: input.isAdmin ?? false, emailVerified: true });
  const hash = input.passwordHash ?? (input.password === undefined ? undefined : await hashPassword(input.password));
  if (hash !== undefined) await tx.insert(accounts).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash });
  if (input.ars?.length) await tx.insert(arsScopes).values(input.ars.map((s) => ({ ...s, userId: id })));
  return id;
}

export async function findUserByEmail(db: Db | Tx, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** The fiches led through each of these memberships, by fiche number. */
export async function ledActions(db: Db | Tx, membershipIds: string[]) {
  if (!membershipIds.length) return [];
  return db
    .select({ membershipId: membershipActions.membershipId, id: actions.id, number: actions.number, title: actions.title })
    .from(membershipActions)
    .innerJoin(actions, eq(actions.id, membershipActions.actionId))
    .where(inArray(membershipActions.membershipId, membershipIds))
    .orderBy(asc(actions.number));
}

/** "Mon compte": who I am, my contracts and roles, my fiches as a lead. */
export async function getAccount(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const rows = await db
    .select({ id: memberships.id, contractId: memberships.contractId, contractName: contracts.name, role: memberships.role })
    .from(memberships)
    .innerJoin(contracts, eq(contracts.id, memberships.contractId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(contracts.name));
  const led = await ledActions(db, rows.map((r) => r.id));
  const scopes = await db.select({ level: arsScopes.level, code: arsScopes.code }).from(arsScopes).where(eq(arsScopes.userId, userId));
  return {
    id: user!.id,
    name: user!.name,
    email: user!.email,
    isAdmin: user!.isAdmin,
    arsScopes: scopes.map((s) => ({ ...s, label: scopeLabel(s) })),
    memberships: rows.map((r) => ({
      contractId: r.contractId,
      contractName: r.contractName,
      role: r.role,
      roleLabel: ROLE_LABELS[r.role],
      actions: led.filter((a) => a.membershipId === r.id).map(({ id, number, title }) => ({ id, number, title })),
    })),
  };
}

export async function renameUser(db: Db, userId: string, name: string): Promise<void> {
  await db.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId));
}
