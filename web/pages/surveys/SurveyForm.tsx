/**
 * The questionnaire, shared by the public answer page and the paper answer page: the
 * questions shown given the answers so far (`isShown`), each with its control, errors summed
 * up and next to their questions, a refusal no question shows said above, and the fields
 * each page adds (the date of a paper answer; the e-mail, consent and honeypot online).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { FormEvent, ReactNode } from "react";
import type { SurveyQuestion } from "../../../server/domain/surveys";
import { ErrorSummary, fieldId, type Errors } from "../../components/form";
import { QuestionControl } from "./answer-controls";
import { answerErrorLabel, answerPath, shownQuestions, type AnswerDraft } from "./answer-draft";
import type { Places } from "./survey-api";

interface Props {
  questions: SurveyQuestion[];
  places: Places;
  draft: AnswerDraft;
  setDraft: (update: (d: AnswerDraft) => AnswerDraft) => void;
  errors: Errors;
  /** A refusal that no field shows (closed, already answered, honeypot, too many tries, server away). */
  failure: Error | null;
  onSubmit: (e: FormEvent) => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** The id of the heading that names the form. */
  labelledBy: string;
  /** Fields before the questions (the date of a paper answer). */
  before?: ReactNode;
  /** Fields after the questions (e-mail, consent, privacy notice, honeypot). */
  after?: ReactNode;
}

export function SurveyForm({ questions, places, draft, setDraft, errors, failure, onSubmit, pending, submitLabel, pendingLabel, labelledBy, before, after }: Props) {
  const shown = shownQuestions(questions, draft);
  const parents = new Set(questions.flatMap((q) => (q.showIf ? [q.showIf.questionId] : [])));
  const anyRequired = questions.some((q) => q.required);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <p className={fr.cx("fr-text--sm")}>
        {anyRequired ? "Les questions marquées « (obligatoire) » demandent une réponse ; vous pouvez passer les autres." : "Toutes les questions sont facultatives : répondez à celles que vous voulez."}
      </p>
      <ErrorSummary errors={errors} labels={answerErrorLabel(questions)} />
      {failure && <Alert severity="error" small role="alert" description={failure.message} className={fr.cx("fr-mb-3w")} />}
      {before}
      {shown.map((q) => (
        <QuestionControl
          key={q.id}
          question={q}
          answer={draft[q.id]}
          setAnswer={(answer) =>
            setDraft((d) => {
              const next = { ...d };
              if (answer) next[q.id] = answer;
              else delete next[q.id];
              return next;
            })
          }
          error={errors[answerPath(q.id)]}
          places={places}
          controlsOthers={parents.has(q.id)}
        />
      ))}
      {errors.answers && (
        <p id={fieldId("answers")} tabIndex={-1} className={fr.cx("fr-error-text", "fr-mb-3w")}>
          {errors.answers}
        </p>
      )}
      {after}
      <Button type="submit" iconId="fr-icon-send-plane-line" iconPosition="right" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
