import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { expectProblem, type Problem } from "../../testing/http.js";

interface Axis {
  id: string;
  contractId: string;
  number: number;
  title: string;
  description: string;
  version: number;
}
interface Objective {
  id: string;
  axisId: string;
  code: string;
  title: string;
  position: number;
  version: number;
}
interface AxisNode {
  id: string;
  number: number;
  title: string;
  description: string;
  version: number;
  actionCount: number;
  objectives: { id: string; code: string; title: string; version: number; actionCount: number }[];
}
interface ContractView {
  id: string;
  axes: AxisNode[];
  counts: { axes: number; objectives: number; actions: number };
}

let ctx: TestContext;
let app: FastifyInstance;
let capvmId: string;
let camvsId: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  app = ctx.app;
  const res = await app.inject({ method: "GET", url: "/api/contracts" });
  const items = res.json<{ items: { id: string; slug: string }[] }>().items;
  capvmId = items.find((c) => c.slug === "capvm-2019-2022")!.id;
  camvsId = items.find((c) => c.slug === "camvs-2021-2023")!.id;
});
afterAll(async () => {
  await ctx?.close();
});

async function view(contractId: string): Promise<ContractView> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${contractId}` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractView>();
}

const numbered = (v: ContractView) => v.axes.map((a) => [a.number, a.title]);

async function createContract(): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/api/contracts",
    payload: {
      slug: `axes-${randomUUID().slice(0, 8)}`,
      name: "CLS des axes",
      localAuthority: "Commune d'essai",
      startDate: "2024-01-01",
      endDate: "2026-12-31",
      status: "draft",
      summary: "",
      communes: [],
      priorityAreas: [],
      signatories: [],
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

async function createAxis(contractId: string, title: string): Promise<Axis> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title, description: "" } });
  expect(res.statusCode).toBe(201);
  return res.json<Axis>();
}

async function createAxes(contractId: string, titles: string[]): Promise<Axis[]> {
  const list: Axis[] = [];
  for (const t of titles) list.push(await createAxis(contractId, t));
  return list;
}

async function createObjective(axisId: string, code: string, title = `Objectif ${code}`): Promise<Objective> {
  const res = await app.inject({ method: "POST", url: `/api/axes/${axisId}/objectives`, payload: { code, title } });
  expect(res.statusCode).toBe(201);
  return res.json<Objective>();
}

async function createFiche(contractId: string, axisId: string, objectiveId: string | null = null): Promise<{ id: string; version: number }> {
  const res = await app.inject({
    method: "POST",
    url: `/api/contracts/${contractId}/actions`,
    payload: {
      number: 1,
      title: "Fiche d'essai",
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
      territory: { scope: "whole", communes: [] },
      determinant: null,
      themes: [],
      otherPlans: [],
      prsProjects: [],
      partners: [],
      participation: { involved: null, how: "", degree: null },
      indicators: [],
      axisId,
      objectiveId,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; version: number }>();
}

describe("axes", () => {
  describe("POST /api/contracts/:id/axes", () => {
    it("numbers new axes 1, 2, 3 in a new contract and returns them (201)", async () => {
      const contractId = await createContract();
      const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: "  Prévention  ", description: "Agir tôt." } });
      expect(res.statusCode).toBe(201);
      expect(res.json<Axis>()).toMatchObject({ contractId, number: 1, title: "Prévention", description: "Agir tôt.", version: 1 });
      await createAxes(contractId, ["Accès aux soins", "Santé mentale"]);
      expect(numbered(await view(contractId))).toEqual([
        [1, "Prévention"],
        [2, "Accès aux soins"],
        [3, "Santé mentale"],
      ]);
    });

    it("gives the CAPVM's new axis number 5 (max + 1); an empty axis can then be deleted", async () => {
      const axis = await createAxis(capvmId, "Axe ajouté");
      expect(axis.number).toBe(5);
      expect((await view(capvmId)).counts.axes).toBe(5);
      const del = await app.inject({ method: "DELETE", url: `/api/axes/${axis.id}` });
      expect(del.statusCode).toBe(204);
      expect(del.body).toBe("");
      const after = await view(capvmId);
      expect(after.axes.map((a) => a.number)).toEqual([1, 2, 3, 4]);
      expect(after.axes.find((a) => a.id === axis.id)).toBeUndefined();
    });

    it("refuses an empty title (400 on title), and adds nothing", async () => {
      const contractId = await createContract();
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: " ", description: "" } }), 400);
      expect(problem.errors).toEqual([{ path: "title", message: "L'intitulé de l'axe est obligatoire." }]);
      expect((await view(contractId)).axes).toEqual([]);
    });

    it("answers 404 for an unknown contract", async () => {
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/contracts/${randomUUID()}/axes`, payload: { title: "Axe", description: "" } }), 404);
      expect(problem.detail).toBe("Ce contrat est introuvable.");
    });

    it("never answers 500 to simultaneous axis creations: each is created or asked to retry (409), and axes stay numbered 1..n", async () => {
      const contractId = await createContract();
      const results = await Promise.all([1, 2, 3, 4].map((i) => app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: `Axe simultané ${i}`, description: "" } })));
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json<Problem>().detail).toMatch(/réessayez/);
      const axes = (await view(contractId)).axes;
      expect(axes.map((a) => a.number)).toEqual(axes.map((_, i) => i + 1));
      expect(axes).toHaveLength(statuses.filter((s) => s === 201).length);
    });
  });

  describe("PUT /api/axes/:id", () => {
    it("updates the title and description and bumps the version", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe initial"]);
      const res = await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe révisé", description: "Nouvelle description", version: 1 } });
      expect(res.statusCode).toBe(200);
      expect(res.json<Axis>()).toMatchObject({ id: axis!.id, number: 1, title: "Axe révisé", description: "Nouvelle description", version: 2 });
      expect((await view(contractId)).axes[0]).toMatchObject({ title: "Axe révisé", description: "Nouvelle description", version: 2 });
    });

    it("refuses a stale version with 409 and changes nothing", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      expect((await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe v2", description: "", version: 1 } })).statusCode).toBe(200);
      const before = await view(contractId);
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe périmé", description: "x", version: 1 } }), 409);
      expect(problem).toMatchObject({ title: "Conflit", detail: STALE_MESSAGE });
      expect(await view(contractId)).toEqual(before);
    });

    it("answers 404 for an unknown axis and 400 for a missing version", async () => {
      const missing = expectProblem(await app.inject({ method: "PUT", url: `/api/axes/${randomUUID()}`, payload: { title: "Axe", description: "", version: 1 } }), 404);
      expect(missing.detail).toBe("Cet axe est introuvable.");
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const bad = expectProblem(await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe", description: "" } }), 400);
      expect(bad.errors).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    });
  });

  describe("DELETE /api/axes/:id", () => {
    it("refuses with 409 to delete CAPVM axis 1, which holds fiches, and changes nothing", async () => {
      const before = await view(capvmId);
      const axis1 = before.axes.find((a) => a.number === 1)!;
      expect(axis1.actionCount).toBe(2);
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/axes/${axis1.id}` }), 409);
      expect(problem).toMatchObject({ title: "Conflit", detail: "Cet axe contient 2 fiche(s) action : déplacez-les avant de le supprimer." });
      expect(await view(capvmId)).toEqual(before);
    });

    it("refuses with 409 to delete an axis whose only fiche is archived", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const fiche = await createFiche(contractId, axis!.id);
      const archived = await app.inject({ method: "POST", url: `/api/actions/${fiche.id}/archive`, payload: { version: fiche.version } });
      expect(archived.statusCode).toBe(200);
      expect((await view(contractId)).axes[0]!.actionCount).toBe(0);
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/axes/${axis!.id}` }), 409);
      expect(problem.detail).toBe("Cet axe contient 1 fiche(s) action : déplacez-les avant de le supprimer.");
      expect((await view(contractId)).axes.map((a) => a.id)).toEqual([axis!.id]);
    });

    it("deletes an empty axis (204) and renumbers the later axes to close the gap", async () => {
      const contractId = await createContract();
      const [a, b, c, d] = await createAxes(contractId, ["A", "B", "C", "D"]);
      const res = await app.inject({ method: "DELETE", url: `/api/axes/${b!.id}` });
      expect(res.statusCode).toBe(204);
      const after = await view(contractId);
      expect(after.axes.map((x) => [x.id, x.number])).toEqual([
        [a!.id, 1],
        [c!.id, 2],
        [d!.id, 3],
      ]);
      // The next axis continues the closed numbering.
      expect((await createAxis(contractId, "E")).number).toBe(4);
    });

    it("deletes an axis together with its objectives when it holds no fiche", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const objective = await createObjective(axis!.id, "1.1");
      expect((await app.inject({ method: "DELETE", url: `/api/axes/${axis!.id}` })).statusCode).toBe(204);
      expect((await view(contractId)).counts).toMatchObject({ axes: 0, objectives: 0 });
      expectProblem(await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.1", title: "x", version: 1 } }), 404);
    });

    it("answers 404 for an unknown axis and 400 for a non-uuid id", async () => {
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/axes/${randomUUID()}` }), 404);
      expect(problem.detail).toBe("Cet axe est introuvable.");
      const bad = expectProblem(await app.inject({ method: "DELETE", url: "/api/axes/1" }), 400);
      expect(bad.errors).toEqual([{ path: "params.axisId", message: "Identifiant invalide." }]);
    });
  });

  describe("PUT /api/contracts/:id/axes/order", () => {
    it("renumbers the axes 1..n in the order of the reversed list, bumping the versions of those that moved", async () => {
      const contractId = await createContract();
      const axes = await createAxes(contractId, ["A", "B", "C", "D"]);
      await createFiche(contractId, axes[1]!.id);
      const ids = axes.map((a) => a.id).reverse();
      const res = await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids } });
      expect(res.statusCode).toBe(204);
      const after = await view(contractId);
      expect(after.axes.map((a) => a.id)).toEqual(ids);
      expect(numbered(after)).toEqual([
        [1, "D"],
        [2, "C"],
        [3, "B"],
        [4, "A"],
      ]);
      expect(after.axes.map((a) => a.version)).toEqual([2, 2, 2, 2]);
      // The fiche followed its axis.
      expect(after.axes.find((a) => a.title === "B")!.actionCount).toBe(1);
      // An edit based on the version read before the reorder is stale.
      const stale = await app.inject({ method: "PUT", url: `/api/axes/${axes[0]!.id}`, payload: { title: "A périmé", description: "", version: 1 } });
      expectProblem(stale, 409);
    });

    it("leaves the axes whose place does not change untouched", async () => {
      const contractId = await createContract();
      const [a, b, c] = await createAxes(contractId, ["A", "B", "C"]);
      const res = await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids: [c!.id, b!.id, a!.id] } });
      expect(res.statusCode).toBe(204);
      const after = await view(contractId);
      expect(after.axes.map((x) => [x.title, x.number, x.version])).toEqual([
        ["C", 1, 2],
        ["B", 2, 1],
        ["A", 3, 2],
      ]);
    });

    it("reorders the CAMVS axes, keeping each axis's objectives and fiches", async () => {
      const before = await view(camvsId);
      const ids = before.axes.map((a) => a.id).reverse();
      expect((await app.inject({ method: "PUT", url: `/api/contracts/${camvsId}/axes/order`, payload: { ids } })).statusCode).toBe(204);
      const after = await view(camvsId);
      expect(after.axes.map((a) => a.id)).toEqual(ids);
      expect(after.axes.map((a) => a.number)).toEqual([1, 2, 3, 4]);
      const strip = (a: AxisNode) => ({ id: a.id, title: a.title, actionCount: a.actionCount, objectives: a.objectives });
      expect(after.axes.map(strip)).toEqual([...before.axes].reverse().map(strip));
      // Restore the original order for readability of other tests' data.
      const back = await app.inject({ method: "PUT", url: `/api/contracts/${camvsId}/axes/order`, payload: { ids: before.axes.map((a) => a.id) } });
      expect(back.statusCode).toBe(204);
    });

    it.each([
      { what: "a list missing one id", ids: (ids: string[]) => ids.slice(1), message: "La liste doit contenir exactement les éléments existants, chacun une fois." },
      { what: "a list with an unknown id", ids: (ids: string[]) => [...ids.slice(1), randomUUID()], message: "La liste doit contenir exactement les éléments existants, chacun une fois." },
      { what: "a list with a repeated id", ids: (ids: string[]) => [...ids, ids[0]!], message: "La liste contient deux fois le même élément." },
      { what: "an empty list", ids: () => [], message: "La liste est vide." },
    ])("refuses $what with 400 on ids, and changes nothing", async ({ ids, message }) => {
      const contractId = await createContract();
      const axes = await createAxes(contractId, ["A", "B", "C"]);
      const before = await view(contractId);
      const res = await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids: ids(axes.map((a) => a.id).reverse()) } });
      const problem = expectProblem(res, 400);
      expect(problem.errors).toEqual([{ path: "ids", message }]);
      expect(await view(contractId)).toEqual(before);
    });

    it("refuses the axes of another contract", async () => {
      const contractId = await createContract();
      await createAxes(contractId, ["A"]);
      const capvmAxis = (await view(capvmId)).axes[0]!.id;
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids: [capvmAxis] } }), 400);
      expect(problem.errors!.map((e) => e.path)).toEqual(["ids"]);
    });

    it("answers 404 for an unknown contract", async () => {
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${randomUUID()}/axes/order`, payload: { ids: [randomUUID()] } }), 404);
      expect(problem.detail).toBe("Ce contrat est introuvable.");
    });
  });
});

describe("objectives", () => {
  describe("POST /api/axes/:id/objectives", () => {
    it("adds objectives (201) that appear under their axis in order", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const res = await app.inject({ method: "POST", url: `/api/axes/${axis!.id}/objectives`, payload: { code: " 1.1 ", title: "Attractivité" } });
      expect(res.statusCode).toBe(201);
      const first = res.json<Objective>();
      expect(first).toMatchObject({ axisId: axis!.id, code: "1.1", title: "Attractivité", position: 1, version: 1 });
      const second = await createObjective(axis!.id, "1.2", "Accès aux soins");
      expect(second.position).toBe(2);
      const tree = await view(contractId);
      expect(tree.axes[0]!.objectives).toEqual([
        { id: first.id, code: "1.1", title: "Attractivité", version: 1, actionCount: 0 },
        { id: second.id, code: "1.2", title: "Accès aux soins", version: 1, actionCount: 0 },
      ]);
      expect(tree.counts.objectives).toBe(2);
    });

    it("refuses a code already used in the same axis (400 on code), but accepts it in another axis", async () => {
      const contractId = await createContract();
      const [axis1, axis2] = await createAxes(contractId, ["Axe 1", "Axe 2"]);
      await createObjective(axis1!.id, "1.1");
      const before = await view(contractId);
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${axis1!.id}/objectives`, payload: { code: "1.1", title: "Doublon" } }), 400);
      expect(problem.errors).toEqual([{ path: "code", message: "Un autre objectif de cet axe porte déjà ce code." }]);
      expect(await view(contractId)).toEqual(before);
      const elsewhere = await createObjective(axis2!.id, "1.1");
      expect(elsewhere.axisId).toBe(axis2!.id);
    });

    it("refuses an existing CAMVS code on axis 1", async () => {
      const axis1 = (await view(camvsId)).axes[0]!;
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${axis1.id}/objectives`, payload: { code: "1.2", title: "Doublon" } }), 400);
      expect(problem.errors).toEqual([{ path: "code", message: "Un autre objectif de cet axe porte déjà ce code." }]);
    });

    it("refuses an empty code or title in French (400)", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${axis!.id}/objectives`, payload: { code: "", title: "" } }), 400);
      expect(problem.errors).toEqual([
        { path: "code", message: "Le code de l'objectif est obligatoire." },
        { path: "title", message: "L'intitulé de l'objectif est obligatoire." },
      ]);
      expect(problem.detail).toBe("2 données sont invalides.");
      expect((await view(contractId)).counts.objectives).toBe(0);
    });

    it("answers 404 for an unknown axis", async () => {
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${randomUUID()}/objectives`, payload: { code: "9.9", title: "Orphelin" } }), 404);
      expect(problem.detail).toBe("Cet axe est introuvable.");
    });
  });

  describe("PUT /api/objectives/:id", () => {
    it("updates code and title and bumps the version", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const objective = await createObjective(axis!.id, "1.1", "Ancien intitulé");
      const res = await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.A", title: "Nouvel intitulé", version: 1 } });
      expect(res.statusCode).toBe(200);
      expect(res.json<Objective>()).toMatchObject({ id: objective.id, code: "1.A", title: "Nouvel intitulé", version: 2, position: 1 });
      expect((await view(contractId)).axes[0]!.objectives).toEqual([{ id: objective.id, code: "1.A", title: "Nouvel intitulé", version: 2, actionCount: 0 }]);
      // Keeping its own code is not a duplicate.
      const again = await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.A", title: "Encore", version: 2 } });
      expect(again.statusCode).toBe(200);
    });

    it("refuses the code of a sibling objective (400 on code), and changes nothing", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      await createObjective(axis!.id, "1.1");
      const second = await createObjective(axis!.id, "1.2");
      const before = await view(contractId);
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/objectives/${second.id}`, payload: { code: "1.1", title: "x", version: 1 } }), 400);
      expect(problem.errors).toEqual([{ path: "code", message: "Un autre objectif de cet axe porte déjà ce code." }]);
      expect(await view(contractId)).toEqual(before);
    });

    it("refuses a stale version with 409 and changes nothing", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const objective = await createObjective(axis!.id, "1.1");
      expect((await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.1", title: "v2", version: 1 } })).statusCode).toBe(200);
      const before = await view(contractId);
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.9", title: "périmé", version: 1 } }), 409);
      expect(problem.detail).toBe(STALE_MESSAGE);
      expect(await view(contractId)).toEqual(before);
    });

    it("answers 404 for an unknown objective", async () => {
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/objectives/${randomUUID()}`, payload: { code: "1.1", title: "x", version: 1 } }), 404);
      expect(problem.detail).toBe("Cet objectif est introuvable.");
    });
  });

  describe("DELETE /api/objectives/:id", () => {
    it("refuses with 409 to delete CAMVS objective 1.1, which holds fiches, and changes nothing", async () => {
      const before = await view(camvsId);
      const objective = before.axes.flatMap((a) => a.objectives).find((o) => o.code === "1.1")!;
      expect(objective.actionCount).toBe(4);
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/objectives/${objective.id}` }), 409);
      expect(problem).toMatchObject({ title: "Conflit", detail: "Cet objectif contient 4 fiche(s) action : déplacez-les avant de le supprimer." });
      expect(await view(camvsId)).toEqual(before);
    });

    it("deletes an empty objective (204)", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const keep = await createObjective(axis!.id, "1.1");
      const gone = await createObjective(axis!.id, "1.2");
      const res = await app.inject({ method: "DELETE", url: `/api/objectives/${gone.id}` });
      expect(res.statusCode).toBe(204);
      expect((await view(contractId)).axes[0]!.objectives.map((o) => o.id)).toEqual([keep.id]);
      // Its code is free again.
      expect((await createObjective(axis!.id, "1.2")).code).toBe("1.2");
    });

    it("answers 404 for an unknown objective", async () => {
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/objectives/${randomUUID()}` }), 404);
      expect(problem.detail).toBe("Cet objectif est introuvable.");
    });
  });

  describe("PUT /api/axes/:id/objectives/order", () => {
    it("puts the objectives in the requested order", async () => {
      const contractId = await createContract();
      const [axis] = await createAxes(contractId, ["Axe"]);
      const objectives = [await createObjective(axis!.id, "1.1"), await createObjective(axis!.id, "1.2"), await createObjective(axis!.id, "1.3")];
      const ids = objectives.map((o) => o.id).reverse();
      const res = await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}/objectives/order`, payload: { ids } });
      expect(res.statusCode).toBe(204);
      expect((await view(contractId)).axes[0]!.objectives.map((o) => o.code)).toEqual(["1.3", "1.2", "1.1"]);
      // A new objective goes after the others.
      await createObjective(axis!.id, "1.4");
      expect((await view(contractId)).axes[0]!.objectives.map((o) => o.code)).toEqual(["1.3", "1.2", "1.1", "1.4"]);
    });

    it("refuses a list missing one id, or holding an objective of another axis (400 on ids), and changes nothing", async () => {
      const contractId = await createContract();
      const [axis, other] = await createAxes(contractId, ["Axe", "Autre"]);
      const objectives = [await createObjective(axis!.id, "1.1"), await createObjective(axis!.id, "1.2")];
      const foreign = await createObjective(other!.id, "2.1");
      const before = await view(contractId);
      const missing = expectProblem(
        await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}/objectives/order`, payload: { ids: [objectives[1]!.id] } }),
        400,
      );
      expect(missing.errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
      const mixed = expectProblem(
        await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}/objectives/order`, payload: { ids: [objectives[1]!.id, foreign.id] } }),
        400,
      );
      expect(mixed.errors!.map((e) => e.path)).toEqual(["ids"]);
      expect(await view(contractId)).toEqual(before);
    });

    it("answers 404 for an unknown axis", async () => {
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/axes/${randomUUID()}/objectives/order`, payload: { ids: [randomUUID()] } }), 404);
      expect(problem.detail).toBe("Cet axe est introuvable.");
    });
  });
});

describe("GET /api/openapi.json", () => {
  it("documents the routes of axes and objectives with their methods", async () => {
    const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const spec = res.json<{ openapi: string; paths: Record<string, Record<string, { tags?: string[] }>> }>();
    expect(spec.openapi).toMatch(/^3\./);
    const expected: [string, string[]][] = [
      ["/api/contracts/{contractId}/axes", ["post"]],
      ["/api/contracts/{contractId}/axes/order", ["put"]],
      ["/api/axes/{axisId}", ["put", "delete"]],
      ["/api/axes/{axisId}/objectives", ["post"]],
      ["/api/axes/{axisId}/objectives/order", ["put"]],
      ["/api/objectives/{objectiveId}", ["put", "delete"]],
    ];
    for (const [path, methods] of expected) {
      expect(spec.paths, path).toHaveProperty([path]);
      expect(Object.keys(spec.paths[path]!).sort(), path).toEqual([...methods].sort());
      for (const m of methods) expect(spec.paths[path]![m]!.tags).toEqual(["Axes et objectifs"]);
    }
    expect(spec.paths).toHaveProperty(["/api/contracts/{contractId}/organisations"]);
    expect(spec.paths).toHaveProperty(["/api/organisations/{organisationId}"]);
  });
});
