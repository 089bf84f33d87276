/** The platform admin's accounts (« Comptes »): list, create, deactivate, ARS territories. */
import { randomBytes } from "node:crypto";
import { asc, count, eq, ilike, inArray, or } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { arsScopes, contracts, memberships, sessions, users } from "../../db/schema.js";
import { conflict, invalid, notFound } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import { ROLE_LABELS, scopeLabel, type ArsLevel } from "../../domain/roles.js";
import type { Actor } from "../../policies/index.js";
import { createUser } from "../accounts/service.js";
import { issuePasswordLink, revokePasswordLinks } from "./links.js";
import type { CreateUserBody, ScopesBody } from "./schema.js";
import { scopesOf } from "./schema.js";

export const PAGE_SIZE = 25;
export const USER_MISSING = "Ce compte est introuvable.";

type Scope = { level: ArsLevel; code: string };

/** "Région Bourgogne-Franche-Comté, Département 21", for the history and the mails. */
export const territoryLabel = (scopes: Scope[]) => scopes.map(scopeLabel).join(", ");

/** What a new account is, in words: « Administrateur de la plateforme », « Délégation ARS (Département 21) »… */
export function roleDescription(role: CreateUserBody["role"], scopes: Scope[], contractName?: string): string {
  if (role === "admin") return "Administrateur de la plateforme";
  if (role === "ars") return `Délégation ARS (${territoryLabel(scopes)})`;
  return `${ROLE_LABELS.coordinator} du contrat ${contractName ?? ""}`.trim();
}

/** `%` and `_` typed in a search are letters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function describeUsers(db: Db | Tx, rows: (typeof users.$inferSelect)[]) {
  const ids = rows.map((r) => r.id);
  const scopes = ids.length ? await db.select().from(arsScopes).where(inArray(arsScopes.userId, ids)) : [];
  const roles = ids.length
    ? await db
        .select({ userId: memberships.userId, contractId: memberships.contractId, contractName: contracts.name, role: memberships.role })
        .from(memberships)
        .innerJoin(contracts, eq(contracts.id, memberships.contractId))
        .where(inArray(memberships.userId, ids))
        .orderBy(asc(contracts.name))
    : [];
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    isAdmin: u.isAdmin,
    deactivated: u.deactivatedAt !== null,
    deactivatedAt: u.deactivatedAt,
    createdAt: u.createdAt,
    arsScopes: scopes
      .filter((s) => s.userId === u.id)
      .sort((a, b) => a.level.localeCompare(b.level) || a.code.localeCompare(b.code))
      .map((s) => ({ level: s.level, code: s.code, label: scopeLabel(s) })),
    memberships: roles.filter((m) => m.userId === u.id).map(({ userId: _u, ...m }) => ({ ...m, roleLabel: ROLE_LABELS[m.role] })),
  }));
}

export type UserView = Awaited<ReturnType<typeof describeUsers>>[number];

/** A page of accounts by name, optionally those whose name or e-mail holds `q`. */
export async function listUsers(db: Db, query: { q: string; page: number }) {
  const where = query.q ? or(ilike(users.name, likePattern(query.q)), ilike(users.email, likePattern(query.q))) : undefined;
  const [total] = await db.select({ n: count() }).from(users).where(where);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.email))
    .limit(PAGE_SIZE)
    .offset((query.page - 1) * PAGE_SIZE);
  return { items: await describeUsers(db, rows), page: query.page, pageCount: Math.max(1, Math.ceil(total!.n / PAGE_SIZE)), total: total!.n };
}

export async function getUser(db: Db | Tx, userId: string): Promise<UserView> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw notFound(USER_MISSING);
  return (await describeUsers(db, [row]))[0]!;
}

async function contractNamed(tx: Tx, contractId: string): Promise<string> {
  const [row] = await tx.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, contractId));
  if (!row) throw invalid([{ path: "contractId", message: "Ce contrat n'existe pas." }]);
  return row.name;
}

export interface CreatedAccount {
  userId: string;
  roleLabel: string;
  token: string;
  expiresAt: Date;
}

/**
 * Creates an account (admin, ARS delegation with its territory, or coordinator of a contract) with no
 * usable password, and its one-time link to choose one. An e-mail already used is a 400 on `email`.
 */
export async function createAccount(db: Db, actor: Actor, body: CreateUserBody, linkSeconds: number): Promise<CreatedAccount> {
  return db.transaction(async (tx) => {
    const scopes = scopesOf(body);
    const contractName = body.role === "coordinator" ? await contractNamed(tx, body.contractId!) : undefined;
    // Nobody knows this password: the person chooses theirs through the link.
    const userId = await createUser(tx, { email: body.email, name: body.name, password: randomBytes(32).toString("base64url"), isAdmin: body.role === "admin", ars: body.role === "ars" ? scopes : [] });
    const roleLabel = roleDescription(body.role, scopes, contractName);
    if (body.role === "coordinator") {
      await tx.insert(memberships).values({ contractId: body.contractId!, userId, role: "coordinator" });
      await recordAudit(tx, actor, { contractId: body.contractId!, objectType: "member", objectId: userId, objectLabel: body.name, operation: "create", changes: [{ field: "role", label: "Rôle", before: null, after: ROLE_LABELS.coordinator }] });
    }
    await recordAudit(tx, actor, { contractId: null, objectType: "account", objectId: userId, objectLabel: `${body.name} (${body.email})`, operation: "create", changes: [{ field: "account", label: "Compte", before: null, after: roleLabel }] });
    const link = await issuePasswordLink(tx, userId, linkSeconds);
    return { userId, roleLabel, ...link };
  });
}

/** A deactivated person can no longer sign in: their sessions and password links are removed. */
export async function deactivateUser(db: Db, actor: Actor, userId: string): Promise<void> {
  if (actor.kind === "user" && actor.id === userId) throw conflict("Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.");
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!row) throw notFound(USER_MISSING);
    if (row.deactivatedAt) return;
    await tx.update(users).set({ deactivatedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await revokePasswordLinks(tx, userId);
    await recordAudit(tx, actor, { contractId: null, objectType: "account", objectId: userId, objectLabel: `${row.name} (${row.email})`, operation: "update", changes: [{ field: "status", label: "Compte", before: "Actif", after: "Désactivé" }] });
  });
}

export async function reactivateUser(db: Db, actor: Actor, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ deactivatedAt: null, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    if (!row) throw notFound(USER_MISSING);
    await recordAudit(tx, actor, { contractId: null, objectType: "account", objectId: userId, objectLabel: `${row.name} (${row.email})`, operation: "update", changes: [{ field: "status", label: "Compte", before: "Désactivé", after: "Actif" }] });
  });
}

/** Replaces the ARS territory of an account. */
export async function setScopes(db: Db, actor: Actor, userId: string, body: ScopesBody): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!row) throw notFound(USER_MISSING);
    const before = await tx.select({ level: arsScopes.level, code: arsScopes.code }).from(arsScopes).where(eq(arsScopes.userId, userId));
    const after = scopesOf(body);
    await tx.delete(arsScopes).where(eq(arsScopes.userId, userId));
    await tx.insert(arsScopes).values(after.map((s) => ({ ...s, userId })));
    const sorted = before.sort((a, b) => a.level.localeCompare(b.level) || a.code.localeCompare(b.code));
    const [was, now] = [territoryLabel(sorted), territoryLabel(after)];
    if (was !== now)
      await recordAudit(tx, actor, { contractId: null, objectType: "account", objectId: userId, objectLabel: `${row.name} (${row.email})`, operation: "update", changes: [{ field: "arsScopes", label: "Territoire ARS", before: was || null, after: now }] });
  });
}

/** A new one-time link for an active account (the previous ones stop working). */
export async function resetLinkFor(db: Db, userId: string, seconds: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, userId));
    if (!row) throw notFound(USER_MISSING);
    if (row.deactivatedAt) throw conflict("Ce compte est désactivé : réactivez-le avant de lui envoyer un lien.");
    return { user: row, ...(await issuePasswordLink(tx, userId, seconds)) };
  });
}
