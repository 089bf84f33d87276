/**
 * The builder's questions: each with its kind, wording, help, required or not, and the
 * fields of its kind; added, removed and moved with buttons (the focus follows the question,
 * a status message says where it went).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import type { QuestionKind } from "../../../server/domain/surveys";
import { controlProps, errorProps, fieldId, optional } from "../../components/form";
import { ConditionFields, OptionsEditor, ScaleFields } from "./option-fields";
import { addQuestion, isChoiceKind, moveQuestion, QUESTION_KIND_OPTIONS, QUESTION_LABELS as L, removeQuestion, SURVEY_LABELS, updateQuestion, type QuestionDraft } from "./survey-draft";
import { GroupError, Part, type Locks, type QuestionProps, type SurveyFieldsProps } from "./survey-fields";

const PROFILE_HINTS: Partial<Record<QuestionKind, string>> = {
  commune: "La liste des communes du territoire du contrat. Permet de croiser les résultats par commune.",
  qpv: "Les quartiers prioritaires du contrat, « Aucun » et « Je ne sais pas ». Permet de croiser les résultats par quartier.",
  age_band: "Les tranches d'âge habituelles de Clés. Permet de croiser les résultats par âge.",
  short_text: "Une ligne de texte libre.",
  long_text: "Un paragraphe de texte libre.",
};

/** Focus an element by id once React has drawn the change. */
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
export const toolId = (questionId: string, tool: string) => `question-${questionId}-${tool}`;

export function QuestionList(props: SurveyFieldsProps & { locks: Locks }) {
  const { draft: d, setDraft, errors } = props;
  const [said, setSaid] = useState("");
  const n = d.questions.length;
  const move = (index: number, delta: -1 | 1) => {
    const q = d.questions[index]!;
    setDraft((x) => moveQuestion(x, index, delta));
    const to = index + delta;
    setSaid(`Question « ${q.label || `sans intitulé`} » déplacée en position ${to + 1} sur ${n}.`);
    // The button pressed stays focused, unless the question reached an end: then the other one.
    focusSoon(toolId(q.id, (delta < 0 && to === 0) || (delta > 0 && to === n - 1) ? (delta < 0 ? "down" : "up") : delta < 0 ? "up" : "down"));
  };
  const remove = (index: number) => {
    const q = d.questions[index]!;
    setDraft((x) => removeQuestion(x, index));
    setSaid(`Question ${index + 1} retirée${d.questions.some((x) => x.showIf?.questionId === q.id) ? " ; les questions qui en dépendaient sont maintenant toujours affichées" : ""}.`);
    focusSoon("ajouter-question");
  };
  const add = () => {
    setDraft((x) => addQuestion(x));
    setSaid(`Question ${n + 1} ajoutée.`);
    focusSoon(fieldId(`questions.${n}.kind`));
  };
  return (
    <Part legend={SURVEY_LABELS.questions} id={fieldId("questions")} hint="Dans l'ordre où les personnes les liront. Une question peut n'apparaître que selon la réponse à une question à choix placée avant elle.">
      <GroupError errors={errors} path="questions" />
      {d.questions.map((q, i) => (
        <QuestionEditor key={q.id} {...props} index={i} question={q} onMove={(delta) => move(i, delta)} onRemove={() => remove(i)} />
      ))}
      <p role="status" className={fr.cx("fr-sr-only")}>
        {said}
      </p>
      <Button id="ajouter-question" type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add} disabled={n >= 60}>
        Ajouter une question
      </Button>
    </Part>
  );
}

function QuestionEditor(props: QuestionProps & { onMove: (delta: -1 | 1) => void; onRemove: () => void }) {
  const { draft: d, setDraft, errors, index: i, question: q, locks, onMove, onRemove } = props;
  const set = (patch: Partial<QuestionDraft>) => setDraft((x) => updateQuestion(x, i, patch));
  const path = (field: string) => `questions.${i}.${field}`;
  const headingId = toolId(q.id, "titre");
  const locked = locks.questions.has(q.id);
  const name = `la question ${i + 1}`;
  return (
    <div className="cles-question" role="group" aria-labelledby={headingId} id={fieldId(`questions.${i}`)}>
      <div className="cles-question__head">
        <h2 id={headingId} className={fr.cx("fr-h6", "fr-mb-0")}>{`Question ${i + 1}`}</h2>
        <div className="cles-question__tools">
          <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-arrow-up-line" title={`Monter ${name}`} nativeButtonProps={{ id: toolId(q.id, "up") }} disabled={i === 0} onClick={() => onMove(-1)} />
          <Button
            type="button"
            size="small"
            priority="tertiary no outline"
            iconId="fr-icon-arrow-down-line"
            title={`Descendre ${name}`}
            nativeButtonProps={{ id: toolId(q.id, "down") }}
            disabled={i === d.questions.length - 1}
            onClick={() => onMove(1)}
          />
          {!locked && (
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={onRemove}>
              Retirer<span className={fr.cx("fr-sr-only")}>{` ${name}`}</span>
            </Button>
          )}
        </div>
      </div>
      {locked && <p className={fr.cx("fr-hint-text", "fr-mb-2w")}>Des réponses existent : cette question ne peut plus être retirée ni changer de type (son intitulé peut être corrigé).</p>}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={L.kind}
          {...errorProps(errors, path("kind"))}
          disabled={locked}
          nativeSelectProps={{ id: fieldId(path("kind")), ...controlProps(errors, path("kind"), { required: true }), value: q.kind, onChange: (e) => set({ kind: e.target.value as QuestionKind }) }}
        >
          {QUESTION_KIND_OPTIONS.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </Select>
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-8")}
          label={L.label}
          hintText="La question, telle que les personnes la liront."
          {...errorProps(errors, path("label"))}
          nativeInputProps={{ id: fieldId(path("label")), ...controlProps(errors, path("label"), { required: true }), value: q.label, onChange: (e) => set({ label: e.target.value }) }}
        />
      </div>
      <Input
        label={optional(L.help)}
        hintText="Une précision sous la question."
        {...errorProps(errors, path("help"))}
        nativeInputProps={{ id: fieldId(path("help")), ...controlProps(errors, path("help")), value: q.help, onChange: (e) => set({ help: e.target.value }) }}
      />
      <Checkbox
        small
        id={fieldId(path("required"))}
        options={[{ label: L.required, nativeInputProps: { checked: q.required, onChange: (e) => set({ required: e.target.checked }) } }]}
      />
      {PROFILE_HINTS[q.kind] && <p className={fr.cx("fr-text--sm")}>{PROFILE_HINTS[q.kind]}</p>}
      {isChoiceKind(q.kind) && <OptionsEditor {...props} />}
      {q.kind === "ranking" && (
        <div className={fr.cx("fr-grid-row")}>
          <Input
            className={fr.cx("fr-col-12", "fr-col-md-6")}
            label={optional(L.rankCount)}
            hintText={`Par exemple 3 pour « vos trois priorités ». Vide : tous les choix (${q.options.length}).`}
            {...errorProps(errors, path("rankCount"))}
            nativeInputProps={{ id: fieldId(path("rankCount")), ...controlProps(errors, path("rankCount")), type: "number", min: 1, max: q.options.length || 30, inputMode: "numeric", value: q.rankCount, onChange: (e) => set({ rankCount: e.target.value }) }}
          />
        </div>
      )}
      {q.kind === "scale" && <ScaleFields {...props} />}
      <ConditionFields {...props} />
    </div>
  );
}
