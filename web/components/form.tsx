import { fr } from "@codegouvfr/react-dsfr";
import { useEffect, useRef } from "react";
import type { z } from "zod";

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

export function zodErrors(error: z.ZodError): Errors {
  const out: Errors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    out[path] ??= issue.message;
  }
  return out;
}

/** The list of a form's errors, focused when it appears, each linking to its field. */
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
              {labels ? `${labels(path)} : ${message}` : message}
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
