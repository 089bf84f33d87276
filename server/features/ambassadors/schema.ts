/** What the health ambassadors' routes accept: the roster, trainings, activities, a period, a measure to record. */
import { z } from "zod";
import { ACTIVITY_KINDS, AMBASSADOR_MEASURES, AMBASSADOR_RETENTION_MONTHS, type ActivityKind, type AmbassadorMeasure } from "../../domain/ambassadors.js";
import { isoDate, MAX_INT4, optionalText, requiredText, uuid, version } from "../../validation/fields.js";

const keys = <T extends Record<string, string>>(vocabulary: T) => Object.keys(vocabulary) as [keyof T & string, ...(keyof T & string)[]];

const email = z.email({ error: "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr)." }).max(254);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{10,20}$/, { error: "Indiquez un numéro de téléphone (par exemple 06 12 34 56 78)." });

const ambassadorFields = z.object({
  /** The priority area (QPV) the person serves. */
  priorityAreaId: uuid,
  firstName: requiredText("Le prénom", 100),
  lastName: requiredText("Le nom", 100),
  email: z.union([z.literal(""), email]).default(""),
  phone: z.union([z.literal(""), phone]).default(""),
  joinedOn: isoDate,
  leftOn: isoDate.nullable().default(null),
  notes: optionalText("Les notes", 2000).default(""),
  retentionMonths: z
    .number({ error: "Indiquez la durée de conservation en mois." })
    .int({ error: "La durée de conservation est un nombre entier de mois." })
    .min(1, { error: "Au moins un mois de conservation." })
    .max(36, { error: "Au plus 36 mois de conservation." })
    .default(AMBASSADOR_RETENTION_MONTHS),
});

const leftAfterJoining = (a: { joinedOn: string; leftOn: string | null }) => a.leftOn === null || a.leftOn >= a.joinedOn;
const LEFT_BEFORE_JOINING = { path: ["leftOn"], error: "La date de départ du réseau ne peut pas précéder la date d'arrivée." };

export const ambassadorBody = ambassadorFields
  .extend({
    consent: z.literal(true, { error: "Cochez la case d'accord : la personne doit avoir accepté l'usage de ses informations pour figurer dans le réseau." }),
  })
  .refine(leftAfterJoining, LEFT_BEFORE_JOINING);
export type AmbassadorBody = z.infer<typeof ambassadorBody>;

export const ambassadorUpdateBody = ambassadorFields.extend({ version }).refine(leftAfterJoining, LEFT_BEFORE_JOINING);
export type AmbassadorUpdateBody = z.infer<typeof ambassadorUpdateBody>;

const actionIds = z.array(uuid).max(40, { error: "Au plus 40 fiches." }).default([]);
const meetingId = uuid.nullable().default(null);
const count = (label: string) =>
  z
    .number({ error: `Indiquez ${label} (un nombre entier).` })
    .int({ error: `${label[0]!.toUpperCase()}${label.slice(1)} est un nombre entier.` })
    .min(0, { error: `${label[0]!.toUpperCase()}${label.slice(1)} ne peut pas être négatif.` })
    .max(MAX_INT4, { error: "Ce nombre est trop grand." });

export const trainingBody = z.object({
  heldOn: isoDate,
  topic: requiredText("Le thème de la formation", 300),
  trainer: optionalText("Le nom de l'intervenant ou de l'organisme", 300).default(""),
  attendeeIds: z.array(uuid).max(500).default([]),
  actionIds,
  meetingId,
});
export type TrainingBody = z.infer<typeof trainingBody>;
export const trainingUpdateBody = trainingBody.extend({ version });
export type TrainingUpdateBody = z.infer<typeof trainingUpdateBody>;

export const activityBody = z.object({
  heldOn: isoDate,
  place: requiredText("Le lieu", 300),
  kind: z.enum(keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]], { error: "Choisissez le type d'action dans la liste." }),
  description: optionalText("La description", 5000).default(""),
  priorityAreaId: uuid.nullable().default(null),
  residentsReached: count("le nombre d'habitants touchés").default(0),
  ambassadorIds: z.array(uuid).max(500).default([]),
  actionIds,
  meetingId,
});
export type ActivityBody = z.infer<typeof activityBody>;
export const activityUpdateBody = activityBody.extend({ version });
export type ActivityUpdateBody = z.infer<typeof activityUpdateBody>;

const TO_BEFORE_FROM = { path: ["to"], error: "La fin de la période ne peut pas précéder son début." };

/** `?from=&to=`: both optional; without `to`, until today. */
export const periodQuery = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((p) => !p.from || !p.to || p.to >= p.from, TO_BEFORE_FROM);

export const measurementRequestBody = z
  .object({
    indicatorId: uuid,
    measure: z.enum(keys(AMBASSADOR_MEASURES) as [AmbassadorMeasure, ...AmbassadorMeasure[]], { error: "Choisissez ce qui est compté dans la liste." }),
    from: isoDate,
    to: isoDate,
    measuredOn: isoDate,
  })
  .refine((p) => p.to >= p.from, TO_BEFORE_FROM);
export type MeasurementRequestBody = z.infer<typeof measurementRequestBody>;
