/**
 * Health ambassadors (issue 14, item 7; CAPVM FA 16): residents of a priority area trained
 * to relay health messages. The roster is personal data (with the person's consent, kept
 * while they are ambassadors and `retentionMonths` after); trainings and activities are
 * counts that stay when a person is erased.
 */
import { date, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { priorityAreas } from "./contracts-schema.js";
import { meetings } from "./governance-schema.js";
import { timestamps } from "./columns.js";
import { contractColumn as contractId } from "./contract-column.js";


export const ambassadors = pgTable(
  "ambassadors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    /** The priority area (QPV) the person serves. */
    priorityAreaId: uuid("priority_area_id")
      .notNull()
      .references(() => priorityAreas.id, { onDelete: "restrict" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    /** The consent the person gave (version of the text, and when). */
    consentVersion: text("consent_version").notNull(),
    consentOn: date("consent_on").notNull(),
    joinedOn: date("joined_on").notNull(),
    /** Left the network: personal data erased `retentionMonths` after this day. */
    leftOn: date("left_on"),
    retentionMonths: integer("retention_months").notNull().default(12),
    notes: text("notes").notNull().default(""),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("ambassadors_contract").on(t.contractId)],
);

export const ambassadorTrainings = pgTable(
  "ambassador_trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    heldOn: date("held_on").notNull(),
    topic: text("topic").notNull(),
    trainer: text("trainer").notNull().default(""),
    /** Who attended (ambassador ids; an erased person leaves the list, the count stays). */
    attendeeIds: jsonb("attendee_ids").$type<string[]>().notNull().default([]),
    attendeeCount: integer("attendee_count").notNull().default(0),
    actionIds: jsonb("action_ids").$type<string[]>().notNull().default([]),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("ambassador_trainings_contract").on(t.contractId, t.heldOn)],
);

export const ambassadorActivities = pgTable(
  "ambassador_activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    heldOn: date("held_on").notNull(),
    place: text("place").notNull(),
    /** A kind of the ACTIVITY_KINDS vocabulary. */
    kind: text("kind").notNull(),
    description: text("description").notNull().default(""),
    priorityAreaId: uuid("priority_area_id").references(() => priorityAreas.id, { onDelete: "set null" }),
    residentsReached: integer("residents_reached").notNull().default(0),
    ambassadorIds: jsonb("ambassador_ids").$type<string[]>().notNull().default([]),
    actionIds: jsonb("action_ids").$type<string[]>().notNull().default([]),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("ambassador_activities_contract").on(t.contractId, t.heldOn)],
);
