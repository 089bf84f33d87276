/**
 * Documents in preparation (server/jobs/): what their owner sees of each, shared by every
 * process on the database. The queue itself (who runs which job, retries, schedules) is
 * pg-boss's, in its own `pgboss` schema; the finished file is in the file storage under
 * `jobs/<id>`. Rows are forgotten 15 minutes after their job ends.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type DocumentJobState = "queued" | "running" | "done" | "failed";

/** Who asked: a person, read again when the job runs (roles may have changed), or a system actor. */
export type JobRequester = { kind: "user"; id: string; name: string; email: string; isAdmin: boolean } | { kind: "system"; name: string };

export const documentJobs = pgTable(
  "document_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `user:<id>` or `system:<name>` (policies: jobOwner). */
    owner: text("owner").notNull(),
    requester: jsonb("requester").$type<JobRequester>().notNull(),
    /** Which handler prepares it (e.g. "review-export"), and what it needs. */
    kind: text("kind").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** « Revue trimestrielle T3 2021 (PDF) ». */
    label: text("label").notNull(),
    state: text("state").$type<DocumentJobState>().notNull().default("queued"),
    percent: integer("percent").notNull().default(0),
    step: text("step").notNull(),
    fileName: text("file_name"),
    mediaType: text("media_type"),
    /** Once failed: what went wrong, in French. */
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [index("document_jobs_owner_created_at").on(t.owner, t.createdAt), index("document_jobs_ended_at").on(t.endedAt)],
);
