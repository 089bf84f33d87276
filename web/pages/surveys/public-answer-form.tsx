/**
 * The questionnaire as residents fill it without an account: the questions, then, when the
 * survey offers it, an optional e-mail with the consent it needs, the notice « À quoi servent
 * vos réponses », and the honeypot no person meets. Sent, the form gives way to a thank-you
 * panel that takes the focus.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import { errorProps, fieldId, type Errors } from "../../components/form";
import { answersToSend, checkAnswerDraft, errorsFromServer, type AnswerDraft } from "./answer-draft";
import { useAnswerSurvey, type PublicSurvey } from "./survey-api";
import { SurveyForm } from "./SurveyForm";

/** « À quoi servent vos réponses »: anonymous answers, and what becomes of an e-mail left. */
function PrivacyNotice({ survey: s }: { survey: PublicSurvey }) {
  return (
    <section aria-labelledby="vos-donnees" className={fr.cx("fr-callout", "fr-mb-4w")}>
      <h3 id="vos-donnees" className={fr.cx("fr-callout__title", "fr-h5")}>
        À quoi servent vos réponses
      </h3>
      <p className={fr.cx("fr-mb-2w")}>
        {`Vos réponses sont anonymes : elles sont comptées avec celles des autres personnes pour aider l'équipe du contrat local de santé (${s.organiser}) à choisir et suivre ses actions. Les résultats d'ensemble peuvent être publiés, sans les réponses écrites. Pour éviter les réponses en double, votre navigateur garde un identifiant tiré au hasard ; aucune adresse IP n'est conservée.`}
      </p>
      {s.askContact && (
        <dl className="cles-dl fr-mb-0">
          <dt>Votre adresse e-mail, si vous la laissez</dt>
          <dd>{s.privacy.purpose}</dd>
          <dt>Sur quelle base</dt>
          <dd>{s.privacy.legalBasis}</dd>
          <dt>Qui la lit</dt>
          <dd>{s.privacy.readers}</dd>
          <dt>Combien de temps</dt>
          <dd>{s.privacy.retention}</dd>
        </dl>
      )}
    </section>
  );
}

/** The honeypot: out of sight, out of the tab order and out of the accessibility tree. */
function Honeypot({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div aria-hidden="true" className={fr.cx("fr-sr-only")}>
      <label htmlFor="champ-website">Ne pas remplir ce champ</label>
      <input id="champ-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** The thank-you panel, focused when it replaces the form (no live region of its own: the alert is one). */
function Thanks({ message, resultsPublished }: { message: string; resultsPublished: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert severity="success" as="h3" title="Votre réponse est enregistrée" description={message} className={fr.cx("fr-mb-3w")} />
      {resultsPublished && (
        <p>
          <a href="#resultats">Voir les résultats</a>
        </p>
      )}
    </div>
  );
}

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);

export function PublicAnswerForm({ survey: s, slug }: { survey: PublicSurvey; slug: string }) {
  const [draft, setDraft] = useState<AnswerDraft>({});
  const [contactEmail, setContactEmail] = useState("");
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const send = useAnswerSurvey(slug, s.id);
  if (send.data) return <Thanks message={send.data.message} resultsPublished={s.resultsPublished} />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkAnswerDraft(s.questions, draft);
    const email = contactEmail.trim();
    if (s.askContact && email && !looksLikeEmail(email)) found.contactEmail = "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr), ou laissez le champ vide.";
    if (s.askContact && email && !consent) found.consent = "Pour laisser votre adresse e-mail, cochez la case d'accord sur son usage (ou laissez l'adresse vide).";
    if (Object.keys(found).length) return setErrors(found);
    setErrors({});
    send.mutate(
      { answers: answersToSend(s.questions, draft), contactEmail: s.askContact ? email : "", consent: s.askContact && consent, website },
      { onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? errorsFromServer(error.fieldErrors(), s.questions) : {}) },
    );
  };
  // Closed meanwhile, already answered, the honeypot, too many tries, the server away: said above the form.
  const failure = send.error && !Object.keys(errors).length ? send.error : null;
  const contact = s.askContact && (
    <fieldset className={fr.cx("fr-fieldset")} aria-labelledby="legende-contact">
      <legend id="legende-contact" className={fr.cx("fr-fieldset__legend", "fr-h6")}>
        Être recontacté(e) (facultatif)
      </legend>
      <div className={fr.cx("fr-fieldset__element")}>
        <Input
          label="Votre adresse e-mail (facultatif)"
          hintText="Seulement si vous souhaitez être recontacté(e) au sujet des suites de ce questionnaire. Par exemple prenom.nom@exemple.fr."
          {...errorProps(errors, "contactEmail")}
          nativeInputProps={{ id: fieldId("contactEmail"), type: "email", autoComplete: "email", spellCheck: false, value: contactEmail, onChange: (e) => setContactEmail(e.target.value) }}
        />
      </div>
      <div className={fr.cx("fr-fieldset__element")}>
        <Checkbox
          id={fieldId("consent")}
          legend="Votre accord (seulement si vous laissez votre adresse)"
          {...errorProps(errors, "consent")}
          options={[{ label: s.consentText, nativeInputProps: { name: "consent", checked: consent, onChange: (e) => setConsent(e.target.checked) } }]}
        />
      </div>
    </fieldset>
  );
  return (
    <SurveyForm
      questions={s.questions}
      places={s}
      draft={draft}
      setDraft={setDraft}
      errors={errors}
      failure={failure}
      onSubmit={submit}
      pending={send.isPending}
      submitLabel="Envoyer mes réponses"
      pendingLabel="Envoi de vos réponses…"
      labelledBy="repondre"
      after={
        <>
          {contact}
          <PrivacyNotice survey={s} />
          <Honeypot value={website} onChange={setWebsite} />
        </>
      }
    />
  );
}
