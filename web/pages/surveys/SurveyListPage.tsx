/** The residents' surveys of a contract: state, dates, answers received, results published or not. */
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link, useParams } from "react-router";
import { useContract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, plural } from "../../format";
import { StateBadge } from "./survey-badges";
import { useSurveys, type SurveyItem } from "./survey-api";
import "./surveys.css";

function SurveyLine({ contractId, survey: s }: { contractId: string; survey: SurveyItem }) {
  return (
    <li>
      <h2 className={fr.cx("fr-h5", "fr-mb-1w")}>
        <Link to={`/contrats/${contractId}/sondages/${s.id}`}>{s.title}</Link> <StateBadge state={s.state} />
        {s.resultsPublished && (
          <>
            {" "}
            <Badge small severity="new" as="span">
              Résultats publiés
            </Badge>
          </>
        )}
      </h2>
      <p className={fr.cx("fr-mb-0")}>{`Du ${formatDate(s.opensOn)} au ${formatDate(s.closesOn)} · ${s.answers === 0 ? "aucune réponse pour le moment" : plural(s.answers, "réponse")}`}</p>
    </li>
  );
}

export function SurveyListPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const surveys = useSurveys(contractId);
  if (contract.isPending || surveys.isPending) return <Loading label="Chargement des sondages…" />;
  if (contract.error || surveys.error) return <ErrorMessage error={contract.error ?? surveys.error} title="Les sondages n'ont pas pu être chargés" />;
  const c = contract.data;
  const items = surveys.data.items;
  const mayCreate = c.permissions.manageGovernance;
  return (
    <Page
      title="Sondages des habitants"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
      actions={
        mayCreate && (
          <Link className={fr.cx("fr-btn", "fr-icon-add-line", "fr-btn--icon-left")} to={`/contrats/${c.id}/sondages/nouveau`}>
            Créer un sondage
          </Link>
        )
      }
    >
      <p>
        Des questionnaires ouverts aux habitants, sans compte : en ligne sur la page publique du contrat, ou sur papier puis saisis par un partenaire. Les réponses sont anonymes ; les résultats
        nourrissent le suivi des fiches et la revue trimestrielle.
      </p>
      {items.length === 0 ? (
        <EmptyState title="Aucun sondage pour l'instant.">{mayCreate && <p>Créez le premier avec « Créer un sondage » : ses questions, ses dates, puis mettez-le en ligne.</p>}</EmptyState>
      ) : (
        <ul className="cles-survey-list">
          {items.map((s) => (
            <SurveyLine key={s.id} contractId={c.id} survey={s} />
          ))}
        </ul>
      )}
    </Page>
  );
}
