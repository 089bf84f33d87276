/** The reminder before a milestone: the rule, then the mail sent once to the CAMVS lead, again when the milestone moves, never after an opt-out. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, contracts, milestoneReminders, milestones } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { dueMilestoneReminders, type MilestoneFacts, sendMilestoneReminders } from "./milestone-reminders.js";

const fact = (over: Partial<MilestoneFacts> = {}): MilestoneFacts => ({
  milestoneId: "m1",
  userId: "u1",
  contractId: "c1",
  plannedBy: "2022-03-10",
  doneOn: null,
  optedOut: false,
  alreadyReminded: false,
  ...over,
});

describe("the milestone reminder rule", () => {
  it("is due from 7 days before the date to the date itself, soonest first, grouped per lead and contract", () => {
    expect(dueMilestoneReminders("2022-03-02", [fact()])).toEqual([]);
    expect(dueMilestoneReminders("2022-03-03", [fact(), fact({ milestoneId: "m0", plannedBy: "2022-03-05" })])).toEqual([{ userId: "u1", contractId: "c1", milestoneIds: ["m0", "m1"] }]);
    expect(dueMilestoneReminders("2022-03-10", [fact()])).toHaveLength(1);
    expect(dueMilestoneReminders("2022-03-11", [fact()])).toEqual([]);
    expect(dueMilestoneReminders("2022-03-05", [fact(), fact({ userId: "u2" }), fact({ contractId: "c2", milestoneId: "m2" })])).toHaveLength(3);
  });
  it("is not sent for a done milestone, twice, or to who opted out", () => {
    expect(dueMilestoneReminders("2022-03-05", [fact({ doneOn: "2022-03-01" })])).toEqual([]);
    expect(dueMilestoneReminders("2022-03-05", [fact({ alreadyReminded: true })])).toEqual([]);
    expect(dueMilestoneReminders("2022-03-05", [fact({ optedOut: true })])).toEqual([]);
  });
});

describe("sending the milestone reminders on the demo", () => {
  let ctx: TestContext;
  let sophie: TestClient;
  let milestoneId: string;
  const url = "http://localhost:3000";
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
    sophie = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
    const db = ctx.database.db;
    // Sophie Leroy leads FA 5 and FA 6 of CAMVS: a milestone of FA 6 on 15 March 2023, not done.
    const [camvs] = await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023"));
    const [fa6] = await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs!.id), eq(actions.number, 6)));
    const [fa1] = await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs!.id), eq(actions.number, 1)));
    // Nothing else of the demo is due around then.
    await db.delete(milestones).where(inArray(milestones.actionId, [fa6!.id, fa1!.id]));
    [{ id: milestoneId }] = await db.insert(milestones).values({ actionId: fa6!.id, title: "Bilan de la Journée de la Santé", plannedBy: "2023-03-15", originallyBy: "2023-03-15", position: 1 }).returning({ id: milestones.id }) as [{ id: string }];
    // A milestone of a fiche she does not lead: never in her mail.
    await db.insert(milestones).values({ actionId: fa1!.id, title: "Étape d'une autre fiche", plannedBy: "2023-03-14", originallyBy: "2023-03-14", position: 1 });
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
  });
  const mails = async () => {
    const names = (await readdir(ctx.outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith(".json"));
    return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(ctx.outboxDir, n), "utf8")) as { to: string; subject: string; text: string }));
  };
  const recorded = async () => (await ctx.database.db.select({ n: count() }).from(milestoneReminders))[0]!.n;
  const forSophie = async () => (await mails()).filter((m) => m.to === "sophie.leroy@camvs.test" && m.subject.includes("échéance"));

  it("mails Sophie Leroy once, 7 days before, with the fiche and a link to its follow-up", async () => {
    expect((await sendMilestoneReminders(ctx.database.db, ctx.server.mailer, url, "2023-03-07")).sent).toBe(0);
    expect(await sendMilestoneReminders(ctx.database.db, ctx.server.mailer, url, "2023-03-08")).toEqual({ sent: 1 });
    const [mail] = await forSophie();
    expect(mail!.subject).toMatch(/Melun Val de Seine.* : une étape arrive à échéance$/);
    expect(mail!.text).toContain("« Bilan de la Journée de la Santé », prévue le 15 mars 2023 (FA 6 « Journée de la Santé »)");
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/contrats\/[0-9a-f-]+\/fiches\/[0-9a-f-]+\/suivi#avancement/);
    expect(mail!.text).not.toContain("Étape d'une autre fiche");
    expect(mail!.text).toContain("http://localhost:3000/mon-compte");
    expect((await sendMilestoneReminders(ctx.database.db, ctx.server.mailer, url, "2023-03-10")).sent).toBe(0);
    expect(await recorded()).toBe(1);
  });

  it("reminds again when the milestone moves, and never once it is done", async () => {
    await ctx.database.db.update(milestones).set({ plannedBy: "2023-04-03" }).where(eq(milestones.id, milestoneId));
    expect((await sendMilestoneReminders(ctx.database.db, ctx.server.mailer, url, "2023-03-29")).sent).toBe(1);
    expect(await forSophie()).toHaveLength(2);
    await ctx.database.db.update(milestones).set({ plannedBy: "2023-05-03", doneOn: "2023-03-30" }).where(eq(milestones.id, milestoneId));
    expect((await sendMilestoneReminders(ctx.database.db, ctx.server.mailer, url, "2023-04-30")).sent).toBe(0);
    await ctx.database.db.update(milestones).set({ doneOn: null }).where(eq(milestones.id, milestoneId));
  });

  it("records nothing when the mail could not be sent, and sends nothing after an opt-out", async () => {
    const errors: unknown[] = [];
    const down = { ...ctx.server.mailer, send: () => Promise.reject(new Error("serveur SMTP injoignable")) };
    const before = await recorded();
    expect((await sendMilestoneReminders(ctx.database.db, down, url, "2023-04-30", (e) => errors.push(e))).sent).toBe(0);
    expect(errors).toHaveLength(1);
    expect(await recorded()).toBe(before);
    expect((await sophie.inject({ method: "PUT", url: "/api/account/preferences", payload: { milestoneReminders: false } })).statusCode).toBe(200);
    expect((await sendMilestoneReminders(ctx.database.db, ctx.server.mailer, url, "2023-04-30")).sent).toBe(0);
    await sophie.inject({ method: "PUT", url: "/api/account/preferences", payload: { milestoneReminders: true } });
    expect((await sendMilestoneReminders(ctx.database.db, ctx.server.mailer, url, "2023-04-30")).sent).toBe(1);
  });
});
