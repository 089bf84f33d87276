/** What the transfer routes accept and answer: a whole contract in the cles.contract format, version 2 (v2/format.ts) or 1 (format.ts). */
import { z } from "zod";
import { documentedAs } from "../../http/responses.js";
import { contractDocument } from "./format.js";
import { contractDocumentV2 } from "./v2/format.js";

/**
 * The contract format, version 2 or 1 (docs/contract-format-v2.schema.json, docs/contract-format.schema.json),
 * documented only: parseContractDocument checks it with its French messages and field paths.
 */
export const contractDocumentBody = documentedAs(z.union([contractDocumentV2, contractDocument]), "input");

/** Residents' names and e-mails (meeting participants as residents) only when asked, by whom may read them. */
export const exportQuery = z.object({
  residents: z.enum(["true", "false"], { error: "Indiquez true ou false." }).default("false").transform((v) => v === "true"),
});

/** The imported contract's short identifier, when it should differ from the file's. */
export const importQuery = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "L'identifiant ne contient que des minuscules, chiffres et tirets." })
    .optional(),
});

/** The export: the whole contract, sent as is (a download). */
export const exportOut = { description: "Le contrat entier et sa vie (cles.contract v2)", content: { "application/json": { schema: documentedAs(contractDocumentV2, "output") } } };
