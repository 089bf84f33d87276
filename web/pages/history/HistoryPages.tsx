import { fr } from "@codegouvfr/react-dsfr";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { AUDIT_OBJECT_TYPE_LABELS, type AuditObjectType } from "../../../server/shared";
import type { HistoryPage } from "../../api/accounts";
import { api, ApiError } from "../../api/client";
import { useContract } from "../../api/queries";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { HistoryFilterForm } from "./HistoryFilterForm";
import { filtersOf, hasFilters, queryOf, type HistoryFilters } from "./historyFilters";
import { HistoryList } from "./HistoryList";

/** A contract's history or the instance's journal, filtered as the address says; the previous page stays shown while the next loads. */
function useFilteredHistory(scope: { contractId: string } | "all", filters: HistoryFilters, page: number) {
  const path = scope === "all" ? "/audit" : `/contracts/${scope.contractId}/history`;
  const query = queryOf(filters, page);
  return useQuery({
    queryKey: ["history", scope === "all" ? "all" : "contract", scope === "all" ? "" : scope.contractId, page, filters],
    queryFn: ({ signal }) => api<HistoryPage>(`${path}${query}`, { signal }),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** What a screen reader hears once the history is shown. */
function statusOf(page: HistoryPage, filtered: boolean): string {
  if (!page.items.length) return filtered ? "Aucune modification ne correspond à ces filtres." : "Aucune modification enregistrée.";
  return `${filtered ? "Historique filtré" : "Historique"} : page ${page.page} sur ${page.pageCount}.`;
}

/** Everything but the accounts of the instance, which no contract holds. */
const CONTRACT_TYPES = (Object.keys(AUDIT_OBJECT_TYPE_LABELS) as AuditObjectType[]).filter((t) => t !== "account");
const ALL_TYPES = Object.keys(AUDIT_OBJECT_TYPE_LABELS) as AuditObjectType[];

function FilteredHistory({ scope, base, showContract }: { scope: { contractId: string } | "all"; base: string; showContract: boolean }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { page, ...filters } = filtersOf(params);
  const history = useFilteredHistory(scope, filters, page);
  const badFilters = history.error instanceof ApiError && history.error.status === 400 ? history.error.fieldErrors() : null;
  // Server errors on the filters are shown by their fields (« querystring.to » → « to »).
  const serverErrors = Object.fromEntries(Object.entries(badFilters ?? {}).map(([path, message]) => [path.replace(/^querystring\./, ""), message]));
  const filtered = hasFilters(filters);
  return (
    <>
      <HistoryFilterForm
        key={params.toString()}
        filters={filters}
        actors={history.data?.actors ?? []}
        types={scope === "all" ? ALL_TYPES : CONTRACT_TYPES}
        serverErrors={serverErrors}
        onApply={(next) => void navigate(`${base}${queryOf(next)}`)}
        clearTo={base}
      />
      <p className={fr.cx("fr-sr-only")} role="status">
        {history.isFetching ? "Chargement de l'historique…" : history.data ? statusOf(history.data, filtered) : ""}
      </p>
      {history.isPending && !badFilters ? (
        <Loading label="Chargement de l'historique…" />
      ) : badFilters ? (
        <p className={fr.cx("fr-error-text")}>Corrigez les filtres pour afficher l'historique.</p>
      ) : history.error ? (
        <ErrorMessage error={history.error} title="L'historique n'a pas pu être chargé" />
      ) : (
        <HistoryList
          page={history.data!}
          showContract={showContract}
          links
          emptyTitle={filtered ? "Aucune modification ne correspond à ces filtres." : "Aucune modification enregistrée."}
          pageLink={(n) => `${base}${queryOf(filters, n)}`}
        />
      )}
    </>
  );
}

/** Everything that changed in a contract (coordination). */
export function ContractHistoryPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  if (contract.isPending) return <Loading label="Chargement de l'historique…" />;
  if (contract.error) return <ErrorMessage error={contract.error} title="L'historique n'a pas pu être chargé" />;
  return (
    <Page title="Historique du contrat" breadcrumb={[{ label: "Contrats", to: "/" }, { label: contract.data.name, to: `/contrats/${contractId}` }]}>
      <FilteredHistory scope={{ contractId }} base={`/contrats/${contractId}/historique`} showContract={false} />
    </Page>
  );
}

/** The journal of the whole instance (platform administrators). */
export function AuditPage() {
  return (
    <Page title="Journal de la plateforme" breadcrumb={[{ label: "Contrats", to: "/" }]}>
      <FilteredHistory scope="all" base="/administration/journal" showContract />
    </Page>
  );
}
