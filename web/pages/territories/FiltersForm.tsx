/**
 * The filters of the territory overview: the fiches' theme, determinant and PRS code, the
 * contracts' status and period (a year, or dates). Applied on « Filtrer » (one request, one
 * address), each error of the API shown next to its field.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState, type FormEvent } from "react";
import { DETERMINANTS, SHOWN_CONTRACT_STATUSES, THEMES } from "../../../server/shared";
import { controlProps, errorProps, fieldId, type Errors } from "../../components/form";
import { FILTER_KEYS, type FilterKey } from "./territory-api";

type Values = Record<FilterKey, string>;

const valuesOf = (params: URLSearchParams): Values => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])) as Values;

/** The API's field errors ("querystring.year") by the form's keys ("year"). */
const byField = (errors: Errors): Errors => Object.fromEntries(Object.entries(errors).map(([path, message]) => [path.replace(/^querystring\./, ""), message]));

export function FiltersForm({ params, errors, onApply }: { params: URLSearchParams; errors: Errors; onApply: (values: Values) => void }) {
  const [values, setValues] = useState<Values>(() => valuesOf(params));
  const key = FILTER_KEYS.map((k) => params.get(k) ?? "").join("|");
  // The address changed (back, a link): the form follows it.
  useEffect(() => setValues(valuesOf(params)), [key]);
  const shown = byField(errors);
  const set = (k: FilterKey) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(values);
  };
  const clear = () => {
    const empty = Object.fromEntries(FILTER_KEYS.map((k) => [k, ""])) as Values;
    setValues(empty);
    onApply(empty);
  };
  const active = FILTER_KEYS.filter((k) => params.get(k)).length;
  const scopeError = shown.departement ?? shown.region;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="filtres-titre" className={fr.cx("fr-mb-4w")}>
      <h2 id="filtres-titre" className={fr.cx("fr-h6", "fr-mb-1w")}>
        {active ? `Filtres (${active} appliqué${active > 1 ? "s" : ""})` : "Filtres"}
      </h2>
      {scopeError && (
        <p className={fr.cx("fr-error-text")} role="alert">
          {scopeError}
        </p>
      )}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Thématique des fiches" nativeSelectProps={{ id: fieldId("theme"), ...controlProps(shown, "theme"), value: values.theme, onChange: set("theme") }} {...errorProps(shown, "theme")}>
          <option value="">Toutes les thématiques</option>
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Déterminant visé" nativeSelectProps={{ id: fieldId("determinant"), ...controlProps(shown, "determinant"), value: values.determinant, onChange: set("determinant") }} {...errorProps(shown, "determinant")}>
          <option value="">Tous les déterminants</option>
          {DETERMINANTS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </Select>
        <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label="Projet du PRS" hintText="Son code, par exemple 2.3" nativeInputProps={{ id: fieldId("prsCode"), ...controlProps(shown, "prsCode"), value: values.prsCode, onChange: set("prsCode") }} {...errorProps(shown, "prsCode")} />
        <Select className={fr.cx("fr-col-12", "fr-col-md-3")} label="Statut du contrat" nativeSelectProps={{ id: fieldId("status"), ...controlProps(shown, "status"), value: values.status, onChange: set("status") }} {...errorProps(shown, "status")}>
          <option value="">Tous les statuts</option>
          {Object.entries(SHOWN_CONTRACT_STATUSES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Input className={fr.cx("fr-col-12", "fr-col-md-3")} label="En cours pendant l'année" hintText="Par exemple 2022" nativeInputProps={{ id: fieldId("year"), ...controlProps(shown, "year"), inputMode: "numeric", value: values.year, onChange: set("year") }} {...errorProps(shown, "year")} />
        <Input className={fr.cx("fr-col-12", "fr-col-md-3")} label="ou entre le" hintText="Date de début" nativeInputProps={{ id: fieldId("from"), ...controlProps(shown, "from"), type: "date", value: values.from, onChange: set("from") }} {...errorProps(shown, "from")} />
        <Input className={fr.cx("fr-col-12", "fr-col-md-3")} label="et le" hintText="Date de fin" nativeInputProps={{ id: fieldId("to"), ...controlProps(shown, "to"), type: "date", value: values.to, onChange: set("to") }} {...errorProps(shown, "to")} />
      </div>
      <div className="cles-inline-buttons">
        <Button type="submit" iconId="fr-icon-filter-line" iconPosition="left">
          Filtrer
        </Button>
        {active > 0 && (
          <Button type="button" priority="tertiary" onClick={clear}>
            Effacer les filtres
          </Button>
        )}
      </div>
    </form>
  );
}
