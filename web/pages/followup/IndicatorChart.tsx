/**
 * An indicator's chart, drawn in the browser with the option builder the server
 * uses for documents. The drawing is hidden from assistive technologies: the
 * same data is given as a table (visually hidden) right after it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { indicatorChartOption } from "../../../server/shared";
import type { Indicator } from "../../api/followup";
import { formatDate, formatNumber } from "../../format";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, AriaComponent, SVGRenderer]);

export default function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: "svg" });
    chart.setOption(indicatorChartOption(indicator, indicator.measurements) as echarts.EChartsCoreOption);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [indicator]);
  const unit = indicator.unit ? ` ${indicator.unit}` : "";
  return (
    <figure className="cles-chart-figure">
      <div ref={box} className="cles-chart-box" aria-hidden="true" />
      <table className={fr.cx("fr-sr-only")}>
        <caption>{`Données du graphique de l'indicateur « ${indicator.label} » : valeur de départ ${formatNumber(indicator.baseline)}${unit}, cible ${formatNumber(indicator.target)}${unit}`}</caption>
        <thead>
          <tr>
            <th scope="col">Date de la mesure</th>
            <th scope="col">Valeur</th>
          </tr>
        </thead>
        <tbody>
          {indicator.measurements.length === 0 ? (
            <tr>
              <td colSpan={2}>Aucune mesure enregistrée</td>
            </tr>
          ) : (
            indicator.measurements.map((m) => (
              <tr key={m.id}>
                <td>{formatDate(m.measuredOn)}</td>
                <td>{`${formatNumber(m.value)}${unit}`}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </figure>
  );
}
