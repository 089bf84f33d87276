import { randomUUID } from "node:crypto";
import type { TestClient } from "../../testing/client.js";
import { describe, expect, it } from "vitest";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { createAxes, createAxis, createContract, createFiche, createObjective, getContract, useDemoApp, type Axis, type AxisNode, type ContractView } from "../../testing/fixtures.js";
import type { TestContext } from "../../testing/app.js";
import { atTheSameTime, MAX_AT_ONCE } from "../../testing/concurrency.js";
import { expectProblem } from "../../testing/http.js";

let app: TestClient;
let capvmId: string;
let camvsId: string;
let ctx: TestContext;
useDemoApp((demo) => ({ app, capvm: { id: capvmId }, camvs: { id: camvsId }, ctx } = demo));

const numbered = (v: ContractView) => v.axes.map((a) => [a.number, a.title]);

describe("axes", () => {
  describe("POST /api/contracts/:id/axes", () => {
    it("numbers new axes 1, 2, 3 in a new contract and returns them (201)", async () => {
      const contractId = (await createContract(app)).id;
      const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: "  Prévention  ", description: "Agir tôt." } });
      expect(res.statusCode).toBe(201);
      expect(res.json<Axis>()).toMatchObject({ contractId, number: 1, title: "Prévention", description: "Agir tôt.", version: 1 });
      await createAxes(app, contractId, ["Accès aux soins", "Santé mentale"]);
      expect(numbered(await getContract(app, contractId))).toEqual([
        [1, "Prévention"],
        [2, "Accès aux soins"],
        [3, "Santé mentale"],
      ]);
    });

    it("gives the CAPVM's new axis number 5 (max + 1); an empty axis can then be deleted", async () => {
      const axis = await createAxis(app, capvmId, "Axe ajouté");
      expect(axis.number).toBe(5);
      expect((await getContract(app, capvmId)).counts.axes).toBe(5);
      const del = await app.inject({ method: "DELETE", url: `/api/axes/${axis.id}` });
      expect(del.statusCode).toBe(204);
      expect(del.body).toBe("");
      const after = await getContract(app, capvmId);
      expect(after.axes.map((a) => a.number)).toEqual([1, 2, 3, 4]);
      expect(after.axes.find((a) => a.id === axis.id)).toBeUndefined();
    });

    it("refuses an empty title (400 on title), and adds nothing", async () => {
      const contractId = (await createContract(app)).id;
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: " ", description: "" } }), 400);
      expect(problem.errors).toEqual([{ path: "title", message: "L'intitulé de l'axe est obligatoire." }]);
      expect((await getContract(app, contractId)).axes).toEqual([]);
    });

    it("answers 404 for an unknown contract", async () => {
      const problem = expectProblem(await app.inject({ method: "POST", url: `/api/contracts/${randomUUID()}/axes`, payload: { title: "Axe", description: "" } }), 404);
      expect(problem.detail).toBe("Ce contrat est introuvable.");
    });

    it("creates every one of simultaneous axes (on PostgreSQL really side by side): numbered 1..n, none lost, never a 500", async () => {
      const contractId = (await createContract(app)).id;
      await createAxes(app, contractId, ["Axe existant"]);
      const titles = Array.from({ length: MAX_AT_ONCE }, (_, i) => `Axe simultané ${i + 1}`);
      const results = await atTheSameTime(ctx.database, { table: "contracts", id: contractId }, titles.length, () =>
        Promise.all(titles.map((title) => app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title, description: "" } }))),
      );
      // One writer numbers the contract's axes at a time: no one is asked to retry, no one fails.
      const other = results.find((r) => r.statusCode !== 201);
      expect(other ? `${other.statusCode} ${other.body}` : 201).toBe(201);
      const created = results.map((r) => r.json<Axis>());
      expect(created.map((a) => a.number).sort((x, y) => x - y)).toEqual(titles.map((_, i) => i + 2));
      // What each answer said is what was kept: every title once, at the number it was given.
      const axes = (await getContract(app, contractId)).axes;
      expect(axes.map((a) => a.number)).toEqual([1, ...titles.map((_, i) => i + 2)]);
      expect(axes.map((a) => a.title).sort()).toEqual(["Axe existant", ...titles].sort());
      for (const axis of created) expect(axes.find((a) => a.id === axis.id)).toMatchObject({ number: axis.number, title: axis.title });
    });
  });

  describe("PUT /api/axes/:id", () => {
    it("updates the title and description and bumps the version", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe initial"]);
      const res = await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe révisé", description: "Nouvelle description", version: 1 } });
      expect(res.statusCode).toBe(200);
      expect(res.json<Axis>()).toMatchObject({ id: axis!.id, number: 1, title: "Axe révisé", description: "Nouvelle description", version: 2 });
      expect((await getContract(app, contractId)).axes[0]).toMatchObject({ title: "Axe révisé", description: "Nouvelle description", version: 2 });
    });

    it("refuses a stale version with 409 and changes nothing", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      expect((await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe v2", description: "", version: 1 } })).statusCode).toBe(200);
      const before = await getContract(app, contractId);
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe périmé", description: "x", version: 1 } }), 409);
      expect(problem).toMatchObject({ title: "Conflit", detail: STALE_MESSAGE });
      expect(await getContract(app, contractId)).toEqual(before);
    });

    it("answers 404 for an unknown axis and 400 for a missing version", async () => {
      const missing = expectProblem(await app.inject({ method: "PUT", url: `/api/axes/${randomUUID()}`, payload: { title: "Axe", description: "", version: 1 } }), 404);
      expect(missing.detail).toBe("Cet axe est introuvable.");
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const bad = expectProblem(await app.inject({ method: "PUT", url: `/api/axes/${axis!.id}`, payload: { title: "Axe", description: "" } }), 400);
      expect(bad.errors).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    });
  });

  describe("DELETE /api/axes/:id", () => {
    it("refuses with 409 to delete CAPVM axis 1, which holds fiches, and changes nothing", async () => {
      const before = await getContract(app, capvmId);
      const axis1 = before.axes.find((a) => a.number === 1)!;
      expect(axis1.actionCount).toBe(2);
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/axes/${axis1.id}` }), 409);
      expect(problem).toMatchObject({ title: "Conflit", detail: "Cet axe contient 2 fiche(s) action : déplacez-les avant de le supprimer." });
      expect(await getContract(app, capvmId)).toEqual(before);
    });

    it("refuses with 409 to delete an axis whose only fiche is archived", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const fiche = await createFiche(app, contractId, axis!.id);
      const archived = await app.inject({ method: "POST", url: `/api/actions/${fiche.id}/archive`, payload: { version: fiche.version } });
      expect(archived.statusCode).toBe(200);
      expect((await getContract(app, contractId)).axes[0]!.actionCount).toBe(0);
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/axes/${axis!.id}` }), 409);
      expect(problem.detail).toBe("Cet axe contient 1 fiche(s) action : déplacez-les avant de le supprimer.");
      expect((await getContract(app, contractId)).axes.map((a) => a.id)).toEqual([axis!.id]);
    });

    it("refuses with 409 to delete an axis a thematic committee follows, and deletes it once the committee is moved", async () => {
      const contractId = (await createContract(app)).id;
      const [axis, other] = await createAxes(app, contractId, ["Suivi", "Autre"]);
      const created = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/bodies`, payload: { kind: "thematic", name: "Commission prévention", axisId: axis!.id } });
      expect(created.statusCode).toBe(201);
      const body = created.json<{ id: string; version: number; name: string; kind: string }>();
      const problem = expectProblem(await app.inject({ method: "DELETE", url: `/api/axes/${axis!.id}` }), 409);
      expect(problem.detail).toBe("Cet axe est suivi par l'instance « Commission prévention » : rattachez-la à un autre axe ou supprimez-la avant de supprimer l'axe.");
      expect((await getContract(app, contractId)).axes.map((a) => a.id)).toEqual([axis!.id, other!.id]);
      const moved = await app.inject({ method: "PUT", url: `/api/bodies/${body.id}`, payload: { kind: "thematic", name: body.name, axisId: other!.id, version: body.version } });
      expect(moved.statusCode).toBe(200);
      expect((await app.inject({ method: "DELETE", url: `/api/axes/${axis!.id}` })).statusCode).toBe(204);
    });

    it("deletes an empty axis (204) and renumbers the later axes to close the gap", async () => {
      const contractId = (await createContract(app)).id;
      const [a, b, c, d] = await createAxes(app, contractId, ["A", "B", "C", "D"]);
      const res = await app.inject({ method: "DELETE", url: `/api/axes/${b!.id}` });
      expect(res.statusCode).toBe(204);
      const after = await getContract(app, contractId);
      expect(after.axes.map((x) => [x.id, x.number])).toEqual([
        [a!.id, 1],
        [c!.id, 2],
        [d!.id, 3],
      ]);
      // The next axis continues the closed numbering.
      expect((await createAxis(app, contractId, "E")).number).toBe(4);
    });

    it("deletes an axis together with its objectives when it holds no fiche", async () => {
      const contractId = (await createContract(app)).id;
      const [axis] = await createAxes(app, contractId, ["Axe"]);
      const objective = await createObjective(app, axis!.id, "1.1");
      expect((await app.inject({ method: "DELETE", url: `/api/axes/${axis!.id}` })).statusCode).toBe(204);
      expect((await getContract(app, contractId)).counts).toMatchObject({ axes: 0, objectives: 0 });
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
      const contractId = (await createContract(app)).id;
      const axes = await createAxes(app, contractId, ["A", "B", "C", "D"]);
      await createFiche(app, contractId, axes[1]!.id);
      const ids = axes.map((a) => a.id).reverse();
      const res = await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids } });
      expect(res.statusCode).toBe(204);
      const after = await getContract(app, contractId);
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
      const contractId = (await createContract(app)).id;
      const [a, b, c] = await createAxes(app, contractId, ["A", "B", "C"]);
      const res = await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids: [c!.id, b!.id, a!.id] } });
      expect(res.statusCode).toBe(204);
      const after = await getContract(app, contractId);
      expect(after.axes.map((x) => [x.title, x.number, x.version])).toEqual([
        ["C", 1, 2],
        ["B", 2, 1],
        ["A", 3, 2],
      ]);
    });

    it("reorders the CAMVS axes, keeping each axis's objectives and fiches", async () => {
      const before = await getContract(app, camvsId);
      const ids = before.axes.map((a) => a.id).reverse();
      expect((await app.inject({ method: "PUT", url: `/api/contracts/${camvsId}/axes/order`, payload: { ids } })).statusCode).toBe(204);
      const after = await getContract(app, camvsId);
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
      const contractId = (await createContract(app)).id;
      const axes = await createAxes(app, contractId, ["A", "B", "C"]);
      const before = await getContract(app, contractId);
      const res = await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids: ids(axes.map((a) => a.id).reverse()) } });
      const problem = expectProblem(res, 400);
      expect(problem.errors).toEqual([{ path: "ids", message }]);
      expect(await getContract(app, contractId)).toEqual(before);
    });

    it("refuses the axes of another contract", async () => {
      const contractId = (await createContract(app)).id;
      await createAxes(app, contractId, ["A"]);
      const capvmAxis = (await getContract(app, capvmId)).axes[0]!.id;
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${contractId}/axes/order`, payload: { ids: [capvmAxis] } }), 400);
      expect(problem.errors!.map((e) => e.path)).toEqual(["ids"]);
    });

    it("answers 404 for an unknown contract", async () => {
      const problem = expectProblem(await app.inject({ method: "PUT", url: `/api/contracts/${randomUUID()}/axes/order`, payload: { ids: [randomUUID()] } }), 404);
      expect(problem.detail).toBe("Ce contrat est introuvable.");
    });
  });
});
