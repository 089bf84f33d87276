/** The follow-up of each fiche (issue 5): its planned schedule (rétroplanning) and its actual progress. */
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts-schema.js";
import { meetings } from "./governance-schema.js";
import { actions } from "./schema.js";

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
