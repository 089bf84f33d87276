import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { errorAt, fieldId, type Errors } from "../../components/form";
import { useTerritories, type TerritoryValue } from "./api";

const toggle = (list: string[], code: string, on: boolean) => (on ? [...new Set([...list, code])] : list.filter((c) => c !== code));

/**
 * The territory of an ARS delegation: whole regions, and/or départements grouped by region
 * (each group folds). `idPrefix` keeps ids unique; without it, they are those the error summary links to.
 */
export function TerritoryFields({ value, onChange, errors, idPrefix }: { value: TerritoryValue; onChange: (v: TerritoryValue) => void; errors: Errors; idPrefix?: string }) {
  const territories = useTerritories();
  const id = (path: string) => (idPrefix ? fieldId(`${idPrefix}-${path}`) : fieldId(path));
  const prefix = idPrefix ?? "territoire";
  const error = errorAt(errors, "departements") ?? errorAt(errors, "regions");
  if (territories.isPending) return <p role="status">Chargement des régions…</p>;
  if (territories.error) return <p className={fr.cx("fr-error-text")}>La liste des régions n'a pas pu être chargée.</p>;
  const regions = territories.data.regions;
  return (
    <fieldset id={id("departements")} className={fr.cx("fr-fieldset", { "fr-fieldset--error": !!error })} aria-labelledby={`${prefix}-legend ${prefix}-messages`}>
      <legend id={`${prefix}-legend`} className={fr.cx("fr-fieldset__legend")}>
        Territoire suivi
        <span className={fr.cx("fr-hint-text")}>Une ou plusieurs régions entières, et/ou des départements.</span>
      </legend>
      <div className={fr.cx("fr-fieldset__element")} id={id("regions")}>
        <p className={fr.cx("fr-text--bold", "fr-mb-1w")} id={`${prefix}-regions-title`}>
          Régions
        </p>
        <div className="cles-checklist" role="group" aria-labelledby={`${prefix}-regions-title`}>
          <Checkbox
            small
            options={regions.map((r) => ({
              label: `${r.name} (${r.code})`,
              nativeInputProps: { checked: value.regions.includes(r.code), onChange: (e) => onChange({ ...value, regions: toggle(value.regions, r.code, e.target.checked) }) },
            }))}
          />
        </div>
      </div>
      <div className={fr.cx("fr-fieldset__element")}>
        <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>Départements</p>
        {regions.map((r) => {
          const chosen = r.departements.filter((d) => value.departements.includes(d));
          return (
            <details key={r.code} className={fr.cx("fr-mb-1w")} open={chosen.length > 0 || undefined}>
              <summary>{`${r.name}${chosen.length ? ` — choisis : ${chosen.join(", ")}` : ""}`}</summary>
              <Checkbox
                small
                orientation="horizontal"
                legend={<span className={fr.cx("fr-sr-only")}>{`Départements de la région ${r.name}`}</span>}
                options={r.departements.map((d) => ({
                  label: d,
                  nativeInputProps: { value: d, checked: value.departements.includes(d), onChange: (e) => onChange({ ...value, departements: toggle(value.departements, d, e.target.checked) }) },
                }))}
              />
            </details>
          );
        })}
      </div>
      <div id={`${prefix}-messages`} className={fr.cx("fr-messages-group")} aria-live="polite">
        {error && <p className={fr.cx("fr-message", "fr-message--error")}>{error}</p>}
      </div>
    </fieldset>
  );
}
