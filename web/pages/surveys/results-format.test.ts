import { describe, expect, it } from "vitest";
import { axisLabel, barChartOption, chartHeight, decimalText, percentText, shareOf } from "./results-format";

// Intl writes a narrow no-break space before « % » and between thousands in French.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("numbers", () => {
  it("are written the French way, one decimal at most", () => {
    expect(plain(percentText(52.9))).toBe("52,9 %");
    expect(decimalText(2.333)).toBe("2,3");
    expect(decimalText(null)).toBe("—");
    expect(shareOf(2, 3)).toBe(66.7);
    expect(shareOf(1, 0)).toBe(0);
  });
});

describe("axisLabel", () => {
  it("keeps short labels and cuts long ones at a word", () => {
    expect(axisLabel("Accès aux soins")).toBe("Accès aux soins");
    expect(axisLabel("Prévention et promotion de la santé des jeunes en insertion", 30)).toBe("Prévention et promotion de la…");
  });
});

describe("barChartOption", () => {
  it("draws one bar per label, first on top, labelled with its value and unit", () => {
    const option = barChartOption({ description: "Réponses", labels: ["Oui", "Non"], values: [12, 5], unit: "%", axisName: "Part des personnes" });
    expect(option.yAxis).toMatchObject({ type: "category", inverse: true, data: ["Oui", "Non"] });
    expect(option.series[0]!.data).toEqual([12, 5]);
    expect(plain(option.series[0]!.label.formatter({ value: 12.5 }))).toBe("12,5 %");
    expect(option.aria.label.description).toBe("Réponses");
  });

  it("grows with the number of bars, within bounds", () => {
    expect(chartHeight(1)).toBe(140);
    expect(chartHeight(5)).toBe(236);
    expect(chartHeight(40)).toBe(640);
  });
});
