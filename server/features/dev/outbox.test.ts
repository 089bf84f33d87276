/**
 * The development mail page holds sign-in links: open only when asked for (serve --dev-outbox),
 * only to this machine (the socket's address, never X-Forwarded-For), never in production or
 * on a public address. Refused, it answers as an address that does not exist.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp, type AppOptions } from "../../app.js";
import type { Database } from "../../db/client.js";
import { openTestDatabase } from "../../testing/database.js";
import { devOutboxAllowed } from "./routes.js";

const REMOTE = "203.0.113.5";
let database: Database;
let outboxDir: string;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  outboxDir = mkdtempSync(join(tmpdir(), "cles-dev-outbox-"));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(apps.splice(0).map((app) => app.close()));
});
afterAll(async () => {
  await database.close();
  rmSync(outboxDir, { recursive: true, force: true });
});

async function app(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  const server = await buildApp({
    database,
    webDir: false,
    publicUrl: "http://localhost:3000",
    authSecret: "test-secret-of-at-least-thirty-two-characters",
    mail: { from: "Clés <test@cles.test>", outboxDir },
    ...options,
  });
  apps.push(server);
  await server.mailer.send({ to: "invite@cles.test", subject: "Invitation", text: "Lien : http://localhost:3000/invitation/secret" });
  return server;
}

const outbox = (server: FastifyInstance, remoteAddress = "127.0.0.1", headers: Record<string, string> = {}) =>
  server.inject({ url: "/api/dev/outbox", remoteAddress, headers });
const sessionFlag = async (server: FastifyInstance, remoteAddress = "127.0.0.1") =>
  (await server.inject({ url: "/api/auth/session", remoteAddress })).json<{ devOutbox: boolean }>().devOutbox;

describe("development outbox", () => {
  it("is served when enabled, to a request from the loopback address (IPv4, IPv6, mapped)", async () => {
    const server = await app({ devOutbox: true });
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      const res = await outbox(server, address);
      expect(res.statusCode, address).toBe(200);
      expect(res.json<{ items: { subject: string }[] }>().items.map((m) => m.subject)).toContain("Invitation");
    }
    expect(await sessionFlag(server)).toBe(true);
  });

  it("does not exist when not enabled", async () => {
    const server = await app();
    const res = await outbox(server);
    expect(res.statusCode).toBe(404);
    // The answer of an address that does not exist.
    expect(res.json()).toEqual({ type: "about:blank", title: "Introuvable", status: 404, detail: "Cette adresse n'existe pas.", instance: "/api/dev/outbox" });
    expect((await server.inject({ method: "HEAD", url: "/api/dev/outbox" })).statusCode).toBe(404);
    expect(await sessionFlag(server)).toBe(false);
  });

  it("refuses another machine, even behind a trusted proxy that says X-Forwarded-For: 127.0.0.1", async () => {
    vi.stubEnv("TRUST_PROXY", "true");
    const server = await app({ devOutbox: true });
    expect((await outbox(server, REMOTE)).statusCode).toBe(404);
    const forwarded = await outbox(server, REMOTE, { "x-forwarded-for": "127.0.0.1" });
    expect(forwarded.statusCode).toBe(404);
    expect(forwarded.body).not.toContain("secret");
    expect(await sessionFlag(server, REMOTE)).toBe(false);
  });

  it("is never served with NODE_ENV=production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const server = await app({ devOutbox: true });
    expect((await outbox(server)).statusCode).toBe(404);
    expect(await sessionFlag(server)).toBe(false);
  });

  it("is never served when the public address is not this machine", async () => {
    const server = await app({ devOutbox: true, publicUrl: "https://cles.example.fr" });
    expect((await outbox(server)).statusCode).toBe(404);
    expect(await sessionFlag(server)).toBe(false);
  });

  it("is never served when mail goes by SMTP", () => {
    expect(devOutboxAllowed({ requested: true, publicUrl: "http://localhost:3000", outboxDir: null, env: {} })).toBe(false);
    expect(devOutboxAllowed({ requested: true, publicUrl: "http://127.0.0.1:3000", outboxDir: "/tmp/x", env: {} })).toBe(true);
    expect(devOutboxAllowed({ requested: false, publicUrl: "http://127.0.0.1:3000", outboxDir: "/tmp/x", env: {} })).toBe(false);
  });
});
