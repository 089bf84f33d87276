/** Determinants (one to three) and budget lines of a fiche, through the fiche routes (issue 15). */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionBudgets } from "../../db/schema.js";
import { expectProblem } from "../../testing/http.js";
import { ActionView, app, camvs, capvm, createFiche, ctx, ficheBody, ficheId, getAction, list, org, rowCounts, toUpdateBody, useSeededApp } from "./routes.fixtures.js";

useSeededApp();

const COUNT = "Choisissez de un à trois déterminants de santé visés par l'action.";
const post = (payload: object) => app.inject({ method: "POST", url: `/api/contracts/${capvm.id}/actions`, payload });
const put = (id: string, payload: object) => app.inject({ method: "PUT", url: `/api/actions/${id}`, payload });

describe("determinants of a fiche", () => {
  it("creates fiches with one and with three determinants, shown in the fiche and its history", async () => {
    const one = await createFiche(capvm, { number: 40, determinants: ["Cohésion sociale"] });
    expect(one.determinants).toEqual(["Cohésion sociale"]);
    const three = ["Facteurs psychosociaux et environnement social", "Système de santé", "Facteurs comportementaux (style de vie)"];
    const created = await createFiche(capvm, { number: 41, determinants: three });
    expect(created.determinants).toEqual(three);
    const history = (await app.inject({ url: `/api/actions/${created.id}/history` })).json<{ items: { changes: { field: string; after: string | null }[] }[] }>();
    expect(history.items[0]!.changes.find((c) => c.field === "determinants")?.after).toBe(three.join("\n"));
  });

  it.each([
    ["none", [], [{ path: "determinants", message: COUNT }]],
    ["four", ["Système de santé", "Cohésion sociale", "Facteurs biologiques", "Environnement physique"], [{ path: "determinants", message: COUNT }]],
    ["the same twice", ["Cohésion sociale", "Cohésion sociale"], [{ path: "determinants.1", message: "Ce déterminant est déjà choisi." }]],
    ["one outside the list", ["Climat"], [{ path: "determinants.0", message: "Choisissez les déterminants dans la liste." }]],
    ["an old short label", ["Comportements"], [{ path: "determinants.0", message: "Choisissez les déterminants dans la liste." }]],
  ])("refuses %s (400 on determinants) and writes nothing", async (_what, determinants, errors) => {
    const before = await rowCounts();
    expect(expectProblem(await post(ficheBody(capvm, { number: 42, determinants })), 400).errors).toEqual(errors);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses to drop every determinant of a fiche that has some, and changes nothing", async () => {
    const created = await createFiche(capvm, { number: 43, determinants: ["Système de santé", "Cohésion sociale"] });
    const problem = expectProblem(await put(created.id, { ...toUpdateBody(created), determinants: [], title: "Sans déterminant" }), 400);
    expect(problem.errors).toEqual([{ path: "determinants", message: COUNT }]);
    expect(await getAction(created.id)).toEqual(created);
    const changed = await put(created.id, { ...toUpdateBody(created), determinants: ["Environnement physique"] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<ActionView>().determinants).toEqual(["Environnement physique"]);
  });

  it("still saves a fiche that never had one (the CAMVS fiches), until one is chosen", async () => {
    const fa6 = await getAction(await ficheId(camvs, 6));
    expect(fa6.determinants).toEqual([]);
    const saved = await put(fa6.id, { ...toUpdateBody(fa6), place: "Melun" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<ActionView>()).toMatchObject({ place: "Melun", determinants: [] });
  });
});

describe("budget of a fiche", () => {
  const ars = () => org(capvm, "Agence régionale de santé Île-de-France");
  const cpam = () => org(capvm, "Caisse primaire d'assurance maladie de Seine-et-Marne");

  it("saves its lines, projects them with the funders' names and the totals, lists the totals and records them in the history", async () => {
    const budgets = [
      { year: 2021, amount: 12000, funderId: ars(), status: "secured" },
      { year: 2022, amount: 8000, funderId: cpam(), status: "requested" },
      { year: 2022, amount: 3000, funderId: ars(), status: "secured" },
    ];
    const res = await post(ficheBody(capvm, { number: 44, budgets }));
    expect(res.statusCode).toBe(201);
    const view = res.json<ActionView>();
    expect(view.budget).toEqual({
      lines: [
        { year: 2021, amount: 12000, funder: { id: ars(), name: "Agence régionale de santé Île-de-France" }, status: "secured" },
        { year: 2022, amount: 8000, funder: { id: cpam(), name: "Caisse primaire d'assurance maladie de Seine-et-Marne" }, status: "requested" },
        { year: 2022, amount: 3000, funder: { id: ars(), name: "Agence régionale de santé Île-de-France" }, status: "secured" },
      ],
      total: 23000,
      secured: 15000,
      requested: 8000,
    });
    expect(await getAction(view.id)).toEqual(view);
    const rows = await ctx.database.db.select().from(actionBudgets).where(eq(actionBudgets.actionId, view.id));
    expect(rows.map((r) => [r.contractId, r.position])).toEqual([
      [capvm.id, 0],
      [capvm.id, 1],
      [capvm.id, 2],
    ]);
    const item = (await list(capvm.id)).items.find((i) => i.id === view.id)!;
    expect(item.budget).toEqual({ total: 23000, secured: 15000, requested: 8000 });
    expect((await list(capvm.id)).items.find((i) => i.number === 2)!.budget).toEqual({ total: 0, secured: 0, requested: 0 });

    // Without `budgets`, an update leaves the budget alone; with lines, they replace the old ones; history says so.
    const kept = await put(view.id, { ...toUpdateBody(view), budgets: undefined, title: "Titre changé" });
    expect(kept.json<ActionView>().budget.total).toBe(23000);
    const afterKeep = kept.json<ActionView>();
    const replaced = await put(view.id, { ...toUpdateBody(afterKeep), budgets: [{ year: 2023, amount: 500, funderId: cpam(), status: "requested" }] });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<ActionView>().budget).toMatchObject({ total: 500, secured: 0, requested: 500 });
    const history = (await app.inject({ url: `/api/actions/${view.id}/history` })).json<{ items: { changes: { field: string; before: string | null; after: string | null }[] }[] }>();
    expect(history.items[0]!.changes.find((c) => c.field === "budget")).toEqual({
      field: "budget",
      label: "Budget",
      before: "2021 : 12\u202f000\u202f€ — Agence régionale de santé Île-de-France (acquis)\n2022 : 8\u202f000\u202f€ — Caisse primaire d'assurance maladie de Seine-et-Marne (demandé)\n2022 : 3\u202f000\u202f€ — Agence régionale de santé Île-de-France (acquis)",
      after: "2023 : 500\u202f€ — Caisse primaire d'assurance maladie de Seine-et-Marne (demandé)",
    });
    const cleared = await put(view.id, { ...toUpdateBody(replaced.json<ActionView>()), budgets: [] });
    expect(cleared.json<ActionView>().budget).toEqual({ lines: [], total: 0, secured: 0, requested: 0 });
  });

  it("refuses a funder of another contract's directory (400 on budgets.0.funderId) and writes nothing", async () => {
    const before = await rowCounts();
    const budgets = [{ year: 2021, amount: 1000, funderId: org(camvs, "Agence régionale de santé Île-de-France"), status: "secured" }];
    expect(expectProblem(await post(ficheBody(capvm, { number: 45, budgets })), 400).errors).toEqual([
      { path: "budgets.0.funderId", message: "Ce financeur n'est pas dans l'annuaire du contrat." },
    ]);
    const existing = await createFiche(capvm, { number: 46 });
    const afterCreate = await rowCounts();
    expect(expectProblem(await put(existing.id, { ...toUpdateBody(existing), budgets }), 400).errors?.[0]?.path).toBe("budgets.0.funderId");
    expect(await rowCounts()).toEqual(afterCreate);
    expect(afterCreate).toEqual({ ...before, actions: before.actions + 1 });
    expect((await getAction(existing.id)).version).toBe(1);
  });

  it("refuses a year outside the contract's (one either side), a fraction of a euro, an unknown status", async () => {
    const before = await rowCounts();
    const line = { year: 2021, amount: 1000, funderId: ars(), status: "secured" };
    // CAPVM runs from 2019 to 2022: 2018 to 2023 are accepted.
    const problem = expectProblem(await post(ficheBody(capvm, { number: 47, budgets: [{ ...line, year: 2017 }, { ...line, year: 2024, status: "requested" }] })), 400);
    expect(problem.errors).toEqual([
      { path: "budgets.0.year", message: "L'année 2017 est hors de la période du contrat : choisissez une année entre 2018 et 2023." },
      { path: "budgets.1.year", message: "L'année 2024 est hors de la période du contrat : choisissez une année entre 2018 et 2023." },
    ]);
    const invalid = expectProblem(await post(ficheBody(capvm, { number: 47, budgets: [{ ...line, amount: 99.9, status: "promis" }] })), 400);
    expect(invalid.errors).toEqual([
      { path: "budgets.0.amount", message: "Le montant s'écrit en euros entiers, sans centimes." },
      { path: "budgets.0.status", message: "Indiquez si le financement est acquis ou demandé." },
    ]);
    expect(await rowCounts()).toEqual(before);
    const edge = await post(ficheBody(capvm, { number: 47, budgets: [{ ...line, year: 2018 }, { ...line, year: 2023 }] }));
    expect(edge.statusCode).toBe(201);
  });

  it("keeps each fiche's lines to itself", async () => {
    const a = await createFiche(capvm, { number: 48, budgets: [{ year: 2021, amount: 10, funderId: ars(), status: "secured" }] });
    const b = await createFiche(capvm, { number: 49 });
    expect(a.budget.total).toBe(10);
    expect((await getAction(b.id)).budget).toEqual({ lines: [], total: 0, secured: 0, requested: 0 });
  });
});
