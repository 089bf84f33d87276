import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionPartners, actions, indicators } from "../../db/schema.js";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { demoDocument } from "../../demo/load.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { expectProblem } from "../../testing/http.js";

interface ListItem {
  id: string;
  number: number;
  title: string;
  status: string;
  startMonth: string | null;
  endMonth: string | null;
  themes: { theme: string; other: string | null }[];
  territoryScope: string;
  archivedAt: string | null;
  axis: { id: string; number: number; title: string };
  objective: { id: string; code: string } | null;
  lead: { organisationId: string; name: string; shortName: string | null; person: string | null } | null;
  rank: number;
}
interface ListResponse {
  items: ListItem[];
  total: number;
  sort: string;
  facets: { leads: { id: string; name: string; shortName: string | null }[]; themes: string[] };
}
interface Partner {
  sector: string;
  organisation: string;
  organisationName: string;
  person: string | null;
  needsAnalysis: boolean;
  resourceMobilisation: boolean;
  implementation: boolean;
  coSteering: boolean;
}
interface Indicator {
  id: string;
  kind: string;
  label: string;
  unit: string;
  baseline: number | null;
  target: number | null;
}
interface ActionView {
  id: string;
  contractId: string;
  version: number;
  archivedAt: string | null;
  updatedAt: string;
  axisId: string;
  objectiveId: string | null;
  axis: { id: string; number: number; title: string };
  objective: { id: string; code: string; title: string } | null;
  number: number;
  title: string;
  status: string;
  lead: { organisation: string; person: string | null; organisationName: string } | null;
  startMonth: string | null;
  endMonth: string | null;
  justification: { text: string; inequalitiesIdentified: boolean | null; cityContractHealth: string | null };
  specificObjective: string;
  operationalObjectives: string[];
  description: string;
  preExisting: boolean | null;
  targetPublic: string;
  place: string;
  territory: { scope: string; communes: string[] };
  determinant: string | null;
  themes: { theme: string; other: string | null }[];
  otherPlans: string[];
  prsProjects: string[];
  partners: Partner[];
  participation: { involved: boolean | null; how: string; degree: string | null };
  indicators: Indicator[];
}
interface ContractView {
  id: string;
  slug: string;
  organisations: { id: string; name: string; shortName: string | null }[];
  axes: { id: string; number: number; title: string; objectives: { id: string; code: string; title: string }[] }[];
}

let ctx: TestContext;
let app: FastifyInstance;
let capvm: ContractView;
let camvs: ContractView;

async function getContract(id: string): Promise<ContractView> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractView>();
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  app = ctx.app;
  const res = await app.inject({ method: "GET", url: "/api/contracts" });
  const items = res.json<{ items: { id: string; slug: string }[] }>().items;
  capvm = await getContract(items.find((c) => c.slug === "capvm-2019-2022")!.id);
  camvs = await getContract(items.find((c) => c.slug === "camvs-2021-2023")!.id);
});
afterAll(async () => {
  await ctx?.close();
});

const org = (c: ContractView, name: string) => {
  const found = c.organisations.find((o) => o.name === name);
  if (!found) throw new Error(`no organisation ${name}`);
  return found.id;
};
const axis = (c: ContractView, number: number) => c.axes.find((a) => a.number === number)!;
const objective = (c: ContractView, code: string) => c.axes.flatMap((a) => a.objectives).find((o) => o.code === code)!;

async function list(contractId: string, query: Record<string, string> = {}): Promise<ListResponse> {
  const qs = new URLSearchParams(query).toString();
  const res = await app.inject({ method: "GET", url: `/api/contracts/${contractId}/actions${qs ? `?${qs}` : ""}` });
  expect(res.statusCode).toBe(200);
  return res.json<ListResponse>();
}
const numbersOf = async (contractId: string, query: Record<string, string> = {}) => (await list(contractId, query)).items.map((i) => i.number);

async function getAction(id: string): Promise<ActionView> {
  const res = await app.inject({ method: "GET", url: `/api/actions/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<ActionView>();
}

async function ficheId(contract: ContractView, number: number): Promise<string> {
  const item = (await list(contract.id)).items.find((i) => i.number === number);
  if (!item) throw new Error(`no fiche ${number}`);
  return item.id;
}

/** Rows of the fiche tables (all contracts, archived included): nothing written means nothing changes here. */
async function rowCounts() {
  const db = ctx.database.db;
  const [[a], [p], [i]] = await Promise.all([
    db.select({ n: count() }).from(actions),
    db.select({ n: count() }).from(actionPartners),
    db.select({ n: count() }).from(indicators),
  ]);
  return { actions: a!.n, partners: p!.n, indicators: i!.n };
}

/** A valid creation body for a fiche of `contract` (axis 1 unless told). */
function ficheBody(contract: ContractView, overrides: Record<string, unknown> = {}) {
  return {
    number: 90,
    title: "Fiche d'essai",
    status: "not_started",
    lead: null,
    startMonth: "2020-01",
    endMonth: "2022-12",
    justification: { text: "", inequalitiesIdentified: null, cityContractHealth: null },
    specificObjective: "",
    operationalObjectives: [],
    description: "",
    preExisting: null,
    targetPublic: "",
    place: "",
    territory: { scope: "whole", communes: [] as string[] },
    determinant: null,
    themes: [] as { theme: string; other: string | null }[],
    otherPlans: [],
    prsProjects: [],
    partners: [] as Record<string, unknown>[],
    participation: { involved: null, how: "", degree: null },
    indicators: [] as Record<string, unknown>[],
    axisId: axis(contract, 1).id,
    objectiveId: null as string | null,
    ...overrides,
  };
}

function partner(organisation: string, sector = "Santé") {
  return { sector, organisation, person: null, needsAnalysis: true, resourceMobilisation: false, implementation: true, coSteering: false };
}

async function createFiche(contract: ContractView, overrides: Record<string, unknown> = {}): Promise<ActionView> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contract.id}/actions`, payload: ficheBody(contract, overrides) });
  expect(res.statusCode).toBe(201);
  return res.json<ActionView>();
}

/** The PUT body of a fiche as read. */
function toUpdateBody(v: ActionView) {
  return {
    number: v.number,
    title: v.title,
    status: v.status,
    lead: v.lead ? { organisation: v.lead.organisation, person: v.lead.person } : null,
    startMonth: v.startMonth,
    endMonth: v.endMonth,
    justification: v.justification,
    specificObjective: v.specificObjective,
    operationalObjectives: v.operationalObjectives,
    description: v.description,
    preExisting: v.preExisting,
    targetPublic: v.targetPublic,
    place: v.place,
    territory: v.territory,
    determinant: v.determinant,
    themes: v.themes,
    otherPlans: v.otherPlans,
    prsProjects: v.prsProjects,
    partners: v.partners.map(({ organisationName: _n, ...p }) => p),
    participation: v.participation,
    indicators: v.indicators,
    axisId: v.axisId,
    objectiveId: v.objectiveId,
    version: v.version,
  };
}

/** A new contract with its own territory, directory and axis, to test without touching the demo. */
async function createContract(communes: string[]): Promise<ContractView> {
  const res = await app.inject({
    method: "POST",
    url: "/api/contracts",
    payload: {
      slug: `fiches-${randomUUID().slice(0, 8)}`,
      name: "CLS des fiches",
      localAuthority: "Communauté d'essai",
      startDate: "2024-01-01",
      endDate: "2026-12-31",
      status: "draft",
      summary: "",
      communes: communes.map((inseeCode, i) => ({ inseeCode, name: `Commune ${i + 1}`, population: null })),
      priorityAreas: [],
      signatories: [],
    },
  });
  expect(res.statusCode).toBe(201);
  const id = res.json<{ id: string }>().id;
  expect((await app.inject({ method: "POST", url: `/api/contracts/${id}/axes`, payload: { title: "Axe unique", description: "" } })).statusCode).toBe(201);
  return getContract(id);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("GET /api/contracts/:id/actions", () => {
  it("lists the 16 live fiches of CAPVM by number, with axis and lead", async () => {
    const res = await list(capvm.id);
    expect(res.total).toBe(16);
    expect(res.sort).toBe("number");
    expect(res.items.map((i) => i.number)).toEqual(range(1, 16));
    const fa10 = res.items[9]!;
    expect(fa10).toMatchObject({
      number: 10,
      title: "Déployer le programme PFIDASS de la CPAM",
      status: "in_progress",
      startMonth: "2019-10",
      endMonth: "2022-12",
      territoryScope: "whole",
      archivedAt: null,
      objective: null,
      axis: { id: axis(capvm, 4).id, number: 4 },
      lead: {
        organisationId: org(capvm, "Caisse primaire d'assurance maladie de Seine-et-Marne"),
        name: "Caisse primaire d'assurance maladie de Seine-et-Marne",
        shortName: "CPAM 77",
        person: null,
      },
    });
    expect(fa10.themes.map((t) => t.theme)).toEqual(["Accueil de la grande précarité par l'offre de soins", "Accès aux droits", "Accès aux soins"]);
    expect(await numbersOf(camvs.id)).toEqual(range(1, 15));
  });

  it("filters by axis", async () => {
    expect(await numbersOf(capvm.id, { axis: axis(capvm, 1).id })).toEqual([1, 2]);
    expect(await numbersOf(capvm.id, { axis: axis(capvm, 2).id })).toEqual([3, 4, 5]);
    expect(await numbersOf(capvm.id, { axis: axis(capvm, 3).id })).toEqual([6, 7, 8]);
    expect(await numbersOf(capvm.id, { axis: axis(capvm, 4).id })).toEqual(range(9, 16));
    // An axis of another contract finds nothing here.
    expect(await numbersOf(capvm.id, { axis: axis(camvs, 1).id })).toEqual([]);
  });

  it("filters by objective (CAMVS)", async () => {
    const o11 = objective(camvs, "1.1");
    const o12 = objective(camvs, "1.2");
    expect(await numbersOf(camvs.id, { objective: o11.id })).toEqual([1, 2, 3, 4]);
    const res = await list(camvs.id, { objective: o12.id });
    expect(res.items.map((i) => i.number)).toEqual([5, 6, 7]);
    expect(res.items.every((i) => i.objective?.id === o12.id && i.objective.code === "1.2")).toBe(true);
    expect(await numbersOf(camvs.id, { axis: axis(camvs, 1).id, objective: o11.id })).toEqual([1, 2, 3, 4]);
  });

  it("filters by theme", async () => {
    expect(await numbersOf(capvm.id, { theme: "Activité physique" })).toEqual([13, 14]);
    expect(await numbersOf(capvm.id, { theme: "Accès aux soins" })).toEqual([3, 4, 5, 9, 10]);
    expect(await numbersOf(capvm.id, { theme: "Santé mentale" })).toEqual([15]);
    expect(await numbersOf(capvm.id, { theme: "Vaccination" })).toEqual([]);
    expect(await numbersOf(camvs.id, { theme: "Santé mentale" })).toEqual([12]);
  });

  it("filters by lead (organisation id)", async () => {
    expect(await numbersOf(capvm.id, { lead: org(capvm, "Caisse primaire d'assurance maladie de Seine-et-Marne") })).toEqual([10]);
    expect(await numbersOf(capvm.id, { lead: org(capvm, "Coordinateur du CLS") })).toEqual([1, 2, 6, 9, 15, 16]);
    expect(await numbersOf(capvm.id, { lead: org(capvm, "Direction des Solidarités de la CAPVM") })).toEqual([3, 4]);
    // The ARS is in the directory but leads no fiche.
    expect(await numbersOf(capvm.id, { lead: org(capvm, "Agence régionale de santé Île-de-France") })).toEqual([]);
  });

  it("filters by status", async () => {
    expect(await numbersOf(capvm.id, { status: "in_progress" })).toEqual(range(1, 16));
    expect(await numbersOf(capvm.id, { status: "not_started" })).toEqual([]);
    expect(await numbersOf(camvs.id, { status: "not_started" })).toEqual([2]);
    expect(await numbersOf(camvs.id, { status: "in_progress" })).toEqual([1, ...range(3, 15)]);
  });

  it("combines filters", async () => {
    expect(await numbersOf(capvm.id, { axis: axis(capvm, 4).id, theme: "Cancer" })).toEqual([12, 13]);
    expect(await numbersOf(capvm.id, { axis: axis(capvm, 4).id, theme: "Cancer", lead: org(capvm, "Médecin du sport CAPVM") })).toEqual([13]);
  });

  it("filters by commune: whole-territory fiches match any commune, « communes » fiches only their own", async () => {
    const c = await createContract(["77001", "77002", "77003"]);
    const axisId = axis(c, 1).id;
    const whole = await createFiche(c, { number: 1, axisId, title: "Tout le territoire" });
    const onA = await createFiche(c, { number: 2, axisId, title: "Commune A", territory: { scope: "communes", communes: ["77001"] } });
    const onAB = await createFiche(c, { number: 3, axisId, title: "Communes A et B", territory: { scope: "communes", communes: ["77001", "77002"] } });
    const subB = await createFiche(c, { number: 4, axisId, title: "Quartier de B", territory: { scope: "sub_municipal", communes: ["77002"] } });
    expect([whole, onA, onAB, subB].map((f) => f.territory.scope)).toEqual(["whole", "communes", "communes", "sub_municipal"]);
    expect(await numbersOf(c.id, { commune: "77001" })).toEqual([1, 2, 3]);
    expect(await numbersOf(c.id, { commune: "77002" })).toEqual([1, 3, 4]);
    expect(await numbersOf(c.id, { commune: "77003" })).toEqual([1]);
    // A commune outside the territory still gets the whole-territory fiches.
    expect(await numbersOf(c.id, { commune: "77999" })).toEqual([1]);
  });

  it("filters the demo by commune: FA 16 (priority areas) only where a priority area lies", async () => {
    // Torcy has no priority area in the demo; FA 8 is infra-communal without communes named: anywhere.
    expect(await numbersOf(capvm.id, { commune: "77468" })).toEqual(range(1, 15));
    // La Renardière is in Roissy-en-Brie.
    expect(await numbersOf(capvm.id, { commune: "77390" })).toEqual(range(1, 16));
  });

  it("searches in French: a stemmed word of a description finds its fiche", async () => {
    const fa10 = (await list(capvm.id)).items.find((i) => i.number === 10)!;
    expect(fa10.title.toLowerCase()).not.toContain("renon");
    // « renoncer » is not written anywhere: the fiche speaks of « renoncement ».
    const res = await list(capvm.id, { q: "renoncer" });
    expect(res.items.map((i) => i.number)).toEqual([10]);
    expect(res.sort).toBe("relevance");
    expect(res.items[0]!.rank).toBeGreaterThan(0);
    expect(await numbersOf(capvm.id, { q: "obésité" })).toEqual([13]);
    expect(await numbersOf(capvm.id, { q: "mot-introuvable-xyz" })).toEqual([]);
  });

  it("searches within the contract only", async () => {
    // Both contracts have a PFIDASS fiche.
    expect(await numbersOf(capvm.id, { q: "PFIDASS" })).toEqual([10]);
    expect(await numbersOf(camvs.id, { q: "PFIDASS" })).toEqual([5]);
  });

  it("finds a fiche by its number: « FA 9 », « fa9 » and « 9 »", async () => {
    for (const q of ["FA 9", "fa9", "9"]) expect(await numbersOf(capvm.id, { q })).toEqual([9]);
  });

  it("ranks title matches above description matches", async () => {
    // « ambassadeurs » is in FA 16's title; nowhere else.
    expect(await numbersOf(capvm.id, { q: "ambassadeurs" })).toEqual([16]);
    const res = await list(capvm.id, { q: "santé" });
    expect(res.items.length).toBeGreaterThan(3);
    const ranks = res.items.map((i) => i.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const byNumber = await list(capvm.id, { q: "santé", sort: "number" });
    expect(byNumber.sort).toBe("number");
    expect(byNumber.items.map((i) => i.number)).toEqual(res.items.map((i) => i.number).sort((a, b) => a - b));
  });

  it("sorts by number, axis, lead, start and title, both ways", async () => {
    expect(await numbersOf(capvm.id, { sort: "number", order: "desc" })).toEqual(range(1, 16).reverse());
    expect(await numbersOf(capvm.id, { sort: "axis", order: "desc" })).toEqual([...range(9, 16), 6, 7, 8, 3, 4, 5, 1, 2]);
    // Leads: CPAM, Coordinateur, Direction de l'urbanisme, Direction des Solidarités, Médecin du sport, Professionnels, Service Prévention.
    expect(await numbersOf(capvm.id, { sort: "lead" })).toEqual([10, 1, 2, 6, 9, 15, 16, 7, 8, 3, 4, 13, 14, 5, 11, 12]);
    expect(await numbersOf(capvm.id, { sort: "lead", order: "desc" })).toEqual([11, 12, 5, 13, 14, 3, 4, 7, 8, 1, 2, 6, 9, 15, 16, 10]);
    expect(await numbersOf(capvm.id, { sort: "start" })).toEqual([1, 2, 3, 5, 10, 12, 13, 4, 6, 7, 9, 11, 14, 16, 15, 8]);
    const byTitle = (await list(capvm.id, { sort: "title" })).items;
    expect(byTitle.slice(0, 2).map((i) => i.title)).toEqual(["Animer la dynamique territoriale", "Assurer la coordination du CLS"]);
    const byTitleDesc = (await list(capvm.id, { sort: "title", order: "desc" })).items;
    expect(byTitleDesc.map((i) => i.id)).toEqual(byTitle.map((i) => i.id).reverse());
    // CAMVS fiches have no lead nor dates: all tie, by number, in both directions.
    expect(await numbersOf(camvs.id, { sort: "lead", order: "desc" })).toEqual(range(1, 15));
    expect(await numbersOf(camvs.id, { sort: "start", order: "desc" })).toEqual(range(1, 15));
    expect(await numbersOf(camvs.id, { sort: "status" })).toEqual([2, 1, ...range(3, 15)]);
  });

  it("gives the leads and themes in use as facets, whatever the filters", async () => {
    const res = await list(capvm.id, { theme: "Cancer" });
    expect(res.items.map((i) => i.number)).toEqual([12, 13]);
    expect(res.facets.leads.map((l) => l.name)).toEqual([
      "Caisse primaire d'assurance maladie de Seine-et-Marne",
      "Coordinateur du CLS",
      "Direction de l'urbanisme CAPVM",
      "Direction des Solidarités de la CAPVM",
      "Médecin du sport CAPVM",
      "Professionnels de santé",
      "Service Prévention CAPVM",
    ]);
    expect(res.facets.leads[0]).toEqual({ id: org(capvm, "Caisse primaire d'assurance maladie de Seine-et-Marne"), name: "Caisse primaire d'assurance maladie de Seine-et-Marne", shortName: "CPAM 77" });
    expect(res.facets.themes).toEqual([
      "Accès aux droits",
      "Accès aux soins",
      "Accueil de la grande précarité par l'offre de soins",
      "Activité physique",
      "Addiction",
      "Approche urbaine / EIS",
      "Autre",
      "Cancer",
      "Démarche participative (dont santé communautaire)",
      "Développement des compétences psychosociales",
      "Dispositif de coordination",
      "Intervention globale pour personne en difficulté sociale",
      "Lutte contre le VIH",
      "Maladies chroniques cardiométaboliques",
      "Nuisances environnementales (sites pollués, air, bruit)",
      "Précarité énergétique",
      "Santé de l'enfant",
      "Santé des adolescents et jeunes adultes",
      "Santé mentale",
    ]);
    // CAMVS fiches have no lead.
    expect((await list(camvs.id)).facets.leads).toEqual([]);
  });

  it("lists no archived fiche of the demo", async () => {
    const res = await list(capvm.id, { archived: "true" });
    expect(res.items).toEqual([]);
    expect(res.total).toBe(0);
  });

  it("refuses an unknown status, theme or sort with French errors (400)", async () => {
    const url = `/api/contracts/${capvm.id}/actions`;
    const status = expectProblem(await app.inject({ method: "GET", url: `${url}?status=paused` }), 400);
    expect(status.errors).toEqual([{ path: "querystring.status", message: "Statut inconnu." }]);
    const theme = expectProblem(await app.inject({ method: "GET", url: `${url}?theme=Jardinage` }), 400);
    expect(theme.errors).toEqual([{ path: "querystring.theme", message: "Thème inconnu." }]);
    const sort = expectProblem(await app.inject({ method: "GET", url: `${url}?sort=color` }), 400);
    expect(sort.errors).toEqual([{ path: "querystring.sort", message: "Tri inconnu." }]);
    expect(sort.detail).toBe("Une donnée est invalide : Tri inconnu.");
    const commune = expectProblem(await app.inject({ method: "GET", url: `${url}?commune=Torcy` }), 400);
    expect(commune.errors).toEqual([{ path: "querystring.commune", message: "Le code INSEE compte 5 caractères (par exemple 77468)." }]);
  });

  it("answers 404 for an unknown contract", async () => {
    const unknown = randomUUID();
    const problem = expectProblem(await app.inject({ method: "GET", url: `/api/contracts/${unknown}/actions` }), 404);
    expect(problem).toMatchObject({ title: "Introuvable", detail: "Ce contrat est introuvable.", instance: `/api/contracts/${unknown}/actions` });
  });
});

describe("GET /api/actions/:id", () => {
  it("returns a whole fiche, every block as in the demo file, with names and indicator ids", async () => {
    const id = await ficheId(capvm, 9);
    const view = await getAction(id);
    const expected = demoDocument("capvm").contract.actions.find((a) => a.number === 9)!;
    expect(view).toMatchObject({ id, contractId: capvm.id, version: 1, archivedAt: null, axisId: axis(capvm, 4).id, objectiveId: null, objective: null });
    expect(view.axis).toEqual({ id: axis(capvm, 4).id, number: 4, title: axis(capvm, 4).title });
    expect(view.lead).toEqual({ organisation: org(capvm, "Coordinateur du CLS"), person: null, organisationName: "Coordinateur du CLS" });
    const { lead: _l, partners, indicators: expectedIndicators, axis: _a, objective: _o, archived: _r, ...rest } = expected;
    expect(view).toMatchObject(rest);
    expect(view.partners).toEqual(partners.map((p) => ({ ...p, organisation: org(capvm, p.organisation), organisationName: p.organisation })));
    expect(view.partners.map((p) => p.organisationName)).toContain("Agence régionale de santé Île-de-France");
    expect(view.indicators.map(({ id: _id, ...i }) => i)).toEqual(expectedIndicators);
    for (const i of view.indicators) expect(i.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(view.indicators.map((i) => i.id)).size).toBe(view.indicators.length);
    // Every block of the ARS template is present.
    for (const key of ["justification", "specificObjective", "operationalObjectives", "description", "preExisting", "targetPublic", "place", "territory", "determinant", "themes", "otherPlans", "prsProjects", "partners", "participation", "indicators"])
      expect(view).toHaveProperty(key);
    expect(view.prsProjects).toEqual(["5.3", "5.4"]);
    expect(view.participation).toEqual({ involved: true, how: "", degree: "partnership" });
  });

  it("returns the objective of a CAMVS fiche", async () => {
    const view = await getAction(await ficheId(camvs, 5));
    expect(view.objective).toEqual({ id: objective(camvs, "1.2").id, code: "1.2", title: "Accès aux soins et à l'éducation à la santé" });
    expect(view.objectiveId).toBe(objective(camvs, "1.2").id);
    expect(view.lead).toBeNull();
    expect(view.partners).toEqual([
      {
        sector: "Santé",
        organisation: org(camvs, "Caisse primaire d'assurance maladie de Seine-et-Marne"),
        organisationName: "Caisse primaire d'assurance maladie de Seine-et-Marne",
        person: null,
        needsAnalysis: false,
        resourceMobilisation: false,
        implementation: true,
        coSteering: false,
      },
    ]);
  });

  it("answers 404 for an unknown fiche and 400 for a non-uuid id", async () => {
    const problem = expectProblem(await app.inject({ method: "GET", url: `/api/actions/${randomUUID()}` }), 404);
    expect(problem.detail).toBe("Cette fiche action est introuvable.");
    const bad = expectProblem(await app.inject({ method: "GET", url: "/api/actions/9" }), 400);
    expect(bad.errors).toEqual([{ path: "params.actionId", message: "Identifiant invalide." }]);
  });
});

describe("POST /api/contracts/:id/actions", () => {
  it("creates a fiche (201) with its partners and indicators, and lists it", async () => {
    const before = await rowCounts();
    const cpam = org(capvm, "Caisse primaire d'assurance maladie de Seine-et-Marne");
    const ars = org(capvm, "Agence régionale de santé Île-de-France");
    const res = await app.inject({
      method: "POST",
      url: `/api/contracts/${capvm.id}/actions`,
      payload: ficheBody(capvm, {
        number: 17,
        title: "  Promouvoir la vaccination  ",
        status: "in_progress",
        lead: { organisation: cpam, person: "Mme Martin" },
        axisId: axis(capvm, 4).id,
        themes: [{ theme: "Vaccination", other: null }],
        territory: { scope: "communes", communes: ["77468", "77108"] },
        partners: [partner(ars), partner(cpam, "Social")],
        indicators: [
          { kind: "result", label: "Taux de couverture vaccinale", unit: "%", baseline: 72.5, target: 85 },
          { kind: "activity", label: "Séances", unit: "", baseline: null, target: 12 },
        ],
        participation: { involved: true, how: "Ateliers", degree: "consultation" },
      }),
    });
    expect(res.statusCode).toBe(201);
    const view = res.json<ActionView>();
    expect(view).toMatchObject({
      contractId: capvm.id,
      number: 17,
      title: "Promouvoir la vaccination",
      version: 1,
      archivedAt: null,
      axis: { number: 4 },
      lead: { organisation: cpam, person: "Mme Martin", organisationName: "Caisse primaire d'assurance maladie de Seine-et-Marne" },
      territory: { scope: "communes", communes: ["77468", "77108"] },
      participation: { involved: true, how: "Ateliers", degree: "consultation" },
    });
    expect(view.partners.map((p) => [p.organisationName, p.sector])).toEqual([
      ["Agence régionale de santé Île-de-France", "Santé"],
      ["Caisse primaire d'assurance maladie de Seine-et-Marne", "Social"],
    ]);
    expect(view.indicators.map(({ id: _id, ...i }) => i)).toEqual([
      { kind: "result", label: "Taux de couverture vaccinale", unit: "%", baseline: 72.5, target: 85 },
      { kind: "activity", label: "Séances", unit: "", baseline: null, target: 12 },
    ]);
    expect(await getAction(view.id)).toEqual(view);
    expect(await rowCounts()).toEqual({ actions: before.actions + 1, partners: before.partners + 2, indicators: before.indicators + 2 });
    expect(await numbersOf(capvm.id)).toEqual(range(1, 17));
    expect(await numbersOf(capvm.id, { q: "vacciner" })).toEqual([17]);
    expect(await numbersOf(capvm.id, { theme: "Vaccination" })).toEqual([17]);
    expect(await numbersOf(capvm.id, { commune: "77108" })).toContain(17);
    expect(await numbersOf(capvm.id, { commune: "77055" })).not.toContain(17);
  });

  it("refuses a number already taken (400 on number) and writes nothing", async () => {
    const before = await rowCounts();
    const problem = expectProblem(await app.inject({ method: "POST", url: `/api/contracts/${capvm.id}/actions`, payload: ficheBody(capvm, { number: 1 }) }), 400);
    expect(problem.errors).toEqual([{ path: "number", message: "Le numéro 1 est déjà pris par une autre fiche de ce contrat." }]);
    expect(problem.title).toBe("Données invalides");
    expect(await rowCounts()).toEqual(before);
  });

  it("accepts in one contract a number taken in another", async () => {
    const c = await createContract([]);
    const created = await createFiche(c, { number: 1 });
    expect(created.number).toBe(1);
  });

  it("refuses an axis of the other contract (400 on axisId) and writes nothing", async () => {
    const before = await rowCounts();
    const problem = expectProblem(
      await app.inject({ method: "POST", url: `/api/contracts/${capvm.id}/actions`, payload: ficheBody(capvm, { axisId: axis(camvs, 1).id }) }),
      400,
    );
    expect(problem.errors).toEqual([{ path: "axisId", message: "Choisissez un axe de ce contrat." }]);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an objective that is not in the chosen axis (400 on objectiveId) and writes nothing", async () => {
    const before = await rowCounts();
    const problem = expectProblem(
      await app.inject({
        method: "POST",
        url: `/api/contracts/${camvs.id}/actions`,
        payload: ficheBody(camvs, { axisId: axis(camvs, 2).id, objectiveId: objective(camvs, "1.1").id }),
      }),
      400,
    );
    expect(problem.errors).toEqual([{ path: "objectiveId", message: "Cet objectif n'appartient pas à l'axe choisi." }]);
    const unknown = expectProblem(
      await app.inject({ method: "POST", url: `/api/contracts/${camvs.id}/actions`, payload: ficheBody(camvs, { objectiveId: randomUUID() }) }),
      400,
    );
    expect(unknown.errors).toEqual([{ path: "objectiveId", message: "Cet objectif n'appartient pas à l'axe choisi." }]);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses organisations of the other contract's directory (lead and partners) and writes nothing", async () => {
    const before = await rowCounts();
    // Same name in both directories, but not the same organisation.
    const camvsArs = org(camvs, "Agence régionale de santé Île-de-France");
    const problem = expectProblem(
      await app.inject({
        method: "POST",
        url: `/api/contracts/${capvm.id}/actions`,
        payload: ficheBody(capvm, {
          lead: { organisation: org(camvs, "SOLIPAM"), person: null },
          partners: [partner(camvsArs), partner(org(capvm, "Agence régionale de santé Île-de-France"))],
        }),
      }),
      400,
    );
    expect(problem.errors).toEqual([
      { path: "lead.organisation", message: "Cette organisation n'est pas dans l'annuaire du contrat." },
      { path: "partners.0.organisation", message: "Cette organisation n'est pas dans l'annuaire du contrat." },
    ]);
    expect(problem.detail).toBe("2 données sont invalides.");
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a commune outside the contract's territory and writes nothing", async () => {
    const before = await rowCounts();
    // 77288 (Melun) belongs to CAMVS, not to CAPVM.
    const problem = expectProblem(
      await app.inject({
        method: "POST",
        url: `/api/contracts/${capvm.id}/actions`,
        payload: ficheBody(capvm, { territory: { scope: "communes", communes: ["77468", "77288"] } }),
      }),
      400,
    );
    expect(problem.errors).toEqual([{ path: "territory.communes.1", message: "La commune 77288 ne fait pas partie du territoire du contrat." }]);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses an invalid body with French field errors and writes nothing", async () => {
    const before = await rowCounts();
    const problem = expectProblem(
      await app.inject({ method: "POST", url: `/api/contracts/${capvm.id}/actions`, payload: ficheBody(capvm, { title: " ", startMonth: "2021-13" }) }),
      400,
    );
    expect(problem.errors).toEqual([
      { path: "title", message: "L'intitulé est obligatoire." },
      { path: "startMonth", message: "Indiquez un mois au format AAAA-MM (par exemple 2021-09)." },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it("answers 404 for an unknown contract and writes nothing", async () => {
    const before = await rowCounts();
    const problem = expectProblem(
      await app.inject({ method: "POST", url: `/api/contracts/${randomUUID()}/actions`, payload: ficheBody(capvm) }),
      404,
    );
    expect(problem.detail).toBe("Ce contrat est introuvable.");
    expect(await rowCounts()).toEqual(before);
  });
});

describe("PUT /api/actions/:id", () => {
  async function ficheWithChildren(number: number) {
    return createFiche(capvm, {
      number,
      title: `Fiche à modifier ${number}`,
      lead: { organisation: org(capvm, "Coordinateur du CLS"), person: null },
      partners: [partner(org(capvm, "Agence régionale de santé Île-de-France")), partner(org(capvm, "PMI"), "Petite enfance")],
      indicators: [
        { kind: "process", label: "Indicateur A", unit: "", baseline: null, target: null },
        { kind: "activity", label: "Indicateur B", unit: "", baseline: 1, target: 2 },
        { kind: "result", label: "Indicateur C", unit: "%", baseline: 10, target: 20 },
      ],
    });
  }

  it("saves a fiche: version bumps, partners replaced, indicators kept by id, removed ones deleted", async () => {
    const created = await ficheWithChildren(60);
    const [a, b, c] = created.indicators as [Indicator, Indicator, Indicator];
    const cd77 = org(capvm, "Département de Seine-et-Marne");
    const body = {
      ...toUpdateBody(created),
      title: "Fiche modifiée",
      status: "in_progress",
      lead: { organisation: org(capvm, "Direction des Solidarités de la CAPVM"), person: "M. Durand" },
      axisId: axis(capvm, 2).id,
      partners: [{ ...partner(cd77, "Social"), coSteering: true }],
      indicators: [
        { ...c, target: 25 },
        { kind: "result", label: "Indicateur D", unit: "", baseline: null, target: 5 },
        { ...a, label: "Indicateur A renommé" },
      ],
    };
    const res = await app.inject({ method: "PUT", url: `/api/actions/${created.id}`, payload: body });
    expect(res.statusCode).toBe(200);
    const saved = res.json<ActionView>();
    expect(saved).toMatchObject({
      id: created.id,
      version: 2,
      title: "Fiche modifiée",
      status: "in_progress",
      axis: { number: 2 },
      lead: { organisationName: "Direction des Solidarités de la CAPVM", person: "M. Durand" },
    });
    expect(saved.partners).toEqual([
      { ...partner(cd77, "Social"), coSteering: true, organisationName: "Département de Seine-et-Marne" },
    ]);
    expect(saved.indicators.map((i) => [i.label, i.target])).toEqual([
      ["Indicateur C", 25],
      ["Indicateur D", 5],
      ["Indicateur A renommé", null],
    ]);
    expect(saved.indicators[0]!.id).toBe(c.id);
    expect(saved.indicators[2]!.id).toBe(a.id);
    expect([a.id, b.id, c.id]).not.toContain(saved.indicators[1]!.id);
    const rows = await ctx.database.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.actionId, created.id));
    expect(rows.map((r) => r.id).sort()).toEqual([a.id, c.id, saved.indicators[1]!.id].sort());
    const partnerRows = await ctx.database.db.select().from(actionPartners).where(eq(actionPartners.actionId, created.id));
    expect(partnerRows).toHaveLength(1);
    expect(await getAction(created.id)).toEqual(saved);
    expect(await numbersOf(capvm.id, { axis: axis(capvm, 2).id })).toContain(60);
  });

  it("does not keep an indicator id that belongs to another fiche", async () => {
    const other = await ficheWithChildren(61);
    const target = await createFiche(capvm, { number: 62 });
    const foreign = other.indicators[0]!;
    const res = await app.inject({ method: "PUT", url: `/api/actions/${target.id}`, payload: { ...toUpdateBody(target), indicators: [foreign] } });
    expect(res.statusCode).toBe(200);
    const saved = res.json<ActionView>();
    expect(saved.indicators).toHaveLength(1);
    expect(saved.indicators[0]!.id).not.toBe(foreign.id);
    expect(await getAction(other.id)).toEqual(other);
  });

  it("refuses a stale version (409, French) and changes nothing", async () => {
    const created = await ficheWithChildren(63);
    const first = await app.inject({ method: "PUT", url: `/api/actions/${created.id}`, payload: { ...toUpdateBody(created), title: "Première modification" } });
    expect(first.statusCode).toBe(200);
    const current = first.json<ActionView>();
    const before = await rowCounts();
    const problem = expectProblem(
      await app.inject({
        method: "PUT",
        url: `/api/actions/${created.id}`,
        payload: { ...toUpdateBody(created), title: "Modification périmée", partners: [], indicators: [] },
      }),
      409,
    );
    expect(problem).toMatchObject({ title: "Conflit", detail: STALE_MESSAGE });
    expect(problem.detail).toMatch(/^Cet élément a été modifié par quelqu'un d'autre/);
    expect(await getAction(created.id)).toEqual(current);
    expect(current).toMatchObject({ version: 2, title: "Première modification" });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses the number of another live fiche (400 on number)", async () => {
    const created = await createFiche(capvm, { number: 64 });
    const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/actions/${created.id}`, payload: { ...toUpdateBody(created), number: 2 } }), 400);
    expect(problem.errors).toEqual([{ path: "number", message: "Le numéro 2 est déjà pris par une autre fiche de ce contrat." }]);
    // Keeping its own number is not a conflict.
    const same = await app.inject({ method: "PUT", url: `/api/actions/${created.id}`, payload: { ...toUpdateBody(created), title: "Même numéro" } });
    expect(same.statusCode).toBe(200);
    expect(same.json<ActionView>()).toMatchObject({ number: 64, version: 2 });
  });

  it("answers 404 for an unknown fiche", async () => {
    const created = await createFiche(capvm, { number: 65 });
    const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/actions/${randomUUID()}`, payload: toUpdateBody(created) }), 404);
    expect(problem.detail).toBe("Cette fiche action est introuvable.");
  });

  it("refuses to edit an archived fiche (409) and changes nothing", async () => {
    const created = await createFiche(capvm, { number: 66 });
    const archived = await app.inject({ method: "POST", url: `/api/actions/${created.id}/archive`, payload: { version: 1 } });
    expect(archived.statusCode).toBe(200);
    const view = archived.json<ActionView>();
    const problem = expectProblem(
      await app.inject({ method: "PUT", url: `/api/actions/${created.id}`, payload: { ...toUpdateBody(view), title: "Interdit" } }),
      409,
    );
    expect(problem.detail).toBe("Cette fiche est archivée : restaurez-la avant de la modifier.");
    expect(await getAction(created.id)).toEqual(view);
  });
});

describe("archive and restore", () => {
  const archive = (id: string, version: number) => app.inject({ method: "POST", url: `/api/actions/${id}/archive`, payload: { version } });
  const restore = (id: string, version: number) => app.inject({ method: "POST", url: `/api/actions/${id}/restore`, payload: { version } });

  it("archives a fiche: hidden from the default list, shown with archived=true, its number freed", async () => {
    const created = await createFiche(capvm, { number: 70, title: "Fiche archivée" });
    const res = await archive(created.id, 1);
    expect(res.statusCode).toBe(200);
    const view = res.json<ActionView>();
    expect(view.version).toBe(2);
    expect(view.archivedAt).not.toBeNull();
    expect(await numbersOf(capvm.id)).not.toContain(70);
    const archivedList = await list(capvm.id, { archived: "true" });
    expect(archivedList.items.map((i) => i.id)).toContain(created.id);
    expect(archivedList.items.every((i) => i.archivedAt !== null)).toBe(true);
    // Still readable by its id.
    expect((await getAction(created.id)).archivedAt).not.toBeNull();
    // Its number is free again.
    const again = await createFiche(capvm, { number: 70, title: "Nouvelle fiche 70" });
    expect(again.number).toBe(70);
    expect((await list(capvm.id)).items.filter((i) => i.number === 70).map((i) => i.id)).toEqual([again.id]);
  });

  it("refuses to restore a fiche whose number was taken (409) and changes nothing", async () => {
    const old = await createFiche(capvm, { number: 71, title: "Ancienne 71" });
    expect((await archive(old.id, 1)).statusCode).toBe(200);
    await createFiche(capvm, { number: 71, title: "Nouvelle 71" });
    const before = await getAction(old.id);
    const problem = expectProblem(await restore(old.id, 2), 409);
    expect(problem.detail).toBe("Le numéro 71 a été repris par une autre fiche : changez le numéro de celle-ci avant de restaurer.");
    expect(await getAction(old.id)).toEqual(before);
  });

  it("refuses to archive twice, or with a stale version (409)", async () => {
    const created = await createFiche(capvm, { number: 72 });
    const stale = expectProblem(await archive(created.id, 5), 409);
    expect(stale.detail).toBe(STALE_MESSAGE);
    expect((await getAction(created.id)).archivedAt).toBeNull();
    expect((await archive(created.id, 1)).statusCode).toBe(200);
    const twice = expectProblem(await archive(created.id, 2), 409);
    expect(twice.detail).toBe("Cette fiche est déjà archivée.");
    expect((await getAction(created.id)).version).toBe(2);
  });

  it("restores a fiche with the version read; a stale version or a live fiche is refused (409)", async () => {
    const created = await createFiche(capvm, { number: 73 });
    const notArchived = expectProblem(await restore(created.id, 1), 409);
    expect(notArchived.detail).toBe("Cette fiche n'est pas archivée.");
    expect((await archive(created.id, 1)).statusCode).toBe(200);
    const stale = expectProblem(await restore(created.id, 1), 409);
    expect(stale.detail).toBe(STALE_MESSAGE);
    expect((await getAction(created.id)).archivedAt).not.toBeNull();
    const res = await restore(created.id, 2);
    expect(res.statusCode).toBe(200);
    expect(res.json<ActionView>()).toMatchObject({ archivedAt: null, version: 3, number: 73 });
    expect(await numbersOf(capvm.id)).toContain(73);
    expect((await list(capvm.id, { archived: "true" })).items.map((i) => i.id)).not.toContain(created.id);
  });

  it("answers 404 for an unknown fiche and 400 without a version", async () => {
    expect(expectProblem(await archive(randomUUID(), 1), 404).detail).toBe("Cette fiche action est introuvable.");
    expect(expectProblem(await restore(randomUUID(), 1), 404).detail).toBe("Cette fiche action est introuvable.");
    const created = await createFiche(capvm, { number: 74 });
    const problem = expectProblem(await app.inject({ method: "POST", url: `/api/actions/${created.id}/archive`, payload: {} }), 400);
    expect(problem.errors).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    expect((await getAction(created.id)).archivedAt).toBeNull();
  });
});

describe("PUT /api/contracts/:id/actions/order", () => {
  const reorder = (contractId: string, ids: string[]) => app.inject({ method: "PUT", url: `/api/contracts/${contractId}/actions/order`, payload: { ids } });

  it("renumbers the live fiches 1..n in the order given", async () => {
    const c = await createContract([]);
    const a = await createFiche(c, { number: 1, title: "A" });
    const b = await createFiche(c, { number: 5, title: "B" });
    const d = await createFiche(c, { number: 9, title: "D" });
    const res = await reorder(c.id, [d.id, a.id, b.id]);
    expect(res.statusCode).toBe(204);
    expect((await list(c.id)).items.map((i) => [i.number, i.title])).toEqual([
      [1, "D"],
      [2, "A"],
      [3, "B"],
    ]);
    // Every renumbered fiche has a new version (an open editor must reload).
    expect((await getAction(d.id)).version).toBe(2);
    expect((await getAction(b.id)).version).toBe(2);
    expect((await getAction(a.id)).version).toBe(2);
    // Same order again: nothing changes.
    expect((await reorder(c.id, [d.id, a.id, b.id])).statusCode).toBe(204);
    expect((await getAction(a.id)).version).toBe(2);
  });

  it("leaves archived fiches out of the order", async () => {
    const c = await createContract([]);
    const a = await createFiche(c, { number: 1, title: "A" });
    const b = await createFiche(c, { number: 2, title: "B" });
    const gone = await createFiche(c, { number: 3, title: "Archivée" });
    expect((await app.inject({ method: "POST", url: `/api/actions/${gone.id}/archive`, payload: { version: 1 } })).statusCode).toBe(200);
    const withArchived = expectProblem(await reorder(c.id, [b.id, a.id, gone.id]), 400);
    expect(withArchived.errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
    expect((await reorder(c.id, [b.id, a.id])).statusCode).toBe(204);
    expect((await list(c.id)).items.map((i) => [i.number, i.title])).toEqual([
      [1, "B"],
      [2, "A"],
    ]);
    expect((await getAction(gone.id)).number).toBe(3);
  });

  it("refuses an incomplete list or a duplicate (400 on ids) and changes nothing", async () => {
    const c = await createContract([]);
    const a = await createFiche(c, { number: 1, title: "A" });
    const b = await createFiche(c, { number: 2, title: "B" });
    const d = await createFiche(c, { number: 3, title: "D" });
    const before = await list(c.id);
    const incomplete = expectProblem(await reorder(c.id, [d.id, a.id]), 400);
    expect(incomplete.errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
    const duplicate = expectProblem(await reorder(c.id, [d.id, a.id, a.id]), 400);
    expect(duplicate.errors).toEqual([{ path: "ids", message: "La liste contient deux fois le même élément." }]);
    const foreign = expectProblem(await reorder(c.id, [d.id, a.id, await ficheId(capvm, 1)]), 400);
    expect(foreign.errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
    const empty = expectProblem(await reorder(c.id, []), 400);
    expect(empty.errors).toEqual([{ path: "ids", message: "La liste est vide." }]);
    expect(await list(c.id)).toEqual(before);
    expect((await getAction(b.id)).version).toBe(1);
  });

  it("answers 404 for an unknown contract", async () => {
    const problem = expectProblem(await reorder(randomUUID(), [randomUUID()]), 404);
    expect(problem.detail).toBe("Ce contrat est introuvable.");
  });
});
