/** The governance of a contract (issue 5): its bodies and their meetings. */
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts-schema.js";
import type { AgendaItem, BodyKind, RhythmKind } from "../domain/governance.js";
import { axes, contracts, organisations } from "./contracts-schema.js";
import { timestamps } from "./columns.js";


/** COPIL, COTECH, thematic committee (of an axis), working group, residents' workshop. */
export const governanceBodies = pgTable(
  "governance_bodies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: text("kind").$type<BodyKind>().notNull(),
    name: text("name").notNull(),
    axisId: uuid("axis_id").references(() => axes.id),
    /** The fiches a working group works on. */
    actionIds: jsonb("action_ids").$type<string[]>().notNull().default([]),
    /** Expected rhythm: at least N per year, or one every N months; none when null. */
    rhythmKind: text("rhythm_kind").$type<RhythmKind>(),
    rhythmValue: integer("rhythm_value"),
    /** The body is about residents' participation (workshops, a participation working group): its meetings feed the reviews' participation news. */
    participation: boolean("participation").notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("governance_bodies_contract").on(t.contractId)],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    videoUrl: text("video_url"),
    agenda: jsonb("agenda").$type<AgendaItem[]>().notNull().default([]),
    /** Participants counted when names are not kept ("14 participants"). */
    headCount: integer("head_count"),
    /** Sanitised HTML. */
    minutes: text("minutes").notNull().default(""),
    decisions: jsonb("decisions").$type<string[]>().notNull().default([]),
    /** Entry i: the fiches decision i concerns (ids of the contract's fiches; issue 15). */
    decisionActionIds: jsonb("decision_action_ids").$type<string[][]>().notNull().default([]),
    /** RFC 5545 SEQUENCE of the last invitation sent; 0 until one is sent. */
    invitationSequence: integer("invitation_sequence").notNull().default(0),
    invitationSentAt: timestamp("invitation_sent_at", { withTimezone: true }),
    /** A cancelled meeting stays on record; its cancellation was sent with METHOD:CANCEL. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("meetings_contract_starts").on(t.contractId, t.startsAt), index("meetings_body").on(t.bodyId)],
);

/** Standing members of a body: a person (account or name and e-mail) and/or an organisation. */
export const bodyMembers = pgTable(
  "body_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => governanceBodies.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull().default(""),
    email: text("email").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("body_members_body").on(t.bodyId)],
);

/**
 * People and organisations of a meeting: invited, present, or both.
 * A row names a person (account or name/e-mail), an organisation, or both.
 */
export const meetingParticipants = pgTable(
  "meeting_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull().default(""),
    email: text("email").notNull().default(""),
    invited: boolean("invited").notNull().default(false),
    present: boolean("present").notNull().default(false),
    /** A resident taking part as such (e.g. presenting the workshops' synthesis at the COPIL). */
    resident: boolean("resident").notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("meeting_participants_meeting").on(t.meetingId)],
);

/** Files of a contract (slides, minutes, pictures), kept by a storage backend under `storageKey`. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** Detected from the content, never taken from the browser. */
    mediaType: text("media_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedById: text("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    uploadedByName: text("uploaded_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_meeting").on(t.meetingId), index("attachments_contract").on(t.contractId)],
);

/** The secret of a contract's subscribable calendar feed; a new token revokes the old address. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    contractId: uuid("contract_id")
      .primaryKey()
      .references(() => contracts.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feeds_token").on(t.token)],
);
