import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestContext } from "../testing/app.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

/** "METHOD /path" of every operation whose success answer has no declared body (nor is declared empty, nor a redirection). */
function undeclared(paths: Record<string, Record<string, Operation>>): string[] {
  const missing: string[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      // A redirection (ProConnect's sign-in) succeeds by sending the browser elsewhere: declared, without a body.
      const successes = Object.entries(operation.responses ?? {}).filter(([status]) => /^[23]\d\d$/.test(status));
      const declared = successes.some(([status, response]) => {
        if (status === "204" || /^3\d\d$/.test(status)) return true;
        return Object.entries(response.content ?? {}).some(([type, { schema }]) => {
          if (!schema || Object.keys(schema).length === 0) return false;
          // JSON with a schema, or a file documented by its content type.
          return type.includes("json") || schema.format === "binary" || schema.type === "string";
        });
      });
      if (!declared) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing;
}

describe("the OpenAPI document", () => {
  it("declares the success answer of every operation", async () => {
    const res = await ctx.app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, Record<string, Operation>> }>();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
    expect(undeclared(doc.paths)).toEqual([]);
  });

  it("declares the problem+json answer of errors", async () => {
    const doc = (await ctx.app.inject({ url: "/api/openapi.json" })).json<{ paths: Record<string, Record<string, Operation>> }>();
    const contract = doc.paths["/api/contracts/{contractId}"]!.get!;
    expect(contract.responses!["4XX"] ?? contract.responses!["4xx"]).toMatchObject({ content: { "application/problem+json": { schema: { type: "object" } } } });
  });
});
