/**
 * Who may do what, kept in memory per session cookie (auth/actor-cache.ts): a change of roles
 * made anywhere — this process, another process on the same database, the command line — is
 * enforced at once, from the database's announcement; a change of a fiche's content leaves
 * the cached actors alone, so that the next page does not ask again who is behind the cookie.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, contracts, memberships, sessions, users } from "../db/schema.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { signedInClient, type TestClient } from "../testing/client.js";

let ctx: TestContext;
let camvs: string;
let ficheFive: string;
let lead: TestClient;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  [{ id: camvs }] = (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023"))) as [{ id: string }];
  [{ id: ficheFive }] = (await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 5)))) as [{ id: string }];
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
});
afterAll(async () => ctx?.close());

async function sophie(): Promise<string> {
  const [row] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, "sophie.leroy@camvs.test"));
  return row!.id;
}

describe("the actors kept in memory", () => {
  it("are kept after a change of a fiche's content: the next read does not look the session up again", async () => {
    expect((await lead.inject(`/api/contracts/${camvs}`)).statusCode).toBe(200);
    const comment = await lead.inject({ method: "POST", url: `/api/actions/${ficheFive}/comments`, payload: { body: "Point fait avec la CPAM." } });
    expect(comment.statusCode).toBe(201);
    // Her sessions closed behind the server's back (not announced): a read still served from
    // memory proves that the remark did not empty the cache (it did until now).
    const copy = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, await sophie()));
    await ctx.database.db.delete(sessions).where(eq(sessions.userId, await sophie()));
    try {
      expect((await lead.inject(`/api/contracts/${camvs}`)).statusCode).toBe(200);
    } finally {
      await ctx.database.db.insert(sessions).values(copy);
    }
  });

  it("are forgotten at once when a role is removed by another process: the announcement is enough", async () => {
    expect((await lead.inject(`/api/actions/${ficheFive}`)).statusCode).toBe(200);
    // As the command line or a second server would: straight in the database, not through this app.
    const removed = await ctx.database.db
      .delete(memberships)
      .where(and(eq(memberships.userId, await sophie()), inArray(memberships.contractId, [camvs])))
      .returning();
    expect(removed).toHaveLength(1);
    // Once this process has heard the change (milliseconds later), the next request is refused.
    await ctx.server.readViews.sync();
    expect((await lead.inject(`/api/actions/${ficheFive}`)).statusCode).toBe(404);
    expect((await lead.inject(`/api/contracts/${camvs}`)).statusCode).toBe(404);
  });
});
