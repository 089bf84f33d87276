/** Parts of every results view: a DSFR data table, and a chart with its table beside it. */
import { fr } from "@codegouvfr/react-dsfr";
import { lazy, Suspense, type ReactNode } from "react";
import type { BarChartData } from "./results-format";

// ECharts is only downloaded by the pages that draw a chart.
const ResultsBarChart = lazy(() => import("./results-chart"));

/**
 * A table with its caption (said by screen readers; shown when `showCaption`). Any of them may
 * scroll sideways on a phone (a cross-tabulation on a computer too): its scrolling area is a
 * region named by the caption that takes the focus, for the keyboard (RGAA 7.3).
 */
export function DataTable({ caption, showCaption = false, children }: { caption: string; showCaption?: boolean; children: ReactNode }) {
  return (
    <div className={fr.cx("fr-table", "fr-table--sm", "fr-table--multiline", "fr-mb-2w", ...(showCaption ? [] : (["fr-table--no-caption"] as const)))}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" tabIndex={0} role="region" aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** The chart (hidden from assistive technologies) and, beside it, the table that says the same. */
export function ChartAndTable({ chart, table }: { chart: BarChartData | null; table: ReactNode }) {
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
      {chart && (
        <div className={fr.cx("fr-col-12", "fr-col-lg-6")}>
          <Suspense fallback={<p className="cles-empty">Chargement du graphique…</p>}>
            <ResultsBarChart {...chart} />
          </Suspense>
        </div>
      )}
      <div className={fr.cx("fr-col-12", chart ? "fr-col-lg-6" : "fr-col-lg-8")}>{table}</div>
    </div>
  );
}
