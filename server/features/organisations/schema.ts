import { z } from "zod";
import { optionalText, requiredText, version } from "../../validation/fields.js";
import { PARTNER_SECTORS } from "../../domain/vocabulary.js";

export const organisationBody = z.object({
  name: requiredText("Le nom de l'organisation", 300),
  shortName: optionalText("Le sigle", 60).nullable(),
  sector: z.enum(PARTNER_SECTORS, { error: "Choisissez un secteur de la liste." }).nullable(),
});
export type OrganisationBody = z.infer<typeof organisationBody>;
export const organisationUpdateBody = organisationBody.extend({ version });
