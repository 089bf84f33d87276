/** Charts rendered on the server as SVG with ECharts (server-side rendering), for pages and documents. */
import * as echarts from "echarts";
import { indicatorChartOption, type ChartIndicator, type ChartMeasurement } from "./chart-options.js";

export type { ChartIndicator, ChartMeasurement } from "./chart-options.js";

/** The indicator's chart as a standalone SVG document (starts with `<svg`). */
export function renderIndicatorSvg(indicator: ChartIndicator, measurements: ChartMeasurement[] = indicator.measurements ?? [], size = { width: 640, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption(indicatorChartOption(indicator, measurements));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
