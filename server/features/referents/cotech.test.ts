/**
 * The COTECH table's and deck's process row about referents (issue 18, item 1) is filled from
 * the communes' referents: how many communes have both, as of the table's day or the
 * committee's (a referent named after the committee does not count in its deck).
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { referentPayload } from "../../testing/matrix/cases/referents.js";

interface Table {
  process: { title: string; computed: string | null }[];
  transversal: { computed: string | null }[];
  referentsLine: string | null;
}

let ctx: TestContext;
let coordinator: TestClient;
let camvs: string;
let cotech: string;
let communes: { id: string }[];

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  camvs = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items.find((c) => c.slug === "camvs-2021-2023")!.id;
  cotech = (await ctx.app.inject({ url: `/api/contracts/${camvs}/meetings` })).json<{ items: { id: string; title: string }[] }>().items.find((m) => m.title === "Comité technique 2021")!.id;
  communes = (await coordinator.inject({ url: `/api/contracts/${camvs}/referents` })).json<{ communes: { id: string }[] }>().communes;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const table = async () => {
  const res = await coordinator.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2021` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Table>();
};
const referentsRow = (t: Table) => t.process.find((r) => r.title.startsWith("Mise en place d'un(e) référent(e)"))!;
const name = async (communeId: string, role: string, namedOn: string) => {
  const res = await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/communes/${communeId}/referents/${role}`, payload: referentPayload({ namedOn }) });
  expect(res.statusCode, res.body).toBe(200);
};
async function deckText(): Promise<string> {
  const res = await coordinator.inject({ url: `/api/contracts/${camvs}/deck.pptx?year=2021&meetingId=${cotech}` });
  expect(res.statusCode).toBe(200);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const slides = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
  return slides.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(" ")).join("\n").replace(/&apos;/g, "'");
}

describe("the process row « référents » of the COTECH table and deck", () => {
  it("says no commune has both referents while the demo names none, on that row only", async () => {
    const t = await table();
    expect(referentsRow(t).computed).toBe(`Aucune commune sur ${communes.length} n'a encore ses deux référents (technique et élu)`);
    expect(t.process.filter((r) => r.computed !== null)).toHaveLength(1);
    expect(t.transversal.every((r) => r.computed === null)).toBe(true);
    expect(t.referentsLine).toBeNull();
  });

  it("counts the communes with both, as of the table's day and as of the committee's for its deck", async () => {
    await name(communes[0]!.id, "technical", "2021-06-01");
    await name(communes[0]!.id, "elected", "2021-09-01");
    await name(communes[1]!.id, "technical", "2021-06-01");
    await name(communes[1]!.id, "elected", "2021-10-05");
    expect(referentsRow(await table()).computed).toBe(`2 communes sur ${communes.length} ont leurs deux référents (technique et élu)`);
    // On 14/09/2021 the second commune had its technical referent only.
    expect(await deckText()).toContain(`1 commune sur ${communes.length} a ses deux référents (technique et élu)`);
  });
});
