/**
 * A member answers the evaluation questionnaire: a note from 1 to 5 (radio buttons in a
 * fieldset), a choice, or a free text per question. Answers can be changed while the
 * questionnaire is open; they are shown to the coordination only aggregated, without names.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { formatDateTime } from "../../format";
import { ApiError } from "../../api/client";
import { optional } from "../../components/form";
import { useMyAnswers, useSaveMyAnswers, type EvaluationAnswer, type EvaluationQuestion } from "../../api/reports";
import { ErrorMessage, Loading, NotAllowed, Page } from "../../components/Page";

const PART_TITLES: Record<string, string> = { strategy: "Stratégie", governance: "Gouvernance", partnership: "Partenariat", results: "Résultats", conclusion: "Conclusion" };
const SCALE = [1, 2, 3, 4, 5] as const;
const SCALE_WORDS: Record<number, string> = { 1: "1 — pas du tout", 2: "2", 3: "3", 4: "4", 5: "5 — tout à fait" };

export function EvaluationAnswerPage() {
  const { contractId = "" } = useParams();
  const mine = useMyAnswers(contractId);
  if (mine.isPending) return <Loading label="Chargement du questionnaire…" />;
  if (mine.error instanceof ApiError && mine.error.status === 403)
    return (
      <NotAllowed title="Questionnaire réservé aux membres du contrat">
        Le questionnaire d'évaluation s'adresse aux membres du contrat (coordination, pilotes, partenaires). <Link to={`/contrats/${contractId}/evaluation`}>Voir l'évaluation</Link>
      </NotAllowed>
    );
  if (mine.error) return <ErrorMessage error={mine.error} title="Le questionnaire n'a pas pu être chargé" />;
  const data = mine.data;
  return (
    <Page
      title="Questionnaire d'évaluation"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: data.contractName, to: `/contrats/${contractId}` },
        { label: "Évaluation", to: `/contrats/${contractId}/evaluation` },
      ]}
    >
      {data.open ? (
        <AnswerForm contractId={contractId} questions={data.questions} initial={data.answers} submittedAt={data.submittedAt} />
      ) : (
        <Alert
          severity="info"
          as="h2"
          title={data.status === "draft" ? "Le questionnaire n'est pas encore ouvert" : "Le questionnaire est clos"}
          description={data.status === "draft" ? "Vous recevrez un courriel quand la coordination l'ouvrira." : "Merci ! Les réponses ne peuvent plus être modifiées."}
        />
      )}
    </Page>
  );
}


function AnswerForm({ contractId, questions, initial, submittedAt }: { contractId: string; questions: EvaluationQuestion[]; initial: EvaluationAnswer[]; submittedAt: string | null }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(initial.map((a) => [a.questionId, String(a.value)])));
  const [confirmed, setConfirmed] = useState(false);
  const confirmation = useRef<HTMLDivElement>(null);
  const save = useSaveMyAnswers(contractId);
  useEffect(() => {
    if (confirmed) confirmation.current?.focus();
  }, [confirmed]);
  const errors = save.error instanceof ApiError ? save.error.errors : [];
  const errorOf = (questionId: string) => {
    const sent = questions.filter((q) => values[q.id]?.trim());
    const index = sent.findIndex((q) => q.id === questionId);
    return errors.find((e) => e.path.startsWith(`answers.${index}.`))?.message;
  };
  const parts = [...new Set(questions.map((q) => q.part))];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setConfirmed(false);
        const answers = questions.flatMap((q) => {
          const v = values[q.id]?.trim();
          if (!v) return [];
          return [{ questionId: q.id, value: q.kind === "scale" ? Number(v) : v }];
        });
        save.mutate(answers, { onSuccess: () => setConfirmed(true) });
      }}
    >
      <p>
        Vos réponses sont anonymes : la coordination ne voit que leur regroupement avec celles des autres membres. Vous pouvez répondre à une partie des questions et revenir modifier vos réponses tant que le
        questionnaire est ouvert.
      </p>
      {submittedAt && !confirmed && <p className={fr.cx("fr-text--sm")}>{`Vos réponses ont été enregistrées le ${formatDateTime(submittedAt)}.`}</p>}
      {parts.map((part) => (
        <section key={part} aria-labelledby={`partie-${part}`} className={fr.cx("fr-mb-4w")}>
          <h2 id={`partie-${part}`}>{PART_TITLES[part] ?? part}</h2>
          {questions
            .filter((q) => q.part === part)
            .map((q) => (
              <Question key={q.id} question={q} value={values[q.id] ?? ""} error={errorOf(q.id)} onChange={(v) => setValues((old) => ({ ...old, [q.id]: v }))} />
            ))}
        </section>
      ))}
      {save.error && !errors.length && <Alert severity="error" small className={fr.cx("fr-mb-2w")} description={save.error.message} />}
      {errors.length > 0 && <Alert severity="error" small className={fr.cx("fr-mb-2w")} description="Certaines réponses sont à corriger : voyez les messages sous les questions." />}
      {confirmed && (
        <div ref={confirmation} tabIndex={-1}>
          <Alert severity="success" as="h2" className={fr.cx("fr-mb-2w")} title="Merci, vos réponses sont enregistrées" description="Vous pouvez encore les modifier tant que le questionnaire est ouvert." />
        </div>
      )}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Enregistrement…" : "Enregistrer mes réponses"}
      </Button>
    </form>
  );
}

function Question({ question: q, value, error, onChange }: { question: EvaluationQuestion; value: string; error?: string; onChange: (value: string) => void }) {
  const state = error ? ("error" as const) : ("default" as const);
  if (q.kind === "text")
    return <Input label={optional(q.label)} textArea state={state} stateRelatedMessage={error} nativeTextAreaProps={{ ...(error ? { "aria-invalid": true } : {}), value, onChange: (e) => onChange(e.target.value), rows: 4, maxLength: 5000 }} />;
  const options = (q.kind === "scale" ? SCALE.map((n) => ({ value: String(n), label: SCALE_WORDS[n]! })) : (q.choices ?? []).map((c) => ({ value: c, label: c }))).map((o) => ({
    label: o.label,
    // Each choice of a question in error says so to assistive technologies (the group's message is read with it).
    nativeInputProps: { value: o.value, checked: value === o.value, onChange: () => onChange(o.value), ...(error ? { "aria-invalid": true } : {}) },
  }));
  return (
    <RadioButtons
      legend={optional(q.label)}
      hintText={q.kind === "scale" ? "Une note de 1 (pas du tout) à 5 (tout à fait)." : undefined}
      name={`question-${q.id}`}
      orientation={q.kind === "scale" ? "horizontal" : "vertical"}
      state={state}
      stateRelatedMessage={error}
      options={options}
    />
  );
}
