/**
 * The history through the API: who changed what, field by field, written in the
 * transaction of the change (a refused change leaves no entry), and never
 * editable through any route.
 */
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, auditEntries, contracts } from "../../db/schema.js";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { systemActor } from "../../policies/index.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { newFicheBody, type ContractView } from "../../testing/fixtures.js";
import { expectProblem } from "../../testing/http.js";
import type { AuditChange } from "../../domain/history.js";
import { recordAudit } from "../../audit/record.js";

interface Entry {
  id: string;
  at: string;
  actor: { id: string | null; name: string };
  operation: string;
  objectType: string;
  objectId: string;
  objectLabel: string;
  contractId: string | null;
  contractName: string | null;
  changes: AuditChange[];
}
interface History {
  items: Entry[];
  page: number;
  pageCount: number;
}
type Fiche = Record<string, unknown> & { id: string; version: number; number: number; title: string; axisId: string; targetPublic: string };

const COORDINATOR = "marie.dupont@camvs.test";
const CAPVM_COORDINATOR = "thomas.petit@capvm.test";

let ctx: TestContext;
let coordinator: TestClient;
let marieId: string;
let camvs: string;
let capvm: string;
/** CAMVS's FA 6 « Journée de la Santé ». */
let fa6: string;

async function getJson<T>(c: TestClient, url: string): Promise<T> {
  const res = await c.inject({ url });
  expect(res.statusCode, url).toBe(200);
  return res.json<T>();
}

const readFiche = (id: string) => getJson<Fiche>(ctx.app, `/api/actions/${id}`);
const ficheHistory = (id: string, c: TestClient = ctx.app) => getJson<History>(c, `/api/actions/${id}/history`);

/** The body of PUT /api/actions/:id: the fiche's editable fields and version, as read, with `changes` applied. */
async function updateBody(id: string, changes: Record<string, unknown> = {}) {
  const { permissions: _p, id: _id, contractId: _c, archivedAt: _a, updatedAt: _u, axis: _x, objective: _o, ...body } = await readFiche(id);
  return { ...body, ...changes };
}

async function auditCount(): Promise<number> {
  const [row] = await ctx.database.db.select({ n: count() }).from(auditEntries);
  return row!.n;
}

/** Every entry of the instance, page after page (as the admin). */
async function wholeAudit(): Promise<Entry[]> {
  const first = await getJson<History>(ctx.app, "/api/audit");
  const items = [...first.items];
  for (let page = 2; page <= first.pageCount; page++) items.push(...(await getJson<History>(ctx.app, `/api/audit?page=${page}`)).items);
  return items;
}

async function nextNumber(contractId: string): Promise<number> {
  const list = await getJson<{ items: { number: number }[] }>(ctx.app, `/api/contracts/${contractId}/actions`);
  return Math.max(...list.items.map((a) => a.number)) + 1;
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  const slugId = async (slug: string) => (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  camvs = await slugId("camvs-2021-2023");
  capvm = await slugId("capvm-2019-2022");
  fa6 = (await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 6))))[0]!.id;
  coordinator = await signedInClient(ctx.server, COORDINATOR);
  marieId = (await getJson<{ id: string }>(coordinator, "/api/account")).id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe("the demo import", () => {
  it("wrote one « create » entry per contract, by the demo system", async () => {
    const imports = (await wholeAudit()).filter((e) => e.objectType === "contract" && e.operation === "create");
    expect(imports).toHaveLength(2);
    expect(imports.map((e) => e.contractId).sort()).toEqual([camvs, capvm].sort());
    for (const e of imports) {
      expect(e.actor).toEqual({ id: null, name: "Données de démonstration" });
      expect(e.objectId).toBe(e.contractId);
      expect(e.objectLabel).toBe(e.contractName);
      expect(e.changes).toEqual([{ field: "import", label: "Import (format cles.contract)", before: null, after: expect.stringMatching(/^\d+ axe\(s\), \d+ fiche\(s\), \d+ organisation\(s\)$/) }]);
    }
    const camvsImport = imports.find((e) => e.contractId === camvs)!;
    expect(camvsImport.changes[0]!.after).toMatch(/, 15 fiche\(s\),/);
  });
});

describe("the history of a fiche", () => {
  it("records who changed the target public, from what to what", async () => {
    const before = await readFiche(fa6);
    const historyBefore = await ficheHistory(fa6);
    const newPublic = "Habitants de Melun et des communes de l'agglomération";
    const res = await coordinator.inject({ method: "PUT", url: `/api/actions/${fa6}`, payload: await updateBody(fa6, { targetPublic: newPublic }) });
    expect(res.statusCode).toBe(200);

    const history = await ficheHistory(fa6, coordinator);
    expect(history.items).toHaveLength(historyBefore.items.length + 1);
    const entry = history.items[0]!;
    expect(entry).toMatchObject({
      actor: { id: marieId, name: "Marie Dupont" },
      operation: "update",
      objectType: "action",
      objectId: fa6,
      objectLabel: `FA 6 « ${before.title} »`,
      contractId: camvs,
      contractName: expect.stringContaining("Melun Val de Seine"),
    });
    // Only the field that changed; the demo fiche had no target public (shown as nothing).
    expect(entry.changes).toEqual([{ field: "targetPublic", label: "Public cible", before: before.targetPublic === "" ? null : before.targetPublic, after: newPublic }]);

    // A second change of the same field shows the previous value as « before ».
    const again = await coordinator.inject({ method: "PUT", url: `/api/actions/${fa6}`, payload: await updateBody(fa6, { targetPublic: "Tout public" }) });
    expect(again.statusCode).toBe(200);
    expect((await ficheHistory(fa6)).items[0]!.changes).toEqual([{ field: "targetPublic", label: "Public cible", before: newPublic, after: "Tout public" }]);
  });

  it("records several fields of one change in one entry, with readable values", async () => {
    const res = await coordinator.inject({
      method: "PUT",
      url: `/api/actions/${fa6}`,
      payload: await updateBody(fa6, { place: "Parc de la mairie", operationalObjectives: ["Informer", "Dépister"], preExisting: true }),
    });
    expect(res.statusCode).toBe(200);
    const [entry] = (await ficheHistory(fa6)).items;
    const byField = Object.fromEntries(entry!.changes.map((c) => [c.field, c]));
    expect(Object.keys(byField).sort()).toEqual(["operationalObjectives", "place", "preExisting"]);
    expect(byField.place).toMatchObject({ label: "Lieu", after: "Parc de la mairie" });
    expect(byField.operationalObjectives).toMatchObject({ label: "Objectifs opérationnels", after: "Informer\nDépister" });
    expect(byField.preExisting).toMatchObject({ label: "Action préexistante", after: "Oui" });
  });

  it("writes no entry for an update that changes nothing", async () => {
    const before = await readFiche(fa6);
    const entries = (await ficheHistory(fa6)).items.length;
    const audits = await auditCount();
    const res = await coordinator.inject({ method: "PUT", url: `/api/actions/${fa6}`, payload: await updateBody(fa6) });
    expect(res.statusCode).toBe(200);
    expect(res.json<Fiche>().version).toBe(before.version + 1);
    expect((await ficheHistory(fa6)).items).toHaveLength(entries);
    expect(await auditCount()).toBe(audits);
  });

  it("records the creation of a fiche, then its archiving and restoring", async () => {
    const axisId = (await readFiche(fa6)).axisId;
    const number = await nextNumber(camvs);
    const title = `Fiche tracée ${randomUUID().slice(0, 8)}`;
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/actions`, payload: newFicheBody(axisId, { number, title, targetPublic: "Jeunes" }) });
    expect(created.statusCode).toBe(201);
    const fiche = created.json<Fiche>();

    const [creation] = (await ficheHistory(fiche.id)).items;
    expect(creation).toMatchObject({ operation: "create", actor: { id: marieId, name: "Marie Dupont" }, objectLabel: `FA ${number} « ${title} »`, contractId: camvs });
    expect(creation!.changes).toEqual(
      expect.arrayContaining([
        { field: "number", label: "Numéro", before: null, after: String(number) },
        { field: "title", label: "Intitulé", before: null, after: title },
        { field: "status", label: "Statut", before: null, after: "Non démarrée" },
        { field: "targetPublic", label: "Public cible", before: null, after: "Jeunes" },
      ]),
    );
    // A creation lists the fields that have a value, all from nothing.
    for (const c of creation!.changes) {
      expect(c.before).toBeNull();
      expect(c.after).not.toBeNull();
    }
    expect(creation!.changes.map((c) => c.field)).not.toContain("place");

    const archived = await coordinator.inject({ method: "POST", url: `/api/actions/${fiche.id}/archive`, payload: { version: fiche.version } });
    expect(archived.statusCode).toBe(200);
    const restored = await coordinator.inject({ method: "POST", url: `/api/actions/${fiche.id}/restore`, payload: { version: archived.json<Fiche>().version } });
    expect(restored.statusCode).toBe(200);

    const history = await ficheHistory(fiche.id);
    expect(history.items.map((e) => e.operation)).toEqual(["restore", "archive", "create"]);
    for (const e of history.items) expect(e.actor).toEqual({ id: marieId, name: "Marie Dupont" });
    expect(history.items[0]!.at >= history.items[1]!.at && history.items[1]!.at >= history.items[2]!.at).toBe(true);
  });
});

describe("the history of a contract", () => {
  it("shows an axis renamed by the coordinator", async () => {
    const contract = await getJson<ContractView>(coordinator, `/api/contracts/${camvs}`);
    const axis = contract.axes[0]!;
    const res = await coordinator.inject({ method: "PUT", url: `/api/axes/${axis.id}`, payload: { title: "Premier recours et accès aux soins", description: axis.description, version: axis.version } });
    expect(res.statusCode).toBe(200);

    const history = await getJson<History>(coordinator, `/api/contracts/${camvs}/history`);
    const entry = history.items.find((e) => e.objectType === "axis" && e.objectId === axis.id);
    expect(entry).toMatchObject({ operation: "update", actor: { id: marieId, name: "Marie Dupont" }, contractId: camvs, objectLabel: expect.stringContaining("Premier recours et accès aux soins") });
    expect(entry!.changes).toEqual([{ field: "title", label: "Intitulé", before: axis.title, after: "Premier recours et accès aux soins" }]);
    // The newest entry comes first.
    expect(history.items[0]!.id).toBe(entry!.id);
    // The contract's history holds its fiches' entries too, and nothing of the other contract.
    expect(history.items.some((e) => e.objectType === "action" && e.objectId === fa6)).toBe(true);
    expect(history.items.every((e) => e.contractId === camvs)).toBe(true);
  });

  it("is 404 for a contract that does not exist, even for the admin", async () => {
    const res = await ctx.app.inject({ url: `/api/contracts/${randomUUID()}/history` });
    expect(expectProblem(res, 404).detail).toBe("Ce contrat est introuvable.");
  });

  it("refuses a page number below 1 (400)", async () => {
    expectProblem(await coordinator.inject({ url: `/api/contracts/${camvs}/history?page=0` }), 400);
  });
});

describe("the audit of the instance (admin)", () => {
  it("returns the entries of both contracts, with their contract's name, newest first", async () => {
    // A change in CAPVM by its coordinator, so that both contracts have recent entries.
    const thomas = await signedInClient(ctx.server, CAPVM_COORDINATOR);
    const capvmContract = await getJson<ContractView>(thomas, `/api/contracts/${capvm}`);
    const axis = capvmContract.axes[0]!;
    const renamed = await thomas.inject({ method: "PUT", url: `/api/axes/${axis.id}`, payload: { title: `${axis.title} (révisé)`, description: axis.description, version: axis.version } });
    expect(renamed.statusCode).toBe(200);

    const first = await getJson<History>(ctx.app, "/api/audit");
    expect(first.page).toBe(1);
    expect(first.items[0]).toMatchObject({ actor: { name: "Thomas Petit" }, contractId: capvm, contractName: capvmContract.name, objectType: "axis" });
    const all = await wholeAudit();
    expect(all).toHaveLength(await auditCount());
    const names = new Map(all.map((e) => [e.contractId, e.contractName]));
    expect(names.get(capvm)).toBe(capvmContract.name);
    expect(names.get(camvs)).toBe((await getJson<ContractView>(ctx.app, `/api/contracts/${camvs}`)).name);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.at >= all[i]!.at).toBe(true);
  });

  it("is the admin's only: a coordinator gets 403", async () => {
    expectProblem(await coordinator.inject({ url: "/api/audit" }), 403);
  });
});

describe("the history is written in the transaction of the change", () => {
  it("a stale version (409) writes no entry and changes nothing", async () => {
    const current = await readFiche(fa6);
    const audits = await auditCount();
    const res = await coordinator.inject({ method: "PUT", url: `/api/actions/${fa6}`, payload: await updateBody(fa6, { targetPublic: "Version périmée", version: current.version - 1 }) });
    const problem = expectProblem(res, 409);
    expect(problem.detail).toBe(STALE_MESSAGE);
    expect(await auditCount()).toBe(audits);
    expect(await readFiche(fa6)).toEqual(current);
  });

  it("an objective of another axis (400) writes no entry and changes nothing", async () => {
    const current = await readFiche(fa6);
    const contract = await getJson<ContractView>(ctx.app, `/api/contracts/${camvs}`);
    const otherAxis = contract.axes.find((a) => a.id !== current.axisId)!;
    const created = await ctx.app.inject({ method: "POST", url: `/api/axes/${otherAxis.id}/objectives`, payload: { code: "9.9", title: "Objectif d'un autre axe" } });
    expect(created.statusCode).toBe(201);
    const foreign = created.json<{ id: string }>();
    const audits = await auditCount();
    const res = await coordinator.inject({ method: "PUT", url: `/api/actions/${fa6}`, payload: await updateBody(fa6, { targetPublic: "Objectif étranger", objectiveId: foreign.id }) });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toEqual([{ path: "objectiveId", message: "Cet objectif n'appartient pas à l'axe choisi." }]);
    expect(await auditCount()).toBe(audits);
    expect(await readFiche(fa6)).toEqual(current);
  });

  it("a text with a NUL character is refused with a 400 on its field, and nothing is written", async () => {
    const current = await readFiche(fa6);
    const audits = await auditCount();
    const res = await coordinator.inject({
      method: "PUT",
      url: `/api/actions/${fa6}`,
      payload: await updateBody(fa6, { indicators: [{ kind: "activity", label: "Indicateur \u0000 invalide", unit: "", baseline: null, target: null }] }),
    });
    expect(expectProblem(res, 400).errors).toEqual([{ path: "indicators.0.label", message: expect.stringContaining("caractère nul") }]);
    expect(await auditCount()).toBe(audits);
    expect(await readFiche(fa6)).toEqual(current);
  });

  it("when the audit entry cannot be written, the change is not written either (same transaction)", async () => {
    const db = ctx.database.db;
    const current = await readFiche(fa6);
    const audits = await auditCount();
    // A trigger makes the insert of any audit entry fail: the last step of the update.
    await db.execute(sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'journal indisponible'; end $$`);
    await db.execute(sql`create trigger refuse_audit before insert on audit_entries for each row execute function refuse_audit()`);
    try {
      const res = await coordinator.inject({ method: "PUT", url: `/api/actions/${fa6}`, payload: await updateBody(fa6, { title: "Titre qui ne doit pas rester" }) });
      expect(expectProblem(res, 500).detail).toMatch(/Vos données n'ont pas été modifiées/);
    } finally {
      await db.execute(sql`drop trigger refuse_audit on audit_entries`);
      await db.execute(sql`drop function refuse_audit()`);
    }
    expect(await auditCount()).toBe(audits);
    expect(await readFiche(fa6)).toEqual(current);
  });

  it("an entry recorded in a transaction that fails is not kept", async () => {
    const audits = await auditCount();
    const failing = ctx.database.db.transaction(async (tx) => {
      await recordAudit(tx, systemActor("Test"), { contractId: camvs, objectType: "contract", objectId: camvs, objectLabel: "Essai", operation: "update", changes: [{ field: "name", label: "Nom", before: "a", after: "b" }] });
      throw new Error("échec après l'écriture");
    });
    await expect(failing).rejects.toThrow("échec après l'écriture");
    expect(await auditCount()).toBe(audits);
  });
});

describe("the history cannot be edited", () => {
  it("has no route to change or delete an entry (404)", async () => {
    const [entry] = (await getJson<History>(ctx.app, "/api/audit")).items;
    const audits = await auditCount();
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      for (const url of [`/api/audit/${entry!.id}`, "/api/audit", `/api/actions/${fa6}/history`, `/api/contracts/${camvs}/history`]) {
        const res = await ctx.app.inject({ method, url, payload: { actorName: "Personne", changes: [] } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await auditCount()).toBe(audits);
    const [still] = (await getJson<History>(ctx.app, "/api/audit")).items;
    expect(still).toEqual(entry);
  });

  it("every route of the history only reads", () => {
    const historyRoutes = ctx.server.apiRoutes.filter((r) => /audit|history/.test(r));
    expect(historyRoutes.sort()).toEqual(["GET /api/actions/:actionId/history", "GET /api/audit", "GET /api/contracts/:contractId/history"]);
  });
});
