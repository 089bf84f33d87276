/** The filters of a history page: who, what, when. Kept in the page's address, so that a filtered history can be bookmarked and shared. */
import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { AUDIT_OBJECT_TYPE_LABELS, type AuditObjectType } from "../../../server/shared";
import { controlProps, errorProps, fieldId, type Errors } from "../../components/form";
import { filterErrors, hasFilters, NO_FILTERS, type HistoryFilters } from "./historyFilters";

interface Props {
  filters: HistoryFilters;
  /** Who appears in this history (`id` is the filter's value). */
  actors: { id: string; name: string }[];
  /** The kinds of objects this history may hold. */
  types: AuditObjectType[];
  /** Errors of the server on the filters (a 400). */
  serverErrors: Errors;
  onApply: (filters: HistoryFilters) => void;
  /** The address of the unfiltered history. */
  clearTo: string;
}

export function HistoryFilterForm({ filters, actors, types, serverErrors, onApply, clearTo }: Props) {
  const [draft, setDraft] = useState<HistoryFilters>(filters);
  const [errors, setErrors] = useState<Errors>({});
  const set = (patch: Partial<HistoryFilters>) => setDraft((d) => ({ ...d, ...patch }));
  const shown = { ...serverErrors, ...errors };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = filterErrors(draft);
    setErrors(found);
    if (!Object.keys(found).length) onApply(draft);
  };
  // A person the list no longer names (an address typed by hand) stays choosable.
  const people = draft.actor && !actors.some((a) => a.id === draft.actor) ? [...actors, { id: draft.actor, name: draft.actor }] : actors;
  return (
    <form onSubmit={submit} noValidate className={fr.cx("fr-mb-4w")} aria-labelledby="filtres-historique">
      <fieldset className={fr.cx("fr-fieldset")}>
        <legend id="filtres-historique" className={fr.cx("fr-fieldset__legend", "fr-h6")}>
          Filtrer l'historique
        </legend>
        <div className={fr.cx("fr-col-12")}>
          <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--bottom")}>
            <Select className={fr.cx("fr-col-12", "fr-col-md-3")} label="Qui" {...errorProps(shown, "actor")} nativeSelectProps={{ id: fieldId("actor"), ...controlProps(shown, "actor"), value: draft.actor, onChange: (e) => set({ actor: e.target.value }) }}>
              <option value="">Tout le monde</option>
              {people.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
            <Select className={fr.cx("fr-col-12", "fr-col-md-3")} label="Quoi" {...errorProps(shown, "type")} nativeSelectProps={{ id: fieldId("type"), ...controlProps(shown, "type"), value: draft.type, onChange: (e) => set({ type: e.target.value as AuditObjectType | "" }) }}>
              <option value="">Tout</option>
              {types.map((t) => (
                <option key={t} value={t}>
                  {AUDIT_OBJECT_TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
            <Input className={fr.cx("fr-col-6", "fr-col-md-2")} label="Du" {...errorProps(shown, "from")} nativeInputProps={{ id: fieldId("from"), ...controlProps(shown, "from"), type: "date", value: draft.from, onChange: (e) => set({ from: e.target.value }) }} />
            <Input className={fr.cx("fr-col-6", "fr-col-md-2")} label="Au" {...errorProps(shown, "to")} nativeInputProps={{ id: fieldId("to"), ...controlProps(shown, "to"), type: "date", value: draft.to, onChange: (e) => set({ to: e.target.value }) }} />
            <div className={fr.cx("fr-col-12", "fr-col-md-2")}>
              <Button type="submit" iconId="fr-icon-filter-line" className={fr.cx("fr-mb-3w")}>
                Filtrer
              </Button>
            </div>
          </div>
          {hasFilters(filters) && (
            <Link to={clearTo} className={fr.cx("fr-link", "fr-icon-close-circle-line", "fr-link--icon-left")} onClick={() => setDraft(NO_FILTERS)}>
              Effacer les filtres
            </Link>
          )}
        </div>
      </fieldset>
    </form>
  );
}
