/** A contract's status as it follows the calendar (« À évaluer » past its end): the same rule as the server's. */
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link } from "react-router";
import { SHOWN_CONTRACT_STATUSES, shownContractStatus, type ContractStatus } from "../../../server/shared";
import { formatDate, todayInParis } from "../../format";

export function ContractStatusBadge({ contract }: { contract: { status: ContractStatus; startDate: string; endDate: string } }) {
  const shown = shownContractStatus(contract, todayInParis());
  return (
    <Badge severity={shown === "running" ? "success" : shown === "to_evaluate" ? "warning" : "info"} noIcon>
      {SHOWN_CONTRACT_STATUSES[shown]}
    </Badge>
  );
}

/** To the coordination of a contract past its end date still « en cours »: move it on, to prepare the final evaluation. */
export function EndedContractPrompt({ contract: c }: { contract: { id: string; status: ContractStatus; startDate: string; endDate: string; permissions: { update: boolean } } }) {
  if (!c.permissions.update || shownContractStatus(c, todayInParis()) !== "to_evaluate") return null;
  return (
    <Alert
      severity="warning"
      small
      className="fr-mb-3w"
      description={
        <>
          {`Ce contrat a pris fin le ${formatDate(c.endDate)} : passez-le au statut « En évaluation » pour préparer son évaluation finale. `}
          <Link to={`/contrats/${c.id}/modifier`}>Modifier le statut du contrat</Link>
        </>
      }
    />
  );
}
