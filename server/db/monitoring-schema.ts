/** The follow-up of each fiche (issue 5): its planned schedule (rétroplanning) and its actual progress. */
import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts-schema.js";
import { meetings } from "./governance-schema.js";
import { actions, contracts, indicators } from "./contracts-schema.js";
import { timestamps } from "./columns.js";

/** How much of a day is known: the day itself, or only its month (then stored as the month's 1st). */
export type DatePrecision = "day" | "month";

/** A milestone keeps the day first planned, so that a postponement stays visible. */
export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Last day of the planned date or period. */
    plannedBy: date("planned_by").notNull(),
    /** What was planned first; equals plannedBy until the milestone moves. */
    originallyBy: date("originally_by").notNull(),
    owner: text("owner").notNull().default(""),
    doneOn: date("done_on"),
    /** `month` when only the month is known: doneOn is then the month's 1st. */
    doneOnPrecision: text("done_on_precision").$type<DatePrecision>().notNull().default("day"),
    position: integer("position").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("milestones_action").on(t.actionId)],
);

/** A dated account of what was done (état d'avancement réel), optionally from a meeting and about milestones. */
export const progressEntries = pgTable(
  "progress_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    happenedOn: date("happened_on").notNull(),
    /** `month` when only the month is known: happenedOn is then the month's 1st. */
    happenedOnPrecision: text("happened_on_precision").$type<DatePrecision>().notNull().default("day"),
    text: text("text").notNull(),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    milestoneIds: jsonb("milestone_ids").$type<string[]>().notNull().default([]),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("progress_entries_action").on(t.actionId, t.happenedOn)],
);


/** Remaining work (reste-à-faire): the current list of what is left to do; a done item keeps its day. */
export const remainingItems = pgTable(
  "remaining_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    doneOn: date("done_on"),
    position: integer("position").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("remaining_items_action").on(t.actionId)],
);

export type AdjustmentKind = "reschedule" | "revise" | "merge" | "partner_remark" | "other";
export type AdjustmentStatus = "proposed" | "agreed" | "done";

/** Adjustments needed (ajustements nécessaires): proposed, agreed at a committee on a date, done. */
export const adjustments = pgTable(
  "adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AdjustmentKind>().notNull(),
    description: text("description").notNull().default(""),
    /** The fiche this one merges into, for kind "merge". */
    targetActionId: uuid("target_action_id").references(() => actions.id, { onDelete: "set null" }),
    status: text("status").$type<AdjustmentStatus>().notNull().default("proposed"),
    agreedOn: date("agreed_on"),
    agreedMeetingId: uuid("agreed_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    doneOn: date("done_on"),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("adjustments_action").on(t.actionId), index("adjustments_target").on(t.targetActionId)],
);

/** A dated value of an indicator of a fiche, with its source. */
export const indicatorMeasurements = pgTable(
  "indicator_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    measuredOn: date("measured_on").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull().default(""),
    comment: text("comment").notNull().default(""),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("indicator_measurements_indicator").on(t.indicatorId, t.measuredOn), index("indicator_measurements_action").on(t.actionId, t.createdAt)],
);

/** Partner remarks: a thread on a fiche, or on one of its progress entries. */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    progressEntryId: uuid("progress_entry_id").references(() => progressEntries.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    /** The author's organisation when known, shown as « Remarque partenaire (CPAM 77) ». */
    authorOrganisation: text("author_organisation").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("comments_action").on(t.actionId, t.createdAt), index("comments_contract").on(t.contractId, t.createdAt)],
);

export type FollowUpSection = "transversal" | "process";

/**
 * The COTECH table's rows that are not fiches: transversal actions and the
 * coordination and governance process, with their adjustments, per year.
 */
export const followUpItems = pgTable(
  "follow_up_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    section: text("section").$type<FollowUpSection>().notNull(),
    title: text("title").notNull(),
    adjustments: text("adjustments").notNull().default(""),
    position: integer("position").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("follow_up_items_contract_year").on(t.contractId, t.year)],
);
