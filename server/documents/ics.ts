/**
 * RFC 5545 calendars of meetings, built with ical-generator. Pure functions:
 * the invitation (METHOD:REQUEST), its cancellation (METHOD:CANCEL) and the
 * published calendar (METHOD:PUBLISH: one meeting's download, a contract's feed).
 *
 * A meeting keeps one UID for life; SEQUENCE is the meeting's invitation
 * sequence, so that calendars take a new sending as an update of the same event.
 * Times are written in UTC (…Z), which needs no VTIMEZONE.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";

export interface IcsAgendaItem {
  title: string;
  /** Null when the item has no set duration. */
  durationMinutes: number | null;
  presenter: string;
}

export interface IcsMeeting {
  id: string;
  contractId: string;
  title: string;
  bodyName: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string | null;
  agenda: IcsAgendaItem[];
  sequence: number;
  cancelled: boolean;
}

export interface IcsPerson {
  name: string;
  email: string;
}

const PROD_ID = { company: "Cles", product: "Cles", language: "FR" };

/** The UID of a meeting's event, the same in every invitation, update, cancellation and feed. */
export const meetingUid = (meetingId: string) => `meeting-${meetingId}@cles`;

/** The meeting's page in the app. */
export const meetingUrl = (publicUrl: string, m: { id: string; contractId: string }) => `${publicUrl}/contrats/${m.contractId}/reunions/${m.id}`;

/** "COTECH – Point d'étape", or the title alone when it already names the body. */
export function meetingSummary(m: { title: string; bodyName: string }): string {
  return m.title.toLowerCase().includes(m.bodyName.toLowerCase()) ? m.title : `${m.bodyName} – ${m.title}`;
}

/** "1. Point d'étape des fiches (1 h 30, Marie Dupont)", one line per agenda item. */
export function agendaLines(agenda: IcsAgendaItem[]): string[] {
  return agenda.map((item, i) => {
    const details = [item.durationMinutes ? durationLabel(item.durationMinutes) : "", item.presenter.trim()].filter(Boolean).join(", ");
    return details ? `${i + 1}. ${item.title} (${details})` : `${i + 1}. ${item.title}`;
  });
}

export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h`;
}

/** The event's description: agenda, video link, and the meeting's page. */
export function meetingDescription(m: IcsMeeting, publicUrl: string): string {
  const parts: string[] = [];
  if (m.cancelled) parts.push("Cette réunion est annulée.");
  parts.push(m.agenda.length ? `Ordre du jour :\n${agendaLines(m.agenda).join("\n")}` : "Ordre du jour à venir.");
  if (m.videoUrl) parts.push(`Visioconférence : ${m.videoUrl}`);
  parts.push(`La réunion sur Clés : ${meetingUrl(publicUrl, m)}`);
  return parts.join("\n\n");
}

/** Where the meeting happens: its place, else its video link. */
export const meetingLocation = (m: IcsMeeting): string | null => m.place.trim() || m.videoUrl || null;

interface EventOptions {
  publicUrl: string;
  /** DTSTAMP: when this calendar object was made. */
  now: Date;
  organizer?: IcsPerson | null;
  attendees?: IcsPerson[];
}

function addEvent(calendar: ICalCalendar, m: IcsMeeting, o: EventOptions): void {
  calendar.createEvent({
    id: meetingUid(m.id),
    sequence: m.sequence,
    stamp: o.now,
    start: m.startsAt,
    end: m.endsAt,
    summary: meetingSummary(m),
    location: meetingLocation(m),
    description: meetingDescription(m, o.publicUrl),
    url: meetingUrl(o.publicUrl, m),
    status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: o.organizer ? { name: o.organizer.name, email: o.organizer.email } : null,
    attendees: (o.attendees ?? []).map((a) => ({
      name: a.name || null,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !m.cancelled,
    })),
  });
}

/**
 * The calendar sent by e-mail to the invited: METHOD:REQUEST for an invitation
 * or its update, METHOD:CANCEL (STATUS:CANCELLED) for a cancellation.
 */
export function invitationCalendar(m: IcsMeeting, o: { publicUrl: string; now: Date; organizer: IcsPerson | null; attendees: IcsPerson[]; method: "REQUEST" | "CANCEL" }): string {
  const calendar = ical({ prodId: PROD_ID, method: o.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  addEvent(calendar, { ...m, cancelled: m.cancelled || o.method === "CANCEL" }, o);
  return calendar.toString();
}

/**
 * A published calendar (METHOD:PUBLISH): one meeting to download, or a contract's
 * subscribable feed. People's names and addresses stay out of it.
 */
export function publishedCalendar(meetings: IcsMeeting[], o: { publicUrl: string; now: Date; name?: string; url?: string }): string {
  const calendar = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: o.name ?? null,
    url: o.url ?? null,
    // Subscribed calendars refresh every hour (X-PUBLISHED-TTL, REFRESH-INTERVAL).
    ttl: o.name ? 3600 : null,
  });
  for (const m of meetings) addEvent(calendar, m, o);
  return calendar.toString();
}
