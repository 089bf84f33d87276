import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, signInFailures, users, verifications } from "../db/schema.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { purgeExpired } from "./housekeeping.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

describe("housekeeping", () => {
  it("forgets expired sessions and tokens and old failures, and keeps the rest", async () => {
    const db = ctx.database.db;
    const [user] = await db.select({ id: users.id }).from(users);
    const past = new Date(Date.now() - 60_000);
    await db.insert(sessions).values({ id: randomUUID(), token: randomUUID(), userId: user!.id, expiresAt: past });
    await db.insert(verifications).values({ id: randomUUID(), identifier: "reset-password:x", value: user!.id, expiresAt: past });
    await db.insert(signInFailures).values({ emailKey: "old", failures: 3, lastFailedAt: new Date(Date.now() - 2 * 86_400_000) });
    await db.insert(signInFailures).values({ emailKey: "recent", failures: 1, lastFailedAt: new Date() });
    const before = (await db.select().from(sessions)).length;
    await purgeExpired(db);
    const left = await db.select().from(sessions);
    expect(left.length).toBe(before - 1);
    expect(left.every((s) => s.expiresAt > new Date())).toBe(true);
    expect(await db.select().from(verifications)).toEqual([]);
    expect((await db.select().from(signInFailures)).map((f) => f.emailKey)).toEqual(["recent"]);
    // The admin's live session still works.
    expect((await ctx.app.inject({ url: "/api/account" })).statusCode).toBe(200);
  });
});
