import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.js";
import { startTestApp, type TestContext } from "./testing/app.js";
import { expectProblem } from "./testing/http.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

describe("the application shell", () => {
  it("answers the health check with the database engine", async () => {
    const res = await ctx.app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", engine: ctx.database.engine });
  });

  it("echoes a request id, or makes one", async () => {
    const given = await ctx.app.inject({ url: "/api/health", headers: { "x-request-id": "abc-123" } });
    expect(given.headers["x-request-id"]).toBe("abc-123");
    const made = await ctx.app.inject({ url: "/api/health" });
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves the vocabularies in French", async () => {
    const res = await ctx.app.inject({ url: "/api/reference" });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.themes).toContain("Santé mentale");
    expect(body.actionStatuses.in_progress).toBe("En cours");
    expect(body.contractTransitions.draft).toEqual(["signed"]);
  });

  it("documents the API routes in /api/openapi.json", async () => {
    const doc = (await ctx.app.inject({ url: "/api/openapi.json" })).json<{ openapi: string; paths: Record<string, object> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // Every API route is documented (the authorization matrix lists them all), but the document itself.
    const routes = ctx.server.apiRoutes.filter((r) => r !== "GET /api/openapi.json").map((r) => r.replace(/:(\w+)/g, "{$1}"));
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
    expect((await ctx.app.inject({ url: "/api/docs/" })).statusCode).toBe(200);
  });

  it("answers unknown API addresses with a French problem", async () => {
    const problem = expectProblem(await ctx.app.inject({ url: "/api/nulle-part" }), 404);
    expect(problem.detail).toBe("Cette adresse n'existe pas.");
  });

  it("serves the web app's index for its pages, but not for unknown API addresses", async () => {
    const webDir = mkdtempSync(join(tmpdir(), "cles-web-"));
    mkdirSync(join(webDir, "assets"));
    writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Clés</title>");
    writeFileSync(join(webDir, "assets", "app.js"), "console.log(1)");
    const app = await buildApp({ database: ctx.database, webDir });
    try {
      const page = await app.inject({ url: "/contrats/123/fiches?axis=x" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toMatch(/text\/html/);
      expect(page.body).toContain("<title>Clés</title>");
      expect((await app.inject({ url: "/assets/app.js" })).headers["content-type"]).toMatch(/javascript/);
      expectProblem(await app.inject({ url: "/api/nulle-part" }), 404);
    } finally {
      await app.close();
    }
  });
});
