/**
 * One question of the questionnaire with the DSFR control of its kind: radio buttons
 * (single choice, scale), checkboxes (multiple choices), a select per rank (ranking), text
 * fields, and the contract's lists (commune, QPV, age band). « Autre » opens a text field.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { AGE_BANDS, OTHER_OPTION, QPV_NONE, QPV_UNKNOWN } from "../../../server/shared";
import { fieldId } from "../../components/form";
import { answerPath } from "./answer-draft";
import { hintOf, QuestionLabel, type ControlProps } from "./answer-label";
import { RankingControl } from "./ranking-control";

const errorState = (error: string | undefined) => (error ? { state: "error" as const, stateRelatedMessage: error } : {});

export function QuestionControl(props: ControlProps) {
  const { question: q } = props;
  switch (q.kind) {
    case "single":
    case "scale":
      return <RadioControl {...props} />;
    case "multiple":
      return <MultipleControl {...props} />;
    case "ranking":
      return <RankingControl {...props} />;
    case "short_text":
    case "long_text":
      return <TextControl {...props} />;
    default:
      return <ListControl {...props} />;
  }
}

/** « Précisez » under a choice « Autre » that is picked. */
function OtherText({ question: q, answer, setAnswer }: ControlProps) {
  return (
    <Input
      className="cles-other-text"
      label="Précisez votre réponse « Autre »"
      nativeInputProps={{ id: fieldId(`${answerPath(q.id)}.otherText`), value: answer?.otherText ?? "", maxLength: 500, onChange: (e) => setAnswer({ ...answer, otherText: e.target.value }) }}
    />
  );
}

/** A single choice or a scale: one radio per option (or value); an optional answer can be taken back. */
function RadioControl(props: ControlProps) {
  const { question: q, answer, setAnswer, error, controlsOthers } = props;
  const scale = q.kind === "scale";
  const choices = scale
    ? Array.from({ length: Math.max(0, q.scaleMax - q.scaleMin + 1) }, (_, i) => {
        const value = q.scaleMin + i;
        const end = value === q.scaleMin ? q.minLabel : value === q.scaleMax ? q.maxLabel : "";
        return { id: String(value), label: end ? `${value} — ${end}` : String(value) };
      })
    : [...q.options, ...(q.other ? [{ id: OTHER_OPTION, label: "Autre" }] : [])];
  const picked = scale ? (answer?.value === undefined ? "" : String(answer.value)) : (answer?.choice ?? "");
  const pick = (id: string) => setAnswer(scale ? { value: Number(id) } : { ...answer, choice: id });
  const scaleHint = scale && (q.minLabel || q.maxLabel) ? `De ${q.scaleMin}${q.minLabel ? ` (${q.minLabel})` : ""} à ${q.scaleMax}${q.maxLabel ? ` (${q.maxLabel})` : ""}.` : undefined;
  const hint = [hintOf(q, controlsOthers), scaleHint].filter(Boolean).join(" ") || undefined;
  return (
    <div className="cles-survey-question">
      <RadioButtons
        id={fieldId(answerPath(q.id))}
        name={`reponse-${q.id}`}
        legend={<QuestionLabel question={q} />}
        hintText={hint}
        orientation={scale ? "horizontal" : "vertical"}
        {...errorState(error)}
        options={choices.map((c) => ({ label: c.label, nativeInputProps: { value: c.id, checked: picked === c.id, onChange: () => pick(c.id) } }))}
      />
      {!scale && picked === OTHER_OPTION && <OtherText {...props} />}
      {!q.required && picked !== "" && (
        <Button type="button" size="small" priority="tertiary no outline" onClick={() => setAnswer(undefined)}>
          Effacer ma réponse<span className={fr.cx("fr-sr-only")}>{` à « ${q.label} »`}</span>
        </Button>
      )}
    </div>
  );
}

function MultipleControl(props: ControlProps) {
  const { question: q, answer, setAnswer, error, controlsOthers } = props;
  const picked = answer?.choices ?? [];
  const choices = [...q.options, ...(q.other ? [{ id: OTHER_OPTION, label: "Autre" }] : [])];
  const toggle = (id: string, on: boolean) => setAnswer({ ...answer, choices: on ? [...picked, id] : picked.filter((x) => x !== id) });
  return (
    <div className="cles-survey-question">
      <Checkbox
        id={fieldId(answerPath(q.id))}
        legend={<QuestionLabel question={q} />}
        hintText={[hintOf(q, controlsOthers), "Plusieurs réponses possibles."].filter(Boolean).join(" ")}
        {...errorState(error)}
        options={choices.map((c) => ({ label: c.label, nativeInputProps: { value: c.id, checked: picked.includes(c.id), onChange: (e) => toggle(c.id, e.target.checked) } }))}
      />
      {picked.includes(OTHER_OPTION) && <OtherText {...props} />}
    </div>
  );
}

function TextControl({ question: q, answer, setAnswer, error, controlsOthers }: ControlProps) {
  const common = { label: <QuestionLabel question={q} />, hintText: hintOf(q, controlsOthers), ...errorState(error) };
  const value = answer?.text ?? "";
  const onChange = (e: { target: { value: string } }) => setAnswer({ text: e.target.value });
  return (
    <div className="cles-survey-question">
      {q.kind === "long_text" ? (
        <Input {...common} textArea nativeTextAreaProps={{ id: fieldId(answerPath(q.id)), rows: 5, maxLength: 5000, value, onChange }} />
      ) : (
        <Input {...common} nativeInputProps={{ id: fieldId(answerPath(q.id)), maxLength: 5000, value, onChange }} />
      )}
    </div>
  );
}

/** Commune, QPV, age band: a select of the contract's (or Clés') list. */
function ListControl({ question: q, answer, setAnswer, error, places, controlsOthers }: ControlProps) {
  const field = q.kind === "commune" ? "insee" : q.kind === "qpv" ? "qpv" : "ageBand";
  const options: { value: string; label: string }[] =
    q.kind === "commune"
      ? places.communes.map((c) => ({ value: c.inseeCode, label: c.name }))
      : q.kind === "qpv"
        ? [...places.priorityAreas.map((a) => ({ value: a.id, label: a.name })), { value: QPV_NONE, label: "Aucun" }, { value: QPV_UNKNOWN, label: "Je ne sais pas" }]
        : Object.entries(AGE_BANDS).map(([value, label]) => ({ value, label }));
  const placeholder = q.kind === "commune" ? "Choisissez votre commune" : q.kind === "qpv" ? "Choisissez une réponse" : "Choisissez votre tranche d'âge";
  const qpvHint = q.kind === "qpv" ? "Les quartiers prioritaires de la politique de la ville du territoire. Si vous ne savez pas, choisissez « Je ne sais pas »." : undefined;
  return (
    <div className="cles-survey-question">
      <Select
        label={<QuestionLabel question={q} />}
        hint={[hintOf(q, controlsOthers), qpvHint].filter(Boolean).join(" ") || undefined}
        {...errorState(error)}
        nativeSelectProps={{ id: fieldId(answerPath(q.id)), value: answer?.[field] ?? "", onChange: (e) => setAnswer(e.target.value ? { [field]: e.target.value } : undefined) }}
      >
        <option value="">{q.required ? placeholder : `${placeholder} (facultatif)`}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
