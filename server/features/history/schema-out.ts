/** What the history routes answer. */
import { z } from "zod";
import { AUDIT_OBJECT_TYPES } from "../../domain/history.js";
import { ficheRef } from "../../http/responses.js";

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
