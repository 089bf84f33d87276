/** Charts rendered on the server as SVG with ECharts (server-side rendering), for pages and documents. */
import { createRequire } from "node:module";
import type * as Echarts from "echarts";
import { LRUCache } from "lru-cache";
import { indicatorChartOption, type ChartIndicator, type ChartMeasurement } from "./chart-options.js";

export type { ChartIndicator, ChartMeasurement } from "./chart-options.js";

/** ECharts, loaded on the first chart rather than at start (seconds of a loaded machine's start otherwise). */
let loaded: typeof Echarts | undefined;
const echartsLib = () => (loaded ??= createRequire(import.meta.url)("echarts") as typeof Echarts);

/**
 * Charts drawn lately, by what they show: drawing one takes about 10 ms, and a report of
 * 40 fiches draws dozens; drawn again (the same report exported again, or as PDF after
 * DOCX) they are taken from here. A chart is a pure function of its data and size.
 */
const drawn = new LRUCache<string, string>({ max: 300 });

/** The indicator's chart as a standalone SVG document (starts with `<svg`). */
export function renderIndicatorSvg(indicator: ChartIndicator, measurements: ChartMeasurement[] = indicator.measurements ?? [], size = { width: 640, height: 320 }): string {
  const key = JSON.stringify([indicator, measurements, size]);
  const known = drawn.get(key);
  if (known !== undefined) return known;
  const chart = echartsLib().init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption(indicatorChartOption(indicator, measurements));
    const svg = chart.renderToSVGString();
    drawn.set(key, svg);
    return svg;
  } finally {
    chart.dispose();
  }
}
