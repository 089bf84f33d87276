/** Charts rendered on the server as SVG with ECharts, for pages and documents. */
import * as echarts from "echarts";
import { indicatorChartOption, type ChartIndicator } from "./chart-options.js";

export function renderIndicatorSvg(indicator: ChartIndicator, size = { width: 640, height: 320 }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption(indicatorChartOption(indicator));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
