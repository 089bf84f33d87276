import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { ROLE_LABELS, type MemberRole } from "../../../server/shared";
import type { ActionItem } from "../../api/queries";
import { errorAt, fieldId, type Errors } from "../../components/form";

export interface RoleValue {
  role: MemberRole;
  actionIds: string[];
}

const HINTS: Record<MemberRole, string> = {
  coordinator: "Tout sur ce contrat, dont ses membres.",
  lead: "Lit le contrat et modifie les fiches qu'il ou elle pilote.",
  partner: "Lit le contrat.",
};

/**
 * A role, and for a lead the fiches they lead. `idPrefix` keeps ids unique when several
 * forms are on the page; without it, ids are those the form's error summary links to.
 */
export function RoleFields({ value, onChange, fiches, errors, idPrefix }: { value: RoleValue; onChange: (v: RoleValue) => void; fiches: ActionItem[]; errors: Errors; idPrefix?: string }) {
  const prefix = idPrefix ?? "invitation";
  const fichesId = idPrefix ? fieldId(`${idPrefix}-actionIds`) : fieldId("actionIds");
  const fichesError = errorAt(errors, "actionIds");
  return (
    <>
      <RadioButtons
        legend="Rôle"
        name={`${prefix}-role`}
        options={(Object.keys(ROLE_LABELS) as MemberRole[]).map((role) => ({
          label: ROLE_LABELS[role],
          hintText: HINTS[role],
          nativeInputProps: { checked: value.role === role, onChange: () => onChange({ role, actionIds: role === "lead" ? value.actionIds : [] }) },
        }))}
        {...(errors.role ? { state: "error" as const, stateRelatedMessage: errors.role } : {})}
      />
      {value.role === "lead" && (
        <fieldset
          id={fichesId}
          className={fr.cx("fr-fieldset", { "fr-fieldset--error": !!fichesError })}
          aria-labelledby={`${prefix}-fiches-legend ${prefix}-fiches-messages`}
        >
          <legend id={`${prefix}-fiches-legend`} className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>
            Fiches pilotées
          </legend>
          <div className={fr.cx("fr-fieldset__element")}>
            {fiches.length === 0 && <p className={fr.cx("fr-mb-0")}>Ce contrat n'a pas encore de fiche action.</p>}
            <div className="cles-checklist" hidden={fiches.length === 0}>
              <Checkbox
                small
                options={fiches.map((f) => ({
                  label: `FA ${f.number} — ${f.title}`,
                  nativeInputProps: {
                    checked: value.actionIds.includes(f.id),
                    onChange: (e) => onChange({ ...value, actionIds: e.target.checked ? [...value.actionIds, f.id] : value.actionIds.filter((id) => id !== f.id) }),
                  },
                }))}
              />
            </div>
          </div>
          <div id={`${prefix}-fiches-messages`} className={fr.cx("fr-messages-group")} aria-live="polite">
            {fichesError && <p className={fr.cx("fr-message", "fr-message--error")}>{fichesError}</p>}
          </div>
        </fieldset>
      )}
    </>
  );
}
