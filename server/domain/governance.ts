/** The vocabulary of governance: kinds of bodies, their rhythm, and a meeting's agenda as it is stored. */
import { z } from "zod";
import { optionalText, requiredText, uuid } from "../validation/fields.js";

export { BODY_KINDS, type BodyKind, type RhythmKind } from "./vocabulary.js";

export const agendaItem = z.object({
  title: requiredText("L'intitulé du point", 300),
  /** Optional: an item may have no set duration (null). */
  durationMinutes: z
    .number({ error: "Indiquez la durée du point en minutes, ou laissez-la vide." })
    .int({ error: "Indiquez une durée en minutes entières." })
    .min(1, { error: "Un point dure au moins une minute." })
    .max(24 * 60, { error: "Un point dure au plus 24 heures." })
    .nullable()
    .default(null),
  presenter: optionalText("L'intervenant", 200).default(""),
  actionIds: z.array(uuid).max(50).default([]),
});
export type AgendaItem = z.infer<typeof agendaItem>;
