import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ScrollTable } from "../../components/ScrollTable";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode } from "react";
import { Link, useParams } from "react-router";
import {
  CITY_CONTRACT_ANSWERS,
  FUNDING_STATUSES,
  INDICATOR_KINDS,
  PARTICIPATION_DEGREES,
  TERRITORY_SCOPES,
} from "../../../server/shared";
import { useHistory } from "../../api/accounts";
import { api } from "../../api/client";
import type { FicheWithFollowUp } from "../../api/followup";
import { useAction, useContract, type Action, type Contract } from "../../api/queries";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { euros, formatMonth, formatNumber, yesNo } from "../../format";
import { ShownStatusBadge } from "../../components/ShownStatusBadge";
import { HistoryList } from "../history/HistoryList";
import { StatusBadge } from "../../components/StatusBadge";

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={fr.cx("fr-mb-5w")}>
      <h2 id={id} className={fr.cx("fr-h4")}>
        {title}
      </h2>
      {children}
    </section>
  );
}

const text = (value: string) => (value ? <span className="cles-prewrap">{value}</span> : <em>Non renseigné</em>);

export function ActionPage() {
  const { contractId = "", actionId = "" } = useParams();
  const contract = useContract(contractId);
  const action = useAction(actionId);
  if (contract.isPending || action.isPending) return <Loading label="Chargement de la fiche…" />;
  if (contract.error || action.error) return <ErrorMessage error={contract.error ?? action.error} title="La fiche n'a pas pu être chargée" />;
  const a = action.data;
  const c = contract.data;
  return (
    <Page
      title={`FA ${a.number} — ${a.title}`}
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: c.name, to: `/contrats/${c.id}` },
        { label: "Fiches actions", to: `/contrats/${c.id}/fiches` },
      ]}
      actions={
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--icon-left")}>
          <li>
            <Button priority="secondary" iconId="fr-icon-line-chart-line" linkProps={{ to: `/contrats/${c.id}/fiches/${a.id}/suivi` }}>
              Suivi de la fiche
            </Button>
          </li>
          {a.archivedAt
            ? a.permissions.archive && (
                <li>
                  <RestoreButton action={a} />
                </li>
              )
            : a.permissions.update && (
                <li>
                  <Button iconId="fr-icon-edit-line" linkProps={{ to: `/contrats/${c.id}/fiches/${a.id}/modifier` }}>
                    Modifier la fiche
                  </Button>
                </li>
              )}
        </ul>
      }
    >
      {a.archivedAt && <Alert severity="info" small description="Cette fiche est archivée : elle n'apparaît plus dans les listes ni dans les documents. Restaurez-la pour la modifier." className={fr.cx("fr-mb-3w")} />}
      <Header action={a} contract={c} />
      <Block id="justification" title="Justification">
        <p>{text(a.justification.text)}</p>
        <dl className="cles-dl">
          <dt>Des inégalités sociales et territoriales de santé ont-elles été repérées ?</dt>
          <dd>{yesNo(a.justification.inequalitiesIdentified)}</dd>
          <dt>La problématique est-elle intégrée dans le volet santé du contrat de ville ?</dt>
          <dd>{a.justification.cityContractHealth ? CITY_CONTRACT_ANSWERS[a.justification.cityContractHealth] : "Non renseigné"}</dd>
        </dl>
      </Block>
      <Block id="description" title="Description">
        <dl className="cles-dl">
          <dt>Objectif spécifique</dt>
          <dd>{text(a.specificObjective)}</dd>
          <dt>Objectifs opérationnels</dt>
          <dd>
            {a.operationalObjectives.length ? (
              <ol className={fr.cx("fr-mb-0")}>
                {a.operationalObjectives.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ol>
            ) : (
              <em>Non renseignés</em>
            )}
          </dd>
          <dt>Action préexistante au CLS ?</dt>
          <dd>{yesNo(a.preExisting)}</dd>
          <dt>Public cible</dt>
          <dd>{text(a.targetPublic)}</dd>
          <dt>Lieu de l'action</dt>
          <dd>{text(a.place)}</dd>
          <dt>Territoire</dt>
          <dd>
            {TERRITORY_SCOPES[a.territory.scope]}
            {a.territory.communes.length > 0 && ` : ${a.territory.communes.map((code) => c.communes.find((m) => m.inseeCode === code)?.name ?? code).join(", ")}`}
          </dd>
        </dl>
        <h3 className={fr.cx("fr-h6")}>Description de l'action</h3>
        <p>{text(a.description)}</p>
      </Block>
      <Block id="typologie" title="Typologie et thématique">
        <dl className="cles-dl">
          <dt>{a.determinants.length > 1 ? "Déterminants visés" : "Déterminant visé"}</dt>
          <dd>
            {a.determinants.length > 1 ? (
              <ul className={fr.cx("fr-mb-0")}>
                {a.determinants.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : (
              (a.determinants[0] ?? <em>Non renseigné</em>)
            )}
          </dd>
          {[0, 1, 2].map((i) => (
            <FragmentTheme key={i} index={i} theme={a.themes[i]} />
          ))}
          <dt>Articulation avec d'autres plans locaux</dt>
          <dd>{a.otherPlans.length ? a.otherPlans.join(", ") : <em>Aucune</em>}</dd>
          <dt>Projets du Schéma régional de santé</dt>
          <dd>{a.prsProjects.length ? a.prsProjects.join(", ") : <em>Aucun</em>}</dd>
        </dl>
      </Block>
      <Block id="partenaires" title="Partenaires et participation">
        {a.partners.length === 0 ? (
          <EmptyState title="Aucun partenaire renseigné." />
        ) : (
          <ScrollTable
            caption="Partenaires de la fiche"
            bordered
            rowHeaders={false}
            headers={["Secteur", "Partenaire", "Analyse des besoins", "Mobilisation de ressources", "Mise en œuvre", "Co-pilotage"]}
            rows={a.partners.map((p) => [p.sector, `${p.organisationName}${p.person ? ` (${p.person})` : ""}`, ...[p.needsAnalysis, p.resourceMobilisation, p.implementation, p.coSteering].map((flag) => (flag ? "Oui" : "—"))])}
          />
        )}
        <dl className="cles-dl">
          <dt>Les habitants sont-ils associés à l'action ?</dt>
          <dd>{yesNo(a.participation.involved)}</dd>
          {a.participation.involved && (
            <>
              <dt>Comment ?</dt>
              <dd>{text(a.participation.how)}</dd>
              <dt>À quel degré ?</dt>
              <dd>{a.participation.degree ? PARTICIPATION_DEGREES[a.participation.degree] : <em>Non renseigné</em>}</dd>
            </>
          )}
        </dl>
      </Block>
      <Block id="indicateurs" title="Suivi et évaluation">
        {a.indicators.length === 0 ? (
          <EmptyState title="Aucun indicateur défini." />
        ) : (
          <ScrollTable
            caption="Indicateurs de suivi et d'évaluation"
            rowHeaders={false}
            headers={["Type", "Indicateur", "Unité", "Valeur de départ", "Cible"]}
            rows={a.indicators.map((i) => [INDICATOR_KINDS[i.kind], i.label, i.unit || "—", formatNumber(i.baseline), formatNumber(i.target)])}
          />
        )}
      </Block>
      <Block id="budget" title="Budget">
        <BudgetTable budget={a.budget} />
      </Block>
      {a.permissions.readHistory && (
        <Block id="historique" title="Historique">
          <ActionHistory actionId={a.id} />
        </Block>
      )}
    </Page>
  );
}


/** The fiche's budget: one row per funding, then the totals (secured and requested). */
function BudgetTable({ budget }: { budget: Action["budget"] }) {
  if (budget.lines.length === 0) return <EmptyState title="Aucun budget renseigné." />;
  return (
    <>
      <ScrollTable
        caption="Budget de la fiche, par année et financeur (en euros)"
        rowHeaders={false}
        headers={["Année", "Financeur", "Montant", "Financement"]}
        rows={budget.lines.map((l) => [String(l.year), l.funder.name, euros(l.amount), FUNDING_STATUSES[l.status]])}
      />
      <dl className="cles-dl">
        <dt>Total</dt>
        <dd>{euros(budget.total)}</dd>
        <dt>Dont acquis</dt>
        <dd>{euros(budget.secured)}</dd>
        <dt>Dont demandé</dt>
        <dd>{euros(budget.requested)}</dd>
      </dl>
    </>
  );
}

function FragmentTheme({ index, theme }: { index: number; theme: Action["themes"][number] | undefined }) {
  return (
    <>
      <dt>{`Thème ${index + 1}`}</dt>
      <dd>{theme ? (theme.theme === "Autre" ? `Autre : ${theme.other ?? ""}` : theme.theme) : "—"}</dd>
    </>
  );
}

function Header({ action: a, contract: c }: { action: FicheWithFollowUp; contract: Contract }) {
  return (
    <dl className="cles-dl fr-mb-5w">
      <dt>Statut</dt>
      <dd>
        {a.shownStatus && a.shownStatusLabel ? <ShownStatusBadge status={a.shownStatus} label={a.shownStatusLabel} /> : <StatusBadge status={a.status} />}
      </dd>
      {a.mergedInto && (
        <>
          <dt>Fusionnée dans</dt>
          <dd>
            <Link to={`/contrats/${c.id}/fiches/${a.mergedInto.id}`}>{`FA ${a.mergedInto.number} — ${a.mergedInto.title}`}</Link>
          </dd>
        </>
      )}
      {!!a.mergedFrom?.length && (
        <>
          <dt>Fiches fusionnées dans celle-ci</dt>
          <dd>
            {a.mergedFrom.map((f, index) => (
              <span key={f.id}>
                {index > 0 && ", "}
                <Link to={`/contrats/${c.id}/fiches/${f.id}`}>{`FA ${f.number} — ${f.title}`}</Link>
              </span>
            ))}
          </dd>
        </>
      )}
      <dt>Axe stratégique</dt>
      <dd>{`Axe ${a.axis.number} — ${a.axis.title}`}</dd>
      {a.objective && (
        <>
          <dt>Objectif</dt>
          <dd>{`${a.objective.code} — ${a.objective.title}`}</dd>
        </>
      )}
      <dt>Porteur de l'action</dt>
      <dd>{a.lead ? `${a.lead.organisationName}${a.lead.person ? ` — ${a.lead.person}` : ""}` : <em>Non renseigné</em>}</dd>
      <dt>Pilotée par</dt>
      <dd>{a.pilots.length ? a.pilots.map((p) => p.name).join(", ") : <em>Personne n'est désigné pour piloter cette fiche</em>}</dd>
      <dt>Début</dt>
      <dd>{formatMonth(a.startMonth)}</dd>
      <dt>Fin</dt>
      <dd>{formatMonth(a.endMonth)}</dd>
      <dt>Contrat</dt>
      <dd>{c.name}</dd>
    </dl>
  );
}

function ActionHistory({ actionId }: { actionId: string }) {
  const history = useHistory("action", actionId);
  if (history.isPending) return <Loading label="Chargement de l'historique…" />;
  if (history.error) return <ErrorMessage error={history.error} title="L'historique n'a pas pu être chargé" />;
  return <HistoryList page={history.data} />;
}

function RestoreButton({ action }: { action: Action }) {
  const queryClient = useQueryClient();
  const restore = useMutation({
    mutationFn: () => api(`/actions/${action.id}/restore`, { method: "POST", body: { version: action.version } }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <>
      <Button iconId="fr-icon-refresh-line" onClick={() => restore.mutate()} disabled={restore.isPending}>
        Restaurer la fiche
      </Button>
      {restore.error && <p className={fr.cx("fr-error-text")} role="alert">{restore.error.message}</p>}
    </>
  );
}
