/**
 * « Territoire » — the home of an ARS delegation (issue 15, item 5): every contract of its
 * département or region with its figures, filters (theme, determinant, PRS code, status,
 * period), the aggregates across the scope, two to five contracts picked for a comparison, and
 * the exports (overview and fiches in Excel or CSV, open data). The platform admin picks any
 * region or département, or the whole instance. Everything lives in the address.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { ButtonsGroup, type ButtonsGroupProps } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { EmptyState, ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { formatDate } from "../../format";
import { AggregateBlocks, Figures } from "./Aggregates";
import { ContractsTable } from "./ContractsTable";
import { FiltersForm } from "./FiltersForm";
import "./territory.css";
import { apiQuery, exportQuery, overviewQuery, SCOPE_KEYS, useOverview, useTerritoryScope, type TerritoryScope } from "./territory-api";

const SORTS = {
  name: "Nom",
  status: "Statut",
  start: "Début",
  end: "Fin",
  fiches: "Nombre de fiches",
  late: "Fiches en retard",
  progress: "Avancement du trimestre",
  indicators: "Indicateurs mesurés",
  budget: "Budget",
  review: "Dernière revue",
} as const;

export function TerritoryOverviewPage() {
  const [params, setParams] = useSearchParams();
  const scope = useTerritoryScope();
  const readable = !!scope.data && (scope.data.all || scope.data.departements.length > 0);
  const query = overviewQuery(params);
  const overview = useOverview(query, readable);
  const [selected, setSelected] = useState<string[]>([]);

  if (scope.isPending) return <Loading label="Chargement du territoire…" />;
  if (scope.error) return <ErrorMessage error={scope.error} title="Le territoire n'a pas pu être chargé" />;
  if (!readable)
    return (
      <NotAllowed title="Vue d'ensemble du territoire">
        La vue d'ensemble des contrats d'un territoire est réservée aux délégations de l'ARS et à l'administration de la plateforme. Vos contrats sont sur la page d'accueil.
      </NotAllowed>
    );

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    next.delete("page");
    setParams(next);
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const data = overview.data;
  const badRequest = overview.error instanceof ApiError && overview.error.status === 400 ? overview.error : null;
  const title = data ? `Territoire — ${data.scope.label}` : "Territoire";

  return (
    <Page title={title} actions={data && <Exports query={exportQuery(params)} scope={apiQuery(params, SCOPE_KEYS)} />}>
      <p>
        {data
          ? `Les contrats locaux de santé de votre territoire et leur suivi au ${formatDate(data.today)} : statuts calculés suivant le calendrier, fiches en retard, rythme des instances, revues publiées, indicateurs et budgets.`
          : "Les contrats locaux de santé de votre territoire et leur suivi."}
      </p>
      <ScopePicker scope={scope.data} params={params} onChange={(kind, code) => update((next) => {
        next.delete("region");
        next.delete("departement");
        if (kind && code) next.set(kind, code);
      })} />
      <FiltersForm params={params} errors={badRequest?.fieldErrors() ?? {}} onApply={(values) => update((next) => {
        for (const [key, value] of Object.entries(values)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
      })} />
      {overview.isPending ? (
        <Loading label="Chargement des contrats du territoire…" />
      ) : overview.error && !badRequest ? (
        <ErrorMessage error={overview.error} title="La vue d'ensemble n'a pas pu être chargée" />
      ) : !data || badRequest ? null : (
        <div aria-busy={overview.isPlaceholderData}>
          <Figures a={data.aggregates} />
          <h2 className={fr.cx("fr-h4")} id="contrats">
            Contrats
          </h2>
          {data.contracts.total === 0 ? (
            <EmptyState title="Aucun contrat ne correspond à ce territoire et à ces filtres.">
              <p>Élargissez le territoire ou retirez des filtres.</p>
            </EmptyState>
          ) : (
            <>
              <Select
                className="cles-territory-sort"
                label="Trier les contrats par"
                nativeSelectProps={{
                  value: `${params.get("sort") ?? "name"}:${params.get("order") ?? "asc"}`,
                  onChange: (e) => {
                    const [sort, order] = e.target.value.split(":");
                    update((next) => {
                      next.set("sort", sort!);
                      next.set("order", order!);
                    });
                  },
                }}
              >
                {Object.entries(SORTS).flatMap(([value, label]) => [
                  <option key={`${value}:asc`} value={`${value}:asc`}>{`${label} (croissant)`}</option>,
                  <option key={`${value}:desc`} value={`${value}:desc`}>{`${label} (décroissant)`}</option>,
                ])}
              </Select>
              <ContractsTable overview={data} selected={selected} onToggle={toggle} />
              <Pages total={data.contracts.total} perPage={data.contracts.perPage} page={data.contracts.page} params={params} />
            </>
          )}
          <AggregateBlocks a={data.aggregates} labels={data.statusLabels} />
        </div>
      )}
    </Page>
  );
}

/** The territory read: the person's whole territory, one of its regions, or one of its départements. */
function ScopePicker({ scope, params, onChange }: { scope: TerritoryScope; params: URLSearchParams; onChange: (kind: "region" | "departement" | null, code: string | null) => void }) {
  const region = params.get("region");
  const departement = params.getAll("departement").join(",");
  const value = region ? `region:${region}` : departement && !departement.includes(",") ? `departement:${departement}` : "";
  const regions = scope.regions.filter((r) => r.whole && (scope.all || scope.regions.length > 1 || scope.departements.length !== r.departements.length));
  const single = !scope.all && scope.departements.length === 1;
  if (single) return null;
  return (
    <Select
      label="Territoire"
      hint={scope.all ? "L'instance entière, une région ou un département." : "Votre territoire entier, ou une partie."}
      className="cles-territory-scope"
      nativeSelectProps={{
        value,
        onChange: (e) => {
          const [kind, code] = e.target.value.split(":") as ["region" | "departement" | "", string | undefined];
          onChange(kind || null, code ?? null);
        },
      }}
    >
      <option value="">{scope.all ? "Toute l'instance" : `Tout mon territoire (${scope.label})`}</option>
      {regions.length > 0 && (
        <optgroup label="Régions">
          {regions.map((r) => (
            <option key={r.code} value={`region:${r.code}`}>{`Région ${r.name}`}</option>
          ))}
        </optgroup>
      )}
      {scope.regions.map((r) => (
        <optgroup key={r.code} label={`Départements — ${r.name}`}>
          {r.departements.map((d) => (
            <option key={d} value={`departement:${d}`}>{`Département ${d}`}</option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}

function Pages({ total, perPage, page, params }: { total: number; perPage: number; page: number; params: URLSearchParams }) {
  const count = Math.max(1, Math.ceil(total / perPage));
  if (count <= 1) return null;
  const link = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set("page", String(n));
    else next.delete("page");
    return { to: `/territoire?${next}` };
  };
  return <Pagination className={fr.cx("fr-mb-4w")} count={count} defaultPage={Math.min(page, count)} getPageLinkProps={link} showFirstLast />;
}

/** The files of the territory, with the same scope and filters (the open data: the whole scope, unfiltered). */
function Exports({ query, scope }: { query: string; scope: string }) {
  const file = (path: string, children: string, iconId: ButtonsGroupProps["buttons"][number]["iconId"] = "fr-icon-download-line", q = query) => ({
    children,
    iconId,
    priority: "secondary" as const,
    linkProps: { to: `/api/territories/${path}${q}`, reloadDocument: true, download: true },
  });
  return (
    <ButtonsGroup
      inlineLayoutWhen="lg and up"
      buttonsSize="small"
      buttonsIconPosition="left"
      buttons={[
        file("overview.xlsx", "Exporter les contrats (Excel)"),
        file("overview.csv", "Exporter les contrats (CSV)"),
        file("fiches.xlsx", "Exporter les fiches (Excel)"),
        file("fiches.csv", "Exporter les fiches (CSV)"),
        file("open-data.zip", "Données ouvertes du territoire (ZIP)", "fr-icon-archive-line", scope),
      ]}
    />
  );
}
