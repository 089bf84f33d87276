import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Contract } from "../../api/queries";
import { controlProps, errorAt, errorProps, fieldId, optional, type Errors } from "../../components/form";
import { CONTRACT_ITEM_LABELS, patchList, type ContractDraft } from "./contractDraft";

const S = CONTRACT_ITEM_LABELS.signatories;
const K = CONTRACT_ITEM_LABELS.keyDates;

interface Props {
  draft: ContractDraft;
  setDraft: (update: (d: ContractDraft) => ContractDraft) => void;
  errors: Errors;
}

export function SignatoryFields({ draft, setDraft, errors, contract }: Props & { contract: Contract }) {
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Signataires</legend>
      <div className={fr.cx("fr-col-12")}>
        {errorAt(errors, "signatories") && !draft.signatories.length && <p className={fr.cx("fr-error-text")}>{errorAt(errors, "signatories")}</p>}
        {draft.signatories.map((s, i) => {
          const path = (field: "organisation" | "signedOn" | "representative" | "title") => `signatories.${i}.${field}`;
          return (
            <div key={i} className="cles-repeat" role="group" aria-label={`Signataire ${i + 1}`}>
              <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
                <Select
                  className={fr.cx("fr-col-12", "fr-col-md-6")}
                  label={S.organisation}
                  {...errorProps(errors, path("organisation"))}
                  nativeSelectProps={{ id: fieldId(path("organisation")), ...controlProps(errors, path("organisation"), { required: true }), value: s.organisation, onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { organisation: e.target.value })) }}
                >
                  <option value="">Choisir dans l'annuaire</option>
                  {contract.organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </Select>
                <Input
                  className={fr.cx("fr-col-12", "fr-col-md-6")}
                  label={optional(S.signedOn)}
                  {...errorProps(errors, path("signedOn"))}
                  nativeInputProps={{ id: fieldId(path("signedOn")), ...controlProps(errors, path("signedOn")), type: "date", value: s.signedOn ?? "", onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { signedOn: e.target.value || null })) }}
                />
                <Input
                  className={fr.cx("fr-col-12", "fr-col-md-6")}
                  label={optional(S.representative)}
                  {...errorProps(errors, path("representative"))}
                  nativeInputProps={{ id: fieldId(path("representative")), ...controlProps(errors, path("representative")), value: s.representative, onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { representative: e.target.value })) }}
                />
                <Input
                  className={fr.cx("fr-col-12", "fr-col-md-6")}
                  label={optional(S.title)}
                  {...errorProps(errors, path("title"))}
                  nativeInputProps={{ id: fieldId(path("title")), ...controlProps(errors, path("title")), value: s.title, onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { title: e.target.value })) }}
                />
              </div>
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setDraft((d) => patchList(d, "signatories", i, null))}>
                {`Retirer le signataire ${i + 1}`}
              </Button>
            </div>
          );
        })}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((d) => ({ ...d, signatories: [...d.signatories, { organisation: "", representative: "", title: "", signedOn: null }] }))}>
          Ajouter un signataire
        </Button>
      </div>
    </fieldset>
  );
}

export const KEY_DATE_FORMAT = "Écrivez un jour (14/09/2021) ou un mois (11/2020).";

/** The contract's key dates (« Comité de pilotage », 11/2020): what the deck recalls on its timeline. */
export function KeyDateFields({ draft, setDraft, errors }: Props) {
  const dates = draft.keyDates ?? [];
  const patch = (i: number, change: { on?: string; label?: string } | null) =>
    setDraft((d) => {
      const list = d.keyDates ?? [];
      return { ...d, keyDates: change === null ? list.filter((_, j) => j !== i) : list.map((x, j) => (j === i ? { ...x, ...change } : x)) };
    });
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")} aria-describedby="dates-cles-aide">
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Dates clés</legend>
      <p id="dates-cles-aide" className={fr.cx("fr-col-12", "fr-text--sm")}>
        Les étapes de validation du contrat (comité de pilotage, validation de l'ARS, délibérations, signature…), au jour ou au mois près : le support des comités les rappelle.
      </p>
      <div className={fr.cx("fr-col-12")}>
        {dates.map((k, i) => (
          <div key={i} className="cles-repeat" role="group" aria-label={`Date clé ${i + 1}`}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={K.on}
                hintText="14/09/2021 ou 11/2020"
                {...errorProps(errors, `keyDates.${i}.on`)}
                nativeInputProps={{ id: fieldId(`keyDates.${i}.on`), ...controlProps(errors, `keyDates.${i}.on`, { required: true }), value: k.on, onChange: (e) => patch(i, { on: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-8")}
                label={K.label}
                hintText="Par exemple : Validation en conseil communautaire"
                {...errorProps(errors, `keyDates.${i}.label`)}
                nativeInputProps={{ id: fieldId(`keyDates.${i}.label`), ...controlProps(errors, `keyDates.${i}.label`, { required: true }), value: k.label, onChange: (e) => patch(i, { label: e.target.value }) }}
              />
            </div>
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => patch(i, null)}>
              {`Retirer la date clé ${i + 1}`}
            </Button>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((d) => ({ ...d, keyDates: [...(d.keyDates ?? []), { on: "", label: "" }] }))}>
          Ajouter une date clé
        </Button>
      </div>
    </fieldset>
  );
}
