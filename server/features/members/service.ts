/** Members of a contract and invitations: who holds which role, and how people join. */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actions, arsScopes, contracts, invitations, membershipActions, memberships, users } from "../../db/schema.js";
import { conflict, invalid, notFound, Problem } from "../../http/problem.js";
import type { Actor } from "../../policies/index.js";
import { ROLE_LABELS, type MemberRole } from "../../domain/roles.js";
import { recordAudit } from "../../audit/record.js";
import { createUser, findUserByEmail, ledActions } from "../accounts/service.js";
import { lockContract } from "../contracts/queries.js";
import type { RoleAssignment } from "./schema.js";

export const INVITATION_DAYS = 7;
export const INVITATION_INVALID = "Ce lien d'invitation a expiré, a été révoqué ou a déjà été utilisé. Demandez une nouvelle invitation à la personne qui coordonne le contrat.";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type ActionRef = { id: string; number: number; title: string };

/** The contract's live fiches among `ids`; French field error for any other id. */
async function checkActions(tx: Tx | Db, contractId: string, ids: string[]): Promise<ActionRef[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: actions.id, number: actions.number, title: actions.title })
    .from(actions)
    .where(and(eq(actions.contractId, contractId), inArray(actions.id, ids), isNull(actions.archivedAt)));
  const known = new Set(rows.map((r) => r.id));
  const errors = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `actionIds.${i}`, message: "Cette fiche n'existe pas dans ce contrat." }]));
  if (errors.length) throw invalid(errors);
  return rows.sort((a, b) => a.number - b.number);
}

const describeRole = (role: MemberRole, led: ActionRef[]) =>
  role === "lead" ? `${ROLE_LABELS.lead} (${led.map((a) => `FA ${a.number}`).join(", ")})` : ROLE_LABELS[role];

async function actionRefs(db: Db | Tx, ids: string[]): Promise<Map<string, ActionRef>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(inArray(actions.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listMembers(db: Db, contractId: string) {
  const rows = await db
    .select({ id: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.contractId, contractId))
    .orderBy(asc(users.name));
  const led = await ledActions(db, rows.map((r) => r.id));
  const pending = await db
    .select({ invitation: invitations, invitedBy: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.contractId, contractId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(asc(invitations.createdAt));
  const refs = await actionRefs(db, pending.flatMap((p) => p.invitation.actionIds));
  return {
    items: rows.map(({ id, ...m }) => ({
      ...m,
      roleLabel: ROLE_LABELS[m.role],
      actions: led.filter((a) => a.membershipId === id).map(({ membershipId: _m, ...a }) => a),
    })),
    invitations: pending.map(({ invitation: i, invitedBy }) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      roleLabel: ROLE_LABELS[i.role],
      actions: i.actionIds.flatMap((a) => refs.get(a) ?? []),
      invitedBy,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
    })),
  };
}

async function contractName(tx: Tx | Db, contractId: string): Promise<string> {
  const [row] = await tx.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, contractId));
  if (!row) throw notFound("Ce contrat est introuvable.");
  return row.name;
}

export type InviteOutcome =
  | { outcome: "added"; email: string; contractName: string; roleLabel: string }
  | { outcome: "invited"; email: string; contractName: string; roleLabel: string; token: string; expiresAt: Date };

/** Invites by e-mail; a person who already has an account joins at once. */
export async function invite(db: Db, actor: Actor, contractId: string, body: RoleAssignment & { email: string }): Promise<InviteOutcome> {
  return db.transaction(async (tx) => {
    const name = await contractName(tx, contractId);
    const led = await checkActions(tx, contractId, body.actionIds);
    const roleLabel = describeRole(body.role, led);
    const existing = await findUserByEmail(tx, body.email);
    if (existing) {
      const [member] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.contractId, contractId), eq(memberships.userId, existing.id)));
      if (member) throw conflict(`${existing.name} est déjà membre de ce contrat : modifiez son rôle dans la liste des membres.`);
      await addMembership(tx, contractId, existing.id, body);
      await recordAudit(tx, actor, { contractId, objectType: "member", objectId: existing.id, objectLabel: existing.name, operation: "create", changes: [{ field: "role", label: "Rôle", before: null, after: roleLabel }] });
      return { outcome: "added", email: existing.email, contractName: name, roleLabel };
    }
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.contractId, contractId), eq(invitations.email, body.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())));
    if (pending) throw conflict("Une invitation est déjà en attente pour cette adresse : révoquez-la avant d'en envoyer une nouvelle.");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const invitedBy = actor.kind === "user" ? actor.id : null;
    const [row] = await tx
      .insert(invitations)
      .values({ contractId, email: body.email, role: body.role, actionIds: body.actionIds, tokenHash: hashToken(token), invitedBy, expiresAt })
      .returning({ id: invitations.id });
    await recordAudit(tx, actor, { contractId, objectType: "invitation", objectId: row!.id, objectLabel: body.email, operation: "create", changes: [{ field: "role", label: "Rôle", before: null, after: roleLabel }] });
    return { outcome: "invited", email: body.email, contractName: name, roleLabel, token, expiresAt };
  });
}

async function addMembership(tx: Tx, contractId: string, userId: string, body: RoleAssignment): Promise<void> {
  const [m] = await tx.insert(memberships).values({ contractId, userId, role: body.role }).returning({ id: memberships.id });
  if (body.actionIds.length) await tx.insert(membershipActions).values(body.actionIds.map((actionId) => ({ membershipId: m!.id, actionId })));
}

/** An invitation that may still be accepted, or a 410 (expired, revoked, used) / 404 (unknown). */
async function usableInvitation(tx: Tx | Db, token: string) {
  const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  if (!row) throw notFound("Ce lien d'invitation n'existe pas. Vérifiez que vous avez copié l'adresse en entier.");
  if (row.acceptedAt || row.revokedAt || row.expiresAt <= new Date()) throw new Problem(410, "Invitation expirée", INVITATION_INVALID);
  return row;
}

export async function describeInvitation(db: Db, token: string) {
  const row = await usableInvitation(db, token);
  const [inviter] = row.invitedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.invitedBy)) : [];
  const led = [...(await actionRefs(db, row.actionIds)).values()].sort((a, b) => a.number - b.number);
  return {
    email: row.email,
    contractId: row.contractId,
    contractName: await contractName(db, row.contractId),
    role: row.role,
    roleLabel: describeRole(row.role, led),
    actions: led,
    invitedBy: inviter?.name ?? null,
    expiresAt: row.expiresAt,
  };
}

/** Creates the invitee's account and membership; the link cannot serve twice. */
export async function acceptInvitation(db: Db, token: string, input: { name: string; password: string }) {
  return db.transaction(async (tx) => {
    const row = await usableInvitation(tx, token);
    // Claim the invitation first: of two concurrent acceptances, one only goes through.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (!claimed.length) throw new Problem(410, "Invitation expirée", INVITATION_INVALID);
    if (await findUserByEmail(tx, row.email)) throw conflict("Un compte existe déjà pour cette adresse : connectez-vous avec lui.");
    const userId = await createUser(tx, { email: row.email, name: input.name, password: input.password });
    await joinFromInvitation(tx, row, userId, input.name);
    return { userId, email: row.email, contractId: row.contractId };
  });
}

/** The new account joins the invitation's contract with its role; fiches archived since the invitation are left out. */
export async function joinFromInvitation(tx: Tx, row: typeof invitations.$inferSelect, userId: string, name: string): Promise<void> {
  const live = row.actionIds.length
    ? await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, row.contractId), inArray(actions.id, row.actionIds), isNull(actions.archivedAt)))
    : [];
  const actionIds = live.map((a) => a.id);
  await addMembership(tx, row.contractId, userId, { role: row.role, actionIds });
  const actor: Actor = { kind: "system", name };
  await recordAudit(tx, actor, { contractId: row.contractId, objectType: "member", objectId: userId, objectLabel: name, operation: "create", changes: [{ field: "role", label: "Rôle", before: null, after: ROLE_LABELS[row.role] }] });
}

export async function revokeInvitation(db: Db, actor: Actor, contractId: string, invitationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.contractId, contractId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw notFound("Cette invitation est introuvable ou n'est plus en attente.");
    await recordAudit(tx, actor, { contractId, objectType: "invitation", objectId: invitationId, objectLabel: row.email, operation: "delete", changes: [] });
  });
}

async function membershipOf(tx: Tx, contractId: string, userId: string) {
  const [row] = await tx
    .select({ id: memberships.id, role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.contractId, contractId), eq(memberships.userId, userId)));
  if (!row) throw notFound("Cette personne n'est pas membre de ce contrat.");
  const led = await tx.select({ actionId: membershipActions.actionId }).from(membershipActions).where(eq(membershipActions.membershipId, row.id));
  return { ...row, actionIds: led.map((l) => l.actionId) };
}

async function refuseLastCoordinator(tx: Tx, contractId: string): Promise<void> {
  const rows = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.contractId, contractId), eq(memberships.role, "coordinator")));
  if (rows.length <= 1) throw conflict("Le contrat doit garder au moins un·e coordinateur·rice : nommez-en un·e autre d'abord.");
}

export async function updateMember(db: Db, actor: Actor, contractId: string, userId: string, body: RoleAssignment): Promise<void> {
  await db.transaction(async (tx) => {
    // One change of the contract's members at a time: two demotions never both see the other coordinator.
    await lockContract(tx, contractId);
    const current = await membershipOf(tx, contractId, userId);
    if (current.role === "coordinator" && body.role !== "coordinator") await refuseLastCoordinator(tx, contractId);
    const led = await checkActions(tx, contractId, body.actionIds);
    const before = describeRole(current.role, [...(await actionRefs(tx, current.actionIds)).values()].sort((a, b) => a.number - b.number));
    await tx.update(memberships).set({ role: body.role, updatedAt: new Date() }).where(eq(memberships.id, current.id));
    await tx.delete(membershipActions).where(eq(membershipActions.membershipId, current.id));
    if (body.actionIds.length) await tx.insert(membershipActions).values(body.actionIds.map((actionId) => ({ membershipId: current.id, actionId })));
    const after = describeRole(body.role, led);
    if (before !== after)
      await recordAudit(tx, actor, { contractId, objectType: "member", objectId: userId, objectLabel: current.name, operation: "update", changes: [{ field: "role", label: "Rôle", before, after }] });
  });
}

/**
 * Removes a member; when it was the person's last access (no other contract, no ARS territory,
 * not an admin), says so: the account stays active with nothing to read.
 */
export async function removeMember(db: Db, actor: Actor, contractId: string, userId: string): Promise<{ notice: string | null }> {
  return db.transaction(async (tx) => {
    await lockContract(tx, contractId);
    const current = await membershipOf(tx, contractId, userId);
    if (current.role === "coordinator") await refuseLastCoordinator(tx, contractId);
    await tx.delete(memberships).where(eq(memberships.id, current.id));
    await recordAudit(tx, actor, { contractId, objectType: "member", objectId: userId, objectLabel: current.name, operation: "delete", changes: [{ field: "role", label: "Rôle", before: ROLE_LABELS[current.role], after: null }] });
    const [other] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
    const [scope] = await tx.select({ code: arsScopes.code }).from(arsScopes).where(eq(arsScopes.userId, userId)).limit(1);
    const [person] = await tx.select({ isAdmin: users.isAdmin, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId));
    const orphan = !other && !scope && person && !person.isAdmin && !person.deactivatedAt;
    return { notice: orphan ? orphanNotice(current.name) : null };
  });
}

export const orphanNotice = (name: string) =>
  `${name} n'a plus accès à aucun contrat : son compte reste actif, sans rien à consulter. Un administrateur de la plateforme peut le désactiver ou l'anonymiser (page « Comptes »).`;
