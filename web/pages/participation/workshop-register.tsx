/**
 * « Inscrire une personne »: a member of the contract (a partner, the coordination) registers
 * a resident on their behalf, with the same fields as the public form; the person may be
 * reached through the partner. Recorded as such (source « partenaire »).
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { AGE_BANDS, CONTACT_WAYS, GENDERS, QPV_NONE, QPV_UNKNOWN, SOCIO_CATEGORIES, type AgeBand, type ContactWay, type Gender, type SocioCategory } from "../../../server/shared";
import { ApiError } from "../../api/client";
import type { Contract } from "../../api/queries";
import { useRegisterResident, type Workshop } from "../../api/workshops";
import { useDisclosure } from "../../components/disclosure";
import { controlProps, ErrorSummary, errorProps, fieldId, RequiredNote, type Errors } from "../../components/form";
import { frenchSchedule } from "../../format";
import { emptyDraft, errorsByField, STAFF_LABELS as L, validateRegistration, type RegistrationDraft } from "./registration-draft";

const entries = <K extends string>(vocabulary: Record<K, string>) => Object.entries(vocabulary) as [K, string][];

export function RegisterResident({ workshop: w, contract: c }: { workshop: Workshop; contract: Contract }) {
  const disclosure = useDisclosure();
  const [message, setMessage] = useState("");
  return (
    <section aria-labelledby="inscrire" className={fr.cx("fr-mb-6w")}>
      <h2 id="inscrire" className={fr.cx("fr-h4")}>
        Inscrire une personne
      </h2>
      <p>Pour une personne sans e-mail ou qui préfère passer par vous : elle est inscrite comme sur l'appel à participation, avec son accord, et l'inscription indique qu'un membre du contrat l'a saisie.</p>
      <p role="status">{message}</p>
      {disclosure.open ? (
        <ResidentForm
          workshop={w}
          contract={c}
          onDone={(said) => {
            setMessage(said);
            disclosure.close();
          }}
          onCancel={disclosure.close}
        />
      ) : (
        <Button ref={disclosure.trigger} type="button" iconId="fr-icon-user-add-line" priority="secondary" onClick={() => {
            setMessage("");
            disclosure.show();
          }}>
          Inscrire une personne
        </Button>
      )}
    </section>
  );
}

function ResidentForm({ workshop: w, contract: c, onDone, onCancel }: { workshop: Workshop; contract: Contract; onDone: (message: string) => void; onCancel: () => void }) {
  const sessionIds = w.sessions.map((s) => s.id);
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft(sessionIds));
  const [errors, setErrors] = useState<Errors>({});
  const register = useRegisterResident(w);
  const set = (patch: Partial<RegistrationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (path: keyof RegistrationDraft) => ({ id: fieldId(path), value: draft[path] as string, onChange: (e: { target: { value: string } }) => set({ [path]: e.target.value }) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const verdict = validateRegistration(draft, { meal: w.meal, sessionIds });
    if (verdict.errors) return setErrors(verdict.errors);
    setErrors({});
    register.mutate(verdict.body, {
      onSuccess: (result) => onDone(`${draft.firstName} ${draft.lastName} : ${result.message}`),
      onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? errorsByField(error.fieldErrors()) : {}),
    });
  };
  const failure = register.error && !Object.keys(errors).length ? register.error : null;
  const grid = fr.cx("fr-col-12", "fr-col-md-6");
  return (
    <form onSubmit={submit} noValidate aria-labelledby="inscrire" className="cles-repeat">
      <RequiredNote />
      <ErrorSummary errors={errors} labels={(path) => L[path] ?? "Champ"} />
      {failure && <Alert severity="error" small role="alert" description={failure.message} className={fr.cx("fr-mb-3w")} />}
      <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters")}>
        <Input className={grid} label={L.firstName} {...errorProps(errors, "firstName")} nativeInputProps={{ ...controlProps(errors, "firstName", { required: true }), ...text("firstName"), autoComplete: "off" }} />
        <Input className={grid} label={L.lastName} hintText="Ou ses initiales." {...errorProps(errors, "lastName")} nativeInputProps={{ ...controlProps(errors, "lastName", { required: true }), ...text("lastName"), autoComplete: "off" }} />
        <Select className={grid} label={L.ageBand} {...errorProps(errors, "ageBand")} nativeSelectProps={{ id: fieldId("ageBand"), ...controlProps(errors, "ageBand", { required: true }), value: draft.ageBand, onChange: (e) => set({ ageBand: e.target.value as AgeBand | "" }) }}>
          <option value="">Choisir</option>
          {entries(AGE_BANDS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
        <Select className={grid} label={L.gender} {...errorProps(errors, "gender")} nativeSelectProps={{ id: fieldId("gender"), ...controlProps(errors, "gender", { required: true }), value: draft.gender, onChange: (e) => set({ gender: e.target.value as Gender | "" }) }}>
          <option value="">Choisir</option>
          {entries(GENDERS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
        <Select className={grid} label={L.category} {...errorProps(errors, "category")} nativeSelectProps={{ id: fieldId("category"), ...controlProps(errors, "category"), value: draft.category, onChange: (e) => set({ category: e.target.value as SocioCategory | "" }) }}>
          <option value="">Ne souhaite pas le dire</option>
          {entries(SOCIO_CATEGORIES).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
        <Input className={grid} label={L.household} hintText="Le même pour les personnes qui viennent ensemble." {...errorProps(errors, "household")} nativeInputProps={{ ...controlProps(errors, "household"), ...text("household"), autoComplete: "off" }} />
        <Select className={grid} label={L.contactWay} {...errorProps(errors, "contactWay")} nativeSelectProps={{ id: fieldId("contactWay"), ...controlProps(errors, "contactWay", { required: true }), value: draft.contactWay, onChange: (e) => set({ contactWay: e.target.value as ContactWay | "" }) }}>
          <option value="">Choisir</option>
          {entries(CONTACT_WAYS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </Select>
        {draft.contactWay === "email" && <Input className={grid} label={L.email} hintText="Elle recevra la confirmation et le lien pour annuler." {...errorProps(errors, "email")} nativeInputProps={{ ...controlProps(errors, "email", { required: true }), ...text("email"), type: "email", spellCheck: false }} />}
        {draft.contactWay === "phone" && <Input className={grid} label={L.phone} {...errorProps(errors, "phone")} nativeInputProps={{ ...controlProps(errors, "phone", { required: true }), ...text("phone"), type: "tel" }} />}
        {draft.contactWay === "partner" && <Input className={grid} label={L.partnerName} hintText="Par exemple votre structure." {...errorProps(errors, "partnerName")} nativeInputProps={{ ...controlProps(errors, "partnerName", { required: true }), ...text("partnerName") }} />}
        <Select className={grid} label={L.communeInsee} {...errorProps(errors, "communeInsee")} nativeSelectProps={{ ...controlProps(errors, "communeInsee", { required: true }), ...text("communeInsee") }}>
          <option value="">Choisir la commune</option>
          {c.communes.map((x) => (
            <option key={x.inseeCode} value={x.inseeCode}>
              {x.name}
            </option>
          ))}
        </Select>
        <Select
          className={grid}
          label={L.qpv}
          {...errorProps(errors, "qpv")}
          nativeSelectProps={{ ...controlProps(errors, "qpv", { required: true }), ...text("qpv") }}
        >
          <option value="">Choisir</option>
          {w.priorityAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
          <option value={QPV_NONE}>Aucun</option>
          <option value={QPV_UNKNOWN}>Ne sait pas</option>
        </Select>
      </div>
      <Checkbox
        id={fieldId("sessionIds")}
        legend={L.sessionIds}
        hintText="Chaque séance à laquelle la personne peut venir."
        {...errorProps(errors, "sessionIds")}
        options={w.sessions.map((s, i) => ({
          label: `Séance ${i + 1} : ${frenchSchedule(s.startsAt, s.endsAt)}`,
          nativeInputProps: { ...controlProps(errors, "sessionIds"), value: s.id, checked: draft.sessionIds.includes(s.id), onChange: (e) => set({ sessionIds: e.target.checked ? [...draft.sessionIds, s.id] : draft.sessionIds.filter((x) => x !== s.id) }) },
        }))}
      />
      <Input label={L.accessibilityNeeds} textArea {...errorProps(errors, "accessibilityNeeds")} nativeTextAreaProps={{ ...controlProps(errors, "accessibilityNeeds"), ...text("accessibilityNeeds"), rows: 2 }} />
      {w.meal && <Input label={L.dietaryNeeds} textArea {...errorProps(errors, "dietaryNeeds")} nativeTextAreaProps={{ ...controlProps(errors, "dietaryNeeds"), ...text("dietaryNeeds"), rows: 2 }} />}
      <Checkbox
        id={fieldId("consent")}
        legend={L.consent}
        {...errorProps(errors, "consent")}
        options={[
          {
            label: `La personne accepte que ses informations servent à organiser l'atelier ; seule la coordination du contrat les lit, elles sont effacées ${w.retentionMonths} mois après la dernière séance, et elle peut demander à les consulter ou les effacer.`,
            nativeInputProps: { ...controlProps(errors, "consent"), checked: draft.consent, onChange: (e) => set({ consent: e.target.checked }) },
          },
        ]}
      />
      <div className="cles-workshop-actions">
        <Button type="submit" size="small" disabled={register.isPending}>
          {register.isPending ? "Inscription…" : "Inscrire la personne"}
        </Button>
        <Button type="button" size="small" priority="tertiary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
