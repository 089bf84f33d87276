/** Browser protections: the app's CSP and headers everywhere, a strict CSP on HTML exports, HSTS behind TLS only. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, DEFAULT_WEB_DIR } from "../app.js";
import type { Database } from "../db/client.js";
import { seedDemo } from "../demo/seed.js";
import { signedInClient, type TestClient } from "../testing/client.js";
import { openTestDatabase } from "../testing/database.js";
import { DOCUMENT_CSP } from "./security-headers.js";

let database: Database;
let outboxDir: string;
let app: FastifyInstance;
let admin: TestClient;
let camvs: string;

const build = (publicUrl: string) =>
  buildApp({ database, webDir: DEFAULT_WEB_DIR, publicUrl, authSecret: "test-secret-of-at-least-thirty-two-characters", mail: { from: "Clés <test@cles.test>", outboxDir } });

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db);
  outboxDir = mkdtempSync(join(tmpdir(), "cles-headers-outbox-"));
  app = await build("http://localhost:3000");
  admin = await signedInClient(app, "admin@cles.test");
  const list = (await admin.inject("/api/contracts")).json<{ items: { id: string; slug: string }[] }>();
  camvs = list.items.find((c) => c.slug === "camvs-2021-2023")!.id;
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(outboxDir, { recursive: true, force: true });
});

/** The directives of a CSP header, by name. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers["content-security-policy"];
  expect(header).toBeTypeOf("string");
  return new Map(
    String(header)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectAppHeaders(res: LightMyRequestResponse) {
  const policy = csp(res);
  expect(policy.get("script-src")).toEqual(["'self'"]);
  expect(policy.get("script-src-attr")).toEqual(["'none'"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("connect-src")).toEqual(["'self'"]);
  expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
  expect(policy.get("font-src")).toEqual(["'self'"]);
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["x-frame-options"]).toBe("DENY");
  expect(res.headers["referrer-policy"]).toBe("same-origin");
  expect(res.headers["strict-transport-security"]).toBeUndefined();
}

describe("security headers", () => {
  it("are on API answers, errors included", async () => {
    expectAppHeaders(await admin.inject("/api/contracts"));
    expectAppHeaders(await app.inject("/api/health"));
    expectAppHeaders(await app.inject("/api/contracts"));
    expectAppHeaders(await app.inject("/api/no-such-route"));
  });

  it("are on the single-page app and its assets, whose HTML has no inline script", async () => {
    expect(existsSync(join(DEFAULT_WEB_DIR, "index.html")), "npx vite build first").toBe(true);
    const index = await app.inject("/contrats");
    expect(index.statusCode).toBe(200);
    expectAppHeaders(index);
    // script-src 'self' is enough: every script of the page is a file.
    const scripts = [...index.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\bsrc="\//);
      expect(content!.trim()).toBe("");
    }
    expect(index.body).not.toMatch(/\son[a-z]+=/i);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(DEFAULT_WEB_DIR, "index.html"), "utf8"))![1]!;
    const asset = await app.inject(script);
    expect(asset.statusCode).toBe(200);
    expectAppHeaders(asset);
  });

  it("give the HTML exports a strict policy of their own: no script, nothing loaded", async () => {
    for (const url of [`/api/contracts/${camvs}/annual-report.html?year=2021`, `/api/contracts/${camvs}/evaluation.html`]) {
      const res = await admin.inject(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.headers["content-security-policy"]).toBe(DOCUMENT_CSP);
      const policy = csp(res);
      expect(policy.get("default-src")).toEqual(["'none'"]);
      expect(policy.has("script-src")).toBe(false);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("give the public review page the strict policy too", async () => {
    await admin.inject({ method: "PUT", url: `/api/contracts/${camvs}/publication`, payload: { published: true } });
    const { settings } = (await admin.inject(`/api/contracts/${camvs}/reviews`)).json<{ settings: Record<string, unknown> }>();
    expect((await admin.inject({ method: "PUT", url: `/api/contracts/${camvs}/review-settings`, payload: { ...settings, publishReviews: true } })).statusCode).toBe(200);
    const draft = await admin.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2022, quarter: 2 } });
    expect(draft.statusCode, draft.body).toBe(201);
    const { id, version } = draft.json<{ id: string; version: number }>();
    expect((await admin.inject({ method: "POST", url: `/api/reviews/${id}/publish`, payload: { version } })).statusCode).toBe(200);
    for (const url of [`/api/reviews/${id}/review.html`, `/api/public/contracts/camvs-2021-2023/reviews/${id}.html`]) {
      const res = url.startsWith("/api/public") ? await app.inject(url) : await admin.inject(url);
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.headers["content-security-policy"]).toBe(DOCUMENT_CSP);
    }
  });

  it("let the API documentation run its own scripts (files, never inline)", async () => {
    const res = await app.inject("/api/docs/");
    expect(res.statusCode).toBe(200);
    const policy = csp(res);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(res.body).toContain("swagger-initializer.js");
    expect(res.body).not.toMatch(/<script>/);
  });

  it("ask for HTTPS only when the public address is https", async () => {
    const tls = await build("https://cles.example.fr");
    try {
      for (const url of ["/api/health", "/contrats"]) {
        const res = await tls.inject(url);
        expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
        expect(csp(res).has("upgrade-insecure-requests")).toBe(true);
      }
    } finally {
      await tls.close();
    }
    expect((await app.inject("/api/health")).headers["strict-transport-security"]).toBeUndefined();
  });
});
