import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, openapiTypes } from "./openapi-types.js";

describe("web/api/schema.d.ts", () => {
  it("is the OpenAPI document of the routes as they are (else run `npm run api:types`)", async () => {
    const committed = readFileSync(API_TYPES_FILE, "utf8");
    const current = await openapiTypes();
    // A short message rather than a 500 KB diff: the first line that differs.
    const a = committed.split("\n");
    const b = current.split("\n");
    const line = b.findIndex((text, i) => text !== a[i]);
    expect(line === -1 && a.length === b.length ? "up to date" : `stale from line ${line + 1}: ${b[line] ?? "(end)"} — run npm run api:types`).toBe("up to date");
  });
});
