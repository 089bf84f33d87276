/**
 * What the ambassadors' forms share: field errors kept under the form's own prefix (several
 * forms may be open on the page, each field keeps a unique id the error summary links to),
 * and a list of checkboxes for a multiple choice (fiches, people).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useState } from "react";
import { ApiError } from "../../api/client";
import { controlProps, errorProps, ErrorSummary, fieldId, FormProblem } from "../../components/form";
import { toggle, type Errors } from "./drafts";

/** The errors of one form: local checks and the server's 400, each under `prefix.path`. */
export function useFormErrors(prefix: string, labels: Record<string, string>) {
  const [errors, setErrors] = useState<Errors>({});
  const key = (path: string) => `${prefix}.${path}`;
  const under = (plain: Errors) => Object.fromEntries(Object.entries(plain).map(([path, message]) => [key(path), message]));
  return {
    errors,
    id: (path: string) => fieldId(key(path)),
    props: (path: string) => errorProps(errors, key(path)),
    /** aria-invalid (and aria-required when `required`) for the native control of `path`. */
    control: (path: string, required = false) => controlProps(errors, key(path), { required }),
    set: (plain: Errors) => setErrors(under(plain)),
    fromApi: (error: unknown) => setErrors(error instanceof ApiError && error.status === 400 ? under(error.fieldErrors()) : {}),
    clear: () => setErrors({}),
    /** The summary at the top of the form, each error linking to its field. */
    summary: (
      <ErrorSummary
        errors={errors}
        labels={(path) => {
          const plain = path.slice(prefix.length + 1);
          return labels[plain] ?? labels[plain.split(".")[0]!] ?? "Champ";
        }}
      />
    ),
    /** A failure that is no field's: a conflict (409), a refusal, the server unreachable. */
    problem: (error: unknown, what: string, onReload?: () => void) => <FormProblem error={error} errors={errors} shown={Object.keys(labels).map(key)} what={what} onReload={onReload} />,
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;

/** A multiple choice as checkboxes; its fieldset takes the id the summary links to. */
export function ChoiceList({ form, path, legend, hint, options, selected, onChange, empty }: {
  form: FormErrors;
  path: string;
  legend: string;
  hint?: string;
  options: { id: string; label: string }[];
  selected: string[];
  onChange: (ids: string[]) => void;
  empty: string;
}) {
  if (!options.length)
    return (
      <fieldset className={fr.cx("fr-fieldset")} id={form.id(path)}>
        <legend className={fr.cx("fr-fieldset__legend")}>{legend}</legend>
        <p className="cles-empty">{empty}</p>
      </fieldset>
    );
  const all = options.map((o) => o.id);
  return (
    <Checkbox
      id={form.id(path)}
      legend={legend}
      hintText={hint}
      small
      className="cles-amb-choices"
      {...form.props(path)}
      options={options.map((o) => ({
        label: o.label,
        nativeInputProps: { ...form.control(path), value: o.id, checked: selected.includes(o.id), onChange: (e) => onChange(toggle(selected, o.id, e.target.checked, all)) },
      }))}
    />
  );
}
