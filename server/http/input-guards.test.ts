/**
 * Issue 12, items 2 and 3: inputs that used to answer 500 (or break a contract for
 * every reader) are refused with a French 400 naming the field, and nothing is written.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, contracts, meetings } from "../db/schema.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { expectProblem } from "../testing/http.js";
import { newContractBody } from "../testing/fixtures.js";
import { findTextProblem, MAX_DEPTH } from "./text-guard.js";

let ctx: TestContext;
let camvs: string;
let bodyId: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const list = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = list.find((c) => c.slug === "camvs-2021-2023")!.id;
  const created = await ctx.app.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "Groupe des bornes", rhythm: { kind: "per_year", count: 2 } } });
  expect(created.statusCode).toBe(201);
  bodyId = created.json<{ id: string }>().id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const rows = async () => ({
  meetings: (await ctx.database.db.select({ n: count() }).from(meetings))[0]!.n,
  contracts: (await ctx.database.db.select({ n: count() }).from(contracts))[0]!.n,
  audit: (await ctx.database.db.select({ n: count() }).from(auditEntries))[0]!.n,
});
const meetingBody = (overrides: Record<string, unknown> = {}) => ({
  bodyId,
  title: "Réunion aux bornes",
  startsAt: "2021-09-14T14:00:00+02:00",
  endsAt: "2021-09-14T16:00:00+02:00",
  ...overrides,
});
const postMeeting = (payload: Record<string, unknown>) => ctx.app.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload });

describe("dates between 1900 and 2100 (item 2)", () => {
  it("refuses a meeting ending in 9999 or starting in year 0000, and the contract's pages keep answering", async () => {
    const before = await rows();
    const far = expectProblem(await postMeeting(meetingBody({ startsAt: "9999-12-31T22:00:00Z", endsAt: "9999-12-31T23:59:59Z" })), 400);
    expect(far.errors?.map((e) => e.path).sort()).toEqual(["endsAt", "startsAt"]);
    expect(far.errors?.[0]?.message).toBe("Indiquez une date entre 1900 et 2100.");
    const zero = expectProblem(await postMeeting(meetingBody({ startsAt: "0000-01-01T10:00:00Z" })), 400);
    expect(zero.errors?.map((e) => e.path)).toEqual(["startsAt"]);
    expect(await rows()).toEqual(before);
    for (const url of [`/api/contracts/${camvs}/dashboard`, `/api/contracts/${camvs}/governance-alerts`]) expect((await ctx.app.inject({ url })).statusCode, url).toBe(200);
  });

  it("accepts a meeting on the last evening of 2100 (a new year in Paris), and the date rules work on it", async () => {
    const last = await postMeeting(meetingBody({ startsAt: "2100-12-31T20:00:00Z", endsAt: "2100-12-31T23:30:00Z" }));
    expect(last.statusCode).toBe(201);
    const old = await postMeeting(meetingBody({ startsAt: "1900-01-02T10:00:00Z", endsAt: "1900-01-02T12:00:00Z" }));
    expect(old.statusCode).toBe(201);
    for (const url of [`/api/contracts/${camvs}/dashboard`, `/api/contracts/${camvs}/governance-alerts`, `/api/contracts/${camvs}/meetings`])
      expect((await ctx.app.inject({ url })).statusCode, url).toBe(200);
    const alerts = (await ctx.app.inject({ url: `/api/contracts/${camvs}/governance-alerts` })).json<{ items: { message?: string }[] }>();
    expect(JSON.stringify(alerts)).toContain("Réunion aux bornes");
  });

  it("bounds every shared date field: fiche milestones, contract dates", async () => {
    const fiche = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string }[] }>().items[0]!.id;
    const milestone = await ctx.app.inject({ method: "POST", url: `/api/actions/${fiche}/milestones`, payload: { title: "Étape", plannedBy: "0000-06-30" } });
    expect(expectProblem(milestone, 400).errors?.map((e) => e.path)).toEqual(["plannedBy"]);
    const contract = await ctx.app.inject({ method: "POST", url: "/api/contracts", payload: newContractBody({ startDate: "1899-12-31", endDate: "2101-01-01" }) });
    expect(expectProblem(contract, 400).errors?.map((e) => e.path).sort()).toEqual(["endDate", "startDate"]);
  });
});

describe("500s on bad input (item 3)", () => {
  it("answers JSON nested 10,000 deep with a 400, quickly, on an anonymous route too", async () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const started = performance.now();
    for (const url of ["/api/auth/sign-in", `/api/contracts/${camvs}/meetings`]) {
      const res = await ctx.app.inject({ method: "POST", url, headers: { "content-type": "application/json" }, payload: `{"email":${deep}}` });
      expect(expectProblem(res, 400).detail).toContain("imbriqué");
    }
    // Not a timing assertion of the server: a guard against a recursion coming back (it took seconds).
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("refuses integers beyond a PostgreSQL integer in versions, populations and version numbers", async () => {
    const before = await rows();
    const huge = 2 ** 31;
    const contract = await ctx.app.inject({ method: "POST", url: "/api/contracts", payload: newContractBody({ communes: [{ inseeCode: "77001", name: "Achères-la-Forêt", population: huge }], priorityAreas: [] }) });
    expect(expectProblem(contract, 400).errors?.map((e) => e.path)).toEqual(["communes.0.population"]);
    const body = await ctx.app.inject({ method: "PUT", url: `/api/bodies/${bodyId}`, payload: { kind: "working_group", name: "Groupe", rhythm: null, version: huge } });
    expect(expectProblem(body, 400).errors?.map((e) => e.path)).toEqual(["version"]);
    const review = (await ctx.app.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 3 } })).json<{ id: string }>();
    const exported = await ctx.app.inject({ method: "POST", url: `/api/reviews/${review.id}/exports`, payload: { format: "pdf", number: huge } });
    expect(expectProblem(exported, 400).errors?.map((e) => e.path)).toEqual(["number"]);
    const publication = await ctx.app.inject({ url: `/api/reviews/${review.id}/publications/${huge}` });
    expect(expectProblem(publication, 400).errors?.map((e) => e.path)).toEqual(["params.number"]);
    expect((await rows()).contracts).toBe(before.contracts);
  });

  it("refuses a lone UTF-16 surrogate in text kept as jsonb (agenda, decisions) and in plain text, naming the field", async () => {
    const before = await rows();
    const agenda = await postMeeting(meetingBody({ agenda: [{ title: "Point \ud800x", durationMinutes: 30 }] }));
    expect(expectProblem(agenda, 400).errors).toEqual([{ path: "agenda.0.title", message: expect.stringContaining("caractère Unicode incomplet") }]);
    const decisions = await postMeeting(meetingBody({ decisions: ["ok", "x\udc00"] }));
    expect(expectProblem(decisions, 400).errors?.map((e) => e.path)).toEqual(["decisions.1"]);
    expect(await rows()).toEqual(before);
    // A well-formed pair (an emoji) is text like any other.
    expect((await postMeeting(meetingBody({ decisions: ["Validé 👍"] }))).statusCode).toBe(201);
  });

  it("refuses a NUL byte in a path parameter or a query", async () => {
    const member = await ctx.app.inject({ method: "PUT", url: `/api/contracts/${camvs}/members/%00`, payload: { role: "partner", actionIds: [] } });
    expect(expectProblem(member, 400).errors?.map((e) => e.path)).toEqual(["params.userId"]);
    const list = await ctx.app.inject({ url: `/api/contracts/${camvs}/actions?q=a%00b` });
    expect(expectProblem(list, 400).errors?.map((e) => e.path)).toEqual(["querystring.q"]);
  });
});

describe("what the fuzz of the write routes found next (issue 12)", () => {
  it("answers a path that is not valid percent-encoding, or a segment too long for the router, as a French problem", async () => {
    expect(expectProblem(await ctx.app.inject({ method: "POST", url: "/api/actions/%ZZ/measurements", payload: {} }), 400).detail).toContain("mal formée");
    expect(expectProblem(await ctx.app.inject({ method: "DELETE", url: `/api/comments/${"A".repeat(10_000)}` }), 414).detail).toContain("trop long");
  });

  it("refuses a multipart body without a boundary with a 400, on both upload routes, writing nothing", async () => {
    const before = await rows();
    const meeting = (await postMeeting(meetingBody())).json<{ id: string }>().id;
    const after = await rows();
    for (const url of [`/api/meetings/${meeting}/attachments`, `/api/contracts/${camvs}/actions.xlsx`]) {
      const res = await ctx.app.inject({ method: "POST", url, headers: { "content-type": "multipart/form-data" }, payload: "--x\r\n\r\n" });
      expect(expectProblem(res, 400).detail, url).toContain("multipart/form-data valide");
    }
    expect(await rows()).toEqual(after);
    expect(after.meetings).toBe(before.meetings + 1);
  });

  it("answers 404, not a foreign-key 500, for the review settings of a contract that does not exist", async () => {
    const res = await ctx.app.inject({ method: "PUT", url: "/api/contracts/00000000-0000-4000-8000-000000000000/review-settings", payload: { purpose: "é", publishReviews: false, version: 0 } });
    expect(expectProblem(res, 404).detail).toBe("Ce contrat est introuvable.");
  });
});

describe("findTextProblem", () => {
  it("walks without recursion, stops at the depth limit, and checks keys", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTextProblem(deep)).toEqual({ kind: "depth", path: Array(MAX_DEPTH).fill(0).join(".") });
    let fine: unknown = "x";
    for (let i = 0; i < MAX_DEPTH; i++) fine = { a: fine };
    expect(findTextProblem(fine)).toBeNull();
    expect(findTextProblem({ a: [1, { "b\u0000": 2 }] })).toEqual({ kind: "text", error: { path: "a.1.b\u0000", message: expect.stringContaining("caractère nul") } });
    expect(findTextProblem({ a: "\udbff" }, ["params"])).toEqual({ kind: "text", error: { path: "params.a", message: expect.stringContaining("incomplet") } });
    expect(findTextProblem({ a: "😀", b: null, c: 3 })).toBeNull();
  });
});
