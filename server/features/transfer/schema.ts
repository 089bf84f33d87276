/** What the transfer routes accept and answer: a whole contract in the cles.contract v1 format (format.ts). */
import { z } from "zod";
import { documentedAs } from "../../http/responses.js";
import { contractDocument } from "./format.js";

/** The contract format (docs/contract-format.schema.json), documented only: parseContractDocument checks it with its French messages. */
export const contractDocumentBody = documentedAs(contractDocument, "input");

/** The imported contract's short identifier, when it should differ from the file's. */
export const importQuery = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "L'identifiant ne contient que des minuscules, chiffres et tirets." })
    .optional(),
});

/** The export: the whole contract, sent as is (a download). */
export const exportOut = { description: "Le contrat entier (cles.contract v1)", content: { "application/json": { schema: documentedAs(contractDocument, "input") } } };
