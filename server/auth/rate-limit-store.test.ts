/**
 * The request limits hold across the processes of an instance (issue 17): two apps on one
 * database count together, in the database by default and in Redis when it is given.
 */
import { randomInt } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../db/schema.js";
import { startSecondApp, startTestApp, type TestContext } from "../testing/app.js";
import { anonymousClient, type TestClient } from "../testing/client.js";
import { databaseRateLimitStore, purgeRateLimits, RATE_LIMIT_KEPT_MS } from "./rate-limit-store.js";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** The sign-in route's limit per address and minute (server/features/auth/routes.ts). */
const SIGN_IN_MAX = 30;

/** A client address of its own, so that runs and engines do not count together. */
const someAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** Signs in with a wrong password (each time another unknown address, so that the lock-out per e-mail does not answer first). */
const failedSignIn = (client: TestClient, from: string, n: number) =>
  client.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress: from, payload: { email: `inconnu-${n}@exemple.test`, password: "pas le bon mot de passe" } });

async function expectSharedLimit(first: TestClient, second: TestClient): Promise<void> {
  const from = someAddress();
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_IN_MAX; i++) statuses.push((await failedSignIn(i % 2 ? second : first, from, i)).statusCode);
  expect(new Set(statuses)).toEqual(new Set([401]));
  for (const client of [first, second]) {
    const refused = await failedSignIn(client, from, 99);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(refused.json<{ detail: string }>().detail).toMatch(/^Trop de tentatives depuis votre adresse : réessayez dans \d+ secondes\.$/);
  }
  // Another address is not counted with it.
  expect((await failedSignIn(first, someAddress(), 100)).statusCode).toBe(401);
}

describe("request limits counted in the database", () => {
  let ctx: TestContext;
  let other: FastifyInstance;

  beforeAll(async () => {
    ctx = await startTestApp();
    other = await startSecondApp(ctx);
  }, 60_000);

  afterAll(async () => {
    await other?.close();
    await ctx?.close();
  });

  it("hold across two apps on one database: 30 failed sign-ins from one address, then a French 429 on either", async () => {
    await expectSharedLimit(await anonymousClient(ctx.server), await anonymousClient(other));
  });

  it("count in a fixed window opened by the first request, reopened once it has passed", async () => {
    const Store = databaseRateLimitStore(ctx.database.db);
    const store = new Store().child({ routeInfo: { method: "POST", url: "/essai" } });
    const incr = (key: string, window: number) => new Promise<{ current: number; ttl: number }>((resolve, reject) => store.incr(key, (e, r) => (e ? reject(e) : resolve(r!)), window));
    const read = (key: string) => new Promise<{ current: number; ttl: number }>((resolve, reject) => store.read(key, (e, r) => (e ? reject(e) : resolve(r!))));
    const key = someAddress();
    expect((await incr(key, 60_000)).current).toBe(1);
    const second = await incr(key, 60_000);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(50_000);
    expect(second.ttl).toBeLessThanOrEqual(60_000);
    expect(await read(key)).toEqual({ current: 2, ttl: expect.any(Number) });
    expect(await read(someAddress())).toEqual({ current: 0, ttl: 0 });

    const brief = someAddress();
    await incr(brief, 50);
    await incr(brief, 50);
    await new Promise((r) => setTimeout(r, 80));
    expect(await read(brief)).toEqual({ current: 0, ttl: 0 });
    expect((await incr(brief, 50)).current).toBe(1);
  });

  it("forgets counters a day after their window closed", async () => {
    await ctx.database.db.insert(rateLimits).values([
      { key: "ancien", hits: 3, windowEndsAt: new Date(Date.now() - RATE_LIMIT_KEPT_MS - 60_000) },
      { key: "récent", hits: 3, windowEndsAt: new Date(Date.now() - 60_000) },
    ]);
    await purgeRateLimits(ctx.database.db);
    const keys = (await ctx.database.db.select({ key: rateLimits.key }).from(rateLimits).where(sql`${rateLimits.key} in ('ancien', 'récent')`)).map((r) => r.key);
    expect(keys).toEqual(["récent"]);
  });
});

describe("request limits counted in Redis (REDIS_URL)", () => {
  let ctx: TestContext;
  let other: FastifyInstance;

  beforeAll(async () => {
    ctx = await startTestApp({ redisUrl: REDIS_URL });
    other = await startSecondApp(ctx, { redisUrl: REDIS_URL });
  }, 60_000);

  afterAll(async () => {
    await other?.close();
    await ctx?.close();
  });

  it("hold across two apps sharing one Redis, and write nothing in the database", async () => {
    const before = await ctx.database.db.$count(rateLimits);
    await expectSharedLimit(await anonymousClient(ctx.server), await anonymousClient(other));
    expect(await ctx.database.db.$count(rateLimits)).toBe(before);
  });
});
