/**
 * A residents' survey for the contract's members: where it stands, its dates and answers,
 * its public address, putting it online and publishing its results (the coordination), paper
 * answers (members), the results with exports and cross-tabulation, the addresses left
 * (the coordination only), and deleting it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Link, useLocation, useParams } from "react-router";
import { useContract } from "../../api/queries";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, plural, yesNo } from "../../format";
import { ContactsSection } from "./contacts-section";
import { SurveyResultsSection } from "./results-section";
import { useSurvey, type Survey } from "./survey-api";
import { DeleteSection, PublicationSection } from "./survey-publication";
import { StateBadge } from "./survey-badges";
import "./surveys.css";

export function SurveyPage() {
  const { contractId = "", surveyId = "" } = useParams();
  const contract = useContract(contractId);
  const survey = useSurvey(surveyId);
  const location = useLocation();
  if (contract.isPending || survey.isPending) return <Loading label="Chargement du sondage…" />;
  if (contract.error || survey.error) return <ErrorMessage error={contract.error ?? survey.error} title="Le sondage n'a pas pu être chargé" />;
  const c = contract.data;
  const s = survey.data;
  const justSaved = (location.state as { saved?: boolean } | null)?.saved;
  return (
    <Page
      title={s.title}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
        { label: "Sondages des habitants", to: `/contrats/${c.id}/sondages` },
      ]}
      actions={<Actions survey={s} />}
    >
      {justSaved && <Alert severity="success" small description="Le sondage est enregistré." className={fr.cx("fr-mb-3w")} />}
      <p>
        <StateBadge state={s.state} />
      </p>
      {s.intro && <p className="cles-prewrap">{s.intro}</p>}
      <Facts survey={s} />
      <PublicationSection survey={s} />
      <SurveyResultsSection survey={s} />
      {s.canManage && <ContactsSection survey={s} />}
      {s.canManage && <DeleteSection survey={s} />}
    </Page>
  );
}

/** Modifier (the coordination) and « Saisir une réponse papier » (members). */
function Actions({ survey: s }: { survey: Survey }) {
  if (!s.canManage && !s.canEnter) return null;
  return (
    <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
      {s.canManage && (
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-edit-line", "fr-btn--icon-left")} to={`/contrats/${s.contractId}/sondages/${s.id}/modifier`}>
            Modifier le sondage
          </Link>
        </li>
      )}
      {s.canEnter && (
        <li>
          <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-file-text-line", "fr-btn--icon-left")} to={`/contrats/${s.contractId}/sondages/${s.id}/saisie`}>
            Saisir une réponse papier
          </Link>
        </li>
      )}
    </ul>
  );
}

function Facts({ survey: s }: { survey: Survey }) {
  const { total, online, paper } = s.answers;
  return (
    <dl className="cles-dl">
      <dt>Ouverture aux réponses</dt>
      <dd>{`du ${formatDate(s.opensOn)} au ${formatDate(s.closesOn)} inclus`}</dd>
      <dt>Réponses reçues</dt>
      <dd>{total === 0 ? "Aucune réponse pour le moment." : `${plural(total, "réponse")} : ${plural(online, "en ligne", "en ligne")}, ${plural(paper, "sur papier", "sur papier")}`}</dd>
      <dt>Questions</dt>
      <dd>{plural(s.questions.length, "question")}</dd>
      <dt>Une seule réponse par appareil</dt>
      <dd>{yesNo(s.oneAnswerPerDevice)}</dd>
      <dt>Adresse e-mail proposée</dt>
      <dd>{s.askContact ? `Oui, facultative, avec accord ; effacée ${s.retentionMonths} mois après la clôture` : "Non"}</dd>
      <dt>Fiches liées</dt>
      <dd>
        {s.actions.length === 0 ? (
          <span className="cles-empty">Aucune fiche</span>
        ) : (
          <ul className={fr.cx("fr-mb-0")}>
            {s.actions.map((a) => (
              <li key={a.id}>
                <Link to={`/contrats/${s.contractId}/fiches/${a.id}`}>{`FA ${a.number} — ${a.title}`}</Link>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
