import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetings } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let coordinator: TestClient;
let camvs: string;
let capvm: string;
let copil: { id: string; version: number };
let fiches: Map<number, string>;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  const list = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = list.find((c) => c.slug === "camvs-2021-2023")!.id;
  capvm = list.find((c) => c.slug === "capvm-2019-2022")!.id;
  const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "copil", name: "COPIL", rhythm: { kind: "per_year", count: 1 } } });
  expect(created.statusCode).toBe(201);
  copil = created.json();
  const actions = (await coordinator.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fiches = new Map(actions.map((a) => [a.number, a.id]));
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const meetingCount = async () => (await ctx.database.db.select({ n: count() }).from(meetings))[0]!.n;
const cotech = (overrides: Record<string, unknown> = {}) => ({
  bodyId: copil.id,
  title: "COTECH du 14 septembre 2021",
  startsAt: "2021-09-14T14:00:00+02:00",
  endsAt: "2021-09-14T16:30:00+02:00",
  place: "Melun, salle du conseil",
  agenda: [
    { title: "Point d'étape des fiches", durationMinutes: 90, presenter: "Marie Dupont", actionIds: [] as string[] },
    { title: "Orientations", durationMinutes: 60 },
  ],
  headCount: 14,
  minutes: "<p>Quatorze participants.</p><script>alert('x')</script><p onclick=\"x()\">Orientations <a href=\"javascript:evil()\">ici</a></p>",
  decisions: ["Prochain COPIL le 7 décembre 2021"],
  ...overrides,
});

describe("bodies", () => {
  it("lists the contract's bodies with their rhythm, and refuses bad ones with field errors", async () => {
    const list = (await coordinator.inject({ url: `/api/contracts/${camvs}/bodies` })).json<{ items: { name: string; rhythm: unknown; kindLabel: string }[] }>();
    expect(list.items).toContainEqual(expect.objectContaining({ name: "COPIL", rhythm: { kind: "per_year", count: 1 }, kindLabel: "Comité de pilotage (COPIL)" }));
    const bad = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "club", name: "", rhythm: { kind: "per_year", count: 0 } } });
    expect(expectProblem(bad, 400).errors?.map((e) => e.path).sort()).toEqual(["kind", "name", "rhythm.count"]);
    const foreignAxis = (await ctx.app.inject({ url: `/api/contracts/${capvm}` })).json<{ axes: { id: string }[] }>().axes[0]!.id;
    const thematic = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "thematic", name: "Commission", axisId: foreignAxis } });
    expect(expectProblem(thematic, 400).errors).toEqual([{ path: "axisId", message: "Choisissez un axe de ce contrat." }]);
  });

  it("names the fiches of a working group, which must be the contract's own", async () => {
    const foreign = (await ctx.app.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string }[] }>().items[0]!.id;
    const before = (await coordinator.inject({ url: `/api/contracts/${camvs}/bodies` })).json<{ items: unknown[] }>().items.length;
    const bad = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "GT", actionIds: [fiches.get(9), foreign] } });
    expect(expectProblem(bad, 400).errors).toEqual([{ path: "actionIds.1", message: "Cette fiche n'existe pas dans ce contrat." }]);
    expect((await coordinator.inject({ url: `/api/contracts/${camvs}/bodies` })).json<{ items: unknown[] }>().items).toHaveLength(before);
    const ok = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "GT femmes", actionIds: [fiches.get(9)] } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: "GT femmes", actionIds: [fiches.get(9)] });
  });

  it("marks the bodies about residents' participation: workshops by default, a working group when asked, kept on update", async () => {
    const workshop = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "residents", name: "Atelier des habitants" } })).json<{ participation: boolean }>();
    expect(workshop.participation).toBe(true);
    const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "GT participation", participation: true } });
    const group = created.json<{ id: string; version: number; participation: boolean }>();
    expect(group.participation).toBe(true);
    const renamed = await coordinator.inject({ method: "PUT", url: `/api/bodies/${group.id}`, payload: { kind: "working_group", name: "GT participation des habitants", version: group.version } });
    expect(renamed.json<{ participation: boolean }>().participation).toBe(true);
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "GT", participation: "oui" } }), 400);
    const plain = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "GT santé mentale" } })).json<{ participation: boolean }>();
    expect(plain.participation).toBe(false);
  });

  it("renames a body with the version read, refuses a stale one", async () => {
    const body = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "Groupe habitants" } })).json<{ id: string; version: number }>();
    const ok = await coordinator.inject({ method: "PUT", url: `/api/bodies/${body.id}`, payload: { kind: "working_group", name: "Groupe de travail habitants", rhythm: { kind: "every_months", months: 3 }, version: body.version } });
    expect(ok.statusCode).toBe(200);
    const stale = await coordinator.inject({ method: "PUT", url: `/api/bodies/${body.id}`, payload: { kind: "working_group", name: "Autre nom", version: body.version } });
    expectProblem(stale, 409);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/bodies/${body.id}` })).statusCode).toBe(204);
  });
});

describe("meetings", () => {
  it("records a COTECH with its agenda, head count, decisions and sanitised minutes, and its history", async () => {
    const res = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ agenda: [{ title: "FA 5", durationMinutes: 30, actionIds: [fiches.get(5)] }] }) });
    expect(res.statusCode).toBe(201);
    const m = res.json<{ id: string; minutes: string; headCount: number; body: { name: string } }>();
    expect(m.headCount).toBe(14);
    expect(m.body.name).toBe("COPIL");
    expect(m.minutes).not.toMatch(/script|onclick|javascript/);
    expect(m.minutes).toContain("<p>Quatorze participants.</p>");
    const history = (await coordinator.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { summary: string }[] }>();
    expect(history.items[0]!.summary).toMatch(/^Marie Dupont a créé la réunion COTECH du 14 septembre 2021 le /);
    const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/meetings` })).json<{ items: { id: string }[] }>();
    expect(list.items.map((i) => i.id)).toContain(m.id);
  });

  it("takes agenda items without a duration: only the items with one count against the meeting's length", async () => {
    const agenda = [{ title: "Accueil" }, { title: "Point d'étape", durationMinutes: 120, presenter: "Marie Dupont" }, { title: "Questions diverses", durationMinutes: null }];
    const res = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ title: "COTECH sans durées", agenda }) });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<{ id: string; agenda: { title: string; durationMinutes: number | null }[] }>();
    expect(m.agenda.map((i) => [i.title, i.durationMinutes])).toEqual([
      ["Accueil", null],
      ["Point d'étape", 120],
      ["Questions diverses", null],
    ]);
    // The invitation's agenda and the history cope with it.
    const ics = await coordinator.inject({ url: `/api/meetings/${m.id}/ics` });
    expect(ics.body.replace(/\r\n /g, "")).toContain("1. Accueil\\n2. Point d'étape (2 h\\, Marie Dupont)\\n3. Questions diverses");
    const [entry] = (await coordinator.inject({ url: `/api/contracts/${camvs}/history?type=meeting` })).json<{ items: { changes: { field: string; after: string | null }[] }[] }>().items;
    expect(entry!.changes.find((c) => c.field === "agenda")?.after).toBe("Accueil\nPoint d'étape (120 min)\nQuestions diverses");
    // A duration, when given, is still a whole number of minutes, at least one.
    const bad = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ agenda: [{ title: "Accueil", durationMinutes: 0 }, { title: "Suite", durationMinutes: 2.5 }] }) });
    expect(expectProblem(bad, 400).errors).toEqual([
      { path: "agenda.0.durationMinutes", message: "Un point dure au moins une minute." },
      { path: "agenda.1.durationMinutes", message: "Indiquez une durée en minutes entières." },
    ]);
  });

  it("refuses a meeting ending before it starts, an agenda longer than the meeting, and fiches or bodies of another contract — writing nothing", async () => {
    const before = await meetingCount();
    const backwards = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ endsAt: "2021-09-14T13:00:00+02:00" }) });
    expect(expectProblem(backwards, 400).errors).toEqual([{ path: "endsAt", message: "La fin de la réunion doit suivre son début." }]);
    const long = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ endsAt: "2021-09-14T15:00:00+02:00" }) });
    expect(expectProblem(long, 400).errors?.[0]).toEqual({ path: "agenda", message: expect.stringContaining("L'ordre du jour dure 2 h 30, plus que la réunion (1 h)") });
    const capvmFiche = (await ctx.app.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string }[] }>().items[0]!.id;
    const foreign = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ agenda: [{ title: "Autre contrat", durationMinutes: 10, actionIds: [capvmFiche] }] }) });
    expect(expectProblem(foreign, 400).errors).toEqual([{ path: "agenda.0.actionIds.0", message: "Cette fiche n'existe pas dans ce contrat." }]);
    const capvmBody = (await ctx.app.inject({ method: "POST", url: `/api/contracts/${capvm}/bodies`, payload: { kind: "copil", name: "COPIL CAPVM" } })).json<{ id: string }>();
    const otherBody = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ bodyId: capvmBody.id }) });
    expect(expectProblem(otherBody, 400).errors).toEqual([{ path: "bodyId", message: "Choisissez une instance de ce contrat." }]);
    expect(await meetingCount()).toBe(before);
  });

  it("updates a meeting with the version read; a partner reads it but cannot change it; its body cannot be deleted", async () => {
    const created = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech() })).json<{ id: string; version: number }>();
    const updated = await coordinator.inject({ method: "PUT", url: `/api/meetings/${created.id}`, payload: { ...cotech(), headCount: 15, version: created.version } });
    expect(updated.json()).toMatchObject({ headCount: 15, version: created.version + 1 });
    expectProblem(await coordinator.inject({ method: "PUT", url: `/api/meetings/${created.id}`, payload: { ...cotech(), version: created.version } }), 409);
    const partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
    expect((await partner.inject({ url: `/api/meetings/${created.id}` })).statusCode).toBe(200);
    expectProblem(await partner.inject({ method: "PUT", url: `/api/meetings/${created.id}`, payload: { ...cotech(), headCount: 99, version: created.version + 1 } }), 403);
    const outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
    expect(expectProblem(await outsider.inject({ url: `/api/meetings/${created.id}` }), 404).detail).toBe("Cette réunion est introuvable.");
    expect(expectProblem(await coordinator.inject({ method: "DELETE", url: `/api/bodies/${copil.id}` }), 409).detail).toContain("ne peut pas être supprimée");
  });
});

describe("decisions and their fiches", () => {
  type Linked = { id: string; version: number; decisions: string[]; decisionActionIds: string[][]; decisionFiches: { id: string; number: number; title: string }[][] };
  const historyOf = async (id: string) =>
    (await coordinator.inject({ url: `/api/contracts/${camvs}/history?type=meeting` })).json<{ items: { objectId: string; changes: { field: string; before: string | null; after: string | null }[] }[] }>().items.filter((e) => e.objectId === id);

  it("links each decision to fiches of the contract, shows them by number, keeps them aligned when decisions move, and records it", async () => {
    const [fa5, fa6] = [fiches.get(5)!, fiches.get(6)!];
    const res = await coordinator.inject({
      method: "POST",
      url: `/api/contracts/${camvs}/meetings`,
      payload: cotech({ title: "COTECH des décisions", decisions: ["Fusionner FA 5 et FA 6", "Prochain COPIL en décembre", "Relancer les partenaires"], decisionActionIds: [[fa6, fa5, fa5]] }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json<Linked>();
    // Stored without repeats; one list per decision in the projection, the fiches in number order.
    expect(m.decisionActionIds).toEqual([[fa6, fa5], [], []]);
    expect(m.decisionFiches.map((list) => list.map((f) => f.number))).toEqual([[5, 6], [], []]);
    expect(m.decisionFiches[0]![0]!.title).toBeTruthy();
    expect((await historyOf(m.id))[0]!.changes.find((c) => c.field === "decisionActionIds")?.after).toBe("Décision 1 : FA 6, FA 5");

    // The form sends both lists together: the first decision moved last, the links with it.
    const moved = await coordinator.inject({
      method: "PUT",
      url: `/api/meetings/${m.id}`,
      payload: { ...cotech({ title: "COTECH des décisions", decisions: ["Prochain COPIL en décembre", "Fusionner FA 5 et FA 6"], decisionActionIds: [[], [fa5, fa6]] }), version: m.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = moved.json<Linked>();
    expect(after.decisionFiches.map((list) => list.map((f) => f.number))).toEqual([[], [5, 6]]);
    expect((await historyOf(m.id))[0]!.changes.find((c) => c.field === "decisionActionIds")).toMatchObject({ before: "Décision 1 : FA 6, FA 5", after: "Décision 2 : FA 5, FA 6" });

    // A client that does not send the links keeps them while the decisions stay the same.
    const kept = await coordinator.inject({ method: "PUT", url: `/api/meetings/${m.id}`, payload: { ...cotech({ title: "COTECH des décisions", decisions: after.decisions }), headCount: 20, version: after.version } });
    expect(kept.json<Linked>().decisionActionIds).toEqual([[], [fa5, fa6]]);
    // The partner reads them.
    const partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
    expect((await partner.inject({ url: `/api/meetings/${m.id}` })).json<Linked>().decisionFiches[1]!.map((f) => f.number)).toEqual([5, 6]);
    // The fiche's follow-up lists the decisions that concern it; another contract's coordinator does not see them.
    const ofFiche = (await partner.inject({ url: `/api/actions/${fa6}/decisions` })).json<{ items: { meetingId: string; meetingTitle: string; index: number; text: string; startsAt: string }[] }>().items;
    expect(ofFiche.filter((d) => d.meetingId === m.id)).toEqual([{ meetingId: m.id, meetingTitle: "COTECH des décisions", index: 1, text: "Fusionner FA 5 et FA 6", startsAt: "2021-09-14T12:00:00.000Z" }]);
    expect((await coordinator.inject({ url: `/api/actions/${fiches.get(7)}/decisions` })).json<{ items: { meetingId: string }[] }>().items.some((d) => d.meetingId === m.id)).toBe(false);
    expectProblem(await (await signedInClient(ctx.server, "thomas.petit@capvm.test")).inject({ url: `/api/actions/${fa6}/decisions` }), 404);
  });

  it("refuses a fiche of another contract and more link lists than decisions, writing nothing", async () => {
    const capvmFiche = (await ctx.app.inject({ url: `/api/contracts/${capvm}/actions` })).json<{ items: { id: string }[] }>().items[0]!.id;
    const before = await meetingCount();
    const foreign = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ decisions: ["A", "B"], decisionActionIds: [[fiches.get(5)], [fiches.get(6), capvmFiche]] }) });
    expect(expectProblem(foreign, 400).errors).toEqual([{ path: "decisionActionIds.1.1", message: "Cette fiche n'appartient pas à ce contrat." }]);
    const tooMany = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ decisions: ["A"], decisionActionIds: [[fiches.get(5)], [fiches.get(6)]] }) });
    expect(expectProblem(tooMany, 400).errors).toEqual([{ path: "decisionActionIds", message: "Des fiches sont liées à 2 décisions, mais la réunion n'en a que 1." }]);
    expect(expectProblem(await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ decisionActionIds: [["pas-un-id"]] }) }), 400).errors?.[0]?.path).toBe("decisionActionIds.0.0");
    expect(await meetingCount()).toBe(before);

    // On an update too: the meeting stays as it was.
    const created = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech({ decisions: ["A"], decisionActionIds: [[fiches.get(5)]] }) })).json<Linked>();
    const refused = await coordinator.inject({ method: "PUT", url: `/api/meetings/${created.id}`, payload: { ...cotech({ decisions: ["A"], decisionActionIds: [[capvmFiche]] }), version: created.version } });
    expect(expectProblem(refused, 400).errors).toEqual([{ path: "decisionActionIds.0.0", message: "Cette fiche n'appartient pas à ce contrat." }]);
    const unchanged = (await coordinator.inject({ url: `/api/meetings/${created.id}` })).json<Linked>();
    expect(unchanged).toMatchObject({ version: created.version, decisionActionIds: [[fiches.get(5)]] });
  });
});

describe("governance alerts", () => {
  it("say when a body is behind its rhythm (judged up to the contract's end) and when a past meeting lacks attendance or minutes", async () => {
    const cotechBody = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "cotech", name: "COTECH", rhythm: { kind: "every_months", months: 6 } } })).json<{ id: string }>();
    const held = await coordinator.inject({
      method: "POST",
      url: `/api/contracts/${camvs}/meetings`,
      payload: cotech({ bodyId: cotechBody.id, title: "COTECH sans compte rendu", startsAt: "2023-06-01T09:00:00+02:00", endsAt: "2023-06-01T12:00:00+02:00", headCount: null, minutes: "" }),
    });
    expect(held.statusCode).toBe(201);
    const alerts = (await ctx.app.inject({ url: `/api/contracts/${camvs}/governance-alerts` })).json<{ items: { kind: string; message: string }[] }>().items;
    // The COPIL's last meeting is of September 2021 and CAMVS ends on 31/12/2023: 27 months without one.
    expect(alerts).toContainEqual(expect.objectContaining({ kind: "rhythm", message: "Aucun COPIL depuis 27 mois : le contrat en prévoit un par an." }));
    // The COTECH met in June 2023, within its 6 months of the contract's end.
    expect(alerts.some((a) => a.message.includes("Aucun COTECH"))).toBe(false);
    expect(alerts).toContainEqual(
      expect.objectContaining({ kind: "follow-up", message: "La réunion « COTECH sans compte rendu » est passée depuis plus de 7 jours et n'a toujours pas de feuille de présence ni de compte rendu." }),
    );
    expectProblem(await (await signedInClient(ctx.server, "thomas.petit@capvm.test")).inject({ url: `/api/contracts/${camvs}/governance-alerts` }), 404);
  });
});

