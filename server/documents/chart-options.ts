/**
 * The ECharts option of an indicator's chart: its measurements as a line, the
 * baseline and the target as dashed lines, French labels. No Node import: the
 * web app draws the same chart in the browser.
 */
export interface ChartIndicator {
  label: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  measurements: { measuredOn: string; value: number }[];
}

const frenchDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const number = (n: number) => n.toLocaleString("fr-FR");

export function indicatorChartOption(indicator: ChartIndicator) {
  const days = indicator.measurements.map((m) => m.measuredOn);
  const reference = (name: string, value: number | null, color: string) =>
    value === null
      ? []
      : [{ name: `${name} : ${number(value)}`, type: "line" as const, data: days.map(() => value), symbol: "none", lineStyle: { type: "dashed" as const, color, width: 1.5 }, itemStyle: { color }, animation: false }];
  return {
    animation: false,
    aria: { enabled: true, label: { description: `Évolution de l'indicateur « ${indicator.label} »` } },
    textStyle: { fontFamily: "Marianne, Arial, sans-serif" },
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, textStyle: { fontSize: 12 } },
    tooltip: { trigger: "axis" as const },
    xAxis: { type: "category" as const, data: days.map(frenchDay), boundaryGap: false },
    yAxis: { type: "value" as const, name: indicator.unit, axisLabel: { formatter: (v: number) => number(v) } },
    series: [
      { name: "Mesures", type: "line" as const, data: indicator.measurements.map((m) => m.value), symbolSize: 8, lineStyle: { width: 2.5, color: "#000091" }, itemStyle: { color: "#000091" }, label: { show: true, formatter: (p: { value: number }) => number(p.value) }, animation: false },
      ...reference("Valeur de départ", indicator.baseline, "#666666"),
      ...reference("Cible", indicator.target, "#18753c"),
    ],
  };
}
