import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { FUNDING_STATUSES, type FundingStatusKey } from "../../../server/shared";
import { controlProps, errorProps, fieldId } from "../../components/form";
import type { BudgetDraft, FieldsProps } from "./actionDraft";
import { ITEM_LABELS } from "./actionLabels";
import { OrganisationSelect } from "./OrganisationSelect";

/** The fiche form's « Budget » block: one line per funding (year, amount in euros, funder of the directory, secured or requested). */
export function BudgetFields({ draft: d, setDraft, errors, contract }: FieldsProps) {
  const setLine = (i: number, patch: Partial<BudgetDraft> | null) =>
    setDraft((x) => ({ ...x, budgets: patch === null ? x.budgets.filter((_, j) => j !== i) : x.budgets.map((b, j) => (j === i ? { ...b, ...patch } : b)) }));
  const defaultYear = () => {
    const last = d.budgets.at(-1)?.year;
    if (last) return last;
    const start = Number(contract.startDate.slice(0, 4));
    const now = new Date().getFullYear();
    return String(Math.min(Math.max(now, start), Number(contract.endDate.slice(0, 4))));
  };
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")} aria-describedby="budget-aide">
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Budget</legend>
      <div className={fr.cx("fr-col-12")}>
        <p id="budget-aide" className={fr.cx("fr-hint-text", "fr-mb-2w")}>
          Une ligne par financement : l'année, le montant en euros, le financeur (une organisation de l'annuaire du contrat) et s'il est acquis ou seulement demandé.
        </p>
        {d.budgets.length === 0 && <p>Aucun budget renseigné.</p>}
        {d.budgets.map((line, i) => (
          <div key={i} className="cles-repeat" role="group" aria-label={`Ligne de budget ${i + 1}`}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-2")}
                label={ITEM_LABELS.budgets.year}
                {...errorProps(errors, `budgets.${i}.year`)}
                nativeInputProps={{ id: fieldId(`budgets.${i}.year`), ...controlProps(errors, `budgets.${i}.year`, { required: true }), inputMode: "numeric", value: line.year, onChange: (e) => setLine(i, { year: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-3")}
                label={ITEM_LABELS.budgets.amount}
                hintText="Sans centimes, par exemple 12 000"
                {...errorProps(errors, `budgets.${i}.amount`)}
                nativeInputProps={{ id: fieldId(`budgets.${i}.amount`), ...controlProps(errors, `budgets.${i}.amount`, { required: true }), inputMode: "numeric", value: line.amount, onChange: (e) => setLine(i, { amount: e.target.value }) }}
              />
              <OrganisationSelect
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={ITEM_LABELS.budgets.funderId}
                required
                path={`budgets.${i}.funderId`}
                errors={errors}
                contract={contract}
                value={line.funderId}
                onChange={(funderId) => setLine(i, { funderId })}
              />
              <Select
                className={fr.cx("fr-col-12", "fr-col-md-3")}
                label={ITEM_LABELS.budgets.status}
                {...errorProps(errors, `budgets.${i}.status`)}
                nativeSelectProps={{ id: fieldId(`budgets.${i}.status`), ...controlProps(errors, `budgets.${i}.status`, { required: true }), value: line.status, onChange: (e) => setLine(i, { status: e.target.value as FundingStatusKey }) }}
              >
                {Object.entries(FUNDING_STATUSES).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </Select>
            </div>
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setLine(i, null)}>
              {`Retirer la ligne de budget ${i + 1}`}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          onClick={() => setDraft((x) => ({ ...x, budgets: [...x.budgets, { year: defaultYear(), amount: "", funderId: "", status: "requested" }] }))}
        >
          Ajouter une ligne de budget
        </Button>
      </div>
    </fieldset>
  );
}
