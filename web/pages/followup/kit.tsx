/** Small pieces shared by the sections of the « Suivi » page: dates, server errors in forms, sections, confirmation. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ApiError } from "../../api/client";
import type { Errors } from "../../components/form";
import { EmptyState } from "../../components/Page";

// Today in Paris ("2021-09-14"), an instant ("14 septembre 2021 à 10:32"), a meeting's day ("14/09/2021"): from the web's one format module.
export { formatDateTime, meetingDay, todayInParis } from "../../format";

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

/** A part of the « Suivi » page: its h2 (reachable from the page's summary) and content. */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-titre`} id={id} className={fr.cx("fr-mb-6w")}>
      <h2 id={`${id}-titre`} tabIndex={-1} className={fr.cx("fr-h3")}>
        {title}
      </h2>
      {intro && <p className={fr.cx("fr-text--sm", "fr-mb-2w")}>{intro}</p>}
      {children}
    </section>
  );
}

/** A delete button that asks once more before deleting; the focus stays on whichever button replaced the one pressed. */
export function ConfirmDelete({ label, what, onConfirm, pending }: { label: string; what: string; onConfirm: () => void; pending: boolean }) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    (asking ? confirm : ask).current?.focus();
  }, [asking]);
  const set = (on: boolean) => {
    moved.current = true;
    setAsking(on);
  };
  if (!asking)
    return (
      <Button ref={ask} type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" iconPosition="left" onClick={() => set(true)}>
        {label}
        <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>
      </Button>
    );
  return (
    <span className="cles-confirm">
      <Button ref={confirm} type="button" size="small" onClick={onConfirm} disabled={pending}>
        {`Confirmer la suppression`}
        <span className={fr.cx("fr-sr-only")}>{` ${what}`}</span>
      </Button>
      <Button type="button" size="small" priority="tertiary" onClick={() => set(false)}>
        Annuler
      </Button>
    </span>
  );
}

/** Plain text as typed (line breaks kept, nothing interpreted). */
export const PlainText = ({ text }: { text: string }) => <span className="cles-prewrap">{text}</span>;

/** "1,5" or "1 234,5" typed the French way → 1.5 / 1234.5; null when it is not a number. */
export function parseFrenchNumber(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * An inline form opened by a button: when the form closes (saved or cancelled),
 * the focus goes back to the button that opened it.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (!open && closed.current) trigger.current?.focus();
  }, [open]);
  return {
    open,
    trigger,
    show: () => setOpen(true),
    close: () => {
      closed.current = true;
      setOpen(false);
    },
  };
}

/** After what had the focus disappears (a deleted item), the focus goes to its section's title (once React has drawn the new list). */
export function focusSection(sectionId: string): void {
  window.setTimeout(() => document.getElementById(`${sectionId}-titre`)?.focus());
}

/** A section still loading (unlike the page's Loading, it leaves the document title alone). */
export function SectionLoading({ label }: { label: string }) {
  return (
    <p role="status" aria-live="polite" className={fr.cx("fr-py-2w")}>
      <span className={fr.cx("fr-icon-refresh-line", "fr-mr-1w")} aria-hidden="true" />
      {label}
    </p>
  );
}

/** A section that could not load (the rest of the page stays usable; the document title is left alone). */
export function SectionError({ error, title }: { error: unknown; title: string }) {
  return <Alert severity="error" small title={title} description={error instanceof Error ? error.message : "Erreur inconnue."} className={fr.cx("fr-my-2w")} />;
}

/**
 * A section's list as every section shows it: loading, then an error, then the
 * empty state, then the items (in a list unless `bare`).
 */
export function QueryList<T>({
  query,
  loading,
  failed,
  empty,
  bare = false,
  children,
}: {
  query: { isPending: boolean; error: unknown; data?: { items: T[] } };
  loading: string;
  failed: string;
  empty: string;
  bare?: boolean;
  children: (item: T) => ReactNode;
}) {
  if (query.isPending) return <SectionLoading label={loading} />;
  if (query.error || !query.data) return <SectionError error={query.error} title={failed} />;
  if (query.data.items.length === 0) return <EmptyState title={empty} />;
  return bare ? <>{query.data.items.map(children)}</> : <ul className="cles-followup-list">{query.data.items.map(children)}</ul>;
}

/** A form's submit and cancel buttons; the submit says it is saving while it does. */
export function FormButtons({ pending, label, onCancel }: { pending: boolean; label: string; onCancel: () => void }) {
  return (
    <div className="cles-followup-actions">
      <Button type="submit" size="small" disabled={pending}>
        {pending ? "Enregistrement…" : label}
      </Button>
      <Button type="button" size="small" priority="tertiary" onClick={onCancel}>
        Annuler
      </Button>
    </div>
  );
}
