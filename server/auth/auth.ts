/**
 * Authentication through better-auth: password hashing (scrypt, the library's
 * equivalent of argon2id), sessions stored in the database, signed http-only
 * SameSite=Lax cookies, Secure behind TLS, single-use password-reset tokens.
 * Clés does not expose better-auth's own HTTP handler: its routes call
 * `auth.api` so that validation, messages and authorization stay Clés's.
 */
import { betterAuth } from "better-auth";
import { and, eq, like, ne } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../db/client.js";
import { accounts, sessions, users, verifications } from "../db/schema.js";
import { externalSignIn } from "./external-sign-in.js";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
/** A password-reset link works for one hour, once. */
export const RESET_LINK_SECONDS = 60 * 60;

export interface AuthOptions {
  db: Db;
  secret: string;
  /** Public address of the app (http://localhost:3000, https://cles.example.org). */
  publicUrl: string;
  /** Told when someone asks for a reset link for an existing account; must not throw. */
  onResetRequested: (user: { email: string; name: string }, token: string) => void;
}

/** better-auth keeps each reset link as a verification row "reset-password:<token>" whose value is the user's id. */
const RESET_PREFIX = "reset-password:";

/** Removes the account's reset links but `keep`. */
export async function revokeOtherResetLinks(db: Db, userId: string, keep: string): Promise<void> {
  await db
    .delete(verifications)
    .where(and(eq(verifications.value, userId), like(verifications.identifier, `${RESET_PREFIX}%`), ne(verifications.identifier, `${RESET_PREFIX}${keep}`)));
}

export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: "Clés",
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: [new URL(options.publicUrl).origin],
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    user: { additionalFields: { isAdmin: { type: "boolean", required: false, defaultValue: false, input: false } } },
    emailAndPassword: {
      enabled: true,
      // Accounts come from invitations (or the demo seed and the command line), never from self sign-up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        // One live link per account: the newest. An older link, maybe still in a mailbox someone else reads, stops working.
        await revokeOtherResetLinks(options.db, user.id, token);
        // A deactivated account gets no link (the answer stays the same: nothing tells it apart).
        const [row] = await options.db.select({ at: users.deactivatedAt }).from(users).where(eq(users.id, user.id));
        if (row?.at) return;
        // Not awaited: the answer must take the same time whether the account exists or not.
        options.onResetRequested(user, token);
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: { enabled: false }, // Clés limits its own routes (@fastify/rate-limit and the lock-out).
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "cles",
      useSecureCookies: options.publicUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      database: { generateId: () => crypto.randomUUID() },
    },
    logger: { disabled: true },
    // ProConnect's sign-in opens its session through better-auth too (server/features/proconnect).
    plugins: [externalSignIn()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
