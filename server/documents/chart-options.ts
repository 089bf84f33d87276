/**
 * The ECharts option of an indicator's chart: its measurements as a line, the
 * baseline and the target as dashed lines, French labels, days as dd/mm/yyyy.
 * It imports only the pure date and number module: the web app draws the same chart in
 * the browser (`import { indicatorChartOption } from "../../server/documents/chart-options"`).
 */
import { frenchNumber, shortDay } from "../domain/dates.js";

export interface ChartMeasurement {
  measuredOn: string;
  value: number;
}

export interface ChartIndicator {
  label: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** Used when no measurements are given apart. */
  measurements?: ChartMeasurement[];
}

export const NO_MEASUREMENT = "Aucune mesure enregistrée";

const BLUE = "#000091";

/** Measurements in any order; drawn oldest first. */
export function indicatorChartOption(indicator: ChartIndicator, measurements: ChartMeasurement[] = indicator.measurements ?? []) {
  const points = [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  // A reference line needs two points to be seen: with one day or none, it spans a blank category either side.
  const days = points.length >= 2 ? points.map((m) => shortDay(m.measuredOn)) : ["", ...points.map((m) => shortDay(m.measuredOn)), " "];
  const values = points.length >= 2 ? points.map((m) => m.value) : [null, ...points.map((m) => m.value), null];
  const references = [
    { name: "Valeur de départ", value: indicator.baseline, color: "#666666" },
    { name: "Cible", value: indicator.target, color: "#18753c" },
  ].filter((r): r is { name: string; value: number; color: string } => r.value !== null);
  const unit = indicator.unit ? ` ${indicator.unit}` : "";
  const wholeNumbers = [...points.map((m) => m.value), ...references.map((r) => r.value)].every(Number.isInteger);
  return {
    animation: false,
    aria: { enabled: true, label: { description: `Évolution de l'indicateur « ${indicator.label} »` } },
    textStyle: { fontFamily: "Marianne, Arial, sans-serif" },
    grid: { left: 24, right: 40, top: 48, bottom: 40, containLabel: true },
    legend: { top: 0, textStyle: { fontSize: 12 } },
    tooltip: { trigger: "axis" as const, valueFormatter: (v: unknown) => (typeof v === "number" ? `${frenchNumber(v)}${unit}` : "") },
    title: points.length ? undefined : { text: NO_MEASUREMENT, left: "center", top: "middle", textStyle: { fontSize: 14, fontWeight: "normal" as const, color: "#666666" } },
    xAxis: { type: "category" as const, name: "Date de la mesure", nameLocation: "middle" as const, nameGap: 28, data: days, boundaryGap: false },
    yAxis: {
      type: "value" as const,
      name: indicator.unit,
      // Keep the baseline, the target and zero in view even when the measurements are far from them.
      min: (extent: { min: number }) => Math.min(...[extent.min, ...references.map((r) => r.value), 0].filter(Number.isFinite)),
      max: (extent: { max: number }) => Math.max(...[extent.max, ...references.map((r) => r.value), 1].filter(Number.isFinite)),
      axisLabel: { formatter: (v: number) => frenchNumber(v) },
      // Counts (every value, baseline and target whole) get whole ticks: no « 0,8 » person.
      ...(wholeNumbers ? { minInterval: 1 } : {}),
    },
    series: [
      {
        name: "Mesures",
        type: "line" as const,
        data: values,
        connectNulls: true,
        symbolSize: 8,
        lineStyle: { width: 2.5, color: BLUE },
        itemStyle: { color: BLUE },
        label: { show: true, formatter: (p: { value: number }) => frenchNumber(p.value) },
      },
      ...references.map((r) => ({
        name: `${r.name} : ${frenchNumber(r.value)}${unit}`,
        type: "line" as const,
        data: days.map(() => r.value),
        symbol: "none",
        lineStyle: { type: "dashed" as const, color: r.color, width: 1.5 },
        itemStyle: { color: r.color },
        tooltip: { show: false },
      })),
    ],
  };
}
