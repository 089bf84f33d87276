/** Small pieces shared by the sections of the « Suivi » page: dates, sections, lists, numbers typed the French way. (Forms: components/form.tsx.) */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ReactNode } from "react";
import { EmptyState } from "../../components/Page";

// Today in Paris ("2021-09-14"), an instant ("14 septembre 2021 à 10:32"), a meeting's day ("14/09/2021"): from the web's one format module.
export { formatDateTime, meetingDay, todayInParis } from "../../format";

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

/** Plain text as typed (line breaks kept, nothing interpreted). */
export const PlainText = ({ text }: { text: string }) => <span className="cles-prewrap">{text}</span>;

/** "1,5" or "1 234,5" typed the French way → 1.5 / 1234.5; null when it is not a number. */
export function parseFrenchNumber(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
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
