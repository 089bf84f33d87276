import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { ACTION_STATUSES, type ActionStatus } from "../../../server/shared";
import { CITY_CONTRACT_ANSWERS, TERRITORY_SCOPES, type CityContractAnswer, type TerritoryScope } from "../../../server/shared";
import { controlProps, errorProps, fieldId, optional } from "../../components/form";
import { YesNo } from "../../components/YesNo";
import type { FieldsProps } from "./actionDraft";
import { ACTION_LABELS as L, operationalObjectiveLabel } from "./actionLabels";
import { OrganisationSelect } from "./OrganisationSelect";

export function HeaderFields({ draft: d, setDraft, errors, contract }: FieldsProps) {
  const axis = contract.axes.find((a) => a.id === d.axisId);
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>En-tête</legend>
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-col-12")}>
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-2")}
          label={L.number}
          {...errorProps(errors, "number")}
          nativeInputProps={{ id: fieldId("number"), ...controlProps(errors, "number", { required: true }), type: "number", min: 1, value: Number.isNaN(d.number) ? "" : d.number, onChange: (e) => setDraft((x) => ({ ...x, number: e.target.valueAsNumber })) }}
        />
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-10")}
          label={L.title}
          {...errorProps(errors, "title")}
          nativeInputProps={{ id: fieldId("title"), ...controlProps(errors, "title", { required: true }), value: d.title, onChange: (e) => setDraft((x) => ({ ...x, title: e.target.value })) }}
        />
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-6")}
          label={L.axisId}
          {...errorProps(errors, "axisId")}
          nativeSelectProps={{ id: fieldId("axisId"), ...controlProps(errors, "axisId", { required: true }), value: d.axisId, onChange: (e) => setDraft((x) => ({ ...x, axisId: e.target.value, objectiveId: null })) }}
        >
          {contract.axes.map((a) => (
            <option key={a.id} value={a.id}>{`Axe ${a.number} — ${a.title}`}</option>
          ))}
        </Select>
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-6")}
          label={optional(L.objectiveId)}
          {...errorProps(errors, "objectiveId")}
          disabled={!axis?.objectives.length}
          nativeSelectProps={{ id: fieldId("objectiveId"), ...controlProps(errors, "objectiveId"), value: d.objectiveId ?? "", onChange: (e) => setDraft((x) => ({ ...x, objectiveId: e.target.value || null })) }}
        >
          <option value="">{axis?.objectives.length ? "Aucun objectif" : "Cet axe n'a pas d'objectif"}</option>
          {axis?.objectives.map((o) => (
            <option key={o.id} value={o.id}>{`${o.code} — ${o.title}`}</option>
          ))}
        </Select>
        <OrganisationSelect
          className={fr.cx("fr-col-12", "fr-col-md-6")}
          label={optional(L["lead.organisation"])}
          path="lead.organisation"
          errors={errors}
          contract={contract}
          allowEmpty="Porteur non désigné"
          value={d.lead?.organisation ?? ""}
          onChange={(organisation) => setDraft((x) => ({ ...x, lead: organisation ? { organisation, person: x.lead?.person ?? null } : null }))}
        />
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-6")}
          label={optional(L["lead.person"])}
          hintText="Nom de la personne, même sans compte sur Clés"
          disabled={!d.lead}
          {...errorProps(errors, "lead.person")}
          nativeInputProps={{ id: fieldId("lead.person"), ...controlProps(errors, "lead.person"), value: d.lead?.person ?? "", onChange: (e) => setDraft((x) => ({ ...x, lead: x.lead ? { ...x.lead, person: e.target.value } : null })) }}
        />
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={optional(L.startMonth)}
          hintText="Mois et année (AAAA-MM)"
          {...errorProps(errors, "startMonth")}
          nativeInputProps={{ id: fieldId("startMonth"), ...controlProps(errors, "startMonth"), type: "month", value: d.startMonth ?? "", onChange: (e) => setDraft((x) => ({ ...x, startMonth: e.target.value || null })) }}
        />
        <Input
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={optional(L.endMonth)}
          hintText="Mois et année (AAAA-MM)"
          {...errorProps(errors, "endMonth")}
          nativeInputProps={{ id: fieldId("endMonth"), ...controlProps(errors, "endMonth"), type: "month", value: d.endMonth ?? "", onChange: (e) => setDraft((x) => ({ ...x, endMonth: e.target.value || null })) }}
        />
        <Select
          className={fr.cx("fr-col-12", "fr-col-md-4")}
          label={L.status}
          {...errorProps(errors, "status")}
          nativeSelectProps={{ id: fieldId("status"), ...controlProps(errors, "status", { required: true }), value: d.status, onChange: (e) => setDraft((x) => ({ ...x, status: e.target.value as ActionStatus })) }}
        >
          {Object.entries(ACTION_STATUSES).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </Select>
      </div>
    </fieldset>
  );
}

export function JustificationFields({ draft: d, setDraft, errors }: FieldsProps) {
  const j = d.justification;
  const setJ = (patch: Partial<typeof j>) => setDraft((x) => ({ ...x, justification: { ...x.justification, ...patch } }));
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Justification</legend>
      <div className={fr.cx("fr-col-12")}>
        <Input
          label={optional(L["justification.text"])}
          textArea
          {...errorProps(errors, "justification.text")}
          nativeTextAreaProps={{ id: fieldId("justification.text"), ...controlProps(errors, "justification.text"), rows: 5, value: j.text, onChange: (e) => setJ({ text: e.target.value }) }}
        />
        <YesNo legend={optional("Parmi ces éléments, des inégalités sociales et territoriales de santé ont-elles été repérées ?")} name="ists" value={j.inequalitiesIdentified} onChange={(v) => setJ({ inequalitiesIdentified: v })} />
        <RadioButtons
          legend={optional("La problématique de l'action est-elle intégrée dans le volet santé du contrat de ville ?")}
          name="contrat-de-ville"
          orientation="horizontal"
          options={[
            ...Object.entries(CITY_CONTRACT_ANSWERS).map(([v, label]) => ({ label, nativeInputProps: { checked: j.cityContractHealth === v, onChange: () => setJ({ cityContractHealth: v as CityContractAnswer }) } })),
            { label: "Non renseigné", nativeInputProps: { checked: j.cityContractHealth === null, onChange: () => setJ({ cityContractHealth: null }) } },
          ]}
        />
      </div>
    </fieldset>
  );
}

export function DescriptionFields({ draft: d, setDraft, errors, contract }: FieldsProps) {
  const setObjective = (i: number, value: string | null) =>
    setDraft((x) => ({ ...x, operationalObjectives: value === null ? x.operationalObjectives.filter((_, j) => j !== i) : x.operationalObjectives.map((o, j) => (j === i ? value : o)) }));
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>Description</legend>
      <div className={fr.cx("fr-col-12")}>
        <Input
          label={optional(L.specificObjective)}
          textArea
          {...errorProps(errors, "specificObjective")}
          nativeTextAreaProps={{ id: fieldId("specificObjective"), ...controlProps(errors, "specificObjective"), rows: 2, value: d.specificObjective, onChange: (e) => setDraft((x) => ({ ...x, specificObjective: e.target.value })) }}
        />
        <p className={fr.cx("fr-text--bold", "fr-mb-1w")}>{L.operationalObjectives}</p>
        {d.operationalObjectives.map((o, i) => (
          <div key={i} className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
            <Input
              className={fr.cx("fr-col")}
              label={operationalObjectiveLabel(i)}
              {...errorProps(errors, `operationalObjectives.${i}`)}
              nativeInputProps={{ id: fieldId(`operationalObjectives.${i}`), ...controlProps(errors, `operationalObjectives.${i}`, { required: true }), value: o, onChange: (e) => setObjective(i, e.target.value) }}
            />
            <div className={"cles-col-auto fr-mb-3w"}>
              <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" title={`Retirer l'objectif opérationnel ${i + 1}`} onClick={() => setObjective(i, null)} />
            </div>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" className={fr.cx("fr-mb-3w")} onClick={() => setDraft((x) => ({ ...x, operationalObjectives: [...x.operationalObjectives, ""] }))}>
          Ajouter un objectif opérationnel
        </Button>
        <Input
          label={optional(L.description)}
          hintText="Étapes, modalités, contenu"
          textArea
          {...errorProps(errors, "description")}
          nativeTextAreaProps={{ id: fieldId("description"), ...controlProps(errors, "description"), rows: 10, value: d.description, onChange: (e) => setDraft((x) => ({ ...x, description: e.target.value })) }}
        />
        <YesNo legend={optional("L'action est-elle déjà mise en œuvre (préexistante à la dynamique du CLS) ?")} name="preexistante" value={d.preExisting} onChange={(v) => setDraft((x) => ({ ...x, preExisting: v }))} />
        <Input
          label={optional(L.targetPublic)}
          textArea
          {...errorProps(errors, "targetPublic")}
          nativeTextAreaProps={{ id: fieldId("targetPublic"), ...controlProps(errors, "targetPublic"), rows: 2, value: d.targetPublic, onChange: (e) => setDraft((x) => ({ ...x, targetPublic: e.target.value })) }}
        />
        <Input label={optional(L.place)} {...errorProps(errors, "place")} nativeInputProps={{ id: fieldId("place"), ...controlProps(errors, "place"), value: d.place, onChange: (e) => setDraft((x) => ({ ...x, place: e.target.value })) }} />
        <RadioButtons
          legend={L["territory.scope"]}
          name="territoire"
          {...errorProps(errors, "territory.scope")}
          options={Object.entries(TERRITORY_SCOPES).map(([v, label]) => ({
            label,
            nativeInputProps: { checked: d.territory.scope === v, onChange: () => setDraft((x) => ({ ...x, territory: { scope: v as TerritoryScope, communes: v === "communes" || v === "sub_municipal" ? x.territory.communes : [] } })) },
          }))}
        />
        {(d.territory.scope === "communes" || d.territory.scope === "sub_municipal") && (
          <Checkbox
            legend={d.territory.scope === "communes" ? L["territory.communes"] : optional(L["territory.communes"])}
            orientation="horizontal"
            small
            {...errorProps(errors, "territory.communes")}
            options={contract.communes.map((m, i) => ({
              label: m.name,
              nativeInputProps: {
                id: i === 0 ? fieldId("territory.communes") : undefined,
                ...controlProps(errors, "territory.communes"),
                checked: d.territory.communes.includes(m.inseeCode),
                onChange: (e) =>
                  setDraft((x) => ({
                    ...x,
                    territory: { ...x.territory, communes: e.target.checked ? [...x.territory.communes, m.inseeCode] : x.territory.communes.filter((c) => c !== m.inseeCode) },
                  })),
              },
            }))}
          />
        )}
      </div>
    </fieldset>
  );
}
