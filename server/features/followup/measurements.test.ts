import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, indicatorMeasurements } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { staleMessage } from "./measurements.js";

let ctx: TestContext;
let lead: TestClient;
let partner: TestClient;
let coordinator: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let fa5: string;
let fa1: string;
let fa6: string;
let capvmIndicator: string;

interface Measurement {
  id: string;
  measuredOn: string;
  value: number;
  source: string;
  comment: string;
  authorName: string;
  version: number;
}
interface Indicator {
  id: string;
  label: string;
  unit: string;
  kind: string;
  baseline: number | null;
  target: number | null;
  measurements: Measurement[];
  latest: Measurement | null;
  progress: number | null;
  stale: boolean;
  staleMessage: string | null;
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  // Sequentially: sign-ins share the machine with other test files.
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  anonymous = await anonymousClient(ctx.server);
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  const camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  const capvm = contracts.find((c) => c.slug === "capvm-2019-2022")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fa5 = list.find((a) => a.number === 5)!.id;
  fa1 = list.find((a) => a.number === 1)!.id;
  fa6 = list.find((a) => a.number === 6)!.id;
  const capvmFiche = (await ctx.app.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string }[] }>().items[0]!.id;
  capvmIndicator = (await ctx.app.inject({ url: `/api/actions/${capvmFiche}/indicators` })).json<{ items: Indicator[] }>().items[0]!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const total = async (table: typeof indicatorMeasurements | typeof auditEntries) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;
const totals = async () => [await total(indicatorMeasurements), await total(auditEntries)];
const indicatorsOf = async (client: TestClient, actionId: string) => {
  const res = await client.inject({ url: `/api/actions/${actionId}/indicators` });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Indicator[]; permissions: { measure: boolean } }>();
};
const post = (client: TestClient, actionId: string, payload: object) => client.inject({ method: "POST", url: `/api/actions/${actionId}/measurements`, payload });

describe("GET /api/actions/:actionId/indicators", () => {
  it("lists the fiche's indicators with their measurements, and flags those not measured for 12 months", async () => {
    const { items, permissions } = await indicatorsOf(partner, fa5);
    expect(permissions.measure).toBe(false);
    expect(items).toHaveLength(2);
    for (const item of items) expect(item).toMatchObject({ measurements: [], latest: null, progress: null, stale: true, staleMessage: "Jamais mesuré" });
    // FA 6's indicator, measured on 30/06/2021 (the survey's 17 respondents).
    const [measured] = (await indicatorsOf(partner, fa6)).items;
    expect(measured!.measurements.map((m) => [m.measuredOn, m.value])).toEqual([["2021-06-30", 17]]);
    expect(measured!).toMatchObject({ stale: true, staleMessage: "Indicateur non mesuré depuis plus de 12 mois" });
    expect(measured!.latest?.measuredOn).toBe("2021-06-30");
    expect((await indicatorsOf(lead, fa5)).permissions.measure).toBe(true);
    expect((await indicatorsOf(lead, fa1)).permissions.measure).toBe(false);
  });

  it("hides a fiche from outsiders and asks anonymous people to sign in", async () => {
    expectProblem(await outsider.inject({ url: `/api/actions/${fa5}/indicators` }), 404);
    expectProblem(await anonymous.inject({ url: `/api/actions/${fa5}/indicators` }), 401);
  });

  it("says why an indicator is flagged", () => {
    expect(staleMessage(null, "2021-09-14")).toBe("Jamais mesuré");
    expect(staleMessage("2021-01-10", "2021-09-14")).toBeNull();
    expect(staleMessage("2020-09-15", "2021-09-14")).toBeNull();
    expect(staleMessage("2020-09-14", "2021-09-14")).toBe("Indicateur non mesuré depuis plus de 12 mois");
  });
});

describe("measurements", () => {
  it("lets the lead measure, correct and remove; measurements come in date order, the latest leads, the fiche's history tells it", async () => {
    const indicator = (await indicatorsOf(lead, fa5)).items[0]!;
    const created = await post(lead, fa5, { indicatorId: indicator.id, measuredOn: "2022-03-31", value: 3, source: " CPAM 77 ", comment: "Trois réunions d'information" });
    expect(created.statusCode).toBe(201);
    const m = created.json<Measurement>();
    expect(m).toMatchObject({ measuredOn: "2022-03-31", value: 3, source: "CPAM 77", authorName: "Sophie Leroy", version: 1 });
    expect((await post(lead, fa5, { indicatorId: indicator.id, measuredOn: "2022-01-31", value: 1.5 })).statusCode).toBe(201);

    const after = (await indicatorsOf(partner, fa5)).items[0]!;
    expect(after.measurements.map((x) => [x.measuredOn, x.value])).toEqual([
      ["2022-01-31", 1.5],
      ["2022-03-31", 3],
    ]);
    expect(after.latest?.value).toBe(3);
    expect(after.progress).toBe(after.target === null ? null : (3 - (after.baseline ?? 0)) / (after.target - (after.baseline ?? 0)));
    const history = (await lead.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string; objectLabel: string }[] }>();
    expect(history.items[0]!.summary).toContain("Sophie Leroy");
    expect(history.items[0]!.objectLabel).toMatch(/^Mesure de l'indicateur « /);

    const fixed = await lead.inject({ method: "PUT", url: `/api/measurements/${m.id}`, payload: { measuredOn: "2022-03-30", value: 4, source: "CPAM 77", comment: "", version: m.version } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ measuredOn: "2022-03-30", value: 4, comment: "", version: m.version + 1 });
    expectProblem(await lead.inject({ method: "PUT", url: `/api/measurements/${m.id}`, payload: { measuredOn: "2022-03-31", value: 5, version: m.version } }), 409);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/measurements/${m.id}` })).statusCode).toBe(204);
    expectProblem(await lead.inject({ method: "DELETE", url: `/api/measurements/${m.id}` }), 404);
    expectProblem(await lead.inject({ method: "PUT", url: `/api/measurements/${m.id}`, payload: { measuredOn: "2022-03-31", value: 5, version: 2 } }), 404);
    expect((await indicatorsOf(lead, fa5)).items[0]!.latest?.value).toBe(1.5);
  });

  it("refuses an indicator of another contract or of another fiche on its field, writing nothing", async () => {
    const other = (await indicatorsOf(coordinator, fa1)).items[0]!;
    const before = await totals();
    const error = [{ path: "indicatorId", message: "Cet indicateur n'appartient pas à cette fiche." }];
    expect(expectProblem(await post(lead, fa5, { indicatorId: capvmIndicator, measuredOn: "2021-09-14", value: 2 }), 400).errors).toEqual(error);
    expect(expectProblem(await post(lead, fa5, { indicatorId: other.id, measuredOn: "2021-09-14", value: 2 }), 400).errors).toEqual(error);
    expect(expectProblem(await post(coordinator, fa5, { indicatorId: other.id, measuredOn: "2021-09-14", value: 2 }), 400).errors).toEqual(error);
    expect(await totals()).toEqual(before);
  });

  it("refuses bad values with French messages on their fields, writing nothing", async () => {
    const indicator = (await indicatorsOf(lead, fa5)).items[0]!;
    const before = await totals();
    const paths = async (payload: object) => expectProblem(await post(lead, fa5, payload), 400).errors?.map((e) => e.path);
    expect(expectProblem(await post(lead, fa5, { indicatorId: indicator.id, measuredOn: "2099-01-01", value: 2 }), 400).errors).toEqual([
      { path: "measuredOn", message: "Une mesure se rapporte à une date passée ou à aujourd'hui." },
    ]);
    expect(await paths({ indicatorId: indicator.id, measuredOn: "2021-09-14", value: "deux" })).toEqual(["value"]);
    expect(await paths({ indicatorId: indicator.id, measuredOn: "2021-09-14" })).toEqual(["value"]);
    expect(await paths({ indicatorId: indicator.id, measuredOn: "2021-02-30", value: 1 })).toEqual(["measuredOn"]);
    expect(await paths({ indicatorId: "pas-un-identifiant", measuredOn: "2021-09-14", value: 1 })).toEqual(["indicatorId"]);
    expect(await paths({ indicatorId: indicator.id, measuredOn: "2021-09-14", value: 1, source: "x".repeat(501) })).toEqual(["source"]);
    const messages = expectProblem(await post(lead, fa5, { indicatorId: indicator.id, measuredOn: "2021-09-14", value: "deux" }), 400).errors!;
    expect(messages[0]!.message).toMatch(/nombre/);

    const created = (await post(lead, fa5, { indicatorId: indicator.id, measuredOn: "2021-09-14", value: 1 })).json<Measurement>();
    const middle = await totals();
    const put = (payload: object) => lead.inject({ method: "PUT", url: `/api/measurements/${created.id}`, payload });
    expect(expectProblem(await put({ measuredOn: "2099-01-01", value: 1, version: 1 }), 400).errors?.map((e) => e.path)).toEqual(["measuredOn"]);
    expect(expectProblem(await put({ measuredOn: "2021-09-14", value: 1 }), 400).errors?.map((e) => e.path)).toEqual(["version"]);
    expect(await totals()).toEqual(middle);
    expect(middle).not.toEqual(before);
  });

  it("lets only those who may update the fiche measure: 403 for a partner or another fiche's lead, 404 for outsiders, 401 anonymous — writing nothing", async () => {
    const mine = (await indicatorsOf(lead, fa5)).items[0]!;
    const other = (await indicatorsOf(coordinator, fa1)).items[0]!;
    const created = (await post(coordinator, fa1, { indicatorId: other.id, measuredOn: "2021-09-14", value: 2 })).json<Measurement>();
    const before = await totals();
    const body = { indicatorId: mine.id, measuredOn: "2021-09-14", value: 2 };
    expectProblem(await post(partner, fa5, body), 403);
    expectProblem(await post(lead, fa1, { ...body, indicatorId: other.id }), 403);
    expectProblem(await post(outsider, fa5, body), 404);
    expectProblem(await post(anonymous, fa5, body), 401);
    expectProblem(await post(lead, "00000000-0000-4000-8000-000000000000", body), 404);
    const update = { measuredOn: "2021-09-15", value: 3, version: created.version };
    expectProblem(await lead.inject({ method: "PUT", url: `/api/measurements/${created.id}`, payload: update }), 403);
    expectProblem(await partner.inject({ method: "DELETE", url: `/api/measurements/${created.id}` }), 403);
    expectProblem(await outsider.inject({ method: "PUT", url: `/api/measurements/${created.id}`, payload: update }), 404);
    expectProblem(await outsider.inject({ method: "DELETE", url: `/api/measurements/${created.id}` }), 404);
    expectProblem(await anonymous.inject({ method: "DELETE", url: `/api/measurements/${created.id}` }), 401);
    expect(await totals()).toEqual(before);
  });
});

describe("GET /api/indicators/:indicatorId/chart.svg", () => {
  it("draws the indicator for readers, as SVG with its measurement days", async () => {
    const indicator = (await indicatorsOf(partner, fa6)).items[0]!;
    const res = await partner.inject({ url: `/api/indicators/${indicator.id}/chart.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(res.body).toMatch(/^<svg/);
    expect(res.body).toContain("30/06/2021");
    expectProblem(await outsider.inject({ url: `/api/indicators/${indicator.id}/chart.svg` }), 404);
    expectProblem(await anonymous.inject({ url: `/api/indicators/${indicator.id}/chart.svg` }), 401);
    expectProblem(await partner.inject({ url: "/api/indicators/00000000-0000-4000-8000-000000000000/chart.svg" }), 404);
  });
});

describe("removing a measured indicator from its fiche (PUT /api/actions/:actionId)", () => {
  it("refuses while the indicator has measurements, on its place in the list and naming it, writing nothing; once they are removed, it goes", async () => {
    const read = async () => {
      const { permissions: _p, id: _i, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, shownStatus: _s, shownStatusLabel: _l, mergedInto: _m, mergedFrom: _f, ...body } = (
        await coordinator.inject({ url: `/api/actions/${fa1}` })
      ).json<Record<string, unknown> & { version: number; indicators: { id: string; label: string }[] }>();
      return body;
    };
    const put = (body: object) => coordinator.inject({ method: "PUT", url: `/api/actions/${fa1}`, payload: body });
    const start = await read();
    const label = "Nombre de réunions de quartier tenues";
    expect((await put({ ...start, indicators: [...start.indicators, { kind: "activity", label, unit: "", baseline: null, target: 12 }] })).statusCode).toBe(200);
    const fiche = await read();
    const index = fiche.indicators.length - 1;
    const added = fiche.indicators[index]!;
    expect(added.label).toBe(label);
    const measured: string[] = [];
    for (const [i, day] of ["2021-10-31", "2021-11-30", "2021-12-31"].entries()) measured.push((await post(coordinator, fa1, { indicatorId: added.id, measuredOn: day, value: i + 1 })).json<Measurement>().id);
    const without = { ...fiche, indicators: fiche.indicators.filter((i) => i.id !== added.id) };
    const state = async () => [(await read()).version, (await read()).indicators.map((i) => i.id), ...(await totals())];
    const before = await state();

    const refused = expectProblem(await put(without), 400);
    expect(refused.errors).toEqual([{ path: `indicators.${index}`, message: `L'indicateur « ${label} » a 3 mesures : retirez-les d'abord ou gardez l'indicateur.` }]);
    expect(await state()).toEqual(before);
    expect((await indicatorsOf(coordinator, fa1)).items.find((i) => i.id === added.id)!.measurements).toHaveLength(3);

    for (const id of measured.slice(1)) expect((await coordinator.inject({ method: "DELETE", url: `/api/measurements/${id}` })).statusCode).toBe(204);
    expect(expectProblem(await put(without), 400).errors).toEqual([{ path: `indicators.${index}`, message: `L'indicateur « ${label} » a 1 mesure : retirez-la d'abord ou gardez l'indicateur.` }]);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/measurements/${measured[0]}` })).statusCode).toBe(204);
    expect((await put(without)).statusCode).toBe(200);
    expect((await read()).indicators.map((i) => i.id)).toEqual(without.indicators.map((i) => i.id));
  });
});
