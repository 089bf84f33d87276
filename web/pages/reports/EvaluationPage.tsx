/**
 * The contract's evaluation: the coordination writes each part, opens the questionnaire
 * to the members and closes it, reads the aggregated answers, records the COPIL meeting
 * that validated it; everyone who reads the contract downloads it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { useContract } from "../../api/queries";
import { closeQuestionnaire, openQuestionnaire, saveEvaluation, useEvaluation, useEvaluationChange, validateEvaluation, type Evaluation } from "../../api/reports";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { plural, shortDate } from "../../format";
import { RichTextEditor } from "../../components/RichTextEditor";
import { DownloadButtons } from "./DownloadButtons";
import { AggregatedAnswers } from "./EvaluationAnswers";
import { QuestionsEditor } from "./EvaluationQuestions";

const SEVERITY = { draft: "info", questionnaire_open: "new", questionnaire_closed: "warning", validated: "success" } as const;
const PART_HINTS: Record<string, string> = {
  strategy: "Pertinence des axes et des fiches au regard du diagnostic, évolutions du contexte.",
  governance: "Rôle du COPIL et du COTECH, rythme des réunions, circulation de l'information.",
  partnership: "Mobilisation des signataires et des partenaires, place des habitants.",
  results: "Lecture d'ensemble des résultats des fiches ; le détail par indicateur est ajouté au document.",
  conclusion: "Enseignements et perspectives pour le prochain contrat.",
};

export function EvaluationPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const evaluation = useEvaluation(contractId);
  if (contract.isPending || evaluation.isPending) return <Loading label="Chargement de l'évaluation…" />;
  if (contract.error || evaluation.error) return <ErrorMessage error={contract.error ?? evaluation.error} title="L'évaluation n'a pas pu être chargée" />;
  const e = evaluation.data;
  const manage = contract.data.permissions.manageReviews;
  return (
    <Page
      title="Évaluation du contrat"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.data.name, to: `/contrats/${contractId}` },
      ]}
    >
      <p>
        <Badge severity={SEVERITY[e.status]} noIcon>
          {e.statusLabel}
        </Badge>
      </p>
      {e.status === "validated" && e.validatedOn && (
        <Alert severity="success" small className={fr.cx("fr-mb-3w")} description={`Évaluation validée par le Comité de pilotage du ${shortDate(e.validatedOn)}${e.validatedMeeting ? ` (« ${e.validatedMeeting.title} »)` : ""}. Elle ne peut plus être modifiée.`} />
      )}
      <p>
        L'évaluation de fin de contrat porte sur le processus (stratégie, gouvernance, partenariat), avec un questionnaire aux membres du contrat, et sur les résultats de chaque fiche au regard de ses
        indicateurs. Elle est validée par le Comité de pilotage.
      </p>
      <DownloadButtons what="L'évaluation" baseName="evaluation" path={(format) => `/contracts/${contractId}/evaluation.${format}`} />
      {e.permissions.answer && (
        <Alert
          severity="info"
          small
          className={fr.cx("fr-mb-3w")}
          description={
            <>
              Le questionnaire est ouvert. <Link to={`/contrats/${contractId}/evaluation/questionnaire`}>Répondre au questionnaire</Link>
            </>
          }
        />
      )}
      {e.permissions.manage ? <PartsForm contractId={contractId} evaluation={e} /> : <PartsText evaluation={e} />}
      <Questionnaire contractId={contractId} evaluation={e} manage={e.permissions.manage} />
      {manage && e.status !== "validated" && <ValidationForm contractId={contractId} evaluation={e} />}
    </Page>
  );
}

function PartsText({ evaluation: e }: { evaluation: Evaluation }) {
  return (
    <section aria-labelledby="parties" className={fr.cx("fr-mb-4w")}>
      <h2 id="parties">Analyse de la coordination</h2>
      {e.parts.map((p) => (
        <div key={p.key}>
          <h3>{p.label}</h3>
          {p.html ? <div className="cles-minutes" dangerouslySetInnerHTML={{ __html: p.html }} /> : <p className={fr.cx("fr-text--sm")}>Cette partie n'a pas encore été rédigée.</p>}
        </div>
      ))}
    </section>
  );
}

const problem = (error: unknown) => (error instanceof ApiError && error.status === 409 ? `${error.message} ` : error instanceof Error ? error.message : "Erreur inconnue.");

function PartsForm({ contractId, evaluation: e }: { contractId: string; evaluation: Evaluation }) {
  const [parts, setParts] = useState(() => Object.fromEntries(e.parts.map((p) => [p.key, p.html])));
  const [saved, setSaved] = useState(false);
  useEffect(() => setParts(Object.fromEntries(e.parts.map((p) => [p.key, p.html]))), [e.version]);
  const save = useEvaluationChange(contractId, saveEvaluation(contractId));
  return (
    <section aria-labelledby="parties" className={fr.cx("fr-mb-4w")}>
      <h2 id="parties">Analyse de la coordination</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate({ parts: e.parts.map((p) => ({ key: p.key, html: parts[p.key] ?? "" })), version: e.version }, { onSuccess: () => setSaved(true) });
        }}
      >
        {e.parts.map((p) => (
          <RichTextEditor key={p.key} label={p.label} hint={PART_HINTS[p.key]} value={parts[p.key] ?? ""} onChange={(html) => setParts((old) => ({ ...old, [p.key]: html }))} />
        ))}
        {save.error && <Alert severity="error" small className={fr.cx("fr-mb-2w")} description={problem(save.error)} />}
        <p role="status" aria-live="polite" className={fr.cx("fr-text--sm")}>
          {saved ? "Les parties de l'évaluation sont enregistrées." : ""}
        </p>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Enregistrement…" : "Enregistrer les parties"}
        </Button>
      </form>
    </section>
  );
}

const PARTS = [
  ["strategy", "Stratégie"],
  ["governance", "Gouvernance"],
  ["partnership", "Partenariat"],
  ["results", "Résultats"],
  ["conclusion", "Conclusion"],
] as const;

function Questionnaire({ contractId, evaluation: e, manage }: { contractId: string; evaluation: Evaluation; manage: boolean }) {
  const open = useEvaluationChange(contractId, openQuestionnaire(contractId));
  const close = useEvaluationChange(contractId, closeQuestionnaire(contractId));
  const error = open.error ?? close.error;
  return (
    <section aria-labelledby="questionnaire" className={fr.cx("fr-mb-4w")}>
      <h2 id="questionnaire">Questionnaire aux membres</h2>
      <p>
        {plural(e.questions.length, "question")} ; {e.respondents === 0 ? "aucun membre n'a encore répondu" : `${plural(e.respondents, "membre a", "membres ont")} répondu`}. Les réponses sont
        anonymes : seuls leurs regroupements sont montrés.
      </p>
      {e.permissions.editQuestions && <QuestionsEditor contractId={contractId} evaluation={e} />}
      {manage && (
        <div className={fr.cx("fr-mb-3w")}>
          {e.status === "questionnaire_open" ? (
            <Button priority="secondary" disabled={close.isPending} onClick={() => close.mutate(e.version)}>
              {close.isPending ? "Clôture…" : "Clore le questionnaire"}
            </Button>
          ) : (
            <Button disabled={open.isPending} onClick={() => open.mutate(e.version)}>
              {open.isPending ? "Envoi aux membres…" : e.status === "draft" ? "Ouvrir le questionnaire et l'envoyer aux membres" : "Rouvrir le questionnaire"}
            </Button>
          )}
          <p role="status" aria-live="polite" className={fr.cx("fr-text--sm", "fr-mt-1w")}>
            {open.data ? `Questionnaire ouvert : ${plural(open.data.notified, "membre a", "membres ont")} reçu le lien par courriel.` : close.data ? "Le questionnaire est clos." : ""}
          </p>
          {error && <Alert severity="error" small description={problem(error)} />}
        </div>
      )}
      {PARTS.map(([key, label]) => {
        const results = e.answers.filter((r) => r.question.part === key);
        if (!results.length) return null;
        return (
          <div key={key}>
            <h3>{label}</h3>
            <AggregatedAnswers results={results} />
          </div>
        );
      })}
    </section>
  );
}

function ValidationForm({ contractId, evaluation: e }: { contractId: string; evaluation: Evaluation }) {
  const held = e.copilMeetings.filter((m) => m.held);
  const [meetingId, setMeetingId] = useState(held.at(-1)?.id ?? "");
  // Validation freezes the evaluation: it is asked twice (the second time names the meeting).
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const validate = useEvaluationChange(contractId, validateEvaluation(contractId));
  const fieldError = validate.error instanceof ApiError ? validate.error.fieldErrors().meetingId : undefined;
  const chosen = held.find((m) => m.id === meetingId);
  const cancel = () => {
    setConfirming(false);
    askRef.current?.focus();
  };
  return (
    <section aria-labelledby="validation" className={fr.cx("fr-mb-4w")}>
      <h2 id="validation">Validation par le Comité de pilotage</h2>
      {held.length === 0 ? (
        <p>Aucune réunion du Comité de pilotage n'a encore eu lieu : la validation s'enregistre après la réunion.</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!confirming) return setConfirming(true);
            validate.mutate({ meetingId, version: e.version }, { onSettled: () => setConfirming(false) });
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape" && confirming) cancel();
          }}
        >
          <Select
            label="Réunion du COPIL qui a validé l'évaluation"
            hint="Une fois la validation enregistrée, l'évaluation ne peut plus être modifiée."
            state={fieldError ? "error" : "default"}
            stateRelatedMessage={fieldError}
            nativeSelectProps={{ ...(fieldError ? { "aria-invalid": true } : {}), value: meetingId, disabled: confirming, onChange: (event) => setMeetingId(event.target.value), required: true }}
          >
            {held.map((m) => (
              <option key={m.id} value={m.id}>{`${m.title} — ${shortDate(m.day)}`}</option>
            ))}
          </Select>
          {validate.error && !fieldError && <Alert severity="error" small className={fr.cx("fr-mb-2w")} description={problem(validate.error)} />}
          {confirming && chosen ? (
            <div role="group" aria-labelledby="confirmer-validation" className={fr.cx("fr-mb-2w")}>
              <p id="confirmer-validation" className={fr.cx("fr-mb-2w")}>
                {`Enregistrer la validation par « ${chosen.title} » du ${shortDate(chosen.day)} ? L'évaluation sera figée : ni ses parties ni son questionnaire ne pourront plus être modifiés.`}
              </p>
              <Button ref={confirmRef} type="submit" disabled={validate.isPending} className={fr.cx("fr-mr-2w")}>
                {validate.isPending ? "Enregistrement…" : "Confirmer la validation"}
              </Button>
              <Button type="button" priority="secondary" onClick={cancel}>
                Annuler
              </Button>
            </div>
          ) : (
            <Button ref={askRef} type="submit" disabled={validate.isPending || !meetingId}>
              Enregistrer la validation
            </Button>
          )}
        </form>
      )}
    </section>
  );
}
