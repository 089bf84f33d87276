import { describe, expect, it } from "vitest";
import { parseIcs } from "../testing/ics.js";
import { agendaLines, durationLabel, invitationCalendar, type IcsMeeting, meetingSummary, meetingUid, publishedCalendar } from "./ics.js";

const publicUrl = "https://cles.exemple.fr";
const now = new Date("2021-09-01T08:00:00Z");
const cotech: IcsMeeting = {
  id: "0b9c1f4e-1111-4000-8000-000000000001",
  contractId: "7d1e0c55-2222-4000-8000-000000000002",
  title: "COTECH du 14 septembre 2021",
  bodyName: "COTECH",
  // 14:00–16:30 in Paris (summer time: UTC+2).
  startsAt: new Date("2021-09-14T12:00:00Z"),
  endsAt: new Date("2021-09-14T14:30:00Z"),
  place: "Melun, salle du conseil ; bâtiment « Les Éoliennes »",
  videoUrl: "https://visio.exemple.fr/cotech",
  agenda: [
    { title: "Point d'étape des fiches", durationMinutes: 90, presenter: "Marie Dupont" },
    { title: "Orientations", durationMinutes: 45, presenter: "" },
  ],
  sequence: 0,
  cancelled: false,
};
const organizer = { name: "Marie Dupont", email: "marie.dupont@camvs.test" };
const attendees = [
  { name: "Karim Benali", email: "karim.benali@cpam77.test" },
  { name: "", email: "contact@association.test" },
];

describe("the invitation calendar", () => {
  it("is a METHOD:REQUEST with one event: stable UID, SEQUENCE, UTC times, summary, place, agenda, link, organizer and attendees", () => {
    const cal = parseIcs(invitationCalendar(cotech, { publicUrl, now, organizer, attendees, method: "REQUEST" }));
    expect(cal).toMatchObject({ method: "REQUEST", version: "2.0", prodId: "-//Cles//Cles//FR" });
    expect(cal.events).toHaveLength(1);
    const e = cal.events[0]!;
    expect(e).toMatchObject({
      uid: `meeting-${cotech.id}@cles`,
      sequence: 0,
      status: "CONFIRMED",
      startIsUtc: true,
      summary: "COTECH du 14 septembre 2021",
      location: "Melun, salle du conseil ; bâtiment « Les Éoliennes »",
      url: `${publicUrl}/contrats/${cotech.contractId}/reunions/${cotech.id}`,
      organizer: "marie.dupont@camvs.test",
    });
    expect(e.start.toISOString()).toBe("2021-09-14T12:00:00.000Z");
    expect(e.end.toISOString()).toBe("2021-09-14T14:30:00.000Z");
    expect(e.stamp.toISOString()).toBe(now.toISOString());
    expect(e.description).toBe(
      "Ordre du jour :\n1. Point d'étape des fiches (1 h 30, Marie Dupont)\n2. Orientations (45 min)\n\n" +
        "Visioconférence : https://visio.exemple.fr/cotech\n\n" +
        `La réunion sur Clés : ${publicUrl}/contrats/${cotech.contractId}/reunions/${cotech.id}`,
    );
    expect(e.attendees).toEqual([
      { email: "karim.benali@cpam77.test", name: "Karim Benali", role: "REQ-PARTICIPANT", partstat: "NEEDS-ACTION" },
      { email: "contact@association.test", name: null, role: "REQ-PARTICIPANT", partstat: "NEEDS-ACTION" },
    ]);
  });

  it("keeps the UID in an update and carries its SEQUENCE", () => {
    const first = parseIcs(invitationCalendar(cotech, { publicUrl, now, organizer, attendees, method: "REQUEST" })).events[0]!;
    const update = parseIcs(invitationCalendar({ ...cotech, sequence: 1, place: "Dammarie-lès-Lys" }, { publicUrl, now, organizer, attendees, method: "REQUEST" })).events[0]!;
    expect(update.uid).toBe(first.uid);
    expect(update.sequence).toBe(1);
    expect(update.location).toBe("Dammarie-lès-Lys");
  });

  it("cancels with METHOD:CANCEL and STATUS:CANCELLED, same UID", () => {
    const cal = parseIcs(invitationCalendar({ ...cotech, sequence: 2 }, { publicUrl, now, organizer, attendees, method: "CANCEL" }));
    expect(cal.method).toBe("CANCEL");
    expect(cal.events[0]).toMatchObject({ uid: meetingUid(cotech.id), sequence: 2, status: "CANCELLED" });
    expect(cal.events[0]!.description.startsWith("Cette réunion est annulée.")).toBe(true);
    expect(cal.events[0]!.attendees.map((a) => a.email)).toEqual(attendees.map((a) => a.email));
  });

  it("takes the video link as location when there is no place, and says when the agenda is to come", () => {
    const e = parseIcs(invitationCalendar({ ...cotech, place: " ", agenda: [] }, { publicUrl, now, organizer: null, attendees: [], method: "REQUEST" })).events[0]!;
    expect(e.location).toBe("https://visio.exemple.fr/cotech");
    expect(e.organizer).toBeNull();
    expect(e.description.startsWith("Ordre du jour à venir.")).toBe(true);
  });
});

describe("the published calendar", () => {
  it("is a METHOD:PUBLISH feed named after the contract, one event per meeting, cancelled ones marked, nobody's address in it", () => {
    const second = { ...cotech, id: "0b9c1f4e-1111-4000-8000-000000000003", title: "Groupe de travail habitants", bodyName: "Atelier d'habitants", sequence: 3, cancelled: true };
    const cal = parseIcs(publishedCalendar([cotech, second], { publicUrl, now, name: "CLS Melun Val de Seine", url: `${publicUrl}/contrats/x/calendrier` }));
    expect(cal).toMatchObject({ method: "PUBLISH", name: "CLS Melun Val de Seine" });
    expect(cal.events.map((e) => [e.uid, e.sequence, e.status, e.summary])).toEqual([
      [meetingUid(cotech.id), 0, "CONFIRMED", "COTECH du 14 septembre 2021"],
      [meetingUid(second.id), 3, "CANCELLED", "Atelier d'habitants – Groupe de travail habitants"],
    ]);
    expect(cal.events.every((e) => e.attendees.length === 0 && e.organizer === null)).toBe(true);
  });

  it("is valid with no meeting at all", () => {
    const cal = parseIcs(publishedCalendar([], { publicUrl, now, name: "CLS vide" }));
    expect(cal.events).toEqual([]);
    expect(cal.method).toBe("PUBLISH");
  });
});

describe("text helpers", () => {
  it("name the body unless the title already does", () => {
    expect(meetingSummary({ title: "COPIL de décembre", bodyName: "COPIL" })).toBe("COPIL de décembre");
    expect(meetingSummary({ title: "Point d'étape", bodyName: "Groupe de travail FA 5" })).toBe("Groupe de travail FA 5 – Point d'étape");
  });

  it("write durations and agenda lines in French", () => {
    expect([durationLabel(45), durationLabel(60), durationLabel(90), durationLabel(125)]).toEqual(["45 min", "1 h", "1 h 30", "2 h 05"]);
    expect(agendaLines([{ title: "Accueil", durationMinutes: 15, presenter: " " }])).toEqual(["1. Accueil (15 min)"]);
    // A duration is optional: without it, the presenter alone, or the title alone.
    expect(agendaLines([{ title: "Accueil", durationMinutes: null, presenter: "La présidente" }, { title: "Questions diverses", durationMinutes: null, presenter: "" }])).toEqual(["1. Accueil (La présidente)", "2. Questions diverses"]);
  });
});
