/**
 * The COTECH progress table of a year, laid out as in the CAMVS review: by axis
 * and operational objective, one row per fiche — objectives / evaluation
 * criteria | planned schedule | actual progress | remaining work | adjustments —
 * then the transversal actions and the process rows. Editable in place,
 * printable, exportable to XLSX.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Link, useParams, useSearchParams } from "react-router";
import { useCotechTable, type CotechAxis, type CotechRow, type CotechTable } from "../../api/overview";
import { useContract } from "../../api/queries";
import { YearPicker } from "../../components/YearPicker";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { ShownStatusBadge } from "../../components/ShownStatusBadge";
import { AdjustmentEditor, CellEditor, MilestoneEditor, ProgressEditor, RemainingEditor } from "./CotechEditors";
import { FollowUpItems } from "./FollowUpItems";
import { plural, shortDate } from "../../format";
import { knownDate } from "../../../server/shared";
import "./overview.css";

export function CotechTablePage() {
  const { contractId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("annee")) || null;
  const contract = useContract(contractId);
  const table = useCotechTable(contractId, asked);
  if (contract.isPending || table.isPending) return <Loading label="Chargement du tableau COTECH…" />;
  if (contract.error || table.error) return <ErrorMessage error={contract.error ?? table.error} title="Le tableau COTECH n'a pas pu être chargé" />;
  const t = table.data;
  const fiches = t.axes.flatMap((a) => a.objectives.flatMap((o) => o.rows.map((r) => r.action)));
  const count = fiches.length;
  return (
    <div className="cles-print-landscape">
      <Page
        title={`Tableau de suivi COTECH ${t.year}`}
        breadcrumb={[
          { label: "Contrats", to: "/" },
          { label: contract.data.name, to: `/contrats/${contractId}` },
        ]}
        actions={
          <ButtonsGroup
            className="cles-no-print"
            inlineLayoutWhen="md and up"
            buttonsSize="small"
            buttonsIconPosition="left"
            buttons={[
              { children: "Imprimer", iconId: "fr-icon-printer-line", priority: "secondary", onClick: () => window.print() },
              {
                children: "Télécharger (XLSX)",
                iconId: "fr-icon-download-line",
                priority: "secondary",
                linkProps: { to: `/api/contracts/${contractId}/cotech-table.xlsx?year=${t.year}`, reloadDocument: true, download: `tableau-cotech-${t.year}.xlsx` },
              },
              { children: "Préparer le diaporama du comité", iconId: "fr-icon-slideshow-line", priority: "secondary", linkProps: { to: `/contrats/${contractId}/diaporama?annee=${t.year}` } },
            ]}
          />
        }
      >
        <p className="cles-print-only">{`${t.contractName} — suivi de l'avancement des fiches actions, année ${t.year}.`}</p>
        <div className={`${fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom", "fr-mb-2w")} cles-no-print`}>
          <YearPicker label="Année"
            year={t.year}
            years={t.years}
            onPick={(y) =>
              setParams((p) => {
                const next = new URLSearchParams(p);
                next.set("annee", String(y));
                return next;
              })
            }
          />
          <p role="status" aria-live="polite" className={fr.cx("fr-col", "fr-mb-0", "fr-text--sm")}>
            {table.isFetching ? "Mise à jour du tableau…" : `${plural(count, "fiche")} dans le tableau ${t.year}.`}
          </p>
        </div>
        <p className={`${fr.cx("fr-text--sm")} cles-no-print`}>
          Une ligne par fiche action, groupée par axe et objectif opérationnel. Le rétroplanning montre les étapes prévues, reportées ou réalisées en {t.year} ; l'avancement, les entrées datées de {t.year} ; le reste-à-faire, la liste actuelle. Le tableau défile horizontalement sur un petit écran.
        </p>
        {count === 0 ? (
          <EmptyState title="Ce contrat n'a pas encore de fiche action.">
            <Link to={`/contrats/${contractId}/fiches`}>Voir les fiches actions</Link>
          </EmptyState>
        ) : (
          <FichesTable contractId={contractId} table={t} fiches={fiches} />
        )}
        <FollowUpItems contractId={contractId} year={t.year} section="transversal" items={t.transversal} manage={t.permissions.manage} />
        <FollowUpItems contractId={contractId} year={t.year} section="process" items={t.process} manage={t.permissions.manage} computedRow={t.referentsLine ? { title: "Désignation des référents (technique et élu) par commune", line: t.referentsLine } : null} />
      </Page>
    </div>
  );
}

const COLUMNS = ["Objectifs / critères d'évaluation", "Rétroplanning prévisionnel", "État d'avancement réel", "Reste-à-faire", "Ajustements nécessaires"];
type Fiche = CotechRow["action"];

function FichesTable({ contractId, table: t, fiches }: { contractId: string; table: CotechTable; fiches: Fiche[] }) {
  return (
    <div className="cles-scroll cles-cotech-wrap" role="region" aria-labelledby="cotech-caption" tabIndex={0}>
      <table className="cles-grid cles-cotech">
        <caption id="cotech-caption">{`Suivi de l'avancement des fiches actions — ${t.year}`}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c, i) => (
              <th key={c} scope="col">
                {i === 1 ? `${c} ${t.year}` : c}
              </th>
            ))}
          </tr>
        </thead>
        {t.axes.map((axis) => (
          <AxisGroups key={axis.id} contractId={contractId} axis={axis} year={t.year} fiches={fiches} />
        ))}
      </table>
    </div>
  );
}

function AxisGroups({ contractId, axis, year, fiches }: { contractId: string; axis: CotechAxis; year: number; fiches: Fiche[] }) {
  if (axis.objectives.length === 0) return null;
  return axis.objectives.map((o, i) => (
    <tbody key={o.id ?? "sans-objectif"}>
      {i === 0 && (
        <tr className="cles-cotech-axis">
          <th colSpan={5} scope="rowgroup">{`Axe ${axis.number} — ${axis.title}`}</th>
        </tr>
      )}
      {o.code && (
        <tr className="cles-cotech-objective">
          <th colSpan={5} scope="rowgroup">{`Objectif opérationnel ${o.code} — ${o.title}`}</th>
        </tr>
      )}
      {o.rows.map((row) => (
        <Row key={row.action.id} contractId={contractId} row={row} year={year} fiches={fiches} />
      ))}
    </tbody>
  ));
}

function Row({ contractId, row, year, fiches }: { contractId: string; row: CotechRow; year: number; fiches: Fiche[] }) {
  const edit = row.permissions.update;
  const fa = `à la FA ${row.action.number}`;
  const props = { contractId, row, year };
  return (
    <tr>
      <th scope="row">
        <p className={fr.cx("fr-mb-1v")}>
          <Link to={`/contrats/${contractId}/fiches/${row.action.id}`}>{`FA ${row.action.number} — ${row.action.title}`}</Link>
        </p>
        <p className={fr.cx("fr-mb-1w")}>
          <ShownStatusBadge status={row.action.shownStatus} label={row.action.shownStatusLabel} />
        </p>
        {row.objectives && <p className={fr.cx("fr-text--sm", "fr-mb-1w", "fr-text--regular")}>{row.objectives}</p>}
        {row.criteria.length > 0 ? (
          <>
            <p className={fr.cx("fr-text--xs", "fr-mb-0")}>Critères d'évaluation :</p>
            <ul className="cles-cell-list">
              {row.criteria.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="cles-empty">Aucun critère d'évaluation.</p>
        )}
        {edit && (
          <Button size="small" priority="tertiary" iconId="fr-icon-edit-line" iconPosition="left" className="cles-no-print cles-cell-button" linkProps={{ to: `/contrats/${contractId}/fiches/${row.action.id}/modifier` }}>
            Modifier la fiche
            <span className={fr.cx("fr-sr-only")}>{` FA ${row.action.number}`}</span>
          </Button>
        )}
      </th>
      <td>
        <List items={row.planned} empty={`Aucune étape en ${year}.`}>
          {(m) => (
            <>
              {`${m.title} — ${m.label}`}
              {m.overdue && <strong className="cles-late">{" — en retard"}</strong>}
            </>
          )}
        </List>
        {edit && <CellEditor label="Ajouter une étape" context={fa}>{(close) => <MilestoneEditor {...props} close={close} />}</CellEditor>}
      </td>
      <td>
        <List items={row.progress} empty={`Aucun avancement daté de ${year}.`}>
          {(p) => (
            <>
              <time dateTime={p.happenedOnPrecision === "month" ? p.happenedOn.slice(0, 7) : p.happenedOn} className={fr.cx("fr-text--bold")}>{knownDate(p.happenedOn, p.happenedOnPrecision)}</time>
              {" : "}
              <span className="cles-prewrap">{p.text}</span>
            </>
          )}
        </List>
        {edit && <CellEditor label="Ajouter un avancement" context={fa}>{(close) => <ProgressEditor {...props} close={close} />}</CellEditor>}
      </td>
      <td>
        <List items={row.remaining} empty="Rien de noté.">
          {(r) =>
            r.doneOn ? (
              <>
                <span className="cles-done">{r.text}</span>
                {` (fait le ${shortDate(r.doneOn)})`}
              </>
            ) : (
              r.text
            )
          }
        </List>
        {edit && <CellEditor label="Mettre à jour" context={`le reste-à-faire de la FA ${row.action.number}`}>{(close) => <RemainingEditor {...props} close={close} />}</CellEditor>}
      </td>
      <td>
        <List items={row.adjustments} empty="Aucun ajustement.">
          {(a) => (
            <>
              <strong>{a.kindLabel}</strong>
              {` (${a.statusLabel.toLowerCase()})`}
              {a.description && <span className="cles-prewrap">{` : ${a.description}`}</span>}
            </>
          )}
        </List>
        {edit && <CellEditor label="Proposer un ajustement" context={`pour la FA ${row.action.number}`}>{(close) => <AdjustmentEditor {...props} fiches={fiches} close={close} />}</CellEditor>}
      </td>
    </tr>
  );
}

function List<T extends { id: string }>({ items, empty, children }: { items: T[]; empty: string; children: (item: T) => React.ReactNode }) {
  if (items.length === 0) return <p className="cles-empty fr-text--sm">{empty}</p>;
  return (
    <ul className="cles-cell-list">
      {items.map((item) => (
        <li key={item.id}>{children(item)}</li>
      ))}
    </ul>
  );
}
