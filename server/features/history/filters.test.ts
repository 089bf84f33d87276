/**
 * The history read by people: filters (who, what, when) applied in SQL and refused in French
 * when wrong; each line worded by what was done and linked to its object; the demo's entries
 * dated by its data; the accounts in the admin journal.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, contracts, users } from "../../db/schema.js";
import { parisDay } from "../../domain/dates.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

interface Entry {
  id: string;
  at: string;
  actor: { id: string | null; name: string };
  operation: string;
  objectType: string;
  objectId: string;
  objectLabel: string;
  contractId: string | null;
  summary: string;
  link: string | null;
}
interface History {
  items: Entry[];
  page: number;
  pageCount: number;
  actors: { id: string; name: string }[];
}

let ctx: TestContext;
let coordinator: TestClient;
let marieId: string;
let camvs: string;
let capvm: string;
let fa5: string;

async function getJson<T>(c: TestClient, url: string): Promise<T> {
  const res = await c.inject({ url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

/** Every entry a query gives, page after page. */
async function all(c: TestClient, url: string): Promise<Entry[]> {
  const sep = url.includes("?") ? "&" : "?";
  const first = await getJson<History>(c, url);
  const items = [...first.items];
  for (let page = 2; page <= first.pageCount; page++) items.push(...(await getJson<History>(c, `${url}${sep}page=${page}`)).items);
  return items;
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  const slugId = async (slug: string) => (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  camvs = await slugId("camvs-2021-2023");
  capvm = await slugId("capvm-2019-2022");
  fa5 = (await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 5))))[0]!.id;
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  marieId = (await getJson<{ id: string }>(coordinator, "/api/account")).id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe("the demo's history, dated by its data", () => {
  it("records each progress entry on its day, worded as an addition to its fiche, with a link to the fiche's follow-up", async () => {
    const day = await all(coordinator, `/api/contracts/${camvs}/history?from=2021-09-14&to=2021-09-14`);
    const progress = day.filter((e) => e.summary.includes("a ajouté l'état d'avancement du 14/09/2021"));
    expect(progress.length).toBeGreaterThan(0);
    for (const e of progress) {
      expect(e.actor).toEqual({ id: null, name: "Données de démonstration" });
      expect(e.summary).toMatch(/^Données de démonstration a ajouté l'état d'avancement du 14\/09\/2021 à la fiche FA \d+ « .+ » le 14\/09\/2021 à 18:00$/);
      expect(e.link).toBe(`/contrats/${camvs}/fiches/${e.objectId}/suivi`);
    }
    // The COTECH of that day is there too, at its hour, linked to its page.
    const cotech = day.find((e) => e.objectType === "meeting");
    expect(cotech).toMatchObject({ operation: "create", objectLabel: "Comité technique 2021", link: expect.stringMatching(new RegExp(`^/contrats/${camvs}/reunions/`)) });
    expect(cotech!.summary).toBe("Données de démonstration a créé la réunion Comité technique 2021 le 14/09/2021 à 10:00");
  });

  it("dates the import on the contract's first day and the workshop's registrations in October 2021: nothing at the load time", async () => {
    const demo = await all(ctx.app, `/api/audit?actor=${encodeURIComponent("Données de démonstration")}`);
    expect(demo.length).toBeGreaterThan(100);
    const imports = demo.filter((e) => e.objectType === "contract" && e.operation === "create");
    expect(imports.map((e) => [e.contractId, parisDay(new Date(e.at))]).sort()).toEqual(
      [
        [camvs, "2021-01-01"],
        [capvm, "2019-11-07"],
      ].sort(),
    );
    const registrations = demo.filter((e) => e.objectType === "registration" && e.operation === "create");
    expect(registrations).toHaveLength(18);
    for (const e of registrations) expect(parisDay(new Date(e.at))).toMatch(/^2021-10-(0[5-9]|1\d|2[0-2])$/);
    // The demo's data ends in 2023: no entry of it is dated by the moment it was loaded.
    for (const e of demo) expect(new Date(e.at).getUTCFullYear(), e.summary).toBeLessThanOrEqual(2023);
  });
});

describe("filters of a contract's history", () => {
  it("keeps one kind of object, one person, or a span of days, in SQL (the page count follows)", async () => {
    const meetingsOnly = await getJson<History>(coordinator, `/api/contracts/${camvs}/history?type=meeting`);
    expect(meetingsOnly.items.length).toBeGreaterThan(0);
    expect(meetingsOnly.items.every((e) => e.objectType === "meeting" && e.contractId === camvs)).toBe(true);
    expect(meetingsOnly.pageCount).toBe(1);

    // Marie renames an axis: her own entries are hers only.
    const contract = await getJson<{ axes: { id: string; title: string; description: string; version: number }[] }>(coordinator, `/api/contracts/${camvs}`);
    const axis = contract.axes[0]!;
    expect((await coordinator.inject({ method: "PUT", url: `/api/axes/${axis.id}`, payload: { title: `${axis.title} (filtre)`, description: axis.description, version: axis.version } })).statusCode).toBe(200);
    const hers = await getJson<History>(coordinator, `/api/contracts/${camvs}/history?actor=${marieId}`);
    expect(hers.items.length).toBeGreaterThan(0);
    expect(hers.items.every((e) => e.actor.id === marieId)).toBe(true);
    expect(hers.items[0]).toMatchObject({ objectType: "axis", objectId: axis.id, link: `/contrats/${camvs}/axes` });
    // The people of the history, for the filter « Qui »: accounts first, then changes made without one.
    expect(hers.actors).toEqual(expect.arrayContaining([{ id: marieId, name: "Marie Dupont" }, { id: "Données de démonstration", name: "Données de démonstration" }]));
    expect(hers.actors.findIndex((a) => a.id === marieId)).toBeLessThan(hers.actors.findIndex((a) => a.name === "Données de démonstration"));

    // Days are Paris days, both ends included; combined with the other filters.
    const autumn = await all(coordinator, `/api/contracts/${camvs}/history?from=2021-10-01&to=2021-11-30&type=registration`);
    // 18 registrations, then 16 residents marked present on the first evening.
    expect(autumn.map((e) => e.operation).sort()).toEqual([...Array<string>(18).fill("create"), ...Array<string>(16).fill("update")]);
    for (const e of autumn) expect(parisDay(new Date(e.at)) >= "2021-10-01" && parisDay(new Date(e.at)) <= "2021-11-30").toBe(true);
    const none = await getJson<History>(coordinator, `/api/contracts/${camvs}/history?from=2021-10-01&to=2021-11-30&actor=${marieId}`);
    expect(none).toMatchObject({ items: [], page: 1, pageCount: 1 });
  });

  it("refuses a wrong filter with a 400 on its field, in French", async () => {
    const url = `/api/contracts/${camvs}/history`;
    expect(expectProblem(await coordinator.inject({ url: `${url}?type=tout` }), 400).errors).toEqual([{ path: "querystring.type", message: "Choisissez un type d'objet de la liste." }]);
    expect(expectProblem(await coordinator.inject({ url: `${url}?from=2021-13-01` }), 400).errors).toEqual([{ path: "querystring.from", message: "Indiquez une date valide au format AAAA-MM-JJ." }]);
    expect(expectProblem(await coordinator.inject({ url: `${url}?from=2021-10-01&to=2021-09-01` }), 400).errors).toEqual([{ path: "querystring.to", message: "La date de fin doit suivre la date de début." }]);
    expect(expectProblem(await coordinator.inject({ url: `${url}?actor=${"x".repeat(301)}` }), 400).errors).toEqual([{ path: "querystring.actor", message: "Cette personne est inconnue." }]);
    expect(expectProblem(await ctx.app.inject({ url: "/api/audit?to=hier" }), 400).errors).toEqual([{ path: "querystring.to", message: "Indiquez une date valide au format AAAA-MM-JJ." }]);
  });

  it("shows nothing more to those who could not read the history before: a partner, the ARS, another coordinator", async () => {
    const partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
    const ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
    const thomas = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    const filtered = `/api/contracts/${camvs}/history?type=meeting&from=2021-01-01`;
    expectProblem(await partner.inject({ url: filtered }), 403);
    expectProblem(await ars.inject({ url: filtered }), 403);
    expectProblem(await thomas.inject({ url: filtered }), 404);
    for (const c of [partner, ars, thomas, coordinator]) expectProblem(await c.inject({ url: "/api/audit?type=account" }), 403);
    // A fiche's history stays theirs to read, with its links.
    const fiche = await getJson<History>(partner, `/api/actions/${fa5}/history`);
    expect(fiche.items.every((e) => e.objectId === fa5 && e.link?.startsWith(`/contrats/${camvs}/fiches/${fa5}`))).toBe(true);
  });
});

describe("each line worded by what was done, and linked to its object", () => {
  it("says a measurement was added then removed, linking to the fiche's follow-up", async () => {
    const [indicator] = (await getJson<{ items: { id: string; label: string }[] }>(coordinator, `/api/actions/${fa5}/indicators`)).items;
    const created = await coordinator.inject({ method: "POST", url: `/api/actions/${fa5}/measurements`, payload: { indicatorId: indicator!.id, measuredOn: "2022-03-31", value: 3, source: "CPAM 77" } });
    expect(created.statusCode, created.body).toBe(201);
    const [fiche] = await ctx.database.db.select({ number: actions.number, title: actions.title }).from(actions).where(eq(actions.id, fa5));
    const ficheLabel = `FA ${fiche!.number} « ${fiche!.title} »`;
    const quoted = indicator!.label.length > 60 ? `${indicator!.label.slice(0, 59)}…` : indicator!.label;
    let [entry] = (await getJson<History>(coordinator, `/api/contracts/${camvs}/history?actor=${marieId}&type=action`)).items;
    expect(entry!.summary).toMatch(new RegExp(`^Marie Dupont a ajouté une mesure de l'indicateur « ${escape(quoted)} » à la fiche ${escape(ficheLabel)} le `));
    expect(entry!.link).toBe(`/contrats/${camvs}/fiches/${fa5}/suivi`);
    // On the fiche's own page, the fiche goes without saying.
    expect((await getJson<History>(coordinator, `/api/actions/${fa5}/history`)).items[0]!.summary).toMatch(new RegExp(`^Marie Dupont a ajouté une mesure de l'indicateur « ${escape(quoted)} » le `));

    expect((await coordinator.inject({ method: "DELETE", url: `/api/measurements/${created.json<{ id: string }>().id}` })).statusCode).toBe(204);
    [entry] = (await getJson<History>(coordinator, `/api/contracts/${camvs}/history?actor=${marieId}&type=action`)).items;
    expect(entry!.summary).toMatch(new RegExp(`^Marie Dupont a supprimé la mesure de l'indicateur « ${escape(quoted)} » de la fiche ${escape(ficheLabel)} le `));
  });

  it("gives no link to an object that is gone", async () => {
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "Groupe éphémère" } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    let bodies = (await getJson<History>(coordinator, `/api/contracts/${camvs}/history?type=body&actor=${marieId}`)).items;
    expect(bodies[0]).toMatchObject({ objectId: id, operation: "create", link: `/contrats/${camvs}/gouvernance` });
    expect((await coordinator.inject({ method: "DELETE", url: `/api/bodies/${id}` })).statusCode).toBe(204);
    bodies = (await getJson<History>(coordinator, `/api/contracts/${camvs}/history?type=body&actor=${marieId}`)).items;
    expect(bodies.filter((e) => e.objectId === id).map((e) => [e.operation, e.link])).toEqual([
      ["delete", null],
      ["create", null],
    ]);
  });
});

describe("accounts in the admin journal", () => {
  it("words the deactivation and reactivation of an account, links to the accounts page, and keeps them out of contracts' histories", async () => {
    const [karim] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.email, "karim.benali@cpam77.test"));
    expect((await ctx.app.inject({ method: "POST", url: `/api/admin/users/${karim!.id}/deactivate` })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: "POST", url: `/api/admin/users/${karim!.id}/reactivate` })).statusCode).toBe(200);
    const accounts = await getJson<History>(ctx.app, "/api/audit?type=account");
    expect(accounts.items.slice(0, 2).map((e) => e.summary.replace(/ le \d\d\/.*$/, ""))).toEqual([
      "Alex Morel a réactivé le compte de Karim Benali (karim.benali@cpam77.test)",
      "Alex Morel a désactivé le compte de Karim Benali (karim.benali@cpam77.test)",
    ]);
    expect(accounts.items.every((e) => e.objectType === "account" && e.contractId === null && e.link === "/administration/comptes")).toBe(true);
    const camvsHistory = await all(coordinator, `/api/contracts/${camvs}/history`);
    expect(camvsHistory.some((e) => e.objectType === "account")).toBe(false);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
