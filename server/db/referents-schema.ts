/**
 * Communes' referents and the relay to communes (issue 18, items 1–2; CAMVS COTECH deck,
 * « process » table): each commune of a contract names a technical referent and an elected
 * referent, and the coordination relays the published reviews and any news to them.
 * Referents' contact details are personal data: the coordination's only.
 */
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts-schema.js";
import { communes, organisations } from "./contracts-schema.js";
import { quarterlyReviews } from "./reporting-schema.js";
import { timestamps } from "./columns.js";
import { contractColumn as contractId } from "./contract-column.js";

/** One row per commune and role: a person of the directory (account and/or organisation) or a named person. */
export const communeReferents = pgTable(
  "commune_referents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    communeId: uuid("commune_id")
      .notNull()
      .references(() => communes.id, { onDelete: "cascade" }),
    /** "technical" or "elected". */
    role: text("role").$type<"technical" | "elected">().notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    name: text("name").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    namedOn: date("named_on").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("commune_referents_commune_role").on(t.communeId, t.role), index("commune_referents_contract").on(t.contractId)],
);

/**
 * What was relayed to a commune's referents, and when: a published review (its version) or a
 * piece of news. `recipients` counts the addresses written to; `failed` says the mail server
 * refused at least one of them.
 */
export const communeRelays = pgTable(
  "commune_relays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    communeId: uuid("commune_id")
      .notNull()
      .references(() => communes.id, { onDelete: "cascade" }),
    reviewId: uuid("review_id").references(() => quarterlyReviews.id, { onDelete: "cascade" }),
    reviewNumber: integer("review_number"),
    subject: text("subject").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    recipients: integer("recipients").notNull().default(0),
    failed: boolean("failed").notNull().default(false),
    sentByName: text("sent_by_name").notNull().default(""),
  },
  (t) => [index("commune_relays_contract").on(t.contractId, t.sentAt), index("commune_relays_review").on(t.reviewId)],
);

/**
 * The read-only link of a published review sent to referents without an account when the
 * contract's reviews are not public: it opens that review's last published version, nothing
 * else. Only the token's SHA-256 is kept.
 */
export const reviewLinks = pgTable(
  "review_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => quarterlyReviews.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("review_links_token").on(t.tokenHash)],
);
