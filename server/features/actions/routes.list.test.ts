import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { demoDocument } from "../../demo/load.js";
import { expectProblem } from "../../testing/http.js";
import { signedInClient } from "../../testing/client.js";
import { app, axis, camvs, capvm, createContract, createFiche, ctx, ficheId, getAction, list, numbersOf, objective, org, range, useSeededApp, type ListResponse } from "./routes.fixtures.js";

useSeededApp();

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

  it("filters by the status people see: late from an overdue milestone, whatever was declared", async () => {
    // CAPVM's illustrative follow-up: FA 16's milestone of 2021 is not done, FA 1's and FA 6's are.
    expect(await numbersOf(capvm.id, { shown: "late" })).toEqual([16]);
    expect(await numbersOf(capvm.id, { shown: "in_progress" })).toEqual(range(1, 15));
    expect(await numbersOf(camvs.id, { shown: "merged" })).toEqual([]);
    const bad = await app.inject({ url: `/api/contracts/${capvm.id}/actions?shown=bientot` });
    expect(bad.statusCode).toBe(400);
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
    // A commune outside the territory is said so (issue 15), not answered with every whole-territory fiche.
    const outside = expectProblem(await app.inject({ method: "GET", url: `/api/contracts/${c.id}/actions?commune=21425` }), 400);
    expect(outside.errors).toEqual([{ path: "querystring.commune", message: "La commune 21425 ne fait pas partie du territoire de ce contrat : choisissez une commune du contrat." }]);
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
      "Professionnels de santé / appui ARS-CPAM-CAPVM",
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

  it("names the people who pilot each fiche (role lead on it), and keeps « mes fiches » to those of the person asking", async () => {
    const all = await list(camvs.id);
    const pilotsOf = (n: number) => all.items.find((i) => i.number === n)!.pilots.map((p) => p.name);
    expect(pilotsOf(5)).toEqual(["Sophie Leroy"]);
    expect(pilotsOf(6)).toEqual(["Sophie Leroy"]);
    expect(all.items.every((i) => Array.isArray(i.pilots))).toBe(true);
    const lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
    const res = await lead.inject({ url: `/api/contracts/${camvs.id}/actions?mine=true` });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<ListResponse>();
    expect(mine.items.map((i) => i.number)).toEqual([5, 6]);
    expect(mine.total).toBe(2);
    // The same filter from someone who pilots nothing: no fiche; and the shared list stays whole.
    expect(await numbersOf(camvs.id, { mine: "true" })).toEqual([]);
    expect((await lead.inject({ url: `/api/contracts/${camvs.id}/actions` })).json<ListResponse>().total).toBe(all.total);
    expect((await app.inject({ url: `/api/contracts/${camvs.id}/actions?mine=oui` })).statusCode).toBe(400);
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
    for (const key of ["justification", "specificObjective", "operationalObjectives", "description", "preExisting", "targetPublic", "place", "territory", "determinants", "themes", "otherPlans", "prsProjects", "partners", "participation", "indicators", "budget"])
      expect(view).toHaveProperty(key);
    expect(view.prsProjects).toEqual(["5.3", "5.4"]);
    expect(view.participation).toEqual({ involved: true, how: "", degree: "partnership" });
  });

  it("returns the objective of a CAMVS fiche", async () => {
    const view = await getAction(await ficheId(camvs, 5));
    expect(view.objective).toEqual({ id: objective(camvs, "1.2").id, code: "1.2", title: "Accès aux soins et à l'éducation à la santé" });
    expect(view.objectiveId).toBe(objective(camvs, "1.2").id);
    expect(view.lead).toBeNull();
    expect(view.pilots.map((p) => p.name)).toEqual(["Sophie Leroy"]);
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
