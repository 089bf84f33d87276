import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { milestones } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let lead: TestClient;
let fa5: string;
let fa1: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  const camvs = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fa5 = list.find((a) => a.number === 5)!.id;
  fa1 = list.find((a) => a.number === 1)!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const rows = async (actionId: string) => (await ctx.database.db.select({ n: count() }).from(milestones).where(eq(milestones.actionId, actionId)))[0]!.n;

describe("milestones (rétroplanning)", () => {
  it("lets the lead plan their fiche; moving a milestone keeps its first plan visible; the fiche's history tells it", async () => {
    const created = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "Recrutement de la coordinatrice", plannedBy: "2021-06-30", owner: "CCAS" } });
    expect(created.statusCode).toBe(201);
    const m = created.json<{ id: string; version: number; schedule: string; overdue: boolean }>();
    expect(m.schedule).toBe("prévu T2 2021");
    expect(m.overdue).toBe(true);
    const moved = await lead.inject({ method: "PUT", url: `/api/milestones/${m.id}`, payload: { title: "Recrutement de la coordinatrice", plannedBy: "2022-03-31", owner: "CCAS", version: m.version } });
    expect(moved.json()).toMatchObject({ schedule: "prévu T2 2021, reporté T1 2022", originallyBy: "2021-06-30", plannedBy: "2022-03-31" });
    const done = await lead.inject({ method: "PUT", url: `/api/milestones/${m.id}`, payload: { title: "Recrutement de la coordinatrice", plannedBy: "2022-03-31", owner: "CCAS", doneOn: "2022-02-03", version: m.version + 1 } });
    expect(done.json()).toMatchObject({ schedule: "prévu T2 2021, reporté T1 2022, réalisé le 03/02/2022", overdue: false });
    const history = (await lead.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string; changes: { label: string; before: string | null; after: string | null }[] }[] }>();
    expect(history.items[0]!.summary).toMatch(/^Sophie Leroy a modifié Calendrier de l'étape « Recrutement de la coordinatrice » le /);
    expect(history.items[0]!.changes).toEqual([{ field: "schedule", label: "Calendrier", before: "prévu T2 2021, reporté T1 2022", after: "prévu T2 2021, reporté T1 2022, réalisé le 03/02/2022" }]);
    const list = (await ctx.app.inject({ url: `/api/actions/${fa5}/milestones` })).json<{ items: { id: string }[] }>();
    // The demo's own milestones of FA 5 are listed with it.
    expect(list.items.map((i) => i.id)).toContain(m.id);
  });

  it("refuses bad dates, a milestone done in the future, a stale version, and a fiche the lead does not lead — writing nothing", async () => {
    const before = await rows(fa5);
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "", plannedBy: "2021-02-30" } }), 400).errors?.map((e) => e.path).sort()).toEqual(["plannedBy", "title"]);
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "Bilan", plannedBy: "2021-06-30", doneOn: "2099-01-01" } }), 400).errors).toEqual([
      { path: "doneOn", message: "Une étape ne peut pas être réalisée dans le futur." },
    ]);
    expect(await rows(fa5)).toBe(before);
    const beforeFa1 = await rows(fa1);
    expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa1}/milestones`, payload: { title: "Intrusion", plannedBy: "2021-06-30" } }), 403);
    expect(await rows(fa1)).toBe(beforeFa1);
    const m = (await ctx.app.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "Bilan", plannedBy: "2021-12-31" } })).json<{ id: string; version: number }>();
    expectProblem(await lead.inject({ method: "PUT", url: `/api/milestones/${m.id}`, payload: { title: "Bilan", plannedBy: "2022-12-31", version: m.version + 5 } }), 409);
    expect((await lead.inject({ method: "DELETE", url: `/api/milestones/${m.id}` })).statusCode).toBe(204);
    expect(expectProblem(await lead.inject({ method: "DELETE", url: `/api/milestones/${m.id}` }), 404).detail).toBe("Cette étape est introuvable.");
  });
});
