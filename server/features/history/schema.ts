/** What the history routes accept (a fiche, a page) and answer. */
import { z } from "zod";
import { AUDIT_OBJECT_TYPES } from "../../domain/history.js";
import { ficheRef } from "../../http/responses.js";
import { uuid } from "../../validation/fields.js";

export const actionParams = z.object({ actionId: uuid });
export const pageQuery = z.object({ page: z.coerce.number().int().min(1, { error: "La page commence à 1." }).max(10_000).default(1) });

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
});

export const auditPageOut = z.object({ items: z.array(auditEntryOut), page: z.number(), pageCount: z.number() });

/** A fiche's history also lists the entries of the fiches merged into it, each naming its fiche. */
export const ficheHistoryOut = auditPageOut.extend({ items: z.array(auditEntryOut.extend({ mergedFiche: ficheRef.nullable() })) });
