import { randomUUID } from "node:crypto";
import type { TestClient } from "../../testing/client.js";
import { describe, expect, it } from "vitest";
import { communeByCode, epciByCode } from "../../territory/reference.js";
import { getContract, listContracts, useDemoApp, type ContractSummary } from "../../testing/fixtures.js";
import { expectProblem } from "../../testing/http.js";

let app: TestClient;
let capvm: ContractSummary;
let camvs: ContractSummary;
useDemoApp((demo) => ({ app, capvm, camvs } = demo));

describe("GET /api/contracts", () => {
  it("lists both demo contracts, newest period first, with their counts", async () => {
    const list = await listContracts(app);
    expect(list.map((c) => c.slug)).toEqual(["camvs-2021-2023", "capvm-2019-2022"]);
    expect(list[1]).toMatchObject({
      slug: "capvm-2019-2022",
      startDate: "2019-11-07",
      endDate: "2022-12-31",
      status: "under_evaluation",
      actionCount: 16,
      axisCount: 4,
      communeCount: 12,
    });
    expect(list[0]).toMatchObject({ slug: "camvs-2021-2023", status: "running", actionCount: 15, axisCount: 4, communeCount: 20 });
    expect(list[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  type Page = { items: { slug: string }[]; total: number; page: number; perPage: number };
  const page = async (query: string) => {
    const res = await app.inject({ url: `/api/contracts?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>();
  };

  it("answers one page at a time, with the total", async () => {
    expect(await page("perPage=1")).toMatchObject({ items: [{ slug: "camvs-2021-2023" }], total: 2, page: 1, perPage: 1 });
    expect(await page("perPage=1&page=2")).toMatchObject({ items: [{ slug: "capvm-2019-2022" }], total: 2, page: 2 });
    expect(await page("perPage=1&page=3")).toMatchObject({ items: [], total: 2, page: 3 });
  });

  it("searches the name, the local authority, a commune's name or INSEE code, taking % and _ literally", async () => {
    const slugs = async (q: string) => (await page(`q=${encodeURIComponent(q)}`)).items.map((c) => c.slug);
    expect(await slugs("melun")).toEqual(["camvs-2021-2023"]);
    expect(await slugs("Brou-sur-Chantereine")).toEqual(["capvm-2019-2022"]);
    expect(await slugs("77055")).toEqual(["capvm-2019-2022"]);
    expect(await slugs("%")).toEqual([]);
    expect(await slugs("_")).toEqual([]);
    expect((await page("q=%20%20")).total).toBe(2);
  });

  it("refuses a page or a page size out of bounds with field errors", async () => {
    for (const [query, path] of [
      ["page=0", "querystring.page"],
      ["page=abc", "querystring.page"],
      ["perPage=101", "querystring.perPage"],
      ["perPage=0", "querystring.perPage"],
    ] as const) {
      const problem = expectProblem(await app.inject({ url: `/api/contracts?${query}` }), 400);
      expect(problem.errors?.map((e: { path: string }) => e.path), query).toEqual([path]);
    }
  });
});

describe("GET /api/contracts/:id", () => {
  it("returns the CAPVM contract with signatories, axes tree and counts", async () => {
    const view = await getContract(app, capvm.id);
    expect(view).toMatchObject({ id: capvm.id, slug: "capvm-2019-2022", status: "under_evaluation", version: expect.any(Number) });
    expect(view.communes).toHaveLength(12);
    // Names and populations from the official reference (issue 15), by INSEE code.
    expect(view.communes[0]).toEqual({ inseeCode: "77055", name: "Brou-sur-Chantereine", population: communeByCode("77055")!.population });
    expect(view.departements).toEqual([{ code: "77", name: "Seine-et-Marne" }]);
    expect(view.regions).toEqual([{ code: "11", name: "Île-de-France" }]);
    expect(view.priorityAreas).toEqual([{ name: "La Renardière", code: null, communeInseeCode: "77390" }]);
    expect(view.signatories).toHaveLength(6);
    expect(view.signatories[0]).toEqual({
      organisationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      organisationName: "Communauté d'agglomération Paris-Vallée de la Marne",
      representative: "M. Paul MIGUEL",
      title: "Président",
      signedOn: "2019-11-07",
    });
    expect(view.signatories[1]!.organisationName).toBe("Agence régionale de santé Île-de-France");
    // Every signatory is an organisation of the contract's own directory.
    const orgIds = new Set(view.organisations.map((o) => o.id));
    for (const s of view.signatories) expect(orgIds.has(s.organisationId)).toBe(true);
    expect(view.axes.map((a) => [a.number, a.actionCount, a.objectives.length])).toEqual([
      [1, 2, 0],
      [2, 3, 0],
      [3, 3, 0],
      [4, 8, 0],
    ]);
    expect(view.axes[0]!.title).toBe("Le renforcement de la CAPVM comme acteur de santé");
    // « près de 230 000 habitants » in 2019: the reference's current figure, the CAPVM EPCI's total.
    expect(view.counts).toEqual({ axes: 4, objectives: 0, actions: 16, communes: 12, population: epciByCode("200057958")!.population, populationMissing: 0 });
    expect(view.counts.population).toBeGreaterThan(225_000);
    expect(view.counts.population).toBeLessThan(240_000);
  });

  it("returns the CAMVS tree with objectives and their fiche counts", async () => {
    const view = await getContract(app, camvs.id);
    const axis1 = view.axes[0]!;
    expect(axis1.actionCount).toBe(7);
    expect(axis1.objectives.map((o) => [o.code, o.actionCount])).toEqual([
      ["1.1", 4],
      ["1.2", 3],
    ]);
    expect(view.axes.slice(1).map((a) => a.objectives.length)).toEqual([0, 0, 0]);
    expect(view.counts).toMatchObject({ axes: 4, objectives: 2, actions: 15, communes: 20 });
    // The 20 communes of the CA Melun Val de Seine, named and counted by the reference.
    const camvsEpci = epciByCode("247700057")!;
    expect(view.communes.map((c) => c.inseeCode).sort()).toEqual([...camvsEpci.members].sort());
    for (const c of view.communes) expect(c).toEqual({ inseeCode: c.inseeCode, name: communeByCode(c.inseeCode)!.name, population: communeByCode(c.inseeCode)!.population });
    expect(view.counts).toMatchObject({ population: camvsEpci.population, populationMissing: 0 });
    expect(view.departements).toEqual([{ code: "77", name: "Seine-et-Marne" }]);
  });

  it("answers 404 problem for an unknown uuid", async () => {
    const id = randomUUID();
    const problem = expectProblem(await app.inject({ method: "GET", url: `/api/contracts/${id}` }), 404);
    expect(problem).toMatchObject({ title: "Introuvable", detail: "Ce contrat est introuvable.", instance: `/api/contracts/${id}` });
  });

  it("answers 400 with a field error for an id that is not a uuid", async () => {
    const problem = expectProblem(await app.inject({ method: "GET", url: "/api/contracts/capvm-2019-2022" }), 400);
    expect(problem.errors).toEqual([{ path: "params.contractId", message: "Identifiant invalide." }]);
    expect(problem.detail).toBe("Une donnée est invalide : Identifiant invalide.");
  });
});
