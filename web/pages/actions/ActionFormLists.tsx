import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  DETERMINANTS,
  INDICATOR_KINDS,
  MAX_DETERMINANTS,
  PARTICIPATION_DEGREES,
  PARTNER_SECTORS,
  THEMES,
  type Determinant,
  type IndicatorKind,
  type ParticipationDegree,
  type PartnerSector,
  type Theme,
} from "../../../server/shared";
import { controlProps, errorProps, fieldId, optional } from "../../components/form";
import { YesNo } from "../../components/YesNo";
import type { FieldsProps } from "./actionDraft";
import type { ActionDraft } from "./actionDraft";
import { ACTION_LABELS as L, ITEM_LABELS, THEME_OTHER_LABEL, themeLabel } from "./actionLabels";
import { OrganisationSelect } from "./OrganisationSelect";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ResponseOf } from "../../api/types";

type ContractReferential = ResponseOf<"/api/contracts/{contractId}/referential", "get">;

/** The plans a fiche may name and the PRS projects of the contract's region (« Référentiels régionaux »). */
function useContractReferential(contractId: string) {
  return useQuery({ queryKey: ["contract-referential", contractId], queryFn: ({ signal }) => api<ContractReferential>(`/contracts/${contractId}/referential`, { signal }), staleTime: 60_000 });
}

/** « PRS 2 de l'ARS Île-de-France : 1.1 (Faire émerger…), 2.1 … », or how codes are written when the region has no list. */
function prsHint(referential: ContractReferential["referential"] | undefined): string {
  if (!referential?.prsProjects.length) return "Codes séparés par des virgules, par exemple : 1.1, 5.1";
  const list = referential.prsProjects.map((p) => (p.label ? `${p.code} (${p.label})` : p.code)).join(", ");
  return `Codes séparés par des virgules, parmi les projets du ${referential.prsName || "PRS"} de l'${referential.arsName} : ${list}.`;
}

function Legend({ children }: { children: string }) {
  return <legend className={fr.cx("fr-fieldset__legend", "fr-h4")}>{children}</legend>;
}

export function TypologyFields({ draft: d, setDraft, errors, contract, determinantsOptional = false }: FieldsProps) {
  const referential = useContractReferential(contract.id);
  const plans = referential.data?.planSuggestions ?? [];
  const setTheme = (i: number, patch: Partial<ActionDraft["themes"][number]> | null) =>
    setDraft((x) => {
      const themes = [...x.themes];
      if (patch === null) themes.splice(i, 1);
      else themes[i] = { theme: "Accès aux soins", other: null, ...themes[i], ...patch };
      return { ...x, themes };
    });
  const customPlans = d.otherPlans.filter((p) => !plans.includes(p));
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <Legend>Typologie et thématique</Legend>
      <div className={fr.cx("fr-col-12")}>
        <Checkbox
          id={fieldId("determinants")}
          legend={determinantsOptional ? optional(L.determinants) : L.determinants}
          hintText={d.determinants.length >= MAX_DETERMINANTS ? "Trois au plus : décochez-en un pour en choisir un autre." : "De un à trois."}
          {...errorProps(errors, "determinants")}
          options={DETERMINANTS.map((v: Determinant) => {
            const checked = d.determinants.includes(v);
            return {
              label: v,
              nativeInputProps: {
                ...controlProps(errors, "determinants"),
                checked,
                disabled: !checked && d.determinants.length >= MAX_DETERMINANTS,
                onChange: (e) => setDraft((x) => ({ ...x, determinants: e.target.checked ? [...x.determinants.filter((y) => y !== v), v] : x.determinants.filter((y) => y !== v) })),
              },
            };
          })}
        />
        {[0, 1, 2].map((i) => {
          const t = d.themes[i];
          if (!t && i > d.themes.length) return null;
          return (
            <div key={i} className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Select
                className={fr.cx("fr-col-12", "fr-col-md-6")}
                label={optional(themeLabel(i))}
                {...errorProps(errors, `themes.${i}.theme`)}
                nativeSelectProps={{ id: fieldId(`themes.${i}`), ...controlProps(errors, `themes.${i}.theme`), value: t?.theme ?? "", onChange: (e) => setTheme(i, e.target.value ? { theme: e.target.value as Theme } : null) }}
              >
                <option value="">Aucun</option>
                {THEMES.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </Select>
              {t?.theme === "Autre" && (
                <Input
                  className={fr.cx("fr-col-12", "fr-col-md-6")}
                  label={THEME_OTHER_LABEL}
                  {...errorProps(errors, `themes.${i}.other`)}
                  nativeInputProps={{ id: fieldId(`themes.${i}.other`), ...controlProps(errors, `themes.${i}.other`, { required: true }), value: t.other ?? "", onChange: (e) => setTheme(i, { other: e.target.value }) }}
                />
              )}
            </div>
          );
        })}
        <Checkbox
          legend={optional("Articulation avec d'autres plans locaux")}
          orientation="horizontal"
          small
          options={plans.map((p) => ({
            label: p,
            nativeInputProps: { checked: d.otherPlans.includes(p), onChange: (e) => setDraft((x) => ({ ...x, otherPlans: e.target.checked ? [...x.otherPlans, p] : x.otherPlans.filter((q) => q !== p) })) },
          }))}
        />
        <Input
          // Keyed on the suggestions: once they arrive, the plans they hold leave this field.
          key={plans.join("|")}
          label={optional(L.otherPlans)}
          hintText="Séparés par des points-virgules"
          {...errorProps(errors, "otherPlans")}
          nativeInputProps={{
            id: fieldId("otherPlans"),
            ...controlProps(errors, "otherPlans"),
            defaultValue: customPlans.join("; "),
            onBlur: (e) =>
              setDraft((x) => ({
                ...x,
                otherPlans: [...x.otherPlans.filter((p) => plans.includes(p)), ...e.target.value.split(";").map((s) => s.trim()).filter(Boolean)],
              })),
          }}
        />
        <Input
          label={optional(L.prsProjects)}
          hintText={prsHint(referential.data?.referential)}
          {...errorProps(errors, "prsProjects")}
          nativeInputProps={{ id: fieldId("prsProjects"), ...controlProps(errors, "prsProjects"), value: d.prsProjects, onChange: (e) => setDraft((x) => ({ ...x, prsProjects: e.target.value })) }}
        />
      </div>
    </fieldset>
  );
}

export function PartnerFields({ draft: d, setDraft, errors, contract }: FieldsProps) {
  const setPartner = (i: number, patch: Partial<ActionDraft["partners"][number]> | null) =>
    setDraft((x) => ({ ...x, partners: patch === null ? x.partners.filter((_, j) => j !== i) : x.partners.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const flags = [
    ["needsAnalysis", "Analyse des besoins"],
    ["resourceMobilisation", "Mobilisation de ressources"],
    ["implementation", "Mise en œuvre"],
    ["coSteering", "Co-pilotage"],
  ] as const;
  const p = d.participation;
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <Legend>Partenaires et participation</Legend>
      <div className={fr.cx("fr-col-12")}>
        {d.partners.length === 0 && <p>Aucun partenaire pour l'instant.</p>}
        {d.partners.map((partner, i) => (
          <div key={i} className="cles-repeat" role="group" aria-label={`Partenaire ${i + 1}`}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Select
                className={fr.cx("fr-col-12", "fr-col-md-3")}
                label={ITEM_LABELS.partners.sector}
                {...errorProps(errors, `partners.${i}.sector`)}
                nativeSelectProps={{ id: fieldId(`partners.${i}.sector`), ...controlProps(errors, `partners.${i}.sector`, { required: true }), value: partner.sector, onChange: (e) => setPartner(i, { sector: e.target.value as PartnerSector }) }}
              >
                {PARTNER_SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
              <OrganisationSelect className={fr.cx("fr-col-12", "fr-col-md-5")} label={ITEM_LABELS.partners.organisation} required path={`partners.${i}.organisation`} errors={errors} contract={contract} value={partner.organisation} onChange={(organisation) => setPartner(i, { organisation })} />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={optional(ITEM_LABELS.partners.person)}
                {...errorProps(errors, `partners.${i}.person`)}
                nativeInputProps={{ id: fieldId(`partners.${i}.person`), ...controlProps(errors, `partners.${i}.person`), value: partner.person ?? "", onChange: (e) => setPartner(i, { person: e.target.value || null }) }}
              />
            </div>
            <Checkbox
              legend={optional("Rôle du partenaire")}
              orientation="horizontal"
              small
              options={flags.map(([key, label]) => ({ label, nativeInputProps: { checked: partner[key], onChange: (e) => setPartner(i, { [key]: e.target.checked }) } }))}
            />
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setPartner(i, null)}>
              {`Retirer le partenaire ${i + 1}`}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          priority="secondary"
          size="small"
          iconId="fr-icon-add-line"
          className={fr.cx("fr-mb-4w")}
          onClick={() => setDraft((x) => ({ ...x, partners: [...x.partners, { sector: "Santé", organisation: "", person: null, needsAnalysis: false, resourceMobilisation: false, implementation: false, coSteering: false }] }))}
        >
          Ajouter un partenaire
        </Button>
        <YesNo
          legend={optional("Une démarche participative est-elle mise en œuvre afin d'associer les habitants à l'action ?")}           name="participation"
          value={p.involved}
          onChange={(v) => setDraft((x) => ({ ...x, participation: { ...x.participation, involved: v } }))}
        />
        {p.involved && (
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
            <Input
              className={fr.cx("fr-col-12", "fr-col-md-8")}
              label={optional(L["participation.how"])}
              textArea
              {...errorProps(errors, "participation.how")}
              nativeTextAreaProps={{ id: fieldId("participation.how"), ...controlProps(errors, "participation.how"), rows: 2, value: p.how, onChange: (e) => setDraft((x) => ({ ...x, participation: { ...x.participation, how: e.target.value } })) }}
            />
            <Select
              className={fr.cx("fr-col-12", "fr-col-md-4")}
              label={optional(L["participation.degree"])}
              {...errorProps(errors, "participation.degree")}
              nativeSelectProps={{ id: fieldId("participation.degree"), ...controlProps(errors, "participation.degree"), value: p.degree ?? "", onChange: (e) => setDraft((x) => ({ ...x, participation: { ...x.participation, degree: (e.target.value || null) as ParticipationDegree | null } })) }}
            >
              <option value="">Non renseigné</option>
              {Object.entries(PARTICIPATION_DEGREES).map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
    </fieldset>
  );
}

export function IndicatorFields({ draft: d, setDraft, errors }: FieldsProps) {
  const setIndicator = (i: number, patch: Partial<ActionDraft["indicators"][number]> | null) =>
    setDraft((x) => ({ ...x, indicators: patch === null ? x.indicators.filter((_, j) => j !== i) : x.indicators.map((ind, j) => (j === i ? { ...ind, ...patch } : ind)) }));
  return (
    <fieldset className={fr.cx("fr-fieldset", "fr-mb-4w")}>
      <Legend>Suivi et évaluation</Legend>
      <div className={fr.cx("fr-col-12")}>
        {d.indicators.length === 0 && <p>Aucun indicateur pour l'instant.</p>}
        {d.indicators.map((ind, i) => (
          <div key={ind.id ?? `new-${i}`} className="cles-repeat" role="group" aria-label={`Indicateur ${i + 1}`}>
            <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
              <Select
                className={fr.cx("fr-col-12", "fr-col-md-3")}
                label={ITEM_LABELS.indicators.kind}
                {...errorProps(errors, `indicators.${i}.kind`)}
                nativeSelectProps={{ id: fieldId(`indicators.${i}.kind`), ...controlProps(errors, `indicators.${i}.kind`, { required: true }), value: ind.kind, onChange: (e) => setIndicator(i, { kind: e.target.value as IndicatorKind }) }}
              >
                {Object.entries(INDICATOR_KINDS).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </Select>
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-9")}
                label={ITEM_LABELS.indicators.label}
                {...errorProps(errors, `indicators.${i}.label`)}
                nativeInputProps={{ id: fieldId(`indicators.${i}.label`), ...controlProps(errors, `indicators.${i}.label`, { required: true }), value: ind.label, onChange: (e) => setIndicator(i, { label: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={optional(ITEM_LABELS.indicators.unit)}
                hintText="ex. personnes, %, ateliers"
                {...errorProps(errors, `indicators.${i}.unit`)}
                nativeInputProps={{ id: fieldId(`indicators.${i}.unit`), ...controlProps(errors, `indicators.${i}.unit`), value: ind.unit, onChange: (e) => setIndicator(i, { unit: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={optional(ITEM_LABELS.indicators.baseline)}
                {...errorProps(errors, `indicators.${i}.baseline`)}
                nativeInputProps={{ id: fieldId(`indicators.${i}.baseline`), ...controlProps(errors, `indicators.${i}.baseline`), inputMode: "decimal", value: ind.baseline, onChange: (e) => setIndicator(i, { baseline: e.target.value }) }}
              />
              <Input
                className={fr.cx("fr-col-12", "fr-col-md-4")}
                label={optional(ITEM_LABELS.indicators.target)}
                {...errorProps(errors, `indicators.${i}.target`)}
                nativeInputProps={{ id: fieldId(`indicators.${i}.target`), ...controlProps(errors, `indicators.${i}.target`), inputMode: "decimal", value: ind.target, onChange: (e) => setIndicator(i, { target: e.target.value }) }}
              />
            </div>
            <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => setIndicator(i, null)}>
              {`Retirer l'indicateur ${i + 1}`}
            </Button>
          </div>
        ))}
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setDraft((x) => ({ ...x, indicators: [...x.indicators, { kind: "activity", label: "", unit: "", baseline: "", target: "" }] }))}>
          Ajouter un indicateur
        </Button>
      </div>
    </fieldset>
  );
}
