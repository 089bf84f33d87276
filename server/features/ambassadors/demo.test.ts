/** The CAPVM demo's ambassadors (server/demo/ambassadors.ts): fictitious, in La Renardière, linked to FA 16, counted as the network page shows them. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ambassadors } from "../../db/schema.js";
import { seedAmbassadors } from "../../demo/ambassadors.js";
import { startAmbassadorTest, type AmbassadorTest } from "./ambassadors.fixtures.js";

let t: AmbassadorTest;
beforeAll(async () => {
  t = await startAmbassadorTest();
  // Once the demo seed loads them, they are there already; until then, loaded here.
  const present = await t.ctx.database.db.select({ id: ambassadors.id }).from(ambassadors).where(eq(ambassadors.contractId, t.capvm));
  if (!present.length) await seedAmbassadors(t.ctx.database.db, "capvm-2019-2022");
}, 120_000);
afterAll(async () => {
  await t?.ctx.close();
});

describe("the CAPVM demo network", () => {
  it("has four fictitious ambassadors in La Renardière, two trainings and five activities over 2022–2023, all for FA 16", async () => {
    const roster = (await t.coordinator.inject({ url: `/api/contracts/${t.capvm}/ambassadors` })).json<{ items: { lastName: string; priorityArea: string; consentVersion: string }[] }>();
    expect(roster.items).toHaveLength(4);
    expect(roster.items.every((a) => a.lastName.endsWith("(illustratif)") && a.priorityArea === "La Renardière")).toBe(true);
    const res = await t.ars.inject({ url: `/api/contracts/${t.capvm}/ambassador-network?from=2022-01-01&to=2023-12-31` });
    expect(res.statusCode, res.body).toBe(200);
    const network = res.json<{ totals: object; areas: { name: string; activeAmbassadors: number }[]; trainings: { actionIds: string[] }[]; activities: { actionIds: string[]; description: string }[] }>();
    expect(network.totals).toEqual({ activeAmbassadors: 4, trainedAmbassadors: 4, trainings: 2, trainingAttendances: 6, activities: 5, residentsReached: 250 });
    expect(network.areas).toEqual([expect.objectContaining({ name: "La Renardière", activeAmbassadors: 4, activities: 5, residentsReached: 250 })]);
    expect([...network.trainings, ...network.activities].every((x) => x.actionIds.length === 1 && x.actionIds[0] === t.fa16)).toBe(true);
    expect(network.activities.every((a) => a.description.endsWith("(illustratif)"))).toBe(true);
    // Kévin left in June 2023: not active at the end of 2023.
    const end = (await t.ars.inject({ url: `/api/contracts/${t.capvm}/ambassador-network?to=2023-12-31` })).json<{ totals: { activeAmbassadors: number } }>();
    expect(end.totals.activeAmbassadors).toBe(3);
  });
});
