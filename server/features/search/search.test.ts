/**
 * Search across a contract (issue 15, item 11) on the demo: what the issue says found nothing
 * (« CPAM », « Octobre Rose », « MAS », « Melun ») is found, accents or not; who may search;
 * and nothing of another contract comes up.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contracts } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import type { SearchResult } from "./schema-out.js";

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let ars: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let camvs: string;
let capvm: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  [coordinator, partner, ars, outsider, anonymous] = await Promise.all([
    signedInClient(ctx.server, "marie.dupont@camvs.test"),
    signedInClient(ctx.server, "karim.benali@cpam77.test"),
    signedInClient(ctx.server, "ars77@ars-idf.test"),
    signedInClient(ctx.server, "thomas.petit@capvm.test"),
    anonymousClient(ctx.server),
  ]);
  const idOf = async (slug: string) => (await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  camvs = await idOf("camvs-2021-2023");
  capvm = (await ctx.database.db.select({ id: contracts.id, slug: contracts.slug }).from(contracts)).find((c) => c.id !== camvs)!.id;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

async function search(q: string, client = coordinator, contractId = camvs): Promise<SearchResult> {
  const res = await client.inject({ url: `/api/contracts/${contractId}/search?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchResult>();
}
const group = (r: SearchResult, kind: string) => r.groups.find((g) => g.kind === kind)!;
const marked = (h: { text: string; marks: { start: number; end: number }[] }) => h.marks.map((m) => h.text.slice(m.start, m.end));

describe("what the demo holds is found", () => {
  it("« Octobre Rose » finds the milestone of FA 9, linked to its fiche, and the progress entry that mentions it", async () => {
    const r = await search("Octobre Rose");
    const milestone = group(r, "milestone").items[0]!;
    expect(milestone.title.text).toBe("Campagne Octobre Rose");
    expect(marked(milestone.title)).toEqual(["Octobre Rose"]);
    expect(milestone.action).toMatchObject({ number: 9 });
    expect(milestone.date).toBe("2021-10-31");
    const progress = group(r, "progress").items;
    expect(progress.some((p) => p.snippet!.text.includes("Octobre Rose") && p.action!.number === 9)).toBe(true);
    expect(r.groups.map((g) => g.kind)).toEqual(["fiche", "milestone", "progress", "meeting"]);
    expect(r.total).toBe(r.groups.reduce((n, g) => n + g.count, 0));
  });

  it("« CPAM » finds the fiche of the Mission Accompagnement Santé, the meeting with the CPAM, and « CAF/CPAM » in a progress entry", async () => {
    const r = await search("CPAM");
    const fiche = group(r, "fiche").items.find((f) => f.action!.number === 5)!;
    expect(marked(fiche.snippet!)).toContain("CPAM");
    const meeting = group(r, "meeting").items.find((m) => m.title.text.startsWith("Rencontre avec la CPAM 77"))!;
    expect(meeting.meetingId).toBe(meeting.id);
    expect(meeting.bodyName).toBeTruthy();
    expect(marked(meeting.title)).toEqual(["CPAM"]);
    expect(group(r, "progress").items.some((p) => p.snippet!.text.includes("CAF/CPAM"))).toBe(true);
    expect(group(r, "milestone").items.some((m) => m.title.text.includes("CPAM"))).toBe(true);
  });

  it("« MAS » finds the milestone about the MAS's annual report, and « Melun » what names the town", async () => {
    const mas = await search("MAS");
    expect(group(mas, "milestone").items.map((m) => m.title.text)).toContain("Rencontre avec la CPAM sur le bilan annuel de la MAS");
    const melun = await search("Melun");
    expect(melun.total).toBeGreaterThan(0);
    expect(group(melun, "fiche").count + group(melun, "meeting").count).toBeGreaterThan(0);
    for (const g of melun.groups) for (const hit of g.items) expect([...marked(hit.title), ...(hit.snippet ? marked(hit.snippet) : [])].join(" ")).toMatch(/melun/i);
  });

  it("finds « santé » typed with or without its accent, and marks the accented word", async () => {
    const accented = await search("santé");
    const plain = await search("sante");
    expect(accented.total).toBeGreaterThan(0);
    expect(plain.groups.map((g) => g.count)).toEqual(accented.groups.map((g) => g.count));
    const hit = group(plain, "fiche").items[0]!;
    expect([...marked(hit.title), ...marked(hit.snippet!)].some((w) => /^santé/i.test(w))).toBe(true);
  });

  it("finds a fiche by its number, first", async () => {
    const r = await search("FA 9");
    expect(group(r, "fiche").items[0]!.action!.number).toBe(9);
  });

  it("the partner and the ARS find the same as the coordinator", async () => {
    const mine = await search("Octobre Rose");
    expect(await search("Octobre Rose", partner)).toEqual(mine);
    expect(await search("Octobre Rose", ars)).toEqual(mine);
  });

  it("finds nothing of another contract, which its own readers find there", async () => {
    const there = await search("Noisiel", outsider, capvm);
    expect(there.total).toBeGreaterThan(0);
    const here = await search("Noisiel");
    expect(here.total).toBe(0);
    expect(here.groups.every((g) => g.items.length === 0)).toBe(true);
  });
});

describe("who may search, and what is refused", () => {
  it("refuses a query of one character with a French field error", async () => {
    const res = await coordinator.inject({ url: `/api/contracts/${camvs}/search?q=a` });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "querystring.q", message: "Saisissez au moins 2 caractères." })]);
  });

  it("refuses a query of more than 200 characters, and none at all", async () => {
    expectProblem(await coordinator.inject({ url: `/api/contracts/${camvs}/search?q=${"a".repeat(201)}` }), 400);
    expectProblem(await coordinator.inject({ url: `/api/contracts/${camvs}/search` }), 400);
  });

  it("asks to sign in (401), and hides the contract from someone outside it (404)", async () => {
    expectProblem(await anonymous.inject({ url: `/api/contracts/${camvs}/search?q=CPAM` }), 401);
    const problem = expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/search?q=CPAM` }), 404);
    expect(problem.detail).toBe("Ce contrat est introuvable.");
  });

  it("answers 404 for a contract that does not exist, even to the admin", async () => {
    expectProblem(await ctx.app.inject({ url: `/api/contracts/00000000-0000-4000-8000-000000000000/search?q=CPAM` }), 404);
  });

  it("takes the query as words, not SQL or HTML: quotes, percent signs and tags find nothing and break nothing", async () => {
    for (const q of ["'; drop table actions; --", "100%_", "<script>alert(1)</script>", '"octobre rose" -melun', "le la"]) {
      const r = await search(q);
      expect(r.q).toBe(q);
    }
    expect(group(await search('"octobre rose" -melun'), "milestone").count).toBeGreaterThan(0);
  });
});
