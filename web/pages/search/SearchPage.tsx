/**
 * Search across a contract (issue 15): fiches, milestones, progress entries and meetings that
 * hold the words, grouped by kind with their counts, each with its excerpt (the words found
 * marked) and a link to its page. The words live in the address (`?q=`): a search can be
 * shared, reloaded, and the browser's back button returns to the previous one.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Link, useParams, useSearchParams } from "react-router";
import { useContract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, plural } from "../../format";
import { pieces, type Mark } from "./highlight";
import { SearchForm } from "./SearchForm";
import { queryProblem, useContractSearch, type SearchGroup, type SearchHit } from "./search-query";

function Highlight({ text, marks }: { text: string; marks: readonly Mark[] }) {
  return (
    <>
      {pieces(text, marks).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** Where a hit leads: its fiche, the fiche's follow-up (milestones, progress), or its meeting. */
export function hitPath(contractId: string, kind: SearchGroup["kind"], hit: SearchHit): string {
  const fiche = hit.action ? `/contrats/${contractId}/fiches/${hit.action.id}` : `/contrats/${contractId}`;
  switch (kind) {
    case "fiche":
      return fiche;
    case "milestone":
    case "progress":
      return `${fiche}/suivi`;
    case "meeting":
      return hit.meetingId ? `/contrats/${contractId}/reunions/${hit.meetingId}` : `/contrats/${contractId}/reunions`;
  }
}

function context(kind: SearchGroup["kind"], hit: SearchHit): string {
  const fiche = hit.action && kind !== "fiche" ? `FA ${hit.action.number} — ${hit.action.title}` : "";
  if (kind === "milestone") return [fiche, hit.date ? `prévue au plus tard le ${formatDate(hit.date)}` : ""].filter(Boolean).join(" · ");
  if (kind === "meeting") return [hit.bodyName ?? "", hit.date ? formatDate(hit.date) : ""].filter(Boolean).join(" · ");
  return fiche;
}

function Hit({ contractId, kind, hit }: { contractId: string; kind: SearchGroup["kind"]; hit: SearchHit }) {
  const about = context(kind, hit);
  return (
    <li className={fr.cx("fr-mb-3w")}>
      <h3 className={fr.cx("fr-h6", "fr-mb-1v")}>
        <Link to={hitPath(contractId, kind, hit)}>
          <Highlight {...hit.title} />
        </Link>
        {hit.done && (
          <Badge small severity="success" as="span" className={fr.cx("fr-ml-1w")}>
            Réalisée
          </Badge>
        )}
        {hit.cancelled && (
          <Badge small severity="warning" as="span" className={fr.cx("fr-ml-1w")}>
            Annulée
          </Badge>
        )}
      </h3>
      {about && <p className={fr.cx("fr-text--sm", "fr-mb-1v")}>{about}</p>}
      {hit.snippet && (
        <p className={fr.cx("fr-text--sm", "fr-mb-0")}>
          {hit.field && <span className={fr.cx("fr-text--bold")}>{`${hit.field} : `}</span>}
          <Highlight {...hit.snippet} />
        </p>
      )}
    </li>
  );
}

function Group({ contractId, group }: { contractId: string; group: SearchGroup }) {
  const headingId = `resultats-${group.kind}`;
  return (
    <section className={fr.cx("fr-mb-5w")} aria-labelledby={headingId}>
      <h2 id={headingId} className={fr.cx("fr-h4")}>{`${group.label} (${group.count})`}</h2>
      {group.count > group.items.length && <p className={fr.cx("fr-text--sm")}>{`Les ${group.items.length} plus pertinents sur ${group.count} : précisez la recherche pour voir les autres.`}</p>}
      <ul className={fr.cx("fr-raw-list")}>
        {group.items.map((hit) => (
          <Hit key={hit.id} contractId={contractId} kind={group.kind} hit={hit} />
        ))}
      </ul>
    </section>
  );
}

export function SearchPage() {
  const { contractId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const contract = useContract(contractId);
  const search = useContractSearch(contractId, q);
  if (contract.isPending) return <Loading label="Chargement du contrat…" />;
  if (contract.error) return <ErrorMessage error={contract.error} title="Le contrat n'a pas pu être chargé" />;
  const c = contract.data;
  const problem = queryProblem(q);
  const result = search.data && search.data.q.trim() === q ? search.data : undefined;
  const found = result ? result.groups.filter((g) => g.count > 0) : [];
  return (
    <Page
      title={q ? `Recherche « ${q} »` : "Rechercher dans le contrat"}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
      ]}
    >
      <SearchForm key={q} contractId={c.id} initial={q} big onSearch={(next) => setParams({ q: next })} />
      <div role="status" aria-live="polite" aria-busy={search.isFetching}>
        {problem ? (
          <p className={fr.cx("fr-error-text")}>{problem}</p>
        ) : !q ? (
          <p>Saisissez des mots : un partenaire (« CPAM »), une action (« Octobre Rose »), une commune (« Melun »)…</p>
        ) : search.isFetching && !result ? (
          <p>
            <span className={fr.cx("fr-icon-refresh-line", "fr-mr-1w")} aria-hidden="true" />
            Recherche en cours…
          </p>
        ) : search.error ? null : result && result.total > 0 ? (
          <p>{`${plural(result.total, "résultat")} pour « ${q} »${search.isFetching ? " (mise à jour…)" : ""}`}</p>
        ) : null}
      </div>
      {search.error && !problem && <ErrorMessage error={search.error} title="La recherche n'a pas abouti" />}
      {result && result.total === 0 && (
        <EmptyState title={`Aucun résultat pour « ${q} ».`}>
          <p>Vérifiez l'orthographe, essayez un autre mot ou un sigle (CPAM, CCAS…).</p>
        </EmptyState>
      )}
      {found.map((g) => (
        <Group key={g.kind} contractId={c.id} group={g} />
      ))}
    </Page>
  );
}
