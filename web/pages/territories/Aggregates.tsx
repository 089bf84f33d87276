/**
 * The aggregates of the territory, as small captioned tables (their own text alternative):
 * fiches by status, by theme × PRS code, governance, late fiches, budget by funder.
 */
import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { euros, plural, shortDate } from "../../format";
import type { Overview } from "./territory-api";

type Aggregates = Overview["aggregates"];
type Status = keyof Aggregates["fiches"]["byStatus"];
const STATUS_ORDER: Status[] = ["not_started", "in_progress", "late", "done", "abandoned", "merged"];

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={fr.cx("fr-mb-6w")}>
      <h2 id={id} className={fr.cx("fr-h4")}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A table that scrolls in its own box when it is wider than the page. */
function Scroll({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="cles-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      {children}
    </div>
  );
}

export function Figures({ a }: { a: Aggregates }) {
  return (
    <ul className="cles-figures" aria-label="Chiffres clés du territoire">
      <li>
        <strong>{a.contracts}</strong>{" "}
        {a.contracts > 1 ? "contrats" : "contrat"}
      </li>
      <li>
        <strong>{a.fiches.total}</strong>{" "}
        {a.fiches.total > 1 ? "fiches actions" : "fiche action"}
      </li>
      <li>
        <strong>{a.late.count}</strong>{" "}
        {a.late.count > 1 ? "fiches en retard" : "fiche en retard"}
      </li>
      <li>
        <strong>{`${a.governance.holding} / ${a.contracts}`}</strong>{" "}
        contrats tenant le rythme de leurs instances
      </li>
      <li>
        <strong>{euros(a.budget.total)}</strong>{" "}
        de budget, dont {euros(a.budget.secured)} acquis
      </li>
    </ul>
  );
}

export function AggregateBlocks({ a, labels }: { a: Aggregates; labels: Overview["statusLabels"] }) {
  return (
    <>
      <Block id="fiches-par-statut" title="Fiches par statut">
        <Scroll id="statuts-caption">
          <table className="cles-grid cles-counts">
            <caption id="statuts-caption">{`Fiches actions du territoire par statut (${a.fiches.total})`}</caption>
            <thead>
              <tr>
                {STATUS_ORDER.map((s) => (
                  <th key={s} scope="col">
                    {labels[s]}
                  </th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {STATUS_ORDER.map((s) => (
                  <td key={s}>{a.fiches.byStatus[s]}</td>
                ))}
                <td>{a.fiches.total}</td>
              </tr>
            </tbody>
          </table>
        </Scroll>
      </Block>
      <ThemeByPrs table={a.themeByPrs} />
      <Block id="gouvernance" title="Gouvernance">
        <ul>
          <li>{`${plural(a.governance.holding, "contrat")} dont le COPIL et le COTECH se réunissent au rythme prévu`}</li>
          <li>{`${plural(a.governance.behind, "contrat")} dont une instance est en retard sur son rythme`}</li>
          <li>{`${plural(a.governance.noRhythm, "contrat")} sans rythme prévu pour le COPIL ni le COTECH`}</li>
        </ul>
      </Block>
      <Block id="fiches-en-retard" title={`Fiches en retard (${a.late.count})`}>
        {a.late.count === 0 ? (
          <p>Aucune fiche en retard.</p>
        ) : (
          <>
            {a.late.count > a.late.items.length && <p>{`Les ${a.late.items.length} fiches en retard depuis le plus longtemps :`}</p>}
            <ul>
              {a.late.items.map((f) => (
                <li key={f.id}>
                  <Link to={`/contrats/${f.contractId}/fiches/${f.id}`}>{`FA ${f.number} — ${f.title}`}</Link>
                  {` (${f.contractName}) : une étape prévue le ${shortDate(f.lateSince)} n'est pas réalisée`}
                </li>
              ))}
            </ul>
          </>
        )}
      </Block>
      <Block id="budget" title="Budget par financeur">
        {a.budget.byFunder.length === 0 ? (
          <p>Aucun budget n'est renseigné dans les fiches.</p>
        ) : (
          <Scroll id="budget-caption">
            <table className="cles-grid cles-counts">
              <caption id="budget-caption">{`Montants des fiches par organisation qui finance, tous contrats confondus (${euros(a.budget.total)})`}</caption>
              <thead>
                <tr>
                  <th scope="col">Financeur</th>
                  <th scope="col">Acquis</th>
                  <th scope="col">Demandé</th>
                  <th scope="col">Total</th>
                  <th scope="col">Contrats</th>
                </tr>
              </thead>
              <tbody>
                {a.budget.byFunder.map((f) => (
                  <tr key={f.name}>
                    <th scope="row">{f.name}</th>
                    <td>{euros(f.secured)}</td>
                    <td>{euros(f.requested)}</td>
                    <td>{euros(f.total)}</td>
                    <td>{f.contractCount}</td>
                  </tr>
                ))}
                {a.budget.otherFunders.count > 0 && (
                  <tr>
                    <th scope="row">{`${plural(a.budget.otherFunders.count, "autre financeur", "autres financeurs")}`}</th>
                    <td>{euros(a.budget.otherFunders.secured)}</td>
                    <td>{euros(a.budget.otherFunders.requested)}</td>
                    <td>{euros(a.budget.otherFunders.total)}</td>
                    <td />
                  </tr>
                )}
              </tbody>
            </table>
          </Scroll>
        )}
      </Block>
    </>
  );
}

function ThemeByPrs({ table }: { table: Aggregates["themeByPrs"] }) {
  return (
    <Block id="thematiques" title="Fiches par thématique et projet du PRS">
      {table.rows.length === 0 ? (
        <p>Aucune fiche.</p>
      ) : (
        <>
          <Scroll id="thematiques-caption">
            <table className="cles-grid cles-counts">
              <caption id="thematiques-caption">Nombre de fiches par thématique (lignes) et code de projet du PRS (colonnes)</caption>
              <thead>
                <tr>
                  <th scope="col">Thématique</th>
                  {table.prsCodes.map((code) => (
                    <th key={code} scope="col">
                      <abbr title={`Projet ${code} du Projet régional de santé`}>{code}</abbr>
                    </th>
                  ))}
                  <th scope="col">Sans code PRS</th>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.theme}>
                    <th scope="row">{r.theme}</th>
                    {r.cells.map((n, i) => (
                      <td key={table.prsCodes[i]}>{n || ""}</td>
                    ))}
                    <td>{r.withoutCode || ""}</td>
                    <td>{r.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroll>
          <p className={fr.cx("fr-text--xs")}>Une fiche compte une fois par thématique et par code PRS qu'elle cite : les colonnes ne s'additionnent pas.</p>
        </>
      )}
    </Block>
  );
}
