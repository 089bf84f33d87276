/**
 * The web's one form kit: field ids, server field errors (ApiError.fieldErrors() maps them,
 * once, in api/client.ts) shown next to their fields and summed up, form-level problems
 * (a conflict, a refusal), the submit and cancel buttons, inline forms and confirmations.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { ApiError } from "../api/client";

export type Errors = Record<string, string>;

/** DOM id of the field that edits `path` ("partners.0.organisation" → "champ-partners-0-organisation"). */
export const fieldId = (path: string) => `champ-${path.replace(/\./g, "-")}`;

/** The first error at `path` or below it. */
export function errorAt(errors: Errors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

/** Props that put a DSFR Input/Select/RadioButtons in its error state. */
export function errorProps(errors: Errors, path: string) {
  const message = errorAt(errors, path);
  return message ? { state: "error" as const, stateRelatedMessage: message } : {};
}

/**
 * What a native control says of itself, spread into the nativeInputProps, nativeTextAreaProps or
 * nativeSelectProps of a DSFR Input or Select beside `errorProps` (which reaches only the wrapper
 * and the message): `aria-invalid` while `path` has an error, `aria-required` on a required field.
 * No native `required`: forms are `noValidate` and say their own messages.
 */
export function controlProps(errors: Errors, path: string, { required = false }: { required?: boolean } = {}): { "aria-invalid"?: true; "aria-required"?: true } {
  return { ...(errorAt(errors, path) ? { "aria-invalid": true as const } : {}), ...(required ? { "aria-required": true as const } : {}) };
}

/** How every form marks its fields: the optional ones say so, in their label; this sentence, once at the top, says it. */
export const REQUIRED_NOTE = "Sauf mention « (facultatif) », tous les champs sont obligatoires.";

/** The same, in a form whose fields are all required (a one-field form says nothing). */
export const ALL_REQUIRED_NOTE = "Tous les champs sont obligatoires.";

/** "Lieu" → "Lieu (facultatif)". */
export const optional = (label: string) => `${label} (facultatif)`;

/** A field's visible label as the error summary names it: without its « (facultatif) ». */
export const summaryLabel = (label: string) => label.replace(/\s*\(facultatif\)\s*$/u, "").trim();

/** The form's sentence about required fields, at its top; `all` when none is optional. */
export function RequiredNote({ all = false }: { all?: boolean }) {
  return <p className={fr.cx("fr-hint-text", "fr-mb-3w")}>{all ? ALL_REQUIRED_NOTE : REQUIRED_NOTE}</p>;
}

export function zodErrors(error: z.ZodError): Errors {
  const out: Errors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    out[path] ??= issue.message;
  }
  return out;
}

/**
 * The list of a form's errors, focused when it appears, each linking to its field; `labels`
 * gives each field's visible label (« (facultatif) » is left out), which starts its link.
 */
export function ErrorSummary({ errors, labels }: { errors: Errors; labels?: (path: string) => string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length]);
  if (!entries.length) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={fr.cx("fr-alert", "fr-alert--error", "fr-mb-4w")}>
      <h2 className={fr.cx("fr-alert__title")}>
        {entries.length === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${entries.length} erreurs`}
      </h2>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${fieldId(path)}`} onClick={(e) => focusField(e, path)}>
              {labels ? `${summaryLabel(labels(path))} : ${message}` : message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function focusField(e: React.MouseEvent, path: string) {
  // Errors below a field (partners.0.organisation) may point at a field whose id is a prefix.
  let candidate = path;
  while (candidate) {
    const el = document.getElementById(fieldId(candidate));
    if (el) {
      e.preventDefault();
      // A group of choices (a fieldset) cannot take focus: its first control does.
      const target = el.matches("input, select, textarea, button") ? el : (el.querySelector<HTMLElement>("input, select, textarea, button") ?? el);
      target.focus();
      el.scrollIntoView({ block: "center" });
      return;
    }
    candidate = candidate.includes(".") ? candidate.slice(0, candidate.lastIndexOf(".")) : "";
  }
}

/** Ids of one form's fields, unique on the page ("jalon-nouveau" + "title" → "jalon-nouveau-title"). */
export const idsFor = (prefix: string) => (path: string) => `${prefix}-${path.replace(/\./g, "-")}`;

/**
 * Server field errors of a form: kept by path, and once shown, the focus goes to
 * the first field in error (its message is read with it).
 */
export function useFieldErrors() {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  useEffect(() => {
    if (!Object.keys(errors).length) return;
    const field = formRef.current?.querySelector<HTMLElement>(
      ".fr-input-group--error :is(input, textarea), .fr-select-group--error select, .fr-fieldset--error input",
    );
    field?.focus();
  }, [errors]);
  return {
    formRef,
    errors,
    clear: () => setErrors({}),
    /** For useMutation's onError: a 400 fills the fields' messages. */
    onError: (error: unknown) => setErrors(error instanceof ApiError && error.status === 400 ? error.fieldErrors() : {}),
    setErrors,
  };
}

/**
 * What went wrong with a form that is not a field's message: someone else changed
 * the same thing (409), a field error that no field shows, or any other failure.
 */
export function FormProblem({ error, errors, shown = [], what, onReload }: { error: unknown; errors: Errors; shown?: string[]; what: string; onReload?: () => void }) {
  if (!error) return null;
  // A 409 is either someone else's save in between (versions), or a rule of the whole (a merge loop): only the first is « reload ».
  if (error instanceof ApiError && error.status === 409 && error.detail.includes("modifié par quelqu'un d'autre"))
    return (
      <Alert
        severity="error"
        small
        role="alert"
        className={fr.cx("fr-mb-2w")}
        description={
          <>
            {`Modification refusée : quelqu'un d'autre a modifié ${what} depuis l'ouverture de ce formulaire. Votre saisie est conservée ci-dessous : copiez ce que vous voulez garder, puis `}
            {onReload ? (
              <button type="button" className={fr.cx("fr-link")} onClick={onReload}>
                affichez la version actuelle
              </button>
            ) : (
              "rechargez la page"
            )}
            {" et recommencez."}
          </>
        }
      />
    );
  if (error instanceof ApiError && error.status === 400 && Object.keys(errors).length) {
    // Messages next to their field are enough; those of fields this form does not show are said here.
    const loose = Object.entries(errors).filter(([path]) => !shown.some((p) => path === p || path.startsWith(`${p}.`)));
    if (!loose.length) return null;
    return <Alert severity="error" small role="alert" className={fr.cx("fr-mb-2w")} description={loose.map(([, message]) => message).join(" ")} />;
  }
  return <Alert severity="error" small role="alert" className={fr.cx("fr-mb-2w")} description={error instanceof Error ? error.message : "Erreur inconnue."} />;
}

/**
 * For an inline form's onKeyDown: Escape closes it, as « Annuler » does (not while it saves).
 * A key another control used first (an open list, a combobox) is left to it.
 */
export const closeOnEscape = (close: (() => void) | undefined, pending = false) => (e: React.KeyboardEvent) => {
  if (e.key !== "Escape" || e.defaultPrevented || pending || !close) return;
  e.preventDefault();
  e.stopPropagation();
  close();
};

/** A form's submit and cancel buttons; the submit says it is saving while it does; Escape in the form cancels, as « Annuler » does. */
export function FormButtons({ pending, label, onCancel }: { pending: boolean; label: string; onCancel: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ pending, onCancel });
  latest.current = { pending, onCancel };
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || latest.current.pending) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current.onCancel();
    };
    form.addEventListener("keydown", onKeyDown);
    return () => form.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <div ref={ref} className="cles-followup-actions">
      <Button type="submit" size="small" disabled={pending}>
        {pending ? "Enregistrement…" : label}
      </Button>
      <Button type="button" size="small" priority="tertiary" onClick={onCancel}>
        Annuler
      </Button>
    </div>
  );
}
