/** What the history routes accept (a fiche, a page, filters) and answer. */
import { z } from "zod";
import { AUDIT_OBJECT_TYPES } from "../../domain/history.js";
import { ficheRef } from "../../http/responses.js";
import { isoDate, uuid } from "../../validation/fields.js";

export const actionParams = z.object({ actionId: uuid });
const page = z.coerce.number().int().min(1, { error: "La page commence à 1." }).max(10_000, { error: "La page ne peut dépasser 10 000." }).default(1);
export const pageQuery = z.object({ page });

/** The filters of a contract's history and of the instance's journal: who, what, when (Paris days, both included). */
export const historyQuery = z
  .object({
    page,
    /** An account's id, or the name of a change made without an account (« Données de démonstration »). */
    actor: z.string().trim().min(1, { error: "Choisissez une personne." }).max(300, { error: "Cette personne est inconnue." }).optional(),
    type: z.enum(AUDIT_OBJECT_TYPES, { error: "Choisissez un type d'objet de la liste." }).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], error: "La date de fin doit suivre la date de début." });
export type HistoryQuery = z.infer<typeof historyQuery>;

export const auditEntryOut = z.object({
  id: z.string(),
  at: z.date(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  operation: z.enum(["create", "update", "archive", "restore", "delete"]),
  objectType: z.enum(AUDIT_OBJECT_TYPES),
  objectId: z.string(),
  objectLabel: z.string(),
  contractId: z.string().nullable(),
  contractName: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  summary: z.string(),
  /** The web page of the object (`/contrats/…/reunions/…`); null when it is gone or has no page. */
  link: z.string().nullable(),
});
export const auditPageOut = z.object({ items: z.array(auditEntryOut), page: z.number(), pageCount: z.number() });
/** A contract's history and the journal also list who appears in them, for the filter « Qui » (`id` is the filter's value). */
export const historyPageOut = auditPageOut.extend({ actors: z.array(z.object({ id: z.string(), name: z.string() })) });

/** A fiche's history also lists the entries of the fiches merged into it, each naming its fiche. */
export const ficheHistoryOut = auditPageOut.extend({ items: z.array(auditEntryOut.extend({ mergedFiche: ficheRef.nullable() })) });
