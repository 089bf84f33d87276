import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ACTION_SORTS, actionFilters, type ActionFilters } from "../../../server/shared-forms";
import { addBudgetTotals, budgetTotalsText, SHOWN_STATUSES } from "../../../server/shared";
import { useActions, useContract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { euros, formatMonth, plural } from "../../format";
import { ShownStatusBadge } from "../../components/ShownStatusBadge";
import { FicheListActions } from "./ActionImportPage";

/** Reads the filters from the URL, dropping any value the API would refuse. */
function filtersFromUrl(params: URLSearchParams): ActionFilters {
  const out: Record<string, string> = {};
  for (const [key, value] of params) {
    const parsed = actionFilters.safeParse({ [key]: value });
    if (parsed.success && value) out[key] = value;
  }
  return out as ActionFilters;
}

export function ActionListPage() {
  const { contractId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromUrl(params);
  const contract = useContract(contractId);
  const list = useActions(contractId, filters);
  const listBudget = list.data ? budgetTotalsText(addBudgetTotals(list.data.items.map((a) => a.budget))) : null;
  const [q, setQ] = useState(filters.q ?? "");
  useEffect(() => setQ(filters.q ?? ""), [filters.q]);

  const setFilter = (key: keyof ActionFilters, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: false });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setFilter("q", q.trim() || undefined);
  };

  if (contract.isPending) return <Loading label="Chargement des fiches…" />;
  if (contract.error) return <ErrorMessage error={contract.error} />;
  const c = contract.data;
  const active = Object.keys(filters).filter((k) => k !== "sort" && k !== "order").length;

  return (
    <Page
      title="Fiches actions"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
      actions={<FicheListActions contract={c} />}
    >
      <form role="search" onSubmit={onSearch} className={fr.cx("fr-mb-2w")}>
        <div className={fr.cx("fr-search-bar", "fr-search-bar--lg")}>
          <label className={fr.cx("fr-label")} htmlFor="recherche">
            Rechercher dans les fiches
          </label>
          <input
            className={fr.cx("fr-input")}
            id="recherche"
            type="search"
            placeholder="Rechercher (ex. « vaccination », « FA 9 »)"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button className={fr.cx("fr-btn")} type="submit" title="Rechercher">
            Rechercher
          </button>
        </div>
      </form>
      <fieldset className="fr-fieldset cles-filters" aria-label="Filtres">
        <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-col-12")}>
          <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Axe" nativeSelectProps={{ value: filters.axis ?? "", onChange: (e) => setFilter("axis", e.target.value) }}>
            <option value="">Tous les axes</option>
            {c.axes.map((a) => (
              <option key={a.id} value={a.id}>{`Axe ${a.number} — ${a.title}`}</option>
            ))}
          </Select>
          <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Thème" nativeSelectProps={{ value: filters.theme ?? "", onChange: (e) => setFilter("theme", e.target.value) }}>
            <option value="">Tous les thèmes</option>
            {(list.data?.facets.themes ?? []).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
          <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Porteur" nativeSelectProps={{ value: filters.lead ?? "", onChange: (e) => setFilter("lead", e.target.value) }}>
            <option value="">Tous les porteurs</option>
            {(list.data?.facets.leads ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
          <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Statut" nativeSelectProps={{ value: filters.shown ?? "", onChange: (e) => setFilter("shown", e.target.value) }}>
            <option value="">Tous les statuts</option>
            {Object.entries(SHOWN_STATUSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
          <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Territoire (commune)" nativeSelectProps={{ value: filters.commune ?? "", onChange: (e) => setFilter("commune", e.target.value) }}>
            <option value="">Tout le territoire</option>
            {c.communes.map((m) => (
              <option key={m.inseeCode} value={m.inseeCode}>
                {m.name}
              </option>
            ))}
          </Select>
          <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Trier par" nativeSelectProps={{ value: `${list.data?.sort ?? filters.sort ?? "number"}:${filters.order ?? "asc"}`, onChange: (e) => {
            const [sort, order] = e.target.value.split(":");
            const next = new URLSearchParams(params);
            next.set("sort", sort!);
            if (order === "desc") next.set("order", "desc");
            else next.delete("order");
            setParams(next);
          } }}>
            {Object.entries(ACTION_SORTS)
              .filter(([value]) => value !== "relevance" || filters.q)
              .flatMap(([value, label]) => [
                <option key={`${value}:asc`} value={`${value}:asc`}>{`${label} (croissant)`}</option>,
                <option key={`${value}:desc`} value={`${value}:desc`}>{`${label} (décroissant)`}</option>,
              ])}
          </Select>
        </div>
        <Checkbox
          className={fr.cx("fr-col-12")}
          small
          options={[
            { label: "Mes fiches seulement (celles que je pilote)", nativeInputProps: { checked: filters.mine === "true", onChange: (e) => setFilter("mine", e.target.checked ? "true" : undefined) } },
            { label: "Afficher les fiches archivées à la place", nativeInputProps: { checked: filters.archived === "true", onChange: (e) => setFilter("archived", e.target.checked ? "true" : undefined) } },
          ]}
        />
      </fieldset>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-mb-2w")}>
        <p role="status" aria-live="polite" className={fr.cx("fr-col", "fr-mb-0")}>
          {list.isPending ? "Recherche…" : list.data ? plural(list.data.total, "fiche trouvée", "fiches trouvées") : ""}
          {listBudget && <span className={fr.cx("fr-text--sm")}>{` — budget de ces fiches : ${listBudget}`}</span>}
        </p>
        {active > 0 && (
          <Button priority="tertiary no outline" size="small" iconId="fr-icon-close-circle-line" onClick={() => setParams(new URLSearchParams())}>
            Effacer les filtres
          </Button>
        )}
      </div>
      {list.error ? (
        <ErrorMessage error={list.error} title="Les fiches n'ont pas pu être chargées" />
      ) : list.isPending ? (
        <Loading label="Chargement des fiches…" />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={active ? "Aucune fiche ne correspond à ces critères." : "Ce contrat n'a pas encore de fiche action."}>
          {active ? <p>Modifiez ou effacez les filtres.</p> : <Link to={`/contrats/${c.id}/fiches/nouvelle`}>Créer la première fiche</Link>}
        </EmptyState>
      ) : (
        <Table
          caption="Fiches actions du contrat"
          noCaption
          fixed={false}
          headers={["N°", "Intitulé", "Axe", "Porteur", "Pilotée par", "Début", "Fin", "Budget", "Statut"]}
          data={list.data.items.map((a) => [
            <span key="n" className="cles-nowrap">{`FA ${a.number}`}</span>,
            <span key="t">
              <Link to={`/contrats/${c.id}/fiches/${a.id}`}>{a.title}</Link>
              {a.archivedAt && (
                <Badge small noIcon className={fr.cx("fr-ml-1w")}>
                  Archivée
                </Badge>
              )}
            </span>,
            <span key="a" className="cles-nowrap">{`Axe ${a.axis.number}${a.objective ? ` · ${a.objective.code}` : ""}`}</span>,
            a.lead ? a.lead.name : "—",
            a.pilots.length ? a.pilots.map((p) => p.name).join(", ") : "—",
            <span key="s" className="cles-nowrap">{formatMonth(a.startMonth)}</span>,
            <span key="e" className="cles-nowrap">{formatMonth(a.endMonth)}</span>,
            <span key="b" className="cles-nowrap">{a.budget.total ? euros(a.budget.total) : "—"}</span>,
            <ShownStatusBadge key="st" status={a.shownStatus} label={a.shownStatusLabel} />,
          ])}
        />
      )}
    </Page>
  );
}
