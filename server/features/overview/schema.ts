/** What the coordinator's views accept (zod, French messages): a year of the COTECH table, its own rows. Their answers: schema-out.ts. */
import { z } from "zod";
import { optionalText, requiredText, uuid, version } from "../../validation/fields.js";

export const yearQuery = z.object({ year: z.coerce.number({ error: "Indiquez une année." }).int().min(2000, { error: "Indiquez une année valide." }).max(2100, { error: "Indiquez une année valide." }).optional() });

/** A row of the COTECH table that is not a fiche. */
export const itemParams = z.object({ itemId: uuid });

const itemFields = z.object({
  title: requiredText("L'action", 2000),
  adjustments: optionalText("Les ajustements", 5000).default(""),
});
export const itemBody = itemFields.extend({
  year: z.number({ error: "Indiquez l'année." }).int().min(2000, { error: "Indiquez une année valide." }).max(2100, { error: "Indiquez une année valide." }),
  section: z.enum(["transversal", "process"], { error: "Choisissez « actions transversales » ou « processus »." }),
});
export const itemUpdateBody = itemFields.extend({ version });
export type ItemBody = z.infer<typeof itemBody>;
export type ItemUpdateBody = z.infer<typeof itemUpdateBody>;
