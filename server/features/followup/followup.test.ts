import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, adjustments, auditEntries, remainingItems } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let lead: TestClient;
let partner: TestClient;
let coordinator: TestClient;
let camvs: string;
let fiche: Map<number, string>;
let foreignFiche: string;
let foreignMeeting: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  const capvm = contracts.find((c) => c.slug === "capvm-2019-2022")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fiche = new Map(list.map((a) => [a.number, a.id]));
  foreignFiche = (await ctx.app.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string }[] }>().items[0]!.id;
  foreignMeeting = (await ctx.app.inject({ url: `/api/contracts/${capvm}/meetings` })).json<{ items: { id: string }[] }>().items[0]!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const rowsOf = async (table: typeof remainingItems | typeof adjustments | typeof auditEntries) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;

describe("remaining work (reste-à-faire)", () => {
  it("lets the lead keep the list of their fiche: add, tick with its day, remove — each step in the fiche's history", async () => {
    const fa5 = fiche.get(5)!;
    const before = (await lead.inject({ url: `/api/actions/${fa5}/remaining` })).json<{ items: { text: string }[] }>().items;
    expect(before.map((i) => i.text)).toContain("Rencontre prévue avant le COPIL du CLS (12/2021)");
    const created = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/remaining`, payload: { text: "  Programmer les réunions d'information des élus  " } });
    expect(created.statusCode).toBe(201);
    const item = created.json<{ id: string; text: string; version: number; doneOn: string | null }>();
    expect(item).toMatchObject({ text: "Programmer les réunions d'information des élus", doneOn: null });
    const list = (await partner.inject({ url: `/api/actions/${fa5}/remaining` })).json<{ items: { id: string }[] }>().items;
    expect(list.at(-1)!.id).toBe(item.id);

    const done = await lead.inject({ method: "PUT", url: `/api/remaining/${item.id}`, payload: { text: item.text, doneOn: "2022-01-20", version: item.version } });
    expect(done.json()).toMatchObject({ doneOn: "2022-01-20", version: item.version + 1 });
    const history = (await lead.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string; changes: { label: string; after: string | null }[] }[] }>();
    expect(history.items[0]!.changes).toEqual([expect.objectContaining({ label: "Fait le", after: "20/01/2022" })]);

    expect((await lead.inject({ method: "DELETE", url: `/api/remaining/${item.id}` })).statusCode).toBe(204);
    expectProblem(await lead.inject({ method: "DELETE", url: `/api/remaining/${item.id}` }), 404);
  });

  it("refuses an empty text, a future day, a stale version, a partner and a fiche the lead does not lead — writing nothing", async () => {
    const fa5 = fiche.get(5)!;
    const [item] = (await lead.inject({ url: `/api/actions/${fa5}/remaining` })).json<{ items: { id: string; text: string; version: number }[] }>().items;
    const [items, audit] = [await rowsOf(remainingItems), await rowsOf(auditEntries)];
    expect(expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa5}/remaining`, payload: { text: "   " } }), 400).errors).toEqual([{ path: "text", message: "Le reste-à-faire est obligatoire." }]);
    expect(expectProblem(await lead.inject({ method: "PUT", url: `/api/remaining/${item!.id}`, payload: { text: item!.text, doneOn: "2099-01-01", version: item!.version } }), 400).errors?.[0]?.path).toBe("doneOn");
    expectProblem(await lead.inject({ method: "PUT", url: `/api/remaining/${item!.id}`, payload: { text: "Autre", doneOn: null, version: item!.version + 5 } }), 409);
    expectProblem(await partner.inject({ method: "POST", url: `/api/actions/${fa5}/remaining`, payload: { text: "Remarque" } }), 403);
    expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fiche.get(1)}/remaining`, payload: { text: "Pas ma fiche" } }), 403);
    expect([await rowsOf(remainingItems), await rowsOf(auditEntries)]).toEqual([items, audit]);
  });

  it("puts the list in the order given, in one history entry; refuses a list that is not exactly the fiche's items", async () => {
    const fa5 = fiche.get(5)!;
    const read = async () => (await lead.inject({ url: `/api/actions/${fa5}/remaining` })).json<{ items: { id: string; text: string; version: number }[] }>().items;
    const before = await read();
    expect(before.length).toBeGreaterThan(1);
    const ids = before.map((i) => i.id).reverse();
    expect((await lead.inject({ method: "PUT", url: `/api/actions/${fa5}/remaining/order`, payload: { ids } })).statusCode).toBe(204);
    const after = await read();
    expect(after.map((i) => i.id)).toEqual(ids);
    expect(after.map((i) => i.version)).toEqual(before.map((i) => i.version).reverse());
    const [entry] = (await lead.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { changes: { label: string; after: string | null }[] }[] }>().items;
    expect(entry!.changes).toEqual([expect.objectContaining({ label: "Ordre du reste-à-faire", after: expect.stringMatching(/^1\. « /) })]);

    const [items, audit] = [await rowsOf(remainingItems), await rowsOf(auditEntries)];
    const order = (payload: object, client = lead, actionId = fa5) => client.inject({ method: "PUT", url: `/api/actions/${actionId}/remaining/order`, payload });
    expect(expectProblem(await order({ ids: ids.slice(1) }), 400).errors).toEqual([{ path: "ids", message: "La liste doit contenir exactement les éléments existants, chacun une fois." }]);
    expect(expectProblem(await order({ ids: [ids[0], ...ids.slice(0, -1)] }), 400).errors).toEqual([{ path: "ids", message: "La liste contient deux fois le même élément." }]);
    const fa1Items = (await coordinator.inject({ url: `/api/actions/${fiche.get(1)}/remaining` })).json<{ items: { id: string }[] }>().items;
    expectProblem(await order({ ids: fa1Items.map((i) => i.id) }, lead, fiche.get(1)!), 403);
    expectProblem(await order({ ids }, partner), 403);
    expectProblem(await order({ ids }, lead, "00000000-0000-4000-8000-000000000000"), 404);
    expect([await rowsOf(remainingItems), await rowsOf(auditEntries)]).toEqual([items, audit]);
    expect((await read()).map((i) => i.id)).toEqual(ids);
  });
});

describe("adjustments (ajustements nécessaires)", () => {
  it("lists a fiche's adjustments with their French labels and the fiche they target", async () => {
    const list = (await partner.inject({ url: `/api/actions/${fiche.get(7)}/adjustments` })).json<{ items: Record<string, unknown>[] }>().items;
    expect(list[0]).toMatchObject({ kind: "merge", kindLabel: "Fusionner avec une autre fiche", status: "proposed", statusLabel: "Proposé", targetAction: { number: 11 } });
  });

  it("merges FA 5 into FA 11 once the merge is done: the status shows it, both fiches link, FA 11's history shows FA 5's; undoing the merge restores FA 5", async () => {
    const [fa5, fa11] = [fiche.get(5)!, fiche.get(11)!];
    const proposed = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/adjustments`, payload: { kind: "merge", targetActionId: fa11, description: "Fusionner avec la FA 11" } });
    expect(proposed.statusCode).toBe(201);
    const adj = proposed.json<{ id: string; version: number }>();
    expect((await lead.inject({ url: `/api/actions/${fa5}` })).json()).toMatchObject({ mergedInto: null });

    const done = await coordinator.inject({
      method: "PUT",
      url: `/api/adjustments/${adj.id}`,
      payload: { kind: "merge", targetActionId: fa11, description: "Fusionner avec la FA 11", status: "done", agreedOn: "2021-12-07", doneOn: "2022-01-10", version: adj.version },
    });
    expect(done.statusCode).toBe(200);
    const view5 = (await partner.inject({ url: `/api/actions/${fa5}` })).json<Record<string, unknown>>();
    expect(view5).toMatchObject({ shownStatus: "merged", shownStatusLabel: "Fusionnée", mergedInto: { id: fa11, number: 11 } });
    expect((await partner.inject({ url: `/api/actions/${fa11}` })).json()).toMatchObject({ mergedFrom: [{ id: fa5, number: 5 }] });
    const listed = (await partner.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { number: number; shownStatus: string }[] }>().items;
    expect(listed.find((a) => a.number === 5)!.shownStatus).toBe("merged");

    const history = (await partner.inject({ url: `/api/actions/${fa11}/history` })).json<{ items: { objectId: string; mergedFiche: { number: number } | null; summary: string }[] }>();
    expect(history.items.some((i) => i.objectId === fa5 && i.mergedFiche?.number === 5)).toBe(true);
    expect(history.items.some((i) => i.objectId === fa11 && i.summary.includes("Fiche fusionnée dans celle-ci"))).toBe(true);
    const history5 = (await partner.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { changes: { label: string; after: string | null }[] }[] }>();
    expect(history5.items.flatMap((i) => i.changes)).toContainEqual(expect.objectContaining({ label: "Fusionnée dans", after: expect.stringMatching(/^FA 11 « /) }));

    // A merge of FA 11 back into FA 5 would loop: refused, FA 11 keeps only its own proposal (to merge with FA 7, as in the seed).
    const fa11Adjustments = () => ctx.database.db.select().from(adjustments).where(eq(adjustments.actionId, fa11));
    const before11 = await fa11Adjustments();
    expect(before11.map((a) => a.kind)).toEqual(["merge"]);
    const loop = await coordinator.inject({ method: "POST", url: `/api/actions/${fa11}/adjustments`, payload: { kind: "merge", targetActionId: fa5, status: "done", agreedOn: "2022-01-10", doneOn: "2022-01-10" } });
    expectProblem(loop, 409);
    expect(await fa11Adjustments()).toEqual(before11);

    expect((await coordinator.inject({ method: "DELETE", url: `/api/adjustments/${adj.id}` })).statusCode).toBe(204);
    const [row] = await ctx.database.db.select({ mergedIntoId: actions.mergedIntoId }).from(actions).where(eq(actions.id, fa5));
    expect(row!.mergedIntoId).toBeNull();
    expect((await partner.inject({ url: `/api/actions/${fa5}` })).json<{ shownStatus: string }>().shownStatus).not.toBe("merged");
    const afterDelete = (await partner.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { changes: { label: string; before: string | null; after: string | null }[] }[] }>();
    const changes = afterDelete.items.slice(0, 2).flatMap((i) => i.changes);
    expect(changes).toContainEqual(expect.objectContaining({ label: "Fusionnée dans", after: null }));
    expect(changes).toContainEqual(expect.objectContaining({ label: "Fiche cible", before: expect.stringMatching(/^FA 11 « /), after: null }));
    expect((await partner.inject({ url: `/api/actions/${fa11}` })).json()).toMatchObject({ mergedFrom: [] });
  });

  it("lets a lead propose a merge with a fiche she does not lead, but neither agree nor do it: 403, writing nothing (issue 12)", async () => {
    const [fa1, fa5, fa6] = [fiche.get(1)!, fiche.get(5)!, fiche.get(6)!];
    const merged = async () => (await ctx.database.db.select({ id: actions.id, mergedIntoId: actions.mergedIntoId }).from(actions).where(eq(actions.contractId, camvs))).filter((a) => a.mergedIntoId);
    const agreed = { kind: "merge", description: "Fusion", status: "agreed", agreedOn: "2021-12-07" };
    const done = { ...agreed, status: "done", doneOn: "2022-01-10" };
    const state = async () => [await rowsOf(adjustments), await rowsOf(auditEntries), await merged()];
    const before = await state();
    // The case: the lead of FA 6 records a done merge between FA 6 and FA 1, in either direction.
    const refused = expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa6}/adjustments`, payload: { ...done, targetActionId: fa1 } }), 403);
    expect(refused.detail).toBe("Une fusion validée ou réalisée touche aussi l'autre fiche : seule la coordination du contrat, ou la personne qui pilote les deux fiches, peut l'enregistrer, la modifier ou la supprimer. Vous pouvez proposer la fusion.");
    expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa6}/adjustments`, payload: { ...agreed, targetActionId: fa1 } }), 403);
    expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fa1}/adjustments`, payload: { ...done, targetActionId: fa6 } }), 403);
    expect(await state()).toEqual(before);

    // Her proposal is hers to write and withdraw; taking it further is the coordination's.
    const proposal = await lead.inject({ method: "POST", url: `/api/actions/${fa6}/adjustments`, payload: { kind: "merge", targetActionId: fa1, description: "À discuter en COTECH" } });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const { id, version } = proposal.json<{ id: string; version: number }>();
    const middle = await state();
    const put = (client: TestClient, payload: object, v = version) => client.inject({ method: "PUT", url: `/api/adjustments/${id}`, payload: { ...payload, targetActionId: fa1, version: v } });
    expectProblem(await put(lead, done), 403);
    expectProblem(await put(lead, agreed), 403);
    expect(await state()).toEqual(middle);
    const agreedByCoordinator = await put(coordinator, agreed);
    expect(agreedByCoordinator.statusCode, agreedByCoordinator.body).toBe(200);
    const v2 = agreedByCoordinator.json<{ version: number }>().version;
    const afterAgreement = await state();
    expectProblem(await put(lead, { kind: "merge", description: "Revenir à une proposition" }, v2), 403);
    expectProblem(await lead.inject({ method: "DELETE", url: `/api/adjustments/${id}` }), 403);
    expect(await state()).toEqual(afterAgreement);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/adjustments/${id}` })).statusCode).toBe(204);

    // Between the two fiches she leads, the whole merge is hers.
    const own = await lead.inject({ method: "POST", url: `/api/actions/${fa5}/adjustments`, payload: { ...done, targetActionId: fa6 } });
    expect(own.statusCode, own.body).toBe(201);
    expect((await partner.inject({ url: `/api/actions/${fa5}` })).json()).toMatchObject({ shownStatus: "merged", mergedInto: { id: fa6 } });
    expect((await lead.inject({ method: "DELETE", url: `/api/adjustments/${own.json<{ id: string }>().id}` })).statusCode).toBe(204);
    expect(await merged()).toEqual(before[2]);
  });

  it("shows a fiche under way with an overdue milestone as late", async () => {
    const view = (await partner.inject({ url: `/api/actions/${fiche.get(2)}` })).json<Record<string, unknown>>();
    expect(view).toMatchObject({ status: "not_started", shownStatus: "late", shownStatusLabel: "En retard" });
  });

  it("refuses bad adjustments with French field errors, foreign targets and meetings, a partner, a stale version — writing nothing", async () => {
    const fa5 = fiche.get(5)!;
    const [adj, audit] = [await rowsOf(adjustments), await rowsOf(auditEntries)];
    const post = (payload: object, client = lead) => client.inject({ method: "POST", url: `/api/actions/${fa5}/adjustments`, payload });
    expect(expectProblem(await post({ kind: "fusion" }), 400).errors?.map((e) => e.path)).toEqual(["kind"]);
    expect(expectProblem(await post({ kind: "merge" }), 400).errors).toEqual([{ path: "targetActionId", message: "Choisissez la fiche avec laquelle fusionner." }]);
    expect(expectProblem(await post({ kind: "merge", targetActionId: foreignFiche }), 400).errors).toEqual([{ path: "targetActionId", message: "Choisissez une fiche en cours de ce contrat." }]);
    expect(expectProblem(await post({ kind: "other", status: "agreed", agreedOn: "2021-09-14", agreedMeetingId: foreignMeeting }), 400).errors).toEqual([
      { path: "agreedMeetingId", message: "Choisissez une réunion de ce contrat." },
    ]);
    expect(expectProblem(await post({ kind: "other", status: "done", agreedOn: "2099-01-01" }), 400).errors?.map((e) => e.path).sort()).toEqual(["agreedOn", "doneOn"]);
    expectProblem(await post({ kind: "other" }, partner), 403);
    expectProblem(await lead.inject({ method: "POST", url: `/api/actions/${fiche.get(1)}/adjustments`, payload: { kind: "other" } }), 403);
    const [fa7Adjustment] = (await lead.inject({ url: `/api/actions/${fiche.get(7)}/adjustments` })).json<{ items: { id: string; version: number }[] }>().items;
    expectProblem(await lead.inject({ method: "PUT", url: `/api/adjustments/${fa7Adjustment!.id}`, payload: { kind: "other", version: fa7Adjustment!.version } }), 403);
    expectProblem(await lead.inject({ method: "DELETE", url: `/api/adjustments/${fa7Adjustment!.id}` }), 403);
    expectProblem(await lead.inject({ method: "POST", url: "/api/actions/00000000-0000-4000-8000-000000000000/adjustments", payload: { kind: "other" } }), 404);
    expectProblem(await post({ kind: "merge", targetActionId: fa5 }), 400);
    const [existing] = (await lead.inject({ url: `/api/actions/${fa5}/adjustments` })).json<{ items: { id: string; version: number }[] }>().items;
    expectProblem(await lead.inject({ method: "PUT", url: `/api/adjustments/${existing!.id}`, payload: { kind: "other", version: existing!.version + 3 } }), 409);
    expect([await rowsOf(adjustments), await rowsOf(auditEntries)]).toEqual([adj, audit]);
    expectProblem(await lead.inject({ method: "PUT", url: "/api/adjustments/00000000-0000-4000-8000-000000000000", payload: { kind: "other", version: 1 } }), 404);
  });
});
