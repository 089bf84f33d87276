import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionPartners, indicators } from "../../db/schema.js";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { expectProblem } from "../../testing/http.js";
import { ActionView, app, axis, camvs, capvm, createContract, createFiche, ctx, ficheBody, getAction, Indicator, numbersOf, objective, org, partner, range, rowCounts, toUpdateBody, useSeededApp } from "./routes.fixtures.js";

useSeededApp();

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
    expect(await rowCounts()).toEqual({ actions: before.actions + 1, partners: before.partners + 2, indicators: before.indicators + 2, budgets: before.budgets });
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
