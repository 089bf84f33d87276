/**
 * What the sign-in routes keep themselves (accounts, sessions and passwords are
 * better-auth's): the lock-out after repeated failed sign-ins, per e-mail address
 * (whether an account exists or not, so that the answer tells nothing): after 5
 * failures within 15 minutes, sign-in for that address waits 15 minutes.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { sessions, signInFailures, users } from "../../db/schema.js";
import { DEACTIVATED_ACCOUNT } from "../../domain/proconnect.js";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const WINDOW_MS = 15 * 60_000;

export interface FailureState {
  failures: number;
  lastFailedAt: Date;
  lockedUntil: Date | null;
}

/** Minutes left before the address may try again, or 0. */
export function minutesLocked(state: FailureState | null, now: Date): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
  return Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000);
}

/** The state after one more failure: failures older than the window are forgotten. */
export function afterFailure(state: FailureState | null, now: Date): FailureState {
  const recent = state && now.getTime() - state.lastFailedAt.getTime() < WINDOW_MS && minutesLocked(state, now) === 0 && !state.lockedUntil;
  const failures = recent ? state.failures + 1 : 1;
  return { failures, lastFailedAt: now, lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null };
}

export const emailKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export async function readFailures(db: Db, email: string): Promise<FailureState | null> {
  const [row] = await db.select().from(signInFailures).where(eq(signInFailures.emailKey, emailKey(email)));
  return row ?? null;
}

export async function recordFailure(db: Db, email: string, now = new Date()): Promise<FailureState> {
  const next = afterFailure(await readFailures(db, email), now);
  const key = emailKey(email);
  await db.insert(signInFailures).values({ emailKey: key, ...next }).onConflictDoUpdate({ target: signInFailures.emailKey, set: next });
  return next;
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey(email)));
}

export const DEACTIVATED = DEACTIVATED_ACCOUNT;

/** Whether the platform admin deactivated this account (server/features/users). */
export async function isDeactivated(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ at: users.deactivatedAt }).from(users).where(eq(users.id, userId));
  return !!row?.at;
}

/** Closes every session of the account. */
export async function closeSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
