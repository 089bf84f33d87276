import { describe, expect, it } from "vitest";
import { isoDate, isoDateTime, version } from "../validation/fields.js";
import { addDays, longDay } from "./dates.js";
import { followUpAlert, rhythmAlert } from "./governance/rhythm.js";

describe("addDays", () => {
  it("moves across months, years and leap days", () => {
    expect(addDays("2021-09-14", 7)).toBe("2021-09-21");
    expect(addDays("2021-12-28", 7)).toBe("2022-01-04");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2021-01-01", -1)).toBe("2020-12-31");
    expect(addDays("1900-01-01", 0)).toBe("1900-01-01");
  });

  it("stays a day at and past the bounds of the date fields (the old one threw « Invalid time value »)", () => {
    expect(addDays("2100-12-31", 1)).toBe("2101-01-01");
    expect(addDays("9999-12-31", 7)).toBe("10000-01-07");
    expect(() => addDays("pas une date", 1)).toThrow(RangeError);
  });
});

describe("date rules at the bounds", () => {
  it("judge a meeting held on the last day of 2100 or a Paris day of year 10000 without throwing", () => {
    expect(followUpAlert({ title: "COPIL", endedOn: "2101-01-01", hasAttendance: false, hasMinutes: false }, "2101-02-01")).toContain("COPIL");
    expect(() => followUpAlert({ title: "COPIL", endedOn: "10000-01-01", hasAttendance: false, hasMinutes: false }, "2026-12-02")).not.toThrow();
    expect(rhythmAlert({ name: "COPIL", rhythm: { kind: "per_year", count: 1 }, heldOn: ["1900-01-02"], since: "1900-01-01" }, "2100-12-31")).toBe(
      "Aucun COPIL depuis 2411 mois : le contrat en prévoit un par an.",
    );
    expect(longDay("2100-12-31")).toBe("31 décembre 2100");
  });
});

describe("shared date and number fields", () => {
  it("accept 1900 to 2100 and refuse the rest with a French message", () => {
    expect(isoDate.safeParse("1900-01-01").success).toBe(true);
    expect(isoDate.safeParse("2100-12-31").success).toBe(true);
    for (const bad of ["1899-12-31", "2101-01-01", "0000-01-01", "9999-12-31"]) {
      const result = isoDate.safeParse(bad);
      expect(result.error?.issues[0]?.message, bad).toBe("Indiquez une date entre 1900 et 2100.");
    }
    expect(isoDateTime.safeParse("2021-09-14T14:00:00+02:00").success).toBe(true);
    expect(isoDateTime.safeParse("9999-12-31T23:59:59Z").error?.issues[0]?.message).toBe("Indiquez une date entre 1900 et 2100.");
    expect(isoDateTime.safeParse("2021-09-14").success).toBe(false);
  });

  it("bound versions to a PostgreSQL integer", () => {
    expect(version.safeParse(2 ** 31 - 1).success).toBe(true);
    expect(version.safeParse(2 ** 31).success).toBe(false);
    expect(version.safeParse(0).success).toBe(false);
  });
});
