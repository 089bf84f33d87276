/**
 * Residents' surveys (issue 14, item 6): a survey of the contract, its questions (one JSON
 * document, versioned with the survey), and the answers. Answers are anonymous; a
 * respondent's optional e-mail is the only personal data, erased with the retention.
 */
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts-schema.js";
import type { AnswerSource, SurveyAnswers, SurveyQuestion } from "../domain/surveys.js";
import { timestamps } from "./columns.js";
import { contractColumn as contractId } from "./contract-column.js";


export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    title: text("title").notNull(),
    /** Plain-language presentation on the public answer page. */
    intro: text("intro").notNull().default(""),
    questions: jsonb("questions").$type<SurveyQuestion[]>().notNull().default([]),
    /** The fiches the survey informs (its results feed their follow-up). */
    actionIds: jsonb("action_ids").$type<string[]>().notNull().default([]),
    /** First and last day answers are taken (Paris time, inclusive). */
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    /** One answer per device (a keyed hash of a device cookie, never the IP address). */
    oneAnswerPerDevice: boolean("one_answer_per_device").notNull().default(true),
    /** Respondents may leave an e-mail (with consent) to be contacted again. */
    askContact: boolean("ask_contact").notNull().default(false),
    /** The public answer page answers (between the dates) from this moment; null: draft. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The results are shown on the contract's public page from this moment. */
    resultsPublishedAt: timestamp("results_published_at", { withTimezone: true }),
    /** Respondents' e-mails are erased this many months after the closing day. */
    retentionMonths: integer("retention_months").notNull().default(12),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("surveys_contract").on(t.contractId)],
);

export const surveyAnswers = pgTable(
  "survey_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: contractId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<SurveyAnswers>().notNull(),
    source: text("source").$type<AnswerSource>().notNull(),
    /** The partner who typed a paper answer. */
    enteredByUserId: text("entered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    enteredByName: text("entered_by_name").notNull().default(""),
    /** Keyed hash of the device cookie: one answer per device when the survey asks so. */
    deviceHash: text("device_hash"),
    /** Personal data: only when the respondent left it, with consent (see consent_log). */
    contactEmail: text("contact_email").notNull().default(""),
    consentVersion: text("consent_version"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("survey_answers_survey").on(t.surveyId, t.submittedAt),
    uniqueIndex("survey_answers_device").on(t.surveyId, t.deviceHash).where(sql`device_hash is not null`),
  ],
);
