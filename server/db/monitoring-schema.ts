/** The follow-up of each fiche (issue 5): its planned schedule (rétroplanning). */
import { index, integer, pgTable, text, timestamp, uuid, date } from "drizzle-orm/pg-core";
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
