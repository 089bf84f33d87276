import { z } from "zod";
import { contractDocument } from "../server/features/transfer/format.js";

/** JSON Schema of the exchange format, generated from the zod schema. */
export function contractJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(contractDocument, { unrepresentable: "any", io: "input" }),
    $id: "urn:cles:contract-format:1",
    title: "Contrat Local de Santé — format d'échange Clés v1",
  };
}
