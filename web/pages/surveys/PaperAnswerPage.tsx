/**
 * A member types in an answer a resident gave on a paper form: the same questionnaire as the
 * public page, and the day the person answered. Once saved, an empty form is ready for the
 * next paper answer, with the message at its top (focused).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { useContract, type Contract } from "../../api/queries";
import { errorProps, fieldId, type Errors } from "../../components/form";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";
import { formatDate, plural, todayInParis } from "../../format";
import { answersToSend, checkAnswerDraft, errorsFromServer, type AnswerDraft } from "./answer-draft";
import { usePaperAnswer, useSurvey, type Places, type Survey } from "./survey-api";
import { SurveyForm } from "./SurveyForm";
import "./surveys.css";

export function PaperAnswerPage() {
  const { contractId = "", surveyId = "" } = useParams();
  const contract = useContract(contractId);
  const survey = useSurvey(surveyId);
  if (contract.isPending || survey.isPending) return <Loading label="Chargement du questionnaire…" />;
  if (contract.error || survey.error) return <ErrorMessage error={contract.error ?? survey.error} title="Le questionnaire n'a pas pu être chargé" />;
  const c = contract.data;
  const s = survey.data;
  if (!s.canEnter)
    return (
      <NotAllowed title="Vous ne pouvez pas saisir de réponse à ce sondage">
        Les membres du contrat saisissent les réponses données sur papier. <Link to={`/contrats/${c.id}/sondages/${s.id}`}>Revenir au sondage</Link>
      </NotAllowed>
    );
  // The survey carries the contract's communes and priority areas (with the ids answers refer to).
  const places: Places = { communes: s.communes, priorityAreas: s.priorityAreas };
  return <PaperForm contract={c} survey={s} places={places} />;
}

/** The day the person answered: today when the survey is open, else its closing day. */
const defaultDay = (s: Survey) => {
  const today = todayInParis();
  return today < s.opensOn ? "" : today > s.closesOn ? s.closesOn : today;
};

function PaperForm({ contract: c, survey: s, places }: { contract: Contract; survey: Survey; places: Places }) {
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [respondedOn, setRespondedOn] = useState(() => defaultDay(s));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<{ message: string; count: number } | null>(null);
  const top = useRef<HTMLDivElement>(null);
  const send = usePaperAnswer(s);
  useEffect(() => {
    if (saved) top.current?.focus();
  }, [saved]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkAnswerDraft(s.questions, draft);
    if (!respondedOn) found.respondedOn = "Indiquez la date à laquelle la personne a répondu.";
    if (Object.keys(found).length) return setErrors(found);
    setErrors({});
    send.mutate(
      { answers: answersToSend(s.questions, draft), respondedOn },
      {
        onSuccess: (answered) => {
          // An empty form for the next paper answer; the day stays (answers of a same event are typed in a row).
          setDraft({});
          setSaved((x) => ({ message: answered.message, count: (x?.count ?? 0) + 1 }));
          send.reset();
        },
        onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? errorsFromServer(error.fieldErrors(), s.questions) : {}),
      },
    );
  };
  const failure = send.error && !Object.keys(errors).length ? send.error : null;
  return (
    <Page
      title={`Saisir une réponse papier : ${s.title}`}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
        { label: "Sondages des habitants", to: `/contrats/${c.id}/sondages` },
        { label: s.title, to: `/contrats/${c.id}/sondages/${s.id}` },
      ]}
    >
      <div ref={top} tabIndex={-1}>
        {saved && (
          <Alert
            severity="success"
            small
            className={fr.cx("fr-mb-3w")}
            description={`${saved.message} (${plural(saved.count, "réponse saisie", "réponses saisies")} depuis l'ouverture de cette page.)`}
          />
        )}
      </div>
      <p>
        {`Recopiez les réponses d'un questionnaire papier, telles que la personne les a données. La réponse sera marquée « papier » et comptée dans les résultats. Questionnaire ouvert du ${formatDate(s.opensOn)} au ${formatDate(s.closesOn)}.`}
      </p>
      <h2 id="saisie" className={fr.cx("fr-h4")}>
        Réponse papier
      </h2>
      <SurveyForm
        questions={s.questions}
        places={places}
        draft={draft}
        setDraft={setDraft}
        errors={errors}
        failure={failure}
        onSubmit={submit}
        pending={send.isPending}
        submitLabel="Enregistrer cette réponse"
        pendingLabel="Enregistrement…"
        labelledBy="saisie"
        before={
          <Input
            label="Date de la réponse"
            hintText={`Le jour où la personne a rempli le questionnaire papier, entre le ${formatDate(s.opensOn)} et le ${formatDate(s.closesOn)}.`}
            {...errorProps(errors, "respondedOn")}
            nativeInputProps={{ id: fieldId("respondedOn"), type: "date", min: s.opensOn, max: s.closesOn, value: respondedOn, onChange: (e) => setRespondedOn(e.target.value) }}
          />
        }
      />
    </Page>
  );
}
