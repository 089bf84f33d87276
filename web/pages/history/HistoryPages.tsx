import { useParams, useSearchParams } from "react-router";
import { useHistory } from "../../api/accounts";
import { useContract } from "../../api/queries";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { HistoryList } from "./HistoryList";

const pageOf = (params: URLSearchParams) => Math.max(1, Number(params.get("page")) || 1);

/** Everything that changed in a contract (coordination). */
export function ContractHistoryPage() {
  const { contractId = "" } = useParams();
  const [params] = useSearchParams();
  const page = pageOf(params);
  const contract = useContract(contractId);
  const history = useHistory("contract", contractId, page);
  if (contract.isPending || history.isPending) return <Loading label="Chargement de l'historique…" />;
  if (contract.error || history.error) return <ErrorMessage error={contract.error ?? history.error} title="L'historique n'a pas pu être chargé" />;
  return (
    <Page title="Historique du contrat" breadcrumb={[{ label: "Contrats", to: "/" }, { label: contract.data.name, to: `/contrats/${contractId}` }]}>
      <HistoryList page={history.data} pageLink={(n) => `/contrats/${contractId}/historique?page=${n}`} />
    </Page>
  );
}

/** The journal of the whole instance (platform administrators). */
export function AuditPage() {
  const [params] = useSearchParams();
  const page = pageOf(params);
  const history = useHistory("all", "", page);
  if (history.isPending) return <Loading label="Chargement du journal…" />;
  if (history.error) return <ErrorMessage error={history.error} title="Le journal n'a pas pu être chargé" />;
  return (
    <Page title="Journal de la plateforme" breadcrumb={[{ label: "Contrats", to: "/" }]}>
      <HistoryList page={history.data} showContract pageLink={(n) => `/administration/journal?page=${n}`} />
    </Page>
  );
}
