import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractJsonSchema } from "./schema-gen.js";

describe("docs/contract-format.schema.json", () => {
  it("is the JSON Schema generated from the zod exchange format (run `npm run cles -- schema` after changing it)", () => {
    const committed = JSON.parse(readFileSync("docs/contract-format.schema.json", "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(contractJsonSchema())));
  });
});
