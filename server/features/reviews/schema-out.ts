/** What the quarterly review routes answer. */
import { z } from "zod";
import { REVIEW_STATUSES, SECTION_KINDS } from "../../domain/review-sections.js";
import { keyEnum } from "../../http/responses.js";
import { jobOut } from "../../jobs/schema-out.js";

export const reviewSummaryOut = z.object({
  id: z.string(),
  year: z.number(),
  quarter: z.number(),
  label: z.string(),
  status: keyEnum(REVIEW_STATUSES),
  statusLabel: z.string(),
  publishedNumber: z.number(),
  updatedAt: z.date(),
  lastPublishedAt: z.date().nullable(),
});

export const reviewSettingsOut = z.object({ purpose: z.string(), publishReviews: z.boolean(), version: z.number() });

/** A quarter's review shared before Clés (shared-reviews.ts). */
export const sharedReviewOut = z.object({ id: z.string(), year: z.number(), quarter: z.number(), label: z.string(), sharedOn: z.string(), note: z.string(), recordedByName: z.string() });

export const reviewListOut = z.object({
  items: z.array(reviewSummaryOut),
  /** Reviews shared before the contract was run in Clés, newest quarter first. */
  sharedElsewhere: z.array(sharedReviewOut),
  settings: reviewSettingsOut,
  quarters: z.array(z.object({ year: z.number(), quarter: z.number(), label: z.string(), reviewId: z.string().nullable() })),
  permissions: z.object({ manage: z.boolean() }),
});

export const reviewSectionOut = z.object({
  key: z.string(),
  kind: keyEnum(SECTION_KINDS),
  title: z.string(),
  generatedTitle: z.string(),
  html: z.string(),
  generatedHtml: z.string(),
  sourceHash: z.string(),
  sources: z.object({
    meetingIds: z.array(z.string()),
    progressEntryIds: z.array(z.string()),
    measurementIds: z.array(z.string()),
    milestoneIds: z.array(z.string()),
    adjustmentIds: z.array(z.string()),
    attachmentIds: z.array(z.string()),
    actionIds: z.array(z.string()),
  }),
  edited: z.boolean(),
  hidden: z.boolean(),
  refreshState: z.enum(["unchanged", "updated", "changed", "new", "gone"]),
});

const publicationSummary = z.object({ number: z.number(), publishedAt: z.date(), publishedByName: z.string(), correctionNote: z.string(), notifiedCount: z.number() });

export const reviewOut = reviewSummaryOut.extend({
  contractId: z.string(),
  contractName: z.string(),
  version: z.number(),
  refreshedAt: z.date(),
  sections: z.array(reviewSectionOut),
  publications: z.array(publicationSummary),
  permissions: z.object({ manage: z.boolean() }),
});

export const publicationOut = publicationSummary.extend({ sections: z.array(reviewSectionOut) });

export const jobStartedOut = z.object({ job: jobOut });

export const preferencesOut = z.object({
  reviewReminders: z.boolean(),
  milestoneReminders: z.boolean(),
  publishedReviews: z.boolean(),
  /** Whether the person is an ARS delegation (the published-review notice concerns them only). */
  arsDelegation: z.boolean(),
});
