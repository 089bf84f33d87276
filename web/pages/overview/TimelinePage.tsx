/**
 * The timeline of a contract (Gantt-like): each fiche's period as a bar over the
 * contract's period, grouped by axis, and its milestones as markers (overdue ones
 * marked with a sign and in words, not only in colour). A table whose every bar and
 * marker is said in text; markers are links, reachable with the keyboard. A list
 * view says the same without the drawing.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Link, useParams, useSearchParams } from "react-router";
import { followUpPath, useTimeline, type TimelineRow } from "../../api/overview";
import { useContract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { ShownStatusBadge } from "../../components/ShownStatusBadge";
import { shortDate, shortMonth } from "../../format";
import { markerLines, monthsOf, periodText, placeOf, scaleOf, type Period } from "./timeline-scale";

/** Height of one more line of markers on a track, in rem. */
const LINE_REM = 1.9;
import "./overview.css";

export function TimelinePage() {
  const { contractId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const asList = params.get("vue") === "liste";
  const contract = useContract(contractId);
  const timeline = useTimeline(contractId);
  if (contract.isPending || timeline.isPending) return <Loading label="Chargement de la chronologie…" />;
  if (contract.error || timeline.error) return <ErrorMessage error={contract.error ?? timeline.error} title="La chronologie n'a pas pu être chargée" />;
  const t = timeline.data;
  const period = monthsOf(t.start, t.end);
  const groups = byAxis(t.rows);
  const setView = (list: boolean) => setParams(list ? { vue: "liste" } : {}, { replace: true });
  return (
    <Page title="Chronologie des fiches actions" breadcrumb={[{ label: "Contrats", to: "/" }, { label: contract.data.name, to: `/contrats/${contractId}` }]}>
      <p>{`Période du contrat : du ${shortDate(t.start)} au ${shortDate(t.end)}. Chaque fiche est une barre, de son début à sa fin ; ses étapes sont des repères, reliés à son suivi. La frise défile horizontalement ; sur un petit écran, la vue « Liste » dit la même chose.`}</p>
      <div className="cles-inline-buttons fr-mb-3w" role="group" aria-label="Affichage">
        {([
          [false, "Frise", "fr-icon-calendar-line"],
          [true, "Liste", "fr-icon-list-unordered"],
        ] as const).map(([list, label, icon]) => (
          <button key={label} type="button" aria-pressed={asList === list} onClick={() => setView(list)} className={fr.cx("fr-btn", "fr-btn--sm", "fr-btn--icon-left", icon, asList === list ? undefined : "fr-btn--secondary")}>
            {label}
          </button>
        ))}
      </div>
      {t.rows.length === 0 ? (
        <EmptyState title="Ce contrat n'a pas encore de fiche action." />
      ) : asList ? (
        <ListView contractId={contractId} groups={groups} />
      ) : (
        <>
          <Legend today={placeOf(period, t.today) !== null} />
          <Chart contractId={contractId} groups={groups} period={period} today={t.today} />
        </>
      )}
    </Page>
  );
}

type Group = { number: number; title: string; rows: TimelineRow[] };
function byAxis(rows: TimelineRow[]): Group[] {
  const groups: Group[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.number === row.axisNumber) last.rows.push(row);
    else groups.push({ number: row.axisNumber, title: row.axisTitle, rows: [row] });
  }
  return groups;
}

type Milestone = TimelineRow["milestones"][number];
const milestoneState = (m: Milestone) => (m.doneOn ? "done" : m.overdue ? "overdue" : "planned");
const MILESTONE_WORDS = { done: "réalisée", overdue: "en retard", planned: "prévue" } as const;
const GLYPH = { done: "✓", overdue: "!", planned: "" } as const;
/** What a marker says: « Étape en retard : Planning du projet — prévu T4 2021 (échéance 31/12/2021) ». */
const milestoneText = (m: Milestone) => `Étape ${MILESTONE_WORDS[milestoneState(m)]} : ${m.title} — ${m.label}${m.doneOn ? "" : ` (échéance ${shortDate(m.plannedBy)})`}`;

function Legend({ today }: { today: boolean }) {
  return (
    <ul className="cles-legend" aria-label="Légende">
      <li>
        <span className="cles-bar" aria-hidden="true" /> Période de la fiche
      </li>
      <li>
        <span className="cles-bar cles-bar--done" aria-hidden="true" /> Fiche réalisée
      </li>
      <li>
        <span className="cles-bar cles-bar--unknown" aria-hidden="true" /> Dates non renseignées (période du contrat)
      </li>
      <li>
        <span className="cles-marker" aria-hidden="true" /> Étape prévue
      </li>
      <li>
        <span className="cles-marker cles-marker--done" aria-hidden="true">
          <span aria-hidden="true">✓</span>
        </span>{" "}
        Étape réalisée
      </li>
      <li>
        <span className="cles-marker cles-marker--overdue" aria-hidden="true">
          <span aria-hidden="true">!</span>
        </span>{" "}
        Étape en retard
      </li>
      {today && (
        <li>
          <span className="cles-today" aria-hidden="true" /> Aujourd'hui
        </li>
      )}
    </ul>
  );
}

function Chart({ contractId, groups, period, today }: { contractId: string; groups: Group[]; period: Period; today: string }) {
  const scale = scaleOf(period);
  const now = placeOf(period, today);
  const yearLines = scale.years.slice(1).map((y) => <span key={y.year} className="cles-year-line" style={{ left: `${y.left}%` }} aria-hidden="true" />);
  return (
    <div className="cles-scroll" role="region" aria-labelledby="chronologie-caption" tabIndex={0}>
      <table className="cles-grid cles-timeline">
        <caption id="chronologie-caption">{`Fiches actions et étapes de ${shortMonth(period.first)} à ${shortMonth(period.last)}`}</caption>
        <thead>
          <tr>
            <th scope="col">Fiche action</th>
            <th scope="col" className="cles-scale">
              <span className={fr.cx("fr-sr-only")}>Période et étapes</span>
              {scale.years.map((y) => (
                <span key={y.year} className="cles-scale-year" style={{ left: `${y.left}%`, width: `${y.width}%` }} aria-hidden="true">
                  {y.year}
                </span>
              ))}
              {scale.quarters.map((q) => (
                <span key={q.key} className="cles-scale-quarter" style={{ left: `${q.left}%`, width: `${q.width}%` }} aria-hidden="true">
                  {q.label}
                </span>
              ))}
            </th>
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.number}>
            <tr className="cles-cotech-axis">
              <th scope="rowgroup" colSpan={2}>{`Axe ${g.number} — ${g.title}`}</th>
            </tr>
            {g.rows.map((row) => {
              const bar = barOf(period, row);
              const places = row.milestones.map((m) => placeOf(period, m.doneOn ?? m.plannedBy) ?? ((m.doneOn ?? m.plannedBy) < period.first ? 0 : 100));
              const lines = markerLines(places);
              const depth = Math.max(0, ...lines);
              return (
                <tr key={row.action.id}>
                  <th scope="row">
                    <Link to={`/contrats/${contractId}/fiches/${row.action.id}`}>{`FA ${row.action.number} — ${row.action.title}`}</Link>{" "}
                    <ShownStatusBadge status={row.action.shownStatus} label={row.action.shownStatusLabel} />
                  </th>
                  <td className="cles-track" style={depth ? { height: `${3 + depth * LINE_REM}rem` } : undefined}>
                    {yearLines}
                    {now !== null && <span className="cles-today" style={{ left: `${now}%` }} aria-hidden="true" />}
                    <span className={`cles-bar cles-bar--${bar.known ? row.action.shownStatus : "unknown"}`} style={{ left: `${bar.left}%`, width: `${bar.width}%` }}>
                      <span className={fr.cx("fr-sr-only")}>{`${periodText(row.startMonth, row.endMonth)}.`}</span>
                    </span>
                    {row.milestones.length === 0 && <span className={fr.cx("fr-sr-only")}>Aucune étape.</span>}
                    {row.milestones.map((m, index) => {
                      const state = milestoneState(m);
                      const outside = placeOf(period, m.doneOn ?? m.plannedBy) === null ? " — hors de la période du contrat" : "";
                      // Markers too near each other go one line lower, so that none covers another.
                      const line = lines[index]!;
                      return (
                        <Link key={m.id} to={followUpPath(contractId, row.action.id, "retroplanning")} className={`cles-marker cles-marker--${state}`} style={{ left: `${places[index]}%`, ...(line ? { top: `${0.6 + line * LINE_REM}rem` } : {}) }}>
                          {GLYPH[state] && <span aria-hidden="true">{GLYPH[state]}</span>}
                          <span className={fr.cx("fr-sr-only")}>{`FA ${row.action.number}, ${milestoneText(m)}${outside}`}</span>
                          <span className="cles-tip" aria-hidden="true">{`${milestoneText(m)}${outside}`}</span>
                        </Link>
                      );
                    })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** A fiche's bar; without both dates, the whole contract period, drawn as unknown. */
function barOf(period: Period, row: TimelineRow) {
  if (!row.startMonth || !row.endMonth) return { known: false, left: 0, width: 100 };
  const left = placeOf(period, row.startMonth) ?? (row.startMonth < period.first ? 0 : 100);
  const right = placeOf(period, row.endMonth, true) ?? (row.endMonth < period.first ? 0 : 100);
  return { known: true, left, width: Math.max(1, right - left) };
}

function ListView({ contractId, groups }: { contractId: string; groups: Group[] }) {
  return groups.map((g) => (
    <section key={g.number} aria-labelledby={`axe-${g.number}`} className={fr.cx("fr-mb-4w")}>
      <h2 id={`axe-${g.number}`} className={fr.cx("fr-h5")}>{`Axe ${g.number} — ${g.title}`}</h2>
      <ul className="cles-feed">
        {g.rows.map((row) => (
          <li key={row.action.id}>
            <p className={fr.cx("fr-mb-1v")}>
              <Link to={`/contrats/${contractId}/fiches/${row.action.id}`}>{`FA ${row.action.number} — ${row.action.title}`}</Link>{" "}
              <ShownStatusBadge status={row.action.shownStatus} label={row.action.shownStatusLabel} />
            </p>
            <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>{`${periodText(row.startMonth, row.endMonth)}.`}</p>
            {row.milestones.length === 0 ? (
              <p className={`${fr.cx("fr-text--sm")} cles-empty`}>Aucune étape.</p>
            ) : (
              <ul className={fr.cx("fr-text--sm")}>
                {row.milestones.map((m) => (
                  <li key={m.id}>
                    {milestoneState(m) === "overdue" ? <strong className="cles-late">{milestoneText(m)}</strong> : milestoneText(m)}{" "}
                    <Link to={followUpPath(contractId, row.action.id, "retroplanning")}>
                      Suivi<span className={fr.cx("fr-sr-only")}>{` de la FA ${row.action.number}`}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  ));
}
