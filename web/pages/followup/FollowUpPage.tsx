/**
 * The « Suivi » of a fiche: what was planned (rétroplanning), what was done
 * (état d'avancement réel), what remains, what must change, what the indicators
 * say, and the partners' remarks. Everyone who reads the fiche sees it; the
 * coordination and the fiche's leads change it (permissions from the server).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { MouseEvent } from "react";
import { Link, useParams } from "react-router";
import { useProgress, type FicheWithFollowUp } from "../../api/followup";
import { useAction, useContract } from "../../api/queries";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { StatusBadge } from "../../components/StatusBadge";
import { AdjustmentsSection } from "./AdjustmentsSection";
import { DecisionsSection } from "./DecisionsSection";
import { IndicatorsSection } from "./IndicatorsSection";
import { MilestonesSection } from "./MilestonesSection";
import { ProgressSection } from "./ProgressSection";
import { RemainingSection } from "./RemainingSection";
import { RemarksSection } from "./Remarks";
import { ResidentsSection } from "./ResidentsSection";
import { ShownStatusBadge } from "../../components/ShownStatusBadge";
import "./followup.css";

const SECTIONS = [
  ["retroplanning", "Rétroplanning"],
  ["avancement", "État d'avancement réel"],
  ["reste-a-faire", "Reste-à-faire"],
  ["ajustements", "Ajustements nécessaires"],
  ["decisions", "Décisions qui la concernent"],
  ["indicateurs", "Indicateurs"],
  ["habitants", "Paroles d'habitants"],
  ["remarques", "Remarques partenaires"],
] as const;

export function FollowUpPage() {
  const { contractId = "", actionId = "" } = useParams();
  const contract = useContract(contractId);
  const action = useAction(actionId);
  const entries = useProgress(actionId);
  if (contract.isPending || action.isPending) return <Loading label="Chargement du suivi…" />;
  if (contract.error || action.error) return <ErrorMessage error={contract.error ?? action.error} title="Le suivi n'a pas pu être chargé" />;
  const a = action.data as FicheWithFollowUp;
  const c = contract.data;
  const canEdit = a.permissions.update && !a.archivedAt;
  return (
    <Page
      title={`Suivi de la FA ${a.number} — ${a.title}`}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
        { label: "Fiches actions", to: `/contrats/${c.id}/fiches` },
        { label: `FA ${a.number}`, to: `/contrats/${c.id}/fiches/${a.id}` },
      ]}
      actions={
        <Button priority="secondary" iconId="fr-icon-file-text-line" iconPosition="left" linkProps={{ to: `/contrats/${c.id}/fiches/${a.id}` }}>
          Voir la fiche
        </Button>
      }
    >
      <FicheSituation fiche={a} contractId={c.id} />
      {a.archivedAt && <Alert severity="info" small description="Cette fiche est archivée : son suivi se consulte mais ne se modifie plus." className={fr.cx("fr-mb-3w")} />}
      {!a.archivedAt && !a.permissions.update && (
        <p className={fr.cx("fr-text--sm", "fr-mb-3w")}>Vous consultez ce suivi : seules la coordination du contrat et les personnes qui pilotent la fiche le mettent à jour. Vous pouvez écrire des remarques.</p>
      )}
      <SectionNav />
      <MilestonesSection actionId={a.id} canEdit={canEdit} />
      <ProgressSection actionId={a.id} contractId={c.id} canEdit={canEdit} />
      <RemainingSection actionId={a.id} canEdit={canEdit} />
      <AdjustmentsSection actionId={a.id} contractId={c.id} canEdit={canEdit} />
      <DecisionsSection actionId={a.id} contractId={c.id} />
      <IndicatorsSection actionId={a.id} />
      <ResidentsSection actionId={a.id} contractId={c.id} />
      <RemarksSection actionId={a.id} entries={entries.data?.items} />
    </Page>
  );
}

/** Status as shown (« En retard », « Fusionnée »), and the fiches merged with this one. */
export function FicheSituation({ fiche: a, contractId }: { fiche: FicheWithFollowUp; contractId: string }) {
  return (
    <div className={fr.cx("fr-mb-3w")}>
      <p className={fr.cx("fr-mb-1w")}>
        {"Statut : "}
        {a.shownStatus && a.shownStatusLabel ? <ShownStatusBadge status={a.shownStatus} label={a.shownStatusLabel} /> : <StatusBadge status={a.status} />}
      </p>
      {a.mergedInto && (
        <p className={fr.cx("fr-mb-1w")}>
          {`Fusionnée dans `}
          <Link to={`/contrats/${contractId}/fiches/${a.mergedInto.id}`}>{`FA ${a.mergedInto.number} — ${a.mergedInto.title}`}</Link>
        </p>
      )}
      {!!a.mergedFrom?.length && (
        <p className={fr.cx("fr-mb-1w")}>
          {"Fiches fusionnées dans celle-ci : "}
          {a.mergedFrom.map((f, index) => (
            <span key={f.id}>
              {index > 0 && ", "}
              <Link to={`/contrats/${contractId}/fiches/${f.id}`}>{`FA ${f.number} — ${f.title}`}</Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** The page's summary: a link per section; following one moves the focus to that section's title. */
function SectionNav() {
  const go = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const heading = document.getElementById(`${id}-titre`);
    if (!heading) return;
    e.preventDefault();
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  };
  return (
    <nav className={`${fr.cx("fr-summary", "fr-mb-5w")} cles-followup-summary`} aria-labelledby="sommaire-suivi">
      <p className={fr.cx("fr-summary__title")} id="sommaire-suivi">
        Sommaire du suivi
      </p>
      <ol className="fr-summary__list">
        {SECTIONS.map(([id, label]) => (
          <li key={id}>
            <a className={fr.cx("fr-summary__link")} href={`#${id}`} onClick={(e) => go(e, id)}>
              {label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
