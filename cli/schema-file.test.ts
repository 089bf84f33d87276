import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractJsonSchema, SCHEMA_FILES } from "./schema-gen.js";

describe("docs/contract-format*.schema.json", () => {
  for (const version of [1, 2] as const) {
    it(`${SCHEMA_FILES[version]} is the JSON Schema generated from the zod exchange format v${version} (run \`npm run cles -- schema\` after changing it)`, () => {
      const committed = JSON.parse(readFileSync(SCHEMA_FILES[version], "utf8"));
      expect(committed).toEqual(JSON.parse(JSON.stringify(contractJsonSchema(version))));
    });
  }
});
