import { describe, expect, it } from "vitest";
import { indicatorChartOption, NO_MEASUREMENT } from "./chart-options.js";
import { renderIndicatorSvg } from "./charts.js";

const participants = { label: "Participants aux ateliers", unit: "personnes", baseline: 5, target: 20 };
const measured = [
  { measuredOn: "2021-06-22", value: 11 },
  { measuredOn: "2021-03-18", value: 1800.5 },
];

describe("indicator chart option", () => {
  it("draws the measurements oldest first with French days, baseline and target as dashed lines", () => {
    const option = indicatorChartOption(participants, measured);
    expect(option.xAxis.data).toEqual(["18/03/2021", "22/06/2021"]);
    expect(option.series.map((s) => s.name)).toEqual(["Mesures", "Valeur de départ : 5 personnes", "Cible : 20 personnes"]);
    expect(option.series[0]!.data).toEqual([1800.5, 11]);
    expect(option.series.slice(1).map((s) => (s.lineStyle as { type?: string }).type)).toEqual(["dashed", "dashed"]);
    expect(option.title).toBeUndefined();
  });

  it("takes the measurements from the indicator when not given apart, and leaves out a missing baseline", () => {
    const option = indicatorChartOption({ ...participants, baseline: null, measurements: measured });
    expect(option.series.map((s) => s.name)).toEqual(["Mesures", "Cible : 20 personnes"]);
  });

  it("keeps the target in view and says when nothing was measured", () => {
    const option = indicatorChartOption({ ...participants, measurements: [] });
    expect(option.title?.text).toBe(NO_MEASUREMENT);
    expect(option.yAxis.max({ max: -Infinity })).toBe(20);
    expect(option.yAxis.min({ min: Infinity })).toBe(0);
    expect(indicatorChartOption({ label: "Taux", unit: "%", baseline: null, target: null }).yAxis.max({ max: -Infinity })).toBe(1);
  });

  it("gives counts whole ticks, and leaves other values free", () => {
    expect(indicatorChartOption({ ...participants, measurements: [{ measuredOn: "2021-06-01", value: 2 }] }).yAxis).toMatchObject({ minInterval: 1 });
    expect(indicatorChartOption({ label: "Taux", unit: "%", baseline: 12.5, target: 20, measurements: [{ measuredOn: "2021-06-01", value: 14 }] }).yAxis).not.toHaveProperty("minInterval");
  });
});

describe("indicator chart as SVG", () => {
  it("renders an SVG document with the days, the values and the legend in French", () => {
    const svg = renderIndicatorSvg(participants, measured);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("</svg>");
    for (const text of ["18/03/2021", "22/06/2021", "Mesures", "Valeur de départ : 5 personnes", "Cible : 20 personnes", "Date de la mesure", "personnes"]) expect(svg).toContain(text);
    // French number formatting (1 800,5 with a narrow no-break space).
    expect(svg).toMatch(/1\s800,5/u);
  });

  it("renders one measurement, or none, without failing", () => {
    expect(renderIndicatorSvg({ ...participants, measurements: [{ measuredOn: "2021-08-24", value: 7 }] })).toContain("24/08/2021");
    const empty = renderIndicatorSvg({ label: "Jamais mesuré", unit: "", baseline: null, target: null }, [], { width: 400, height: 200 });
    expect(empty).toMatch(/^<svg[^>]*width="400"/);
    expect(empty).toContain(NO_MEASUREMENT);
  });
});
