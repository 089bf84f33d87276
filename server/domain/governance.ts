/** The vocabulary of governance: kinds of bodies, their rhythm, and a meeting's agenda as it is stored. */
import { z } from "zod";
import { optionalText, requiredText, uuid } from "../validation/fields.js";

export const BODY_KINDS = {
  copil: "Comité de pilotage (COPIL)",
  cotech: "Comité technique (COTECH)",
  thematic: "Commission thématique",
  working_group: "Groupe de travail",
  residents: "Atelier d'habitants",
} as const;
export type BodyKind = keyof typeof BODY_KINDS;
export type RhythmKind = "per_year" | "every_months";

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
