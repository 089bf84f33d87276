import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { Contract } from "../../api/queries";
import { errorAt, errorProps, fieldId, type Errors } from "../../components/form";
import type { ContractDraft } from "./contractDraft";

interface Props {
  draft: ContractDraft;
  setDraft: (update: (d: ContractDraft) => ContractDraft) => void;
  errors: Errors;
}

/** Replaces item i of list `key` (or removes it when patch is null). */
function patchList<K extends "communes" | "priorityAreas" | "signatories">(d: ContractDraft, key: K, i: number, patch: Partial<ContractDraft[K][number]> | null): ContractDraft {
  const list = d[key] as ContractDraft[K][number][];
  return { ...d, [key]: patch === null ? list.filter((_, j) => j !== i) : list.map((x, j) => (j === i ? { ...x, ...patch } : x)) };
}

export function TerritoryFields({ draft, setDraft, errors }: Props) {
  const listError = errors.communes;
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Territoire</legend>
      <div className={fr.cx("fr-col-12")}>
        {listError && (
          <p id={fieldId("communes")} tabIndex={-1} className={fr.cx("fr-error-text", "fr-mb-2w")}>
            {listError}
          </p>
        )}
        {draft.communes.map((m, i) => (
          <div key={i} className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")} role="group" aria-label={`Commune ${i + 1}`}>
            <Input className={fr.cx("fr-col-12", "fr-col-md-3")} label="Code INSEE" {...errorProps(errors, `communes.${i}.inseeCode`)} nativeInputProps={{ id: fieldId(`communes.${i}.inseeCode`), value: m.inseeCode, onChange: (e) => setDraft((d) => patchList(d, "communes", i, { inseeCode: e.target.value })) }} />
            <Input className={fr.cx("fr-col-12", "fr-col-md-5")} label="Commune" {...errorProps(errors, `communes.${i}.name`)} nativeInputProps={{ id: fieldId(`communes.${i}.name`), value: m.name, onChange: (e) => setDraft((d) => patchList(d, "communes", i, { name: e.target.value })) }} />
            <Input className={fr.cx("fr-col-12", "fr-col-md-3")} label="Population" {...errorProps(errors, `communes.${i}.population`)} nativeInputProps={{ id: fieldId(`communes.${i}.population`), inputMode: "numeric", value: m.population, onChange: (e) => setDraft((d) => patchList(d, "communes", i, { population: e.target.value })) }} />
            <div className="cles-col-auto fr-mb-3w">
              <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" title={`Retirer la commune ${m.name || i + 1}`} onClick={() => setDraft((d) => patchList(d, "communes", i, null))} />
            </div>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" className={fr.cx("fr-mb-4w")} onClick={() => setDraft((d) => ({ ...d, communes: [...d.communes, { inseeCode: "", name: "", population: "" }] }))}>
          Ajouter une commune
        </Button>
        <h3 className={fr.cx("fr-h6")}>Quartiers prioritaires (QPV)</h3>
        {draft.priorityAreas.map((q, i) => (
          <div key={i} className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")} role="group" aria-label={`Quartier ${i + 1}`}>
            <Input className={fr.cx("fr-col-12", "fr-col-md-4")} label="Nom du quartier" {...errorProps(errors, `priorityAreas.${i}.name`)} nativeInputProps={{ id: fieldId(`priorityAreas.${i}.name`), value: q.name, onChange: (e) => setDraft((d) => patchList(d, "priorityAreas", i, { name: e.target.value })) }} />
            <Input className={fr.cx("fr-col-12", "fr-col-md-3")} label="Code QPV (facultatif)" {...errorProps(errors, `priorityAreas.${i}.code`)} nativeInputProps={{ value: q.code ?? "", onChange: (e) => setDraft((d) => patchList(d, "priorityAreas", i, { code: e.target.value })) }} />
            <Select className={fr.cx("fr-col-12", "fr-col-md-4")} label="Commune" {...errorProps(errors, `priorityAreas.${i}.communeInseeCode`)} nativeSelectProps={{ id: fieldId(`priorityAreas.${i}.communeInseeCode`), value: q.communeInseeCode ?? "", onChange: (e) => setDraft((d) => patchList(d, "priorityAreas", i, { communeInseeCode: e.target.value || null })) }}>
              <option value="">Non précisée</option>
              {draft.communes.filter((m) => m.inseeCode).map((m) => (
                <option key={m.inseeCode} value={m.inseeCode}>
                  {m.name || m.inseeCode}
                </option>
              ))}
            </Select>
            <div className="cles-col-auto fr-mb-3w">
              <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" title={`Retirer le quartier ${q.name || i + 1}`} onClick={() => setDraft((d) => patchList(d, "priorityAreas", i, null))} />
            </div>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((d) => ({ ...d, priorityAreas: [...d.priorityAreas, { name: "", code: null, communeInseeCode: null }] }))}>
          Ajouter un quartier prioritaire
        </Button>
      </div>
    </fieldset>
  );
}

export function SignatoryFields({ draft, setDraft, errors, contract }: Props & { contract: Contract }) {
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Signataires</legend>
      <div className={fr.cx("fr-col-12")}>
        {errorAt(errors, "signatories") && !draft.signatories.length && <p className={fr.cx("fr-error-text")}>{errorAt(errors, "signatories")}</p>}
        {draft.signatories.map((s, i) => (
          <div key={i} className="cles-repeat" role="group" aria-label={`Signataire ${i + 1}`}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Select className={fr.cx("fr-col-12", "fr-col-md-6")} label="Organisation" {...errorProps(errors, `signatories.${i}.organisation`)} nativeSelectProps={{ id: fieldId(`signatories.${i}.organisation`), value: s.organisation, onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { organisation: e.target.value })) }}>
                <option value="">Choisir dans l'annuaire</option>
                {contract.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
              <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label="Date de signature" {...errorProps(errors, `signatories.${i}.signedOn`)} nativeInputProps={{ id: fieldId(`signatories.${i}.signedOn`), type: "date", value: s.signedOn ?? "", onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { signedOn: e.target.value || null })) }} />
              <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label="Représentant" {...errorProps(errors, `signatories.${i}.representative`)} nativeInputProps={{ value: s.representative, onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { representative: e.target.value })) }} />
              <Input className={fr.cx("fr-col-12", "fr-col-md-6")} label="Qualité" {...errorProps(errors, `signatories.${i}.title`)} nativeInputProps={{ value: s.title, onChange: (e) => setDraft((d) => patchList(d, "signatories", i, { title: e.target.value })) }} />
            </div>
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setDraft((d) => patchList(d, "signatories", i, null))}>
              {`Retirer le signataire ${i + 1}`}
            </Button>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((d) => ({ ...d, signatories: [...d.signatories, { organisation: "", representative: "", title: "", signedOn: null }] }))}>
          Ajouter un signataire
        </Button>
      </div>
    </fieldset>
  );
}
