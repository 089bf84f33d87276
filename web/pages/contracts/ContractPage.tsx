import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import { Link, useParams } from "react-router";
import { useActions, useContract, type ActionItem, type Contract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { ContractViewsNav } from "../overview/ContractViewsNav";
import { PublicationControl } from "./PublicationControl";
import { formatDate, formatMonth, formatNumber, formatPeriod, plural } from "../../format";
import { ContractStatusBadge, EndedContractPrompt } from "./ContractStatusBadge";
import { SearchForm } from "../search/SearchForm";
import { ScrollTable } from "../../components/ScrollTable";
import { CommuneReferents } from "../referents/CommuneReferents";

export function ContractPage() {
  const { contractId = "" } = useParams();
  const { data: contract, error, isPending } = useContract(contractId);
  const actions = useActions(contractId, {});
  if (isPending) return <Loading label="Chargement du contrat…" />;
  if (error) return <ErrorMessage error={error} title="Le contrat n'a pas pu être chargé" />;
  const c = contract;
  return (
    <Page
      title={c.name}
      breadcrumb={[{ label: "Contrats", to: "/" }]}
      actions={
        <ButtonsGroup
          inlineLayoutWhen="md and up"
          buttonsIconPosition="left"
          buttonsSize="small"
          buttons={[
            { children: `Fiches actions (${c.counts.actions})`, iconId: "fr-icon-file-text-line", linkProps: { to: `/contrats/${c.id}/fiches` } },
            ...(c.permissions.update ? [{ children: "Modifier le contrat", iconId: "fr-icon-edit-line" as const, priority: "secondary" as const, linkProps: { to: `/contrats/${c.id}/modifier` } }] : []),
            ...(c.permissions.manageMembers ? [{ children: "Membres", iconId: "fr-icon-team-line" as const, priority: "secondary" as const, linkProps: { to: `/contrats/${c.id}/membres` } }] : []),
            ...(c.permissions.readHistory ? [{ children: "Historique", iconId: "fr-icon-time-line" as const, priority: "tertiary" as const, linkProps: { to: `/contrats/${c.id}/historique` } }] : []),
            ...(c.permissions.export
              ? [{ children: "Exporter (JSON)", iconId: "fr-icon-download-line" as const, priority: "tertiary" as const, linkProps: { to: `/api/contracts/${c.id}/export`, reloadDocument: true, download: `${c.slug}.cles.json` } }]
              : []),
          ]}
        />
      }
    >
      <ul className={fr.cx("fr-badges-group", "fr-mb-2w")}>
        <li>
          <ContractStatusBadge contract={c} />
        </li>
        <li>
          <Badge noIcon>{`Période ${formatPeriod(c.startDate, c.endDate)}`}</Badge>
        </li>
      </ul>
      <EndedContractPrompt contract={c} />
      <SearchForm contractId={c.id} />
      <dl className="cles-dl">
        <dt>Collectivité</dt>
        <dd>{c.localAuthority}</dd>
        <dt>Période</dt>
        <dd>{`du ${formatDate(c.startDate)} au ${formatDate(c.endDate)}`}</dd>
        <dt>Contenu</dt>
        <dd>
          {[plural(c.counts.axes, "axe stratégique", "axes stratégiques"), plural(c.counts.objectives, "objectif", "objectifs"), plural(c.counts.actions, "fiche action", "fiches actions")].join(" · ")}
        </dd>
        <dt>Territoire</dt>
        <dd>
          {plural(c.counts.communes, "commune", "communes")}
          {c.counts.communes > 0 && ` · ${populationLabel(c.counts)}`}
          {c.priorityAreas.length > 0 && ` · ${plural(c.priorityAreas.length, "quartier prioritaire", "quartiers prioritaires")}`}
        </dd>
        {c.departements.length > 0 && (
          <>
            <dt>{c.departements.length > 1 ? "Départements" : "Département"}</dt>
            <dd>{c.departements.map((d) => `${d.name} (${d.code})`).join(", ")}</dd>
            <dt>{c.regions.length > 1 ? "Régions" : "Région"}</dt>
            <dd>{c.regions.map((r) => r.name).join(", ")}</dd>
          </>
        )}
      </dl>
      <ContractViewsNav contractId={c.id} />
      {c.summary && (
        <section className={fr.cx("fr-mb-6w")}>
          <h2>Présentation</h2>
          <p className="cles-prewrap">{c.summary}</p>
        </section>
      )}
      {c.keyDates.length > 0 && (
        <section className={fr.cx("fr-mb-6w")} aria-labelledby="dates-cles">
          <h2 id="dates-cles">Dates clés</h2>
          <ol>
            {c.keyDates.map((k, i) => (
              <li key={i}>
                <strong>{k.on.length === 7 ? formatMonth(k.on) : formatDate(k.on)}</strong>
                {` — ${k.label}`}
              </li>
            ))}
          </ol>
        </section>
      )}
      <section className={fr.cx("fr-mb-6w")} aria-labelledby="arbre">
        <div className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-grid-row--gutters")}>
          <h2 id="arbre" className={fr.cx("fr-col", "fr-mb-0")}>
            Axes, objectifs et fiches actions
          </h2>
          {c.permissions.manageStructure && (
            <div className="fr-col-12 cles-col-auto">
              <Button priority="tertiary" size="small" iconId="fr-icon-settings-5-line" linkProps={{ to: `/contrats/${c.id}/axes` }}>
                Gérer les axes et objectifs
              </Button>
            </div>
          )}
        </div>
        {actions.isPending ? <Loading label="Chargement des fiches…" /> : <Tree contract={c} actions={actions.data?.items ?? []} />}
      </section>
      <Territory contract={c} />
      {c.permissions.manageReferents && <CommuneReferents contractId={c.id} />}
      <PublicationControl contract={c} />
      <section className={fr.cx("fr-mb-6w")} aria-labelledby="signataires">
        <div className={fr.cx("fr-grid-row", "fr-grid-row--middle", "fr-grid-row--gutters")}>
          <h2 id="signataires" className={fr.cx("fr-col", "fr-mb-0")}>
            Signataires
          </h2>
          <div className="fr-col-12 cles-col-auto">
            <Button priority="tertiary" size="small" iconId="fr-icon-team-line" linkProps={{ to: `/contrats/${c.id}/annuaire` }}>
              {`Annuaire (${c.organisations.length})`}
            </Button>
          </div>
        </div>
        {c.signatories.length === 0 ? (
          <EmptyState title="Aucun signataire renseigné." />
        ) : (
          <ScrollTable
            caption="Signataires du contrat"
            hideCaption
            headers={["Organisation", "Représentant", "Qualité", "Date de signature"]}
            rows={c.signatories.map((s) => [s.organisationName, s.representative || "—", s.title || "—", formatDate(s.signedOn)])}
          />
        )}
      </section>
    </Page>
  );
}

function Tree({ contract, actions }: { contract: Contract; actions: ActionItem[] }) {
  if (contract.axes.length === 0)
    return (
      <EmptyState title="Aucun axe stratégique pour l'instant.">
        {contract.permissions.manageStructure && <Link to={`/contrats/${contract.id}/axes`}>Ajouter le premier axe</Link>}
      </EmptyState>
    );
  const fiche = (a: ActionItem) => (
    <li key={a.id}>
      <Link to={`/contrats/${contract.id}/fiches/${a.id}`}>{`FA ${a.number} — ${a.title}`}</Link>
    </li>
  );
  return (
    <ul className="cles-tree fr-mt-2w">
      {contract.axes.map((axis) => {
        const inAxis = actions.filter((a) => a.axis.id === axis.id);
        return (
          <li key={axis.id} className={fr.cx("fr-mb-3w")}>
            <h3 className={fr.cx("fr-h6", "fr-mb-1w")}>
              {`Axe ${axis.number} — ${axis.title} `}
              <span className={fr.cx("fr-text--sm", "fr-text--regular")}>({plural(axis.actionCount, "fiche", "fiches")})</span>
            </h3>
            <ul>
              {axis.objectives.map((o) => (
                <li key={o.id} className={fr.cx("fr-mb-1w")}>
                  <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>
                    {`Objectif ${o.code} — ${o.title} `}
                    <span className={fr.cx("fr-text--regular")}>({plural(o.actionCount, "fiche", "fiches")})</span>
                  </p>
                  <ul>{inAxis.filter((a) => a.objective?.id === o.id).map(fiche)}</ul>
                </li>
              ))}
              {inAxis.filter((a) => !a.objective).map(fiche)}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

function Territory({ contract: c }: { contract: Contract }) {
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="territoire">
      <h2 id="territoire">Territoire</h2>
      {c.population !== null && <p>{`Population indiquée par le contrat : ${plural(c.population, "habitant")}.`}</p>}
      {c.communes.length === 0 ? (
        <EmptyState title="Aucune commune renseignée." />
      ) : (
        <ScrollTable
          caption={`Communes du contrat (${c.communes.length})`}
          headers={["Commune", "Code INSEE", "Population"]}
          rows={c.communes.map((m) => [m.name, m.inseeCode, formatNumber(m.population)])}
        />
      )}
      <h3 className={fr.cx("fr-h6")}>Quartiers prioritaires de la politique de la ville (QPV)</h3>
      {c.priorityAreas.length === 0 ? (
        <p>Aucun quartier prioritaire renseigné.</p>
      ) : (
        <ul>
          {c.priorityAreas.map((q) => (
            <li key={`${q.name}-${q.code}`}>
              {q.name}
              {q.communeInseeCode && ` (${c.communes.find((m) => m.inseeCode === q.communeInseeCode)?.name ?? q.communeInseeCode})`}
              {q.code && ` — ${q.code}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** « 230 000 habitants », « population non renseignée », or the known part and what is missing. */
function populationLabel({ population, populationMissing }: { population: number | null; populationMissing: number }): string {
  if (population === null) return "population non renseignée";
  const total = `${formatNumber(population)} habitants`;
  return populationMissing ? `${total} (population de ${plural(populationMissing, "commune", "communes")} non renseignée)` : total;
}
