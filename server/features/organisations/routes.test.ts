import { randomUUID } from "node:crypto";
import type { TestClient } from "../../testing/client.js";
import { describe, expect, it } from "vitest";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { createContract, createOrganisation, getContract, useDemoApp, type Organisation } from "../../testing/fixtures.js";
import { expectProblem } from "../../testing/http.js";

let app: TestClient;
let capvmId: string;
let camvsId: string;
useDemoApp((demo) => ({ app, capvm: { id: capvmId }, camvs: { id: camvsId } } = demo));

/** The directory of a contract, as its page shows it. */
async function directory(contractId: string) {
  return (await getContract(app, contractId)).organisations;
}

describe("POST /api/contracts/:id/organisations", () => {
  it("adds an organisation (201) that then appears in the contract's directory", async () => {
    const contractId = (await createContract(app)).id;
    const res = await app.inject({
      method: "POST",
      url: `/api/contracts/${contractId}/organisations`,
      payload: { name: "  Centre communal d'action sociale  ", shortName: "CCAS", sector: "Social" },
    });
    expect(res.statusCode).toBe(201);
    const org = res.json<Organisation>();
    expect(org).toMatchObject({ contractId, name: "Centre communal d'action sociale", shortName: "CCAS", sector: "Social", version: 1 });
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await directory(contractId)).toEqual([
      { id: org.id, name: "Centre communal d'action sociale", shortName: "CCAS", sector: "Social", version: 1 },
    ]);
  });

  it("refuses a name already in the directory (400 on name), and adds nothing", async () => {
    const before = await directory(capvmId);
    const existing = before[0]!.name;
    for (const name of [existing, ` ${existing} `]) {
      const problem = expectProblem(
        await app.inject({ method: "POST", url: `/api/contracts/${capvmId}/organisations`, payload: { name, shortName: null, sector: null } }),
        400,
      );
      expect(problem.errors).toEqual([{ path: "name", message: "Une organisation de ce nom figure déjà dans l'annuaire." }]);
      expect(problem.detail).toBe("Une donnée est invalide : Une organisation de ce nom figure déjà dans l'annuaire.");
    }
    expect(await directory(capvmId)).toEqual(before);
  });

  it("answers 400 (not 500) to the loser of two simultaneous creations of the same name", async () => {
    const contractId = (await createContract(app)).id;
    const payload = { name: "Centre social simultané", shortName: null, sector: null };
    const results = await Promise.all([1, 2].map(() => app.inject({ method: "POST", url: `/api/contracts/${contractId}/organisations`, payload })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(results.find((r) => r.statusCode === 400)!.json<{ errors: unknown }>().errors).toEqual([
      { path: "name", message: "Une organisation de ce nom figure déjà dans l'annuaire." },
    ]);
    expect((await directory(contractId)).filter((o) => o.name === payload.name)).toHaveLength(1);
  });

  it("accepts a name that exists only in another contract's directory", async () => {
    const contractId = (await createContract(app)).id;
    const capvmName = (await directory(capvmId))[0]!.name;
    const org = await createOrganisation(app, contractId, { name: capvmName });
    expect(org.contractId).toBe(contractId);
  });

  it("refuses an empty name (400 on name), and adds nothing", async () => {
    const contractId = (await createContract(app)).id;
    for (const name of ["", "   "]) {
      const problem = expectProblem(
        await app.inject({ method: "POST", url: `/api/contracts/${contractId}/organisations`, payload: { name, shortName: null, sector: null } }),
        400,
      );
      expect(problem.errors).toEqual([{ path: "name", message: "Le nom de l'organisation est obligatoire." }]);
    }
    expect(await directory(contractId)).toEqual([]);
  });

  it("refuses a sector outside the list (400 on sector)", async () => {
    const contractId = (await createContract(app)).id;
    const problem = expectProblem(
      await app.inject({ method: "POST", url: `/api/contracts/${contractId}/organisations`, payload: { name: "Ferme", shortName: null, sector: "Agriculture" } }),
      400,
    );
    expect(problem.errors).toEqual([{ path: "sector", message: "Choisissez un secteur de la liste." }]);
    expect(await directory(contractId)).toEqual([]);
  });

  it("answers 404 for an unknown contract and 400 for a non-uuid contract id", async () => {
    const unknown = randomUUID();
    const problem = expectProblem(
      await app.inject({ method: "POST", url: `/api/contracts/${unknown}/organisations`, payload: { name: "Orpheline", shortName: null, sector: null } }),
      404,
    );
    expect(problem).toMatchObject({ title: "Introuvable", detail: "Ce contrat est introuvable.", instance: `/api/contracts/${unknown}/organisations` });
    const bad = expectProblem(
      await app.inject({ method: "POST", url: "/api/contracts/nope/organisations", payload: { name: "Orpheline", shortName: null, sector: null } }),
      400,
    );
    expect(bad.errors).toEqual([{ path: "params.contractId", message: "Identifiant invalide." }]);
  });
});

describe("PUT /api/organisations/:id", () => {
  it("renames an organisation, bumps its version and shows the change in the directory", async () => {
    const contractId = (await createContract(app)).id;
    const org = await createOrganisation(app, contractId, { name: "Maison de santé", sector: "Santé" });
    const res = await app.inject({
      method: "PUT",
      url: `/api/organisations/${org.id}`,
      payload: { name: "Maison de santé pluriprofessionnelle", shortName: "MSP", sector: "Santé", version: 1 },
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json<Organisation>();
    expect(updated).toMatchObject({ id: org.id, contractId, name: "Maison de santé pluriprofessionnelle", shortName: "MSP", sector: "Santé", version: 2 });
    expect(await directory(contractId)).toEqual([{ id: org.id, name: "Maison de santé pluriprofessionnelle", shortName: "MSP", sector: "Santé", version: 2 }]);
  });

  it("keeps its own name when only other fields change", async () => {
    const contractId = (await createContract(app)).id;
    const org = await createOrganisation(app, contractId, { name: "Mission locale" });
    const res = await app.inject({ method: "PUT", url: `/api/organisations/${org.id}`, payload: { name: "Mission locale", shortName: "ML", sector: "Social", version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json<Organisation>()).toMatchObject({ name: "Mission locale", shortName: "ML", sector: "Social", version: 2 });
  });

  it("renames a signatory's organisation, and the contract's signatories show the new name", async () => {
    const view = await getContract(app, camvsId);
    const signatory = view.signatories[0]!;
    const org = view.organisations.find((o) => o.id === signatory.organisationId)!;
    const res = await app.inject({
      method: "PUT",
      url: `/api/organisations/${org.id}`,
      payload: { name: `${org.name} (CAMVS)`, shortName: org.shortName, sector: org.sector, version: org.version },
    });
    expect(res.statusCode).toBe(200);
    const after = await getContract(app, camvsId);
    expect(after.signatories[0]).toMatchObject({ organisationId: org.id, organisationName: `${org.name} (CAMVS)` });
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const contractId = (await createContract(app)).id;
    const org = await createOrganisation(app, contractId, { name: "PMI" });
    const first = await app.inject({ method: "PUT", url: `/api/organisations/${org.id}`, payload: { name: "PMI du secteur", shortName: null, sector: null, version: 1 } });
    expect(first.statusCode).toBe(200);
    const saved = await directory(contractId);
    const problem = expectProblem(
      await app.inject({ method: "PUT", url: `/api/organisations/${org.id}`, payload: { name: "PMI périmée", shortName: "X", sector: "Autre", version: 1 } }),
      409,
    );
    expect(problem).toMatchObject({ title: "Conflit", detail: STALE_MESSAGE });
    expect(await directory(contractId)).toEqual(saved);
    expect(saved[0]).toMatchObject({ name: "PMI du secteur", version: 2 });
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const contractId = (await createContract(app)).id;
    const org = await createOrganisation(app, contractId, { name: "CPAM" });
    const results = await Promise.all(
      ["CPAM A", "CPAM B"].map((name) => app.inject({ method: "PUT", url: `/api/organisations/${org.id}`, payload: { name, shortName: null, sector: null, version: 1 } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json<Organisation>();
    expect(await directory(contractId)).toEqual([{ id: org.id, name: winner.name, shortName: null, sector: null, version: 2 }]);
  });

  it("answers 404 for an unknown organisation and 400 for a non-uuid id", async () => {
    const unknown = randomUUID();
    const problem = expectProblem(
      await app.inject({ method: "PUT", url: `/api/organisations/${unknown}`, payload: { name: "Inconnue", shortName: null, sector: null, version: 1 } }),
      404,
    );
    expect(problem.detail).toBe("Cette organisation est introuvable.");
    const bad = expectProblem(
      await app.inject({ method: "PUT", url: "/api/organisations/42", payload: { name: "Inconnue", shortName: null, sector: null, version: 1 } }),
      400,
    );
    expect(bad.errors).toEqual([{ path: "params.organisationId", message: "Identifiant invalide." }]);
  });

  it("refuses renaming to a name already in the directory (400 on name), and changes nothing", async () => {
    const contractId = (await createContract(app)).id;
    await createOrganisation(app, contractId, { name: "Hôpital" });
    const other = await createOrganisation(app, contractId, { name: "Clinique" });
    const before = await directory(contractId);
    const problem = expectProblem(
      await app.inject({ method: "PUT", url: `/api/organisations/${other.id}`, payload: { name: "Hôpital", shortName: "H", sector: "Santé", version: 1 } }),
      400,
    );
    expect(problem.errors).toEqual([{ path: "name", message: "Une organisation de ce nom figure déjà dans l'annuaire." }]);
    expect(await directory(contractId)).toEqual(before);
  });

  it("refuses an empty name or a missing version (400), and changes nothing", async () => {
    const contractId = (await createContract(app)).id;
    const org = await createOrganisation(app, contractId, { name: "Centre social" });
    const before = await directory(contractId);
    const empty = expectProblem(await app.inject({ method: "PUT", url: `/api/organisations/${org.id}`, payload: { name: " ", shortName: null, sector: null, version: 1 } }), 400);
    expect(empty.errors).toEqual([{ path: "name", message: "Le nom de l'organisation est obligatoire." }]);
    const noVersion = expectProblem(await app.inject({ method: "PUT", url: `/api/organisations/${org.id}`, payload: { name: "Centre", shortName: null, sector: null } }), 400);
    expect(noVersion.errors).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    expect(await directory(contractId)).toEqual(before);
  });
});
