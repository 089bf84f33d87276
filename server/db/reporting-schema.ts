/**
 * What the coordinator writes from the data (issue 6): quarterly reviews with their
 * published versions, the reminders sent to leads before a review, the contract's
 * evaluation with its questionnaire and answers.
 */
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts-schema.js";
import { meetings } from "./governance-schema.js";
import { milestones } from "./monitoring-schema.js";
import { contracts } from "./contracts-schema.js";
import type { ReviewSection, ReviewStatus } from "../domain/review-sections.js";
import type { EvaluationQuestion, EvaluationAnswer, EvaluationStatus, EvaluationPart } from "../domain/evaluation.js";
import { timestamps } from "./columns.js";


/** Per contract, once: the purpose reminder of its reviews, and whether they appear on its public page. */
export const reviewSettings = pgTable("review_settings", {
  contractId: uuid("contract_id")
    .primaryKey()
    .references(() => contracts.id, { onDelete: "cascade" }),
  /** Sanitised HTML, from the contract's evaluation article. */
  purpose: text("purpose").notNull().default(""),
  publishReviews: boolean("publish_reviews").notNull().default(false),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** The quarterly review of a quarter: its working sections (draft or correction) and its state. */
export const quarterlyReviews = pgTable(
  "quarterly_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    status: text("status").$type<ReviewStatus>().notNull().default("draft"),
    sections: jsonb("sections").$type<ReviewSection[]>().notNull().default([]),
    /** Number of the last published version; 0 until the first publication. */
    publishedNumber: integer("published_number").notNull().default(0),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdByName: text("created_by_name").notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("quarterly_reviews_quarter").on(t.contractId, t.year, t.quarter)],
);

/** A published version of a review: frozen, never edited; a correction makes the next number. */
export const reviewPublications = pgTable(
  "review_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => quarterlyReviews.id, { onDelete: "cascade" }),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** The visible sections as published. */
    sections: jsonb("sections").$type<ReviewSection[]>().notNull(),
    /** What the correction changed, for version 2 and later. */
    correctionNote: text("correction_note").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedById: text("published_by_id").references(() => users.id, { onDelete: "set null" }),
    publishedByName: text("published_by_name").notNull(),
    /** Members told by e-mail. */
    notifiedCount: integer("notified_count").notNull().default(0),
  },
  (t) => [uniqueIndex("review_publications_number").on(t.reviewId, t.number), index("review_publications_contract").on(t.contractId)],
);

/**
 * A quarter's review shared before the contract was run in Clés (by e-mail, as a Word file):
 * recorded so that the annual report and the review list know it was done.
 */
export const sharedReviews = pgTable(
  "shared_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    /** The day it was shared with the contract's actors. */
    sharedOn: date("shared_on").notNull(),
    /** How, to whom: « envoyée par courriel aux signataires et aux pilotes ». */
    note: text("note").notNull().default(""),
    recordedByName: text("recorded_by_name").notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("shared_reviews_quarter").on(t.contractId, t.year, t.quarter)],
);

/** One reminder a lead received before a quarter's review: sent once, recorded. */
export const reviewReminders = pgTable(
  "review_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The fiche numbers the mail listed. */
    actionNumbers: jsonb("action_numbers").$type<number[]>().notNull().default([]),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("review_reminders_once").on(t.contractId, t.year, t.quarter, t.userId)],
);

/** One reminder a lead received before a milestone's due date: sent once per due date (a moved milestone is reminded again). */
export const milestoneReminders = pgTable(
  "milestone_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dueOn: date("due_on").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("milestone_reminders_once").on(t.milestoneId, t.userId, t.dueOn)],
);

/** A person's choices about the mail Clés sends them. */
export const userPreferences = pgTable("user_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Reminders before each quarterly review (fiches with no progress this quarter). */
  reviewReminders: boolean("review_reminders").notNull().default(true),
  /** Reminders N days before a milestone of a fiche one leads is due. */
  milestoneReminders: boolean("milestone_reminders").notNull().default(true),
  /** For an ARS delegation: an e-mail when a review of a contract of its territory is published. */
  publishedReviews: boolean("published_reviews").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The final evaluation of a contract: process and results, a questionnaire to members, validated by a COPIL. */
export const evaluations = pgTable("evaluations", {
  id: uuid("id").primaryKey().defaultRandom(),
  contractId: uuid("contract_id")
    .notNull()
    .unique()
    .references(() => contracts.id, { onDelete: "cascade" }),
  status: text("status").$type<EvaluationStatus>().notNull().default("draft"),
  /** The coordinator's prose per part (strategy, governance, partnership, results, conclusion): sanitised HTML. */
  parts: jsonb("parts").$type<EvaluationPart[]>().notNull().default([]),
  questions: jsonb("questions").$type<EvaluationQuestion[]>().notNull().default([]),
  questionnaireOpenedAt: timestamp("questionnaire_opened_at", { withTimezone: true }),
  questionnaireClosedAt: timestamp("questionnaire_closed_at", { withTimezone: true }),
  /** The COPIL meeting that validated the evaluation. */
  validatedMeetingId: uuid("validated_meeting_id").references(() => meetings.id, { onDelete: "set null" }),
  validatedOn: date("validated_on"),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** A member's answers to the evaluation questionnaire: one row per person, replaced until the questionnaire closes. */
export const evaluationResponses = pgTable(
  "evaluation_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<EvaluationAnswer[]>().notNull().default([]),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("evaluation_responses_once").on(t.evaluationId, t.userId)],
);

/**
 * The coordination's synthesis and outlook of one year's annual report: drafted by Clés from
 * the data, edited, then published (the report shows the published text to every reader).
 */
export const annualReportTexts = pgTable(
  "annual_report_texts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    status: text("status").$type<"draft" | "published">().notNull().default("draft"),
    /** Sanitised HTML, as the review's sections. */
    synthesis: text("synthesis").notNull().default(""),
    outlook: text("outlook").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedByName: text("published_by_name"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("annual_report_texts_year").on(t.contractId, t.year)],
);
