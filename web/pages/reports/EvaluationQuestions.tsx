/** The coordination edits the questionnaire while the evaluation is in preparation (before it is sent). */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/client";
import { controlProps, ErrorSummary, errorProps, fieldId, RequiredNote } from "../../components/form";
import { saveEvaluation, useEvaluationChange, type Evaluation, type EvaluationQuestion } from "../../api/reports";

const PARTS = { strategy: "Stratégie", governance: "Gouvernance", partnership: "Partenariat", results: "Résultats", conclusion: "Conclusion" } as const;
const KINDS = { scale: "Note de 1 à 5", choice: "Choix parmi des réponses", text: "Réponse libre" } as const;

interface Draft {
  id: string;
  part: EvaluationQuestion["part"];
  kind: EvaluationQuestion["kind"];
  label: string;
  choices: string;
}

const toDraft = (q: EvaluationQuestion): Draft => ({ id: q.id, part: q.part, kind: q.kind, label: q.label, choices: (q.choices ?? []).join("\n") });
const fromDraft = (d: Draft): EvaluationQuestion => ({
  id: d.id,
  part: d.part,
  kind: d.kind,
  label: d.label,
  ...(d.kind === "choice" ? { choices: d.choices.split("\n").map((c) => c.trim()).filter(Boolean) } : {}),
});

export function QuestionsEditor({ contractId, evaluation: e }: { contractId: string; evaluation: Evaluation }) {
  const [drafts, setDrafts] = useState(() => e.questions.map(toDraft));
  const [saved, setSaved] = useState(false);
  useEffect(() => setDrafts(e.questions.map(toDraft)), [e.version]);
  const save = useEvaluationChange(contractId, saveEvaluation(contractId));
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const change = (index: number, patch: Partial<Draft>) => setDrafts((old) => old.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  return (
    <details className={fr.cx("fr-mb-3w")}>
      <summary>Modifier les questions (possible tant que le questionnaire n'est pas envoyé)</summary>
      <form
        className={fr.cx("fr-mt-2w")}
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate({ parts: [], questions: drafts.map(fromDraft), version: e.version }, { onSuccess: () => setSaved(true) });
        }}
      >
        <ErrorSummary errors={errors} labels={questionLabel} />
        <RequiredNote all />
        {drafts.map((d, i) => (
          <fieldset key={d.id} className={fr.cx("fr-fieldset", "fr-mb-2w")}>
            <legend className={fr.cx("fr-fieldset__legend")}>{`Question ${i + 1}`}</legend>
            <div className={fr.cx("fr-fieldset__content")} style={{ width: "100%" }}>
              <Input label={QUESTION_LABELS.label} {...errorProps(errors, `questions.${i}.label`)} nativeInputProps={{ id: fieldId(`questions.${i}.label`), ...controlProps(errors, `questions.${i}.label`, { required: true }), value: d.label, onChange: (ev) => change(i, { label: ev.target.value }) }} />
              <Select label={QUESTION_LABELS.part} nativeSelectProps={{ ...controlProps(errors, `questions.${i}.part`, { required: true }), value: d.part, onChange: (ev) => change(i, { part: ev.target.value as Draft["part"] }) }}>
                {Object.entries(PARTS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
              <Select label={QUESTION_LABELS.kind} nativeSelectProps={{ ...controlProps(errors, `questions.${i}.kind`, { required: true }), value: d.kind, onChange: (ev) => change(i, { kind: ev.target.value as Draft["kind"] }) }}>
                {Object.entries(KINDS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
              {d.kind === "choice" && (
                <Input
                  label={QUESTION_LABELS.choices}
                  hintText="Une par ligne, au moins deux."
                  textArea
                  {...errorProps(errors, `questions.${i}.choices`)}
                  nativeTextAreaProps={{ id: fieldId(`questions.${i}.choices`), ...controlProps(errors, `questions.${i}.choices`, { required: true }), value: d.choices, rows: 3, onChange: (ev) => change(i, { choices: ev.target.value }) }}
                />
              )}
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setDrafts((old) => old.filter((_, j) => j !== i))}>
                {`Retirer la question ${i + 1}`}
              </Button>
            </div>
          </fieldset>
        ))}
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm")}>
          <li>
            <Button type="button" priority="secondary" onClick={() => setDrafts((old) => [...old, { id: `question-${Date.now().toString(36)}`, part: "strategy", kind: "scale", label: "", choices: "" }])}>
              Ajouter une question
            </Button>
          </li>
          <li>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Enregistrement…" : "Enregistrer les questions"}
            </Button>
          </li>
        </ul>
        {save.error && !Object.keys(errors).length && <Alert severity="error" small description={save.error.message} />}
        <p role="status" aria-live="polite" className={fr.cx("fr-text--sm")}>
          {saved ? "Les questions sont enregistrées." : ""}
        </p>
      </form>
    </details>
  );
}

/** The visible labels of a question's fields, which the error summary names its errors by. */
const QUESTION_LABELS = { label: "Intitulé", part: "Partie", kind: "Type de réponse", choices: "Réponses proposées" };

/** « Intitulé (question 2) » for an error of a field of the second question, « Question 2 » for the rest of it, « Questions » for the list. */
const questionLabel = (path: string) => {
  const [, index, field = ""] = /^questions\.(\d+)(?:\.(\w+))?/.exec(path) ?? [];
  if (index === undefined) return "Questions";
  const n = Number(index) + 1;
  return field in QUESTION_LABELS ? `${QUESTION_LABELS[field as keyof typeof QUESTION_LABELS]} (question ${n})` : `Question ${n}`;
};
