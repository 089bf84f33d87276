import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { expectProblem } from "../../testing/http.js";
import { ActionView, app, capvm, createContract, createFiche, ficheId, getAction, list, numbersOf, useSeededApp } from "./routes.fixtures.js";

useSeededApp();

describe("archive and restore", () => {
  const archive = (id: string, version: number) => app.inject({ method: "POST", url: `/api/actions/${id}/archive`, payload: { version } });
  const restore = (id: string, version: number) => app.inject({ method: "POST", url: `/api/actions/${id}/restore`, payload: { version } });

  it("archives a fiche: hidden from the default list, shown with archived=true, its number freed", async () => {
    const created = await createFiche(capvm, { number: 70, title: "Fiche archivée" });
    const res = await archive(created.id, 1);
    expect(res.statusCode).toBe(200);
    const view = res.json<ActionView>();
    expect(view.version).toBe(2);
    expect(view.archivedAt).not.toBeNull();
    expect(await numbersOf(capvm.id)).not.toContain(70);
    const archivedList = await list(capvm.id, { archived: "true" });
    expect(archivedList.items.map((i) => i.id)).toContain(created.id);
    expect(archivedList.items.every((i) => i.archivedAt !== null)).toBe(true);
    // Still readable by its id.
    expect((await getAction(created.id)).archivedAt).not.toBeNull();
    // Its number is free again.
    const again = await createFiche(capvm, { number: 70, title: "Nouvelle fiche 70" });
    expect(again.number).toBe(70);
    expect((await list(capvm.id)).items.filter((i) => i.number === 70).map((i) => i.id)).toEqual([again.id]);
  });

  it("refuses to restore a fiche whose number was taken (409) and changes nothing", async () => {
    const old = await createFiche(capvm, { number: 71, title: "Ancienne 71" });
    expect((await archive(old.id, 1)).statusCode).toBe(200);
    await createFiche(capvm, { number: 71, title: "Nouvelle 71" });
    const before = await getAction(old.id);
    const problem = expectProblem(await restore(old.id, 2), 409);
    expect(problem.detail).toBe("Le numéro 71 a été repris par une autre fiche : changez le numéro de celle-ci avant de restaurer.");
    expect(await getAction(old.id)).toEqual(before);
  });

  it("refuses to archive twice, or with a stale version (409)", async () => {
    const created = await createFiche(capvm, { number: 72 });
    const stale = expectProblem(await archive(created.id, 5), 409);
    expect(stale.detail).toBe(STALE_MESSAGE);
    expect((await getAction(created.id)).archivedAt).toBeNull();
    expect((await archive(created.id, 1)).statusCode).toBe(200);
    const twice = expectProblem(await archive(created.id, 2), 409);
    expect(twice.detail).toBe("Cette fiche est déjà archivée.");
    expect((await getAction(created.id)).version).toBe(2);
  });

  it("restores a fiche with the version read; a stale version or a live fiche is refused (409)", async () => {
    const created = await createFiche(capvm, { number: 73 });
    const notArchived = expectProblem(await restore(created.id, 1), 409);
    expect(notArchived.detail).toBe("Cette fiche n'est pas archivée.");
    expect((await archive(created.id, 1)).statusCode).toBe(200);
    const stale = expectProblem(await restore(created.id, 1), 409);
    expect(stale.detail).toBe(STALE_MESSAGE);
    expect((await getAction(created.id)).archivedAt).not.toBeNull();
    const res = await restore(created.id, 2);
    expect(res.statusCode).toBe(200);
    expect(res.json<ActionView>()).toMatchObject({ archivedAt: null, version: 3, number: 73 });
    expect(await numbersOf(capvm.id)).toContain(73);
    expect((await list(capvm.id, { archived: "true" })).items.map((i) => i.id)).not.toContain(created.id);
  });

  it("answers 404 for an unknown fiche and 400 without a version", async () => {
    expect(expectProblem(await archive(randomUUID(), 1), 404).detail).toBe("Cette fiche action est introuvable.");
    expect(expectProblem(await restore(randomUUID(), 1), 404).detail).toBe("Cette fiche action est introuvable.");
    const created = await createFiche(capvm, { number: 74 });
    const problem = expectProblem(await app.inject({ method: "POST", url: `/api/actions/${created.id}/archive`, payload: {} }), 400);
    expect(problem.errors).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    expect((await getAction(created.id)).archivedAt).toBeNull();
  });
});

describe("PUT /api/contracts/:id/actions/order", () => {
  const reorder = (contractId: string, ids: string[]) => app.inject({ method: "PUT", url: `/api/contracts/${contractId}/actions/order`, payload: { ids } });

  it("renumbers the live fiches 1..n in the order given", async () => {
    const c = await createContract([]);
    const a = await createFiche(c, { number: 1, title: "A" });
    const b = await createFiche(c, { number: 5, title: "B" });
    const d = await createFiche(c, { number: 9, title: "D" });
    const res = await reorder(c.id, [d.id, a.id, b.id]);
    expect(res.statusCode).toBe(204);
    expect((await list(c.id)).items.map((i) => [i.number, i.title])).toEqual([
      [1, "D"],
      [2, "A"],
      [3, "B"],
    ]);
    // Every renumbered fiche has a new version (an open editor must reload).
    expect((await getAction(d.id)).version).toBe(2);
    expect((await getAction(b.id)).version).toBe(2);
    expect((await getAction(a.id)).version).toBe(2);
    // Same order again: nothing changes.
    expect((await reorder(c.id, [d.id, a.id, b.id])).statusCode).toBe(204);
    expect((await getAction(a.id)).version).toBe(2);
  });

  it("leaves archived fiches out of the order", async () => {
    const c = await createContract([]);
    const a = await createFiche(c, { number: 1, title: "A" });
    const b = await createFiche(c, { number: 2, title: "B" });
    const gone = await createFiche(c, { number: 3, title: "Archivée" });
    expect((await app.inject({ method: "POST", url: `/api/actions/${gone.id}/archive`, payload: { version: 1 } })).statusCode).toBe(200);
    const withArchived = expectProblem(await reorder(c.id, [b.id, a.id, gone.id]), 400);
    expect(withArchived.errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
    expect((await reorder(c.id, [b.id, a.id])).statusCode).toBe(204);
    expect((await list(c.id)).items.map((i) => [i.number, i.title])).toEqual([
      [1, "B"],
      [2, "A"],
    ]);
    expect((await getAction(gone.id)).number).toBe(3);
  });

  it("refuses an incomplete list or a duplicate (400 on ids) and changes nothing", async () => {
    const c = await createContract([]);
    const a = await createFiche(c, { number: 1, title: "A" });
    const b = await createFiche(c, { number: 2, title: "B" });
    const d = await createFiche(c, { number: 3, title: "D" });
    const before = await list(c.id);
    const incomplete = expectProblem(await reorder(c.id, [d.id, a.id]), 400);
    expect(incomplete.errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
    const duplicate = expectProblem(await reorder(c.id, [d.id, a.id, a.id]), 400);
    expect(duplicate.errors).toEqual([{ path: "ids", message: "La liste contient deux fois le même élément." }]);
    const foreign = expectProblem(await reorder(c.id, [d.id, a.id, await ficheId(capvm, 1)]), 400);
    expect(foreign.errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
    const empty = expectProblem(await reorder(c.id, []), 400);
    expect(empty.errors).toEqual([{ path: "ids", message: "La liste est vide." }]);
    expect(await list(c.id)).toEqual(before);
    expect((await getAction(b.id)).version).toBe(1);
  });

  it("answers 404 for an unknown contract", async () => {
    const problem = expectProblem(await reorder(randomUUID(), [randomUUID()]), 404);
    expect(problem.detail).toBe("Ce contrat est introuvable.");
  });
});
