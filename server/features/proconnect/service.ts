/**
 * Who a person vouched for by ProConnect is in Clés. ProConnect never grants access by
 * itself: the verified e-mail must be an active account's, or have invitations waiting
 * (which are then accepted, as through their links, without a password). Otherwise
 * nothing is written.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accounts, arsInvitations, invitations } from "../../db/schema.js";
import type { ProConnectFailure } from "../../domain/proconnect.js";
import { createUser, findUserByEmail } from "../accounts/service.js";
import { joinFromInvitation } from "../members/service.js";
import { recordArsAccount } from "../users/ars-invitations.js";

/** The provider id of the accounts rows that link a person to their ProConnect identity (`sub`). */
export const PROCONNECT_PROVIDER = "proconnect";

/** `joined`: an account was created from invitations (written now); `contractId`: the newest invitation's contract. */
export type Agent = { ok: true; userId: string; joined: boolean; contractId: string | null } | { ok: false; failure: ProConnectFailure };

/** Thrown inside the transaction when an invitation was taken meanwhile: everything is rolled back. */
class InvitationTaken extends Error {}

export async function findAgent(db: Db, person: { email: string; name: string; subject: string }): Promise<Agent> {
  const user = await findUserByEmail(db, person.email);
  if (user) return user.deactivatedAt ? { ok: false, failure: "desactive" } : { ok: true, userId: user.id, joined: false, contractId: null };
  try {
    return await db.transaction(async (tx) => {
      const now = new Date();
      const pending = await tx
        .select()
        .from(invitations)
        .where(and(eq(invitations.email, person.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
        .orderBy(desc(invitations.createdAt));
      const [ars] = await tx
        .select()
        .from(arsInvitations)
        .where(and(eq(arsInvitations.email, person.email), isNull(arsInvitations.acceptedAt), isNull(arsInvitations.revokedAt), gt(arsInvitations.expiresAt, now)))
        .orderBy(desc(arsInvitations.createdAt))
        .limit(1);
      if (!pending.length && !ars) return { ok: false, failure: "inconnu" } as const;
      // Claim each invitation first: of two concurrent acceptances, one only goes through.
      for (const row of pending) {
        const claimed = await tx.update(invitations).set({ acceptedAt: now }).where(and(eq(invitations.id, row.id), isNull(invitations.acceptedAt))).returning({ id: invitations.id });
        if (!claimed.length) throw new InvitationTaken();
      }
      if (ars) {
        const claimed = await tx.update(arsInvitations).set({ acceptedAt: now }).where(and(eq(arsInvitations.id, ars.id), isNull(arsInvitations.acceptedAt))).returning({ id: arsInvitations.id });
        if (!claimed.length) throw new InvitationTaken();
      }
      const userId = await createUser(tx, { email: person.email, name: person.name, ars: ars?.scopes });
      await tx.insert(accounts).values({ id: randomUUID(), accountId: person.subject, providerId: PROCONNECT_PROVIDER, userId });
      for (const row of pending) await joinFromInvitation(tx, row, userId, person.name);
      if (ars) await recordArsAccount(tx, ars, userId, person.name);
      return { ok: true, userId, joined: true, contractId: pending[0]?.contractId ?? null } as const;
    });
  } catch (error) {
    if (error instanceof InvitationTaken) return { ok: false, failure: "invalide" };
    throw error;
  }
}
