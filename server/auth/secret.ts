import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { instanceSettings } from "../db/schema.js";

/**
 * The secret that signs session cookies: AUTH_SECRET when set, else one made
 * on first start and kept in the database, so that sessions survive restarts.
 */
export async function authSecret(db: Db, fromEnv = process.env.AUTH_SECRET): Promise<string> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("AUTH_SECRET doit compter au moins 32 caractères.");
    return fromEnv;
  }
  await db
    .insert(instanceSettings)
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, "auth_secret"));
  return row!.value;
}
