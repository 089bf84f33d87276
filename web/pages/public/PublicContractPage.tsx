import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useParams } from "react-router";
import { usePublicContract, type PublicContract } from "../../api/accounts";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, formatMonth, formatNumber, plural } from "../../format";

type PublicAction = PublicContract["actions"][number];

function Fiche({ a }: { a: PublicAction }) {
  const period = [a.startMonth && `de ${formatMonth(a.startMonth)}`, a.endMonth && `à ${formatMonth(a.endMonth)}`].filter(Boolean).join(" ");
  return (
    <article className={fr.cx("fr-mb-4w")} aria-labelledby={`fa-${a.number}`}>
      <h4 id={`fa-${a.number}`} className={fr.cx("fr-h6", "fr-mb-1w")}>{`Fiche action ${a.number} — ${a.title}`}</h4>
      <ul className={fr.cx("fr-badges-group", "fr-mb-1w")}>
        <li>
          <Badge noIcon severity={a.status === "done" ? "success" : a.status === "in_progress" ? "info" : undefined}>
            {a.statusLabel}
          </Badge>
        </li>
        {period && (
          <li>
            <Badge noIcon>{period}</Badge>
          </li>
        )}
      </ul>
      <dl className="cles-dl">
        {a.lead && (
          <>
            <dt>Porteur</dt>
            <dd>{a.lead}</dd>
          </>
        )}
        {a.partners.length > 0 && (
          <>
            <dt>Partenaires</dt>
            <dd>{a.partners.join(", ")}</dd>
          </>
        )}
        {a.specificObjective && (
          <>
            <dt>Objectif</dt>
            <dd className="cles-prewrap">{a.specificObjective}</dd>
          </>
        )}
        {a.targetPublic && (
          <>
            <dt>Public</dt>
            <dd>{a.targetPublic}</dd>
          </>
        )}
        {a.place && (
          <>
            <dt>Lieu</dt>
            <dd>{a.place}</dd>
          </>
        )}
      </dl>
      {a.description && <p className="cles-prewrap">{a.description}</p>}
    </article>
  );
}

/** The page anyone may read, once the coordination has published it. */
export function PublicContractPage() {
  const { slug = "" } = useParams();
  const contract = usePublicContract(slug);
  if (contract.isPending) return <Loading label="Chargement du contrat…" />;
  if (contract.error) return <ErrorMessage error={contract.error} title="Page publique introuvable" />;
  const c = contract.data;
  return (
    <Page title={c.name}>
      <p className={fr.cx("fr-text--sm")}>Page publique du contrat, publiée par sa coordination.</p>
      <ul className={fr.cx("fr-badges-group", "fr-mb-2w")}>
        <li>
          <Badge noIcon severity="info">
            {c.statusLabel}
          </Badge>
        </li>
        <li>
          <Badge noIcon>{`du ${formatDate(c.startDate)} au ${formatDate(c.endDate)}`}</Badge>
        </li>
      </ul>
      <p>{`${c.localAuthority} · ${plural(c.communes.length, "commune", "communes")} · ${plural(c.actions.length, "fiche action", "fiches actions")}`}</p>
      {c.summary && <p className="cles-prewrap">{c.summary}</p>}
      {c.signatories.length > 0 && (
        <section className={fr.cx("fr-mb-6w")} aria-labelledby="signataires">
          <h2 id="signataires">Signataires</h2>
          <ul>
            {c.signatories.map((s) => (
              <li key={s.organisationName}>{[s.organisationName, s.representative, s.title].filter(Boolean).join(" — ")}</li>
            ))}
          </ul>
        </section>
      )}
      <section className={fr.cx("fr-mb-6w")} aria-labelledby="axes">
        <h2 id="axes">Axes et fiches actions</h2>
        {c.axes.length === 0 ? (
          <EmptyState title="Aucun axe publié." />
        ) : (
          c.axes.map((axis) => (
            <section key={axis.number} className={fr.cx("fr-mb-4w")} aria-labelledby={`axe-${axis.number}`}>
              <h3 id={`axe-${axis.number}`}>{`Axe ${axis.number} — ${axis.title}`}</h3>
              {axis.description && <p className="cles-prewrap">{axis.description}</p>}
              {c.actions.filter((a) => a.axisNumber === axis.number).map((a) => <Fiche key={a.number} a={a} />)}
            </section>
          ))
        )}
      </section>
      <section className={fr.cx("fr-mb-6w")} aria-labelledby="territoire">
        <h2 id="territoire">Territoire</h2>
        <div className="cles-table-wrap">
          <Table caption={`Communes du contrat (${c.communes.length})`} headers={["Commune", "Code INSEE", "Population"]} data={c.communes.map((m) => [m.name, m.inseeCode, formatNumber(m.population)])} />
        </div>
      </section>
      {c.documents.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents">Documents publiés</h2>
          <ul>
            {c.documents.map((d) => (
              <li key={d.url}>
                <a href={d.url}>{d.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
