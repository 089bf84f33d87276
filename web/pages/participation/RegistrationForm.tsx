/**
 * The registration form of a call for participation, filled by residents without an
 * account: plain French, each field labelled and explained, errors summed up and next to
 * their fields, the use of their data said before they agree to it.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { AGE_BANDS, CONTACT_WAYS, GENDERS, QPV_NONE, QPV_UNKNOWN, SOCIO_CATEGORIES, type AgeBand, type ContactWay, type Gender, type SocioCategory } from "../../../server/shared";
import { ApiError } from "../../api/client";
import { useRegister, type PublicCall } from "../../api/participation";
import { controlProps, ErrorSummary, errorProps, fieldId, RequiredNote, type Errors } from "../../components/form";
import { frenchSchedule } from "../../format";
import { emptyDraft, errorsByField, PUBLIC_LABELS as L, validateRegistration, type RegistrationDraft } from "./registration-draft";

const entries = <K extends string>(vocabulary: Record<K, string>) => Object.entries(vocabulary) as [K, string][];

/** « Vos données »: what the data is for, on what basis, who reads it, how long it is kept. */
function PrivacyNotice({ privacy }: { privacy: PublicCall["privacy"] }) {
  return (
    <section aria-labelledby="vos-donnees" className={fr.cx("fr-callout", "fr-mb-4w")}>
      <h3 id="vos-donnees" className={fr.cx("fr-callout__title", "fr-h5")}>
        Vos données
      </h3>
      <dl className="cles-dl fr-mb-0">
        <dt>À quoi elles servent</dt>
        <dd>{privacy.purpose}</dd>
        <dt>Sur quelle base</dt>
        <dd>{privacy.legalBasis}</dd>
        <dt>Qui les lit</dt>
        <dd>{privacy.readers}</dd>
        <dt>Combien de temps</dt>
        <dd>{privacy.retention}</dd>
      </dl>
    </section>
  );
}

/**
 * The honeypot: out of sight, out of the tab order and out of the accessibility tree, so
 * that no person meets it; a robot filling every field fills it too.
 */
function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div aria-hidden="true" className={fr.cx("fr-sr-only")}>
      <label htmlFor="champ-website">Ne pas remplir ce champ</label>
      <input id="champ-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/**
 * The server's answer once registered: said, and focused, in place of the form. The focus
 * reads it; the wrapper is no live region of its own (the alert inside is one already:
 * nested live regions are read twice by some screen readers).
 */
function Success({ message, onAnother }: { message: string; onAnother: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <div ref={ref} tabIndex={-1}>
        <Alert severity="success" as="h2" title="Votre inscription est enregistrée" description={message} className={fr.cx("fr-mb-3w")} />
      </div>
      <p>Vous venez avec des proches ? Chaque personne s'inscrit avec son propre formulaire, avec le même nom de groupe.</p>
      <Button type="button" priority="secondary" onClick={onAnother}>
        Inscrire une autre personne
      </Button>
    </>
  );
}

export function RegistrationForm({ call, slug }: { call: PublicCall; slug: string }) {
  const sessionIds = call.sessions.map((s) => s.id);
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft(sessionIds));
  const [errors, setErrors] = useState<Errors>({});
  const register = useRegister(slug, call.id);
  const set = (patch: Partial<RegistrationDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // Another person of the same group: where they live, their group and sessions stay; who they are, and their consent, do not.
  const another = () => {
    setDraft((d) => ({ ...emptyDraft(sessionIds), communeInsee: d.communeInsee, qpv: d.qpv, household: d.household, sessionIds: d.sessionIds }));
    register.reset();
    requestAnimationFrame(() => document.getElementById(fieldId("firstName"))?.focus());
  };
  if (register.data) return <Success message={register.data.message} onAnother={another} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const verdict = validateRegistration(draft, { meal: call.meal, sessionIds });
    if (verdict.errors) return setErrors(verdict.errors);
    setErrors({});
    register.mutate(verdict.body, { onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? errorsByField(error.fieldErrors()) : {}) });
  };
  // A refusal no field shows: the honeypot, the deadline passed meanwhile, too many tries, the server away.
  const failure = register.error && !Object.keys(errors).length ? register.error : null;
  const text = (path: keyof RegistrationDraft) => ({ id: fieldId(path), value: draft[path] as string, onChange: (e: { target: { value: string } }) => set({ [path]: e.target.value }) });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="inscription">
      <RequiredNote />
      <ErrorSummary errors={errors} labels={(path) => L[path] ?? "Champ"} />
      {failure && <Alert severity="error" small role="alert" description={failure.message} className={fr.cx("fr-mb-3w")} />}

      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="legende-vous">
        <legend id="legende-vous" className={fr.cx("fr-fieldset__legend", "fr-h6")}>
          Vous
        </legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <Input label={L.firstName} {...errorProps(errors, "firstName")} nativeInputProps={{ ...controlProps(errors, "firstName", { required: true }), ...text("firstName"), autoComplete: "given-name" }} />
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <Input
            label={L.lastName}
            hintText="Vous pouvez n'indiquer que vos initiales (par exemple M. D.)."
            {...errorProps(errors, "lastName")}
            nativeInputProps={{ ...controlProps(errors, "lastName", { required: true }), ...text("lastName"), autoComplete: "family-name" }}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <RadioButtons
            id={fieldId("ageBand")}
            name="ageBand"
            legend={L.ageBand}
            orientation="horizontal"
            {...errorProps(errors, "ageBand")}
            options={entries(AGE_BANDS).map(([key, label]) => ({ label, nativeInputProps: { ...controlProps(errors, "ageBand"), value: key, checked: draft.ageBand === key, onChange: () => set({ ageBand: key as AgeBand }) } }))}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <RadioButtons
            id={fieldId("gender")}
            name="gender"
            legend={L.gender}
            hintText="Pour composer des tables où femmes et hommes se mélangent."
            orientation="horizontal"
            {...errorProps(errors, "gender")}
            options={entries(GENDERS).map(([key, label]) => ({ label, nativeInputProps: { ...controlProps(errors, "gender"), value: key, checked: draft.gender === key, onChange: () => set({ gender: key as Gender }) } }))}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <Select
            label={L.category}
            hint="Pour que chaque table réunisse des personnes de situations différentes."
            {...errorProps(errors, "category")}
            nativeSelectProps={{ id: fieldId("category"), ...controlProps(errors, "category"), value: draft.category, onChange: (e) => set({ category: e.target.value as SocioCategory | "" }) }}
          >
            <option value="">Je préfère ne pas le dire</option>
            {entries(SOCIO_CATEGORIES).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>

      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="legende-contact">
        <legend id="legende-contact" className={fr.cx("fr-fieldset__legend", "fr-h6")}>
          Pour vous joindre
        </legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <RadioButtons
            id={fieldId("contactWay")}
            name="contactWay"
            legend={L.contactWay}
            {...errorProps(errors, "contactWay")}
            options={entries(CONTACT_WAYS).map(([key, label]) => ({ label, nativeInputProps: { ...controlProps(errors, "contactWay"), value: key, checked: draft.contactWay === key, onChange: () => set({ contactWay: key as ContactWay }) } }))}
          />
        </div>
        {draft.contactWay === "email" && (
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label={L.email}
              hintText="Par exemple prenom.nom@exemple.fr. Vous recevrez une confirmation avec un lien pour annuler."
              {...errorProps(errors, "email")}
              nativeInputProps={{ ...controlProps(errors, "email", { required: true }), ...text("email"), type: "email", autoComplete: "email", spellCheck: false }}
            />
          </div>
        )}
        {draft.contactWay === "phone" && (
          <div className={fr.cx("fr-fieldset__element")}>
            <Input label={L.phone} hintText="Par exemple 06 12 34 56 78." {...errorProps(errors, "phone")} nativeInputProps={{ ...controlProps(errors, "phone", { required: true }), ...text("phone"), type: "tel", autoComplete: "tel" }} />
          </div>
        )}
        {draft.contactWay === "partner" && (
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label={L.partnerName}
              hintText="Par exemple le centre social, une association ou la mairie qui vous a parlé de l'atelier."
              {...errorProps(errors, "partnerName")}
              nativeInputProps={{ ...controlProps(errors, "partnerName", { required: true }), ...text("partnerName") }}
            />
          </div>
        )}
      </fieldset>

      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="legende-lieu">
        <legend id="legende-lieu" className={fr.cx("fr-fieldset__legend", "fr-h6")}>
          Où vous habitez
        </legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <Select label={L.communeInsee} {...errorProps(errors, "communeInsee")} nativeSelectProps={{ ...controlProps(errors, "communeInsee", { required: true }), ...text("communeInsee"), autoComplete: "off" }}>
            <option value="">Choisissez votre commune</option>
            {call.communes.map((c) => (
              <option key={c.inseeCode} value={c.inseeCode}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <Select
            label={L.qpv}
            hint="Les quartiers prioritaires de la politique de la ville de votre territoire. Si vous ne savez pas, choisissez « Je ne sais pas »."
            {...errorProps(errors, "qpv")}
            nativeSelectProps={{ ...controlProps(errors, "qpv", { required: true }), ...text("qpv") }}
          >
            <option value="">Choisissez une réponse</option>
            {call.priorityAreas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value={QPV_NONE}>Aucun</option>
            <option value={QPV_UNKNOWN}>Je ne sais pas</option>
          </Select>
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <Input
            label={L.household}
            hintText="Si vous venez avec des proches, indiquez un même nom de groupe (par exemple « Famille Martin »)."
            {...errorProps(errors, "household")}
            nativeInputProps={{ ...controlProps(errors, "household"), ...text("household"), autoComplete: "off" }}
          />
        </div>
      </fieldset>

      <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="legende-venue">
        <legend id="legende-venue" className={fr.cx("fr-fieldset__legend", "fr-h6")}>
          Votre venue
        </legend>
        <div className={fr.cx("fr-fieldset__element")}>
          <Checkbox
            id={fieldId("sessionIds")}
            legend={L.sessionIds}
            hintText="Cochez chaque séance à laquelle vous pouvez venir."
            {...errorProps(errors, "sessionIds")}
            options={call.sessions.map((s) => ({
              label: frenchSchedule(s.startsAt, s.endsAt),
              hintText: s.place || undefined,
              nativeInputProps: {
                ...controlProps(errors, "sessionIds"),
                value: s.id,
                checked: draft.sessionIds.includes(s.id),
                onChange: (e) => set({ sessionIds: e.target.checked ? [...draft.sessionIds, s.id] : draft.sessionIds.filter((x) => x !== s.id) }),
              },
            }))}
          />
        </div>
        <div className={fr.cx("fr-fieldset__element")}>
          <Input
            label={L.accessibilityNeeds}
            hintText="Par exemple : accès en fauteuil roulant, interprète en langue des signes, documents en gros caractères, boucle magnétique."
            textArea
            {...errorProps(errors, "accessibilityNeeds")}
            nativeTextAreaProps={{ ...controlProps(errors, "accessibilityNeeds"), ...text("accessibilityNeeds"), rows: 3 }}
          />
        </div>
        {call.meal && (
          <div className={fr.cx("fr-fieldset__element")}>
            <Input
              label={L.dietaryNeeds}
              hintText="Un repas est offert. Dites-nous ce que vous ne pouvez pas manger (par exemple sans porc, végétarien, allergie aux arachides)."
              textArea
              {...errorProps(errors, "dietaryNeeds")}
              nativeTextAreaProps={{ ...controlProps(errors, "dietaryNeeds"), ...text("dietaryNeeds"), rows: 2 }}
            />
          </div>
        )}
      </fieldset>

      <PrivacyNotice privacy={call.privacy} />
      <Checkbox
        id={fieldId("consent")}
        legend={L.consent}
        {...errorProps(errors, "consent")}
        options={[{ label: call.consent.text, nativeInputProps: { ...controlProps(errors, "consent"), name: "consent", checked: draft.consent, onChange: (e) => set({ consent: e.target.checked }) } }]}
      />
      <Honeypot value={draft.website} onChange={(website) => set({ website })} />
      <Button type="submit" iconId="fr-icon-check-line" iconPosition="right" disabled={register.isPending}>
        {register.isPending ? "Envoi de votre inscription…" : call.full ? "M'inscrire sur la liste d'attente" : "M'inscrire"}
      </Button>
    </form>
  );
}
