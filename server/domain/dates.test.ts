import { afterEach, describe, expect, it, vi } from "vitest";
import { isoDate, isoDateTime, version } from "../validation/fields.js";
import { addDays, addMonths, frenchNumber, isPlural, longDay, longMonth, monthName, monthSpan, parisDateTime, parisDay, parisFullDay, parisMonth, parisTime, plural, pluralWord, shortDay, shortDayOrNull } from "./dates.js";
import { followUpAlert, rhythmAlert } from "../features/governance/rhythm.js";

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

describe("Paris days and times", () => {
  it("take the Paris day around midnight UTC, in winter (UTC+1) and in summer (UTC+2)", () => {
    expect(parisDay(new Date("2021-01-14T22:59:59Z"))).toBe("2021-01-14");
    expect(parisDay(new Date("2021-01-14T23:00:00Z"))).toBe("2021-01-15");
    expect(parisDay(new Date("2021-07-14T21:59:59Z"))).toBe("2021-07-14");
    expect(parisDay(new Date("2021-07-14T22:00:00Z"))).toBe("2021-07-15");
    expect(parisDay(new Date("2021-12-31T23:30:00Z"))).toBe("2022-01-01");
    expect(parisMonth(new Date("2021-09-30T22:30:00Z"))).toBe("2021-10");
  });

  it("give, from their cache by UTC hour, the day a formatter gives, minute by minute across both DST changes and midnights", () => {
    const reference = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
    for (const [from, to] of [
      ["2021-03-27T20:00:00Z", "2021-03-28T04:00:00Z"],
      ["2021-10-30T20:00:00Z", "2021-10-31T04:00:00Z"],
    ]) {
      // Forwards then backwards, so that both the first and the last minute of each hour fill the cache.
      const minutes: number[] = [];
      for (let t = Date.parse(from!); t <= Date.parse(to!); t += 60_000) minutes.push(t);
      for (const t of [...minutes, ...minutes.reverse()]) expect(parisDay(new Date(t)), new Date(t).toISOString()).toBe(reference.format(new Date(t)));
    }
    expect(() => parisDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("follow the clock changes: 2021-03-28 02:00 → 03:00 and 2021-10-31 03:00 → 02:00 (Paris)", () => {
    // Spring forward: 00:59 UTC is 01:59 in winter time, 01:00 UTC is 03:00 in summer time.
    expect(parisTime(new Date("2021-03-28T00:59:00Z"))).toBe("01h59");
    expect(parisTime(new Date("2021-03-28T01:00:00Z"))).toBe("03h00");
    expect(parisDay(new Date("2021-03-27T23:00:00Z"))).toBe("2021-03-28");
    expect(parisDay(new Date("2021-03-28T21:59:00Z"))).toBe("2021-03-28");
    expect(parisDay(new Date("2021-03-28T22:00:00Z"))).toBe("2021-03-29");
    // Fall back: 00:30 UTC is 02:30 in summer time, 01:30 UTC is 02:30 again in winter time.
    expect(parisTime(new Date("2021-10-31T00:30:00Z"))).toBe("02h30");
    expect(parisTime(new Date("2021-10-31T01:30:00Z"))).toBe("02h30");
    expect(parisDay(new Date("2021-10-30T21:59:00Z"))).toBe("2021-10-30");
    expect(parisDay(new Date("2021-10-30T22:00:00Z"))).toBe("2021-10-31");
    expect(parisDay(new Date("2021-10-31T22:59:00Z"))).toBe("2021-10-31");
    expect(parisDay(new Date("2021-10-31T23:00:00Z"))).toBe("2021-11-01");
  });

  it("write times on 24 hours with two digits, midnight as 00h00", () => {
    expect(parisTime(new Date("2021-09-14T08:00:00Z"))).toBe("10h00");
    expect(parisTime(new Date("2021-09-13T22:05:00Z"))).toBe("00h05");
    expect(parisTime(new Date("2021-12-07T17:05:00Z"))).toBe("18h05");
    expect(parisDateTime(new Date("2021-09-14T08:12:00Z"))).toBe("14/09/2021 à 10:12");
    expect(parisDateTime(new Date("2021-12-31T23:05:00Z"))).toBe("01/01/2022 à 00:05");
    expect(parisFullDay(new Date("2021-09-14T08:00:00Z"))).toBe("mardi 14 septembre 2021");
    expect(parisFullDay(new Date("2021-09-13T22:30:00Z"))).toBe("mardi 14 septembre 2021");
  });

  it("write days short and long", () => {
    expect(shortDay("2021-09-14")).toBe("14/09/2021");
    expect(shortDay("2021-09-14T10:00:00+02:00")).toBe("14/09/2021");
    expect(shortDayOrNull("2021-01-01")).toBe("01/01/2021");
    expect(shortDayOrNull(null)).toBeNull();
    expect(longDay("2021-09-14")).toBe("14 septembre 2021");
    expect(longDay("2021-06-01")).toBe("1er juin 2021");
    expect(longDay("2022-02-02")).toBe("2 février 2022");
  });
});

describe("numbers and plurals", () => {
  it("write numbers as toLocaleString('fr-FR') does", () => {
    for (const n of [0, 1, 12.5, 1234.5, -3, 1_000_000]) expect(frenchNumber(n)).toBe(n.toLocaleString("fr-FR"));
    expect(frenchNumber(1234.5)).toBe("1\u202f234,5");
  });

  it("put the singular for 0 and 1 and the plural from 2", () => {
    expect(plural(0, "fiche")).toBe("0 fiche");
    expect(plural(1, "fiche")).toBe("1 fiche");
    expect(plural(2, "fiche")).toBe("2 fiches");
    expect(plural(1.5, "heure")).toBe("1,5 heure");
    expect(plural(1500, "participant", "participants")).toBe("1\u202f500 participants");
    expect(plural(2, "fiche mise à jour", "fiches mises à jour")).toBe("2 fiches mises à jour");
    expect(plural(1_000_000, "mesure")).toBe("1\u202f000\u202f000 mesures");
    expect(pluralWord(1, "la", "les")).toBe("la");
    expect(pluralWord(3, "la", "les")).toBe("les");
    expect([0, 1, 2].map(isPlural)).toEqual([false, false, true]);
  });
});

describe("reused formatters", () => {
  afterEach(() => vi.restoreAllMocks());

  it("build no Intl formatter per call once the module is loaded", () => {
    // Pass-through spies: a helper that built a formatter would still work, and be counted.
    const { DateTimeFormat, NumberFormat, PluralRules } = Intl;
    const dateTime = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function (...args: ConstructorParameters<typeof DateTimeFormat>) {
      return new DateTimeFormat(...args);
    } as typeof DateTimeFormat);
    const numbers = vi.spyOn(Intl, "NumberFormat").mockImplementation(function (...args: ConstructorParameters<typeof NumberFormat>) {
      return new NumberFormat(...args);
    } as typeof NumberFormat);
    const plurals = vi.spyOn(Intl, "PluralRules").mockImplementation(function (...args: ConstructorParameters<typeof PluralRules>) {
      return new PluralRules(...args);
    } as typeof PluralRules);
    const at = new Date("2021-09-14T08:12:00Z");
    for (let i = 0; i < 1000; i++) {
      const instant = new Date(at.getTime() + i * 3_600_000);
      parisDay(instant);
      parisTime(instant);
      parisMonth(instant);
      parisDateTime(instant);
      parisFullDay(instant);
      frenchNumber(i);
      plural(i, "fiche");
    }
    expect(dateTime).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
    expect(plurals).not.toHaveBeenCalled();
  });
});

describe("addMonths", () => {
  it("adds calendar months, keeping the day or taking the month's last one, as PostgreSQL does", () => {
    expect(addMonths("2021-11-18", 12)).toBe("2022-11-18");
    expect(addMonths("2021-01-31", 1)).toBe("2021-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2100-01-31", 1)).toBe("2100-02-28");
    expect(addMonths("2000-01-31", 1)).toBe("2000-02-29");
    expect(addMonths("2021-12-15", 1)).toBe("2022-01-15");
    expect(addMonths("2021-03-31", -1)).toBe("2021-02-28");
    expect(addMonths("2021-08-31", 3)).toBe("2021-11-30");
  });
});

describe("months in words", () => {
  it("names a month and a period of months, eliding « de » before a vowel", () => {
    expect(longMonth("2019-10")).toBe("octobre 2019");
    expect(monthName("2021-08-24")).toBe("août");
    expect(monthName("2019-10")).toBe("octobre");
    expect(monthSpan("2019-10", "2022-12")).toBe("d'octobre 2019 à décembre 2022");
    expect(monthSpan("2021-03", "2021-08")).toBe("de mars 2021 à août 2021");
    expect(monthSpan("2021-08", null)).toBe("à partir d'août 2021");
    expect(monthSpan("2021-06", null)).toBe("à partir de juin 2021");
    expect(monthSpan(null, "2022-06")).toBe("jusqu'en juin 2022");
    expect(monthSpan(null, null)).toBeNull();
  });
});
