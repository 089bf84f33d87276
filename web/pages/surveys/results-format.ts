/**
 * Numbers of survey results as people read them (« 52,9 % », « 2,3 »), the share of a
 * cross-tabulation's cell, and the ECharts option of a results bar chart (horizontal bars,
 * the first option on top, each bar labelled with its value). Pure.
 */
import { formatNumber } from "../../format";

/** 52.9 → « 52,9 % ». */
export const percentText = (percent: number) => `${formatNumber(percent)} %`;

/** A mean or median, one decimal at most: 2.333 → « 2,3 »; null → « — ». */
export const decimalText = (n: number | null) => (n === null ? "—" : formatNumber(Math.round(n * 10) / 10));

/** The share of a group's respondents (one decimal), 0 when the group is empty. */
export const shareOf = (count: number, respondents: number) => (respondents > 0 ? Math.round((count / respondents) * 1000) / 10 : 0);

/** A label too long for an axis, cut at a word: the full label is in the table beside the chart. */
export function axisLabel(label: string, max = 38): string {
  if (label.length <= max) return label;
  // One character more than kept: a space there means the cut falls between two words.
  const cut = label.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1)).trimEnd()}…`;
}

export interface BarChartData {
  /** Said to screen readers by ECharts' aria description (the table says the same). */
  description: string;
  labels: string[];
  values: number[];
  /** « % » for shares, "" for counts or scores. */
  unit?: string;
  /** The name of the value axis (« Nombre de personnes »). */
  axisName: string;
}

const BLUE = "#000091";

/** Horizontal bars, top to bottom in the data's order; the chart's height follows the number of bars. */
export function barChartOption(data: BarChartData) {
  const unit = data.unit ? ` ${data.unit}` : "";
  return {
    animation: false,
    aria: { enabled: true, label: { description: data.description } },
    textStyle: { fontFamily: "Marianne, Arial, sans-serif" },
    grid: { left: 8, right: 56, top: 8, bottom: 36, containLabel: true },
    tooltip: { trigger: "axis" as const, axisPointer: { type: "shadow" as const }, valueFormatter: (v: unknown) => (typeof v === "number" ? `${formatNumber(v)}${unit}` : "") },
    xAxis: { type: "value" as const, name: data.axisName, nameLocation: "middle" as const, nameGap: 24, minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v) } },
    yAxis: { type: "category" as const, inverse: true, data: data.labels.map((l) => axisLabel(l)), axisTick: { show: false } },
    series: [
      {
        type: "bar" as const,
        data: data.values,
        barMaxWidth: 28,
        itemStyle: { color: BLUE },
        label: { show: true, position: "right" as const, formatter: (p: { value: number }) => `${formatNumber(p.value)}${unit}` },
      },
    ],
  };
}

/** Pixels of chart for `bars` bars: enough room for each label, within bounds. */
export const chartHeight = (bars: number) => Math.min(640, Math.max(140, 56 + bars * 36));
