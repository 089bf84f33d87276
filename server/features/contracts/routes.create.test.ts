import { randomUUID } from "node:crypto";
import type { TestClient } from "../../testing/client.js";
import { describe, expect, it } from "vitest";
import { createContract, getContract, listContracts, newContractBody, useDemoApp, type ContractView } from "../../testing/fixtures.js";
import { expectProblem, type Problem } from "../../testing/http.js";
import { communeByCode } from "../../territory/reference.js";

let app: TestClient;
useDemoApp((demo) => ({ app } = demo));

describe("POST /api/contracts", () => {
  it("creates a contract (201) and returns its full view", async () => {
    const body = newContractBody();
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
    // Amponville is given without a population: the official reference's is taken.
    const amponville = communeByCode("77003")!.population!;
    expect(view.communes).toEqual([body.communes[0], body.communes[1], { ...body.communes[2], population: amponville }]);
    expect(view.priorityAreas).toEqual(body.priorityAreas);
    expect(view.counts).toEqual({ axes: 0, objectives: 0, actions: 0, communes: 3, population: 2000 + amponville, populationMissing: 0 });
    expect(view.departements).toEqual([{ code: "77", name: "Seine-et-Marne" }]);
    expect(view.regions).toEqual([{ code: "11", name: "Île-de-France" }]);
    // It is stored: it reads back and appears in the list.
    expect(await getContract(app, view.id)).toEqual(view);
    const listed = (await listContracts(app)).find((c) => c.id === view.id);
    expect(listed).toMatchObject({ slug: body.slug, axisCount: 0, actionCount: 0, communeCount: 3 });
  });

  it("takes the names and populations of communes given by INSEE code only from the official reference", async () => {
    const view = await createContract(app, {
      communes: [{ inseeCode: "21231" }, { inseeCode: "21054" }, { inseeCode: "71270", population: null }],
      priorityAreas: [{ name: "Les Grésilles", code: null, communeInseeCode: "21231" }],
    });
    expect(view.communes.map((c) => c.name)).toEqual(["Dijon", "Beaune", "Mâcon"]);
    for (const c of view.communes) expect(c.population).toBe(communeByCode(c.inseeCode)!.population);
    expect(view.departements).toEqual([
      { code: "21", name: "Côte-d'Or" },
      { code: "71", name: "Saône-et-Loire" },
    ]);
    expect(view.regions).toEqual([{ code: "27", name: "Bourgogne-Franche-Comté" }]);
  });

  it("refuses an INSEE code the reference does not know, on its field, and writes nothing", async () => {
    const before = await listContracts(app);
    const problem = expectProblem(
      await app.inject({ method: "POST", url: "/api/contracts", payload: newContractBody({ communes: [{ inseeCode: "77288" }, { inseeCode: "77999" }, { inseeCode: "01039" }], priorityAreas: [] }) }),
      400,
    );
    expect(problem.errors).toEqual([
      { path: "communes.1.inseeCode", message: "Ce code INSEE n'existe pas dans le code officiel géographique : vérifiez-le, ou cherchez la commune par son nom." },
      { path: "communes.2.inseeCode", message: expect.stringMatching(/^Ce code INSEE est celui de l'ancienne commune Béon, aujourd'hui rattachée à .+ \(code 01138\)/) },
    ]);
    expect(await listContracts(app)).toEqual(before);
  });

  it("trims the slug it stores", async () => {
    const slug = `trim-${randomUUID().slice(0, 8)}`;
    const view = await createContract(app, { slug: `  ${slug} ` });
    expect(view.slug).toBe(slug);
  });

  const refusals: { what: string; body: () => Record<string, unknown>; path: string; message: string | RegExp }[] = [
    { what: "a bad slug", body: () => newContractBody({ slug: "Mon Contrat" }), path: "slug", message: "L'identifiant ne contient que des minuscules, chiffres et tirets." },
    { what: "an end before the start", body: () => newContractBody({ startDate: "2024-01-01", endDate: "2023-12-31" }), path: "endDate", message: "La fin doit être postérieure au début." },
    { what: "an impossible date", body: () => newContractBody({ endDate: "2025-02-30" }), path: "endDate", message: "Indiquez une date valide au format AAAA-MM-JJ." },
    { what: "an empty name", body: () => newContractBody({ name: "  " }), path: "name", message: "Le nom du contrat est obligatoire." },
    { what: "an unknown status", body: () => newContractBody({ status: "archived" }), path: "status", message: "Statut inconnu." },
    {
      what: "a duplicate INSEE code",
      body: () => newContractBody({ communes: [{ inseeCode: "77001", name: "A", population: null }, { inseeCode: "77001", name: "B", population: null }], priorityAreas: [] }),
      path: "communes.1.inseeCode",
      message: "La commune 77001 figure deux fois.",
    },
    {
      what: "a priority area outside the territory",
      body: () => newContractBody({ priorityAreas: [{ name: "Ailleurs", code: null, communeInseeCode: "93048" }] }),
      path: "priorityAreas.0.communeInseeCode",
      message: "Cette commune ne fait pas partie du territoire.",
    },
    {
      what: "a negative population",
      body: () => newContractBody({ communes: [{ inseeCode: "77001", name: "A", population: -5 }], priorityAreas: [] }),
      path: "communes.0.population",
      message: /./,
    },
    {
      what: "signatories at creation",
      body: () => newContractBody({ signatories: [{ organisation: randomUUID(), representative: "", title: "", signedOn: null }] }),
      path: "signatories",
      message: "Ajoutez les signataires après avoir créé le contrat et son annuaire.",
    },
  ];

  it.each(refusals)("refuses $what with 400 on its path, and creates nothing", async ({ body, path, message }) => {
    const before = await listContracts(app);
    const res = await app.inject({ method: "POST", url: "/api/contracts", payload: body() });
    const problem = expectProblem(res, 400);
    expect(problem.title).toBe("Données invalides");
    expect(problem.instance).toBe("/api/contracts");
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors![0]!.path).toBe(path);
    expect(problem.errors![0]!.message).toMatch(typeof message === "string" ? new RegExp(`^${escapeRegExp(message)}$`) : message);
    expect(problem.detail).toBe(`Une donnée est invalide : ${problem.errors![0]!.message}`);
    expect(await listContracts(app)).toEqual(before);
  });

  it("refuses a body with several errors, listing each field and counting them in the detail", async () => {
    const before = await listContracts(app);
    const problem = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", payload: newContractBody({ slug: "A B", name: "", status: "nope" }) }), 400);
    expect(problem.errors!.map((e) => e.path)).toEqual(["slug", "name", "status"]);
    expect(problem.detail).toBe("3 données sont invalides.");
    expect(await listContracts(app)).toEqual(before);
  });

  it("refuses an existing slug with 400 on slug, even with surrounding spaces", async () => {
    const before = await listContracts(app);
    for (const slug of ["capvm-2019-2022", " camvs-2021-2023 "]) {
      const problem = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", payload: newContractBody({ slug }) }), 400);
      expect(problem.errors).toEqual([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
    }
    expect(await listContracts(app)).toEqual(before);
  });

  it("answers 400 on slug (not 500) to the loser of two simultaneous creations with the same slug", async () => {
    const body = newContractBody();
    const results = await Promise.all([1, 2].map(() => app.inject({ method: "POST", url: "/api/contracts", payload: body })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const loser = results.find((r) => r.statusCode === 400)!;
    expect(loser.json<Problem>().errors).toEqual([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
  });

  it("answers 400 problem for malformed JSON, and creates nothing", async () => {
    const before = await listContracts(app);
    const res = await app.inject({ method: "POST", url: "/api/contracts", headers: { "content-type": "application/json" }, payload: '{"slug": "x",' });
    const problem = expectProblem(res, 400);
    expect(problem).toMatchObject({ title: "Requête invalide", detail: "Le contenu envoyé n'est pas un JSON valide.", instance: "/api/contracts" });
    expect(problem.errors).toBeUndefined();
    expect(await listContracts(app)).toEqual(before);
  });

  it("answers 400 problem for an empty JSON body and 415 for a non-JSON media type", async () => {
    const before = await listContracts(app);
    const empty = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", headers: { "content-type": "application/json" }, payload: "" }), 400);
    expect(empty.detail).toBe("Le contenu envoyé n'est pas un JSON valide.");
    const xml = expectProblem(await app.inject({ method: "POST", url: "/api/contracts", headers: { "content-type": "application/xml" }, payload: "<contrat/>" }), 415);
    expect(xml.detail).toBe("Envoyez le contenu au format JSON.");
    expect(await listContracts(app)).toEqual(before);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
