/**
 * Two to five contracts side by side (issue 15, item 5): the same figures as the territory
 * overview, one column per contract, in the order they were picked.
 */
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { euros, shortDate } from "../../format";
import "./territory.css";
import { comparedIds, percent, useComparison, type Comparison } from "./territory-api";

type Compared = Comparison["contracts"][number];
type Status = keyof Compared["fiches"]["byStatus"];
const STATUS_ORDER: Status[] = ["not_started", "in_progress", "late", "done", "abandoned", "merged"];

const committee = (name: string, c: Compared["copil"]) =>
  `${c.lastOn ? `le ${shortDate(c.lastOn)}` : `aucun ${name} tenu`} — ${c.holds === null ? "aucun rythme prévu" : c.holds ? "rythme tenu" : "rythme non tenu"}`;

/** Each line of the table: its label and the cell of one contract. */
function lines(labels: Comparison["statusLabels"]): [string, (c: Compared) => ReactNode][] {
  return [
    ["Collectivité", (c) => c.localAuthority],
    ["Départements", (c) => c.departements.join(", ") || "—"],
    ["Statut", (c) => c.statusLabel],
    ["Période", (c) => `${shortDate(c.startDate)} – ${shortDate(c.endDate)}`],
    ["Fiches actions", (c) => c.fiches.total],
    ...STATUS_ORDER.map((s): [string, (c: Compared) => ReactNode] => [`dont « ${labels[s]} »`, (c) => c.fiches.byStatus[s]]),
    ["Fiches en cours avec un avancement ce trimestre", (c) => `${percent(c.progress.share)} (${c.progress.withProgress} sur ${c.progress.active})`],
    ["Dernier COPIL", (c) => committee("COPIL", c.copil)],
    ["Dernier COTECH", (c) => committee("COTECH", c.cotech)],
    ["Dernière revue publiée", (c) => (c.lastReview ? `T${c.lastReview.quarter} ${c.lastReview.year}, publiée le ${shortDate(c.lastReview.publishedOn)}` : "Aucune")],
    ["Indicateurs mesurés dans les 12 derniers mois", (c) => `${percent(c.indicators.share)} (${c.indicators.measured} sur ${c.indicators.total})`],
    ["Budget total", (c) => euros(c.budget.total)],
    ["dont acquis", (c) => euros(c.budget.secured)],
    ["dont demandé", (c) => euros(c.budget.requested)],
    ["Thématiques principales", (c) => (c.themes.length ? c.themes.slice(0, 3).map((t) => `${t.theme} (${t.count})`).join(", ") : "—")],
  ];
}

export function TerritoryComparePage() {
  const [params] = useSearchParams();
  const ids = comparedIds(params);
  const comparison = useComparison(ids);
  const breadcrumb = [{ label: "Territoire", to: "/territoire" }];
  if (ids.length < 2)
    return (
      <Page title="Comparer des contrats" breadcrumb={breadcrumb}>
        <p>
          {"Choisissez de deux à cinq contrats dans la "}
          <Link to="/territoire">vue d'ensemble du territoire</Link>
          {" en cochant leur case, puis « Comparer »."}
        </p>
      </Page>
    );
  if (comparison.isPending) return <Loading label="Chargement de la comparaison…" />;
  if (comparison.error)
    return (
      <Page title="Comparer des contrats" breadcrumb={breadcrumb}>
        <ErrorMessage error={comparison.error} title="La comparaison n'a pas pu être faite" />
        <p>
          <Link to="/territoire">Revenir à la vue d'ensemble du territoire</Link>
        </p>
      </Page>
    );
  const { contracts, today, statusLabels } = comparison.data;
  return (
    <Page title="Comparer des contrats" breadcrumb={breadcrumb}>
      <p>{`Les mêmes chiffres pour chaque contrat, au ${shortDate(today)}.`}</p>
      <div className="cles-scroll" role="region" aria-labelledby="comparaison-caption" tabIndex={0}>
        <table className="cles-grid cles-compare">
          <caption id="comparaison-caption">{`Comparaison de ${contracts.length} contrats`}</caption>
          <thead>
            <tr>
              <th scope="col">Chiffre</th>
              {contracts.map((c) => (
                <th key={c.id} scope="col">
                  <Link to={`/contrats/${c.id}`}>{c.name}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines(statusLabels).map(([label, cell]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {contracts.map((c) => (
                  <td key={c.id}>{cell(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
