/** What the quarterly review routes accept. One schema serves the server and the forms. */
import { z } from "zod";
import { isoDate, MAX_INT4, optionalText, requiredText, version } from "../../validation/fields.js";

/** A published version's number (1, 2, …), in a path, a query or a body. */
export const publishedNumber = z.coerce
  .number({ error: "Indiquez un numéro de version." })
  .int({ error: "Le numéro de version est un nombre entier." })
  .min(1, { error: "Les versions commencent à 1." })
  .max(MAX_INT4, { error: "Cette version n'existe pas." });

export const quarterBody = z.object({
  year: z.number({ error: "Indiquez l'année." }).int().min(2000, { error: "Indiquez une année valide." }).max(2100, { error: "Indiquez une année valide." }),
  quarter: z.number({ error: "Indiquez le trimestre." }).int().min(1, { error: "Le trimestre va de 1 à 4." }).max(4, { error: "Le trimestre va de 1 à 4." }),
});

const sectionEdit = z.object({
  /** The section's key; a new free section: "free:" and any identifier. */
  key: z.string().trim().min(1, { error: "La clé de la section est obligatoire." }).max(120).regex(/^(purpose|governance|unmoved|participation|annexes|(committee|action):[0-9a-f-]{36}|free:[A-Za-z0-9-]{1,80})$/, { error: "Clé de section inconnue." }),
  title: requiredText("Le titre de la section", 300),
  /** Rich text; sanitised by the server. */
  html: optionalText("Le texte de la section", 100_000),
  hidden: z.boolean({ error: "Indiquez si la section est masquée." }),
  /** "unchanged": the coordinator keeps their text after a refresh flagged the data as changed. */
  refreshState: z.literal("unchanged").optional(),
});

export const reviewUpdateBody = z.object({
  version,
  /** The sections in their new order. */
  sections: z.array(sectionEdit).max(200, { error: "Une revue compte au plus 200 sections." }),
});

export const versionBody = z.object({ version });

export const publishBody = z.object({
  version,
  /** What a correction changed (version 2 and later). */
  correctionNote: optionalText("La note de correction", 2000).optional(),
});

export const settingsBody = z.object({
  /** Rich text: the reminder of what the reviews are for, from the contract's evaluation article. */
  purpose: optionalText("Le rappel de l'objet des revues", 20_000),
  publishReviews: z.boolean({ error: "Indiquez si les revues apparaissent sur la page publique." }),
  /** The version read; 0 when the settings were never saved. */
  version: z.number({ error: "La version lue est obligatoire." }).int().min(0).max(MAX_INT4, { error: "Cette version n'existe pas." }),
});

export const exportQuery = z.object({
  /** A published version; without it, the working draft for the coordination, the last published version for readers. */
  number: publishedNumber.optional(),
});

export const exportBody = z.object({
  format: z.enum(["docx", "pdf", "html", "zip"], { error: "Choisissez un format : docx, pdf, html ou zip." }),
  number: publishedNumber.optional(),
});

/** Any of the person's mail choices; those left out stay as they are. */
export const preferencesBody = z
  .object({
    reviewReminders: z.boolean({ error: "Indiquez si vous souhaitez recevoir les rappels." }).optional(),
    milestoneReminders: z.boolean({ error: "Indiquez si vous souhaitez recevoir les rappels d'étapes." }).optional(),
    publishedReviews: z.boolean({ error: "Indiquez si vous souhaitez être prévenu·e des revues publiées." }).optional(),
  })
  .refine((b) => b.reviewReminders !== undefined || b.milestoneReminders !== undefined || b.publishedReviews !== undefined, { error: "Indiquez au moins une préférence." });

/** A quarter's review shared before Clés: the quarter, the day it was shared, how. */
export const sharedReviewBody = quarterBody.extend({
  sharedOn: isoDate,
  note: optionalText("La précision", 500).default(""),
});
