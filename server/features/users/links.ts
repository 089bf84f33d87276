/**
 * One-time links to choose a password. They are the password-reset links of the
 * authentication library (a verification row "reset-password:<token>" whose value is the
 * user's id, server/auth/auth.ts): the page /reinitialiser-mot-de-passe/<token> uses them,
 * once, and a newer link revokes the older ones.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { verifications } from "../../db/schema.js";

/** A new account's link: a week, as an invitation. */
export const NEW_ACCOUNT_LINK_SECONDS = 7 * 24 * 60 * 60;
/** A link the admin sends to an existing account: a day. */
export const ADMIN_RESET_LINK_SECONDS = 24 * 60 * 60;

const RESET_PREFIX = "reset-password:";

export const passwordLink = (publicUrl: string, token: string) => `${publicUrl}/reinitialiser-mot-de-passe/${token}`;

/** Removes every password link of the account. */
export async function revokePasswordLinks(tx: Tx | Db, userId: string): Promise<void> {
  await tx.delete(verifications).where(and(eq(verifications.value, userId), like(verifications.identifier, `${RESET_PREFIX}%`)));
}

/** Issues the account's only live link (older ones stop working), valid `seconds`. */
export async function issuePasswordLink(tx: Tx | Db, userId: string, seconds: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  await revokePasswordLinks(tx, userId);
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + seconds * 1000);
  await tx.insert(verifications).values({ id: randomUUID(), identifier: `${RESET_PREFIX}${token}`, value: userId, expiresAt });
  return { token, expiresAt };
}
