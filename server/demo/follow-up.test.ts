import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { actions, adjustments, contracts, followUpItems, governanceBodies, indicatorMeasurements, meetingParticipants, meetings, progressEntries } from "../db/schema.js";
import { openTestDatabase } from "../testing/database.js";
import { demoFollowUp } from "./follow-up.js";
import { DEMO_CONTRACTS } from "./load.js";
import { seedDemo } from "./seed.js";

let database: Database;
let camvs: string;
let capvm: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db);
  const id = async (slug: string) => (await database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  camvs = await id("camvs-2021-2023");
  capvm = await id("capvm-2019-2022");
}, 60_000);

afterAll(async () => {
  await database?.close();
});

const parisDay = (d: Date) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(d);

async function meetingsOf(contractId: string) {
  return database.db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, headCount: meetings.headCount, decisions: meetings.decisions, minutes: meetings.minutes, body: governanceBodies.kind })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(eq(meetings.contractId, contractId))
    .orderBy(asc(meetings.startsAt));
}

describe("the CAMVS follow-up, as its Q3 2021 review tells it", () => {
  it("holds the survey of 30/06, the COTECH of 14/09, the residents' working group of 21/09, the CPTS meeting of 28/09 and the next COPIL of 07/12/2021", async () => {
    const held = await meetingsOf(camvs);
    const when = held.map((m) => `${parisDay(m.startsAt)} ${m.body}`);
    expect(when).toEqual(
      expect.arrayContaining(["30/06/2021 09:00 residents", "14/09/2021 10:00 cotech", "21/09/2021 14:00 working_group", "28/09/2021 20:00 working_group", "07/12/2021 10:00 copil"]),
    );
    // The review counts the survey's 17 respondents, not the Rencontres' participants: no head count.
    const survey = held.find((m) => m.body === "residents")!;
    expect(survey.headCount).toBeNull();
    expect(survey.minutes).toContain("Le sondage a été complété par 17 personnes");
  });

  it("records the COTECH's 14 participants, its attendance by organisation and its four orientations", async () => {
    const cotech = (await meetingsOf(camvs)).find((m) => m.body === "cotech")!;
    expect(cotech.headCount).toBe(14);
    expect(cotech.decisions).toHaveLength(4);
    expect(cotech.minutes).toContain("Faculté de Médecine de Melun");
    const present = await database.db.select().from(meetingParticipants).where(and(eq(meetingParticipants.meetingId, cotech.id), eq(meetingParticipants.present, true)));
    expect(present.length).toBeGreaterThanOrEqual(10);
    expect(present.every((p) => p.organisationId !== null)).toBe(true);
  });

  it("links the progress of FA 5 to the meeting with the CPAM, and proposes to merge FA 7 with FA 11", async () => {
    const fiche = async (n: number) => (await database.db.select().from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, n))))[0]!;
    const [fa5, fa7, fa11] = [await fiche(5), await fiche(7), await fiche(11)];
    const entries = await database.db.select().from(progressEntries).where(eq(progressEntries.actionId, fa5.id));
    expect(entries.some((e) => e.meetingId !== null && e.text.includes("mettre à jour la fiche"))).toBe(true);
    const [merge] = await database.db.select().from(adjustments).where(and(eq(adjustments.actionId, fa7.id), eq(adjustments.kind, "merge")));
    expect(merge).toMatchObject({ targetActionId: fa11.id, status: "proposed" });
    // Proposed only: nothing is merged yet.
    expect(fa7.mergedIntoId).toBeNull();
  });

  it("has the transversal and process rows of the 2021 COTECH table", async () => {
    const items = await database.db.select().from(followUpItems).where(eq(followUpItems.contractId, camvs));
    expect(items.filter((i) => i.section === "transversal")).toHaveLength(2);
    expect(items.find((i) => i.section === "process" && i.title.startsWith("Comité technique"))?.adjustments).toBe("Un comité technique par an semble plus adéquat ?");
  });
});

describe("the CAPVM follow-up", () => {
  it("is marked illustrative in every meeting title and progress text", async () => {
    expect(demoFollowUp("capvm").illustrative).toBe(true);
    const held = await meetingsOf(capvm);
    expect(held.length).toBeGreaterThanOrEqual(3);
    expect(held.every((m) => m.title.includes("illustratif"))).toBe(true);
    const entries = await database.db
      .select({ text: progressEntries.text })
      .from(progressEntries)
      .innerJoin(actions, eq(actions.id, progressEntries.actionId))
      .where(eq(actions.contractId, capvm));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.text.startsWith("(Illustratif)"))).toBe(true);
    const measured = await database.db.select().from(indicatorMeasurements).innerJoin(actions, eq(actions.id, indicatorMeasurements.actionId)).where(eq(actions.contractId, capvm));
    expect(measured.every((m) => m.indicator_measurements.comment.toLowerCase().includes("illustratif"))).toBe(true);
  });

  it("expects two COPIL a year, as its contract says", async () => {
    const [copil] = await database.db.select().from(governanceBodies).where(and(eq(governanceBodies.contractId, capvm), eq(governanceBodies.kind, "copil")));
    expect(copil).toMatchObject({ rhythmKind: "per_year", rhythmValue: 2 });
  });

  it("every demo contract has a follow-up file that validates", () => {
    for (const name of DEMO_CONTRACTS) expect(demoFollowUp(name).bodies.length).toBeGreaterThan(0);
  });
});
