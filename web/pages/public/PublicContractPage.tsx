import { fr } from "@codegouvfr/react-dsfr";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { ScrollTable } from "../../components/ScrollTable";
import { Fragment, type ReactNode } from "react";
import { Link, useParams } from "react-router";
import { usePublicContract, type PublicContract } from "../../api/accounts";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, formatMonth, formatNumber, plural } from "../../format";

type PublicAction = PublicContract["actions"][number];
type PublicAxis = PublicContract["axes"][number];

/** The fiche's public fields, each under its heading; empty ones are left out. */
function Fiche({ a }: { a: PublicAction }) {
  const period = [a.startMonth && `de ${formatMonth(a.startMonth)}`, a.endMonth && `à ${formatMonth(a.endMonth)}`].filter(Boolean).join(" ");
  const fields: [string, ReactNode][] = [
    ["Porteur", a.lead],
    ["Partenaires", a.partners.length > 0 && a.partners.join(", ")],
    ["Objectif spécifique", a.specificObjective && <span className="cles-prewrap">{a.specificObjective}</span>],
    [
      "Objectifs opérationnels",
      a.operationalObjectives.length > 0 && (
        <ul className={fr.cx("fr-mb-0")}>
          {a.operationalObjectives.map((o, i) => (
            <li key={i}>{o}</li>
          ))}
        </ul>
      ),
    ],
    ["Public cible", a.targetPublic],
    ["Lieu", a.place],
    ["Description", a.description && <span className="cles-prewrap">{a.description}</span>],
  ];
  const shown = fields.filter(([, value]) => value);
  return (
    <article className={fr.cx("fr-mb-4w")} aria-labelledby={`fa-${a.number}`}>
      <h4 id={`fa-${a.number}`} className={fr.cx("fr-h6", "fr-mb-1w")}>{`Fiche action ${a.number} — ${a.title}`}</h4>
      <ul className={fr.cx("fr-badges-group", "fr-mb-1w")}>
        <li>
          <Badge noIcon severity={a.status === "done" ? "success" : a.status === "in_progress" ? "info" : a.status === "late" ? "warning" : undefined}>
            {a.statusLabel}
          </Badge>
        </li>
        {period && (
          <li>
            <Badge noIcon>{period}</Badge>
          </li>
        )}
      </ul>
      {shown.length > 0 && (
        <dl className="cles-dl">
          {shown.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </article>
  );
}

/** An axis, its objectives and their fiches (fiches without objective last). */
function Axis({ axis, actions }: { axis: PublicAxis; actions: PublicAction[] }) {
  const inAxis = actions.filter((a) => a.axisNumber === axis.number);
  const withoutObjective = inAxis.filter((a) => !axis.objectives.some((o) => o.code === a.objectiveCode));
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby={`axe-${axis.number}`}>
      <h3 id={`axe-${axis.number}`}>{`Axe ${axis.number} — ${axis.title}`}</h3>
      {axis.description && <p className="cles-prewrap">{axis.description}</p>}
      {axis.objectives.map((o) => {
        const fiches = inAxis.filter((a) => a.objectiveCode === o.code);
        return (
          <div key={o.code} className={fr.cx("fr-mb-3w")}>
            <p className={fr.cx("fr-text--bold", "fr-text--lg", "fr-mb-2w")}>{`Objectif ${o.code} — ${o.title}`}</p>
            {fiches.length === 0 ? <p className={fr.cx("fr-text--sm")}>Aucune fiche action pour cet objectif.</p> : fiches.map((a) => <Fiche key={a.number} a={a} />)}
          </div>
        );
      })}
      {withoutObjective.map((a) => (
        <Fiche key={a.number} a={a} />
      ))}
      {inAxis.length === 0 && axis.objectives.length === 0 && <p className={fr.cx("fr-text--sm")}>Aucune fiche action dans cet axe.</p>}
    </section>
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
    <Page title={c.name} documentTitle={`Page publique — ${c.name}`}>
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
          c.axes.map((axis) => <Axis key={axis.number} axis={axis} actions={c.actions} />)
        )}
      </section>
      <section className={fr.cx("fr-mb-6w")} aria-labelledby="territoire">
        <h2 id="territoire">Territoire</h2>
        {c.communes.length === 0 ? (
          <EmptyState title="Aucune commune renseignée." />
        ) : (
          <div className="cles-table-wrap">
            <ScrollTable caption={`Communes du contrat (${c.communes.length})`} headers={["Commune", "Code INSEE", "Population"]} rows={c.communes.map((m) => [m.name, m.inseeCode, formatNumber(m.population)])} />
          </div>
        )}
        {c.priorityAreas.length > 0 && (
          <>
            <h3 className={fr.cx("fr-h6")}>Quartiers prioritaires de la politique de la ville (QPV)</h3>
            <ul>
              {c.priorityAreas.map((q) => (
                <li key={`${q.name}-${q.code}`}>{q.code ? `${q.name} — ${q.code}` : q.name}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      {(c.participation.calls.length > 0 || c.participation.surveys.length > 0) && (
        <section className={fr.cx("fr-mb-6w")} aria-labelledby="participation">
          <h2 id="participation">Participation des habitants</h2>
          <ul>
            {c.participation.calls.map((w) => (
              <li key={w.path}>
                <Link to={w.path}>{w.title}</Link>
                {w.open ? ` — inscriptions ouvertes jusqu'au ${formatDate(w.deadline)}` : " — inscriptions closes"}
              </li>
            ))}
            {c.participation.surveys.map((s) => (
              <li key={s.path}>
                <Link to={s.path}>{s.title}</Link>
                {s.open ? ` — questionnaire ouvert jusqu'au ${formatDate(s.closesOn)}` : " — résultats publiés"}
              </li>
            ))}
          </ul>
        </section>
      )}
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
