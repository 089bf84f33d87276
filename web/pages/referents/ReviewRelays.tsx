/** On a review's page, for the coordination: which communes each published version was relayed to (issue 18, item 2). */
import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { formatDateTime, plural } from "../../format";
import { useReferents } from "./api";

export function ReviewRelays({ contractId, reviewId }: { contractId: string; reviewId: string }) {
  const referents = useReferents(contractId, true);
  if (!referents.data) return null;
  const relays = referents.data.relays.filter((r) => r.reviewId === reviewId);
  return (
    <section aria-labelledby="relais-revue" className={fr.cx("fr-mb-6w")}>
      <h2 id="relais-revue">Relais aux communes</h2>
      {relays.length === 0 ? (
        <p>Aucune commune n'a reçu cette revue : aucun référent de commune n'a d'adresse e-mail.</p>
      ) : (
        <ul>
          {relays.map((r) => (
            <li key={`${r.sentAt}-${r.reviewNumber}`}>
              {`Version ${r.reviewNumber ?? 1}, le ${formatDateTime(r.sentAt)} : ${plural(r.communes.length, "commune atteinte", "communes atteintes")} — `}
              {r.communes.map((c) => `${c.name}${c.failed ? " (échec de l'envoi)" : ""}`).join(", ")}
            </li>
          ))}
        </ul>
      )}
      <p className={fr.cx("fr-text--sm")}>
        <Link to={`/contrats/${contractId}#referents`}>Voir les référents des communes</Link>
      </p>
    </section>
  );
}
