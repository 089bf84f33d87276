/**
 * What the follow-up routes accept (zod, French messages): the fiche or the entry in
 * the address, and the bodies of milestones, progress entries, measurements, remaining
 * work and adjustments. Their answers: schema-out.ts.
 */
import { z } from "zod";
import { DATE_PRECISIONS, fitsPrecision, type DatePrecision } from "../../domain/dates.js";
import { isoDate, optionalText, requiredText, uuid, version } from "../../validation/fields.js";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES } from "./rules.js";

export const actionParams = z.object({ actionId: uuid });
export const milestoneParams = z.object({ milestoneId: uuid });
export const progressParams = z.object({ entryId: uuid });
export const indicatorParams = z.object({ indicatorId: uuid });
export const measurementParams = z.object({ measurementId: uuid });
export const remainingParams = z.object({ itemId: uuid });
export const adjustmentParams = z.object({ adjustmentId: uuid });

/** « day » (the default) or « month »: how much of a date is known. */
const precision = z
  .enum(Object.keys(DATE_PRECISIONS) as [DatePrecision, ...DatePrecision[]], { error: "Choisissez « jour précis » ou « mois seulement »." })
  .default("day");

/** A month-only date is given as its month's 1st (« 2021-08-01 » for août 2021). */
const monthOnFirst = (field: string, precisionField: string) => (body: Record<string, unknown>, ctx: z.RefinementCtx) => {
  const day = body[field];
  if (typeof day === "string" && !fitsPrecision(day, body[precisionField] as DatePrecision))
    ctx.addIssue({ code: "custom", path: [field], message: "Une date connue au mois seulement s'indique par le 1er du mois (AAAA-MM-01)." });
};

const milestoneFields = z.object({
  title: requiredText("L'intitulé de l'étape", 300),
  plannedBy: isoDate,
  owner: optionalText("Le responsable", 200).default(""),
  doneOn: isoDate.nullable().default(null),
  doneOnPrecision: precision,
});
const milestoneRule = monthOnFirst("doneOn", "doneOnPrecision");
export const milestoneBody = milestoneFields.superRefine(milestoneRule);
export const milestoneUpdateBody = milestoneFields.extend({ version }).superRefine(milestoneRule);
export type MilestoneBody = z.infer<typeof milestoneBody>;

const progressFields = z.object({
  happenedOn: isoDate,
  happenedOnPrecision: precision,
  text: requiredText("Le texte de l'avancement", 20_000),
  meetingId: uuid.nullable().default(null),
  milestoneIds: z.array(uuid).max(50).default([]),
});
const progressRule = monthOnFirst("happenedOn", "happenedOnPrecision");
export const progressBody = progressFields.superRefine(progressRule);
export const progressUpdateBody = progressFields.extend({ version }).superRefine(progressRule);
export type ProgressBody = z.infer<typeof progressBody>;

const measurementFields = z.object({
  measuredOn: isoDate,
  value: z.number({ error: "Indiquez la valeur mesurée (un nombre)." }).finite({ error: "Indiquez un nombre fini." }),
  source: optionalText("La source", 500).default(""),
  comment: optionalText("Le commentaire", 5000).default(""),
});
export const measurementBody = measurementFields.extend({ indicatorId: uuid });
export const measurementUpdateBody = measurementFields.extend({ version });
export type MeasurementFields = z.infer<typeof measurementFields>;
export type MeasurementBody = z.infer<typeof measurementBody>;

export const remainingBody = z.object({ text: requiredText("Le reste-à-faire", 2000) });
export const remainingUpdateBody = remainingBody.extend({ doneOn: isoDate.nullable().default(null), version });
export type RemainingBody = z.infer<typeof remainingBody>;
export type RemainingUpdateBody = z.infer<typeof remainingUpdateBody>;

type Kind = keyof typeof ADJUSTMENT_KINDS;
type Status = keyof typeof ADJUSTMENT_STATUSES;

export const adjustmentBody = z.object({
  kind: z.enum(Object.keys(ADJUSTMENT_KINDS) as [Kind, ...Kind[]], { error: "Choisissez le type d'ajustement." }),
  description: optionalText("La description", 5000).default(""),
  targetActionId: uuid.nullable().default(null),
  status: z.enum(Object.keys(ADJUSTMENT_STATUSES) as [Status, ...Status[]], { error: "Choisissez l'état de l'ajustement." }).default("proposed"),
  agreedOn: isoDate.nullable().default(null),
  agreedMeetingId: uuid.nullable().default(null),
  doneOn: isoDate.nullable().default(null),
});
export const adjustmentUpdateBody = adjustmentBody.extend({ version });
export type AdjustmentBody = z.infer<typeof adjustmentBody>;
