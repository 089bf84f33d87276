/** What the directory routes answer. */
import { z } from "zod";
import { PARTNER_SECTORS } from "../../domain/vocabulary.js";

export const organisationOut = z.object({
  id: z.string(),
  contractId: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  sector: z.enum(PARTNER_SECTORS).nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
