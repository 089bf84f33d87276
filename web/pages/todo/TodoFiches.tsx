/** Fiches and what is due on each, as « Mes fiches » and the dashboard's « À faire » show them: late first, each with its link. */
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link } from "react-router";
import { ShownStatusBadge } from "../../components/ShownStatusBadge";
import { dueLink, followUpAt } from "./due-links";
import type { TodoFiche } from "./todo-api";

/** One fiche: its title and status, who pilots it, what is due, and the quick links to do it. */
export function TodoFicheCard({ contractId, fiche: f, headingLevel = 3, showPilots = false }: { contractId: string; fiche: TodoFiche; headingLevel?: 3 | 4; showPilots?: boolean }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const hasIndicator = f.due.some((d) => d.kind === "indicator");
  return (
    <li className={fr.cx("fr-mb-4w")}>
      <Heading className={fr.cx("fr-h6", "fr-mb-1v")}>
        <Link to={`/contrats/${contractId}/fiches/${f.id}`}>{`FA ${f.number} — ${f.title}`}</Link>
      </Heading>
      <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>
        <ShownStatusBadge status={f.shownStatus} label={f.shownStatusLabel} />
        {showPilots && <span className={fr.cx("fr-ml-1w")}>{f.pilots.length ? `Pilotée par ${f.pilots.map((p) => p.name).join(", ")}` : "Aucune personne ne pilote cette fiche"}</span>}
      </p>
      {f.due.length === 0 ? (
        <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>Rien n'est attendu pour le moment.</p>
      ) : (
        <ul className={fr.cx("fr-text--sm", "fr-mb-1w")}>
          {f.due.map((d) => {
            const link = dueLink(contractId, f.id, d);
            return (
              <li key={`${d.kind}-${d.targetId ?? ""}`}>
                {d.late && (
                  <Badge small severity="error" noIcon className={fr.cx("fr-mr-1w")}>
                    En retard
                  </Badge>
                )}
                {`${d.message} — `}
                <Link to={link.to}>
                  {link.label}
                  <span className={fr.cx("fr-sr-only")}>{` (FA ${f.number})`}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--sm", "fr-btns-group--icon-left")}>
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-add-line")} to={followUpAt(contractId, f.id, "avancement")}>
            Ajouter un avancement
            <span className={fr.cx("fr-sr-only")}>{` à la FA ${f.number}`}</span>
          </Link>
        </li>
        {hasIndicator && (
          <li>
            <Link className={fr.cx("fr-btn", "fr-btn--tertiary", "fr-icon-line-chart-line")} to={followUpAt(contractId, f.id, "indicateurs")}>
              Saisir une mesure
              <span className={fr.cx("fr-sr-only")}>{` d'un indicateur de la FA ${f.number}`}</span>
            </Link>
          </li>
        )}
      </ul>
    </li>
  );
}
