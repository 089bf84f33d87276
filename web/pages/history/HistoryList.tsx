import { fr } from "@codegouvfr/react-dsfr";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Link } from "react-router";
import type { HistoryEntry } from "../../api/accounts";
import { EmptyState } from "../../components/Page";

/** A page of history as the three history routes answer it. */
export interface HistoryPageData {
  items: HistoryEntry[];
  page: number;
  pageCount: number;
}

/** One change, before → after; long texts are shortened (the whole text stays in the fiche). */
function shorten(value: string | null): string {
  if (value === null) return "(vide)";
  return value.length > 300 ? `${value.slice(0, 300)}…` : value;
}

function Entry({ entry, showContract, links }: { entry: HistoryEntry; showContract: boolean; links: boolean }) {
  return (
    <li className={fr.cx("fr-mb-2w")}>
      <p className={fr.cx("fr-mb-1v")}>
        {/* The sentence leads to the object (a fiche, a meeting…); an object that is gone has no link. */}
        {links && entry.link ? <Link to={entry.link}>{entry.summary}</Link> : entry.summary}
        {showContract && entry.contractName && <span className={fr.cx("fr-text--sm")}>{` — ${entry.contractName}`}</span>}
      </p>
      {entry.changes.length > 0 && (
        <details className="cles-details">
          <summary className={fr.cx("fr-text--sm")}>{entry.changes.length === 1 ? "Voir la modification" : `Voir les ${entry.changes.length} modifications`}</summary>
          <dl className="cles-changes">
            {entry.changes.map((c) => (
              <div key={c.field}>
                <dt>{c.label}</dt>
                <dd>
                  <span className={c.before === null ? "cles-empty" : "cles-before"}>
                    <span className={fr.cx("fr-sr-only")}>Avant : </span>
                    {shorten(c.before)}
                  </span>
                  <span aria-hidden="true"> → </span>
                  <span className={c.after === null ? "cles-empty" : "cles-after"}>
                    <span className={fr.cx("fr-sr-only")}>Après : </span>
                    {shorten(c.after)}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}

/**
 * A page of history, newest first, as French sentences with their before/after details.
 * `links`: each sentence leads to its object (not on the object's own page).
 */
export function HistoryList({
  page,
  showContract = false,
  pageLink,
  links = false,
  emptyTitle = "Aucune modification enregistrée.",
}: {
  page: HistoryPageData;
  showContract?: boolean;
  pageLink?: (n: number) => string;
  links?: boolean;
  emptyTitle?: string;
}) {
  if (page.items.length === 0) return <EmptyState title={emptyTitle} />;
  return (
    <>
      <ul className="cles-history">
        {page.items.map((e) => (
          <Entry key={e.id} entry={e} showContract={showContract} links={links} />
        ))}
      </ul>
      {pageLink && page.pageCount > 1 && (
        <Pagination count={page.pageCount} defaultPage={page.page} getPageLinkProps={(n) => ({ to: pageLink(n) })} showFirstLast className={fr.cx("fr-mt-3w")} />
      )}
    </>
  );
}
