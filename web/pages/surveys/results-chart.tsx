/**
 * A results bar chart drawn with ECharts (loaded only by the pages that draw one). The
 * drawing is hidden from assistive technologies: the table beside it gives the same figures.
 */
import { BarChart as EBarChart } from "echarts/charts";
import { AriaComponent, GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { barChartOption, chartHeight, type BarChartData } from "./results-format";

echarts.use([EBarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export default function ResultsBarChart(props: BarChartData) {
  const box = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(props);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.setOption(barChartOption(JSON.parse(key) as BarChartData) as echarts.EChartsCoreOption);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [key]);
  return <div ref={box} className="cles-survey-chart" style={{ height: chartHeight(props.values.length) }} aria-hidden="true" />;
}
