/** What the annual report's routes accept and answer (zod, French messages): the document of a year, its synthesis and outlook. */
import { z } from "zod";
import { optionalText, uuid, version } from "../../validation/fields.js";
import { keyEnum } from "../../http/responses.js";
import { TEXTS_STATUSES } from "./texts.js";
import { DOCUMENT_FORMATS } from "../../http/send-document.js";

export const annualReportParams = z.object({ contractId: uuid, format: z.enum(DOCUMENT_FORMATS, { error: "Format inconnu : docx, pdf ou html." }) });
export const annualReportQuery = z.object({
  year: z.coerce
    .number({ error: "Indiquez l'année du bilan." })
    .int({ error: "Indiquez une année (un nombre entier)." })
    .min(2000, { error: "Indiquez une année valide." })
    .max(2100, { error: "Indiquez une année valide." }),
});

/** A year's synthesis and outlook: the contract and the year in the path. */
export const annualTextsParams = z.object({ contractId: uuid, year: annualReportQuery.shape.year });

export const annualTextsBody = z.object({
  synthesis: optionalText("La synthèse de l'année", 100_000),
  outlook: optionalText("Les perspectives", 100_000),
  /** The version read; null when no text had been saved. */
  version: version.nullable(),
});
export type AnnualTextsBody = z.infer<typeof annualTextsBody>;

export const annualTextsStateBody = z.object({ version });

const html = z.string();
export const annualTextsOut = z.object({
  year: z.number().int(),
  status: keyEnum(TEXTS_STATUSES),
  statusLabel: z.string(),
  synthesis: html,
  outlook: html,
  /** What Clés drafts from the data (coordination only). */
  proposal: z.object({ synthesis: html, outlook: html }).nullable(),
  version: z.number().int().nullable(),
  publishedAt: z.date().nullable(),
  publishedByName: z.string().nullable(),
  updatedAt: z.date().nullable(),
  permissions: z.object({ edit: z.boolean(), publish: z.boolean(), reopen: z.boolean() }),
});
