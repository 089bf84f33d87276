/** Dates known to the day or only to their month (issue 18): one way to write them, and the rule of a month's 1st. */
import { describe, expect, it } from "vitest";
import { milestoneBody, progressBody, progressUpdateBody } from "../features/followup/schema.js";
import { scheduleLabel } from "../features/followup/rules.js";
import { fitsPrecision, formatDoneOn, knownDate, monthYear, ofKnownDate, onKnownDate } from "./dates.js";

describe("a date known to the day or to the month", () => {
  it("writes a month by its month, never by the day that stores it", () => {
    expect(monthYear("2021-07-01")).toBe("juillet 2021");
    expect(monthYear("2021-08-24")).toBe("août 2021");
    expect(formatDoneOn("2021-07-01", "month")).toBe("réalisé en juillet 2021");
    expect(formatDoneOn("2021-08-01", "month")).toBe("réalisé en août 2021");
    expect(formatDoneOn("2021-07-15", "day")).toBe("réalisé le 15/07/2021");
    expect(formatDoneOn("2021-07-15")).toBe("réalisé le 15/07/2021");
    expect(onKnownDate("2021-08-01", "month")).toBe("en août 2021");
    expect(onKnownDate("2021-06-30", "day", "long")).toBe("le 30 juin 2021");
    expect(knownDate("2021-06-01", "month")).toBe("juin 2021");
    expect(knownDate("2021-06-01", "day")).toBe("01/06/2021");
    expect(knownDate("2021-06-01", "day", "long")).toBe("1er juin 2021");
  });

  it("says « d' » before a vowel after a noun: « Avancement d'août 2021 », « de juin 2021 », « du 14/09/2021 »", () => {
    expect(ofKnownDate("2021-08-01", "month")).toBe("d'août 2021");
    expect(ofKnownDate("2021-10-01", "month")).toBe("d'octobre 2021");
    expect(ofKnownDate("2021-06-01", "month")).toBe("de juin 2021");
    expect(ofKnownDate("2021-09-14", "day")).toBe("du 14/09/2021");
    expect(ofKnownDate("2021-09-14", "day", "long")).toBe("du 14 septembre 2021");
  });

  it("says a milestone done in a month in its schedule", () => {
    expect(scheduleLabel({ originallyBy: "2021-06-30", plannedBy: "2021-06-30", doneOn: "2021-06-01", doneOnPrecision: "month" })).toBe("prévu T2 2021, réalisé en juin 2021");
    expect(scheduleLabel({ originallyBy: "2021-03-31", plannedBy: "2021-06-30", doneOn: "2021-06-22" })).toBe("prévu T1 2021, reporté T2 2021, réalisé le 22/06/2021");
  });

  it("takes a month-only date as its month's 1st only", () => {
    expect(fitsPrecision("2021-08-01", "month")).toBe(true);
    expect(fitsPrecision("2021-08-24", "month")).toBe(false);
    expect(fitsPrecision("2021-08-24", "day")).toBe(true);
    expect(fitsPrecision("2021-08-01", "day")).toBe(true);
  });
});

describe("the follow-up's input schemas", () => {
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues.map((i) => ({ path: i.path.join("."), message: i.message })) ?? [];

  it("take the precision, « day » by default", () => {
    expect(progressBody.parse({ happenedOn: "2021-08-01", text: "Rencontre" })).toMatchObject({ happenedOnPrecision: "day" });
    expect(progressBody.parse({ happenedOn: "2021-08-01", happenedOnPrecision: "month", text: "Rencontre" })).toMatchObject({ happenedOn: "2021-08-01", happenedOnPrecision: "month" });
    expect(milestoneBody.parse({ title: "GT", plannedBy: "2021-06-30", doneOn: "2021-06-01", doneOnPrecision: "month" })).toMatchObject({ doneOnPrecision: "month" });
    expect(milestoneBody.parse({ title: "GT", plannedBy: "2021-06-30" })).toMatchObject({ doneOn: null, doneOnPrecision: "day" });
  });

  it("refuse a month that is not given by its 1st, and an unknown precision, in French on the field", () => {
    expect(issues(progressBody.safeParse({ happenedOn: "2021-08-24", happenedOnPrecision: "month", text: "Rencontre" }))).toEqual([
      { path: "happenedOn", message: "Une date connue au mois seulement s'indique par le 1er du mois (AAAA-MM-01)." },
    ]);
    expect(issues(progressUpdateBody.safeParse({ happenedOn: "2021-08-24", happenedOnPrecision: "month", text: "Rencontre", version: 1 }))[0]?.path).toBe("happenedOn");
    expect(issues(milestoneBody.safeParse({ title: "GT", plannedBy: "2021-06-30", doneOn: "2021-06-22", doneOnPrecision: "month" }))).toEqual([
      { path: "doneOn", message: "Une date connue au mois seulement s'indique par le 1er du mois (AAAA-MM-01)." },
    ]);
    expect(issues(progressBody.safeParse({ happenedOn: "2021-08-01", happenedOnPrecision: "week", text: "Rencontre" }))).toEqual([
      { path: "happenedOnPrecision", message: "Choisissez « jour précis » ou « mois seulement »." },
    ]);
    // A month given as "AAAA-MM" is not a date: the day's own message.
    expect(issues(progressBody.safeParse({ happenedOn: "2021-08", happenedOnPrecision: "month", text: "Rencontre" }))[0]?.path).toBe("happenedOn");
  });
});
