import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { expectProblem, type Problem } from "../../testing/http.js";

interface Summary {
  id: string;
  slug: string;
  name: string;
  startDate: string;
  endDate: string;
  status: string;
  axisCount: number;
  actionCount: number;
  communeCount: number;
}
interface Commune {
  inseeCode: string;
  name: string;
  population: number | null;
}
interface PriorityArea {
  name: string;
  code: string | null;
  communeInseeCode: string | null;
}
interface Signatory {
  organisationId: string;
  organisationName: string;
  representative: string;
  title: string;
  signedOn: string | null;
}
interface AxisNode {
  id: string;
  number: number;
  title: string;
  version: number;
  actionCount: number;
  objectives: { id: string; code: string; title: string; version: number; actionCount: number }[];
}
interface ContractView {
  id: string;
  slug: string;
  name: string;
  localAuthority: string;
  startDate: string;
  endDate: string;
  status: string;
  summary: string;
  version: number;
  updatedAt: string;
  communes: Commune[];
  priorityAreas: PriorityArea[];
  signatories: Signatory[];
  organisations: { id: string; name: string; shortName: string | null; sector: string | null; version: number }[];
  axes: AxisNode[];
  counts: { axes: number; objectives: number; actions: number; communes: number; population: number };
}

let ctx: TestContext;
let app: FastifyInstance;
let capvm: Summary;
let camvs: Summary;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  app = ctx.app;
  const list = await listContracts();
  capvm = list.find((c) => c.slug === "capvm-2019-2022")!;
  camvs = list.find((c) => c.slug === "camvs-2021-2023")!;
});
afterAll(async () => {
  await ctx?.close();
});

async function listContracts(): Promise<Summary[]> {
  const res = await app.inject({ method: "GET", url: "/api/contracts" });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Summary[] }>().items;
}

async function getContract(id: string): Promise<ContractView> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractView>();
}


let slugCounter = 0;
function newBody(overrides: Record<string, unknown> = {}) {
  slugCounter += 1;
  return {
    slug: `essai-${slugCounter}-${randomUUID().slice(0, 8)}`,
    name: "CLS d'essai",
    localAuthority: "Communauté de communes d'essai",
    startDate: "2024-01-01",
    endDate: "2027-12-31",
    status: "draft",
    summary: "Un contrat pour les tests.",
    communes: [
      { inseeCode: "77001", name: "Achères-la-Forêt", population: 1200 },
      { inseeCode: "77002", name: "Amillis", population: 800 },
      { inseeCode: "77003", name: "Amponville", population: null },
    ],
    priorityAreas: [{ name: "Quartier des Tests", code: "QN07799Z", communeInseeCode: "77002" }],
    signatories: [] as unknown[],
    ...overrides,
  };
}

async function createContract(overrides: Record<string, unknown> = {}): Promise<ContractView> {
  const res = await app.inject({ method: "POST", url: "/api/contracts", payload: newBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json<ContractView>();
}

/** The PUT body of a contract as read. */
function toBody(view: ContractView) {
  return {
    slug: view.slug,
    name: view.name,
    localAuthority: view.localAuthority,
    startDate: view.startDate,
    endDate: view.endDate,
    status: view.status,
    summary: view.summary,
    communes: view.communes,
    priorityAreas: view.priorityAreas,
    signatories: view.signatories.map((s) => ({ organisation: s.organisationId, representative: s.representative, title: s.title, signedOn: s.signedOn })),
    version: view.version,
  };
}

async function addOrganisation(contractId: string, name: string): Promise<string> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/organisations`, payload: { name, shortName: null, sector: "Santé" } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

async function addAxis(contractId: string): Promise<string> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: "Axe d'essai", description: "" } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

function ficheBody(axisId: string, communes: string[]) {
  return {
    number: 1,
    title: "Fiche sur quelques communes",
    status: "not_started",
    lead: null,
    startMonth: null,
    endMonth: null,
    justification: { text: "", inequalitiesIdentified: null, cityContractHealth: null },
    specificObjective: "",
    operationalObjectives: [],
    description: "",
    preExisting: null,
    targetPublic: "",
    place: "",
    territory: { scope: "communes", communes },
    determinant: null,
    themes: [],
    otherPlans: [],
    prsProjects: [],
    partners: [],
    participation: { involved: null, how: "", degree: null },
    indicators: [],
    axisId,
    objectiveId: null,
  };
}

describe("GET /api/contracts", () => {
  it("lists both demo contracts, newest period first, with their counts", async () => {
    const list = await listContracts();
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
});

describe("GET /api/contracts/:id", () => {
  it("returns the CAPVM contract with signatories, axes tree and counts", async () => {
    const view = await getContract(capvm.id);
    expect(view).toMatchObject({ id: capvm.id, slug: "capvm-2019-2022", status: "under_evaluation", version: expect.any(Number) });
    expect(view.communes).toHaveLength(12);
    expect(view.communes[0]).toEqual({ inseeCode: "77055", name: "Brou-sur-Chantereine", population: null });
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
    expect(view.counts).toEqual({ axes: 4, objectives: 0, actions: 16, communes: 12, population: 0 });
  });

  it("returns the CAMVS tree with objectives and their fiche counts", async () => {
    const view = await getContract(camvs.id);
    const axis1 = view.axes[0]!;
    expect(axis1.actionCount).toBe(7);
    expect(axis1.objectives.map((o) => [o.code, o.actionCount])).toEqual([
      ["1.1", 4],
      ["1.2", 3],
    ]);
    expect(view.axes.slice(1).map((a) => a.objectives.length)).toEqual([0, 0, 0]);
    expect(view.counts).toMatchObject({ axes: 4, objectives: 2, actions: 15, communes: 20 });
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

describe("POST /api/contracts", () => {
  it("creates a contract (201) and returns its full view", async () => {
    const body = newBody();
    const res = await app.inject({ method: "POST", url: "/api/contracts", payload: body });
    expect(res.statusCode).toBe(201);
    const view = res.json<ContractView>();
    expect(view).toMatchObject({
      slug: body.slug,
      name: body.name,
      localAuthority: body.localAuthority,
      startDate: "2024-01-01",
      endDate: "2027-12-31",
      status: "draft",
      summary: body.summary,
      version: 1,
      signatories: [],
      organisations: [],
      axes: [],
    });
    expect(view.communes).toEqual(body.communes);
    expect(view.priorityAreas).toEqual(body.priorityAreas);
    expect(view.counts).toEqual({ axes: 0, objectives: 0, actions: 0, communes: 3, population: 2000 });
    // It is stored: it reads back and appears in the list.
    expect(await getContract(view.id)).toEqual(view);
    const listed = (await listContracts()).find((c) => c.id === view.id);
    expect(listed).toMatchObject({ slug: body.slug, axisCount: 0, actionCount: 0, communeCount: 3 });
  });

  it("trims the slug it stores", async () => {
    const slug = `trim-${randomUUID().slice(0, 8)}`;
    const view = await createContract({ slug: `  ${slug} ` });
    expect(view.slug).toBe(slug);
  });

  const refusals: { what: string; body: () => Record<string, unknown>; path: string; message: string | RegExp }[] = [
    { what: "a bad slug", body: () => newBody({ slug: "Mon Contrat" }), path: "slug", message: "L'identifiant ne contient que des minuscules, chiffres et tirets." },
    { what: "an end before the start", body: () => newBody({ startDate: "2024-01-01", endDate: "2023-12-31" }), path: "endDate", message: "La fin doit être postérieure au début." },
    { what: "an impossible date", body: () => newBody({ endDate: "2025-02-30" }), path: "endDate", message: "Indiquez une date valide au format AAAA-MM-JJ." },
    { what: "an empty name", body: () => newBody({ name: "  " }), path: "name", message: "Le nom du contrat est obligatoire." },
    { what: "an unknown status", body: () => newBody({ status: "archived" }), path: "status", message: "Statut inconnu." },
    {
      what: "a duplicate INSEE code",
      body: () => newBody({ communes: [{ inseeCode: "77001", name: "A", population: null }, { inseeCode: "77001", name: "B", population: null }], priorityAreas: [] }),
      path: "communes.1.inseeCode",
      message: "La commune 77001 figure deux fois.",
    },
    {
      what: "a priority area outside the territory",
      body: () => newBody({ priorityAreas: [{ name: "Ailleurs", code: null, communeInseeCode: "93048" }] }),
      path: "priorityAreas.0.communeInseeCode",
      message: "Cette commune ne fait pas partie du territoire.",
    },
    {
      what: "a negative population",
      body: () => newBody({ communes: [{ inseeCode: "77001", name: "A", population: -5 }], priorityAreas: [] }),
      path: "communes.0.population",
      message: /./,
    },
    {
      what: "signatories at creation",
      body: () => newBody({ signatories: [{ organisation: randomUUID(), representative: "", title: "", signedOn: null }] }),
      path: "signatories",
      message: "Ajoutez les signataires après avoir créé le contrat et son annuaire.",
    },
  ];

  it.each(refusals)("refuses $what with 400 on its path, and creates nothing", async ({ body, path, message }) => {
    const before = await listContracts();
    const res = await app.inject({ method: "POST", url: "/api/contracts", payload: body() });
    const problem = expectProblem(res, 400);
    expect(problem.title).toBe("Données invalides");
    expect(problem.instance).toBe("/api/contracts");
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors![0]!.path).toBe(path);
    expect(problem.errors![0]!.message).toMatch(typeof message === "string" ? new RegExp(`^${escapeRegExp(message)}$`) : message);
    expect(problem.detail).toBe(`Une donnée est invalide : ${problem.errors![0]!.message}`);
    expect(await listContracts()).toEqual(before);
  });

  it("refuses a body with several errors, listing each field and counting them in the detail", async () => {
    const before = await listContracts();
    const problem = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", payload: newBody({ slug: "A B", name: "", status: "nope" }) }), 400);
    expect(problem.errors!.map((e) => e.path)).toEqual(["slug", "name", "status"]);
    expect(problem.detail).toBe("3 données sont invalides.");
    expect(await listContracts()).toEqual(before);
  });

  it("refuses an existing slug with 400 on slug, even with surrounding spaces", async () => {
    const before = await listContracts();
    for (const slug of ["capvm-2019-2022", " camvs-2021-2023 "]) {
      const problem = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", payload: newBody({ slug }) }), 400);
      expect(problem.errors).toEqual([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
    }
    expect(await listContracts()).toEqual(before);
  });

  it("answers 400 on slug (not 500) to the loser of two simultaneous creations with the same slug", async () => {
    const body = newBody();
    const results = await Promise.all([1, 2].map(() => app.inject({ method: "POST", url: "/api/contracts", payload: body })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const loser = results.find((r) => r.statusCode === 400)!;
    expect(loser.json<Problem>().errors).toEqual([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
  });

  it("answers 400 problem for malformed JSON, and creates nothing", async () => {
    const before = await listContracts();
    const res = await app.inject({ method: "POST", url: "/api/contracts", headers: { "content-type": "application/json" }, payload: '{"slug": "x",' });
    const problem = expectProblem(res, 400);
    expect(problem).toMatchObject({ title: "Requête invalide", detail: "Le contenu envoyé n'est pas un JSON valide.", instance: "/api/contracts" });
    expect(problem.errors).toBeUndefined();
    expect(await listContracts()).toEqual(before);
  });

  it("answers 400 problem for an empty JSON body and 415 for a non-JSON media type", async () => {
    const before = await listContracts();
    const empty = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", headers: { "content-type": "application/json" }, payload: "" }), 400);
    expect(empty.detail).toBe("Le contenu envoyé n'est pas un JSON valide.");
    const xml = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", headers: { "content-type": "application/xml" }, payload: "<contrat/>" }), 415);
    expect(xml.detail).toBe("Envoyez le contenu au format JSON.");
    expect(await listContracts()).toEqual(before);
  });
});

describe("PUT /api/contracts/:id", () => {
  it("saves a change, bumps the version and returns the updated view", async () => {
    const created = await createContract();
    const orgId = await addOrganisation(created.id, "Mairie d'essai");
    const current = await getContract(created.id);
    const body = {
      ...toBody(current),
      name: "CLS d'essai (révisé)",
      status: "signed",
      communes: [...current.communes.slice(1), { inseeCode: "77004", name: "Annet-sur-Marne", population: 3000 }],
      priorityAreas: [],
      signatories: [{ organisation: orgId, representative: "Mme la Maire", title: "Maire", signedOn: "2024-02-01" }],
    };
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: body });
    expect(res.statusCode).toBe(200);
    const view = res.json<ContractView>();
    expect(view.version).toBe(current.version + 1);
    expect(view).toMatchObject({ name: "CLS d'essai (révisé)", status: "signed", priorityAreas: [] });
    expect(view.communes.map((c) => c.inseeCode)).toEqual(["77002", "77003", "77004"]);
    expect(view.signatories).toEqual([
      { organisationId: orgId, organisationName: "Mairie d'essai", representative: "Mme la Maire", title: "Maire", signedOn: "2024-02-01" },
    ]);
    expect(view.counts).toMatchObject({ communes: 3, population: 3800 });
    expect(await getContract(created.id)).toEqual(view);
  });

  it("round-trips the CAPVM demo contract unchanged except for its version", async () => {
    const before = await getContract(capvm.id);
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${capvm.id}`, payload: toBody(before) });
    expect(res.statusCode).toBe(200);
    const after = res.json<ContractView>();
    expect(after.version).toBe(before.version + 1);
    const { version: _v1, updatedAt: _u1, ...restBefore } = before;
    const { version: _v2, updatedAt: _u2, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
  });

  it("allows running → under_evaluation, and back to running", async () => {
    const created = await createContract({ status: "running" });
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), status: "under_evaluation" } });
    expect(res.statusCode).toBe(200);
    const view = res.json<ContractView>();
    expect(view).toMatchObject({ status: "under_evaluation", version: 2 });
    const back = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(view), status: "running" } });
    expect(back.statusCode).toBe(200);
    expect(back.json<ContractView>()).toMatchObject({ status: "running", version: 3 });
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const created = await createContract();
    const first = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), name: "Première modification" } });
    expect(first.statusCode).toBe(200);
    const saved = await getContract(created.id);
    expect(saved.version).toBe(2);
    const stale = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(created), name: "Modification sur une version périmée", communes: [], priorityAreas: [] },
    });
    const problem = expectProblem(stale, 409);
    expect(problem).toMatchObject({ title: "Conflit", detail: STALE_MESSAGE });
    expect(await getContract(created.id)).toEqual(saved);
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const created = await createContract();
    const [a, b] = await Promise.all(
      ["Version A", "Version B"].map((name) => app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), name } })),
    );
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const winner = a!.statusCode === 200 ? "Version A" : "Version B";
    const view = await getContract(created.id);
    expect(view).toMatchObject({ name: winner, version: 2 });
    expect(view.communes).toEqual(created.communes);
  });

  it("refuses an illegal status change (under_evaluation → draft) with 400 on status, writing nothing", async () => {
    const created = await createContract({ status: "under_evaluation" });
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), status: "draft", name: "Ne doit pas être enregistré" } });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: "status", message: "Un contrat « En évaluation » ne peut passer qu'à « En cours » ou « Clos »." }]);
    expect(await getContract(created.id)).toEqual(created);
  });

  it("keeps a closed contract closed", async () => {
    const created = await createContract({ status: "closed" });
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), status: "running" } });
    expect(expectProblem(res, 400).errors).toEqual([{ path: "status", message: "Un contrat « Clos » ne peut plus changer de statut." }]);
    expect(await getContract(created.id)).toEqual(created);
    // Other fields of a closed contract may still be corrected.
    const fix = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), summary: "Bilan final." } });
    expect(fix.statusCode).toBe(200);
    expect(fix.json<ContractView>()).toMatchObject({ status: "closed", summary: "Bilan final.", version: 2 });
  });

  it("refuses to remove a commune that a fiche's territory lists (400), but allows removing another one", async () => {
    const created = await createContract();
    const axisId = await addAxis(created.id);
    const fiche = await app.inject({ method: "POST", url: `/api/contracts/${created.id}/actions`, payload: ficheBody(axisId, ["77003"]) });
    expect(fiche.statusCode).toBe(201);
    const current = await getContract(created.id);
    expect(current.counts.actions).toBe(1);

    const res = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(current), communes: current.communes.filter((c) => c.inseeCode !== "77003") },
    });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([
      { path: "communes", message: "Ces communes sont citées par des fiches et ne peuvent pas être retirées : 77003 (FA 1)." },
    ]);
    expect(await getContract(created.id)).toEqual(current);

    const ok = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(current), communes: current.communes.filter((c) => c.inseeCode !== "77001") },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<ContractView>().communes.map((c) => c.inseeCode)).toEqual(["77002", "77003"]);
  });

  it("refuses a signatory whose organisation belongs to the other contract, on signatories.0.organisation", async () => {
    const created = await createContract();
    const capvmView = await getContract(capvm.id);
    const foreignOrg = capvmView.organisations[0]!.id;
    const res = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(created), name: "Ne doit pas être enregistré", signatories: [{ organisation: foreignOrg, representative: "X", title: "", signedOn: null }] },
    });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: "signatories.0.organisation", message: "Cette organisation n'est pas dans l'annuaire du contrat." }]);
    expect(await getContract(created.id)).toEqual(created);
  });

  it("refuses a slug used by another contract, on slug", async () => {
    const created = await createContract();
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), slug: "camvs-2021-2023" } });
    expect(expectProblem(res, 400).errors).toEqual([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
    expect(await getContract(created.id)).toEqual(created);
  });

  it("refuses a body without version, with a French field error", async () => {
    const created = await createContract();
    const { version: _v, ...noVersion } = toBody(created);
    const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: noVersion }), 400);
    expect(problem.errors).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    expect(await getContract(created.id)).toEqual(created);
  });

  it("answers 404 for an unknown contract and 400 for a non-uuid id", async () => {
    const created = await createContract();
    const unknown = randomUUID();
    const missing = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${unknown}`, payload: { ...toBody(created), slug: "inconnu-1" } }), 404);
    expect(missing.detail).toBe("Ce contrat est introuvable.");
    const bad = expectProblem(await app.inject({ method: "PUT", url: "/api/contracts/123", payload: toBody(created) }), 400);
    expect(bad.errors).toEqual([{ path: "params.contractId", message: "Identifiant invalide." }]);
  });

  it("answers 400 problem for malformed JSON and changes nothing", async () => {
    const created = await createContract();
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, headers: { "content-type": "application/json" }, payload: "{version: 1}" });
    expect(expectProblem(res, 400).detail).toBe("Le contenu envoyé n'est pas un JSON valide.");
    expect(await getContract(created.id)).toEqual(created);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
