import { z } from "zod";
import { contractDocument } from "../server/features/transfer/format.js";
import { contractDocumentV2 } from "../server/features/transfer/v2/format.js";

/** Where each version's JSON Schema is committed. */
export const SCHEMA_FILES = { 1: "docs/contract-format.schema.json", 2: "docs/contract-format-v2.schema.json" } as const;

/** JSON Schema of the exchange format (version 2 by default), generated from the zod schema. */
export function contractJsonSchema(version: 1 | 2 = 2): unknown {
  const schema = version === 1 ? contractDocument : contractDocumentV2;
  return {
    ...z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }),
    $id: `urn:cles:contract-format:${version}`,
    title: version === 1 ? "Contrat Local de Santé — format d'échange Clés v1" : "Contrat Local de Santé en cours — format d'échange Clés v2",
  };
}
