import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, followUpItems, milestones } from "../../db/schema.js";
import { tablesRead } from "../../cache/tables-read.js";
import { capturingDb } from "../../testing/capture.js";
import { DASHBOARD_EVENT_TABLES, DASHBOARD_FICHE_TABLES, DASHBOARD_GOVERNANCE_TABLES, DASHBOARD_INDICATOR_TABLES, EVENT_KINDS, loadDashboardEvents, loadDashboardFiches, loadDashboardGovernance, loadDashboardIndicators } from "./service.js";
import { startSecondApp, startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { convertToPdf, pdfText } from "../../testing/office.js";
import { parisDay } from "../../domain/dates.js";
import type { CotechTable } from "./cotech-table.js";

let ctx: TestContext;
let lead: TestClient;
let partner: TestClient;
let coordinator: TestClient;
let outsider: TestClient;
let camvs: string;

type Table = CotechTable & { years: number[]; permissions: { manage: boolean } };

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const rows = (t: Table) => t.axes.flatMap((a) => a.objectives.flatMap((o) => o.rows));
const rowOf = (t: Table, n: number) => rows(t).find((r) => r.action.number === n)!;

describe("the COTECH table", () => {
  it("groups the 2021 fiches by axis and operational objective, with the five columns of the seed", async () => {
    const table = (await partner.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2021` })).json<Table>();
    expect(table.year).toBe(2021);
    expect(table.years).toEqual([2021, 2022, 2023]);
    expect(table.axes.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(table.axes[0]!.objectives.map((o) => o.code)).toEqual(["1.1", "1.2"]);
    expect(rows(table).map((r) => r.action.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const fa5 = rowOf(table, 5);
    expect(fa5.planned.map((m) => m.label)).toEqual(["prévu T4 2021", "prévu T2 2021, reporté T1 2022"]);
    expect(fa5.progress[0]!.text).toMatch(/^Rencontre avec la CPAM en août pour définir les modalités/);
    expect(fa5.remaining.map((r) => r.text)).toContain("Rencontre prévue avant le COPIL du CLS (12/2021)");
    expect(rowOf(table, 7).adjustments).toEqual([expect.objectContaining({ kindLabel: "Fusionner avec la FA 11", statusLabel: "Proposé" })]);
    expect(table.transversal).toHaveLength(2);
    expect(table.process.map((p) => p.adjustments)).toContain("Un comité technique par an semble plus adéquat ?");
    expect(table.permissions.manage).toBe(false);
  });

  it("lets each row say who may edit it: the lead edits FA 5, not FA 1", async () => {
    const table = (await lead.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2021` })).json<Table>();
    expect(rowOf(table, 5).permissions.update).toBe(true);
    expect(rowOf(table, 1).permissions.update).toBe(false);
  });

  it("shows another year's progress only in that year", async () => {
    const table = (await partner.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2022` })).json<Table>();
    expect(rows(table).flatMap((r) => r.progress)).toEqual([]);
    expect(rowOf(table, 5).planned.map((m) => m.label)).toEqual(["prévu T2 2021, reporté T1 2022"]);
    expect(table.transversal).toEqual([]);
    const bad = await partner.inject({ url: `/api/contracts/${camvs}/cotech-table?year=deux-mille` });
    expect(expectProblem(bad, 400).errors?.[0]?.path).toBe("querystring.year");
  });

  it("exports the table to Excel, read back with its sections and rows", async () => {
    const res = await partner.inject({ url: `/api/contracts/${camvs}/cotech-table.xlsx?year=2021` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="tableau-cotech-2021.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Tableau COTECH 2021")!;
    const text = (n: number) => (sheet.getRow(n).values as unknown[]).filter((v) => typeof v === "string") as string[];
    expect(text(3)).toEqual(["Fiche action", "Objectifs / critères d'évaluation", "Rétroplanning prévisionnel 2021", "État d'avancement réel", "Reste-à-faire", "Ajustements nécessaires"]);
    const all: string[] = [];
    sheet.eachRow((row) => all.push((row.values as unknown[]).filter((v) => typeof v === "string").join(" | ")));
    // Title, header (the empty row between them is not listed), then axis 1 and its first objective.
    expect(all[2]).toMatch(/^Axe stratégique 1 — /);
    expect(all[3]).toMatch(/^Objectif opérationnel 1\.1 — /);
    expect(all.find((l) => l.startsWith("FA 5 : "))).toContain("- août 2021 : Rencontre avec la CPAM en août");
    expect(all.find((l) => l.startsWith("FA 7 : "))).toContain("Fusionner avec la FA 11");
    expect(all.some((l) => l.startsWith("Processus : suivi du processus de coordination et de gouvernance"))).toBe(true);
    // Printed landscape on A4, fit to the width, the header repeated; rows as tall as their wrapped text.
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: "3:3" });
    let fa5 = 0;
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("FA 5 : ")) fa5 = row.height;
    });
    expect(fa5).toBeGreaterThan(4 * 15);
    // LibreOffice, the client our files must open in, reads it too.
    const printed = (await pdfText(await convertToPdf(res.rawPayload, "xlsx"))).replace(/\s+/g, " ");
    expect(printed).toContain("suivi de l'avancement des actions 2021");
    expect(printed).toContain("Fusionner avec la FA 11");
  }, 120_000);

  it("hides a contract from those who may not read it", async () => {
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/cotech-table` }), 404);
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/cotech-table.xlsx` }), 404);
    expectProblem(await ctx.app.inject({ url: "/api/contracts/00000000-0000-4000-8000-000000000000/cotech-table" }), 404);
  });
});

describe("the table's transversal and process rows", () => {
  const itemCount = async () => (await ctx.database.db.select({ n: count() }).from(followUpItems))[0]!.n;
  const auditCount = async () => (await ctx.database.db.select({ n: count() }).from(auditEntries))[0]!.n;

  it("are added, corrected and removed by the coordination, recorded in the contract's history", async () => {
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/follow-up-items`, payload: { year: 2022, section: "process", title: "Revue trimestrielle du 1er trimestre", adjustments: "" } });
    expect(created.statusCode).toBe(201);
    const item = created.json<{ id: string; version: number }>();
    const updated = await coordinator.inject({ method: "PUT", url: `/api/follow-up-items/${item.id}`, payload: { title: "Revue trimestrielle du 1er trimestre 2022", adjustments: "La partager aussi aux communes", version: item.version } });
    expect(updated.json()).toMatchObject({ version: item.version + 1, adjustments: "La partager aussi aux communes" });
    const table = (await coordinator.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2022` })).json<Table>();
    expect(table.process.map((p) => p.title)).toEqual(["Revue trimestrielle du 1er trimestre 2022"]);
    expect(table.permissions.manage).toBe(true);
    const history = (await coordinator.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { summary: string }[] }>();
    expect(history.items[0]!.summary).toContain("Marie Dupont");
    expect((await coordinator.inject({ method: "DELETE", url: `/api/follow-up-items/${item.id}` })).statusCode).toBe(204);
    expectProblem(await coordinator.inject({ method: "DELETE", url: `/api/follow-up-items/${item.id}` }), 404);
  });

  it("refuses bad rows, a stale version, a lead, an outsider — writing nothing", async () => {
    const [items, audit] = [await itemCount(), await auditCount()];
    const post = (client: TestClient, payload: object) => client.inject({ method: "POST", url: `/api/contracts/${camvs}/follow-up-items`, payload });
    expect(expectProblem(await post(coordinator, { year: 1800, section: "autre", title: " " }), 400).errors?.map((e) => e.path).sort()).toEqual(["section", "title", "year"]);
    expectProblem(await post(lead, { year: 2021, section: "process", title: "Ligne" }), 403);
    expectProblem(await post(outsider, { year: 2021, section: "process", title: "Ligne" }), 404);
    const [existing] = (await coordinator.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2021` })).json<Table>().process;
    expectProblem(await coordinator.inject({ method: "PUT", url: `/api/follow-up-items/${existing!.id}`, payload: { title: "Autre", adjustments: "", version: existing!.version + 2 } }), 409);
    expect([await itemCount(), await auditCount()]).toEqual([items, audit]);
  });
});

describe("the dashboard and the timeline", () => {
  it("counts fiches by the status people see per axis, lists late milestones, indicators, alerts and activity", async () => {
    const d = (await partner.inject({ url: `/api/contracts/${camvs}/dashboard` })).json<{
      statusByAxis: { number: number; counts: Record<string, number>; total: number }[];
      lateMilestones: { action: { number: number } }[];
      indicators: { measured: number; stale: number; notMeasured: number; items: unknown[] };
      nextMeetings: unknown[];
      alerts: { kind: string; message: string }[];
      activity: { text: string; link: { kind: string } }[];
    }>();
    expect(d.statusByAxis.map((a) => a.total)).toEqual([7, 5, 1, 2]);
    for (const axis of d.statusByAxis) expect(Object.values(axis.counts).reduce((s, n) => s + n, 0)).toBe(axis.total);
    // Today the 2021 plan is long past: unfinished milestones make their fiches late.
    expect(d.statusByAxis[0]!.counts.late).toBeGreaterThan(0);
    expect(d.lateMilestones.map((m) => m.action.number)).toContain(5);
    expect(d.indicators.items.length).toBe(d.indicators.measured + d.indicators.stale + d.indicators.notMeasured);
    // One indicator measured (FA 6, in 2021), not since: stale; the others never measured.
    expect(d.indicators.stale).toBe(1);
    expect(d.nextMeetings).toEqual([]);
    expect(d.alerts.map((a) => a.message)).toContain("La réunion « Comité de pilotage 2021 » est passée depuis plus de 7 jours et n'a toujours pas de feuille de présence ni de compte rendu.");
    expect(d.activity.length).toBeGreaterThan(0);
    expect(d.activity.length).toBeLessThanOrEqual(10);
  });

  it("sends a dashboard read again from memory as the same UTF-8 JSON, plain or compressed", async () => {
    const url = `/api/contracts/${camvs}/dashboard`;
    const first = await partner.inject({ url, headers: { "accept-encoding": "identity" } });
    const again = await partner.inject({ url, headers: { "accept-encoding": "identity" } });
    const br = await partner.inject({ url, headers: { "accept-encoding": "br" } });
    for (const res of [first, again]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(Number(res.headers["content-length"])).toBe(res.rawPayload.length);
    }
    // Accented text (« », é, —) arrives whole from the kept bytes.
    expect(again.body).toBe(first.body);
    expect(again.body).toMatch(/n'a toujours pas de feuille de présence/);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(first.body);
  });

  it("shows the latest progress, measurement, remark and meeting first, each linked, and the next meetings", async () => {
    const table = (await coordinator.inject({ url: `/api/contracts/${camvs}/cotech-table?year=2021` })).json<Table>();
    const fa5 = rowOf(table, 5).action.id;
    const today = parisDay();
    const post = async (client: TestClient, url: string, payload: object) => {
      const res = await client.inject({ method: "POST", url, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>();
    };
    const [indicator] = (await coordinator.inject({ url: `/api/actions/${fa5}/indicators` })).json<{ items: { id: string; label: string }[] }>().items;
    const [body] = (await coordinator.inject({ url: `/api/contracts/${camvs}/bodies` })).json<{ items: { id: string; name: string }[] }>().items;
    await post(coordinator, `/api/actions/${fa5}/progress`, { happenedOn: today, text: "Convention signée avec la CPAM" });
    await post(coordinator, `/api/actions/${fa5}/measurements`, { indicatorId: indicator!.id, measuredOn: today, value: 1234.5 });
    await post(partner, `/api/actions/${fa5}/comments`, { body: "La CPAM confirme." });
    const starts = new Date(Date.now() + 30 * 86_400_000);
    const meeting = await post(coordinator, `/api/contracts/${camvs}/meetings`, { bodyId: body!.id, title: "COPIL à venir", startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7_200_000).toISOString() });

    const d = (await partner.inject({ url: `/api/contracts/${camvs}/dashboard` })).json<{
      nextMeetings: { id: string; title: string; bodyName: string }[];
      activity: { text: string; link: { kind: string; id: string } }[];
    }>();
    expect(d.nextMeetings).toEqual([expect.objectContaining({ id: meeting.id, title: "COPIL à venir", bodyName: body!.name })]);
    const day = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
    expect(d.activity.slice(0, 4)).toEqual([
      { at: expect.any(String), text: expect.stringMatching(/^Réunion « COPIL à venir » du \d{2}\/\d{2}\/\d{4} enregistrée$/), link: { kind: "meeting", id: meeting.id } },
      { at: expect.any(String), text: "FA 5 — remarque de Karim Benali", link: { kind: "action", id: fa5 } },
      { at: expect.any(String), text: expect.stringMatching(new RegExp(`^FA 5 — mesure « .+ » : 1\u202f234,5 au ${day}$`)), link: { kind: "action", id: fa5 } },
      { at: expect.any(String), text: `FA 5 — avancement du ${day} par Marie Dupont : « Convention signée avec la CPAM »`, link: { kind: "action", id: fa5 } },
    ]);
  });

  it("with the read views off (READ_VIEWS=off), computes the dashboard from the database at every request", async () => {
    const second = await startSecondApp(ctx, { readViews: false });
    try {
      const reader = await signedInClient(second, "karim.benali@cpam77.test");
      const url = `/api/contracts/${camvs}/dashboard`;
      const late = () => reader.inject({ url }).then((r) => r.json<{ lateMilestones: { id: string }[] }>());
      const before = { ...second.readViews.stats };
      const milestone = (await late()).lateMilestones[0]!;
      // Written behind the apps' backs, and not waited for: the next read sees it all the same.
      await ctx.database.db.update(milestones).set({ doneOn: parisDay() }).where(eq(milestones.id, milestone.id));
      expect((await late()).lateMilestones.map((m) => m.id)).not.toContain(milestone.id);
      expect(second.readViews.stats.hits - before.hits).toBe(0);
      expect(second.readViews.stats.bypassed - before.bypassed).toBeGreaterThanOrEqual(10);
    } finally {
      await second.close();
    }
  });

  it("names every table each part of the dashboard reads, so that no change leaves it stale", async () => {
    const today = parisDay();
    const fiches = capturingDb(ctx.database);
    await loadDashboardFiches(fiches.db, camvs, today);
    expect(tablesRead(fiches.statements)).toEqual([...DASHBOARD_FICHE_TABLES].sort());
    const indicators = capturingDb(ctx.database);
    await loadDashboardIndicators(indicators.db, camvs, today);
    expect(tablesRead(indicators.statements)).toEqual([...DASHBOARD_INDICATOR_TABLES].sort());
    const governance = capturingDb(ctx.database);
    await loadDashboardGovernance(governance.db, camvs);
    expect(tablesRead(governance.statements)).toEqual([...DASHBOARD_GOVERNANCE_TABLES].sort());
    for (const kind of EVENT_KINDS) {
      const events = capturingDb(ctx.database);
      await loadDashboardEvents(events.db, camvs, kind);
      expect(tablesRead(events.statements)).toEqual([...DASHBOARD_EVENT_TABLES[kind]].sort());
    }
  });

  it("after a remark, reads the latest activity again and serves the rest of the dashboard from memory", async () => {
    const url = `/api/contracts/${camvs}/dashboard`;
    const late = () => partner.inject({ url }).then((r) => r.json<{ lateMilestones: { id: string }[]; activity: { text: string }[] }>());
    await late();
    const fa1 = (await coordinator.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items.find((f) => f.number === 1)!.id;
    const before = { ...ctx.server.readViews.stats };
    expect((await coordinator.inject({ method: "POST", url: `/api/actions/${fa1}/comments`, payload: { body: "Remarque lue au tableau de bord." } })).statusCode).toBe(201);
    const afterRemark = await late();
    expect(afterRemark.activity[0]!.text).toBe("FA 1 — remarque de Marie Dupont");
    // The whole and its latest activity read again; its facts (fiches, meetings, indicators) from memory.
    expect(ctx.server.readViews.stats.misses - before.misses).toBe(2);

    // A measurement: the indicators and the latest activity read again; the fiches and the meetings from memory.
    const fiche = (await coordinator.inject({ url: `/api/actions/${fa1}` })).json<{ indicators: { id: string }[] }>();
    const indicatorId = fiche.indicators[0]!.id;
    const beforeMeasurement = { ...ctx.server.readViews.stats };
    const measured = await coordinator.inject({ method: "POST", url: `/api/actions/${fa1}/measurements`, payload: { indicatorId, measuredOn: parisDay(), value: 42 } });
    expect(measured.statusCode).toBe(201);
    const afterMeasurement = await partner.inject({ url }).then((r) => r.json<{ indicators: { items: { id: string; lastMeasuredOn: string | null; stale: boolean }[] }; activity: { text: string }[] }>());
    expect(afterMeasurement.indicators.items.find((i) => i.id === indicatorId)).toMatchObject({ lastMeasuredOn: parisDay(), stale: false });
    expect(afterMeasurement.activity[0]!.text).toMatch(/^FA 1 — mesure « .+ » : 42 au /);
    expect(ctx.server.readViews.stats.misses - beforeMeasurement.misses).toBe(3);

    // A milestone done is a fact: the late milestones are read again.
    const milestone = afterRemark.lateMilestones[0]!;
    await ctx.database.db.update(milestones).set({ doneOn: parisDay() }).where(eq(milestones.id, milestone.id));
    await ctx.server.readViews.sync();
    expect((await late()).lateMilestones.map((m) => m.id)).not.toContain(milestone.id);
  });

  it("draws each fiche's period and milestones over the contract's period", async () => {
    const t = (await partner.inject({ url: `/api/contracts/${camvs}/timeline` })).json<{
      start: string;
      end: string;
      rows: { action: { number: number }; milestones: { label: string; overdue: boolean }[] }[];
    }>();
    expect([t.start, t.end]).toEqual(["2021-01-01", "2023-12-31"]);
    expect(t.rows).toHaveLength(15);
    const fa6 = t.rows.find((r) => r.action.number === 6)!;
    expect(fa6.milestones.map((m) => m.label)).toContain("prévu T2 2021, réalisé le 30/06/2021");
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/timeline` }), 404);
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/dashboard` }), 404);
  });
});
