import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, comments, indicatorMeasurements } from "../../db/schema.js";
import { renderIndicatorSvg } from "../../documents/charts.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { staleMessage } from "./measurements.js";

let ctx: TestContext;
let lead: TestClient;
let partner: TestClient;
let ars: TestClient;
let coordinator: TestClient;
let outsider: TestClient;
let fa5: string;
let fa1: string;
let capvmIndicator: string;

interface Indicator {
  id: string;
  label: string;
  measurements: { id: string; value: number; version: number; measuredOn: string }[];
  latest: { value: number } | null;
  progress: number | null;
  stale: boolean;
  staleMessage: string | null;
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  const camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  const capvm = contracts.find((c) => c.slug === "capvm-2019-2022")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fa5 = list.find((a) => a.number === 5)!.id;
  fa1 = list.find((a) => a.number === 1)!.id;
  const capvmFiche = (await ctx.app.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string }[] }>().items[0]!.id;
  capvmIndicator = (await ctx.app.inject({ url: `/api/actions/${capvmFiche}/indicators` })).json<{ items: Indicator[] }>().items[0]!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const total = async (table: typeof indicatorMeasurements | typeof comments | typeof auditEntries) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;
const indicatorsOf = async (client: TestClient, actionId: string) => (await client.inject({ url: `/api/actions/${actionId}/indicators` })).json<{ items: Indicator[]; permissions: { measure: boolean } }>();

describe("indicator measurements", () => {
  it("lists the fiche's indicators with their measurements, and flags those not measured for 12 months", async () => {
    const { items, permissions } = await indicatorsOf(partner, fa5);
    expect(permissions.measure).toBe(false);
    expect(items).toHaveLength(2);
    expect(items[1]!.measurements.map((m) => m.measuredOn)).toEqual(["2021-08-24"]);
    expect(items[1]!.staleMessage).toBe("Non mesuré depuis plus de 12 mois (dernière mesure le 24/08/2021)");
    expect(items[0]!).toMatchObject({ latest: null, stale: true, staleMessage: "Jamais mesuré" });
  });

  it("lets the lead measure, correct and remove; the latest value leads and the fiche's history tells it", async () => {
    const indicator = (await indicatorsOf(lead, fa5)).items[0]!;
    const created = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/measurements`, payload: { indicatorId: indicator.id, measuredOn: "2022-03-31", value: 3, source: "CPAM 77", comment: "Trois réunions d'information" } });
    expect(created.statusCode).toBe(201);
    const m = created.json<{ id: string; version: number }>();
    await lead.inject({ method: "POST", url: `/api/actions/${fa5}/measurements`, payload: { indicatorId: indicator.id, measuredOn: "2022-01-31", value: 1 } });
    const after = (await indicatorsOf(lead, fa5)).items[0]!;
    expect(after.measurements.map((x) => x.value)).toEqual([1, 3]);
    expect(after.latest?.value).toBe(3);
    const history = (await lead.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string }[] }>();
    expect(history.items[0]!.summary).toContain("Sophie Leroy");

    const fixed = await lead.inject({ method: "PUT", url: `/api/measurements/${m.id}`, payload: { measuredOn: "2022-03-31", value: 4, source: "CPAM 77", comment: "", version: m.version } });
    expect(fixed.json()).toMatchObject({ value: 4, version: m.version + 1 });
    expectProblem(await lead.inject({ method: "PUT", url: `/api/measurements/${m.id}`, payload: { measuredOn: "2022-03-31", value: 5, version: m.version } }), 409);
    expect((await lead.inject({ method: "DELETE", url: `/api/measurements/${m.id}` })).statusCode).toBe(204);
    expectProblem(await lead.inject({ method: "DELETE", url: `/api/measurements/${m.id}` }), 404);
  });

  it("refuses an indicator of another contract or fiche, a future day, a missing value, a partner, a fiche the lead does not lead — writing nothing", async () => {
    const indicator = (await indicatorsOf(lead, fa5)).items[0]!;
    const other = (await indicatorsOf(coordinator, fa1)).items[0]!;
    const [measures, audit] = [await total(indicatorMeasurements), await total(auditEntries)];
    const post = (payload: object, client = lead, actionId = fa5) => client.inject({ method: "POST", url: `/api/actions/${actionId}/measurements`, payload });
    expect(expectProblem(await post({ indicatorId: capvmIndicator, measuredOn: "2021-09-14", value: 2 }), 400).errors).toEqual([{ path: "indicatorId", message: "Cet indicateur n'appartient pas à cette fiche." }]);
    expect(expectProblem(await post({ indicatorId: other.id, measuredOn: "2021-09-14", value: 2 }), 400).errors?.map((e) => e.path)).toEqual(["indicatorId"]);
    expect(expectProblem(await post({ indicatorId: indicator.id, measuredOn: "2999-01-01", value: 2 }), 400).errors).toEqual([{ path: "measuredOn", message: "Une mesure se rapporte à une date passée ou à aujourd'hui." }]);
    expect(expectProblem(await post({ indicatorId: indicator.id, measuredOn: "2021-09-14", value: "deux" }), 400).errors?.map((e) => e.path)).toEqual(["value"]);
    expectProblem(await post({ indicatorId: indicator.id, measuredOn: "2021-09-14", value: 2 }, partner), 403);
    expectProblem(await post({ indicatorId: other.id, measuredOn: "2021-09-14", value: 2 }, lead, fa1), 403);
    expectProblem(await post({ indicatorId: indicator.id, measuredOn: "2021-09-14", value: 2 }, outsider), 404);
    expect([await total(indicatorMeasurements), await total(auditEntries)]).toEqual([measures, audit]);
  });

  it("draws an indicator as SVG, with its measurements, baseline and target", async () => {
    const svg = renderIndicatorSvg({ label: "Participants", unit: "personnes", baseline: 5, target: 20, measurements: [{ measuredOn: "2021-03-18", value: 18 }, { measuredOn: "2021-06-22", value: 11 }] });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("18/03/2021");
    expect(svg).toContain("Cible : 20");
    const indicator = (await indicatorsOf(partner, fa5)).items[1]!;
    const res = await partner.inject({ url: `/api/indicators/${indicator.id}/chart.svg` });
    expect(res.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(res.body).toContain("24/08/2021");
    expectProblem(await outsider.inject({ url: `/api/indicators/${indicator.id}/chart.svg` }), 404);
  });

  it("says why an indicator is flagged", () => {
    expect(staleMessage(null, "2021-09-14")).toBe("Jamais mesuré");
    expect(staleMessage("2021-01-10", "2021-09-14")).toBeNull();
    expect(staleMessage("2020-09-14", "2021-09-14")).toBe("Non mesuré depuis plus de 12 mois (dernière mesure le 14/09/2020)");
  });
});

describe("partner remarks", () => {
  interface Remark {
    id: string;
    body: string;
    authorName: string;
    deleted: boolean;
    progressEntryId: string | null;
    permissions: { edit: boolean; delete: boolean };
  }
  const remarks = async (client: TestClient) => (await client.inject({ url: `/api/actions/${fa5}/comments` })).json<{ items: Remark[]; permissions: { comment: boolean } }>();

  it("lets every reader remark on the fiche or a progress entry; the author corrects; the coordination removes", async () => {
    const entry = (await partner.inject({ url: `/api/actions/${fa5}/progress` })).json<{ items: { id: string }[] }>().items[0]!;
    const fromPartner = await partner.inject({ method: "POST", url: `/api/actions/${fa5}/comments`, payload: { body: "La CPAM peut présenter la MAS aux élus en janvier. <b>Merci</b>", progressEntryId: entry.id } });
    expect(fromPartner.statusCode).toBe(201);
    const remark = fromPartner.json<Remark>();
    expect(remark).toMatchObject({ authorName: "Karim Benali", progressEntryId: entry.id, body: "La CPAM peut présenter la MAS aux élus en janvier. <b>Merci</b>", permissions: { edit: true, delete: true } });
    expect((await ars.inject({ method: "POST", url: `/api/actions/${fa5}/comments`, payload: { body: "L'ARS soutient cette orientation." } })).statusCode).toBe(201);

    const seenByLead = await remarks(lead);
    expect(seenByLead.permissions.comment).toBe(true);
    expect(seenByLead.items.find((r) => r.id === remark.id)!.permissions).toEqual({ edit: false, delete: false });
    expectProblem(await lead.inject({ method: "PUT", url: `/api/comments/${remark.id}`, payload: { body: "Pas la mienne" } }), 403);
    expectProblem(await lead.inject({ method: "DELETE", url: `/api/comments/${remark.id}` }), 403);

    const edited = await partner.inject({ method: "PUT", url: `/api/comments/${remark.id}`, payload: { body: "La CPAM présentera la MAS aux élus en janvier." } });
    expect(edited.json<{ editedAt: string | null }>().editedAt).not.toBeNull();
    expect((await coordinator.inject({ method: "DELETE", url: `/api/comments/${remark.id}` })).statusCode).toBe(204);
    const gone = (await remarks(partner)).items.find((r) => r.id === remark.id)!;
    expect(gone).toMatchObject({ deleted: true, body: "", permissions: { edit: false, delete: false } });
    expectProblem(await partner.inject({ method: "PUT", url: `/api/comments/${remark.id}`, payload: { body: "Encore" } }), 404);
  });

  it("refuses an empty remark, a progress entry of another fiche, an outsider — writing nothing", async () => {
    const otherEntry = (await coordinator.inject({ url: `/api/actions/${fa1}/progress` })).json<{ items: { id: string }[] }>().items[0]!;
    const [written, audit] = [await total(comments), await total(auditEntries)];
    expect(expectProblem(await partner.inject({ method: "POST", url: `/api/actions/${fa5}/comments`, payload: { body: "  " } }), 400).errors).toEqual([{ path: "body", message: "La remarque est obligatoire." }]);
    expect(expectProblem(await partner.inject({ method: "POST", url: `/api/actions/${fa5}/comments`, payload: { body: "Ici", progressEntryId: otherEntry.id } }), 400).errors).toEqual([
      { path: "progressEntryId", message: "Cet avancement n'appartient pas à cette fiche." },
    ]);
    expectProblem(await outsider.inject({ method: "POST", url: `/api/actions/${fa5}/comments`, payload: { body: "Bonjour" } }), 404);
    expectProblem(await outsider.inject({ url: `/api/actions/${fa5}/comments` }), 404);
    expect([await total(comments), await total(auditEntries)]).toEqual([written, audit]);
  });
});
