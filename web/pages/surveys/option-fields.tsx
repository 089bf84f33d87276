/**
 * Parts of a question in the builder: its options (added, removed, moved; « Autre »), its
 * scale, and its conditional display (« Afficher seulement si la question … a pour réponse … »).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { controlProps, errorAt, errorProps, fieldId, optional } from "../../components/form";
import { addOption, choicesOf, conditionSources, moveOption, offersOther, optionLabel, QUESTION_LABELS as L, removeOption, setOther, toggleCondition, updateQuestion, type QuestionDraft } from "./survey-draft";
import { GroupError, type QuestionProps } from "./survey-fields";

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function OptionsEditor({ setDraft, errors, index: i, question: q, locks }: QuestionProps) {
  const path = (field: string) => `questions.${i}.${field}`;
  const addId = `question-${q.id}-ajouter-choix`;
  const add = () => {
    setDraft((x) => addOption(x, i));
    focusSoon(fieldId(path(`options.${q.options.length}.label`)));
  };
  const move = (k: number, delta: -1 | 1) => {
    setDraft((x) => moveOption(x, i, k, delta));
    const to = k + delta;
    const atEnd = to === 0 || to === q.options.length - 1;
    focusSoon(`option-${q.id}-${q.options[k]!.id}-${atEnd ? (delta < 0 ? "down" : "up") : delta < 0 ? "up" : "down"}`);
  };
  const setLabel = (k: number, label: string) => setDraft((x) => updateQuestion(x, i, { options: x.questions[i]!.options.map((o, j) => (j === k ? { ...o, label } : o)) }));
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-2w")} id={fieldId(path("options"))} aria-describedby={`${addId}-aide`}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-text--bold")}>{q.kind === "ranking" ? L.rankedOptions : L.options}</legend>
      <p id={`${addId}-aide`} className={fr.cx("fr-hint-text", "fr-col-12", "fr-mb-1w")}>
        Dans l'ordre où ils seront proposés. Au moins deux choix, 30 au plus.
      </p>
      <div className={fr.cx("fr-col-12")}>
        <GroupError errors={errors} path={path("options")} />
        {q.options.map((o, k) => {
          const name = `le choix ${k + 1}`;
          const id = (tool: string) => `option-${q.id}-${o.id}-${tool}`;
          return (
            <div key={o.id} className="cles-option-row">
              <Input
                label={optionLabel(k)}
                {...errorProps(errors, path(`options.${k}.label`))}
                nativeInputProps={{ id: fieldId(path(`options.${k}.label`)), ...controlProps(errors, path(`options.${k}.label`), { required: true }), value: o.label, onChange: (e) => setLabel(k, e.target.value) }}
              />
              <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-arrow-up-line" title={`Monter ${name}`} nativeButtonProps={{ id: id("up") }} disabled={k === 0} onClick={() => move(k, -1)} />
              <Button
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-arrow-down-line"
                title={`Descendre ${name}`}
                nativeButtonProps={{ id: id("down") }}
                disabled={k === q.options.length - 1}
                onClick={() => move(k, 1)}
              />
              {!locks.options.has(`${q.id}/${o.id}`) && (
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  iconId="fr-icon-close-line"
                  title={`Retirer ${name}`}
                  onClick={() => {
                    setDraft((x) => removeOption(x, i, k));
                    focusSoon(addId);
                  }}
                />
              )}
            </div>
          );
        })}
        <Button id={addId} type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={add} disabled={q.options.length >= 30}>
          Ajouter un choix<span className={fr.cx("fr-sr-only")}>{` à la question ${i + 1}`}</span>
        </Button>
        {offersOther(q.kind) && (
          <Checkbox
            small
            className={fr.cx("fr-mt-2w")}
            id={fieldId(path("other"))}
            {...errorProps(errors, path("other"))}
            options={[
              {
                label: L.other,
                nativeInputProps: { checked: q.other, disabled: q.other && locks.options.has(`${q.id}/other`), onChange: (e) => setDraft((x) => setOther(x, i, e.target.checked)) },
              },
            ]}
          />
        )}
      </div>
    </fieldset>
  );
}

export function ScaleFields({ setDraft, errors, index: i, question: q }: QuestionProps) {
  const set = (patch: Partial<QuestionDraft>) => setDraft((x) => updateQuestion(x, i, patch));
  const path = (field: string) => `questions.${i}.${field}`;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
      <Select className={fr.cx("fr-col-6", "fr-col-md-3")} label={L.scaleMin} {...errorProps(errors, path("scaleMin"))} nativeSelectProps={{ id: fieldId(path("scaleMin")), ...controlProps(errors, path("scaleMin"), { required: true }), value: q.scaleMin, onChange: (e) => set({ scaleMin: e.target.value }) }}>
        <option value="0">0</option>
        <option value="1">1</option>
      </Select>
      <Input
        className={fr.cx("fr-col-6", "fr-col-md-3")}
        label={L.scaleMax}
        hintText="De 2 à 10."
        {...errorProps(errors, path("scaleMax"))}
        nativeInputProps={{ id: fieldId(path("scaleMax")), ...controlProps(errors, path("scaleMax"), { required: true }), type: "number", min: 2, max: 10, inputMode: "numeric", value: q.scaleMax, onChange: (e) => set({ scaleMax: e.target.value }) }}
      />
      <Input
        className={fr.cx("fr-col-12", "fr-col-md-3")}
        label={optional(L.minLabel)}
        hintText="Par exemple « Pas du tout »."
        {...errorProps(errors, path("minLabel"))}
        nativeInputProps={{ id: fieldId(path("minLabel")), ...controlProps(errors, path("minLabel")), value: q.minLabel, onChange: (e) => set({ minLabel: e.target.value }) }}
      />
      <Input
        className={fr.cx("fr-col-12", "fr-col-md-3")}
        label={optional(L.maxLabel)}
        hintText="Par exemple « Tout à fait »."
        {...errorProps(errors, path("maxLabel"))}
        nativeInputProps={{ id: fieldId(path("maxLabel")), ...controlProps(errors, path("maxLabel")), value: q.maxLabel, onChange: (e) => set({ maxLabel: e.target.value }) }}
      />
    </div>
  );
}

export function ConditionFields({ draft: d, setDraft, errors, index: i, question: q }: QuestionProps) {
  const sources = conditionSources(d, i);
  const path = (field: string) => `questions.${i}.showIf.${field}`;
  const parent = q.showIf ? d.questions.find((x) => x.id === q.showIf!.questionId) : undefined;
  // A parent moved after this question (or no longer a choice): still listed, so that the select says what is set.
  const listed = parent && !sources.includes(parent) ? [...sources, parent] : sources;
  if (!q.showIf && sources.length === 0) return null;
  const setShowIf = (showIf: QuestionDraft["showIf"]) => setDraft((x) => updateQuestion(x, i, { showIf }));
  return (
    <div className="cles-condition">
      <Checkbox
        small
        id={fieldId(`questions.${i}.showIf`)}
        options={[
          {
            label: L.showIf,
            hintText: "La question n'apparaît que si la personne a donné l'une des réponses choisies à une question à choix placée avant.",
            nativeInputProps: { checked: !!q.showIf, onChange: (e) => setDraft((x) => toggleCondition(x, i, e.target.checked)) },
          },
        ]}
      />
      {q.showIf && (
        <>
          <Select
            label={L["showIf.questionId"]}
            {...errorProps(errors, path("questionId"))}
            nativeSelectProps={{ id: fieldId(path("questionId")), ...controlProps(errors, path("questionId"), { required: true }), value: q.showIf.questionId, onChange: (e) => setShowIf({ questionId: e.target.value, optionIds: [] }) }}
          >
            <option value="" disabled>
              Choisir une question
            </option>
            {listed.map((s) => (
              <option key={s.id} value={s.id}>
                {`Question ${d.questions.indexOf(s) + 1} : ${s.label || "(sans intitulé)"}${sources.includes(s) ? "" : d.questions.indexOf(s) > i ? " — placée après celle-ci" : " — n'est plus une question à choix"}`}
              </option>
            ))}
          </Select>
          {parent && (
            <Checkbox
              small
              id={fieldId(path("optionIds"))}
              legend={L["showIf.optionIds"]}
              {...errorProps(errors, path("optionIds"))}
              options={choicesOf(parent).map((o) => ({
                label: o.label || "(choix sans libellé)",
                nativeInputProps: {
                  ...controlProps(errors, path("optionIds")),
                  checked: q.showIf!.optionIds.includes(o.id),
                  onChange: (e) => setShowIf({ questionId: parent.id, optionIds: e.target.checked ? [...q.showIf!.optionIds, o.id] : q.showIf!.optionIds.filter((x) => x !== o.id) }),
                },
              }))}
            />
          )}
          {!parent && errorAt(errors, `questions.${i}.showIf`) && <p className={fr.cx("fr-error-text")}>{errorAt(errors, `questions.${i}.showIf`)}</p>}
        </>
      )}
    </div>
  );
}
