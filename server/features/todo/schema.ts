/** What the « À faire » routes take: the kinds of what may be due on a fiche, and the contract list's filter. */
import { z } from "zod";
import type { DueKind } from "./due.js";

/** The kinds of what is due, as the pages name them. */
export const DUE_KINDS: Record<DueKind, string> = {
  milestone_late: "Étape en retard",
  milestone_due: "Étape à venir",
  progress: "Avancement du trimestre",
  indicator: "Indicateur à mesurer",
};

export const dueKind = z.enum(Object.keys(DUE_KINDS) as [DueKind, ...DueKind[]], { error: "Type d'élément inconnu." });

/** The contract's « À faire »: every fiche with something due, or only those with one kind of item. */
export const contractTodoQuery = z.object({ kind: dueKind.optional() });
