import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, calendarFeeds, meetingParticipants, meetings } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { parseIcs } from "../../testing/ics.js";
import { frenchSchedule, NO_INVITEES } from "./service.js";

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let lead: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let camvs: string;
let bodyId: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  anonymous = await anonymousClient(ctx.server);
  const list = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = list.find((c) => c.slug === "camvs-2021-2023")!.id;
  const body = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "cotech", name: "COTECH" } });
  expect(body.statusCode).toBe(201);
  bodyId = body.json<{ id: string }>().id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const db = () => ctx.database.db;
const cotech = (overrides: Record<string, unknown> = {}) => ({
  bodyId,
  title: "COTECH du 14 septembre 2021",
  startsAt: "2021-09-14T14:00:00+02:00",
  endsAt: "2021-09-14T16:30:00+02:00",
  place: "Melun, salle du conseil",
  videoUrl: "https://visio.exemple.fr/cotech",
  agenda: [
    { title: "Point d'étape des fiches", durationMinutes: 90, presenter: "Marie Dupont" },
    { title: "Orientations", durationMinutes: 60 },
  ],
  ...overrides,
});

async function newMeeting(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const res = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/meetings`, payload: cotech(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** Participants as the participants route will write them (another feature): inserted directly. */
async function addParticipants(meetingId: string) {
  await db()
    .insert(meetingParticipants)
    .values([
      { meetingId, name: "Karim Benali", email: "karim.benali@cpam77.test", invited: true, position: 0 },
      { meetingId, name: "Association Aides", email: "", invited: true, position: 1 },
      { meetingId, name: "Élu présent, non invité", email: "elu@melun.test", invited: false, present: true, position: 2 },
      { meetingId, name: "Sophie Leroy", email: "sophie.leroy@camvs.test", invited: true, position: 3 },
      { meetingId, name: "Sophie Leroy (doublon)", email: "Sophie.Leroy@camvs.test", invited: true, position: 4 },
    ]);
}

interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; method: string | undefined; content: string }[];
}

const seen = new Set<string>();
/** Mail written to the outbox since the last call, each .json summary checked against its parsed .eml. */
async function newMail(): Promise<Mail[]> {
  const names = (await readdir(ctx.outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith(".eml") && !seen.has(n)).sort();
  const mails: Mail[] = [];
  for (const name of names) {
    seen.add(name);
    const parsed = await simpleParser(await readFile(join(ctx.outboxDir, name)));
    const summary = JSON.parse(await readFile(join(ctx.outboxDir, name.replace(/\.eml$/, ".json")), "utf8")) as { to: string; attachments?: { filename: string }[] };
    const to = [parsed.to].flat().flatMap((a) => a?.value.map((v) => v.address ?? "") ?? []).join(", ");
    expect(summary.to).toBe(to);
    const attachments = parsed.attachments.map((a) => ({
      filename: a.filename ?? "",
      contentType: a.contentType,
      method: (a.headers.get("content-type") as { params?: Record<string, string> } | undefined)?.params?.method,
      content: a.content.toString("utf8"),
    }));
    expect(summary.attachments?.map((a) => a.filename)).toEqual(attachments.map((a) => a.filename));
    mails.push({ to, subject: parsed.subject ?? "", text: parsed.text ?? "", attachments });
  }
  return mails.sort((a, b) => a.to.localeCompare(b.to));
}

const meetingRow = async (id: string) => (await db().select().from(meetings).where(eq(meetings.id, id)))[0]!;
const auditCount = async (id: string) => (await db().select({ n: count() }).from(auditEntries).where(eq(auditEntries.objectId, id)))[0]!.n;
const invite = (client: TestClient, id: string) => client.inject({ method: "POST", url: `/api/meetings/${id}/invitations` });
const cancel = (client: TestClient, id: string) => client.inject({ method: "POST", url: `/api/meetings/${id}/cancel` });

describe("frenchSchedule", () => {
  it("says the day and hours in Paris time, winter and summer, and spans days", () => {
    expect(frenchSchedule(new Date("2021-09-14T12:00:00Z"), new Date("2021-09-14T14:30:00Z"))).toBe("mardi 14 septembre 2021 de 14 h 00 à 16 h 30 (heure de Paris)");
    expect(frenchSchedule(new Date("2021-12-07T08:30:00Z"), new Date("2021-12-07T11:00:00Z"))).toBe("mardi 7 décembre 2021 de 09 h 30 à 12 h 00 (heure de Paris)");
    expect(frenchSchedule(new Date("2021-09-21T16:00:00Z"), new Date("2021-09-22T08:00:00Z"))).toBe("du mardi 21 septembre 2021 à 18 h 00 au mercredi 22 septembre 2021 à 10 h 00 (heure de Paris)");
  });
});

describe("invitations", () => {
  let meetingId: string;
  let version: number;

  it("refuses to send when nobody invited has an e-mail, sending and writing nothing", async () => {
    const m = await newMeeting();
    await newMail();
    const audits = await auditCount(m.id);
    const res = await invite(coordinator, m.id);
    expect(expectProblem(res, 409).detail).toBe(NO_INVITEES);
    expect(await newMail()).toEqual([]);
    expect(await meetingRow(m.id)).toMatchObject({ invitationSequence: 0, invitationSentAt: null });
    expect(await auditCount(m.id)).toBe(audits);
  });

  it("e-mails each invited participant with an e-mail once, a French text and the .ics (METHOD:REQUEST, SEQUENCE 0)", async () => {
    const m = await newMeeting();
    meetingId = m.id;
    version = m.version;
    await addParticipants(meetingId);
    const res = await invite(coordinator, meetingId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sent: 2, sequence: 0, failed: [] });
    const mails = await newMail();
    expect(mails.map((x) => x.to)).toEqual(["karim.benali@cpam77.test", "sophie.leroy@camvs.test"]);
    const link = `http://localhost:3000/contrats/${camvs}/reunions/${meetingId}`;
    for (const mail of mails) {
      expect(mail.subject).toBe("Invitation : COTECH du 14 septembre 2021");
      expect(mail.text).toContain("Marie Dupont vous invite à la réunion « COTECH du 14 septembre 2021 »");
      expect(mail.text).toContain("Date : mardi 14 septembre 2021 de 14 h 00 à 16 h 30 (heure de Paris)");
      expect(mail.text).toContain("Lieu : Melun, salle du conseil");
      expect(mail.text).toContain("Visioconférence : https://visio.exemple.fr/cotech");
      expect(mail.text).toContain("1. Point d'étape des fiches (1 h 30, Marie Dupont)\n2. Orientations (1 h)");
      expect(mail.text).toContain(link);
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]).toMatchObject({ filename: "invitation.ics", contentType: "text/calendar", method: "REQUEST" });
      const cal = parseIcs(mail.attachments[0]!.content);
      expect(cal.method).toBe("REQUEST");
      expect(cal.events).toHaveLength(1);
      const e = cal.events[0]!;
      expect(e).toMatchObject({ uid: `meeting-${meetingId}@cles`, sequence: 0, status: "CONFIRMED", summary: "COTECH du 14 septembre 2021", location: "Melun, salle du conseil", url: link, organizer: "marie.dupont@camvs.test" });
      expect([e.start.toISOString(), e.end.toISOString()]).toEqual(["2021-09-14T12:00:00.000Z", "2021-09-14T14:30:00.000Z"]);
      expect(e.attendees.map((a) => [a.email, a.name])).toEqual([
        ["karim.benali@cpam77.test", "Karim Benali"],
        ["sophie.leroy@camvs.test", "Sophie Leroy"],
      ]);
      expect(e.description).toContain("1. Point d'étape des fiches (1 h 30, Marie Dupont)");
    }
    const row = await meetingRow(meetingId);
    expect(row.invitationSequence).toBe(0);
    expect(row.invitationSentAt).toBeInstanceOf(Date);
    const history = (await coordinator.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { summary: string }[] }>();
    expect(history.items[0]!.summary).toMatch(/^Marie Dupont a modifié la réunion COTECH du 14 septembre 2021 le /);
  });

  it("sends an update of the same event after a change: same UID, SEQUENCE 1", async () => {
    const put = await coordinator.inject({ method: "PUT", url: `/api/meetings/${meetingId}`, payload: { ...cotech({ place: "Dammarie-lès-Lys, salle des fêtes" }), version } });
    expect(put.statusCode).toBe(200);
    const res = await invite(coordinator, meetingId);
    expect(res.json()).toEqual({ sent: 2, sequence: 1, failed: [] });
    const mails = await newMail();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe("Mise à jour de l'invitation : COTECH du 14 septembre 2021");
    expect(mails[0]!.text).toContain("Marie Dupont a mis à jour l'invitation à la réunion");
    const e = parseIcs(mails[0]!.attachments[0]!.content).events[0]!;
    expect(e).toMatchObject({ uid: `meeting-${meetingId}@cles`, sequence: 1, location: "Dammarie-lès-Lys, salle des fêtes" });
    expect((await meetingRow(meetingId)).invitationSequence).toBe(1);
  });

  it("is for the coordination only: 403 for a partner or a lead, 404 for another contract's coordinator, 401 signed out, 400 on a bad id — nothing sent", async () => {
    const audits = await auditCount(meetingId);
    expectProblem(await invite(partner, meetingId), 403);
    expectProblem(await invite(lead, meetingId), 403);
    expect(expectProblem(await invite(outsider, meetingId), 404).detail).toBe("Cette réunion est introuvable.");
    expectProblem(await invite(anonymous, meetingId), 401);
    expect(expectProblem(await invite(coordinator, "pas-un-identifiant"), 400).errors).toEqual([{ path: "params.meetingId", message: "Identifiant invalide." }]);
    expectProblem(await invite(coordinator, "00000000-0000-4000-8000-000000000000"), 404);
    expect(await newMail()).toEqual([]);
    expect((await meetingRow(meetingId)).invitationSequence).toBe(1);
    expect(await auditCount(meetingId)).toBe(audits);
  });

  it("gives any reader the meeting as a .ics download (METHOD:PUBLISH, no addresses)", async () => {
    const res = await partner.inject({ url: `/api/meetings/${meetingId}/ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="reunion-2021-09-14.ics"');
    const cal = parseIcs(res.body);
    expect(cal.method).toBe("PUBLISH");
    expect(cal.events).toHaveLength(1);
    expect(cal.events[0]).toMatchObject({ uid: `meeting-${meetingId}@cles`, sequence: 1, status: "CONFIRMED", attendees: [], organizer: null });
    expectProblem(await outsider.inject({ url: `/api/meetings/${meetingId}/ics` }), 404);
    expectProblem(await anonymous.inject({ url: `/api/meetings/${meetingId}/ics` }), 401);
  });
});

describe("cancellation", () => {
  it("is refused to a partner; the coordinator's sends METHOD:CANCEL with the next SEQUENCE; a cancelled meeting is neither cancelled nor invited to again", async () => {
    const m = await newMeeting({ title: "Réunion à annuler" });
    await addParticipants(m.id);
    expect((await invite(coordinator, m.id)).json()).toMatchObject({ sent: 2, sequence: 0 });
    await newMail();
    expectProblem(await cancel(partner, m.id), 403);
    expectProblem(await cancel(outsider, m.id), 404);
    expect((await meetingRow(m.id)).cancelledAt).toBeNull();

    const res = await cancel(coordinator, m.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sent: 2, sequence: 1, failed: [] });
    const mails = await newMail();
    expect(mails.map((x) => x.to)).toEqual(["karim.benali@cpam77.test", "sophie.leroy@camvs.test"]);
    expect(mails[0]!.subject).toBe("Annulation : COTECH – Réunion à annuler");
    expect(mails[0]!.text).toContain("Marie Dupont a annulé la réunion « COTECH – Réunion à annuler »");
    expect(mails[0]!.attachments[0]).toMatchObject({ filename: "annulation.ics", contentType: "text/calendar", method: "CANCEL" });
    const cal = parseIcs(mails[0]!.attachments[0]!.content);
    expect(cal.method).toBe("CANCEL");
    expect(cal.events[0]).toMatchObject({ uid: `meeting-${m.id}@cles`, sequence: 1, status: "CANCELLED" });
    expect(cal.events[0]!.attendees.map((a) => a.email)).toEqual(["karim.benali@cpam77.test", "sophie.leroy@camvs.test"]);
    const row = await meetingRow(m.id);
    expect(row.cancelledAt).toBeInstanceOf(Date);
    expect(row.invitationSequence).toBe(1);

    const audits = await auditCount(m.id);
    expect(expectProblem(await cancel(coordinator, m.id), 409).detail).toContain("annulée");
    expect(expectProblem(await invite(coordinator, m.id), 409).detail).toContain("annulée");
    expect(await newMail()).toEqual([]);
    expect((await meetingRow(m.id)).invitationSequence).toBe(1);
    expect(await auditCount(m.id)).toBe(audits);
  });

  it("of a meeting never sent, mails nobody but still moves the SEQUENCE for subscribed calendars", async () => {
    const m = await newMeeting({ title: "Réunion jamais envoyée" });
    await addParticipants(m.id);
    expect((await cancel(coordinator, m.id)).json()).toEqual({ sent: 0, sequence: 1, failed: [] });
    expect(await newMail()).toEqual([]);
  });
});

describe("the contract's calendar feed", () => {
  const path = (url: string) => new URL(url).pathname;

  it("gives readers a secret address (made once), served without a session: every meeting, cancelled ones marked, named after the contract", async () => {
    expectProblem(await outsider.inject({ url: `/api/contracts/${camvs}/calendar-feed` }), 404);
    expectProblem(await anonymous.inject({ url: `/api/contracts/${camvs}/calendar-feed` }), 401);
    expect(await db().select().from(calendarFeeds).where(eq(calendarFeeds.contractId, camvs))).toEqual([]);
    const first = await partner.inject({ url: `/api/contracts/${camvs}/calendar-feed` });
    expect(first.statusCode).toBe(200);
    const { url } = first.json<{ url: string }>();
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect((await coordinator.inject({ url: `/api/contracts/${camvs}/calendar-feed` })).json()).toEqual({ url });

    const feed = await anonymous.inject({ url: path(url) });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const cal = parseIcs(feed.body);
    expect(cal.method).toBe("PUBLISH");
    const contract = (await coordinator.inject({ url: `/api/contracts/${camvs}` })).json<{ name: string }>();
    expect(cal.name).toBe(contract.name);
    const all = await db().select().from(meetings).where(eq(meetings.contractId, camvs));
    expect(cal.events.map((e) => e.uid).sort()).toEqual(all.map((m) => `meeting-${m.id}@cles`).sort());
    for (const m of all) {
      const e = cal.events.find((x) => x.uid === `meeting-${m.id}@cles`)!;
      expect(e.sequence).toBe(m.invitationSequence);
      expect(e.status).toBe(m.cancelledAt ? "CANCELLED" : "CONFIRMED");
      expect(e.start.getTime()).toBe(m.startsAt.getTime());
      expect(e.attendees).toEqual([]);
    }
    expect(cal.events.some((e) => e.status === "CANCELLED")).toBe(true);
    expect(feed.body).not.toContain("karim.benali");
  });

  it("renews the secret for the coordination only; the old address then answers 404", async () => {
    const { url: old } = (await coordinator.inject({ url: `/api/contracts/${camvs}/calendar-feed` })).json<{ url: string }>();
    expectProblem(await lead.inject({ method: "POST", url: `/api/contracts/${camvs}/calendar-feed/reset` }), 403);
    expectProblem(await outsider.inject({ method: "POST", url: `/api/contracts/${camvs}/calendar-feed/reset` }), 404);
    expectProblem(await coordinator.inject({ method: "POST", url: "/api/contracts/00000000-0000-4000-8000-000000000000/calendar-feed/reset" }), 404);
    expect((await anonymous.inject({ url: path(old) })).statusCode).toBe(200);

    const res = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/calendar-feed/reset` });
    expect(res.statusCode).toBe(200);
    const { url } = res.json<{ url: string }>();
    expect(url).not.toBe(old);
    expect(expectProblem(await anonymous.inject({ url: path(old) }), 404).detail).toContain("renouvelée");
    expect((await anonymous.inject({ url: path(url) })).statusCode).toBe(200);
    expect((await partner.inject({ url: `/api/contracts/${camvs}/calendar-feed` })).json()).toEqual({ url });
    const history = (await coordinator.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { summary: string }[] }>();
    expect(history.items[0]!.summary).toMatch(/^Marie Dupont a modifié Adresse d'abonnement à l'agenda du contrat /);
  });

  it("answers 404 to an unknown token", async () => {
    expectProblem(await anonymous.inject({ url: "/api/calendar/inconnu.ics" }), 404);
  });
});
