/**
 * Adding a person to the network (with their consent, whose text shows the retention chosen)
 * or changing their record at the version read.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { FormButtons, optional, RequiredNote } from "../../components/form";
import { formatDate } from "../../format";
import { useSaveAmbassador, type Ambassador, type NetworkArea, type Roster } from "./api";
import { ambassadorBody, ambassadorDraftOf, consentText, emptyAmbassador, type AmbassadorDraft } from "./drafts";
import { useFormErrors } from "./form-kit";

/** The visible labels, which the error summary names its errors by. */
const LABELS = {
  priorityAreaId: "Quartier prioritaire",
  firstName: "Prénom",
  lastName: "Nom",
  email: optional("E-mail"),
  phone: optional("Téléphone"),
  joinedOn: "Arrivée dans le réseau",
  leftOn: optional("Départ du réseau"),
  retentionMonths: "Durée de conservation après le départ, en mois",
  notes: optional("Notes de la coordination"),
  consent: "Accord de la personne",
};

export function AmbassadorForm({ contractId, areas, roster, ambassador, onDone, onCancel }: {
  contractId: string;
  areas: NetworkArea[];
  roster: Roster;
  ambassador?: Ambassador;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const isNew = !ambassador;
  const prefix = ambassador ? `ambassadeur-${ambassador.id}` : "ambassadeur-nouveau";
  const [draft, setDraft] = useState<AmbassadorDraft>(() => (ambassador ? ambassadorDraftOf(ambassador) : emptyAmbassador(areas.length === 1 ? areas[0]!.id : "")));
  const form = useFormErrors(prefix, LABELS);
  const save = useSaveAmbassador(contractId, ambassador);
  const set = (patch: Partial<AmbassadorDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (path: keyof AmbassadorDraft) => ({ id: form.id(path), value: draft[path] as string, onChange: (e: { target: { value: string } }) => set({ [path]: e.target.value }) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = ambassadorBody(draft, isNew);
    if (result.errors) return form.set(result.errors);
    form.clear();
    save.mutate(result.body, {
      onSuccess: (saved) => onDone(isNew ? `${saved.firstName} ${saved.lastName} fait partie du réseau.` : `La fiche de ${saved.firstName} ${saved.lastName} est enregistrée.`),
      onError: form.fromApi,
    });
  };
  const grid = fr.cx("fr-col-12", "fr-col-md-6");
  const title = ambassador ? `Modifier la fiche de ${ambassador.firstName} ${ambassador.lastName}` : "Ajouter un ambassadeur ou une ambassadrice";
  return (
    <form onSubmit={submit} noValidate aria-label={title} className="cles-amb-form">
      <RequiredNote />
      {form.summary}
      {form.problem(save.error, "cette fiche", onCancel)}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Input className={grid} label={LABELS.firstName} {...form.props("firstName")} nativeInputProps={{ ...form.control("firstName", true), ...text("firstName"), autoComplete: "off", autoFocus: true }} />
        <Input className={grid} label={LABELS.lastName} {...form.props("lastName")} nativeInputProps={{ ...form.control("lastName", true), ...text("lastName"), autoComplete: "off" }} />
        <Select className={grid} label={LABELS.priorityAreaId} {...form.props("priorityAreaId")} nativeSelectProps={{ ...form.control("priorityAreaId", true), ...text("priorityAreaId") }}>
          <option value="">Choisir le quartier</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
        <Input className={grid} label={LABELS.email} {...form.props("email")} nativeInputProps={{ ...form.control("email"), ...text("email"), type: "email", spellCheck: false, autoComplete: "off" }} />
        <Input className={grid} label={LABELS.phone} {...form.props("phone")} nativeInputProps={{ ...form.control("phone"), ...text("phone"), type: "tel", autoComplete: "off" }} />
        <Input className={grid} label={LABELS.joinedOn} {...form.props("joinedOn")} nativeInputProps={{ ...form.control("joinedOn", true), ...text("joinedOn"), type: "date" }} />
        <Input className={grid} label={LABELS.leftOn} hintText="Ses données sont effacées après la durée de conservation qui suit cette date." {...form.props("leftOn")} nativeInputProps={{ ...form.control("leftOn"), ...text("leftOn"), type: "date" }} />
        <Input className={grid} label={LABELS.retentionMonths} hintText="De 1 à 36 mois ; 12 par défaut." {...form.props("retentionMonths")} nativeInputProps={{ ...form.control("retentionMonths", true), ...text("retentionMonths"), inputMode: "numeric" }} />
      </div>
      <Input label={LABELS.notes} hintText="Disponibilités, langues parlées… Rien sur la santé de la personne." textArea {...form.props("notes")} nativeTextAreaProps={{ ...form.control("notes"), ...text("notes"), rows: 2 }} />
      {isNew ? (
        <Checkbox
          id={form.id("consent")}
          legend={LABELS.consent}
          hintText={`Lisez-lui ce texte (version ${roster.consent.version}) ; cochez seulement si elle l'accepte.`}
          {...form.props("consent")}
          options={[{ label: consentText(roster.consent, draft.retentionMonths), nativeInputProps: { ...form.control("consent"), checked: draft.consent, onChange: (e) => set({ consent: e.target.checked }) } }]}
        />
      ) : (
        <p className={fr.cx("fr-text--sm")}>{`Accord donné le ${formatDate(ambassador.consentOn)} (version ${ambassador.consentVersion} du texte).`}</p>
      )}
      <FormButtons pending={save.isPending} label={isNew ? "Ajouter au réseau" : "Enregistrer la fiche"} onCancel={onCancel} />
    </form>
  );
}
