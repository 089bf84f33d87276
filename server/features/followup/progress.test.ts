import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressEntries } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let lead: TestClient;
let camvs: string;
let capvm: string;
let fa5: string;
let fa1: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  capvm = contracts.find((c) => c.slug === "capvm-2019-2022")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fa5 = list.find((a) => a.number === 5)!.id;
  fa1 = list.find((a) => a.number === 1)!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const entries = async () => (await ctx.database.db.select({ n: count() }).from(progressEntries))[0]!.n;

async function meetingOf(contractId: string): Promise<string> {
  const body = (await ctx.app.inject({ method: "POST", url: `/api/contracts/${contractId}/bodies`, payload: { kind: "cotech", name: "COTECH" } })).json<{ id: string }>();
  const res = await ctx.app.inject({ method: "POST", url: `/api/contracts/${contractId}/meetings`, payload: { bodyId: body.id, title: "COTECH", startsAt: "2021-09-14T14:00:00+02:00", endsAt: "2021-09-14T16:00:00+02:00" } });
  return res.json<{ id: string }>().id;
}

describe("progress entries (état d'avancement)", () => {
  it("lets the lead record what was done, linked to a COTECH and a milestone, under their name, newest first", async () => {
    const cotech = await meetingOf(camvs);
    const milestone = (await lead.inject({ method: "POST", url: `/api/actions/${fa5}/milestones`, payload: { title: "Premières permanences", plannedBy: "2021-09-30" } })).json<{ id: string }>();
    const first = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-06-15", text: "Convention signée avec le CCAS." } });
    expect(first.statusCode).toBe(201);
    const second = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-09-14", text: "Trois permanences tenues ; bilan présenté au COTECH.", meetingId: cotech, milestoneIds: [milestone.id] } });
    expect(second.json()).toMatchObject({ authorName: "Sophie Leroy", meetingId: cotech, milestoneIds: [milestone.id] });
    const list = (await ctx.app.inject({ url: `/api/actions/${fa5}/progress` })).json<{ items: { happenedOn: string }[] }>();
    // Newest first, among the demo's own entry of August 2021 (known by its month: its 1st).
    expect(list.items.map((e) => e.happenedOn)).toEqual(["2021-09-14", "2021-08-01", "2021-06-15"]);
    const history = (await ctx.app.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string }[] }>();
    expect(history.items[0]!.summary).toMatch(/^Sophie Leroy a ajouté l'état d'avancement du 14\/09\/2021 le /);
  });

  it("corrects an entry with the version read", async () => {
    const e = (await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-10-01", text: "Brouillon" } })).json<{ id: string; version: number }>();
    const fixed = await lead.inject({ method: "PUT", url: `/api/progress/${e.id}`, payload: { happenedOn: "2021-10-02", text: "Texte corrigé", version: e.version } });
    expect(fixed.json()).toMatchObject({ text: "Texte corrigé", version: e.version + 1 });
    expectProblem(await lead.inject({ method: "PUT", url: `/api/progress/${e.id}`, payload: { happenedOn: "2021-10-02", text: "Autre", version: e.version } }), 409);
  });

  it("refuses a future date, a meeting of another contract, a milestone of another fiche, and a fiche the lead does not lead — writing nothing", async () => {
    const before = await entries();
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2099-01-01", text: "Plus tard" } }), 400).errors?.[0]?.path).toBe("happenedOn");
    const foreignMeeting = await meetingOf(capvm);
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-09-14", text: "x", meetingId: foreignMeeting } }), 400).errors).toEqual([
      { path: "meetingId", message: "Choisissez une réunion de ce contrat." },
    ]);
    const otherMilestone = (await ctx.app.inject({ method: "POST", url: `/api/actions/${fa1}/milestones`, payload: { title: "Étude", plannedBy: "2021-12-31" } })).json<{ id: string }>();
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-09-14", text: "x", milestoneIds: [otherMilestone.id] } }), 400).errors).toEqual([
      { path: "milestoneIds.0", message: "Cette étape n'appartient pas à cette fiche." },
    ]);
    expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa1}/progress`, payload: { happenedOn: "2021-09-14", text: "Pas ma fiche" } }), 403);
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/progress`, payload: { happenedOn: "2021-09-14", text: "   " } }), 400).errors?.[0]?.path).toBe("text");
    expect(await entries()).toBe(before);
  });
});
