/**
 * What the follow-up routes accept (zod, French messages): the fiche or the entry in
 * the address, and the bodies of milestones, progress entries, measurements, remaining
 * work and adjustments. Their answers: schema-out.ts.
 */
import { z } from "zod";
import { isoDate, optionalText, requiredText, uuid, version } from "../../validation/fields.js";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES } from "./rules.js";

export const actionParams = z.object({ actionId: uuid });
export const milestoneParams = z.object({ milestoneId: uuid });
export const progressParams = z.object({ entryId: uuid });
export const indicatorParams = z.object({ indicatorId: uuid });
export const measurementParams = z.object({ measurementId: uuid });
export const remainingParams = z.object({ itemId: uuid });
export const adjustmentParams = z.object({ adjustmentId: uuid });

export const milestoneBody = z.object({
  title: requiredText("L'intitulé de l'étape", 300),
  plannedBy: isoDate,
  owner: optionalText("Le responsable", 200).default(""),
  doneOn: isoDate.nullable().default(null),
});
export const milestoneUpdateBody = milestoneBody.extend({ version });
export type MilestoneBody = z.infer<typeof milestoneBody>;

export const progressBody = z.object({
  happenedOn: isoDate,
  text: requiredText("Le texte de l'avancement", 20_000),
  meetingId: uuid.nullable().default(null),
  milestoneIds: z.array(uuid).max(50).default([]),
});
export const progressUpdateBody = progressBody.extend({ version });
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
