/**
 * The contracts of the territory, one row each with its figures, and a box per row to pick
 * two to five of them for the comparison (« Comparer »). The selection lives in the page.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { euros, shortDate } from "../../format";
import { compareLink, percent, type ContractRow, type Overview } from "./territory-api";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

function Committee({ name, c }: { name: string; c: ContractRow["copil"] }) {
  const rhythm = c.holds === null ? "aucun rythme prévu" : c.holds ? "rythme tenu" : "rythme non tenu";
  return (
    <>
      {c.lastOn ? shortDate(c.lastOn) : `Aucun ${name}`}
      <br />
      <span className={c.holds === false ? "cles-territory-alert" : "cles-territory-muted"} title={c.alert ?? undefined}>
        {c.holds === false && <span className={fr.cx("fr-icon-warning-line", "fr-icon--sm")} aria-hidden="true" />}
        {` ${rhythm}`}
      </span>
    </>
  );
}

export function ContractsTable({ overview, selected, onToggle }: { overview: Overview; selected: string[]; onToggle: (id: string) => void }) {
  const { items, total } = overview.contracts;
  const full = selected.length >= MAX_COMPARED;
  return (
    <>
      <div className="cles-scroll" role="region" aria-labelledby="contrats-caption" tabIndex={0}>
        <table className="cles-grid cles-territory-table">
          <caption id="contrats-caption">{`Contrats du territoire (${total}${total > items.length ? `, ${items.length} sur cette page` : ""})`}</caption>
          <thead>
            <tr>
              <th scope="col">Comparer</th>
              <th scope="col">Contrat</th>
              <th scope="col">Statut et période</th>
              <th scope="col">Fiches</th>
              <th scope="col">En retard</th>
              <th scope="col">Avancement ce trimestre</th>
              <th scope="col">Dernier COPIL</th>
              <th scope="col">Dernier COTECH</th>
              <th scope="col">Dernière revue publiée</th>
              <th scope="col">Indicateurs mesurés (12 mois)</th>
              <th scope="col">Budget</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => {
              const checked = selected.includes(r.id);
              return (
                <tr key={r.id}>
                  <td>
                    <div className={fr.cx("fr-checkbox-group", "fr-checkbox-group--sm")}>
                      <input type="checkbox" id={`comparer-${r.id}`} checked={checked} disabled={!checked && full} onChange={() => onToggle(r.id)} />
                      <label className={fr.cx("fr-label")} htmlFor={`comparer-${r.id}`}>
                        <span className={fr.cx("fr-sr-only")}>{`Comparer ${r.name}`}</span>
                      </label>
                    </div>
                  </td>
                  <th scope="row">
                    <Link to={`/contrats/${r.id}`}>{r.name}</Link>
                    <br />
                    <span className="cles-territory-muted">{`${r.localAuthority} · ${r.departements.length > 1 ? "départements" : "département"} ${r.departements.join(", ") || "—"}`}</span>
                  </th>
                  <td>
                    {r.statusLabel}
                    <br />
                    <span className="cles-territory-muted">{`${shortDate(r.startDate)} – ${shortDate(r.endDate)}`}</span>
                  </td>
                  <td className="cles-territory-number">{r.fiches.total}</td>
                  <td className="cles-territory-number">{r.late}</td>
                  <td className="cles-territory-number">
                    {percent(r.progress.share)}
                    {r.progress.active > 0 && <span className="cles-territory-muted">{` (${r.progress.withProgress}/${r.progress.active})`}</span>}
                  </td>
                  <td>
                    <Committee name="COPIL" c={r.copil} />
                  </td>
                  <td>
                    <Committee name="COTECH" c={r.cotech} />
                  </td>
                  <td>{r.lastReview ? `T${r.lastReview.quarter} ${r.lastReview.year}, publiée le ${shortDate(r.lastReview.publishedOn)}` : "Aucune"}</td>
                  <td className="cles-territory-number">
                    {percent(r.indicators.share)}
                    {r.indicators.total > 0 && <span className="cles-territory-muted">{` (${r.indicators.measured}/${r.indicators.total})`}</span>}
                  </td>
                  <td className="cles-territory-number">{euros(r.budget.total)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CompareBar selected={selected} names={new Map(items.map((r) => [r.id, r.name]))} />
    </>
  );
}

/** What is picked, and the link to compare once two to five are. */
function CompareBar({ selected, names }: { selected: string[]; names: Map<string, string> }) {
  const ready = selected.length >= MIN_COMPARED && selected.length <= MAX_COMPARED;
  return (
    <div className="cles-territory-compare">
      <p role="status" aria-live="polite" className={fr.cx("fr-mb-1w")}>
        {selected.length === 0
          ? `Cochez de ${MIN_COMPARED} à ${MAX_COMPARED} contrats pour les comparer.`
          : `${selected.length} contrat${selected.length > 1 ? "s" : ""} choisi${selected.length > 1 ? "s" : ""}${selected.length >= MAX_COMPARED ? " (au plus 5)" : ""} : ${selected.map((id) => names.get(id) ?? "contrat d'une autre page").join(", ")}.`}
      </p>
      {ready ? (
        <Link className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-arrow-right-line", "fr-btn--icon-right")} to={compareLink(selected)}>
          Comparer
        </Link>
      ) : (
        <p className={fr.cx("fr-hint-text")}>Le bouton « Comparer » apparaît quand deux contrats au moins sont cochés.</p>
      )}
    </div>
  );
}
