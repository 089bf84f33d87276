import { randomUUID } from "node:crypto";
import type { TestClient } from "../../testing/client.js";
import { describe, expect, it } from "vitest";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { createAxes, createContract, createObjective, getContract, useDemoApp, type Objective } from "../../testing/fixtures.js";
import { expectProblem } from "../../testing/http.js";

let app: TestClient;
let camvsId: string;
useDemoApp((demo) => ({ app, camvs: { id: camvsId } } = demo));

describe("objectives", () => {
  describe("POST /api/axes/:id/objectives", () => {
    it("adds objectives (201) that appear under their axis in order", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const res = await app.inject({ method: "POST", url: `/api/axes/${axis!.id}/objectives`, payload: { code: " 1.1 ", title: "Attractivité" } });
      expect(res.statusCode).toBe(201);
      const first = res.json<Objective>();
      expect(first).toMatchObject({ axisId: axis!.id, code: "1.1", title: "Attractivité", position: 1, version: 1 });
      const second = await createObjective(app, axis!.id, "1.2", "Accès aux soins");
      expect(second.position).toBe(2);
      const tree = await getContract(app, contractId);
      expect(tree.axes[0]!.objectives).toEqual([
        { id: first.id, code: "1.1", title: "Attractivité", version: 1, actionCount: 0 },
        { id: second.id, code: "1.2", title: "Accès aux soins", version: 1, actionCount: 0 },
      ]);
      expect(tree.counts.objectives).toBe(2);
    });

    it("refuses a code already used in the same axis (400 on code), but accepts it in another axis", async () => {
      const contractId = (await createContract(app)).id;
      const [axis1, axis2] = await createAxes(app, contractId, ["Axe 1", "Axe 2"]);
      await createObjective(app, axis1!.id, "1.1");
      const before = await getContract(app, contractId);
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${axis1!.id}/objectives`, payload: { code: "1.1", title: "Doublon" } }), 400);
      expect(problem.errors).toEqual([{ path: "code", message: "Un autre objectif de cet axe porte déjà ce code." }]);
      expect(await getContract(app, contractId)).toEqual(before);
      const elsewhere = await createObjective(app, axis2!.id, "1.1");
      expect(elsewhere.axisId).toBe(axis2!.id);
    });

    it("refuses an existing CAMVS code on axis 1", async () => {
      const axis1 = (await getContract(app, camvsId)).axes[0]!;
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${axis1.id}/objectives`, payload: { code: "1.2", title: "Doublon" } }), 400);
      expect(problem.errors).toEqual([{ path: "code", message: "Un autre objectif de cet axe porte déjà ce code." }]);
    });

    it("refuses an empty code or title in French (400)", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${axis!.id}/objectives`, payload: { code: "", title: "" } }), 400);
      expect(problem.errors).toEqual([
        { path: "code", message: "Le code de l'objectif est obligatoire." },
        { path: "title", message: "L'intitulé de l'objectif est obligatoire." },
      ]);
      expect(problem.detail).toBe("2 données sont invalides.");
      expect((await getContract(app, contractId)).counts.objectives).toBe(0);
    });

    it("answers 404 for an unknown axis", async () => {
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/axes/${randomUUID()}/objectives`, payload: { code: "9.9", title: "Orphelin" } }), 404);
      expect(problem.detail).toBe("Cet axe est introuvable.");
    });
  });

  describe("PUT /api/objectives/:id", () => {
    it("updates code and title and bumps the version", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const objective = await createObjective(app, axis!.id, "1.1", "Ancien intitulé");
      const res = await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.A", title: "Nouvel intitulé", version: 1 } });
      expect(res.statusCode).toBe(200);
      expect(res.json<Objective>()).toMatchObject({ id: objective.id, code: "1.A", title: "Nouvel intitulé", version: 2, position: 1 });
      expect((await getContract(app, contractId)).axes[0]!.objectives).toEqual([{ id: objective.id, code: "1.A", title: "Nouvel intitulé", version: 2, actionCount: 0 }]);
      // Keeping its own code is not a duplicate.
      const again = await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.A", title: "Encore", version: 2 } });
      expect(again.statusCode).toBe(200);
    });

    it("refuses the code of a sibling objective (400 on code), and changes nothing", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      await createObjective(app, axis!.id, "1.1");
      const second = await createObjective(app, axis!.id, "1.2");
      const before = await getContract(app, contractId);
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/objectives/${second.id}`, payload: { code: "1.1", title: "x", version: 1 } }), 400);
      expect(problem.errors).toEqual([{ path: "code", message: "Un autre objectif de cet axe porte déjà ce code." }]);
      expect(await getContract(app, contractId)).toEqual(before);
    });

    it("refuses a stale version with 409 and changes nothing", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const objective = await createObjective(app, axis!.id, "1.1");
      expect((await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.1", title: "v2", version: 1 } })).statusCode).toBe(200);
      const before = await getContract(app, contractId);
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/objectives/${objective.id}`, payload: { code: "1.9", title: "périmé", version: 1 } }), 409);
      expect(problem.detail).toBe(STALE_MESSAGE);
      expect(await getContract(app, contractId)).toEqual(before);
    });

    it("answers 404 for an unknown objective", async () => {
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/objectives/${randomUUID()}`, payload: { code: "1.1", title: "x", version: 1 } }), 404);
      expect(problem.detail).toBe("Cet objectif est introuvable.");
    });
  });

  describe("DELETE /api/objectives/:id", () => {
    it("refuses with 409 to delete CAMVS objective 1.1, which holds fiches, and changes nothing", async () => {
      const before = await getContract(app, camvsId);
      const objective = before.axes.flatMap((a) => a.objectives).find((o) => o.code === "1.1")!;
      expect(objective.actionCount).toBe(4);
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/objectives/${objective.id}` }), 409);
      expect(problem).toMatchObject({ title: "Conflit", detail: "Cet objectif contient 4 fiche(s) action : déplacez-les avant de le supprimer." });
      expect(await getContract(app, camvsId)).toEqual(before);
    });

    it("deletes an empty objective (204)", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const keep = await createObjective(app, axis!.id, "1.1");
      const gone = await createObjective(app, axis!.id, "1.2");
      const res = await app.inject({ method: "DELETE", url: `/api/objectives/${gone.id}` });
      expect(res.statusCode).toBe(204);
      expect((await getContract(app, contractId)).axes[0]!.objectives.map((o) => o.id)).toEqual([keep.id]);
      // Its code is free again.
      expect((await createObjective(app, axis!.id, "1.2")).code).toBe("1.2");
    });

    it("answers 404 for an unknown objective", async () => {
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/objectives/${randomUUID()}` }), 404);
      expect(problem.detail).toBe("Cet objectif est introuvable.");
    });
  });

  describe("PUT /api/axes/:id/objectives/order", () => {
    it("puts the objectives in the requested order", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const objectives = [await createObjective(app, axis!.id, "1.1"), await createObjective(app, axis!.id, "1.2"), await createObjective(app, axis!.id, "1.3")];
      const ids = objectives.map((o) => o.id).reverse();
      const res = await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}/objectives/order`, payload: { ids } });
      expect(res.statusCode).toBe(204);
      expect((await getContract(app, contractId)).axes[0]!.objectives.map((o) => o.code)).toEqual(["1.3", "1.2", "1.1"]);
      // A new objective goes after the others.
      await createObjective(app, axis!.id, "1.4");
      expect((await getContract(app, contractId)).axes[0]!.objectives.map((o) => o.code)).toEqual(["1.3", "1.2", "1.1", "1.4"]);
    });

    it("refuses a list missing one id, or holding an objective of another axis (400 on ids), and changes nothing", async () => {
      const contractId = (await createContract(app)).id;
      const [axis, other] = await createAxes(app, contractId, ["Axe", "Autre"]);
      const objectives = [await createObjective(app, axis!.id, "1.1"), await createObjective(app, axis!.id, "1.2")];
      const foreign = await createObjective(app, other!.id, "2.1");
      const before = await getContract(app, contractId);
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
      expect(await getContract(app, contractId)).toEqual(before);
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
