import { describe, expect, it } from "vitest";
import { frenchSchedule, minutesBetween, parisIso, parisParts } from "./parisTime";

describe("Paris time of meetings", () => {
  it("writes the offset of the day: summer, winter, and around the changes", () => {
    expect(parisIso("2021-09-14", "14:00")).toBe("2021-09-14T14:00:00+02:00");
    expect(parisIso("2021-12-07", "09:30")).toBe("2021-12-07T09:30:00+01:00");
    expect(parisIso("2021-03-28", "01:30")).toBe("2021-03-28T01:30:00+01:00");
    expect(parisIso("2021-03-28", "03:30")).toBe("2021-03-28T03:30:00+02:00");
    expect(parisIso("2021-10-31", "04:00")).toBe("2021-10-31T04:00:00+01:00");
    expect(parisIso("", "14:00")).toBeNull();
    expect(parisIso("2021-09-14", "")).toBeNull();
  });

  it("reads back the Paris day and time of an instant", () => {
    expect(parisParts("2021-09-14T12:00:00.000Z")).toEqual({ date: "2021-09-14", time: "14:00" });
    expect(parisParts("2021-12-06T23:30:00Z")).toEqual({ date: "2021-12-07", time: "00:30" });
    expect(parisParts(parisIso("2022-01-10", "18:15")!)).toEqual({ date: "2022-01-10", time: "18:15" });
  });

  it("says the schedule in French", () => {
    expect(frenchSchedule("2021-09-14T12:00:00Z", "2021-09-14T14:30:00Z")).toBe("mardi 14 septembre 2021, de 14 h 00 à 16 h 30");
    expect(minutesBetween("14:00", "16:30")).toBe(150);
    expect(minutesBetween("14:00", "")).toBeNull();
  });
});
