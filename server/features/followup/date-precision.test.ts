/**
 * Milestones and progress entries known only by their month (issue 18): stored as the month's
 * 1st with the precision « month », written by their month on the follow-up, the COTECH table
 * and the fiche's history; a month not given by its 1st, or an unknown precision, refused on
 * its field with nothing written.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { milestones, progressEntries } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let lead: TestClient;
let camvs: string;
let fa5: string;
let fa9: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  camvs = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fa5 = list.find((a) => a.number === 5)!.id;
  fa9 = list.find((a) => a.number === 9)!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const rows = async () => ({
  milestones: (await ctx.database.db.select({ n: count() }).from(milestones))[0]!.n,
  progress: (await ctx.database.db.select({ n: count() }).from(progressEntries))[0]!.n,
});
const MONTH_ERROR = "Une date connue au mois seulement s'indique par le 1er du mois (AAAA-MM-01).";

describe("dates known only by their month", () => {
  it("loads the demo's months as the review gives them: « en août » at FA 5, the GT of 03/2021 at FA 9", async () => {
    const progress = (await ctx.app.inject({ url: `/api/actions/${fa5}/progress` })).json<{ items: { happenedOn: string; happenedOnPrecision: string; text: string }[] }>().items;
    expect(progress.find((p) => p.text.startsWith("Rencontre avec la CPAM en août"))).toMatchObject({ happenedOn: "2021-08-01", happenedOnPrecision: "month" });
    const steps = (await ctx.app.inject({ url: `/api/actions/${fa9}/milestones` })).json<{ items: { title: string; doneOn: string | null; doneOnPrecision: string; schedule: string }[] }>().items;
    expect(steps.find((m) => m.title === "Groupe de travail")).toMatchObject({ doneOn: "2021-03-01", doneOnPrecision: "month", schedule: "prévu T1 2021, réalisé en mars 2021" });
    const table = (await ctx.app.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2021` })).json<{ axes: { objectives: { rows: { action: { number: number }; progress: { happenedOn: string; happenedOnPrecision: string }[] }[] }[] }[] }>();
    const fa5Row = table.axes.flatMap((a) => a.objectives.flatMap((o) => o.rows)).find((r) => r.action.number === 5)!;
    expect(fa5Row.progress).toContainEqual(expect.objectContaining({ happenedOn: "2021-08-01", happenedOnPrecision: "month" }));
  });

  it("records a milestone done in a month and a progress entry of a month, and says them by their month", async () => {
    const created = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "Réunion d'information", plannedBy: "2021-09-30", doneOn: "2021-07-01", doneOnPrecision: "month" } });
    expect(created.statusCode).toBe(201);
    const m = created.json<{ id: string; version: number }>();
    expect(created.json()).toMatchObject({ doneOn: "2021-07-01", doneOnPrecision: "month", schedule: "prévu T3 2021, réalisé en juillet 2021" });
    // Back to a precise day.
    const fixed = await lead.inject({ method: "PUT", url: `/api/milestones/${m.id}`, payload: { title: "Réunion d'information", plannedBy: "2021-09-30", doneOn: "2021-07-15", doneOnPrecision: "day", version: m.version } });
    expect(fixed.json()).toMatchObject({ doneOn: "2021-07-15", doneOnPrecision: "day", schedule: "prévu T3 2021, réalisé le 15/07/2021" });
    // Not done: no precision kept.
    const undone = await lead.inject({ method: "PUT", url: `/api/milestones/${m.id}`, payload: { title: "Réunion d'information", plannedBy: "2021-09-30", doneOn: null, doneOnPrecision: "month", version: m.version + 1 } });
    expect(undone.json()).toMatchObject({ doneOn: null, doneOnPrecision: "day" });

    const entry = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-07-01", happenedOnPrecision: "month", text: "Échanges avec les centres sociaux." } });
    expect(entry.statusCode).toBe(201);
    expect(entry.json()).toMatchObject({ happenedOn: "2021-07-01", happenedOnPrecision: "month" });
    const history = (await ctx.app.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string; changes: { label: string; after: string | null }[] }[] }>();
    expect(history.items[0]!.summary).toMatch(/^Sophie Leroy a ajouté l'état d'avancement de juillet 2021 le /);
    expect(history.items[0]!.changes).toContainEqual(expect.objectContaining({ label: "Date de l'avancement", after: "juillet 2021" }));
    const e = entry.json<{ id: string; version: number }>();
    const moved = await lead.inject({ method: "PUT", url: `/api/progress/${e.id}`, payload: { happenedOn: "2021-08-01", happenedOnPrecision: "month", text: "Échanges avec les centres sociaux.", version: e.version } });
    expect(moved.json()).toMatchObject({ happenedOn: "2021-08-01", happenedOnPrecision: "month", version: e.version + 1 });
    expect((await ctx.app.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string }[] }>().items[0]!.summary).toMatch(/l'état d'avancement d'août 2021 le /);
  });

  it("refuses a month not given by its 1st and an unknown precision, on their field, writing nothing", async () => {
    const before = await rows();
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-08-24", happenedOnPrecision: "month", text: "Rencontre" } }), 400).errors).toEqual([
      { path: "happenedOn", message: MONTH_ERROR },
    ]);
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-08-01", happenedOnPrecision: "semaine", text: "Rencontre" } }), 400).errors).toEqual([
      { path: "happenedOnPrecision", message: "Choisissez « jour précis » ou « mois seulement »." },
    ]);
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "GT", plannedBy: "2021-06-30", doneOn: "2021-06-22", doneOnPrecision: "month" } }), 400).errors).toEqual([
      { path: "doneOn", message: MONTH_ERROR },
    ]);
    const m = (await lead.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "Bilan", plannedBy: "2021-12-31" } })).json<{ id: string; version: number }>();
    const afterCreate = await rows();
    expect(expectProblem(await lead.inject({ method: "PUT", url: `/api/milestones/${m.id}`, payload: { title: "Bilan", plannedBy: "2021-12-31", doneOn: "2021-12-15", doneOnPrecision: "month", version: m.version } }), 400).errors).toEqual([
      { path: "doneOn", message: MONTH_ERROR },
    ]);
    // A month to come is still in the future.
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2099-01-01", happenedOnPrecision: "month", text: "Plus tard" } }), 400).errors?.[0]?.path).toBe("happenedOn");
    expect(await rows()).toEqual(afterCreate);
    expect(afterCreate).toEqual({ ...before, milestones: before.milestones + 1 });
    const stored = (await ctx.app.inject({ url: `/api/actions/${fa5}/milestones` })).json<{ items: { id: string; doneOn: string | null; version: number }[] }>().items.find((i) => i.id === m.id);
    expect(stored).toMatchObject({ doneOn: null, version: m.version });
  });
});
