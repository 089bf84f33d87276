/**
 * The territory overview and its comparison (issue 15, item 5) with ARS delegations of the
 * contract's département (77), of another (21), of the region (11) and of another region (27):
 * a Côte-d'Or contract never reaches the Île-de-France users, nor the demo's contracts those of
 * Bourgogne-Franche-Comté; the admin reads everything; anyone else is refused.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp } from "../../testing/app.js";
import { expectProblem } from "../../testing/http.js";
import type { TestClient } from "../../testing/client.js";
import { BEHAVIOUR, DIJON_TITLE, setUpTerritory, type Territory } from "./territories.fixtures.js";

let t: Territory;

interface Row {
  id: string;
  name: string;
  departements: string[];
  status: string;
  fiches: { total: number; byStatus: Record<string, number> };
  late: number;
  progress: { active: number; withProgress: number; share: number | null };
  copil: { lastOn: string | null; holds: boolean | null; alert: string | null };
  rhythmHolds: boolean | null;
  indicators: { total: number; measured: number; share: number | null };
  budget: { total: number; secured: number; requested: number };
}
interface Overview {
  today: string;
  scope: { all: boolean; departements: string[]; label: string };
  contracts: { items: Row[]; total: number; page: number; perPage: number };
  aggregates: {
    contracts: number;
    fiches: { total: number; byStatus: Record<string, number> };
    themeByPrs: { prsCodes: string[]; rows: { theme: string; cells: number[]; withoutCode: number; total: number }[] };
    governance: { holding: number; behind: number; noRhythm: number };
    late: { count: number; items: { contractId: string; title: string; lateSince: string }[] };
    budget: { total: number; byFunder: { name: string; total: number; secured: number; requested: number; contractCount: number }[] };
  };
}

beforeAll(async () => {
  t = await setUpTerritory(await startTestApp({ seed: true }));
});
afterAll(async () => {
  await t?.ctx.close();
});

async function overview(client: TestClient, query = ""): Promise<Overview> {
  const res = await client.inject(`/api/territories/overview${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Overview>();
}
const ids = (o: Overview) => o.contracts.items.map((r) => r.id).sort();

describe("the overview of a territory", () => {
  it("shows the ARS of the 77 the two demo contracts, never the Côte-d'Or one, in its département by default", async () => {
    const o = await overview(t.clients.d77);
    expect(o.scope).toEqual({ all: false, departements: ["77"], label: "Département 77" });
    expect(ids(o)).toEqual([t.camvs, t.capvm].sort());
    expect(o.aggregates.contracts).toBe(2);
    expect(JSON.stringify(o)).not.toContain(DIJON_TITLE);
    expect(JSON.stringify(o)).not.toContain("Dijon");
    expect(ids(await overview(t.clients.d77, "?departement=77"))).toEqual([t.camvs, t.capvm].sort());
  });

  it("shows the ARS of the 21 and of its region the Côte-d'Or contract only", async () => {
    for (const client of [t.clients.d21, t.clients.r27]) {
      const o = await overview(client);
      expect(ids(o)).toEqual([t.dijon]);
      expect(JSON.stringify(o)).not.toContain("Melun");
      expect(o.aggregates.budget.byFunder.map((f) => f.name)).toEqual(["Agence régionale de santé Bourgogne-Franche-Comté", "Ville de Dijon"]);
    }
    expect((await overview(t.clients.r27)).scope.label).toBe("Région Bourgogne-Franche-Comté");
    expect(ids(await overview(t.clients.r27, "?departement=21"))).toEqual([t.dijon]);
  });

  it("shows the ARS of Île-de-France its region's contracts, by region or by département", async () => {
    const o = await overview(t.clients.r11);
    expect(o.scope.label).toBe("Région Île-de-France");
    expect(ids(o)).toEqual([t.camvs, t.capvm].sort());
    expect(ids(await overview(t.clients.r11, "?region=11"))).toEqual([t.camvs, t.capvm].sort());
    expect(ids(await overview(t.clients.r11, "?departement=77&departement=93"))).toEqual([t.camvs, t.capvm].sort());
    expect(ids(await overview(t.clients.r11, "?departement=75"))).toEqual([]);
  });

  it("refuses a territory outside the delegation's, and anyone who is neither ARS nor admin", async () => {
    for (const [client, query] of [
      [t.clients.d77, "?departement=21"],
      [t.clients.d77, "?region=11"],
      [t.clients.d77, "?departement=77,21"],
      [t.clients.d21, "?departement=77"],
      [t.clients.r11, "?region=27"],
      [t.clients.r27, "?departement=77"],
      [t.clients.coordinator, ""],
      [t.clients.coordinator, "?departement=77"],
    ] as const) {
      const problem = expectProblem(await client.inject(`/api/territories/overview${query}`), 403);
      if (client !== t.clients.coordinator || query) expect(problem.detail).toBe("Ce territoire est hors du périmètre de votre compte.");
    }
    expectProblem(await t.clients.anonymous.inject("/api/territories/overview"), 401);
  });

  it("gives the admin the whole instance, or any territory", async () => {
    const all = await overview(t.admin);
    expect(all.scope.all).toBe(true);
    expect(all.scope.label).toBe("Toute l'instance");
    expect(ids(all)).toEqual([t.camvs, t.capvm, t.dijon].sort());
    expect(ids(await overview(t.admin, "?region=27"))).toEqual([t.dijon]);
    expect(ids(await overview(t.admin, "?departement=77"))).toEqual([t.camvs, t.capvm].sort());
    // Funders by name across contracts: the demo's budgets (CAPVM) and those of the tests.
    const funders = all.aggregates.budget.byFunder;
    const line = (name: string) => funders.find((f) => f.name === name);
    expect(line("Agence régionale de santé Bourgogne-Franche-Comté")).toMatchObject({ total: 30000, secured: 30000, requested: 0, contractCount: 1 });
    expect(line("Ville de Dijon")).toMatchObject({ total: 12000, secured: 0, requested: 12000, contractCount: 1 });
    expect(line("Caisse primaire d'assurance maladie de Seine-et-Marne")!.secured).toBeGreaterThanOrEqual(5000);
    expect(new Set(funders.map((f) => f.name)).size).toBe(funders.length);
    expect(all.aggregates.budget.total).toBe(funders.reduce((s, f) => s + f.total, 0));
    const in77 = (await overview(t.clients.d77)).aggregates.budget;
    expect(all.aggregates.budget.total).toBe(in77.total + 42000);
    expect(in77.byFunder.map((f) => f.name)).not.toContain("Ville de Dijon");
  });

  it("answers 400 with the field for bad codes and contradictory scopes", async () => {
    for (const [query, path] of [
      ["?departement=999", "querystring.departement.0"],
      ["?departement=77&departement=ab", "querystring.departement.1"],
      ["?region=99", "querystring.region"],
      ["?departement=77&region=11", "querystring.region"],
      ["?status=perdu", "querystring.status"],
      ["?theme=Jardinage", "querystring.theme"],
      ["?year=1800", "querystring.year"],
      ["?year=2022&from=2022-01-01", "querystring.year"],
      ["?from=2023-01-01&to=2022-01-01", "querystring.to"],
      ["?from=2022-02-30", "querystring.from"],
      ["?page=0", "querystring.page"],
      ["?perPage=500", "querystring.perPage"],
      ["?sort=hasard", "querystring.sort"],
    ] as const) {
      const problem = expectProblem(await t.admin.inject(`/api/territories/overview${query}`), 400);
      expect(problem.errors?.map((e) => e.path), query).toContain(path);
    }
  });
});

describe("the figures of each contract and across the scope", () => {
  it("counts the Côte-d'Or fiche as late, its indicator measured, its budget, and its COPIL behind its rhythm", async () => {
    const o = await overview(t.clients.d21);
    const row = o.contracts.items[0]!;
    expect(row).toMatchObject({ name: "CLS de Dijon Métropole", departements: ["21"], status: "running", late: 1 });
    expect(row.fiches).toMatchObject({ total: 1, byStatus: { late: 1, in_progress: 0 } });
    expect(row.progress).toEqual({ active: 1, withProgress: 0, share: 0 });
    expect(row.indicators).toEqual({ total: 1, measured: 1, share: 1 });
    expect(row.budget).toEqual({ total: 42000, secured: 30000, requested: 12000 });
    expect(row.copil.lastOn).toBeNull();
    expect(row.copil.holds).toBe(false);
    expect(row.copil.alert).toMatch(/^Aucun COPIL depuis le début du contrat/);
    expect(row.rhythmHolds).toBe(false);
    expect(o.aggregates.governance).toEqual({ holding: 0, behind: 1, noRhythm: 0 });
    expect(o.aggregates.late.count).toBe(1);
    expect(o.aggregates.late.items[0]).toMatchObject({ contractId: t.dijon, title: `=${DIJON_TITLE}` });
    expect(o.aggregates.themeByPrs).toEqual({ prsCodes: ["2.3"], rows: [{ theme: "Activité physique", cells: [1], withoutCode: 0, total: 1 }] });
  });

  it("adds a progress entry of this quarter to the share as soon as it is written", async () => {
    const before = (await overview(t.admin, "?departement=21")).contracts.items[0]!;
    expect(before.progress.withProgress).toBe(0);
    const res = await t.admin.inject({ method: "POST", url: `/api/actions/${t.dijonFiche}/progress`, payload: { happenedOn: (await overview(t.admin)).today, text: "Premières séances." } });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await overview(t.admin, "?departement=21")).contracts.items[0]!;
    expect(after.progress).toEqual({ active: 1, withProgress: 1, share: 1 });
  });

  it("filters contracts by status and period, and fiches by theme, determinant and PRS code", async () => {
    expect(ids(await overview(t.admin, "?year=2020"))).toEqual([t.capvm]);
    expect(ids(await overview(t.admin, "?from=2022-06-01&to=2023-06-30"))).toEqual([t.camvs, t.capvm].sort());
    expect(ids(await overview(t.admin, "?status=running"))).toEqual([t.dijon]);
    expect(ids(await overview(t.admin, "?status=closed"))).toEqual([]);
    const sport = await overview(t.admin, `?theme=${encodeURIComponent("Activité physique")}`);
    expect(sport.contracts.items.every((r) => r.fiches.total > 0)).toBe(true);
    expect(sport.aggregates.themeByPrs.rows.map((r) => r.theme)).toContain("Activité physique");
    expect(sport.aggregates.fiches.total).toBe(sport.contracts.items.reduce((s, r) => s + r.fiches.total, 0));
    const prs = await overview(t.admin, "?prsCode=2.3");
    expect(prs.contracts.items.find((r) => r.id === t.dijon)?.fiches.total).toBe(1);
    const behaviour = await overview(t.admin, `?determinant=${encodeURIComponent(BEHAVIOUR)}&departement=21`);
    expect(ids(behaviour)).toEqual([t.dijon]);
  });

  it("pages and sorts the contracts, the aggregates covering all of them", async () => {
    const first = await overview(t.admin, "?perPage=2&sort=name");
    const second = await overview(t.admin, "?perPage=2&page=2&sort=name");
    expect(first.contracts).toMatchObject({ total: 3, page: 1, perPage: 2 });
    expect(first.contracts.items).toHaveLength(2);
    expect(second.contracts.items).toHaveLength(1);
    expect(first.aggregates).toEqual(second.aggregates);
    const names = [...first.contracts.items, ...second.contracts.items].map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    const byFiches = await overview(t.admin, "?sort=fiches&order=desc");
    const counts = byFiches.contracts.items.map((r) => r.fiches.total);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe("the comparison of contracts", () => {
  const compare = (client: TestClient, list: string) => client.inject(`/api/territories/compare?contracts=${list}`);

  it("puts two to five contracts the person may read side by side, in the order asked", async () => {
    const res = await compare(t.clients.d77, `${t.capvm},${t.camvs}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ contracts: (Row & { themes: { theme: string; count: number }[] })[] }>();
    expect(body.contracts.map((c) => c.id)).toEqual([t.capvm, t.camvs]);
    expect(body.contracts[0]!.themes.length).toBeGreaterThan(0);
    const admin = await t.admin.inject(`/api/territories/compare?contracts=${t.camvs}&contracts=${t.dijon}`);
    expect(admin.json<{ contracts: Row[] }>().contracts.map((c) => c.id)).toEqual([t.camvs, t.dijon]);
  });

  it("answers 404 for a contract outside the territory or unknown, as any contract read", async () => {
    for (const [client, list] of [
      [t.clients.d77, `${t.camvs},${t.dijon}`],
      [t.clients.r11, `${t.dijon},${t.capvm}`],
      [t.clients.d21, `${t.dijon},${t.camvs}`],
      [t.clients.r27, `${t.capvm},${t.dijon}`],
      [t.clients.coordinator, `${t.camvs},${t.capvm}`],
      [t.admin, `${t.camvs},${randomUUID()}`],
    ] as const)
      expect(expectProblem(await compare(client, list), 404).detail).toBe("Ce contrat est introuvable.");
    expectProblem(await compare(t.clients.anonymous, `${t.camvs},${t.capvm}`), 401);
  });

  it("answers 400 for fewer than two, more than five, repeated or malformed ids", async () => {
    const six = Array.from({ length: 6 }, () => randomUUID()).join(",");
    for (const list of [t.camvs, six, `${t.camvs},${t.camvs}`, `${t.camvs},pas-un-id`]) {
      const problem = expectProblem(await compare(t.admin, list), 400);
      expect(problem.errors?.[0]?.path, list).toMatch(/^querystring\.contracts/);
    }
    expect(expectProblem(await t.admin.inject("/api/territories/compare"), 400).errors?.[0]?.path).toBe("querystring.contracts");
  });
});

describe("the scope picker", () => {
  it("offers each account its territory: everything to the admin, its département or region to an ARS, nothing to others", async () => {
    const scope = async (client: TestClient) => (await client.inject("/api/territories/scope")).json<{ all: boolean; departements: string[]; regions: { code: string; whole: boolean }[]; label: string }>();
    expect(await scope(t.clients.d77)).toEqual({ all: false, departements: ["77"], regions: [{ code: "11", name: "Île-de-France", departements: ["77"], whole: false }], label: "Département 77" });
    expect((await scope(t.clients.r27)).regions).toEqual([expect.objectContaining({ code: "27", whole: true })]);
    const admin = await scope(t.admin);
    expect(admin.all).toBe(true);
    expect(admin.regions).toHaveLength(18);
    expect(await scope(t.clients.coordinator)).toEqual({ all: false, departements: [], regions: [], label: "" });
    expectProblem(await t.clients.anonymous.inject("/api/territories/scope"), 401);
  });
});
