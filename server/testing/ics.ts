/** Reading iCalendar text in tests with an independent parser (ical.js), plus the RFC 5545 framing checks. */
import ICAL from "ical.js";
import { expect } from "vitest";

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  start: Date;
  end: Date;
  startIsUtc: boolean;
  summary: string;
  location: string | null;
  description: string;
  url: string | null;
  organizer: string | null;
  attendees: { email: string; name: string | null; role: string | null; partstat: string | null }[];
  stamp: Date;
}

export interface ParsedCalendar {
  method: string | null;
  name: string | null;
  version: string;
  prodId: string;
  events: ParsedEvent[];
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const mailto = (v: string) => v.replace(/^mailto:/i, "");

/** Parses with ical.js after checking CRLF line ends and lines of at most 75 octets. */
export function parseIcs(ics: string): ParsedCalendar {
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const lines = ics.split("\r\n");
  for (const line of lines) {
    expect(line).not.toContain("\n");
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
  }
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe("vcalendar");
  const events = calendar.getAllSubcomponents("vevent").map((v): ParsedEvent => {
    const start = v.getFirstPropertyValue("dtstart") as ICAL.Time;
    const end = v.getFirstPropertyValue("dtend") as ICAL.Time;
    return {
      uid: String(v.getFirstPropertyValue("uid")),
      sequence: Number(v.getFirstPropertyValue("sequence")),
      status: text(v.getFirstPropertyValue("status")),
      start: start.toJSDate(),
      end: end.toJSDate(),
      startIsUtc: start.zone?.tzid === "UTC",
      summary: String(v.getFirstPropertyValue("summary")),
      location: text(v.getFirstPropertyValue("location")),
      description: String(v.getFirstPropertyValue("description") ?? ""),
      url: text(v.getFirstPropertyValue("url")),
      organizer: v.getFirstPropertyValue("organizer") ? mailto(String(v.getFirstPropertyValue("organizer"))) : null,
      attendees: v.getAllProperties("attendee").map((p) => ({
        email: mailto(String(p.getFirstValue())),
        name: text(p.getParameter("cn")),
        role: text(p.getParameter("role")),
        partstat: text(p.getParameter("partstat")),
      })),
      stamp: (v.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate(),
    };
  });
  return {
    method: text(calendar.getFirstPropertyValue("method")),
    name: text(calendar.getFirstPropertyValue("x-wr-calname")),
    version: String(calendar.getFirstPropertyValue("version")),
    prodId: String(calendar.getFirstPropertyValue("prodid")),
    events,
  };
}
