/**
 * Issue 17, item 7: the exchange format version 2 carries a running contract — governance,
 * meetings, follow-up, measurements, comments, reviews — and comes back the same.
 */
import { count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actions,
  adjustments,
  bodyMembers,
  comments,
  contracts,
  followUpItems,
  governanceBodies,
  indicatorMeasurements,
  meetingParticipants,
  meetings,
  milestones,
  progressEntries,
  quarterlyReviews,
  remainingItems,
  reviewPublications,
  users,
} from "../../../db/schema.js";
import { startTestApp, type TestContext } from "../../../testing/app.js";
import { signedInClient, type TestClient } from "../../../testing/client.js";
import { expectProblem } from "../../../testing/http.js";
import type { ContractDocumentV2 } from "./format.js";

let seeded: TestContext;
let empty: TestContext;
let camvs: string;
let capvm: string;

beforeAll(async () => {
  [seeded, empty] = await Promise.all([startTestApp({ seed: true }), startTestApp()]);
  const list = (await seeded.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = list.find((c) => c.slug === "camvs-2021-2023")!.id;
  capvm = list.find((c) => c.slug === "capvm-2019-2022")!.id;
  // A review published, then under correction, so that the file carries a published version and a working one.
  const draft = await seeded.app.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 3 } });
  expect(draft.statusCode, draft.body).toBe(201);
  let review = draft.json<{ id: string; version: number }>();
  for (const step of ["publish", "correction"]) {
    const res = await seeded.app.inject({ method: "POST", url: `/api/reviews/${review.id}/${step}`, payload: { version: review.version } });
    expect(res.statusCode, res.body).toBe(200);
    review = res.json();
  }
  // Remarks: one on a progress entry, corrected; one on the fiche, deleted.
  const [entry] = await seeded.database.db
    .select({ id: progressEntries.id, actionId: progressEntries.actionId })
    .from(progressEntries)
    .innerJoin(actions, eq(actions.id, progressEntries.actionId))
    .where(eq(actions.contractId, camvs))
    .limit(1);
  const post = async (payload: object) => {
    const res = await seeded.app.inject({ method: "POST", url: `/api/actions/${entry!.actionId}/comments`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const onEntry = await post({ body: "Le local est-il accessible ?", progressEntryId: entry!.id });
  expect((await seeded.app.inject({ method: "PUT", url: `/api/comments/${onEntry}`, payload: { body: "Le local est-il accessible en fauteuil ?" } })).statusCode).toBe(200);
  const gone = await post({ body: "Remarque retirée" });
  expect((await seeded.app.inject({ method: "DELETE", url: `/api/comments/${gone}` })).statusCode).toBe(204);
}, 120_000);
afterAll(async () => {
  await Promise.all([seeded?.close(), empty?.close()]);
});

async function exportDoc(app: TestClient, id: string, query = ""): Promise<ContractDocumentV2> {
  const res = await app.inject({ url: `/api/contracts/${id}/export${query}` });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json<ContractDocumentV2>();
}
const importDoc = (app: TestClient, doc: unknown, slug?: string) =>
  app.inject({ method: "POST", url: `/api/contracts/import${slug ? `?slug=${slug}` : ""}`, payload: doc as object });
const withoutDate = ({ exportedAt: _e, ...doc }: ContractDocumentV2) => doc;

/** Rows of the running life's tables in the whole database. */
async function runningCounts(ctx: TestContext) {
  const db = ctx.database.db;
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  return {
    contracts: await n(db.select({ n: count() }).from(contracts)),
    bodies: await n(db.select({ n: count() }).from(governanceBodies)),
    meetings: await n(db.select({ n: count() }).from(meetings)),
    members: await n(db.select({ n: count() }).from(bodyMembers)),
    participants: await n(db.select({ n: count() }).from(meetingParticipants)),
    milestones: await n(db.select({ n: count() }).from(milestones)),
    progress: await n(db.select({ n: count() }).from(progressEntries)),
    remaining: await n(db.select({ n: count() }).from(remainingItems)),
    adjustments: await n(db.select({ n: count() }).from(adjustments)),
    measurements: await n(db.select({ n: count() }).from(indicatorMeasurements)),
    comments: await n(db.select({ n: count() }).from(comments)),
    items: await n(db.select({ n: count() }).from(followUpItems)),
    reviews: await n(db.select({ n: count() }).from(quarterlyReviews)),
    publications: await n(db.select({ n: count() }).from(reviewPublications)),
  };
}

describe("cles.contract version 2", () => {
  it("exports the running life of CAMVS: bodies, meetings, follow-up, reviews — with keys, never an id", async () => {
    const doc = await exportDoc(seeded.app, camvs);
    expect(doc).toMatchObject({ format: "cles.contract", version: 2, residents: false });
    expect(doc.governance.bodies.length).toBeGreaterThan(2);
    expect(doc.governance.meetings.length).toBeGreaterThan(3);
    expect(doc.governance.meetings.some((m) => m.participants.some((p) => p.present) && m.decisions.length > 0)).toBe(true);
    const fiches = doc.followUp.fiches;
    expect(fiches.some((f) => f.milestones.some((m) => m.plannedBy !== m.originallyBy))).toBe(true);
    for (const list of ["progress", "remaining", "adjustments", "measurements"] as const) expect(fiches.some((f) => f[list].length > 0), list).toBe(true);
    const remarks = fiches.flatMap((f) => f.comments);
    expect(remarks).toEqual([
      expect.objectContaining({ on: expect.stringMatching(/^FA\d+\.P\d+$/), body: "Le local est-il accessible en fauteuil ?", editedAt: expect.any(String), deletedAt: null }),
      expect.objectContaining({ on: null, body: "", deletedAt: expect.any(String) }),
    ]);
    const review = doc.reviews.quarterly.find((r) => r.year === 2021 && r.quarter === 3)!;
    expect(review).toMatchObject({ status: "correcting", publishedNumber: 1, createdBy: expect.any(String) });
    expect(review.publications.map((p) => p.number)).toEqual([1]);
    expect(review.sections.some((s) => /^committee:R\d+$/.test(s.key) && s.sources.meetings.length > 0)).toBe(true);
    expect(review.sections.some((s) => /^action:FA\d+$/.test(s.key))).toBe(true);
    expect(doc.governance.meetings[0]!.key).toBe("R1");
    const text = JSON.stringify(doc);
    // No database id: every reference is a key of the file.
    const ids = (await seeded.database.db.select({ id: meetings.id }).from(meetings)).map((m) => m.id);
    for (const id of [camvs, ...ids]) expect(text.includes(id)).toBe(false);
  });

  it("round-trips CAMVS into an empty instance: export → import → export gives the same file, apart from its date", async () => {
    const original = await exportDoc(seeded.app, camvs);
    expect(await runningCounts(empty)).toMatchObject({ contracts: 0, meetings: 0, comments: 0 });
    const res = await importDoc(empty.app, original);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    const copy = res.json<{ id: string }>().id;
    const again = await exportDoc(empty.app, copy);
    expect(withoutDate(again)).toEqual(withoutDate(original));
    // As many rows of each kind as the original contract has.
    const counts = await runningCounts(empty);
    expect(counts.meetings).toBe(original.governance.meetings.length);
    expect(counts.participants).toBe(original.governance.meetings.reduce((n, m) => n + m.participants.length, 0));
    expect(counts.comments).toBe(fiches(original, "comments"));
    expect(counts.measurements).toBe(fiches(original, "measurements"));
    expect(counts.publications).toBe(original.reviews.quarterly.reduce((n, r) => n + r.publications.length, 0));
    // No account of the source instance exists here: people stay names and e-mails, linked to nobody.
    expect((await empty.database.db.select({ n: count() }).from(bodyMembers).where(isNotNull(bodyMembers.userId)))[0]!.n).toBe(0);
    expect(counts.members).toBe(original.governance.bodies.reduce((n, b) => n + b.members.length, 0));
  });

  it("writes the residents' names and workshops only when asked, to whom may read them; the file then comes back whole", async () => {
    const resident = "Habitante de Melun, participante des ateliers (illustratif)";
    const plain = await exportDoc(seeded.app, camvs);
    expect(JSON.stringify(plain)).not.toContain(resident);
    expect(JSON.stringify(plain)).toContain("Habitant ou habitante");
    const full = await exportDoc(seeded.app, camvs, "?residents=true");
    expect(full.residents).toBe(true);
    expect(JSON.stringify(full)).toContain(resident);
    // The workshops come with them: registrations (personal data), seats, consents, syntheses.
    expect("workshops" in plain).toBe(false);
    const workshop = full.workshops![0]!;
    expect(workshop.registrations.length).toBeGreaterThan(0);
    expect(workshop.registrations.some((r) => r.seats.length > 0 && r.consents.length > 0)).toBe(true);
    expect(workshop.syntheses.length).toBeGreaterThan(0);
    expect(JSON.stringify(plain)).not.toContain(workshop.registrations[0]!.email || "@@");
    // The surveys and their answers come with them too (the Rencontres de la Santé's 17).
    expect("surveys" in plain || "ambassadors" in plain).toBe(false);
    expect(full.surveys!.map((x) => x.answers.length)).toContain(17);
    const res = await importDoc(empty.app, full, "camvs-habitants");
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    expect(withoutDate(await exportDoc(empty.app, res.json<{ id: string }>().id, "?residents=true"))).toEqual({ ...withoutDate(full), contract: { ...full.contract, slug: "camvs-habitants" } });
    const partner = await signedInClient(seeded.server, "karim.benali@cpam77.test");
    expect((await partner.inject({ url: `/api/contracts/${camvs}/export` })).statusCode).toBe(200);
    const problem = expectProblem(await partner.inject({ url: `/api/contracts/${camvs}/export?residents=true` }), 403);
    expect(problem.detail).toMatch(/[a-zé]/);
  });

  it("carries the health ambassadors, their trainings and activities, with the residents' data only; CAPVM's come back the same; an unknown ambassador is refused", async () => {
    expect("ambassadors" in (await exportDoc(seeded.app, capvm))).toBe(false);
    const full = await exportDoc(seeded.app, capvm, "?residents=true");
    const network = full.ambassadors!;
    expect(network.people.length).toBeGreaterThan(0);
    expect(network.people[0]).toMatchObject({ key: "AM1", area: expect.stringMatching(/^area:\d+$/) });
    expect(network.trainings.some((t) => t.attendees.length > 0)).toBe(true);
    expect(network.activities.some((a) => a.ambassadors.length > 0)).toBe(true);
    const res = await importDoc(empty.app, full, "capvm-habitants");
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    expect(withoutDate(await exportDoc(empty.app, res.json<{ id: string }>().id, "?residents=true"))).toEqual({ ...withoutDate(full), contract: { ...full.contract, slug: "capvm-habitants" } });

    const bad = structuredClone(full);
    const at = bad.ambassadors!.trainings.findIndex((t) => t.attendees.length > 0);
    bad.ambassadors!.trainings[at]!.attendees[0] = "AM999";
    const before = await runningCounts(seeded);
    const problem = expectProblem(await importDoc(seeded.app, bad, "capvm-casse"), 400);
    expect(problem.errors).toEqual([{ path: `ambassadors.trainings.${at}.attendees.0`, message: expect.stringContaining("L'ambassadeur « AM999 » n'existe pas dans le fichier.") }]);
    expect(await runningCounts(seeded)).toEqual(before);
  });

  it("links a member or participant to the account of this instance that has their e-mail", async () => {
    const doc = await exportDoc(seeded.app, camvs);
    const res = await importDoc(seeded.app, doc, "camvs-comptes");
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    const db = seeded.database.db;
    const [karim] = await db.select({ id: users.id }).from(users).where(eq(users.email, "karim.benali@cpam77.test"));
    const copy = res.json<{ id: string }>().id;
    const linked = await db
      .select({ userId: bodyMembers.userId })
      .from(bodyMembers)
      .innerJoin(governanceBodies, eq(governanceBodies.id, bodyMembers.bodyId))
      .where(eq(governanceBodies.contractId, copy));
    expect(linked.some((m) => m.userId === karim!.id)).toBe(true);
  });

  it("still imports a version 1 file: the static contract, without its running life", async () => {
    const { contract } = await exportDoc(seeded.app, camvs);
    const res = await importDoc(empty.app, { format: "cles.contract", version: 1, contract }, "camvs-v1");
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    const again = await exportDoc(empty.app, res.json<{ id: string }>().id);
    expect(again.contract).toEqual({ ...contract, slug: "camvs-v1" });
    expect(again.governance).toEqual({ bodies: [], meetings: [] });
    expect(again.followUp).toEqual({ fiches: [], items: [] });
    expect(again.reviews.quarterly).toEqual([]);
  });

  it("carries the fiches' budgets (CAPVM's come back the same) and refuses a funder not in the contract's directory, writing nothing", async () => {
    const original = await exportDoc(seeded.app, capvm);
    const lines = original.followUp.fiches.filter((f) => f.budgets.length).map((f) => f.fiche);
    expect(lines).toEqual(["FA1", "FA16"]);
    expect(original.followUp.fiches[0]!.budgets[0]).toEqual({ year: expect.any(Number), amount: expect.any(Number), funder: expect.any(String), status: expect.stringMatching(/^(secured|requested)$/) });
    const res = await importDoc(empty.app, original, "capvm-budgets");
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    const again = await exportDoc(empty.app, res.json<{ id: string }>().id);
    expect(withoutDate(again)).toEqual({ ...withoutDate(original), contract: { ...original.contract, slug: "capvm-budgets" } });

    const bad = structuredClone(original);
    const at = bad.followUp.fiches.findIndex((f) => f.budgets.length > 0);
    bad.followUp.fiches[at]!.budgets[0]!.funder = "Fondation inconnue";
    const before = await runningCounts(seeded);
    const problem = expectProblem(await importDoc(seeded.app, bad, "capvm-casse"), 400);
    expect(problem.errors).toEqual([{ path: `followUp.fiches.${at}.budgets.0.funder`, message: `suivi › fiches › n° ${at + 1} › budget › n° 1 › financeur : Le financeur « Fondation inconnue » n'est pas dans l'annuaire du contrat.` }]);
    expect(await runningCounts(seeded)).toEqual(before);
  });

  it("refuses broken references with French messages and field paths, and writes nothing", async () => {
    const bad = structuredClone(await exportDoc(seeded.app, camvs));
    bad.governance.meetings[0]!.body = "I99";
    const fiche = bad.followUp.fiches.find((f) => f.progress.length > 0 && f.measurements.length > 0)!;
    const at = bad.followUp.fiches.indexOf(fiche);
    fiche.progress[0]!.meeting = "R999";
    fiche.measurements[0]!.indicator = 40;
    bad.governance.bodies[0]!.fiches = ["FA77"];
    const before = await runningCounts(seeded);
    const problem = expectProblem(await importDoc(seeded.app, bad, "camvs-casse"), 400);
    expect(problem.detail).toBe("Le fichier n'a pas été importé : 4 erreur(s). Rien n'a été enregistré.");
    expect(problem.errors).toEqual([
      { path: "governance.bodies.0.fiches.0", message: "gouvernance › instances › n° 1 › fiches › n° 1 : La fiche « FA77 » n'existe pas dans ce contrat." },
      { path: "governance.meetings.0.body", message: "gouvernance › réunions › n° 1 › instance : L'instance « I99 » n'existe pas dans le fichier." },
      { path: `followUp.fiches.${at}.progress.0.meeting`, message: `suivi › fiches › n° ${at + 1} › avancement › n° 1 › réunion : La réunion « R999 » n'existe pas dans le fichier.` },
      { path: `followUp.fiches.${at}.measurements.0.indicator`, message: expect.stringMatching(/^suivi › fiches › n° \d+ › mesures › n° 1 › indicateur : La fiche n'a que \d+ indicateur\(s\)\.$/) },
    ]);
    expect(await runningCounts(seeded)).toEqual(before);
    // A value of the wrong type is named by its path too.
    const typed = structuredClone(bad) as unknown as { governance: { meetings: { startsAt: unknown }[] } };
    typed.governance.meetings[1]!.startsAt = "demain";
    const second = expectProblem(await importDoc(seeded.app, typed, "camvs-casse"), 400);
    expect(second.errors!.map((e) => e.path)).toContain("governance.meetings.1.startsAt");
    expect(await runningCounts(seeded)).toEqual(before);
  });
});

describe("OpenAPI", () => {
  it("documents the import body (version 2 or 1) and the export's residents flag", async () => {
    type Op = { requestBody?: { content: Record<string, { schema: { anyOf?: { properties: { version: { const?: number; enum?: number[] } } }[] } }> }; parameters?: { name: string; in: string }[] };
    const doc = (await seeded.app.inject({ url: "/api/openapi.json" })).json<{ paths: Record<string, Record<string, Op>> }>();
    const body = doc.paths["/api/contracts/import"]!.post!.requestBody!.content["application/json"]!.schema;
    const versions = body.anyOf!.map((s) => s.properties.version.const ?? s.properties.version.enum?.[0]);
    expect(versions).toEqual([2, 1]);
    expect(doc.paths["/api/contracts/{contractId}/export"]!.get!.parameters!.some((p) => p.name === "residents" && p.in === "query")).toBe(true);
  });
});

function fiches(doc: ContractDocumentV2, list: "comments" | "measurements"): number {
  return doc.followUp.fiches.reduce((n, f) => n + f[list].length, 0);
}
