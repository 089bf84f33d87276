/**
 * A residents' survey as they read it, without an account (route /public/:slug/sondages/:surveyId):
 * what it is for, until when one may answer, the questionnaire when it is open, a clear word
 * when it is not (not yet, closed, already answered from this device), and the results when
 * the coordination published them.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useParams } from "react-router";
import { ApiError } from "../../api/client";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate } from "../../format";
import { PublicAnswerForm } from "./public-answer-form";
import { answersSummary, ResultsView } from "./results-section";
import { usePublicResults, usePublicSurvey, type PublicSurvey } from "./survey-api";
import "./surveys.css";

function NotOnline() {
  return (
    <Page title="Questionnaire introuvable">
      <Alert
        severity="info"
        as="h2"
        title="Ce questionnaire n'est pas, ou plus, en ligne"
        description="Vérifiez l'adresse de la page, ou adressez-vous à la personne ou au partenaire qui vous l'a transmise."
        className={fr.cx("fr-mb-4w")}
      />
    </Page>
  );
}

/** Why the questionnaire is not shown: not open yet, closed, already answered from this device. */
function Unavailable({ survey: s }: { survey: PublicSurvey }) {
  const [title, description] =
    s.state === "scheduled"
      ? ["Ce questionnaire n'est pas encore ouvert", `Il ouvre le ${formatDate(s.opensOn)} : revenez à partir de cette date.`]
      : s.state === "closed"
        ? ["Ce questionnaire est clos", `Il était ouvert jusqu'au ${formatDate(s.closesOn)}. Merci de votre intérêt.`]
        : s.state === "draft"
          ? ["Ce questionnaire n'est pas en ligne", "Adressez-vous à la personne ou au partenaire qui vous l'a transmis."]
          : ["Vous avez déjà répondu depuis cet appareil", "Une seule réponse est possible par appareil. Merci de votre participation !"];
  return <Alert severity="info" as="h2" title={title} description={description} className={fr.cx("fr-mb-4w")} />;
}

function PublicResults({ slug, surveyId }: { slug: string; surveyId: string }) {
  const results = usePublicResults(slug, surveyId, true);
  return (
    <section aria-labelledby="resultats" className={fr.cx("fr-mt-6w")}>
      <h2 id="resultats" tabIndex={-1}>
        Résultats
      </h2>
      {results.isPending && <p>Chargement des résultats…</p>}
      {results.error && <Alert severity="error" small description={results.error.message} />}
      {results.data && (
        <>
          <p>{answersSummary(results.data)}</p>
          <ResultsView results={results.data} publicView />
        </>
      )}
    </section>
  );
}

export function PublicSurveyPage() {
  const { slug = "", surveyId = "" } = useParams();
  const survey = usePublicSurvey(slug, surveyId);
  if (survey.isPending) return <Loading label="Chargement du questionnaire…" />;
  if (survey.error) {
    if (survey.error instanceof ApiError && survey.error.status === 404) return <NotOnline />;
    return <ErrorMessage error={survey.error} title="Le questionnaire ne peut pas être affiché" />;
  }
  const s = survey.data;
  const open = s.state === "open" && !s.alreadyAnswered;
  return (
    <Page title={s.title} breadcrumb={[{ label: s.contractTitle, to: `/public/${slug}` }]}>
      <p className={fr.cx("fr-text--sm")}>{`Questionnaire — ${s.contractTitle}. Organisation : ${s.organiser}.`}</p>
      {s.intro && <p className="cles-prewrap">{s.intro}</p>}
      <p className={fr.cx("fr-text--lg")}>
        Ouvert aux réponses du <strong>{formatDate(s.opensOn)}</strong> au <strong>{formatDate(s.closesOn)}</strong> inclus.
      </p>
      {s.resultsPublished && (
        <p>
          <a href="#resultats" className={fr.cx("fr-link", "fr-icon-bar-chart-box-line", "fr-link--icon-left")}>
            Voir les résultats
          </a>
        </p>
      )}
      {open ? (
        <section aria-labelledby="repondre">
          <h2 id="repondre">Répondre</h2>
          <PublicAnswerForm survey={s} slug={slug} />
        </section>
      ) : (
        <Unavailable survey={s} />
      )}
      {s.resultsPublished && <PublicResults slug={slug} surveyId={s.id} />}
    </Page>
  );
}
