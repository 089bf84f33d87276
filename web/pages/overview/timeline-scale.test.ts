import { describe, expect, it } from "vitest";
import { markerLines, monthsOf, periodText, placeOf, scaleOf } from "./timeline-scale";

describe("timeline scale", () => {
  const period = monthsOf("2021-01-01", "2023-12-31");

  it("counts the months of the contract, both ends included", () => {
    expect(period).toEqual({ first: "2021-01", last: "2023-12", count: 36 });
  });

  it("places months and days in % of the period, and nothing outside it", () => {
    expect(placeOf(period, "2021-01")).toBe(0);
    expect(placeOf(period, "2023-12", true)).toBe(100);
    expect(placeOf(period, "2022-01")).toBeCloseTo(33.333, 2);
    expect(placeOf(period, "2021-12-31")).toBeCloseTo(((11 + 30.5 / 31) / 36) * 100, 2);
    expect(placeOf(period, "2020-12-31")).toBeNull();
    expect(placeOf(period, "2024-01-01")).toBeNull();
  });

  it("cuts the years and quarters of the headers to a period starting mid-year", () => {
    const { years, quarters } = scaleOf(monthsOf("2020-07-01", "2022-06-30"));
    expect(years.map((y) => [y.year, y.width])).toEqual([
      [2020, 25],
      [2021, 50],
      [2022, 25],
    ]);
    expect(quarters.map((q) => q.key)).toEqual(["2020-T3", "2020-T4", "2021-T1", "2021-T2", "2021-T3", "2021-T4", "2022-T1", "2022-T2"]);
  });

  it("says a period in words, even when a date is missing", () => {
    expect(periodText("2021-01", "2023-12")).toBe("Du 01/2021 au 12/2023");
    expect(periodText(null, null)).toBe("Dates de début et de fin non renseignées");
    expect(periodText("2021-03", null)).toBe("À partir du 03/2021, fin non renseignée");
  });
});

describe("markerLines", () => {
  it("keeps markers far enough apart on the first line, and moves nearer ones to the next free line", () => {
    expect(markerLines([])).toEqual([]);
    expect(markerLines([10, 50, 90])).toEqual([0, 0, 0]);
    // Same day twice, then a third close by: three lines; a fourth far away goes back to the first.
    expect(markerLines([40, 40, 43, 80])).toEqual([0, 1, 2, 0]);
    // The order given does not matter to who is where: the leftmost stays on the first line.
    expect(markerLines([45, 42, 70])).toEqual([1, 0, 0]);
    expect(markerLines([0, 6, 11.9], 6)).toEqual([0, 0, 1]);
  });
});
