/**
 * Residents' participation (issue 14): World Café workshops (atelier des habitants) with
 * their call for participation, registrations, tables and syntheses. Every table carries
 * its contract, so its changes are announced as the contract's (migration 0008's trigger).
 * Residents' personal data lives in `registrations` only, and goes with the row.
 */
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts-schema.js";
import { governanceBodies, meetings } from "./governance-schema.js";
import type { AgeBand, ContactWay, Gender, RegistrationSource, RegistrationStatus, SocioCategory } from "../domain/participation.js";
import { timestamps } from "./columns.js";
import { contractColumn as contractId } from "./contract-column.js";


/** A moderator of a table: a member of the contract (account) or a named person. */
export interface Moderator {
  userId: string | null;
  name: string;
}

/** A workshop series of a participation body: its topics, sessions, call and tables. */
export const workshops = pgTable(
  "workshops",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id),
    title: text("title").notNull(),
    /** Plain-language presentation shown on the call for participation. */
    intro: text("intro").notNull().default(""),
    capacity: integer("capacity").notNull(),
    maxPerTable: integer("max_per_table").notNull(),
    tableCount: integer("table_count").notNull(),
    /** A meal is offered: only then are dietary needs asked. */
    meal: boolean("meal").notNull().default(false),
    /** Last day of registration (Paris time, inclusive). */
    deadline: date("deadline").notNull(),
    /** The call is public (its page answers without sign-in) from this moment; null: not published. */
    callPublishedAt: timestamp("call_published_at", { withTimezone: true }),
    /** Index = table number − 1. */
    moderators: jsonb("moderators").$type<Moderator[]>().notNull().default([]),
    /** Personal data of registrants is erased this many months after the last session. */
    retentionMonths: integer("retention_months").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("workshops_contract").on(t.contractId)],
);

/** A topic the tables discuss in turn, linked to the fiches it is about. */
export const workshopTopics = pgTable(
  "workshop_topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    questions: jsonb("questions").$type<string[]>().notNull().default([]),
    actionIds: jsonb("action_ids").$type<string[]>().notNull().default([]),
  },
  (t) => [index("workshop_topics_workshop").on(t.workshopId)],
);

/** A session of the workshop (CAMVS: two sessions two weeks apart, the same people). */
export const workshopSessions = pgTable(
  "workshop_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    /** Minutes per round of the rotation (each table meets each topic once). */
    roundMinutes: integer("round_minutes").notNull().default(25),
    /** The body's meeting that stands for this session (calendar, reviews' participation news). */
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
  },
  (t) => [index("workshop_sessions_workshop").on(t.workshopId)],
);

/** A resident's registration: personal data, kept for the workshop's retention only. */
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    status: text("status").$type<RegistrationStatus>().notNull(),
    firstName: text("first_name").notNull(),
    /** Last name or initials. */
    lastName: text("last_name").notNull(),
    contactWay: text("contact_way").$type<ContactWay>().notNull(),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    /** The partner who relays (contact through a partner, or who typed the registration). */
    partnerName: text("partner_name").notNull().default(""),
    communeInsee: text("commune_insee").notNull(),
    /** A priority area's id, "none" or "unknown". */
    qpv: text("qpv").notNull(),
    ageBand: text("age_band").$type<AgeBand>().notNull(),
    gender: text("gender").$type<Gender>().notNull(),
    category: text("category").$type<SocioCategory>(),
    /** People who come together share a key (kept at different tables when possible). */
    household: text("household").notNull().default(""),
    /** The sessions the person can attend. */
    sessionIds: jsonb("session_ids").$type<string[]>().notNull().default([]),
    attendedSessionIds: jsonb("attended_session_ids").$type<string[]>().notNull().default([]),
    accessibilityNeeds: text("accessibility_needs").notNull().default(""),
    dietaryNeeds: text("dietary_needs").notNull().default(""),
    source: text("source").$type<RegistrationSource>().notNull(),
    registeredByUserId: text("registered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** SHA-256 of the cancellation link's secret (the secret itself is only in the e-mail). */
    cancelTokenHash: text("cancel_token_hash").notNull(),
    /** Keyed hash of the device (never the IP address in clear): one registration per device and call. */
    deviceHash: text("device_hash"),
    /** Waitlist order (and registration order). */
    sequence: integer("sequence").notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("registrations_workshop").on(t.workshopId, t.sequence), uniqueIndex("registrations_cancel_token").on(t.cancelTokenHash)],
);

/** What each person accepted, and when: kept when the person's data is erased (then without the person). */
export const consentLog = pgTable(
  "consent_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    workshopId: uuid("workshop_id").references(() => workshops.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    /** What the consent was for: "registration", "survey_contact" or "ambassador". */
    purpose: text("purpose").notNull(),
    /** The survey answer or ambassador the consent is about (no reference: the log outlives them). */
    subjectId: uuid("subject_id"),
    consentVersion: text("consent_version").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [index("consent_log_contract").on(t.contractId)],
);

/** Who sits at which table in a session; a locked place stays when the tables are recomposed. */
export const seats = pgTable(
  "seats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => workshopSessions.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    /** 0-based. */
    tableIndex: integer("table_index").notNull(),
    locked: boolean("locked").notNull().default(false),
  },
  (t) => [unique("seats_session_registration").on(t.sessionId, t.registrationId)],
);

/**
 * What was said about a topic: a table's synthesis in a session (session and table set),
 * or the workshop's synthesis of the topic (neither set), which feeds the fiches' follow-up.
 * Anonymous: erasing a person leaves it.
 */
export const syntheses = pgTable(
  "syntheses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => workshopTopics.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id").references(() => workshopSessions.id, { onDelete: "cascade" }),
    tableIndex: integer("table_index"),
    text: text("text").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [unique("syntheses_place").on(t.topicId, t.sessionId, t.tableIndex).nullsNotDistinct(), index("syntheses_workshop").on(t.workshopId)],
);
