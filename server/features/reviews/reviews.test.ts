/**
 * Quarterly reviews through the API, on the demo: the CAMVS Q3 2021 draft has what the
 * seed review has; the coordinator edits, refreshes, publishes and corrects; readers see
 * published versions only; refusals write nothing.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, quarterlyReviews, reviewPublications, users } from "../../db/schema.js";
import { createUser } from "../accounts/service.js";
import { DEMO_PASSWORD } from "../../demo/accounts.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import type { ReviewSection } from "../../domain/review-sections.js";

interface View {
  id: string;
  label: string;
  status: string;
  version: number;
  publishedNumber: number;
  sections: ReviewSection[];
  publications: { number: number; publishedByName: string; notifiedCount: number; correctionNote: string }[];
  permissions: { manage: boolean };
}

let ctx: TestContext;
let coordinator: TestClient;
let lead: TestClient;
let partner: TestClient;
let ars: TestClient;
let outsider: TestClient;
let camvs: string;
let fiches: Map<number, string>;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fiches = new Map(list.map((a) => [a.number, a.id]));
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const text = (s: ReviewSection) => s.html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ");
const reviewCount = async () => (await ctx.database.db.select({ n: count() }).from(quarterlyReviews))[0]!.n;
const edits = (sections: ReviewSection[]) => sections.map(({ key, title, html, hidden }) => ({ key, title, html, hidden }));

async function draft(year: number, quarter: number): Promise<View> {
  const res = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year, quarter } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<View>();
}

async function outboxMails(): Promise<{ to: string; subject: string; text: string }[]> {
  const names = (await readdir(ctx.outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith(".json"));
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(ctx.outboxDir, n), "utf8"))));
}

let q3: View;

describe("the draft of the CAMVS review of Q3 2021", () => {
  beforeAll(async () => {
    q3 = await draft(2021, 3);
  });

  it("has the seed's structure: purpose, governance news, the COTECH of 14/09, the fiches that moved, participation", () => {
    expect(q3.label).toBe("3e trimestre 2021");
    expect(q3.status).toBe("draft");
    const kinds = q3.sections.map((s) => s.kind);
    expect(kinds.slice(0, 3)).toEqual(["purpose", "governance", "committee"]);
    const purpose = q3.sections.find((s) => s.kind === "purpose")!;
    expect(text(purpose)).toContain("revues trimestrielles du CLS");

    const governance = text(q3.sections.find((s) => s.kind === "governance")!);
    expect(governance).toContain("Le prochain Comité de pilotage aura lieu le 7 décembre 2021 à 10h00");
    expect(governance).toContain("au moins un comité de pilotage par an");
    expect(governance).toContain("Les invitations seront envoyées aux membres du comité");

    const committees = q3.sections.filter((s) => s.kind === "committee");
    expect(committees.map((s) => s.title)).toEqual(["Comité technique du 14 septembre 2021"]);
    const cotech = text(committees[0]!);
    expect(cotech).toContain("s'est réuni le 14 septembre 2021 à 10h00");
    expect(cotech).toContain("14 participants");
    expect(cotech).toContain("Le support de présentation de ce Comité technique est annexé à la présente revue.");
    const annexes = q3.sections.find((s) => s.kind === "annexes")!;
    expect(text(annexes)).toContain("Support de présentation du Comité technique du 14/09/2021");
    expect(cotech).toContain("Développer le lien entre la Faculté de Médecine de Melun et le Santé Pôle");
    expect(cotech).toContain("Produire un recueil des offres et des aides pour les personnes âgées");

    const actionNumbers = q3.sections.filter((s) => s.kind === "action").map((s) => Number(/^FICHE ACTION (\d+)/.exec(s.title)![1]));
    // FA 12 moved by its late step: the meeting with the ARS planned in Q3 and not held.
    expect(actionNumbers).toEqual([1, 3, 4, 5, 6, 9, 10, 12, 14]);
    const fiche = (n: number) => text(q3.sections.find((s) => s.title.startsWith(`FICHE ACTION ${n} `))!);
    // Progress reported at the COTECH did not happen there: no section says so.
    for (const n of actionNumbers) expect(fiche(n)).not.toMatch(/Lors de la réunion « Comité technique/);
    expect(fiche(10)).toContain("L'étape « Rencontre avec le PAT Rivage : feuille de route du recueil », prévue au 3e trimestre 2021, n'a pas encore été réalisée.");
    expect(fiche(12)).toContain("prévue au 3e trimestre 2021, n'a pas encore été réalisée");
    // The same CPAM meeting, in three wordings in the data, is one next step of FA 5.
    expect(fiche(5).match(/CPAM[^\n]*bilan|bilan[^\n]*CPAM|Rencontre prévue avant le COPIL/g)).toHaveLength(1);
    for (const n of actionNumbers) expect(fiche(n)).not.toMatch(/Étapes réalisées :|Indicateurs mesurés :|Ajustements :/);
    expect(q3.sections.find((s) => s.title.startsWith("FICHE ACTION 6"))!.title).toBe("FICHE ACTION 6 « Journée de la Santé »");
    expect(text(q3.sections.find((s) => s.title.startsWith("FICHE ACTION 6"))!)).toContain("17 répondants");
    // The entry dates itself (« du 28/09/2021 »): the meeting is not named twice; its decision is a sentence.
    const fa4 = text(q3.sections.find((s) => s.title.startsWith("FICHE ACTION 4"))!);
    expect(fa4.trim()).toMatch(/^Mise à disposition d'une salle pour la réunion publique de la CPTS du 28\/09\/2021/);
    // What the public meeting decided is what comes next, as the seed says it (« la prochaine étape consiste à construire… »).
    expect(fa4).toContain("Prochaine étape : construire le projet de santé de la CPTS, en complémentarité avec les actions du CLS.");
    expect(fa4).not.toContain("Il a été décidé");
    expect(fa4).not.toMatch(/Lors de|Décision prise/);
    // The entry says the month, as the review does (« en août »): no day is added.
    expect(fiche(5).trim()).toMatch(/^Rencontre avec la CPAM en août pour définir/);
    expect(fiche(5)).not.toContain("24 août");
    // The committee's orientations are said in its section, not again in the fiches'; no filler next step.
    for (const n of actionNumbers) expect(fiche(n)).not.toMatch(/Orientation validée|Atteindre les objectifs|Poursuivre l'appui|Déploiement des actions/);
    // A step the progress already tells is not a next step again; a dated event keeps its day.
    expect(fiche(1).match(/Planning du projet et guide des entretiens/g)).toHaveLength(1);
    expect(fiche(9)).toContain("« Campagne Octobre Rose » (octobre 2021)");
    expect(fiche(9)).toContain("« 1res assises pour l'élimination des violences faites aux femmes » (25 novembre 2021)");

    const unmoved = text(q3.sections.find((s) => s.kind === "unmoved")!);
    for (const n of [2, 7, 8, 11, 13, 15]) expect(unmoved).toContain(`FA ${n} «`);
    expect(unmoved).not.toContain("FA 1 «");
    // Partners' idle fiches are not put forward: hidden until the coordinator shows them, and worded neutrally.
    expect(q3.sections.find((s) => s.kind === "unmoved")).toMatchObject({ hidden: true, title: "Autres fiches actions" });
    expect(unmoved).toContain("n'ont pas fait l'objet d'un point d'étape ce trimestre");
    expect(unmoved).not.toMatch(/sans mouvement|sans avancement/i);

    const participation = q3.sections.find((s) => s.kind === "participation")!;
    expect(participation.title).toBe("Démocratie sanitaire : participation des habitants");
    expect(text(participation)).toContain("21 septembre 2021");
    expect(text(participation)).toContain("3 tablées");
    // The survey of the Rencontres de la Santé (30 June), analysed in Q3 as the seed does, with its three priorities in order.
    expect(text(participation)).toContain("Sondage mené le 30 juin 2021 (FA 6). Le sondage a été complété par 17 personnes");
    expect(text(participation)).toMatch(/1\. Éducation à la santé pour les enfants et les jeunes, 2\. Santé des personnes âgées.*, 3\. Le bien-être et l'hygiène de vie/);
    // The next steps of the working group's deck: the call of 04/10 and the sessions of 04 and 18/11/2021 (the demo's workshop).
    expect(text(participation)).toContain("L'appel à participation des habitants sera publié le 4 octobre 2021, avec des inscriptions ouvertes jusqu'au 22 octobre 2021.");
    expect(text(participation)).toContain("Les séances sont prévues les 4 et 18 novembre 2021.");
    // The working group's next step that the workshop's news tells is not listed again.
    expect(text(participation)).not.toContain("Lancer l'appel à participation");
    expect(text(participation)).toContain("Prochaine étape : planifier deux séances d'ateliers interactifs en novembre 2021.");
  });

  it("keeps which data each section came from", () => {
    const fa5 = q3.sections.find((s) => s.key === `action:${fiches.get(5)}`)!;
    expect(fa5.sources.actionIds).toEqual([fiches.get(5)]);
    expect(fa5.sources.progressEntryIds).toHaveLength(1);
    expect(fa5.sources.meetingIds).toHaveLength(1);
    // FA 5 has no measurement (the review gives none).
    expect(fa5.sources.measurementIds).toEqual([]);
    const fa6 = q3.sections.find((s) => s.key === `action:${fiches.get(6)}`)!;
    expect(fa6.sources.progressEntryIds).toHaveLength(1);
  });

  it("refuses a second draft of the same quarter, a quarter outside the contract or not started, and bad input, writing nothing", async () => {
    const before = await reviewCount();
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 3 } }), 409);
    const outside = expectProblem(await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2019, quarter: 4 } }), 400);
    expect(outside.errors).toEqual([expect.objectContaining({ path: "quarter" })]);
    const future = expectProblem(await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2023, quarter: 5 } }), 400);
    expect(future.errors?.[0]?.path).toBe("quarter");
    const missing = expectProblem(await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: {} }), 400);
    expect(missing.errors?.map((e) => e.path).sort()).toEqual(["quarter", "year"]);
    expect(await reviewCount()).toBe(before);
  });

  it("lets only the coordination draft: 403 for a lead or partner, 404 for another contract's coordinator, 401 anonymous", async () => {
    const before = await reviewCount();
    expectProblem(await lead.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 2 } }), 403);
    expectProblem(await partner.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 2 } }), 403);
    expectProblem(await outsider.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 2 } }), 404);
    const anonymous = await anonymousClient(ctx.server);
    expectProblem(await anonymous.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year: 2021, quarter: 2 } }), 401);
    expect(await reviewCount()).toBe(before);
  });
});

describe("editing and refreshing a draft", () => {
  it("edits texts, order and visibility, adds a free section, and refuses removing a generated one", async () => {
    const fa6 = q3.sections.find((s) => s.title.startsWith("FICHE ACTION 6"))!;
    const next = edits(q3.sections).map((s) => (s.key === fa6.key ? { ...s, html: "<p>Texte de la coordination sur la Journée de la Santé.<script>alert(1)</script></p>" } : s));
    const hiddenKey = q3.sections.find((s) => s.kind === "unmoved")!.key;
    const withFree = [...next.map((s) => (s.key === hiddenKey ? { ...s, hidden: true } : s)), { key: "free:mot-de-la-coordination", title: "Mot de la coordination", html: "<p>Merci à tous.</p>", hidden: false }];
    const res = await coordinator.inject({ method: "PUT", url: `/api/reviews/${q3.id}`, payload: { version: q3.version, sections: withFree } });
    expect(res.statusCode, res.body).toBe(200);
    q3 = res.json<View>();
    const saved = q3.sections.find((s) => s.key === fa6.key)!;
    expect(saved.html).toBe("<p>Texte de la coordination sur la Journée de la Santé.</p>");
    expect(saved.edited).toBe(true);
    expect(q3.sections.find((s) => s.key === hiddenKey)!.hidden).toBe(true);
    expect(q3.sections.at(-1)).toMatchObject({ kind: "free", title: "Mot de la coordination", edited: true });

    const version = q3.version;
    const removed = expectProblem(await coordinator.inject({ method: "PUT", url: `/api/reviews/${q3.id}`, payload: { version, sections: edits(q3.sections).filter((s) => s.key !== "governance") } }), 400);
    expect(removed.errors?.[0]?.message).toContain("masquez-la");
    const stale = await coordinator.inject({ method: "PUT", url: `/api/reviews/${q3.id}`, payload: { version: version - 1, sections: edits(q3.sections) } });
    expectProblem(stale, 409);
    const bad = expectProblem(await coordinator.inject({ method: "PUT", url: `/api/reviews/${q3.id}`, payload: { version, sections: [{ key: "action:pas-un-uuid", title: "", html: "", hidden: "non" }] } }), 400);
    expect(bad.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["sections.0.key", "sections.0.title", "sections.0.hidden"]));
    expectProblem(await lead.inject({ method: "PUT", url: `/api/reviews/${q3.id}`, payload: { version, sections: edits(q3.sections) } }), 403);
    const after = (await coordinator.inject({ url: `/api/reviews/${q3.id}` })).json<View>();
    expect(after.version).toBe(version);
    expect(after.sections).toEqual(q3.sections);
  });

  it("keeps the coordinator's edit of an unchanged section and flags a changed one when refreshed", async () => {
    // New data in the quarter: a progress entry on FA 6 (edited section) and on FA 15 (no section yet).
    for (const [n, text] of [
      [6, "Bilan des Rencontres de la Santé présenté aux partenaires."],
      [15, "Préparation du rallye santé citoyenneté solidarité."],
    ] as const) {
      const res = await coordinator.inject({ method: "POST", url: `/api/actions/${fiches.get(n)}/progress`, payload: { happenedOn: "2021-09-29", text, meetingId: null, milestoneIds: [] } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const fa3Before = q3.sections.find((s) => s.title.startsWith("FICHE ACTION 3"))!;
    const res = await coordinator.inject({ method: "POST", url: `/api/reviews/${q3.id}/refresh`, payload: { version: q3.version } });
    expect(res.statusCode, res.body).toBe(200);
    const refreshed = res.json<View>();
    const fa6 = refreshed.sections.find((s) => s.title.startsWith("FICHE ACTION 6"))!;
    expect(fa6.refreshState).toBe("changed");
    expect(fa6.html).toBe("<p>Texte de la coordination sur la Journée de la Santé.</p>");
    expect(fa6.generatedHtml).toContain("Bilan des Rencontres de la Santé présenté aux partenaires.");
    const fa3 = refreshed.sections.find((s) => s.key === fa3Before.key)!;
    expect(fa3.refreshState).toBe("unchanged");
    expect(fa3.html).toBe(fa3Before.html);
    const fa15 = refreshed.sections.find((s) => s.title.startsWith("FICHE ACTION 15"))!;
    expect(fa15.refreshState).toBe("new");
    // In fiche order: right after FA 14.
    const keys = refreshed.sections.map((s) => s.key);
    expect(keys.indexOf(fa15.key)).toBe(keys.indexOf(refreshed.sections.find((s) => s.title.startsWith("FICHE ACTION 14"))!.key) + 1);
    // The list of fiches without movement was not edited: redrawn, without FA 15 now, still hidden.
    const unmoved = refreshed.sections.find((s) => s.kind === "unmoved")!;
    expect(unmoved).toMatchObject({ refreshState: "updated", hidden: true });
    expect(text(unmoved)).not.toContain("FA 15");
    expect(refreshed.sections.find((s) => s.kind === "free")).toMatchObject({ title: "Mot de la coordination", refreshState: "unchanged" });

    // « Garder mon texte »: the flag is acknowledged, the text stays.
    const kept = await coordinator.inject({
      method: "PUT",
      url: `/api/reviews/${q3.id}`,
      payload: { version: refreshed.version, sections: edits(refreshed.sections).map((s) => (s.key === fa6.key ? { ...s, refreshState: "unchanged" } : s)) },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    q3 = kept.json<View>();
    expect(q3.sections.find((s) => s.key === fa6.key)).toMatchObject({ refreshState: "unchanged", html: "<p>Texte de la coordination sur la Journée de la Santé.</p>" });
  });
});

describe("publishing and correcting", () => {
  it("hides a draft from readers: they see published reviews only", async () => {
    const list = (await partner.inject({ url: `/api/contracts/${camvs}/reviews` })).json<{ items: unknown[]; permissions: { manage: boolean } }>();
    expect(list).toMatchObject({ items: [], permissions: { manage: false } });
    expectProblem(await partner.inject({ url: `/api/reviews/${q3.id}` }), 404);
    expectProblem(await outsider.inject({ url: `/api/reviews/${q3.id}` }), 404);
  });

  it("publishes a frozen version 1, mails every member, then refuses edits until a correction is asked", async () => {
    const res = await coordinator.inject({ method: "POST", url: `/api/reviews/${q3.id}/publish`, payload: { version: q3.version } });
    expect(res.statusCode, res.body).toBe(200);
    q3 = res.json<View>();
    expect(q3).toMatchObject({ status: "published", publishedNumber: 1 });
    expect(q3.publications).toEqual([expect.objectContaining({ number: 1, publishedByName: "Marie Dupont" })]);
    const mails = (await outboxMails()).filter((m) => m.subject.includes("revue trimestrielle du 3e trimestre 2021"));
    // The members, and the ARS delegation of Seine-et-Marne (its territory holds the contract), told it may opt out.
    expect(mails.map((m) => m.to).sort()).toEqual(["ars77@ars-idf.test", "karim.benali@cpam77.test", "marie.dupont@camvs.test", "sophie.leroy@camvs.test"]);
    expect(mails.find((m) => m.to === "ars77@ars-idf.test")!.text).toContain("territoire de votre délégation ARS");
    expect(mails.find((m) => m.to === "marie.dupont@camvs.test")!.text).not.toContain("délégation ARS");
    expect(q3.publications[0]!.notifiedCount).toBe(3);
    expect(mails[0]!.text).toContain(`/revues/${q3.id}/versions/1`);

    const frozen = expectProblem(await coordinator.inject({ method: "PUT", url: `/api/reviews/${q3.id}`, payload: { version: q3.version, sections: edits(q3.sections) } }), 409);
    expect(frozen.detail).toContain("Demandez une correction");
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/reviews/${q3.id}/refresh`, payload: { version: q3.version } }), 409);

    // The partner reads the published version: hidden sections are not in it.
    const read = (await partner.inject({ url: `/api/reviews/${q3.id}` })).json<View>();
    expect(read.permissions.manage).toBe(false);
    expect(read.sections.some((s) => s.kind === "unmoved")).toBe(false);
    expect(read.sections.find((s) => s.title.startsWith("FICHE ACTION 6"))!.html).toContain("Texte de la coordination");
    expect((await ars.inject({ url: `/api/reviews/${q3.id}/publications/1` })).statusCode).toBe(200);
  });

  it("makes version 2 from a correction and keeps both", async () => {
    expectProblem(await lead.inject({ method: "POST", url: `/api/reviews/${q3.id}/correction`, payload: { version: q3.version } }), 403);
    const opened = await coordinator.inject({ method: "POST", url: `/api/reviews/${q3.id}/correction`, payload: { version: q3.version } });
    expect(opened.statusCode, opened.body).toBe(200);
    q3 = opened.json<View>();
    expect(q3.status).toBe("correcting");
    // Publishing an unchanged correction is refused.
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/reviews/${q3.id}/publish`, payload: { version: q3.version } }), 409);
    const fa6 = q3.sections.find((s) => s.title.startsWith("FICHE ACTION 6"))!;
    const edited = await coordinator.inject({
      method: "PUT",
      url: `/api/reviews/${q3.id}`,
      payload: { version: q3.version, sections: edits(q3.sections).map((s) => (s.key === fa6.key ? { ...s, html: "<p>Texte corrigé : 17 personnes ont répondu au sondage.</p>" } : s)) },
    });
    q3 = edited.json<View>();
    // The ARS of Seine-et-Marne opts out; an ARS of Seine-et-Marne's region is told; one of Côte-d'Or, and a deactivated one, are not.
    const ars77 = await signedInClient(ctx.server, "ars77@ars-idf.test");
    expect((await ars77.inject({ method: "PUT", url: "/api/account/preferences", payload: { publishedReviews: false } })).json()).toMatchObject({ publishedReviews: false, arsDelegation: true });
    await createUser(ctx.database.db, { email: "ars-idf@test.fr", name: "ARS IDF", password: DEMO_PASSWORD, ars: [{ level: "region", code: "11" }] });
    await createUser(ctx.database.db, { email: "ars21@test.fr", name: "ARS 21", password: DEMO_PASSWORD, ars: [{ level: "department", code: "21" }] });
    const gone = await createUser(ctx.database.db, { email: "ars77-parti@test.fr", name: "ARS 77 partie", password: DEMO_PASSWORD, ars: [{ level: "department", code: "77" }] });
    await ctx.database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone));
    const published = await coordinator.inject({ method: "POST", url: `/api/reviews/${q3.id}/publish`, payload: { version: q3.version, correctionNote: "Chiffre du sondage précisé." } });
    expect(published.statusCode, published.body).toBe(200);
    q3 = published.json<View>();
    const v2Mails = (await outboxMails()).filter((m) => m.subject.includes("(version 2)"));
    expect(v2Mails.map((m) => m.to).sort()).toEqual(["ars-idf@test.fr", "karim.benali@cpam77.test", "marie.dupont@camvs.test", "sophie.leroy@camvs.test"]);
    await ars77.inject({ method: "PUT", url: "/api/account/preferences", payload: { publishedReviews: true } });
    expect(q3.publications.map((p) => p.number)).toEqual([1, 2]);
    const v1 = (await partner.inject({ url: `/api/reviews/${q3.id}/publications/1` })).json<{ sections: ReviewSection[] }>();
    const v2 = (await partner.inject({ url: `/api/reviews/${q3.id}/publications/2` })).json<{ sections: ReviewSection[]; correctionNote: string }>();
    expect(v1.sections.find((s) => s.key === fa6.key)!.html).toContain("Texte de la coordination");
    expect(v2.sections.find((s) => s.key === fa6.key)!.html).toContain("Texte corrigé");
    expect(v2.correctionNote).toBe("Chiffre du sondage précisé.");
    expectProblem(await partner.inject({ url: `/api/reviews/${q3.id}/publications/3` }), 404);
    const list = (await partner.inject({ url: `/api/contracts/${camvs}/reviews` })).json<{ items: { id: string; publishedNumber: number }[] }>();
    expect(list.items).toEqual([expect.objectContaining({ id: q3.id, publishedNumber: 2 })]);
    const [stored] = await ctx.database.db.select({ n: count() }).from(reviewPublications).where(eq(reviewPublications.reviewId, q3.id));
    expect(stored!.n).toBe(2);
    const history = await ctx.database.db.select().from(auditEntries).where(eq(auditEntries.objectId, q3.id)).orderBy(asc(auditEntries.at));
    expect(history.filter((h) => h.changes.some((c) => c.field === "publishedNumber")).map((h) => h.changes[0]!.after)).toEqual(["1", "2"]);
  });
});

describe("review settings", () => {
  it("lets the coordination write the purpose once per contract, sanitised, used by the next drafts", async () => {
    const list = (await coordinator.inject({ url: `/api/contracts/${camvs}/reviews` })).json<{ settings: { version: number; purpose: string }; quarters: { year: number; quarter: number; reviewId: string | null }[] }>();
    expect(list.settings.purpose).toContain("L'article 7");
    expect(list.quarters.find((q) => q.year === 2021 && q.quarter === 3)!.reviewId).toBe(q3.id);
    expectProblem(await partner.inject({ method: "PUT", url: `/api/contracts/${camvs}/review-settings`, payload: { purpose: "<p>x</p>", publishReviews: true, version: list.settings.version } }), 403);
    expectProblem(await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/review-settings`, payload: { purpose: "<p>x</p>", publishReviews: true, version: list.settings.version + 5 } }), 409);
    const res = await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/review-settings`, payload: { purpose: "<p>Nouvel objet.<img src=x onerror=alert(1)></p>", publishReviews: true, version: list.settings.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ purpose: "<p>Nouvel objet.</p>", publishReviews: true, version: list.settings.version + 1 });
    const q2 = await draft(2021, 2);
    expect(q2.sections[0]!.html).toBe("<p>Nouvel objet.</p>");
  });

  it("keeps each person's choice about reminders", async () => {
    const all = { reviewReminders: true, milestoneReminders: true, publishedReviews: true, arsDelegation: false };
    expect((await lead.inject({ url: "/api/account/preferences" })).json()).toEqual(all);
    const res = await lead.inject({ method: "PUT", url: "/api/account/preferences", payload: { reviewReminders: false } });
    expect(res.json()).toEqual({ ...all, reviewReminders: false });
    // One choice at a time: the others keep theirs.
    await lead.inject({ method: "PUT", url: "/api/account/preferences", payload: { milestoneReminders: false } });
    expect((await lead.inject({ url: "/api/account/preferences" })).json()).toEqual({ ...all, reviewReminders: false, milestoneReminders: false });
    expectProblem(await lead.inject({ method: "PUT", url: "/api/account/preferences", payload: { reviewReminders: "non" } }), 400);
    const empty = expectProblem(await lead.inject({ method: "PUT", url: "/api/account/preferences", payload: {} }), 400);
    expect(empty.detail).toContain("Indiquez au moins une préférence");
    expect((await lead.inject({ url: "/api/account/preferences" })).json()).toEqual({ ...all, reviewReminders: false, milestoneReminders: false });
    expectProblem(await (await anonymousClient(ctx.server)).inject({ url: "/api/account/preferences" }), 401);
    await lead.inject({ method: "PUT", url: "/api/account/preferences", payload: { reviewReminders: true, milestoneReminders: true } });
  });
});
