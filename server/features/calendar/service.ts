/**
 * Invitations and calendars of meetings: e-mails with an .ics (REQUEST, CANCEL),
 * a meeting's download and each contract's subscribable feed behind a secret token.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { calendarFeeds, contracts, governanceBodies, meetingParticipants, meetings } from "../../db/schema.js";
import { agendaLines, invitationCalendar, type IcsMeeting, type IcsPerson, meetingSummary, meetingUrl, publishedCalendar } from "../../documents/ics.js";
import { conflict, notFound } from "../../http/problem.js";
import type { Mailer, MailMessage } from "../../mail/mailer.js";
import { meetingCancellationMail, meetingInvitationMail } from "../../mail/templates.js";
import type { Actor } from "../../policies/index.js";
import { recordAudit } from "../../audit/record.js";
import { contractExists } from "../contracts/queries.js";
import { MEETING_NOT_FOUND } from "../governance/service.js";
import { parisFullDay, parisTime, plural } from "../../domain/dates.js";

export const NO_INVITEES = "Aucun participant invité n'a d'adresse e-mail : ajoutez des invités (avec leur e-mail) à la réunion avant d'envoyer l'invitation.";
export const ALREADY_CANCELLED = "Cette réunion est annulée : elle ne peut plus être envoyée ni annulée à nouveau.";
export const FEED_NOT_FOUND = "Cet agenda est introuvable : son adresse a peut-être été renouvelée. Demandez la nouvelle adresse à la coordination du contrat.";

const parisParts = (at: Date) => ({ day: parisFullDay(at), time: parisTime(at).replace("h", " h ") });

/** "mardi 14 septembre 2021 de 14 h 00 à 16 h 30 (heure de Paris)", or "du … au …" over several days. */
export function frenchSchedule(startsAt: Date, endsAt: Date): string {
  const s = parisParts(startsAt);
  const e = parisParts(endsAt);
  return s.day === e.day ? `${s.day} de ${s.time} à ${e.time} (heure de Paris)` : `du ${s.day} à ${s.time} au ${e.day} à ${e.time} (heure de Paris)`;
}

type MeetingRow = typeof meetings.$inferSelect;

const icsMeeting = (m: MeetingRow, bodyName: string): IcsMeeting => ({
  id: m.id,
  contractId: m.contractId,
  title: m.title,
  bodyName,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  place: m.place,
  videoUrl: m.videoUrl,
  agenda: m.agenda,
  sequence: m.invitationSequence,
  cancelled: m.cancelledAt !== null,
});

/** The meeting (locked for the sending), its body's name and its contract's name. */
async function meetingFacts(tx: Tx | Db, meetingId: string, lock: boolean) {
  const query = tx
    .select({ meeting: meetings, bodyName: governanceBodies.name, contractName: contracts.name })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .innerJoin(contracts, eq(contracts.id, meetings.contractId))
    .where(eq(meetings.id, meetingId));
  const [row] = lock ? await query.for("update", { of: meetings }) : await query;
  if (!row) throw notFound(MEETING_NOT_FOUND);
  return row;
}

/** Invited participants with an e-mail, each address once, in the meeting's order. */
async function invitees(tx: Tx, meetingId: string): Promise<IcsPerson[]> {
  const rows = await tx
    .select({ name: meetingParticipants.name, email: meetingParticipants.email })
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.invited, true), ne(meetingParticipants.email, "")))
    .orderBy(asc(meetingParticipants.position));
  const seen = new Set<string>();
  return rows
    .map((r) => ({ name: r.name.trim(), email: r.email.trim() }))
    .filter((r) => {
      const key = r.email.toLowerCase();
      if (!r.email || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const organizerOf = (actor: Actor): IcsPerson | null => (actor.kind === "user" ? { name: actor.name, email: actor.email } : null);
const senderName = (actor: Actor) => (actor.kind === "user" ? actor.name : "La coordination du contrat");

export interface MailingDeps {
  mailer: Mailer;
  publicUrl: string;
}

export interface SendingResult {
  sent: number;
  sequence: number;
  /** Addresses the mail could not be handed to (the sending itself is recorded). */
  failed: string[];
}

/** Hands each message to the mailer; a failed address does not stop the others. */
async function deliver(mailer: Mailer, messages: MailMessage[]): Promise<{ sent: number; failed: string[]; errors: unknown[] }> {
  let sent = 0;
  const failed: string[] = [];
  const errors: unknown[] = [];
  for (const message of messages) {
    try {
      await mailer.send(message);
      sent += 1;
    } catch (err) {
      failed.push(message.to);
      errors.push(err);
    }
  }
  return { sent, failed, errors };
}

type Prepared = { meeting: IcsMeeting; contractName: string; recipients: IcsPerson[]; update: boolean };

function mailInput(p: Prepared, to: string, deps: MailingDeps, actor: Actor) {
  const m = p.meeting;
  return {
    to,
    contractName: p.contractName,
    summary: meetingSummary(m),
    when: frenchSchedule(m.startsAt, m.endsAt),
    place: m.place.trim(),
    videoUrl: m.videoUrl,
    agenda: agendaLines(m.agenda),
    link: meetingUrl(deps.publicUrl, m),
    sender: senderName(actor),
  };
}

/**
 * Sends the invitation (METHOD:REQUEST) to every invited participant with an
 * e-mail. The first sending is SEQUENCE 0; each later one is an update of the
 * same event with the next SEQUENCE. The sending is recorded before the mail leaves.
 */
export async function sendInvitations(db: Db, actor: Actor, meetingId: string, deps: MailingDeps, now = new Date()): Promise<SendingResult & { errors: unknown[] }> {
  const prepared = await db.transaction(async (tx): Promise<Prepared> => {
    const { meeting, bodyName, contractName } = await meetingFacts(tx, meetingId, true);
    if (meeting.cancelledAt) throw conflict(ALREADY_CANCELLED);
    const recipients = await invitees(tx, meetingId);
    if (!recipients.length) throw conflict(NO_INVITEES);
    const update = meeting.invitationSentAt !== null;
    const sequence = update ? meeting.invitationSequence + 1 : meeting.invitationSequence;
    const [row] = await tx.update(meetings).set({ invitationSequence: sequence, invitationSentAt: now }).where(eq(meetings.id, meetingId)).returning();
    await recordAudit(tx, actor, {
      contractId: meeting.contractId,
      objectType: "meeting",
      objectId: meetingId,
      objectLabel: meeting.title,
      operation: "update",
      changes: [
        {
          field: "invitation",
          label: "Invitation",
          before: update ? `Envoyée (version ${meeting.invitationSequence})` : null,
          after: `${update ? "Mise à jour envoyée" : "Envoyée"} (version ${sequence}) à ${plural(recipients.length, "personne")} : ${recipients.map((r) => r.email).join(", ")}`,
        },
      ],
    });
    return { meeting: icsMeeting(row!, bodyName), contractName, recipients, update };
  });
  const ics = invitationCalendar(prepared.meeting, { publicUrl: deps.publicUrl, now, organizer: organizerOf(actor), attendees: prepared.recipients, method: "REQUEST" });
  const messages = prepared.recipients.map((r) => ({
    ...meetingInvitationMail({ ...mailInput(prepared, r.email, deps, actor), update: prepared.update }),
    attachments: [{ filename: "invitation.ics", contentType: "text/calendar; charset=utf-8; method=REQUEST", content: ics }],
  }));
  return { ...(await deliver(deps.mailer, messages)), sequence: prepared.meeting.sequence };
}

/**
 * Cancels a meeting: it stays on record with its cancellation date and the next
 * SEQUENCE; the invited receive METHOD:CANCEL when an invitation had been sent.
 */
export async function cancelMeeting(db: Db, actor: Actor, meetingId: string, deps: MailingDeps, now = new Date()): Promise<SendingResult & { errors: unknown[] }> {
  const prepared = await db.transaction(async (tx): Promise<Prepared> => {
    const { meeting, bodyName, contractName } = await meetingFacts(tx, meetingId, true);
    if (meeting.cancelledAt) throw conflict(ALREADY_CANCELLED);
    const recipients = meeting.invitationSentAt ? await invitees(tx, meetingId) : [];
    const [row] = await tx
      .update(meetings)
      .set({ cancelledAt: now, invitationSequence: meeting.invitationSequence + 1 })
      .where(eq(meetings.id, meetingId))
      .returning();
    await recordAudit(tx, actor, {
      contractId: meeting.contractId,
      objectType: "meeting",
      objectId: meetingId,
      objectLabel: meeting.title,
      operation: "update",
      changes: [
        {
          field: "cancelledAt",
          label: "Annulation",
          before: null,
          after: recipients.length ? `Réunion annulée ; annulation envoyée à ${recipients.map((r) => r.email).join(", ")}` : "Réunion annulée",
        },
      ],
    });
    return { meeting: icsMeeting(row!, bodyName), contractName, recipients, update: true };
  });
  if (!prepared.recipients.length) return { sent: 0, failed: [], errors: [], sequence: prepared.meeting.sequence };
  const ics = invitationCalendar(prepared.meeting, { publicUrl: deps.publicUrl, now, organizer: organizerOf(actor), attendees: prepared.recipients, method: "CANCEL" });
  const messages = prepared.recipients.map((r) => ({
    ...meetingCancellationMail(mailInput(prepared, r.email, deps, actor)),
    attachments: [{ filename: "annulation.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL", content: ics }],
  }));
  return { ...(await deliver(deps.mailer, messages)), sequence: prepared.meeting.sequence };
}

/** One meeting as a calendar to download (METHOD:PUBLISH), with a file name. */
export async function meetingIcs(db: Db, meetingId: string, publicUrl: string, now = new Date()) {
  const { meeting, bodyName } = await meetingFacts(db, meetingId, false);
  const day = meeting.startsAt.toISOString().slice(0, 10);
  return { fileName: `reunion-${day}.ics`, body: publishedCalendar([icsMeeting(meeting, bodyName)], { publicUrl, now }) };
}

export const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/calendar/${token}.ics`;
const newToken = () => randomBytes(24).toString("base64url");

/** The feed's address, its secret made on the first ask. */
export async function feedAddress(db: Db, contractId: string, publicUrl: string): Promise<{ url: string }> {
  await contractExists(db, contractId);
  await db.insert(calendarFeeds).values({ contractId, token: newToken() }).onConflictDoNothing({ target: calendarFeeds.contractId });
  const [row] = await db.select({ token: calendarFeeds.token }).from(calendarFeeds).where(eq(calendarFeeds.contractId, contractId));
  return { url: feedUrl(publicUrl, row!.token) };
}

/** A new secret: the old address stops working at once. */
export async function resetFeed(db: Db, actor: Actor, contractId: string, publicUrl: string): Promise<{ url: string }> {
  return db.transaction(async (tx) => {
    await contractExists(tx, contractId);
    const token = newToken();
    await tx
      .insert(calendarFeeds)
      .values({ contractId, token })
      .onConflictDoUpdate({ target: calendarFeeds.contractId, set: { token, createdAt: new Date() } });
    const [contract] = await tx.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, contractId));
    await recordAudit(tx, actor, {
      contractId,
      objectType: "contract",
      objectId: contractId,
      objectLabel: contract!.name,
      operation: "update",
      changes: [{ field: "calendarFeed", label: "Adresse d'abonnement à l'agenda", before: "Ancienne adresse", after: "Nouvelle adresse (l'ancienne ne fonctionne plus)" }],
    });
    return { url: feedUrl(publicUrl, token) };
  });
}

/** The contract's meetings, cancelled ones included (STATUS:CANCELLED), for the token's holder. */
export async function feedCalendar(db: Db, token: string, publicUrl: string, now = new Date()): Promise<string> {
  const [feed] = await db
    .select({ contractId: calendarFeeds.contractId, name: contracts.name })
    .from(calendarFeeds)
    .innerJoin(contracts, eq(contracts.id, calendarFeeds.contractId))
    .where(eq(calendarFeeds.token, token));
  if (!feed) throw notFound(FEED_NOT_FOUND);
  const rows = await db
    .select({ meeting: meetings, bodyName: governanceBodies.name })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(eq(meetings.contractId, feed.contractId))
    .orderBy(asc(meetings.startsAt));
  return publishedCalendar(
    rows.map((r) => icsMeeting(r.meeting, r.bodyName)),
    { publicUrl, now, name: feed.name, url: `${publicUrl}/contrats/${feed.contractId}/calendrier` },
  );
}
