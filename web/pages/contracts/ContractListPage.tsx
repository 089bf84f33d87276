import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { ButtonProps } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useContracts } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatPeriod, plural } from "../../format";
import { ContractStatusBadge } from "./ContractStatusBadge";

/** The page number of the address, 1 when absent or not a page. */
function pageOf(value: string | null): number {
  const page = Number(value ?? "1");
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function ContractListPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q")?.trim() ?? "";
  const page = pageOf(params.get("page"));
  const { data, error, isPending, isPlaceholderData } = useContracts(true, { q, page });
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.perPage)) : 1;
  const pageLink = (n: number) => {
    const next = new URLSearchParams();
    if (q) next.set("q", q);
    if (n > 1) next.set("page", String(n));
    return { to: `/?${next}` };
  };
  return (
    <Page
      title="Contrats locaux de santé"
      actions={
        (data?.permissions.create || data?.permissions.import) && (
        <ButtonsGroup
          inlineLayoutWhen="md and up"
          buttonsIconPosition="left"
          buttonsSize="small"
          buttons={[
            ...(data?.permissions.create ? [{ children: "Nouveau contrat", iconId: "fr-icon-add-line" as const, linkProps: { to: "/contrats/nouveau" } }] : []),
            ...(data?.permissions.import ? [{ children: "Importer un contrat", iconId: "fr-icon-upload-line" as const, priority: "secondary" as const, linkProps: { to: "/importer" } }] : []),
          ] as [ButtonProps, ...ButtonProps[]]}
        />
        )
      }
    >
      {(q || (data && data.total > data.perPage)) && <ContractSearch initial={q} onSearch={(text) => setParams(text ? { q: text } : {})} />}
      {isPending ? (
        <Loading label="Chargement des contrats…" />
      ) : error ? (
        <ErrorMessage error={error} title="Les contrats n'ont pas pu être chargés" />
      ) : data.items.length === 0 && q ? (
        <EmptyState title={`Aucun contrat ne correspond à « ${q} ».`}>
          <p>Vérifiez l'orthographe, ou cherchez le nom d'une commune, d'une collectivité ou un code INSEE.</p>
        </EmptyState>
      ) : data.items.length === 0 ? (
        <EmptyState title="Aucun contrat pour l'instant.">
          <p>
            {data.permissions.create
              ? "Créez le premier contrat, ou importez l'export JSON d'un contrat existant."
              : "Vous n'êtes membre d'aucun contrat : la coordination d'un contrat vous y invite par courriel."}
          </p>
        </EmptyState>
      ) : (
        <>
        <p role="status" className={fr.cx("fr-mb-2w")} aria-busy={isPlaceholderData}>
          {data.total > data.items.length
            ? `Contrats ${(data.page - 1) * data.perPage + 1} à ${(data.page - 1) * data.perPage + data.items.length} sur ${data.total}${q ? ` pour « ${q} »` : ""}`
            : `${plural(data.total, "contrat", "contrats")}${q ? ` pour « ${q} »` : ""}`}
        </p>
        <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
          {data.items.map((c) => (
            <li key={c.id} className={fr.cx("fr-col-12", "fr-col-md-6")}>
              <Card
                title={c.name}
                titleAs="h2"
                linkProps={{ to: `/contrats/${c.id}` }}
                desc={`${c.localAuthority} · ${plural(c.communeCount, "commune", "communes")}`}
                start={
                  <ul className={fr.cx("fr-badges-group")}>
                    <li>
                      <ContractStatusBadge contract={c} />
                    </li>
                    <li>
                      <Badge noIcon>{formatPeriod(c.startDate, c.endDate)}</Badge>
                    </li>
                  </ul>
                }
                end={<p className={fr.cx("fr-card__detail")}>{`${plural(c.axisCount, "axe", "axes")} · ${plural(c.actionCount, "fiche action", "fiches actions")}`}</p>}
                enlargeLink
              />
            </li>
          ))}
        </ul>
        {pageCount > 1 && <Pagination className={fr.cx("fr-mt-4w")} count={pageCount} defaultPage={Math.min(page, pageCount)} getPageLinkProps={pageLink} showFirstLast />}
        </>
      )}
    </Page>
  );
}

/** Searches the contracts by name, local authority, commune or INSEE code. */
function ContractSearch({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" onSubmit={submit} className={fr.cx("fr-mb-3w")}>
      <div className={fr.cx("fr-search-bar")}>
        <label className={fr.cx("fr-label")} htmlFor="contract-search">
          Rechercher un contrat (nom, collectivité, commune ou code INSEE)
        </label>
        <input className={fr.cx("fr-input")} id="contract-search" type="search" placeholder="Nom du contrat, collectivité, commune ou code INSEE" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        <button className={fr.cx("fr-btn")} type="submit" title="Rechercher">
          Rechercher
        </button>
      </div>
    </form>
  );
}
