import { fr } from "@codegouvfr/react-dsfr";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import type { HistoryEntry, HistoryPage } from "../../api/accounts";
import { EmptyState } from "../../components/Page";

/** One change, before → after; long texts are shortened (the whole text stays in the fiche). */
function shorten(value: string | null): string {
  if (value === null) return "(vide)";
  return value.length > 300 ? `${value.slice(0, 300)}…` : value;
}

function Entry({ entry, showContract }: { entry: HistoryEntry; showContract: boolean }) {
  return (
    <li className={fr.cx("fr-mb-2w")}>
      <p className={fr.cx("fr-mb-1v")}>
        {entry.summary}
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

/** A page of history, newest first, as French sentences with their before/after details. */
export function HistoryList({ page, showContract = false, pageLink }: { page: HistoryPage; showContract?: boolean; pageLink?: (n: number) => string }) {
  if (page.items.length === 0) return <EmptyState title="Aucune modification enregistrée." />;
  return (
    <>
      <ul className="cles-history">
        {page.items.map((e) => (
          <Entry key={e.id} entry={e} showContract={showContract} />
        ))}
      </ul>
      {pageLink && page.pageCount > 1 && (
        <Pagination count={page.pageCount} defaultPage={page.page} getPageLinkProps={(n) => ({ to: pageLink(n) })} showFirstLast className={fr.cx("fr-mt-3w")} />
      )}
    </>
  );
}
