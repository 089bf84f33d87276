/** The reminder before each review: the rule, then the mail sent once to the CAMVS lead, with the opt-out. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewReminders } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { daysToQuarterEnd, contractQuarters, quarterLabel, quarterOfDay, quarterRange } from "./quarters.js";
import { dueReminders, type LeadFacts, sendReviewReminders } from "./reminders.js";

const lead = (over: Partial<LeadFacts> = {}): LeadFacts => ({
  userId: "u1",
  contractId: "c1",
  optedOut: false,
  alreadyReminded: false,
  fiches: [
    { id: "a6", number: 6, title: "Journée de la Santé", hasProgress: false },
    { id: "a5", number: 5, title: "Mission Accompagnement Santé", hasProgress: false },
    { id: "a9", number: 9, title: "Prévention femmes", hasProgress: true },
  ],
  ...over,
});

describe("quarters", () => {
  it("names, bounds and lists quarters", () => {
    expect(quarterLabel({ year: 2021, quarter: 3 })).toBe("3e trimestre 2021");
    expect(quarterLabel({ year: 2022, quarter: 1 })).toBe("1er trimestre 2022");
    expect(quarterRange({ year: 2021, quarter: 4 })).toEqual({ start: "2021-10-01", end: "2021-12-31" });
    expect(quarterOfDay("2021-09-30")).toEqual({ year: 2021, quarter: 3 });
    expect(daysToQuarterEnd("2021-09-16")).toBe(14);
    expect(daysToQuarterEnd("2021-12-31")).toBe(0);
    expect(contractQuarters("2021-02-01", "2023-12-31", "2021-08-10")).toEqual([
      { year: 2021, quarter: 3 },
      { year: 2021, quarter: 2 },
      { year: 2021, quarter: 1 },
    ]);
    expect(contractQuarters("2021-02-01", "2021-06-30", "2026-11-29")).toHaveLength(2);
  });
});

describe("the reminder rule", () => {
  it("is due in the last 14 days of a quarter, for the quiet fiches only, in fiche order", () => {
    expect(dueReminders("2021-09-15", [lead()])).toEqual([]);
    expect(dueReminders("2021-09-16", [lead()])).toEqual([{ userId: "u1", contractId: "c1", fiches: [expect.objectContaining({ number: 5 }), expect.objectContaining({ number: 6 })] }]);
  });
  it("is not sent twice, nor to who opted out, nor when every fiche moved", () => {
    expect(dueReminders("2021-09-20", [lead({ alreadyReminded: true })])).toEqual([]);
    expect(dueReminders("2021-09-20", [lead({ optedOut: true })])).toEqual([]);
    expect(dueReminders("2021-09-20", [lead({ fiches: [{ id: "a", number: 1, title: "t", hasProgress: true }] })])).toEqual([]);
  });
});

describe("sending the reminders on the demo", () => {
  let ctx: TestContext;
  let sophie: TestClient;
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
    sophie = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
  });
  const mails = async () => {
    const names = (await readdir(ctx.outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith(".json"));
    return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(ctx.outboxDir, n), "utf8")) as { to: string; subject: string; text: string }));
  };
  const sent = async () => (await ctx.database.db.select({ n: count() }).from(reviewReminders))[0]!.n;

  it("mails Sophie Leroy once about FA 5 and FA 6, quiet in Q4 2021, with a link to each", async () => {
    expect((await sendReviewReminders(ctx.database.db, ctx.server.mailer, "http://localhost:3000", "2021-12-01")).sent).toBe(0);
    expect(await sent()).toBe(0);
    const first = await sendReviewReminders(ctx.database.db, ctx.server.mailer, "http://localhost:3000", "2021-12-20");
    expect(first).toEqual({ sent: 1, quarter: { year: 2021, quarter: 4 } });
    const [mail] = (await mails()).filter((m) => m.to === "sophie.leroy@camvs.test");
    expect(mail!.subject).toMatch(/Melun Val de Seine.* : 2 fiches sans avancement ce trimestre$/);
    expect(mail!.text).toContain("le trimestre se termine le 31 décembre 2021");
    expect(mail!.text).toMatch(/- FA 5 « .+ » : http:\/\/localhost:3000\/contrats\/[0-9a-f-]+\/fiches\/[0-9a-f-]+\/suivi#avancement/);
    expect(mail!.text).toContain("- FA 6 « Journée de la Santé »");
    expect(mail!.text).toContain("http://localhost:3000/mon-compte");
    // Once per quarter: the next check sends nothing.
    expect((await sendReviewReminders(ctx.database.db, ctx.server.mailer, "http://localhost:3000", "2021-12-27")).sent).toBe(0);
    expect(await sent()).toBe(1);
  });

  it("records nothing when the mail could not be sent, so that the next check tries again", async () => {
    const errors: unknown[] = [];
    const down = { ...ctx.server.mailer, send: () => Promise.reject(new Error("serveur SMTP injoignable")) };
    const before = await sent();
    expect((await sendReviewReminders(ctx.database.db, down, "http://localhost:3000", "2022-06-20", (e) => errors.push(e))).sent).toBe(0);
    expect(errors).toHaveLength(1);
    expect(await sent()).toBe(before);
    expect((await sendReviewReminders(ctx.database.db, ctx.server.mailer, "http://localhost:3000", "2022-06-21")).sent).toBe(1);
    expect(await sent()).toBe(before + 1);
  });

  it("sends nothing to a lead who opted out", async () => {
    await sophie.inject({ method: "PUT", url: "/api/account/preferences", payload: { reviewReminders: false } });
    expect((await sendReviewReminders(ctx.database.db, ctx.server.mailer, "http://localhost:3000", "2022-03-25")).sent).toBe(0);
    await sophie.inject({ method: "PUT", url: "/api/account/preferences", payload: { reviewReminders: true } });
    expect((await sendReviewReminders(ctx.database.db, ctx.server.mailer, "http://localhost:3000", "2022-03-25")).sent).toBe(1);
  });
});
