/**
 * The contract's dashboard: fiches by status per axis, late milestones,
 * indicators measured or not, next meetings, governance alerts, latest
 * activity. Every number links to the list behind it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Link, useParams } from "react-router";
import { useDashboard, followUpPath, type Dashboard } from "../../api/overview";
import { useContract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { longDateTime, plural, shortDate, shortDateTime } from "../../format";
import { ContractTodoSection } from "../todo/ContractTodoSection";
import "./overview.css";

type Status = keyof Dashboard["statusLabels"];
const STATUS_ORDER: Status[] = ["not_started", "in_progress", "late", "done", "abandoned", "merged"];
/** Statuses the fiche list filters on; « En retard » is computed and « Fusionnée » is not a declared status. */
export function DashboardPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const board = useDashboard(contractId);
  if (contract.isPending || board.isPending) return <Loading label="Chargement du tableau de bord…" />;
  if (contract.error || board.error) return <ErrorMessage error={contract.error ?? board.error} title="Le tableau de bord n'a pas pu être chargé" />;
  const d = board.data;
  return (
    <Page title="Tableau de bord" breadcrumb={[{ label: "Contrats", to: "/" }, { label: contract.data.name, to: `/contrats/${contractId}` }]}>
      <p className={fr.cx("fr-text--sm")}>
        {"Où en est le contrat : chaque nombre mène à la liste qui le compose. Voir aussi le "}
        <Link to={`/contrats/${contractId}/tableau-cotech`}>tableau de suivi COTECH</Link>
        {" et la "}
        <Link to={`/contrats/${contractId}/chronologie`}>chronologie des fiches</Link>.
      </p>
      <Alerts contractId={contractId} alerts={d.alerts} />
      <ContractTodoSection contractId={contractId} visible={contract.data.permissions.update} />
      <StatusTable contractId={contractId} d={d} />
      <LateMilestones contractId={contractId} items={d.lateMilestones} />
      <Indicators contractId={contractId} indicators={d.indicators} />
      <NextMeetings contractId={contractId} meetings={d.nextMeetings} />
      <Activity contractId={contractId} activity={d.activity} />
    </Page>
  );
}

function Block({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={fr.cx("fr-mb-6w")}>
      <h2 id={id} tabIndex={-1} className={fr.cx("fr-h4")}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Alerts({ contractId, alerts }: { contractId: string; alerts: Dashboard["alerts"] }) {
  return (
    <Block id="alertes" title="Alertes de gouvernance">
      {alerts.length === 0 ? (
        <p>Aucune alerte : les instances se réunissent au rythme prévu et les réunions passées sont documentées.</p>
      ) : (
        alerts.map((a, i) => (
          <Alert
            key={`${a.kind}-${a.bodyId ?? ""}-${a.meetingId ?? i}`}
            severity="warning"
            small
            // Written with the page, not news: not read out at every load (a live role would).
            role={undefined}
            className={fr.cx("fr-mb-2w")}
            description={
              <>
                {`${a.message} `}
                {a.meetingId ? <Link to={`/contrats/${contractId}/reunions/${a.meetingId}`}>Compléter la réunion</Link> : <Link to={`/contrats/${contractId}/gouvernance`}>Voir la gouvernance</Link>}
              </>
            }
          />
        ))
      )}
    </Block>
  );
}

function StatusTable({ contractId, d }: { contractId: string; d: Dashboard }) {
  const list = (axisId: string | null, status: Status | null) => {
    const q = new URLSearchParams();
    if (axisId) q.set("axis", axisId);
    if (status) q.set("shown", status);
    const s = q.toString();
    return `/contrats/${contractId}/fiches${s ? `?${s}` : ""}`;
  };
  const label = (status: Status) => d.statusLabels[status];
  const cell = (n: number, axisId: string | null, status: Status | null, what: string) =>
    n === 0 ? (
      "0"
    ) : (
      <Link to={list(axisId, status)}>
        {n}
        <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>
      </Link>
    );
  const totals = Object.fromEntries(STATUS_ORDER.map((s) => [s, d.statusByAxis.reduce((sum, a) => sum + a.counts[s], 0)])) as Record<Status, number>;
  const all = d.statusByAxis.reduce((sum, a) => sum + a.total, 0);
  return (
    <Block id="statuts" title="Fiches actions par statut">
      {all === 0 ? (
        <EmptyState title="Ce contrat n'a pas encore de fiche action." />
      ) : (
        <>
          <div className="cles-scroll" role="region" aria-labelledby="statuts-caption" tabIndex={0}>
            <table className="cles-grid cles-counts">
              <caption id="statuts-caption">Nombre de fiches par axe et par statut</caption>
              <thead>
                <tr>
                  <th scope="col">Axe</th>
                  {STATUS_ORDER.map((s) => (
                    <th key={s} scope="col">
                      {label(s)}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {d.statusByAxis.map((a) => (
                  <tr key={a.axisId}>
                    <th scope="row">{`Axe ${a.number} — ${a.title}`}</th>
                    {STATUS_ORDER.map((s) => (
                      <td key={s}>{cell(a.counts[s], a.axisId, s, `fiches « ${label(s)} » dans l'axe ${a.number}`)}</td>
                    ))}
                    <td>{cell(a.total, a.axisId, null, `fiches dans l'axe ${a.number}`)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Tous les axes</th>
                  {STATUS_ORDER.map((s) => (
                    <td key={s}>{cell(totals[s], null, s, `fiches « ${label(s)} »`)}</td>
                  ))}
                  <td>{cell(all, null, null, "fiches en tout")}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className={fr.cx("fr-text--xs")}>
            Une fiche est « En retard » quand une de ses étapes a dépassé sa date sans être réalisée. Chaque nombre mène à la liste de ces fiches.
          </p>
        </>
      )}
    </Block>
  );
}

function LateMilestones({ contractId, items }: { contractId: string; items: Dashboard["lateMilestones"] }) {
  return (
    <Block id="etapes-en-retard" title={`Étapes en retard (${items.length})`}>
      {items.length === 0 ? (
        <p>Aucune étape en retard.</p>
      ) : (
        <ul>
          {items.map((m) => (
            <li key={m.id}>
              <Link to={followUpPath(contractId, m.action.id, "retroplanning")}>{`FA ${m.action.number} — ${m.title}`}</Link>
              {` : ${m.label}, échéance du ${shortDate(m.plannedBy)} dépassée`}
            </li>
          ))}
        </ul>
      )}
    </Block>
  );
}

function Indicators({ contractId, indicators: ind }: { contractId: string; indicators: Dashboard["indicators"] }) {
  const groups = [
    { id: "indicateurs-mesures", title: "Mesurés dans les 12 derniers mois", n: ind.measured, items: ind.items.filter((i) => i.lastMeasuredOn && !i.stale) },
    { id: "indicateurs-anciens", title: "Mesurés il y a plus de 12 mois", n: ind.stale, items: ind.items.filter((i) => i.lastMeasuredOn && i.stale) },
    { id: "indicateurs-jamais", title: "Jamais mesurés", n: ind.notMeasured, items: ind.items.filter((i) => !i.lastMeasuredOn) },
  ];
  return (
    <Block id="indicateurs" title="Indicateurs">
      {ind.items.length === 0 ? (
        <p>Aucun indicateur n'est défini dans les fiches.</p>
      ) : (
        <>
          <ul className="cles-figures">
            {groups.map((g) => (
              <li key={g.id}>
                <strong>
                  {g.n === 0 ? (
                    "0"
                  ) : (
                    // The list behind the number is folded when long: following the link unfolds it.
                    <a href={`#${g.id}`} onClick={() => document.getElementById(g.id)?.setAttribute("open", "")}>
                      {g.n}
                    </a>
                  )}
                </strong>
                {g.title.toLowerCase()}
              </li>
            ))}
          </ul>
          {groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <details key={g.id} className={fr.cx("fr-mb-2w")} id={g.id} open={g.items.length <= 5}>
                <summary className={fr.cx("fr-text--bold")}>{`${g.title} (${g.items.length})`}</summary>
                <ul>
                  {g.items.map((i) => (
                    <li key={i.id}>
                      <Link to={followUpPath(contractId, i.action.id, "indicateurs")}>{`FA ${i.action.number} — ${i.label}`}</Link>
                      {i.lastMeasuredOn && ` (dernière mesure le ${shortDate(i.lastMeasuredOn)})`}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
        </>
      )}
    </Block>
  );
}

function NextMeetings({ contractId, meetings }: { contractId: string; meetings: Dashboard["nextMeetings"] }) {
  return (
    <Block id="prochaines-reunions" title="Prochaines réunions">
      {meetings.length === 0 ? (
        <p>
          {"Aucune réunion à venir. "}
          <Link to={`/contrats/${contractId}/reunions`}>Voir toutes les réunions</Link>
        </p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/contrats/${contractId}/reunions/${m.id}`}>{m.title}</Link>
              {` — ${m.bodyName}, ${longDateTime(m.startsAt)}`}
            </li>
          ))}
        </ul>
      )}
    </Block>
  );
}

function Activity({ contractId, activity }: { contractId: string; activity: Dashboard["activity"] }) {
  return (
    <Block id="activite" title="Activité récente">
      {activity.length === 0 ? (
        <p>Rien n'a encore été enregistré.</p>
      ) : (
        <>
          <p className={fr.cx("fr-text--sm")}>{`${plural(activity.length, "saisie", "saisies")}, de la plus récente à la plus ancienne : avancements, réunions, mesures et remarques.`}</p>
          <ul className="cles-feed">
            {activity.map((a, i) => (
              <li key={`${a.link.id}-${a.at}-${i}`}>
                <p className={fr.cx("fr-text--xs", "fr-mb-0")}>
                  <time dateTime={a.at}>{shortDateTime(a.at)}</time>
                </p>
                <p className={fr.cx("fr-mb-0")}>
                  <Link to={a.link.kind === "meeting" ? `/contrats/${contractId}/reunions/${a.link.id}` : followUpPath(contractId, a.link.id)}>{a.text}</Link>
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Block>
  );
}
