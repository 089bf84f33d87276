/** What the follow-up routes of a fiche answer: milestones, progress, remaining work, adjustments, indicators. */
import { z } from "zod";
import { INDICATOR_KINDS } from "../../domain/vocabulary.js";
import { ficheRef, keyEnum } from "../../http/responses.js";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES } from "./rules.js";

const precision = z.enum(["day", "month"]);
const stamps = { version: z.number(), createdAt: z.date(), updatedAt: z.date() };

export const milestoneOut = z.object({
  id: z.string(),
  actionId: z.string(),
  title: z.string(),
  position: z.number(),
  plannedBy: z.string(),
  originallyBy: z.string(),
  owner: z.string(),
  doneOn: z.string().nullable(),
  /** « month »: only the month of doneOn is known (doneOn is its 1st). */
  doneOnPrecision: precision,
  schedule: z.string(),
  overdue: z.boolean(),
  ...stamps,
});

export const progressOut = z.object({
  id: z.string(),
  actionId: z.string(),
  happenedOn: z.string(),
  /** « month »: only the month of happenedOn is known (happenedOn is its 1st). */
  happenedOnPrecision: precision,
  text: z.string(),
  meetingId: z.string().nullable(),
  milestoneIds: z.array(z.string()),
  authorId: z.string().nullable(),
  authorName: z.string(),
  ...stamps,
});

export const remainingOut = z.object({
  id: z.string(),
  actionId: z.string(),
  text: z.string(),
  doneOn: z.string().nullable(),
  position: z.number(),
  ...stamps,
});

export const adjustmentRowOut = z.object({
  id: z.string(),
  actionId: z.string(),
  kind: keyEnum(ADJUSTMENT_KINDS),
  description: z.string(),
  targetActionId: z.string().nullable(),
  status: keyEnum(ADJUSTMENT_STATUSES),
  agreedOn: z.string().nullable(),
  agreedMeetingId: z.string().nullable(),
  doneOn: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  ...stamps,
});

/** As listed: with its labels and the fiche it points to. */
export const adjustmentOut = adjustmentRowOut.extend({ kindLabel: z.string(), statusLabel: z.string(), targetAction: ficheRef.nullable() });

export const measurementOut = z.object({
  id: z.string(),
  indicatorId: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  source: z.string(),
  comment: z.string(),
  authorName: z.string(),
  ...stamps,
});

export const indicatorsOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: keyEnum(INDICATOR_KINDS),
      kindLabel: z.string(),
      label: z.string(),
      unit: z.string(),
      baseline: z.number().nullable(),
      target: z.number().nullable(),
      measurements: z.array(measurementOut),
      latest: measurementOut.nullable(),
      progress: z.number().nullable(),
      stale: z.boolean(),
      staleMessage: z.string().nullable(),
    }),
  ),
  permissions: z.object({ measure: z.boolean() }),
});
