/**
 * Naming or replacing a commune's referent for a role: a person of the contract's directory
 * (a member's account, an organisation) or a named person with their contacts, and the day
 * they were named. Replacing sends the version read (409 when someone saved in between).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { controlProps, errorProps, ErrorSummary, fieldId, FormButtons, FormProblem, optional, RequiredNote, useFieldErrors } from "../../components/form";
import { todayInParis } from "../../format";
import { useSaveReferent, type Referent, type ReferentRole, type Referents } from "./api";

interface Draft {
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  phone: string;
  namedOn: string;
}

const draftOf = (r: Referent | null): Draft => ({ userId: r?.userId ?? "", organisationId: r?.organisationId ?? "", name: r?.name ?? "", email: r?.email ?? "", phone: r?.phone ?? "", namedOn: r?.namedOn ?? todayInParis() });

export function ReferentForm({ contractId, commune, role, roleLabel, current, directory, onDone, onCancel }: {
  contractId: string;
  commune: { id: string; name: string };
  role: ReferentRole;
  roleLabel: string;
  current: Referent | null;
  directory: Referents["directory"];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const { formRef, errors, clear, onError } = useFieldErrors();
  const save = useSaveReferent(contractId, commune.id, role);
  const labels: Record<keyof Draft, string> = {
    userId: optional("Personne de l'annuaire (compte Clés)"),
    organisationId: optional("Organisation"),
    name: draft.userId ? optional("Nom et prénom") : "Nom et prénom",
    email: optional("E-mail"),
    phone: optional("Téléphone"),
    namedOn: "Désigné·e le",
  };
  const field = (path: keyof Draft, required = false) => ({
    ...controlProps(errors, path, { required }),
    id: fieldId(path),
    value: draft[path],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [path]: e.target.value })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    const body = { ...draft, userId: draft.userId || null, organisationId: draft.organisationId || null, name: draft.name.trim(), email: draft.email.trim(), phone: draft.phone.trim(), version: current?.version ?? null };
    save.mutate(body, { onSuccess: (saved) => onDone(`${saved.displayName} est ${roleLabel.toLowerCase()} de ${commune.name}.`), onError });
  };
  const title = `${current ? "Remplacer" : "Désigner"} : ${roleLabel.toLowerCase()} de ${commune.name}`;
  const grid = fr.cx("fr-col-12", "fr-col-md-6");
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={title} className={fr.cx("fr-mb-4w")}>
      <h3 className={fr.cx("fr-h6")}>{title}</h3>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={(path) => labels[path as keyof Draft] ?? "Champ"} />
      <FormProblem error={save.error} errors={errors} shown={Object.keys(labels)} what="ce référent" />
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Select className={grid} label={labels.userId} hint="Un membre du contrat ; sinon, indiquez le nom ci-dessous." {...errorProps(errors, "userId")} nativeSelectProps={{ ...field("userId"), autoFocus: true }}>
          <option value="">Aucune (personne sans compte)</option>
          {directory.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        <Select className={grid} label={labels.organisationId} hint="Sa structure, dans l'annuaire du contrat (mairie, CCAS…)." {...errorProps(errors, "organisationId")} nativeSelectProps={field("organisationId")}>
          <option value="">Aucune</option>
          {directory.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
        <Input className={grid} label={labels.name} hintText={draft.userId ? "Le nom du compte choisi, si vous le laissez vide." : undefined} {...errorProps(errors, "name")} nativeInputProps={{ ...field("name", !draft.userId), autoComplete: "off" }} />
        <Input className={grid} label={labels.namedOn} {...errorProps(errors, "namedOn")} nativeInputProps={{ ...field("namedOn", true), type: "date" }} />
        <Input className={grid} label={labels.email} hintText="Les relais aux communes lui sont envoyés à cette adresse (ou à celle du compte choisi)." {...errorProps(errors, "email")} nativeInputProps={{ ...field("email"), type: "email", spellCheck: false, autoComplete: "off" }} />
        <Input className={grid} label={labels.phone} {...errorProps(errors, "phone")} nativeInputProps={{ ...field("phone"), type: "tel", autoComplete: "off" }} />
      </div>
      <FormButtons pending={save.isPending} label={current ? "Remplacer le référent" : "Désigner le référent"} onCancel={onCancel} />
    </form>
  );
}
