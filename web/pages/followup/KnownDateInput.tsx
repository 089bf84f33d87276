/**
 * A date known to the day or only to its month (issue 18): « Jour précis » or « Mois seulement »,
 * then a date or a month field. A month is sent as its 1st (« 2021-08-01 ») with the precision
 * « month », and shown by its month everywhere (« en août 2021 »). Radio buttons and native date
 * and month fields: reachable and usable with the keyboard alone.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { DATE_PRECISIONS, ofKnownDate, type DatePrecision } from "../../../server/shared";
import { controlProps, errorProps, type Errors } from "../../components/form";

/** What the form holds: a day "AAAA-MM-JJ" or, for a month, "AAAA-MM"; empty when not given. */
export interface KnownDateDraft {
  value: string;
  precision: DatePrecision;
}

/** The draft of a stored date: a month-only date is edited as its month. */
export const knownDateDraft = (day: string | null | undefined, precision: DatePrecision = "day"): KnownDateDraft => ({
  value: day ? (precision === "month" ? day.slice(0, 7) : day) : "",
  precision,
});

/** The day to send: a month's 1st for a month ("2021-08" → "2021-08-01"), the day as typed otherwise, null when empty. */
export function knownDateValue(draft: KnownDateDraft): string | null {
  if (!draft.value) return null;
  return draft.precision === "month" && /^\d{4}-\d{2}$/.test(draft.value) ? `${draft.value}-01` : draft.value;
}

/** Switching precision keeps what can be kept: the month of a day, or a month's 1st as a day to correct. */
function switched(draft: KnownDateDraft, precision: DatePrecision): KnownDateDraft {
  if (precision === draft.precision) return draft;
  if (!draft.value) return { value: "", precision };
  return { value: precision === "month" ? draft.value.slice(0, 7) : `${draft.value.slice(0, 7)}-01`, precision };
}

export function KnownDateInput(props: {
  /** The API's field ("doneOn", "happenedOn"): its errors, and the control's id for the error summary. */
  field: string;
  id: (name: string) => string;
  label: string;
  /** The question the precision answers (« Réalisée : », « Avancement : »). */
  legend: string;
  hint?: string;
  required?: boolean;
  errors: Errors;
  draft: KnownDateDraft;
  /** The last day allowed ("AAAA-MM-JJ"): today, for what is done. */
  max?: string;
  onChange: (draft: KnownDateDraft) => void;
}) {
  const { field, id, label, draft, errors, onChange } = props;
  const month = draft.precision === "month";
  return (
    // Its own bottom margin: DSFR drops the margin of a last field group, here the date's.
    <div className={fr.cx("fr-mb-3w")}>
      <RadioButtons
        legend={props.legend}
        name={id(`${field}Precision`)}
        orientation="horizontal"
        small
        {...errorProps(errors, `${field}Precision`)}
        options={(Object.keys(DATE_PRECISIONS) as DatePrecision[]).map((p) => ({
          label: p === "day" ? "Jour précis" : "Mois seulement",
          nativeInputProps: { value: p, checked: draft.precision === p, onChange: () => onChange(switched(draft, p)) },
        }))}
      />
      <Input
        label={label}
        hintText={month ? `Le mois seul, sans jour (format AAAA-MM). ${props.hint ?? ""}`.trim() : props.hint}
        {...errorProps(errors, field)}
        nativeInputProps={{
          id: id(field),
          ...controlProps(errors, field, { required: props.required }),
          type: month ? "month" : "date",
          value: draft.value,
          max: props.max ? (month ? props.max.slice(0, 7) : props.max) : undefined,
          onChange: (e) => onChange({ ...draft, value: e.target.value }),
        }}
      />
    </div>
  );
}

/** A progress entry's date after a noun: « du 14 septembre 2021 », or « d'août 2021 » when only the month is known. */
export const ofEntryDate = (e: { happenedOn: string; happenedOnPrecision?: DatePrecision }): string => ofKnownDate(e.happenedOn, e.happenedOnPrecision ?? "day", "long");
