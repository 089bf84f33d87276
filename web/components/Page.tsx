import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { useLocation } from "react-router";
import { ApiError } from "../api/client";
import { firstPageShown } from "../dsfr-gate";

/** The contract whose pages are shown (set by the contract's layout): its name and short name, for the document title. */
export const ContractTitle = createContext<{ name: string; short: string } | null>(null);

/**
 * Sets the document title, as screen-reader users hear it on each page: inside a contract,
 * with the contract's short name (« Tableau de bord — CA Melun Val de Seine — Clés »), so that
 * two contracts' pages and tabs are told apart (RGAA 8.6).
 */
export function useTitle(title: string | undefined): void {
  const contract = useContext(ContractTitle);
  const full = title && contract && title !== contract.name ? `${title} — ${contract.short}` : title;
  useEffect(() => {
    if (full) document.title = `${full} — Clés`;
  }, [full]);
}

interface PageProps {
  title: string;
  /** The document's title when it is not the h1's (the public page of a contract). */
  documentTitle?: string;
  breadcrumb?: { label: string; to: string }[];
  children: ReactNode;
  actions?: ReactNode;
}

/** A page: its title (document and h1), its breadcrumb, and focus moved to the h1 on navigation. */
export function Page({ title, documentTitle, breadcrumb, children, actions }: PageProps) {
  useTitle(documentTitle ?? title);
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // After a navigation inside the app, screen readers start from the new page's title;
    // on the first load the browser already starts at the top.
    if (location.key !== "default") heading.current?.focus({ preventScroll: true });
  }, [title, location.key]);
  useEffect(firstPageShown, []);
  return (
    <>
      {breadcrumb && (
        <Breadcrumb
          currentPageLabel={title}
          segments={breadcrumb.map((b) => ({ label: b.label, linkProps: { to: b.to } }))}
          className={fr.cx("fr-mb-3w")}
        />
      )}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-grid-row--gutters", "fr-mb-2w")}>
        <div className={fr.cx("fr-col")}>
          <h1 ref={heading} tabIndex={-1} className={fr.cx("fr-mb-0")}>
            {title}
          </h1>
        </div>
        {actions && <div className="fr-col-12 cles-col-auto">{actions}</div>}
      </div>
      {children}
    </>
  );
}

export function Loading({ label = "Chargement…" }: { label?: string }) {
  useTitle(label);
  return (
    <p role="status" aria-live="polite" className={fr.cx("fr-py-4w")}>
      <span className={fr.cx("fr-icon-refresh-line", "fr-mr-1w")} aria-hidden="true" />
      {label}
    </p>
  );
}

export function ErrorMessage({ error, title = "Une erreur est survenue" }: { error: unknown; title?: string }) {
  const notFound = error instanceof ApiError && error.status === 404;
  useTitle(notFound ? "Introuvable" : title);
  return (
    <Alert
      severity="error"
      title={notFound ? "Introuvable" : title}
      description={error instanceof Error ? error.message : "Erreur inconnue."}
      className={fr.cx("fr-my-4w")}
    />
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={fr.cx("fr-py-4w")}>
      <p className={fr.cx("fr-text--lead", "fr-mb-1w")}>{title}</p>
      {children}
    </div>
  );
}

/** What a person sees on a page their role does not open: why, and where to go instead. */
export function NotAllowed({ title, children }: { title: string; children: NonNullable<ReactNode> }) {
  useTitle(title);
  return (
    <Alert severity="info" title={title} description={children} className={fr.cx("fr-my-4w")} />
  );
}
