/** Charts rendered on the server as SVG with ECharts (server-side rendering), for pages and documents. */
import { createRequire } from "node:module";
import type * as Echarts from "echarts";
import { indicatorChartOption, type ChartIndicator, type ChartMeasurement } from "./chart-options.js";

export type { ChartIndicator, ChartMeasurement } from "./chart-options.js";

/** ECharts, loaded on the first chart rather than at start (seconds of a loaded machine's start otherwise). */
let loaded: typeof Echarts | undefined;
const echartsLib = () => (loaded ??= createRequire(import.meta.url)("echarts") as typeof Echarts);

/** The indicator's chart as a standalone SVG document (starts with `<svg`). */
export function renderIndicatorSvg(indicator: ChartIndicator, measurements: ChartMeasurement[] = indicator.measurements ?? [], size = { width: 640, height: 320 }): string {
  const chart = echartsLib().init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption(indicatorChartOption(indicator, measurements));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
