/** The governance of a contract (issue 5): its bodies and their meetings. */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AgendaItem, BodyKind, RhythmKind } from "../features/governance/schema.js";
import { axes, contracts } from "./schema.js";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

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
    /** Expected rhythm: at least N per year, or one every N months; none when null. */
    rhythmKind: text("rhythm_kind").$type<RhythmKind>(),
    rhythmValue: integer("rhythm_value"),
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
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("meetings_contract_starts").on(t.contractId, t.startsAt), index("meetings_body").on(t.bodyId)],
);
