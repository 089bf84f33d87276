import { randomUUID } from "node:crypto";
import type { TestClient } from "../../testing/client.js";
import { describe, expect, it } from "vitest";
import { communeByCode } from "../../territory/reference.js";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { createAxis, createContract, createFiche, createOrganisation, getContract, useDemoApp, type ContractSummary, type ContractView } from "../../testing/fixtures.js";
import { expectProblem } from "../../testing/http.js";

let app: TestClient;
let capvm: ContractSummary;
useDemoApp((demo) => ({ app, capvm } = demo));

/** The PUT body of a contract as read. */
function toBody({ slug, name, localAuthority, startDate, endDate, status, summary, communes, priorityAreas, signatories, version }: ContractView) {
  return {
    slug, name, localAuthority, startDate, endDate, status, summary, communes, priorityAreas,
    signatories: signatories.map((s) => ({ organisation: s.organisationId, representative: s.representative, title: s.title, signedOn: s.signedOn })),
    version,
  };
}

describe("PUT /api/contracts/:id", () => {
  it("saves a change, bumps the version and returns the updated view", async () => {
    const created = await createContract(app);
    const orgId = (await createOrganisation(app, created.id, { name: "Mairie d'essai", sector: "Santé" })).id;
    const current = await getContract(app, created.id);
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
    // Amponville (77003) was given without a population: the reference's.
    expect(view.counts).toMatchObject({ communes: 3, population: 3800 + communeByCode("77003")!.population!, populationMissing: 0 });
    expect(await getContract(app, created.id)).toEqual(view);
  });

  it("round-trips the CAPVM demo contract unchanged except for its version", async () => {
    const before = await getContract(app, capvm.id);
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${capvm.id}`, payload: toBody(before) });
    expect(res.statusCode).toBe(200);
    const after = res.json<ContractView>();
    expect(after.version).toBe(before.version + 1);
    const { version: _v1, updatedAt: _u1, ...restBefore } = before;
    const { version: _v2, updatedAt: _u2, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
  });

  it("refuses to remove a priority area where health ambassadors serve (CAPVM, La Renardière), and changes nothing", async () => {
    const before = await getContract(app, capvm.id);
    expect(before.priorityAreas.map((q) => q.name)).toContain("La Renardière");
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${capvm.id}`, payload: { ...toBody(before), priorityAreas: before.priorityAreas.filter((q) => q.name !== "La Renardière") } });
    expect(expectProblem(res, 400).errors).toEqual([
      { path: "priorityAreas", message: "Des ambassadeurs santé sont inscrits dans un quartier retiré : rattachez-les à un autre quartier ou effacez leurs données avant de le retirer." },
    ]);
    expect(await getContract(app, capvm.id)).toEqual(before);
  });

  it("allows running → under_evaluation, and back to running", async () => {
    const created = await createContract(app, { status: "running" });
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), status: "under_evaluation" } });
    expect(res.statusCode).toBe(200);
    const view = res.json<ContractView>();
    expect(view).toMatchObject({ status: "under_evaluation", version: 2 });
    const back = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(view), status: "running" } });
    expect(back.statusCode).toBe(200);
    expect(back.json<ContractView>()).toMatchObject({ status: "running", version: 3 });
  });

  it("records the contract's key dates, a day or a month each, in date order; leaving them out keeps them; a bad one is said on its field and nothing is written", async () => {
    const created = await createContract(app);
    const current = await getContract(app, created.id);
    const keyDates = [
      { on: "2021-06", label: "Signature par les 6 partenaires" },
      { on: "2020-11-17", label: "Comité de pilotage" },
    ];
    const saved = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(current), keyDates } });
    expect(saved.statusCode, saved.body).toBe(200);
    const view = saved.json<ContractView & { keyDates: { on: string; label: string }[] }>();
    expect(view.keyDates).toEqual([keyDates[1], keyDates[0]]);
    const kept = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(view), name: "CLS renommé" } });
    expect(kept.json<{ keyDates: unknown[] }>().keyDates).toEqual([keyDates[1], keyDates[0]]);
    const history = (await app.inject({ url: `/api/contracts/${created.id}/history` })).json<{ items: { changes: { label: string; after: string | null }[] }[] }>();
    expect(history.items.flatMap((e) => e.changes).find((c) => c.label === "Dates clés")?.after).toBe("17/11/2020 : Comité de pilotage\n06/2021 : Signature par les 6 partenaires");

    const latest = await getContract(app, created.id);
    const refused = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(latest), keyDates: [{ on: "2021-02-30", label: "Délibération" }, { on: "juin 2021", label: "" }] } });
    expect(expectProblem(refused, 400).errors).toEqual([
      { path: "keyDates.0.on", message: "Indiquez un jour (AAAA-MM-JJ) ou un mois (AAAA-MM)." },
      { path: "keyDates.1.on", message: "Indiquez un jour (AAAA-MM-JJ) ou un mois (AAAA-MM)." },
      { path: "keyDates.1.label", message: "Ce qui a eu lieu est obligatoire." },
    ]);
    expect(await getContract(app, created.id)).toEqual(latest);
  });

  it("records the population the contract states; leaving it out keeps it, null removes it; a bad one is said on its field and nothing is written", async () => {
    const created = await createContract(app);
    const current = await getContract(app, created.id);
    expect(current).toMatchObject({ population: null });
    const saved = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(current), population: 229_203 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const view = saved.json<ContractView & { population: number | null }>();
    expect(view.population).toBe(229_203);
    const kept = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(view), name: "CLS renommé" } });
    expect(kept.json<{ population: number | null }>().population).toBe(229_203);
    const history = (await app.inject({ url: `/api/contracts/${created.id}/history` })).json<{ items: { changes: { label: string; after: string | null }[] }[] }>();
    expect(history.items.flatMap((e) => e.changes).find((c) => c.label === "Population indiquée par le contrat")?.after).toBe("229203");

    const latest = await getContract(app, created.id);
    for (const [population, message] of [
      [0, "La population compte au moins un habitant."],
      [1.5, "La population est un nombre entier d'habitants."],
      ["229 203", "La population doit être un nombre."],
    ] as const) {
      const refused = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(latest), population } });
      expect(expectProblem(refused, 400).errors).toEqual([{ path: "population", message }]);
    }
    expect(await getContract(app, created.id)).toEqual(latest);
    const removed = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(latest), population: null } });
    expect(removed.json<{ population: number | null }>().population).toBeNull();
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const created = await createContract(app);
    const first = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), name: "Première modification" } });
    expect(first.statusCode).toBe(200);
    const saved = await getContract(app, created.id);
    expect(saved.version).toBe(2);
    const stale = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(created), name: "Modification sur une version périmée", communes: [], priorityAreas: [] },
    });
    const problem = expectProblem(stale, 409);
    expect(problem).toMatchObject({ title: "Conflit", detail: STALE_MESSAGE });
    expect(await getContract(app, created.id)).toEqual(saved);
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const created = await createContract(app);
    const [a, b] = await Promise.all(
      ["Version A", "Version B"].map((name) => app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), name } })),
    );
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const winner = a!.statusCode === 200 ? "Version A" : "Version B";
    const view = await getContract(app, created.id);
    expect(view).toMatchObject({ name: winner, version: 2 });
    expect(view.communes).toEqual(created.communes);
  });

  it("refuses an illegal status change (under_evaluation → draft) with 400 on status, writing nothing", async () => {
    const created = await createContract(app, { status: "under_evaluation" });
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), status: "draft", name: "Ne doit pas être enregistré" } });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: "status", message: "Un contrat « En évaluation » ne peut passer qu'à « En cours » ou « Clos »." }]);
    expect(await getContract(app, created.id)).toEqual(created);
  });

  it("keeps a closed contract closed", async () => {
    const created = await createContract(app, { status: "closed" });
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), status: "running" } });
    expect(expectProblem(res, 400).errors).toEqual([{ path: "status", message: "Un contrat « Clos » ne peut plus changer de statut." }]);
    expect(await getContract(app, created.id)).toEqual(created);
    // Other fields of a closed contract may still be corrected.
    const fix = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), summary: "Bilan final." } });
    expect(fix.statusCode).toBe(200);
    expect(fix.json<ContractView>()).toMatchObject({ status: "closed", summary: "Bilan final.", version: 2 });
  });

  it("refuses to remove a commune that a fiche's territory lists (400), but allows removing another one", async () => {
    const created = await createContract(app);
    const axis = await createAxis(app, created.id);
    await createFiche(app, created.id, axis.id, { title: "Fiche sur quelques communes", territory: { scope: "communes", communes: ["77003"] } });
    const current = await getContract(app, created.id);
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
    expect(await getContract(app, created.id)).toEqual(current);

    const ok = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(current), communes: current.communes.filter((c) => c.inseeCode !== "77001") },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<ContractView>().communes.map((c) => c.inseeCode)).toEqual(["77002", "77003"]);
  });

  it("refuses a signatory whose organisation belongs to the other contract, on signatories.0.organisation", async () => {
    const created = await createContract(app);
    const capvmView = await getContract(app, capvm.id);
    const foreignOrg = capvmView.organisations[0]!.id;
    const res = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(created), name: "Ne doit pas être enregistré", signatories: [{ organisation: foreignOrg, representative: "X", title: "", signedOn: null }] },
    });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: "signatories.0.organisation", message: "Cette organisation n'est pas dans l'annuaire du contrat." }]);
    expect(await getContract(app, created.id)).toEqual(created);
  });

  it("refuses a slug used by another contract, on slug", async () => {
    const created = await createContract(app);
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), slug: "camvs-2021-2023" } });
    expect(expectProblem(res, 400).errors).toEqual([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
    expect(await getContract(app, created.id)).toEqual(created);
  });

  it("adds a commune given by its INSEE code alone, named and counted by the reference; refuses an unknown code or a QPV outside the communes, changing nothing", async () => {
    const created = await createContract(app);
    const added = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(created), communes: [...created.communes, { inseeCode: "77288" }] } });
    expect(added.statusCode).toBe(200);
    const view = added.json<ContractView>();
    expect(view.communes.at(-1)).toEqual({ inseeCode: "77288", name: "Melun", population: communeByCode("77288")!.population });

    const unknown = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: { ...toBody(view), name: "Ne doit pas être enregistré", communes: [...view.communes, { inseeCode: "77000" }] } });
    expect(expectProblem(unknown, 400).errors).toEqual([{ path: "communes.4.inseeCode", message: expect.stringMatching(/^Ce code INSEE n'existe pas/) }]);
    const outside = await app.inject({
      method: "PUT",
      url: `/api/contracts/${created.id}`,
      payload: { ...toBody(view), name: "Ne doit pas être enregistré", priorityAreas: [{ name: "Montaigu", code: "QN07714M", communeInseeCode: "77285" }] },
    });
    expect(expectProblem(outside, 400).errors).toEqual([{ path: "priorityAreas.0.communeInseeCode", message: "Cette commune ne fait pas partie du territoire." }]);
    expect(await getContract(app, created.id)).toEqual(view);
  });

  it("refuses a body without version, with a French field error", async () => {
    const created = await createContract(app);
    const { version: _v, ...noVersion } = toBody(created);
    const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, payload: noVersion }), 400);
    expect(problem.errors).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    expect(await getContract(app, created.id)).toEqual(created);
  });

  it("answers 404 for an unknown contract and 400 for a non-uuid id", async () => {
    const created = await createContract(app);
    const unknown = randomUUID();
    const missing = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${unknown}`, payload: { ...toBody(created), slug: "inconnu-1" } }), 404);
    expect(missing.detail).toBe("Ce contrat est introuvable.");
    const bad = expectProblem(await app.inject({ method: "PUT", url: "/api/contracts/123", payload: toBody(created) }), 400);
    expect(bad.errors).toEqual([{ path: "params.contractId", message: "Identifiant invalide." }]);
  });

  it("answers 400 problem for malformed JSON and changes nothing", async () => {
    const created = await createContract(app);
    const res = await app.inject({ method: "PUT", url: `/api/contracts/${created.id}`, headers: { "content-type": "application/json" }, payload: "{version: 1}" });
    expect(expectProblem(res, 400).detail).toBe("Le contenu envoyé n'est pas un JSON valide.");
    expect(await getContract(app, created.id)).toEqual(created);
  });
});
