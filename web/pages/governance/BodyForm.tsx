/** The form of a body: its kind, name, axis (thematic committee), fiches (working group) and expected rhythm. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { bodyBody } from "../../../server/shared-forms";
import { BODY_KINDS, type BodyKind } from "../../../server/shared";
import { api, ApiError } from "../../api/client";
import { governanceKeys, type Body } from "../../api/governance";
import type { ActionItem, Contract } from "../../api/queries";
import { controlProps, ErrorSummary, errorAt, errorProps, fieldId, optional, RequiredNote, zodErrors, type Errors } from "../../components/form";

type RhythmChoice = "none" | "per_year" | "every_months";

interface Draft {
  kind: BodyKind;
  name: string;
  axisId: string;
  actionIds: string[];
  rhythm: RhythmChoice;
  rhythmValue: string;
  participation: boolean;
}

const draftOf = (b?: Body): Draft => ({
  kind: b?.kind ?? "copil",
  name: b?.name ?? "",
  axisId: b?.axisId ?? "",
  actionIds: b?.actionIds ?? [],
  rhythm: b?.rhythm?.kind ?? "none",
  rhythmValue: b?.rhythm ? String(b.rhythm.kind === "per_year" ? b.rhythm.count : b.rhythm.months) : "",
  participation: b?.participation ?? false,
});

function bodyOf(d: Draft) {
  const n = d.rhythmValue.trim() === "" ? Number.NaN : Number(d.rhythmValue);
  return {
    kind: d.kind,
    name: d.name,
    axisId: d.kind === "thematic" && d.axisId ? d.axisId : null,
    actionIds: d.kind === "working_group" ? d.actionIds : [],
    rhythm: d.rhythm === "per_year" ? { kind: "per_year" as const, count: n } : d.rhythm === "every_months" ? { kind: "every_months" as const, months: n } : null,
    participation: d.kind === "residents" || d.participation,
  };
}

/** A rhythm's error, wherever zod or the server put it, goes to the number field. */
const withRhythm = (errors: Errors): Errors => {
  const out: Errors = {};
  for (const [k, v] of Object.entries(errors)) out[k.startsWith("rhythm") ? "rhythm" : k] ??= v;
  return out;
};

/** The visible labels, which the error summary names its errors by. */
const LABELS = {
  kind: "Type d'instance",
  name: "Nom",
  axisId: optional("Axe stratégique suivi"),
  actionIds: optional("Fiches suivies par le groupe"),
  perYear: "Nombre de réunions par an, au moins",
  everyMonths: "Nombre de mois entre deux réunions, au plus",
};

/** A field's visible label from its path (the rhythm's depends on the rhythm chosen). */
function bodyFieldLabel(path: string, rhythm: RhythmChoice): string {
  const field = path.split(".")[0]!;
  if (field === "rhythm") return rhythm === "every_months" ? LABELS.everyMonths : LABELS.perYear;
  return field in LABELS ? LABELS[field as keyof typeof LABELS] : "Champ";
}

interface Props {
  contract: Contract;
  fiches: ActionItem[];
  body?: Body;
  onDone: (saved?: Body) => void;
  /** Keeps field ids unique when several forms are open. */
  idPrefix: string;
}

export function BodyForm({ contract, fiches, body, onDone, idPrefix }: Props) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(body));
  const [errors, setErrors] = useState<Errors>({});
  const id = (path: string) => fieldId(`${idPrefix}.${path}`);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: (payload: ReturnType<typeof bodyOf>) =>
      body ? api<Body>(`/bodies/${body.id}`, { method: "PUT", body: { ...payload, version: body.version } }) : api<Body>(`/contracts/${contract.id}/bodies`, { method: "POST", body: payload }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: governanceKeys.bodies(contract.id) });
      await queryClient.invalidateQueries({ queryKey: governanceKeys.alerts(contract.id) });
      onDone(saved);
    },
    onError: (e) => setErrors(e instanceof ApiError && e.status === 400 ? withRhythm(e.fieldErrors()) : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const payload = bodyOf(draft);
    const parsed = bodyBody.safeParse(payload);
    if (!parsed.success) return setErrors(withRhythm(zodErrors(parsed.error)));
    setErrors({});
    save.mutate(payload);
  };
  // The error summary links to `champ-<path>`: fields here carry the prefix, so the summary's paths do too.
  const prefixed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${idPrefix}.${k}`, v]));
  const failure = save.error instanceof ApiError && save.error.status !== 400 ? save.error : null;
  const fichesError = errorAt(errors, "actionIds");
  return (
    <form onSubmit={submit} noValidate aria-label={body ? `Modifier l'instance ${body.name}` : "Nouvelle instance"}>
      <ErrorSummary errors={prefixed} labels={(path) => bodyFieldLabel(path.slice(idPrefix.length + 1), draft.rhythm)} />
      <RequiredNote />
      {failure && <Alert severity="error" small role="alert" description={failure.detail} className={fr.cx("fr-mb-3w")} />}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select className={fr.cx("fr-col-12", "fr-col-md-5")} label={LABELS.kind} {...errorProps(errors, "kind")} nativeSelectProps={{ id: id("kind"), ...controlProps(errors, "kind", { required: true }), value: draft.kind, onChange: (e) => set({ kind: e.target.value as BodyKind }) }}>
          {(Object.entries(BODY_KINDS) as [BodyKind, string][]).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <Input className={fr.cx("fr-col-12", "fr-col-md-7")} label={LABELS.name} hintText="Tel qu'on le dit : « COPIL », « Groupe de travail Santé mentale »" {...errorProps(errors, "name")} nativeInputProps={{ id: id("name"), ...controlProps(errors, "name", { required: true }), value: draft.name, onChange: (e) => set({ name: e.target.value }) }} />
      </div>
      {draft.kind === "thematic" && (
        <Select label={LABELS.axisId} {...errorProps(errors, "axisId")} nativeSelectProps={{ id: id("axisId"), ...controlProps(errors, "axisId"), value: draft.axisId, onChange: (e) => set({ axisId: e.target.value }) }}>
          <option value="">Aucun axe</option>
          {contract.axes.map((a) => (
            <option key={a.id} value={a.id}>
              {`Axe ${a.number} — ${a.title}`}
            </option>
          ))}
        </Select>
      )}
      {draft.kind === "working_group" && fiches.length > 0 && (
        <fieldset id={id("actionIds")} className={fr.cx("fr-fieldset", { "fr-fieldset--error": !!fichesError })}>
          <legend className={fr.cx("fr-fieldset__legend", "fr-text--regular")}>{LABELS.actionIds}</legend>
          <div className={fr.cx("fr-fieldset__element")}>
            <div className="cles-checklist">
              <Checkbox
                small
                options={fiches.map((f) => ({
                  label: `FA ${f.number} — ${f.title}`,
                  nativeInputProps: { checked: draft.actionIds.includes(f.id), onChange: (e) => set({ actionIds: e.target.checked ? [...draft.actionIds, f.id] : draft.actionIds.filter((x) => x !== f.id) }) },
                }))}
              />
            </div>
            {fichesError && <p className={fr.cx("fr-error-text")}>{fichesError}</p>}
          </div>
        </fieldset>
      )}
      {(draft.kind === "working_group" || draft.kind === "thematic") && (
        <Checkbox
          options={[
            {
              label: "Cette instance porte sur la participation des habitants",
              hintText: "Ses réunions nourrissent la partie « participation des habitants » des revues trimestrielles et du bilan annuel (les ateliers d'habitants y figurent toujours).",
              nativeInputProps: { checked: draft.participation, onChange: (e) => set({ participation: e.target.checked }) },
            },
          ]}
        />
      )}
      <RadioButtons
        legend="Rythme attendu"
        hintText="Ce que le contrat prévoit : une alerte le signale quand l'instance ne s'est pas réunie assez souvent."
        name={`${idPrefix}-rythme`}
        options={[
          { label: "Pas de rythme fixé", nativeInputProps: { checked: draft.rhythm === "none", onChange: () => set({ rhythm: "none" }) } },
          { label: "Au moins N réunions par an", nativeInputProps: { checked: draft.rhythm === "per_year", onChange: () => set({ rhythm: "per_year", rhythmValue: draft.rhythmValue || "1" }) } },
          { label: "Une réunion tous les N mois", nativeInputProps: { checked: draft.rhythm === "every_months", onChange: () => set({ rhythm: "every_months", rhythmValue: draft.rhythmValue || "6" }) } },
        ]}
      />
      {draft.rhythm !== "none" && (
        <Input
          className="cles-narrow"
          label={bodyFieldLabel("rhythm", draft.rhythm)}
          {...errorProps(errors, "rhythm")}
          nativeInputProps={{ id: id("rhythm"), ...controlProps(errors, "rhythm", { required: true }), type: "number", min: 1, max: draft.rhythm === "per_year" ? 52 : 36, inputMode: "numeric", value: draft.rhythmValue, onChange: (e) => set({ rhythmValue: e.target.value }) }}
        />
      )}
      <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-sm", "fr-btns-group--icon-left")}>
        <li>
          <Button type="submit" iconId="fr-icon-save-line" disabled={save.isPending}>
            {save.isPending ? "Enregistrement…" : body ? "Enregistrer l'instance" : "Créer l'instance"}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={() => onDone()}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}

/** "Au moins 2 réunions par an", "Une réunion tous les 6 mois", "Pas de rythme fixé". */
export function rhythmLabel(rhythm: Body["rhythm"]): string {
  if (!rhythm) return "Pas de rythme fixé";
  if (rhythm.kind === "per_year") return rhythm.count === 1 ? "Au moins une réunion par an" : `Au moins ${rhythm.count} réunions par an`;
  return rhythm.months === 1 ? "Une réunion par mois" : `Une réunion tous les ${rhythm.months} mois`;
}
