import { z } from "zod";
import { inseeCode, uuid } from "../../validation/fields.js";
import { THEMES } from "../../domain/vocabulary.js";
import { SHOWN_STATUSES, type ShownStatus } from "../../domain/shown-status.js";
import { ACTION_STATUS_VALUES } from "../../domain/statuses.js";

export const ACTION_SORTS = {
  number: "Numéro",
  title: "Intitulé",
  axis: "Axe",
  lead: "Porteur",
  start: "Début",
  end: "Fin",
  status: "Statut",
  relevance: "Pertinence",
} as const;
export type ActionSort = keyof typeof ACTION_SORTS;

/** Query of the fiche list; the web app keeps the same keys in its URL. */
export const actionFilters = z.object({
  axis: uuid.optional(),
  objective: uuid.optional(),
  theme: z.enum(THEMES, { error: "Thème inconnu." }).optional(),
  lead: uuid.optional(),
  status: z.enum(ACTION_STATUS_VALUES, { error: "Statut inconnu." }).optional(),
  /** The status people see: the declared one, or « En retard », « Fusionnée ». */
  shown: z.enum(Object.keys(SHOWN_STATUSES) as [ShownStatus, ...ShownStatus[]], { error: "Statut inconnu." }).optional(),
  /** INSEE code: fiches whose territory covers this commune. */
  commune: inseeCode.optional(),
  /** Free text, searched in French (stemmed: « vacciner » finds « vaccination »). */
  q: z.string().trim().max(200, { error: "La recherche ne doit pas dépasser 200 caractères." }).optional(),
  archived: z.enum(["true", "false"]).optional(),
  /** « Mes fiches »: only the fiches the signed-in person pilots. */
  mine: z.enum(["true", "false"]).optional(),
  sort: z.enum(Object.keys(ACTION_SORTS) as [ActionSort, ...ActionSort[]], { error: "Tri inconnu." }).optional(),
  order: z.enum(["asc", "desc"]).optional(),
});
export type ActionFilters = z.infer<typeof actionFilters>;
