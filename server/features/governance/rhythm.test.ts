import { describe, expect, it } from "vitest";
import { agendaError, alertsFrom, describeRhythm, followUpAlert, formatDuration, monthsBetween, rhythmAlert, type GovernanceFacts } from "./rhythm.js";

describe("months between two days", () => {
  it("counts whole months", () => {
    expect(monthsBetween("2021-01-15", "2021-09-14")).toBe(7);
    expect(monthsBetween("2021-01-15", "2021-09-15")).toBe(8);
    expect(monthsBetween("2020-12-31", "2021-01-01")).toBe(0);
    expect(monthsBetween("2021-09-14", "2021-01-01")).toBe(0);
  });
});

describe("rhythm alerts", () => {
  const copil = { name: "COPIL", rhythm: { kind: "per_year", count: 2 } as const, since: "2021-01-01" };

  it("says when a COPIL is behind « 2 par an », counting from the last one", () => {
    expect(rhythmAlert({ ...copil, heldOn: ["2021-01-20"] }, "2021-07-19")).toBeNull();
    expect(rhythmAlert({ ...copil, heldOn: ["2021-01-20"] }, "2021-09-20")).toBe("Aucun COPIL depuis 8 mois : le contrat en prévoit 2 par an.");
  });

  it("counts from the contract's start when the body never met, and ignores meetings still to come", () => {
    expect(rhythmAlert({ ...copil, heldOn: ["2021-12-07"] }, "2021-09-20")).toBe("Aucun COPIL depuis le début du contrat (8 mois) : le contrat en prévoit 2 par an.");
  });

  it("knows rhythms in months, and bodies without a rhythm", () => {
    const cotech = { name: "COTECH", rhythm: { kind: "every_months", months: 4 } as const, since: "2021-01-01", heldOn: ["2021-09-14"] };
    expect(rhythmAlert(cotech, "2022-01-13")).toBeNull();
    expect(rhythmAlert(cotech, "2022-02-15")).toBe("Aucun COTECH depuis 5 mois : le contrat en prévoit un tous les 4 mois.");
    expect(rhythmAlert({ ...cotech, rhythm: null }, "2030-01-01")).toBeNull();
    expect(describeRhythm({ kind: "per_year", count: 1 })).toBe("un par an");
    expect(describeRhythm({ kind: "every_months", months: 1 })).toBe("un par mois");
  });
});

describe("meeting follow-up", () => {
  const cotech = { title: "COTECH du 14/09/2021", endedOn: "2021-09-14", hasAttendance: false, hasMinutes: false };

  it("waits 7 days, then names what is missing", () => {
    expect(followUpAlert(cotech, "2021-09-21")).toBeNull();
    expect(followUpAlert(cotech, "2021-09-22")).toBe(
      "La réunion « COTECH du 14/09/2021 » est passée depuis plus de 7 jours et n'a toujours pas de feuille de présence ni de compte rendu.",
    );
    expect(followUpAlert({ ...cotech, hasAttendance: true }, "2021-10-01")).toContain("n'a toujours pas de compte rendu.");
    expect(followUpAlert({ ...cotech, hasAttendance: true, hasMinutes: true }, "2022-01-01")).toBeNull();
  });
});

describe("agenda", () => {
  it("refuses items longer than the meeting, in French durations", () => {
    expect(agendaError(120, [30, 45, 45])).toBeNull();
    expect(agendaError(120, [60, 45, 30])).toBe("L'ordre du jour dure 2 h 15, plus que la réunion (2 h) : raccourcissez des points ou allongez la réunion.");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(65)).toBe("1 h 05");
  });
});

describe("a contract's governance alerts", () => {
  const at = (iso: string) => new Date(iso);
  const meeting = (id: string, endsAt: string, more: Partial<GovernanceFacts["meetings"][number]> = {}) => ({
    id,
    bodyId: "copil",
    title: `COPIL ${id}`,
    startsAt: at(endsAt),
    endsAt: at(endsAt),
    createdAt: at(endsAt),
    headCount: null,
    hasMinutes: false,
    attended: false,
    cancelledAt: null,
    ...more,
  });
  const facts = (meetings: GovernanceFacts["meetings"]): GovernanceFacts => ({
    contract: { startDate: "2021-01-01", endDate: "2023-12-31" },
    bodies: [{ id: "copil", name: "COPIL", rhythm: { kind: "per_year", count: 2 } }],
    meetings,
  });

  it("says a body is behind its rhythm, not counting a cancelled meeting, then each meeting held without attendance or minutes, oldest first", () => {
    const alerts = alertsFrom(
      facts([
        meeting("b", "2021-03-10T15:00:00Z", { attended: true }),
        meeting("a", "2021-02-10T15:00:00Z", { headCount: 12, hasMinutes: true }),
        meeting("c", "2021-08-10T15:00:00Z", { cancelledAt: at("2021-08-01T10:00:00Z") }),
      ]),
      at("2021-12-01T10:00:00Z"),
    );
    expect(alerts).toEqual([
      { kind: "rhythm", bodyId: "copil", meetingId: null, message: "Aucun COPIL depuis 8 mois : le contrat en prévoit 2 par an." },
      { kind: "follow-up", bodyId: "copil", meetingId: "b", message: "La réunion « COPIL b » est passée depuis plus de 7 jours et n'a toujours pas de compte rendu." },
    ]);
  });

  it("judges the rhythm up to the contract's end, not beyond", () => {
    const ended = { ...facts([meeting("a", "2023-10-01T15:00:00Z", { attended: true, hasMinutes: true })]), contract: { startDate: "2021-01-01", endDate: "2023-12-31" } };
    expect(alertsFrom(ended, at("2025-06-01T10:00:00Z"))).toEqual([]);
  });
});
