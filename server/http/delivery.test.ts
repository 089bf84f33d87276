import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { shareBytes } from "../cache/shared-values.js";
import { COMPRESS_SYNC_MAX, compressOnce, IMMUTABLE } from "./delivery.js";

let ctx: TestContext;
let web: FastifyInstance;
let webDir: string;
const lines: Record<string, unknown>[] = [];
/** A script as vite names it (content hash in the name), big enough to be compressed. */
const SCRIPT = `console.log(${JSON.stringify("Clés ".repeat(400))});`;

beforeAll(async () => {
  ctx = await startTestApp();
  webDir = mkdtempSync(join(tmpdir(), "cles-web-"));
  mkdirSync(join(webDir, "assets"));
  writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Clés</title>");
  writeFileSync(join(webDir, "assets", "index-B4x9Qz1a.js"), SCRIPT);
  writeFileSync(join(webDir, "assets", "index-B4x9Qz1a.js.br"), brotliCompressSync(SCRIPT));
  const logs = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  web = await buildApp({ database: ctx.database, webDir, logger: { level: "info", stream: logs }, authSecret: "test-secret-of-at-least-thirty-two-characters" });
  await web.ready();
});
afterAll(async () => {
  await web?.close();
  await ctx?.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe("compression", () => {
  it("compresses a shared answer's bytes once per encoding, any other answer every time", () => {
    let calls = 0;
    const counted = compressOnce((payload) => {
      calls++;
      return Buffer.concat([Buffer.from("z:"), Buffer.from(payload as Buffer)]);
    });
    const shared = shareBytes(Buffer.from('{"n":1}'));
    const first = counted(shared);
    expect(counted(shared)).toBe(first);
    expect(first.toString()).toBe('z:{"n":1}');
    expect(calls).toBe(1);
    const own = Buffer.from('{"n":1}');
    counted(own);
    counted(own);
    expect(calls).toBe(3);
  });

  it("compresses a JSON answer over 1 KB for a client that accepts gzip", async () => {
    const res = await ctx.app.inject({ url: "/api/reference", headers: { "accept-encoding": "gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    const body = JSON.parse(gunzipSync(res.rawPayload).toString("utf8")) as { themes: string[] };
    expect(body.themes).toContain("Santé mentale");
    expect(res.rawPayload.length).toBeLessThan(gunzipSync(res.rawPayload).length);
  });

  it("compresses answers of every size whole: in one call up to its ceiling, through a stream above it", async () => {
    for (const url of ["/api/reference", "/api/openapi.json"]) {
      const plain = await ctx.app.inject({ url, headers: { "accept-encoding": "identity" } });
      const br = await ctx.app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(plain.body);
    }
    // One of each path.
    expect((await ctx.app.inject({ url: "/api/reference" })).rawPayload.length).toBeLessThan(COMPRESS_SYNC_MAX);
    expect((await ctx.app.inject({ url: "/api/openapi.json" })).rawPayload.length).toBeGreaterThan(COMPRESS_SYNC_MAX);
  });

  it("sends it as it is to a client that does not say it accepts compression, and small answers always", async () => {
    const plain = await ctx.app.inject({ url: "/api/reference", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json().themes).toContain("Santé mentale");
    const small = await ctx.app.inject({ url: "/api/health", headers: { "accept-encoding": "gzip" } });
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("serves the build's brotli copy of an asset, or compresses it", async () => {
    const br = await web.inject({ url: "/assets/index-B4x9Qz1a.js", headers: { "accept-encoding": "br, gzip" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    const gz = await web.inject({ url: "/assets/index-B4x9Qz1a.js", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toBe(SCRIPT);
  });
});

describe("browser caching of the web app", () => {
  it("keeps a hashed asset a year, immutable", async () => {
    const res = await web.inject({ url: "/assets/index-B4x9Qz1a.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(res.body).toBe(SCRIPT);
  });

  it("checks index.html again at every visit, for its own address and for a page's", async () => {
    for (const url of ["/index.html", "/contrats/123/fiches"]) {
      const res = await web.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/text\/html/);
      expect(res.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("keeps the security headers on static files", async () => {
    const res = await web.inject({ url: "/assets/index-B4x9Qz1a.js" });
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("request log", () => {
  it("writes one structured line per request at info, with its id", async () => {
    lines.length = 0;
    await web.inject({ url: "/api/health", headers: { "x-request-id": "req-42" } });
    await web.inject({ url: "/api/nulle-part", headers: { "x-request-id": "req-43" } });
    const mine = lines.filter((l) => l.reqId === "req-42");
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 30, msg: "request", method: "GET", url: "/api/health", statusCode: 200 });
    expect(typeof mine[0]!.responseTime).toBe("number");
    expect(lines.filter((l) => l.reqId === "req-43")).toEqual([expect.objectContaining({ statusCode: 404, msg: "request" })]);
  });
});
