/**
 * People and what they may reach: the tables of the authentication library
 * (users, sessions, accounts, verifications — better-auth's model, written here
 * because its schema generator does not run on Node 20), then Clés's own:
 * memberships of a contract, the fiches a lead leads, ARS territories,
 * invitations and failed sign-ins.
 */
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ArsLevel, MemberRole } from "../domain/roles.js";
import { actions, contracts } from "./contracts-schema.js";

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  /** Platform administrator: creates contracts, appoints coordinators, reads the whole audit. */
  isAdmin: boolean("is_admin").notNull().default(false),
  /** Set by the platform admin: the person may no longer sign in (sessions revoked, reset links removed). */
  deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  createdAt,
  updatedAt,
});

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt,
    updatedAt,
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Credentials: for an e-mail + password account, providerId "credential" and the password hash. */
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt,
    updatedAt,
  },
  (t) => [index("accounts_user").on(t.userId)],
);

/** Single-use tokens of the authentication library (password reset links). */
export const verifications = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt,
    updatedAt,
  },
  (t) => [index("verifications_identifier").on(t.identifier)],
);

/** A person's role on one contract; a person may hold different roles on different contracts. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<MemberRole>().notNull(),
    createdAt,
    updatedAt,
  },
  (t) => [uniqueIndex("memberships_contract_user").on(t.contractId, t.userId), index("memberships_user").on(t.userId)],
);

/** The fiches a lead (pilote) leads, and may therefore edit. */
export const membershipActions = pgTable(
  "membership_actions",
  {
    membershipId: uuid("membership_id")
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
  },
  // A fiche's leads are read by fiche (dashboard, lists): the key starts with the membership.
  (t) => [primaryKey({ columns: [t.membershipId, t.actionId] }), index("membership_actions_action").on(t.actionId)],
);

/** The territory an ARS delegation user follows: a département or a region (INSEE codes). */
export const arsScopes = pgTable(
  "ars_scopes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    level: text("level").$type<ArsLevel>().notNull(),
    code: text("code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.level, t.code] })],
);

/** An invitation by e-mail; only the SHA-256 of its single-use token is kept. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role").$type<MemberRole>().notNull(),
    actionIds: jsonb("action_ids").$type<string[]>().notNull().default([]),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("invitations_contract").on(t.contractId)],
);

/** An invitation to join as an ARS delegation, with its territory; only the SHA-256 of its single-use token is kept. */
export const arsInvitations = pgTable(
  "ars_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    scopes: jsonb("scopes").$type<{ level: ArsLevel; code: string }[]>().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("ars_invitations_email").on(t.email)],
);

/** Consecutive failed sign-ins per e-mail (hashed, known account or not), for the lock-out delay. */
export const signInFailures = pgTable("sign_in_failures", {
  emailKey: text("email_key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/** Requests counted per route and client address in a fixed window, shared by every process (server/auth/rate-limit-store.ts). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    windowEndsAt: timestamp("window_ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_window_ends_at").on(t.windowEndsAt)],
);

/** Instance-wide settings kept in the database (the session signing secret when AUTH_SECRET is not set). */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
