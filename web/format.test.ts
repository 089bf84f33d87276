import { afterEach, describe, expect, it, vi } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  frenchDay,
  frenchMonth,
  frenchSchedule,
  frenchTime,
  shortContractName,
  longDateTime,
  meetingDay,
  parisParts,
  plural,
  pluralWord,
  shortDate,
  shortDateTime,
  shortMonth,
  todayInParis,
} from "./format";

describe("web dates", () => {
  it("write days and months short", () => {
    expect(shortDate("2021-09-14")).toBe("14/09/2021");
    expect(shortDate("2021-09-14T10:00:00+02:00")).toBe("14/09/2021");
    expect(shortMonth("2021-09")).toBe("09/2021");
    expect(shortMonth("2021-09-14")).toBe("09/2021");
    expect(formatMonth("2021-09")).toBe("septembre 2021");
    expect(frenchMonth("2021-09")).toBe("septembre 2021");
  });

  it("read instants in Paris time, around midnight UTC and the clock changes", () => {
    expect(todayInParis(new Date("2021-01-14T23:00:00Z"))).toBe("2021-01-15");
    expect(todayInParis(new Date("2021-07-14T21:59:00Z"))).toBe("2021-07-14");
    expect(todayInParis(new Date("2021-07-14T22:00:00Z"))).toBe("2021-07-15");
    expect(parisParts("2021-03-28T01:00:00Z")).toEqual({ date: "2021-03-28", time: "03:00" });
    expect(parisParts("2021-10-31T01:30:00Z")).toEqual({ date: "2021-10-31", time: "02:30" });
    expect(meetingDay("2021-09-13T22:30:00Z")).toBe("14/09/2021");
    expect(shortDateTime("2026-11-23T05:11:00Z")).toBe("23/11/2026 06:11");
    expect(frenchTime("2021-09-13T22:05:00Z")).toBe("00 h 05");
  });

  it("write instants in words", () => {
    expect(formatDay("2021-12-03T09:32:00Z")).toBe("3 décembre 2021");
    expect(formatDate("2022-01-01")).toBe("1er janvier 2022");
    expect(formatDate("2021-11-18")).toBe("18 novembre 2021");
    expect(formatDate("2021-10-10")).toBe("10 octobre 2021");
    expect(formatDateTime("2021-09-14T08:32:00Z")).toBe("14 septembre 2021 à 10:32");
    expect(longDateTime("2021-12-07T13:00:00Z")).toBe("mardi 7 décembre 2021 à 14:00");
    expect(frenchDay("2021-09-13T22:30:00Z")).toBe("mardi 14 septembre 2021");
    expect(frenchSchedule("2021-09-14T12:00:00Z", "2021-09-15T08:00:00Z")).toBe("du mardi 14 septembre 2021 à 14 h 00 au mercredi 15 septembre 2021 à 10 h 00");
  });
});

describe("web plurals", () => {
  it("put the singular for 0 and 1", () => {
    expect(plural(0, "fiche")).toBe("0 fiche");
    expect(plural(1, "fiche")).toBe("1 fiche");
    expect(plural(2, "fiche")).toBe("2 fiches");
    expect(plural(2, "membre a", "membres ont")).toBe("2 membres ont");
    expect(plural(1200, "fiche")).toBe("1\u202f200 fiches");
    expect(pluralWord(1, "prévenu")).toBe("prévenu");
    expect(pluralWord(3, "prévenu")).toBe("prévenus");
  });
});

describe("web formatters are reused", () => {
  afterEach(() => vi.restoreAllMocks());

  it("build no Intl formatter per call", () => {
    const { DateTimeFormat, NumberFormat } = Intl;
    const dates = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function (...args: ConstructorParameters<typeof DateTimeFormat>) {
      return new DateTimeFormat(...args);
    } as typeof DateTimeFormat);
    const numbers = vi.spyOn(Intl, "NumberFormat").mockImplementation(function (...args: ConstructorParameters<typeof NumberFormat>) {
      return new NumberFormat(...args);
    } as typeof NumberFormat);
    for (let i = 0; i < 1000; i++) {
      const iso = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString();
      todayInParis(new Date(iso));
      meetingDay(iso);
      formatDateTime(iso);
      frenchSchedule(iso, iso);
      plural(i, "fiche");
    }
    expect(dates).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
  });
});

describe("shortContractName", () => {
  it("abbreviates the local authority's kind, keeps any other authority, and falls back on the name", () => {
    expect(shortContractName({ name: "CLS", localAuthority: "Communauté d'agglomération Melun Val de Seine" })).toBe("CA Melun Val de Seine");
    expect(shortContractName({ name: "CLS", localAuthority: "Communauté d'agglomération Paris-Vallée de la Marne" })).toBe("CA Paris-Vallée de la Marne");
    expect(shortContractName({ name: "CLS", localAuthority: "Communauté de communes du Pays de Fontainebleau" })).toBe("CC Pays de Fontainebleau");
    expect(shortContractName({ name: "CLS", localAuthority: "Ville de Meaux" })).toBe("Ville de Meaux");
    expect(shortContractName({ name: "Contrat local de santé de la Ville de Montreuil", localAuthority: "" })).toBe("Ville de Montreuil");
    expect(shortContractName({ name: "Contrat local de santé", localAuthority: null })).toBe("Contrat local de santé");
  });
});
