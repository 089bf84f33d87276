import { describe, expect, it } from "vitest";
import { inDateOrder, keyDateShown, keyDateWhen, parseKeyDate } from "./key-dates.js";

describe("a contract's key dates", () => {
  it("show a month as a month and a day as a day", () => {
    expect(keyDateShown("2020-11")).toBe("11/2020");
    expect(keyDateShown("2021-06-15")).toBe("15/06/2021");
  });

  it("stand against a reference day: a month is past once the reference has reached it", () => {
    expect(keyDateWhen("2021-09", "2021-09-14")).toBe("past");
    expect(keyDateWhen("2021-10", "2021-09-14")).toBe("next");
    expect(keyDateWhen("2021-09-14", "2021-09-14")).toBe("today");
    expect(keyDateWhen("2021-09-15", "2021-09-14")).toBe("next");
    expect(keyDateWhen("2021-09-13", "2021-09-14")).toBe("past");
  });

  it("come in date order, a month before the days of that month", () => {
    const dates = [
      { on: "2021-06-15", label: "Signature de l'ARS" },
      { on: "2021-06", label: "Signature par les partenaires" },
      { on: "2020-11", label: "Comité de pilotage" },
    ];
    expect(inDateOrder(dates).map((d) => d.on)).toEqual(["2020-11", "2021-06", "2021-06-15"]);
    expect(dates[0]!.on).toBe("2021-06-15");
  });

  it("read what people type, a day or a month, and nothing else", () => {
    expect(parseKeyDate(" 7/12/2021 ")).toBe("2021-12-07");
    expect(parseKeyDate("11/2020")).toBe("2020-11");
    expect(parseKeyDate("2021-06")).toBe("2021-06");
    expect(parseKeyDate("juin 2021")).toBeNull();
    expect(parseKeyDate("début 2022")).toBeNull();
    expect(keyDateShown(parseKeyDate("06/2021")!)).toBe("06/2021");
  });
});
