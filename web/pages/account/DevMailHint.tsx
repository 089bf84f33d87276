import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useOutboxAvailable } from "../../api/accounts";

/** On a development instance without SMTP, where the mail (invitations, reset links) can be read. */
export function DevMailHint() {
  if (!useOutboxAvailable()) return null;
  return (
    <p className={fr.cx("fr-text--sm", "fr-mt-4w")}>
      Instance de développement : les courriels envoyés (invitations, liens de mot de passe) sont sur la page{" "}
      <Link to="/dev/courriels">Courriels de développement</Link>.
    </p>
  );
}
