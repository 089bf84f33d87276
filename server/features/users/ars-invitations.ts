/** Inviting an ARS delegation by e-mail with its territory; accepting creates the account with it. */
import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { arsInvitations, users } from "../../db/schema.js";
import { conflict, notFound, Problem } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import { scopeLabel } from "../../domain/roles.js";
import type { Actor } from "../../policies/index.js";
import { createUser, findUserByEmail } from "../accounts/service.js";
import { hashToken, INVITATION_DAYS } from "../members/service.js";
import { scopesOf } from "./schema.js";
import { territoryLabel } from "./service.js";

export const ARS_INVITATION_INVALID = "Ce lien d'invitation a expiré, a été révoqué ou a déjà été utilisé. Demandez une nouvelle invitation à l'administration de Clés.";

export const arsInvitationLink = (publicUrl: string, token: string) => `${publicUrl}/invitation-ars/${token}`;

/** Records the invitation; 409 when the address already has an account or a pending invitation. */
export async function inviteArs(db: Db, actor: Actor, body: { email: string; departements: string[]; regions: string[] }) {
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, body.email);
    if (existing) throw conflict(`Un compte existe déjà pour cette adresse (${existing.name}) : modifiez son territoire ARS dans la liste des comptes.`);
    const [pending] = await tx
      .select({ id: arsInvitations.id })
      .from(arsInvitations)
      .where(and(eq(arsInvitations.email, body.email), isNull(arsInvitations.acceptedAt), isNull(arsInvitations.revokedAt), gt(arsInvitations.expiresAt, new Date())));
    if (pending) throw conflict("Une invitation est déjà en attente pour cette adresse.");
    const scopes = scopesOf(body);
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const [row] = await tx
      .insert(arsInvitations)
      .values({ email: body.email, scopes, tokenHash: hashToken(token), invitedBy: actor.kind === "user" ? actor.id : null, expiresAt })
      .returning({ id: arsInvitations.id });
    const territory = territoryLabel(scopes);
    await recordAudit(tx, actor, { contractId: null, objectType: "invitation", objectId: row!.id, objectLabel: body.email, operation: "create", changes: [{ field: "arsScopes", label: "Territoire ARS", before: null, after: territory }] });
    return { email: body.email, token, expiresAt, territory };
  });
}

async function usable(db: Db, token: string) {
  const [row] = await db.select().from(arsInvitations).where(eq(arsInvitations.tokenHash, hashToken(token)));
  if (!row) throw notFound("Ce lien d'invitation n'existe pas. Vérifiez que vous avez copié l'adresse en entier.");
  if (row.acceptedAt || row.revokedAt || row.expiresAt <= new Date()) throw new Problem(410, "Invitation expirée", ARS_INVITATION_INVALID);
  return row;
}

export async function describeArsInvitation(db: Db, token: string) {
  const row = await usable(db, token);
  const [inviter] = row.invitedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.invitedBy)) : [];
  return { email: row.email, scopes: row.scopes.map((s) => ({ ...s, label: scopeLabel(s) })), invitedBy: inviter?.name ?? null, expiresAt: row.expiresAt };
}

/** Creates the ARS account with the invitation's territory; the link cannot serve twice. */
export async function acceptArsInvitation(db: Db, token: string, input: { name: string; password: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(arsInvitations).where(eq(arsInvitations.tokenHash, hashToken(token)));
    if (!row) throw notFound("Ce lien d'invitation n'existe pas. Vérifiez que vous avez copié l'adresse en entier.");
    // Claim it first: of two concurrent acceptances, one only goes through.
    const claimed = await tx
      .update(arsInvitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(arsInvitations.id, row.id), isNull(arsInvitations.acceptedAt), isNull(arsInvitations.revokedAt), gt(arsInvitations.expiresAt, new Date())))
      .returning({ id: arsInvitations.id });
    if (!claimed.length) throw new Problem(410, "Invitation expirée", ARS_INVITATION_INVALID);
    if (await findUserByEmail(tx, row.email)) throw conflict("Un compte existe déjà pour cette adresse : connectez-vous avec lui.");
    const userId = await createUser(tx, { email: row.email, name: input.name, password: input.password, ars: row.scopes });
    await recordArsAccount(tx, row, userId, input.name);
    return { userId, email: row.email };
  });
}

/** The history line of an account created from an ARS invitation. */
export async function recordArsAccount(tx: Tx, row: typeof arsInvitations.$inferSelect, userId: string, name: string): Promise<void> {
  await recordAudit(tx, { kind: "system", name }, { contractId: null, objectType: "account", objectId: userId, objectLabel: `${name} (${row.email})`, operation: "create", changes: [{ field: "account", label: "Compte", before: null, after: `Délégation ARS (${territoryLabel(row.scopes)})` }] });
}

/** The invitations still waiting (not accepted, revoked or expired), oldest first. */
export async function pendingArsInvitations(db: Db) {
  const rows = await db
    .select({ id: arsInvitations.id, email: arsInvitations.email, scopes: arsInvitations.scopes, createdAt: arsInvitations.createdAt, expiresAt: arsInvitations.expiresAt, invitedBy: users.name })
    .from(arsInvitations)
    .leftJoin(users, eq(users.id, arsInvitations.invitedBy))
    .where(and(isNull(arsInvitations.acceptedAt), isNull(arsInvitations.revokedAt), gt(arsInvitations.expiresAt, new Date())))
    .orderBy(asc(arsInvitations.createdAt));
  return rows.map(({ scopes, ...r }) => ({ ...r, territory: territoryLabel(scopes), invitedBy: r.invitedBy ?? null }));
}

/** Revokes a waiting invitation: its link no longer serves. 404 unknown, 409 when already used, revoked or expired. */
export async function revokeArsInvitation(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(arsInvitations).where(eq(arsInvitations.id, id));
    if (!row) throw notFound("Cette invitation est introuvable.");
    const revoked = await tx
      .update(arsInvitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(arsInvitations.id, id), isNull(arsInvitations.acceptedAt), isNull(arsInvitations.revokedAt), gt(arsInvitations.expiresAt, new Date())))
      .returning({ id: arsInvitations.id });
    if (!revoked.length) throw conflict(row.acceptedAt ? "Cette invitation a déjà été acceptée : désactivez le compte si besoin." : "Cette invitation n'est plus en attente (révoquée ou expirée).");
    await recordAudit(tx, actor, { contractId: null, objectType: "invitation", objectId: id, objectLabel: row.email, operation: "delete", changes: [{ field: "arsScopes", label: "Territoire ARS", before: territoryLabel(row.scopes), after: null }] });
  });
}
