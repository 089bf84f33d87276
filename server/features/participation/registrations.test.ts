/**
 * The residents' side of a workshop (issue 14): the public call and its registration form,
 * anti-abuse (honeypot, rate limit), capacity and waitlist with promotion on cancellation,
 * the cancellation link, and the automatic purge after the retention (with a fake clock).
 */
import { createHash } from "node:crypto";
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentLog, contracts, priorityAreas, registrations, seats, syntheses, workshopSessions } from "../../db/schema.js";
import { CONSENT_VERSION } from "../../domain/participation.js";
import { readOutbox, type OutboxItem } from "../../mail/mailer.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { atTheSameTime } from "../../testing/concurrency.js";
import { expectProblem } from "../../testing/http.js";
import { CAMVS_SLUG, camvsParticipation, createWorkshop, registrationPayload, type WorkshopView } from "../../testing/matrix/cases/participation.js";
import { HONEYPOT_MESSAGE } from "./public-routes.js";
import { purgeExpiredRegistrations } from "./registrations.js";

let ctx: TestContext;
let coordinator: TestClient;
let visitor: TestClient;
let camvs: string;
let bodyId: string;
let commune: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  visitor = await anonymousClient(ctx.server);
  camvs = (await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, CAMVS_SLUG)))[0]!.id;
  ({ bodyId, communeInsee: commune } = await camvsParticipation(ctx.database.db, camvs));
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

/** Each test registers from its own address, so that only the rate-limit test meets the limit. */
let lastAddress = 0;
const nextAddress = () => `198.51.100.${++lastAddress}`;
const callUrl = (w: { id: string }, slug = CAMVS_SLUG) => `/api/public/contracts/${slug}/workshops/${w.id}`;
const form = (w: WorkshopView, overrides: Record<string, unknown> = {}) => registrationPayload({ sessionIds: w.sessions.map((s) => s.id), communeInsee: commune }, overrides);
const signUp = (w: WorkshopView, payload: object, remoteAddress = nextAddress(), slug = CAMVS_SLUG) =>
  visitor.inject({ method: "POST", url: `${callUrl(w, slug)}/registrations`, payload, remoteAddress });
const published = (overrides: Record<string, unknown> = {}) => createWorkshop(coordinator, camvs, bodyId, { published: true, overrides });
/** A workshop of 2 places (one table of 2). */
const small = () => published({ capacity: 2, maxPerTable: 2, tableCount: 1, moderators: [], topics: [{ title: "Accès aux soins (illustratif)", questions: [], actionIds: [] }] });

const mailsTo = async (to: string): Promise<OutboxItem[]> => (await readOutbox(ctx.outboxDir, 100_000)).filter((m) => m.to === to);
const allMails = async () => (await readOutbox(ctx.outboxDir, 100_000)).length;
const tokenIn = (mail: OutboxItem) => /\/public\/annulation\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
const statusOf = async (id: string) => (await ctx.database.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, id)))[0]?.status;
const written = async () => {
  const db = ctx.database.db;
  return [(await db.select({ n: count() }).from(registrations))[0]!.n, (await db.select({ n: count() }).from(consentLog))[0]!.n, await allMails()];
};

describe("the public call", () => {
  it("shows a published call with what a resident needs to register, and nothing of anyone's registration", async () => {
    const w = await published();
    const res = await coordinator.inject({ method: "POST", url: `/api/workshops/${w.id}/registrations`, payload: form(w, { firstName: "Zoé", email: "zoe.privee@exemple.fr" }) });
    expect(res.statusCode).toBe(201);
    const page = await visitor.inject({ url: callUrl(w) });
    expect(page.statusCode).toBe(200);
    const call = page.json<{ sessions: { id: string }[]; communes: { inseeCode: string }[]; consent: { version: string; text: string }; privacy: { retention: string } }>();
    expect(call).toMatchObject({ contract: { slug: CAMVS_SLUG }, id: w.id, title: w.title, open: true, full: false, meal: true, deadline: "2099-10-22" });
    expect(call.sessions.map((s) => s.id)).toEqual(w.sessions.map((s) => s.id));
    expect(call.communes.map((c) => c.inseeCode)).toContain(commune);
    expect(call.consent.version).toBe(CONSENT_VERSION);
    expect(call.consent.text).toContain("effacées 12 mois après la dernière séance");
    expect(call.privacy.retention).toBe("12 mois après la dernière séance de l'atelier, puis effacement automatique.");
    expect(page.body).not.toContain("Zoé");
    expect(page.body).not.toContain("zoe.privee");
    expect(expectProblem(await visitor.inject({ url: callUrl(w, "capvm-2019-2022") }), 404).detail).toBe("Cet atelier des habitants est introuvable.");
  });

  it("registers a resident: a place, a confirmation with a cancellation link, the consent logged, no secret and no address kept", async () => {
    const w = await published();
    const address = nextAddress();
    const email = "awa.inscrite@exemple.fr";
    const res = await signUp(w, form(w, { email, accessibilityNeeds: "Boucle magnétique" }), address);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: "registered",
      waitlistRank: null,
      message: `Votre inscription à l'atelier « ${w.title} » est enregistrée. Un courriel de confirmation vient de partir, avec un lien pour annuler si besoin.`,
    });
    const [mail] = await mailsTo(email);
    expect(mail).toMatchObject({ subject: `Inscription confirmée : ${w.title}` });
    expect(mail!.text).toContain("mercredi 4 novembre 2099, de 18h00 à 21h00, Melun, maison des associations");
    expect(mail!.text).toContain("http://localhost:3000/public/annulation/");
    const token = tokenIn(mail!);
    const [row] = await ctx.database.db.select().from(registrations).where(eq(registrations.id, res.json<{ id: string }>().id));
    expect(row).toMatchObject({ status: "registered", source: "public", registeredByUserId: null, email, accessibilityNeeds: "Boucle magnétique", cancelTokenHash: createHash("sha256").update(token).digest("hex") });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(address);
    const consents = await ctx.database.db.select().from(consentLog).where(eq(consentLog.registrationId, row!.id));
    expect(consents).toEqual([expect.objectContaining({ purpose: "registration", consentVersion: CONSENT_VERSION, withdrawnAt: null })]);
  });

  it("refuses bad forms with French field errors, and writes nothing", async () => {
    const w = await published();
    const noMeal = await published({ meal: false });
    const other = await published();
    const foreignArea = (await ctx.database.db.select({ id: priorityAreas.id }).from(priorityAreas).where(inArray(priorityAreas.contractId, ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "capvm-2019-2022")))))[0]!.id;
    const before = await written();
    const errorsOf = async (workshop: WorkshopView, payload: object) => expectProblem(await signUp(workshop, payload), 400).errors;
    expect(await errorsOf(w, form(w, { communeInsee: "77055" }))).toEqual([{ path: "communeInsee", message: "Cette commune ne fait pas partie du territoire du contrat : choisissez-la dans la liste." }]);
    const { consent: _consent, ...withoutConsent } = form(w);
    expect(await errorsOf(w, withoutConsent)).toEqual([{ path: "consent", message: "Pour vous inscrire, cochez la case d'accord sur l'usage de vos informations." }]);
    expect(await errorsOf(w, form(w, { email: "" }))).toEqual([{ path: "email", message: "Indiquez votre adresse e-mail, ou choisissez une autre façon de vous joindre." }]);
    expect(await errorsOf(w, form(w, { contactWay: "phone", email: "" }))).toEqual([{ path: "phone", message: "Indiquez votre numéro de téléphone, ou choisissez une autre façon de vous joindre." }]);
    expect(await errorsOf(w, form(w, { sessionIds: [other.sessions[0]!.id] }))).toEqual([{ path: "sessionIds.0", message: "Cette séance n'appartient pas à cet atelier." }]);
    expect(await errorsOf(noMeal, form(noMeal, { dietaryNeeds: "Végétarien" }))).toEqual([{ path: "dietaryNeeds", message: "Aucun repas n'est prévu à cet atelier." }]);
    expect(await errorsOf(w, form(w, { qpv: foreignArea }))).toEqual([{ path: "qpv", message: "Choisissez un quartier de la liste, « aucun » ou « je ne sais pas »." }]);
    expect((await errorsOf(w, form(w, { gender: "robot", ageBand: "12-15" })))?.map((e) => e.path).sort()).toEqual(["ageBand", "gender"]);
    expect(await written()).toEqual(before);
  });

  it("closes after the deadline (409, the page says so) and hides an unpublished call (404), writing nothing", async () => {
    const late = await published({
      deadline: "2021-10-22",
      sessions: [{ startsAt: "2021-11-04T18:00:00+01:00", endsAt: "2021-11-04T21:00:00+01:00", place: "Melun" }],
    });
    const hidden = await createWorkshop(coordinator, camvs, bodyId);
    const before = await written();
    expect((await visitor.inject({ url: callUrl(late) })).json()).toMatchObject({ open: false });
    expect(expectProblem(await signUp(late, form(late)), 409).detail).toBe("Les inscriptions sont closes depuis le 22/10/2021.");
    expectProblem(await coordinator.inject({ method: "POST", url: `/api/workshops/${late.id}/registrations`, payload: form(late) }), 409);
    expect(expectProblem(await signUp(hidden, form(hidden)), 404).detail).toBe("Cet atelier des habitants est introuvable.");
    expect(expectProblem(await visitor.inject({ url: callUrl(hidden) }), 404).detail).toBe("Cet atelier des habitants est introuvable.");
    expect(expectProblem(await signUp(late, form(late), nextAddress(), "capvm-2019-2022"), 404).detail).toBe("Cet atelier des habitants est introuvable.");
    expect(await written()).toEqual(before);
  });
});

describe("anti-abuse", () => {
  it("refuses a filled honeypot with the French message, writing and sending nothing", async () => {
    const w = await published();
    const before = await written();
    const problem = expectProblem(await signUp(w, form(w, { website: "https://promo.example" })), 400);
    expect(problem.detail).toBe(HONEYPOT_MESSAGE);
    expect(problem.detail).toMatch(/^Votre inscription n'a pas été enregistrée/);
    expect(problem.errors).toEqual([{ path: "website", message: HONEYPOT_MESSAGE }]);
    expect(await written()).toEqual(before);
  });

  it("refuses an 11th registration from one address within a minute (429), while another address still registers", async () => {
    const w = await published();
    const address = "203.0.113.77";
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signUp(w, form(w), address)).statusCode);
    expect(statuses).toEqual(Array(10).fill(201));
    const before = await written();
    expect(expectProblem(await signUp(w, form(w), address), 429).detail).toMatch(/^Trop de tentatives depuis votre adresse : réessayez dans \d+ secondes\.$/);
    expect(await written()).toEqual(before);
    expect((await signUp(w, form(w), nextAddress())).statusCode).toBe(201);
    expect((await coordinator.inject({ url: `/api/workshops/${w.id}` })).json<WorkshopView>().registered).toBe(11);
  });
});

describe("capacity and waitlist", () => {
  it("puts people on the waitlist with their rank once full, and a cancellation by the link gives the place to the first who waits", async () => {
    const w = await small();
    const people = ["ana", "bea", "cleo", "dina"].map((name) => `${name}.attente@exemple.fr`);
    const answers = [];
    for (const email of people) answers.push((await signUp(w, form(w, { email, firstName: email.split(".")[0] }))).json<{ id: string; status: string; waitlistRank: number | null; message: string }>());
    expect(answers.map((a) => [a.status, a.waitlistRank])).toEqual([["registered", null], ["registered", null], ["waitlisted", 1], ["waitlisted", 2]]);
    expect(answers[2]!.message).toMatch(/^L'atelier est complet : vous êtes sur la liste d'attente, en position 1\./);
    expect((await mailsTo(people[3]!))[0]).toMatchObject({ subject: `Liste d'attente : ${w.title}` });
    expect((await mailsTo(people[3]!))[0]!.text).toContain("en position 2");
    expect((await visitor.inject({ url: callUrl(w) })).json()).toMatchObject({ full: true, open: true });
    expect((await coordinator.inject({ url: `/api/workshops/${w.id}` })).json()).toMatchObject({ registered: 2, waitlisted: 2 });

    const token = tokenIn((await mailsTo(people[0]!))[0]!);
    const cancelled = await visitor.inject({ method: "POST", url: "/api/public/registrations/cancel", payload: { token } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toEqual({ message: `Votre inscription à l'atelier « ${w.title} » est annulée. Merci d'avoir laissé votre place.` });
    expect(await Promise.all(answers.map((a) => statusOf(a.id)))).toEqual(["cancelled", "registered", "registered", "waitlisted"]);
    const freed = (await mailsTo(people[2]!)).filter((m) => m.subject === `Une place s'est libérée : ${w.title}`);
    expect(freed).toHaveLength(1);
    expect(freed[0]!.text).toContain("votre inscription est maintenant confirmée");

    // The same link again: nothing more happens, nobody else gets the place.
    expect((await visitor.inject({ method: "POST", url: "/api/public/registrations/cancel", payload: { token } })).statusCode).toBe(200);
    expect(await statusOf(answers[3]!.id)).toBe("waitlisted");
    expect(await mailsTo(people[3]!)).toHaveLength(1);
    const next = (await signUp(w, form(w))).json<{ status: string; waitlistRank: number }>();
    expect(next).toMatchObject({ status: "waitlisted", waitlistRank: 2 });
  });

  it("promotes the first who waits when the coordination cancels or erases someone, and not when someone waiting cancels", async () => {
    const w = await small();
    const ids: string[] = [];
    const emails = ["un", "deux", "trois", "quatre", "cinq"].map((n) => `${n}.promotion@exemple.fr`);
    for (const email of emails) ids.push((await signUp(w, form(w, { email }))).json<{ id: string }>().id);
    expect((await coordinator.inject({ method: "POST", url: `/api/registrations/${ids[0]}/cancel` })).statusCode).toBe(204);
    expect([await statusOf(ids[2]!), await statusOf(ids[3]!)]).toEqual(["registered", "waitlisted"]);
    expect((await mailsTo(emails[2]!)).map((m) => m.subject)).toContain(`Une place s'est libérée : ${w.title}`);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/registrations/${ids[1]}` })).statusCode).toBe(204);
    expect([await statusOf(ids[1]!), await statusOf(ids[3]!), await statusOf(ids[4]!)]).toEqual([undefined, "registered", "waitlisted"]);
    const token = tokenIn((await mailsTo(emails[4]!))[0]!);
    expect((await visitor.inject({ method: "POST", url: "/api/public/registrations/cancel", payload: { token } })).statusCode).toBe(200);
    expect(await Promise.all(ids.slice(2).map(statusOf))).toEqual(["registered", "registered", "cancelled"]);
    expect((await coordinator.inject({ url: `/api/workshops/${w.id}` })).json()).toMatchObject({ registered: 2, waitlisted: 0 });
  });

  it("gives a freed place once when the same link is used twice at the same time", async () => {
    const w = await small();
    const emails = ["premiere", "deuxieme", "troisieme", "quatrieme"].map((n) => `${n}.double@exemple.fr`);
    const ids: string[] = [];
    for (const email of emails) ids.push((await signUp(w, form(w, { email }))).json<{ id: string }>().id);
    const token = tokenIn((await mailsTo(emails[0]!))[0]!);
    const answers = await atTheSameTime(ctx.database, { table: "workshops", id: w.id }, 2, () =>
      Promise.all([0, 1].map(() => visitor.inject({ method: "POST", url: "/api/public/registrations/cancel", payload: { token } }))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(await Promise.all(ids.map(statusOf))).toEqual(["cancelled", "registered", "registered", "waitlisted"]);
    expect((await mailsTo(emails[3]!)).map((m) => m.subject)).toEqual([`Liste d'attente : ${w.title}`]);
  });

  it("refuses a malformed link (400) and an unknown one (404)", async () => {
    expect(expectProblem(await visitor.inject({ method: "POST", url: "/api/public/registrations/cancel", payload: { token: "court" } }), 400).errors?.map((e) => e.path)).toEqual(["token"]);
    expect(expectProblem(await visitor.inject({ method: "POST", url: "/api/public/registrations/cancel", payload: { token: "x".repeat(32) } }), 404).detail).toBe(
      "Ce lien d'annulation n'est pas valide, ou l'inscription a déjà été effacée.",
    );
  });

  it("gives exactly the places there are to registrations sent at the same time, the others waiting in distinct ranks", async () => {
    const w = await published({ capacity: 3 });
    const results = await atTheSameTime(ctx.database, { table: "workshops", id: w.id }, 8, () =>
      Promise.all(Array.from({ length: 8 }, () => coordinator.inject({ method: "POST", url: `/api/workshops/${w.id}/registrations`, payload: form(w) }))),
    );
    const answers = results.map((r) => r.json<{ status: string; waitlistRank: number | null }>());
    expect(answers.filter((a) => a.status === "registered")).toHaveLength(3);
    expect(answers.flatMap((a) => (a.waitlistRank === null ? [] : [a.waitlistRank])).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("the automatic purge", () => {
  it("erases a workshop's registrations and seats once its retention is over, not before, keeping syntheses and the consent log", async () => {
    const db = ctx.database.db;
    const past = await published({
      deadline: "2030-10-22",
      sessions: [
        { startsAt: "2030-11-04T18:00:00+01:00", endsAt: "2030-11-04T21:00:00+01:00", place: "Melun" },
        { startsAt: "2030-11-18T18:00:00+01:00", endsAt: "2030-11-18T21:00:00+01:00", place: "Melun" },
      ],
    });
    const current = await published();
    const gone = [(await signUp(past, form(past))).json<{ id: string }>().id, (await signUp(past, form(past))).json<{ id: string }>().id];
    const stays = (await signUp(current, form(current))).json<{ id: string }>().id;
    expect((await coordinator.inject({ method: "POST", url: `/api/workshop-sessions/${past.sessions[0]!.id}/tables`, payload: {} })).statusCode).toBe(200);
    await coordinator.inject({ method: "PUT", url: `/api/workshops/${past.id}/syntheses`, payload: { topicId: past.topics[0]!.id, text: "Ce que les habitants ont dit." } });
    const pastRows = () => db.select({ id: registrations.id }).from(registrations).where(eq(registrations.workshopId, past.id));

    // The last session ends on 18/11/2030 at 20:00 UTC; 12 months later, to the hour. Just before, only
    // older workshops (the demo's of 2021) lose their registrations.
    const older = await db
      .select({ id: registrations.id })
      .from(registrations)
      .where(inArray(registrations.workshopId, db.select({ id: workshopSessions.workshopId }).from(workshopSessions).groupBy(workshopSessions.workshopId).having(sql`max(${workshopSessions.endsAt}) < '2030-11-18T19:59:00Z'`)));
    expect(older.length).toBeGreaterThan(0);
    expect(await purgeExpiredRegistrations(db, new Date("2031-11-18T19:59:00Z"))).toBe(older.length);
    expect(await pastRows()).toHaveLength(2);
    const end = new Date("2031-11-18T20:01:00Z");
    expect(await purgeExpiredRegistrations(db, end)).toBe(2);
    expect(await pastRows()).toEqual([]);
    expect(await db.select().from(seats).where(inArray(seats.registrationId, gone))).toEqual([]);
    expect(await statusOf(stays)).toBe("registered");
    expect(await db.select({ text: syntheses.text }).from(syntheses).where(eq(syntheses.workshopId, past.id))).toEqual([{ text: "Ce que les habitants ont dit." }]);
    const consents = await db.select().from(consentLog).where(eq(consentLog.workshopId, past.id));
    expect(consents.map((c) => [c.registrationId, c.withdrawnAt?.toISOString()])).toEqual([
      [null, end.toISOString()],
      [null, end.toISOString()],
    ]);
    expect(await db.select().from(consentLog).where(eq(consentLog.registrationId, stays))).toHaveLength(1);
    expect(await purgeExpiredRegistrations(db, end)).toBe(0);
  });
});
