/** Forgets what has expired: sessions, single-use tokens, old failed sign-ins and request counters. Run at start-up. */
import { lt } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { sessions, signInFailures, verifications } from "../db/schema.js";
import { purgeRateLimits } from "./rate-limit-store.js";

export async function purgeExpired(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.delete(verifications).where(lt(verifications.expiresAt, now));
  await db.delete(signInFailures).where(lt(signInFailures.lastFailedAt, new Date(now.getTime() - 24 * 3600_000)));
  await purgeRateLimits(db, now);
}
