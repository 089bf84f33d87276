import { z } from "zod";
import { uuid } from "../../validation/fields.js";

/** The coordinator's choices for a committee deck. */
export const deckQuery = z.object({
  /** The year of the progress table (within the contract's period). */
  year: z.coerce.number({ error: "Indiquez une année." }).int({ error: "Indiquez une année valide." }).min(2000, { error: "Indiquez une année valide." }).max(2100, { error: "Indiquez une année valide." }),
  /** The meeting the deck is for (its date, kind and agenda); a meeting of this contract. */
  meetingId: uuid.optional(),
  /** Fiche numbers separated by commas ("1,3,5"); absent: every fiche. */
  actions: z
    .string()
    .trim()
    .regex(/^\d{1,4}(\s*,\s*\d{1,4})*$/, { error: "Indiquez des numéros de fiches séparés par des virgules (par exemple 1,3,5)." })
    .transform((s) => s.split(",").map((n) => Number(n.trim())))
    .optional(),
});
export type DeckQuery = z.infer<typeof deckQuery>;
