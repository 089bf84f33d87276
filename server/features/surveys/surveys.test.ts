/**
 * Residents' surveys (issue 14, item 6), the coordination's side and the public's: the
 * builder's survey, publication, answers online (one per device) and on paper, results
 * and their cross-tabulations, exports, respondents' e-mails, erasure and the purge.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { actions, consentLog, contracts, surveyAnswers, surveys } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { CAMVS_SLUG, camvsParticipation } from "../../testing/matrix/cases/participation.js";
import { answersPayload, createSurvey, surveyPayload, type SurveyView } from "../../testing/matrix/cases/surveys.js";
import { DEMO_SURVEY_TITLE } from "../../demo/surveys.js";
import { purgeExpiredSurveyContacts } from "./answers.js";
import type { ResultsOut } from "./schema-out.js";

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let ars: TestClient;
let outsider: TestClient;
let visitor: TestClient;
let camvs: string;
let commune: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  [coordinator, partner, ars, outsider, visitor] = await Promise.all([
    signedInClient(ctx.server, "marie.dupont@camvs.test"),
    signedInClient(ctx.server, "karim.benali@cpam77.test"),
    signedInClient(ctx.server, "ars77@ars-idf.test"),
    signedInClient(ctx.server, "thomas.petit@capvm.test"),
    anonymousClient(ctx.server),
  ]);
  camvs = (await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, CAMVS_SLUG)))[0]!.id;
  commune = (await camvsParticipation(ctx.database.db, camvs)).communeInsee;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

let lastAddress = 0;
/** Each answer from its own address, so that only the rate-limit test meets the limit. */
const nextAddress = () => `203.0.113.${++lastAddress}`;
const publicUrl = (s: { id: string }) => `/api/public/contracts/${CAMVS_SLUG}/surveys/${s.id}`;
const answer = (client: TestClient, s: { id: string }, payload: object, remoteAddress = nextAddress()) => client.inject({ method: "POST", url: `${publicUrl(s)}/answers`, payload, remoteAddress });
const rows = async (table: typeof surveys | typeof surveyAnswers | typeof consentLog) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;
const read = async (id: string, client = coordinator) => (await client.inject({ url: `/api/surveys/${id}` })).json<SurveyView>();
const results = async (id: string, query = "") => {
  const res = await coordinator.inject({ url: `/api/surveys/${id}/results${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ResultsOut>();
};

describe("the builder's survey", () => {
  it("creates a survey, lists it as a draft and reads it back with its questions", async () => {
    const fiche = (await ctx.database.db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 6))))[0]!.id;
    const s = await createSurvey(coordinator, camvs, { overrides: { actionIds: [fiche] } });
    expect(s).toMatchObject({ state: "draft", publishedAt: null, canManage: true, canEnter: true, answers: { total: 0, online: 0, paper: 0 }, publicPath: `/public/${CAMVS_SLUG}/sondages/${s.id}` });
    expect(s.questions.map((q) => q.id)).toEqual(["priorites", "sources", "precision", "note", "commune", "age"]);
    expect((s.actions as { number: number }[]).map((a) => a.number)).toEqual([6]);
    // A kind keeps only what it uses: the scale has no options, the texts no « Autre ».
    expect(s.questions.find((q) => q.id === "note")!.options).toEqual([]);
    const list = (await partner.inject({ url: `/api/contracts/${camvs}/surveys` })).json<{ items: { id: string; state: string; answers: number }[] }>();
    expect(list.items).toContainEqual(expect.objectContaining({ id: s.id, state: "draft", answers: 0 }));
    const asPartner = await read(s.id, partner);
    expect(asPartner).toMatchObject({ canManage: false, canEnter: true });
    expect((await read(s.id, ars)).canEnter).toBe(false);
  });

  it("refuses bad surveys with field errors, and writes nothing", async () => {
    const before = await rows(surveys);
    const post = (payload: object) => coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/surveys`, payload });
    const base = surveyPayload();
    expect(expectProblem(await post(surveyPayload({ opensOn: "2021-07-01", closesOn: "2021-06-30" })), 400).errors).toEqual([{ path: "closesOn", message: "La clôture doit suivre l'ouverture." }]);
    const oneOption = base.questions.map((q, i) => (i === 0 ? { ...q, options: [q.options![0]] } : q));
    expect(expectProblem(await post(surveyPayload({ questions: oneOption })), 400).errors).toContainEqual({ path: "questions.0.options", message: "Proposez au moins deux choix." });
    const forward = [{ ...base.questions[2]!, showIf: { questionId: "note", optionIds: ["x"] } }, ...base.questions.filter((q) => q.id !== "precision")];
    expect(expectProblem(await post(surveyPayload({ questions: forward })), 400).errors).toEqual([{ path: "questions.0.showIf.questionId", message: "Une question ne peut dépendre que d'une question placée avant elle." }]);
    const unknownOption = base.questions.map((q) => (q.id === "precision" ? { ...q, showIf: { questionId: "sources", optionIds: ["radio"] } } : q));
    expect(expectProblem(await post(surveyPayload({ questions: unknownOption })), 400).errors).toEqual([
      { path: "questions.2.showIf.optionIds", message: "Une des réponses choisies n'existe pas dans la question dont celle-ci dépend." },
    ]);
    expect(expectProblem(await post(surveyPayload({ questions: [] })), 400).errors).toEqual([{ path: "questions", message: "Ajoutez au moins une question." }]);
    const capvm = (await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "capvm-2019-2022")))[0]!.id;
    const foreign = (await ctx.database.db.select({ id: actions.id }).from(actions).where(eq(actions.contractId, capvm)).limit(1))[0]!.id;
    expect(expectProblem(await post(surveyPayload({ actionIds: [foreign] })), 400).errors).toEqual([{ path: "actionIds.0", message: "Cette fiche n'existe pas dans ce contrat." }]);
    for (const client of [partner, ars]) expectProblem(await client.inject({ method: "POST", url: `/api/contracts/${camvs}/surveys`, payload: surveyPayload() }), 403);
    expectProblem(await outsider.inject({ method: "POST", url: `/api/contracts/${camvs}/surveys`, payload: surveyPayload() }), 404);
    expectProblem(await visitor.inject({ method: "POST", url: `/api/contracts/${camvs}/surveys`, payload: surveyPayload() }), 401);
    expect(await rows(surveys)).toBe(before);
  });

  it("updates at its version, and once answered refuses to drop a question or an option that answers use", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true });
    const put = (payload: object) => coordinator.inject({ method: "PUT", url: `/api/surveys/${s.id}`, payload });
    expect((await put({ ...surveyPayload({ title: "Renommé (illustratif)" }), version: s.version })).statusCode).toBe(204);
    expectProblem(await put({ ...surveyPayload(), version: s.version }), 409);
    const fresh = await read(s.id);
    expect(fresh.title).toBe("Renommé (illustratif)");
    expect((await answer(visitor, s, { answers: answersPayload(commune) })).statusCode).toBe(201);
    const without = surveyPayload().questions.filter((q) => q.id !== "note");
    const refused = expectProblem(await put({ ...surveyPayload({ questions: without }), version: fresh.version }), 409);
    expect(refused.detail).toBe("La question « Votre santé aujourd'hui » a déjà des réponses : elle ne peut plus être retirée.");
    const added = [...surveyPayload().questions, { id: "idee", kind: "long_text", label: "Une idée ?" }];
    expect((await put({ ...surveyPayload({ title: fresh.title, questions: added }), version: fresh.version })).statusCode).toBe(204);
    expect((await read(s.id)).questions).toHaveLength(7);
  });

  it("deletes a survey and its answers", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true });
    expect((await answer(visitor, s, { answers: answersPayload(commune) })).statusCode).toBe(201);
    expectProblem(await partner.inject({ method: "DELETE", url: `/api/surveys/${s.id}` }), 403);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/surveys/${s.id}` })).statusCode).toBe(204);
    expectProblem(await coordinator.inject({ url: `/api/surveys/${s.id}` }), 404);
    expect((await ctx.database.db.select({ n: count() }).from(surveyAnswers).where(eq(surveyAnswers.surveyId, s.id)))[0]!.n).toBe(0);
  });
});

describe("answering on the public page", () => {
  it("is found only once published, and answers only between its dates", async () => {
    const s = await createSurvey(coordinator, camvs, { overrides: { opensOn: "2099-01-01", closesOn: "2099-02-01" } });
    expect(expectProblem(await visitor.inject({ url: publicUrl(s) }), 404).detail).toBe("Ce sondage est introuvable.");
    expectProblem(await answer(visitor, s, { answers: answersPayload(commune) }), 404);
    await coordinator.inject({ method: "PUT", url: `/api/surveys/${s.id}/publication`, payload: { published: true } });
    const page = (await visitor.inject({ url: publicUrl(s) })).json<{ state: string; communes: unknown[]; consentText: string; privacy: { retention: string } }>();
    expect(page.state).toBe("scheduled");
    expect(page.communes.length).toBeGreaterThan(1);
    expect(page.privacy.retention).toBe("12 mois après la clôture du questionnaire, puis effacement automatique de l'adresse (les réponses anonymes restent).");
    expect(expectProblem(await answer(visitor, s, { answers: answersPayload(commune) }), 409).detail).toBe("Ce questionnaire ouvre le 1er janvier 2099 : revenez à partir de cette date.");
    const closed = await createSurvey(coordinator, camvs, { published: true, overrides: { opensOn: "2021-06-01", closesOn: "2021-06-30" } });
    expect(expectProblem(await answer(visitor, closed, { answers: answersPayload(commune) }), 409).detail).toBe("Ce questionnaire est clos depuis le 30 juin 2021. Merci de votre intérêt.");
    expect((await read(closed.id)).answers.total).toBe(0);
  });

  it("takes one answer per device: the same browser is refused, another one answers", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true });
    const browser = await anonymousClient(ctx.server);
    expect((await browser.inject({ url: publicUrl(s) })).json()).toMatchObject({ alreadyAnswered: false });
    expect(browser.hasCookie("cles.device")).toBe(true);
    const first = await answer(browser, s, { answers: answersPayload(commune) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ message: string }>().message).toBe("Merci ! Votre réponse est enregistrée. Elle compte dans les résultats, qui restent anonymes.");
    expect((await browser.inject({ url: publicUrl(s) })).json()).toMatchObject({ alreadyAnswered: true });
    const again = expectProblem(await answer(browser, s, { answers: answersPayload(commune) }), 409);
    expect(again.detail).toBe("Une réponse à ce questionnaire a déjà été envoyée depuis cet appareil. Merci de votre participation !");
    const other = await anonymousClient(ctx.server);
    expect((await answer(other, s, { answers: answersPayload(commune) })).statusCode).toBe(201);
    expect((await read(s.id)).answers).toEqual({ total: 2, online: 2, paper: 0 });
    // Only a hash of the device cookie is kept, never the address.
    const stored = await ctx.database.db.select().from(surveyAnswers).where(eq(surveyAnswers.surveyId, s.id));
    expect(stored.every((a) => /^[0-9a-f]{64}$/.test(a.deviceHash ?? ""))).toBe(true);
    expect(JSON.stringify(stored)).not.toContain("203.0.113.");
  });

  it("lets the same device answer again when the survey does not limit answers per device", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true, overrides: { oneAnswerPerDevice: false } });
    const kiosk = await anonymousClient(ctx.server);
    for (let i = 0; i < 2; i++) expect((await answer(kiosk, s, { answers: answersPayload(commune) })).statusCode).toBe(201);
    expect((await read(s.id)).answers.total).toBe(2);
  });

  it("refuses bad answers with a message per question, a filled honeypot, an e-mail without consent — and writes nothing", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true });
    const before = await rows(surveyAnswers);
    const consents = await rows(consentLog);
    const refused = async (payload: object) => expectProblem(await answer(visitor, s, payload), 400);
    const missing = await refused({ answers: answersPayload(commune, { priorites: undefined }) });
    expect(missing.errors).toContainEqual({ path: "answers.priorites", message: expect.any(String) });
    expect(missing.detail).toBe("Certaines réponses sont à compléter ou à corriger : voyez les messages sous les questions.");
    expect((await refused({ answers: answersPayload("75056") })).errors).toEqual([{ path: "answers.commune", message: "Cette commune ne fait pas partie du territoire du contrat." }]);
    expect((await refused({ answers: answersPayload(commune, { priorites: { ranking: ["jeunes", "inconnu"] } }) })).errors?.map((e) => e.path)).toEqual(["answers.priorites"]);
    expect((await refused({ answers: answersPayload(commune, { note: { value: 9 } }) })).errors?.map((e) => e.path)).toEqual(["answers.note"]);
    expect((await refused({ answers: answersPayload(commune), contactEmail: "awa@exemple.fr" })).errors).toEqual([
      { path: "consent", message: "Pour laisser votre adresse e-mail, cochez la case d'accord sur son usage (ou laissez l'adresse vide)." },
    ]);
    expect((await refused({ answers: answersPayload(commune), contactEmail: "pas-une-adresse", consent: true })).errors?.map((e) => e.path)).toEqual(["contactEmail"]);
    const robot = await refused({ answers: answersPayload(commune), website: "http://spam.example" });
    expect(robot.errors?.map((e) => e.path)).toEqual(["website"]);
    expect(await rows(surveyAnswers)).toBe(before);
    expect(await rows(consentLog)).toBe(consents);
  });

  it("keeps a conditional question's answer only when the question was shown, and records the consent of an e-mail", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true });
    const res = await answer(visitor, s, { answers: answersPayload(commune, { sources: { choices: ["medecin"] } }), contactEmail: "awa.d@exemple.fr", consent: true });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    const [stored] = await ctx.database.db.select().from(surveyAnswers).where(eq(surveyAnswers.id, id));
    expect(stored!.answers).not.toHaveProperty("precision");
    expect(stored!.contactEmail).toBe("awa.d@exemple.fr");
    const [consent] = await ctx.database.db.select().from(consentLog).where(eq(consentLog.subjectId, id));
    expect(consent).toMatchObject({ purpose: "survey_contact", consentVersion: "2026-12-v1", withdrawnAt: null });
  });

  it("refuses an 11th answer from one address within a minute (429)", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true, overrides: { oneAnswerPerDevice: false } });
    const address = "198.18.0.77";
    for (let i = 0; i < 10; i++) expect((await answer(visitor, s, { answers: answersPayload(commune) }, address)).statusCode).toBe(201);
    expectProblem(await answer(visitor, s, { answers: answersPayload(commune) }, address), 429);
    expect((await answer(visitor, s, { answers: answersPayload(commune) })).statusCode).toBe(201);
  });
});

describe("paper answers", () => {
  it("lets a partner type a paper answer in, dated the day it was given, and refuses the ARS and a date outside the survey", async () => {
    const s = await createSurvey(coordinator, camvs, { overrides: { opensOn: "2021-06-01", closesOn: "2021-06-30" } });
    const url = `/api/surveys/${s.id}/paper-answers`;
    const res = await partner.inject({ method: "POST", url, payload: { answers: answersPayload(commune), respondedOn: "2021-06-30" } });
    expect(res.statusCode, res.body).toBe(201);
    const [stored] = await ctx.database.db.select().from(surveyAnswers).where(eq(surveyAnswers.id, res.json<{ id: string }>().id));
    expect(stored).toMatchObject({ source: "paper", enteredByName: "Karim Benali", deviceHash: null });
    expect(stored!.submittedAt.toISOString().slice(0, 10)).toBe("2021-06-30");
    const before = await rows(surveyAnswers);
    expectProblem(await ars.inject({ method: "POST", url, payload: { answers: answersPayload(commune), respondedOn: "2021-06-30" } }), 403);
    expect(expectProblem(await partner.inject({ method: "POST", url, payload: { answers: answersPayload(commune), respondedOn: "2021-07-02" } }), 400).errors?.map((e) => e.path)).toEqual(["respondedOn"]);
    expect(expectProblem(await partner.inject({ method: "POST", url, payload: { answers: {}, respondedOn: "2021-06-15" } }), 400).errors?.map((e) => e.path)).toContain("answers.priorites");
    expect(await rows(surveyAnswers)).toBe(before);
    expect((await read(s.id)).answers).toEqual({ total: 1, online: 0, paper: 1 });
  });
});

describe("results", () => {
  it("counts each option of a multiple choice (not combinations), ranks priorities and cross-tabulates by age band", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true, overrides: { oneAnswerPerDevice: false } });
    const kiosk = await anonymousClient(ctx.server);
    const given = [
      answersPayload(commune, { priorites: { ranking: ["agees", "jeunes"] }, sources: { choices: ["medecin", "internet"] }, precision: { text: "ameli" }, age: { ageBand: "70+" } }),
      answersPayload(commune, { priorites: { ranking: ["agees", "bien-etre"] }, sources: { choices: ["medecin"] }, age: { ageBand: "70+" } }),
      answersPayload(commune, { priorites: { ranking: ["jeunes", "agees"] }, age: undefined }),
    ];
    for (const a of given) expect((await answer(kiosk, s, { answers: a })).statusCode).toBe(201);
    const r = await results(s.id, "?by=age");
    expect(r).toMatchObject({ total: 3, online: 3, paper: 0, by: { id: "age", label: "Votre âge" } });
    const sources = r.questions.find((q) => q.questionId === "sources")!;
    expect(sources.kind === "choice" && sources.options.map((o) => [o.id, o.count])).toEqual([
      ["medecin", 2],
      ["internet", 2],
      ["other", 1],
    ]);
    expect(sources.kind === "choice" && sources.otherTexts).toEqual(["La radio"]);
    const ranking = r.questions.find((q) => q.questionId === "priorites")!;
    expect(ranking.kind === "ranking" && ranking.options.map((o) => o.id)).toEqual(["agees", "jeunes", "bien-etre"]);
    const byAge = r.crossTabs.find((t) => t.questionId === "note")!;
    expect(byAge.rows.find((row) => row.label === "70 ans et plus")).toMatchObject({ respondents: 2 });
    expect(byAge.rows.at(-1)).toMatchObject({ label: "Sans réponse", respondents: 1 });
    expect((await results(s.id)).crossTabs).toEqual([]);
  });

  it("exports the answers as CSV and XLSX, anonymous", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true });
    expect((await answer(visitor, s, { answers: answersPayload(commune), contactEmail: "secret.person@exemple.fr", consent: true })).statusCode).toBe(201);
    const csv = await partner.inject({ url: `/api/surveys/${s.id}/answers.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body).not.toContain("secret.person");
    const lines = parse(csv.body.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    expect(lines).toHaveLength(2);
    const xlsx = await ars.inject({ url: `/api/surveys/${s.id}/results.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Résultats", "Réponses"]);
    expect(JSON.stringify(book.worksheets.map((w) => w.getSheetValues()))).not.toContain("secret.person");
  });

  it("shows results to the public only once published, without what residents typed", async () => {
    const s = await createSurvey(coordinator, camvs, { published: true });
    expect((await answer(visitor, s, { answers: answersPayload(commune) })).statusCode).toBe(201);
    expectProblem(await visitor.inject({ url: `${publicUrl(s)}/results` }), 404);
    expect((await coordinator.inject({ method: "PUT", url: `/api/surveys/${s.id}/results-publication`, payload: { published: true } })).statusCode).toBe(204);
    const res = await visitor.inject({ url: `${publicUrl(s)}/results` });
    expect(res.statusCode).toBe(200);
    expect(res.json<ResultsOut>().total).toBe(1);
    expect(res.body).not.toContain("La radio");
    expect(res.body).not.toContain("Le site de la mairie");
  });

  it("summarises the demo survey of the Rencontres de la Santé on FA 6's follow-up: 17 people, the seed's three priorities in order", async () => {
    const fiche = (await ctx.database.db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, 6))))[0]!.id;
    const res = await ars.inject({ url: `/api/actions/${fiche}/surveys` });
    expect(res.statusCode, res.body).toBe(200);
    const [demo] = res.json<{ items: { title: string; total: number; summary: string; highlights: string[] }[] }>().items.filter((i) => i.title === DEMO_SURVEY_TITLE);
    expect(demo).toMatchObject({ total: 17 });
    expect(demo!.summary).toMatch(/^Le sondage a été complété par 17 personnes/);
    const priorities = demo!.highlights.find((h) => h.startsWith("Priorités"))!;
    const order = ["Éducation à la santé pour les enfants et les jeunes", "Santé des personnes âgées", "Le bien-être et l'hygiène de vie"].map((t) => priorities.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("respondents' e-mails", () => {
  async function withContact(email: string) {
    const s = await createSurvey(coordinator, camvs, { published: true });
    const res = await answer(visitor, s, { answers: answersPayload(commune), contactEmail: email, consent: true });
    expect(res.statusCode, res.body).toBe(201);
    return { survey: s, answerId: res.json<{ id: string }>().id };
  }

  it("shows them to the coordination only, exports one person's data, erases the address and keeps the anonymous answer", async () => {
    const { survey, answerId } = await withContact("lea.m@exemple.fr");
    const contacts = (await coordinator.inject({ url: `/api/surveys/${survey.id}/contacts` })).json<{ items: { answerId: string; email: string }[] }>();
    expect(contacts.items).toEqual([expect.objectContaining({ answerId, email: "lea.m@exemple.fr" })]);
    for (const client of [partner, ars]) {
      expectProblem(await client.inject({ url: `/api/surveys/${survey.id}/contacts` }), 403);
      expectProblem(await client.inject({ url: `/api/survey-answers/${answerId}/export` }), 403);
      expectProblem(await client.inject({ method: "DELETE", url: `/api/survey-answers/${answerId}` }), 403);
      expect((await client.inject({ url: `/api/surveys/${survey.id}` })).body).not.toContain("lea.m@");
    }
    expectProblem(await outsider.inject({ url: `/api/survey-answers/${answerId}/export` }), 404);
    const exported = (await coordinator.inject({ url: `/api/survey-answers/${answerId}/export` })).json<{ answer: { contactEmail: string; answers: object } }>();
    expect(exported.answer).toMatchObject({ contactEmail: "lea.m@exemple.fr", answers: expect.objectContaining({ note: { value: 4 } }) });
    expect((await coordinator.inject({ method: "DELETE", url: `/api/survey-answers/${answerId}` })).statusCode).toBe(204);
    const [kept] = await ctx.database.db.select().from(surveyAnswers).where(eq(surveyAnswers.id, answerId));
    expect(kept).toMatchObject({ contactEmail: "", deviceHash: null });
    expect((await ctx.database.db.select().from(consentLog).where(and(eq(consentLog.subjectId, answerId), isNull(consentLog.withdrawnAt)))).length).toBe(0);
    expect((await read(survey.id)).answers.total).toBe(1);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/survey-answers/${answerId}?withAnswers=true` })).statusCode).toBe(204);
    expect((await read(survey.id)).answers.total).toBe(0);
    expectProblem(await coordinator.inject({ url: `/api/survey-answers/${answerId}/export` }), 404);
  });

  it("are erased by the purge after the retention following the closing day (fake clock), the answers stay", async () => {
    const { survey, answerId } = await withContact("purge.me@exemple.fr");
    await coordinator.inject({ method: "PUT", url: `/api/surveys/${survey.id}`, payload: { ...surveyPayload({ title: survey.title, opensOn: "2021-01-01", closesOn: "2099-06-30", retentionMonths: 6 }), version: survey.version } });
    const db = ctx.database.db;
    expect(await purgeExpiredSurveyContacts(db, new Date("2099-12-30T12:00:00Z"), { spareContractIds: [] })).toBe(0);
    expect((await db.select().from(surveyAnswers).where(eq(surveyAnswers.id, answerId)))[0]!.contactEmail).toBe("purge.me@exemple.fr");
    expect(await purgeExpiredSurveyContacts(db, new Date("2099-12-31T12:00:00Z"), { spareContractIds: [camvs] })).toBe(0);
    expect(await purgeExpiredSurveyContacts(db, new Date("2099-12-31T12:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect((await db.select().from(surveyAnswers).where(eq(surveyAnswers.id, answerId)))[0]).toMatchObject({ contactEmail: "" });
  });
});
