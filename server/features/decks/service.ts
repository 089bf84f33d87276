/**
 * Reads what a committee deck needs, scoped to one contract (one query per table):
 * the contract, its signatories, its meetings, the COTECH table of the year. The
 * choices of the coordinator (year, meeting, fiches) are checked here against the
 * contract: 400 with the field named when one does not belong to it.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, contracts, governanceBodies, meetingParticipants, meetings, organisations, signatories } from "../../db/schema.js";
import { invalid, notFound, type FieldError } from "../../http/problem.js";
import { loadCotechTable } from "../overview/cotech-table.js";
import { buildDeck, type Deck, type DeckMeeting } from "./deck.js";
import { parisDay } from "../../domain/dates.js";

export interface DeckRequest {
  year: number;
  meetingId?: string;
  /** Fiche numbers; absent: every live fiche. */
  actions?: number[];
}

export interface LoadedDeck {
  deck: Deck;
  /** The download's name without extension: « cotech-2021-09-14 », « diaporama-2021 ». */
  fileName: string;
}

const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export async function loadDeck(db: Db, contractId: string, request: DeckRequest, today: string): Promise<LoadedDeck> {
  const [contract] = await db
    .select({ name: contracts.name, localAuthority: contracts.localAuthority, startDate: contracts.startDate, endDate: contracts.endDate, keyDates: contracts.keyDates })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Ce contrat est introuvable.");

  const errors: FieldError[] = [];
  const first = Number(contract.startDate.slice(0, 4));
  const last = Number(contract.endDate.slice(0, 4));
  if (request.year < first || request.year > last) errors.push({ path: "querystring.year", message: `Choisissez une année de la période du contrat (${first} à ${last}).` });

  const meetingRows = await db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, cancelledAt: meetings.cancelledAt, agenda: meetings.agenda, bodyKind: governanceBodies.kind })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(eq(meetings.contractId, contractId))
    .orderBy(asc(meetings.startsAt));
  const all: DeckMeeting[] = meetingRows.map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    bodyKind: m.bodyKind,
    cancelled: m.cancelledAt !== null,
    agenda: m.agenda.map(({ title, presenter, durationMinutes }) => ({ title, presenter, durationMinutes })),
  }));
  const meeting = request.meetingId ? (all.find((m) => m.id === request.meetingId) ?? null) : null;
  if (request.meetingId && !meeting) errors.push({ path: "querystring.meetingId", message: "Choisissez une réunion de ce contrat." });

  if (request.actions) {
    const live = await db.select({ number: actions.number }).from(actions).where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)));
    const known = new Set(live.map((a) => a.number));
    const unknown = [...new Set(request.actions.filter((n) => !known.has(n)))];
    if (unknown.length) errors.push({ path: "querystring.actions", message: `${unknown.length > 1 ? "Ces fiches n'existent" : "Cette fiche n'existe"} pas dans ce contrat : ${unknown.map((n) => `FA ${n}`).join(", ")}.` });
  }
  if (errors.length) throw invalid(errors);

  const signatoryRows = await db
    .select({ organisationName: organisations.name, representative: signatories.representative, title: signatories.title, signedOn: signatories.signedOn })
    .from(signatories)
    .innerJoin(organisations, eq(organisations.id, signatories.organisationId))
    .where(eq(signatories.contractId, contractId))
    .orderBy(asc(signatories.position));
  // A committee's deck is drawn as of its day: statuses, late steps, progress and adjustments as they stood then.
  const asOf = meeting ? parisDay(meeting.startsAt) : today;
  const table = await loadCotechTable(db, contractId, request.year, asOf, () => false);

  // Who the meeting gathers (its tour de table): the people recorded, with their organisation.
  const participants = meeting
    ? await db
        .select({ name: meetingParticipants.name, organisationName: organisations.name, invited: meetingParticipants.invited, present: meetingParticipants.present })
        .from(meetingParticipants)
        .leftJoin(organisations, eq(organisations.id, meetingParticipants.organisationId))
        .where(eq(meetingParticipants.meetingId, meeting.id))
        .orderBy(asc(meetingParticipants.position))
    : [];

  const deck = buildDeck({ contract, year: request.year, today: asOf, signatories: signatoryRows, meetings: all, meeting, participants, table, picked: request.actions ?? null });
  const kind = meeting ? (meeting.bodyKind === "copil" || meeting.bodyKind === "cotech" ? meeting.bodyKind : slug(meeting.title).slice(0, 40) || "reunion") : null;
  return { deck, fileName: meeting ? `${kind}-${parisDay(meeting.startsAt)}` : `diaporama-${request.year}` };
}
