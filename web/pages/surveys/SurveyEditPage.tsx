/** Creates or changes a residents' survey: the survey, its answers and data, its questions. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { useActions, useContract, type Contract } from "../../api/queries";
import { ErrorSummary, FormProblem, RequiredNote, type Errors } from "../../components/form";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { plural } from "../../format";
import { QuestionList } from "./question-fields";
import { useSaveSurvey, useSurvey, type Survey } from "./survey-api";
import { draftFromSurvey, emptySurveyDraft, surveyErrorLabel, validateSurvey, type SurveyDraft } from "./survey-draft";
import { AnswerSettingsFields, SurveyMainFields, type Locks } from "./survey-fields";
import "./surveys.css";

/** The paths this form shows a field for: a server error on any other is said above the form. */
const SHOWN = ["title", "intro", "opensOn", "closesOn", "actionIds", "oneAnswerPerDevice", "askContact", "retentionMonths", "questions"];

export function SurveyEditPage() {
  const { contractId = "", surveyId } = useParams();
  const contract = useContract(contractId);
  const survey = useSurvey(surveyId ?? "", !!surveyId);
  // Bumped by « afficher la version actuelle » after someone else's save: the form starts again from it.
  const [generation, setGeneration] = useState(0);
  if (contract.isPending || (surveyId && survey.isPending)) return <Loading label="Chargement du formulaire…" />;
  const error = contract.error ?? (surveyId ? survey.error : null);
  if (error) return <ErrorMessage error={error} title="Le formulaire n'a pas pu être chargé" />;
  const c = contract.data!;
  const back = surveyId ? `/contrats/${contractId}/sondages/${surveyId}` : `/contrats/${contractId}/sondages`;
  const allowed = surveyId ? survey.data!.canManage : c.permissions.manageGovernance;
  if (!allowed)
    return (
      <NotAllowed title={surveyId ? "Vous ne pouvez pas modifier ce sondage" : "Vous ne pouvez pas créer de sondage"}>
        Seule la coordination du contrat prépare les sondages des habitants. <Link to={back}>Revenir aux sondages</Link>
      </NotAllowed>
    );
  const reload = () => void survey.refetch().then(() => setGeneration((g) => g + 1));
  return <SurveyForm key={`${surveyId ?? "nouveau"}-${generation}`} contract={c} survey={surveyId ? survey.data : undefined} onReload={reload} />;
}

/** With answers received, the questions and options they refer to stay. */
function locksOf(survey?: Survey): Locks {
  if (!survey || survey.answers.total === 0) return { questions: new Set(), options: new Set() };
  return {
    questions: new Set(survey.questions.map((q) => q.id)),
    options: new Set(survey.questions.flatMap((q) => [...q.options.map((o) => `${q.id}/${o.id}`), ...(q.other ? [`${q.id}/other`] : [])])),
  };
}

function SurveyForm({ contract, survey, onReload }: { contract: Contract; survey?: Survey; onReload: () => void }) {
  const navigate = useNavigate();
  const fiches = useActions(contract.id, {});
  const [draft, setDraftState] = useState<SurveyDraft>(() => (survey ? draftFromSurvey(survey) : emptySurveyDraft()));
  const [errors, setErrors] = useState<Errors>({});
  const [dirty, setDirty] = useState(false);
  // The version the draft started from: a save over someone else's later one is refused (409).
  const [base] = useState(() => (survey ? { id: survey.id, version: survey.version } : undefined));
  const save = useSaveSurvey(contract.id, base);
  const [locks] = useState(() => locksOf(survey));
  const setDraft = (update: (d: SurveyDraft) => SurveyDraft) => {
    setDraftState(update);
    setDirty(true);
  };
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const verdict = validateSurvey(draft);
    if (verdict.errors) return setErrors(verdict.errors);
    setErrors({});
    save.mutate(verdict.body, {
      onSuccess: (id) => {
        setDirty(false);
        void navigate(`/contrats/${contract.id}/sondages/${id}`, { state: { saved: true } });
      },
      onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? error.fieldErrors() : {}),
    });
  };

  const cancelTo = survey ? `/contrats/${contract.id}/sondages/${survey.id}` : `/contrats/${contract.id}/sondages`;
  const props = { draft, setDraft, errors };
  return (
    <Page
      title={survey ? `Modifier : ${survey.title}` : "Nouveau sondage"}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.name, to: `/contrats/${contract.id}` },
        { label: "Sondages des habitants", to: `/contrats/${contract.id}/sondages` },
        ...(survey ? [{ label: survey.title, to: `/contrats/${contract.id}/sondages/${survey.id}` }] : []),
      ]}
    >
      <form onSubmit={onSubmit} noValidate>
        <RequiredNote />
        {survey && survey.answers.total > 0 && (
          <Alert
            severity="warning"
            small
            className={fr.cx("fr-mb-3w")}
            description={`Ce sondage a déjà reçu ${plural(survey.answers.total, "réponse")} : ses questions et ses choix ne peuvent plus être retirés, ni leur type changé. Vous pouvez corriger un intitulé, ajouter des questions ou des choix.`}
          />
        )}
        <ErrorSummary errors={errors} labels={(path) => surveyErrorLabel(path, draft.questions)} />
        <FormProblem error={save.error} errors={errors} shown={SHOWN} what="ce sondage" onReload={survey ? onReload : undefined} />
        <SurveyMainFields {...props} fiches={fiches.data?.items ?? []} />
        <AnswerSettingsFields {...props} />
        <QuestionList {...props} locks={locks} />
        <div className="cles-sticky-actions">
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--icon-left", "fr-btns-group--inline-md")}>
            <li>
              <Button type="submit" iconId="fr-icon-save-line" disabled={save.isPending}>
                {save.isPending ? "Enregistrement…" : survey ? "Enregistrer le sondage" : "Créer le sondage"}
              </Button>
            </li>
            <li>
              <Button priority="secondary" type="button" onClick={() => void navigate(cancelTo)}>
                Annuler
              </Button>
            </li>
          </ul>
        </div>
      </form>
    </Page>
  );
}
