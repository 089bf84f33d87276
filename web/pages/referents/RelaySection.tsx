/**
 * « Relayer aux communes » (issue 18, item 2): the coordination sends a piece of news (a subject
 * and a text) by e-mail to the referents of every commune; the published reviews are relayed
 * the same way. The relays sent, and which communes each reached.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import { controlProps, errorProps, ErrorSummary, fieldId, FormButtons, FormProblem, RequiredNote, useFieldErrors } from "../../components/form";
import { formatDateTime, plural } from "../../format";
import { useRelay, type Referents, type Relayed } from "./api";

const LABELS = { subject: "Objet", text: "Texte" };

export function RelaySection({ contractId, relays }: { contractId: string; relays: Referents["relays"] }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ subject: "", text: "" });
  const [result, setResult] = useState<Relayed | null>(null);
  const { formRef, errors, clear, onError } = useFieldErrors();
  const relay = useRelay(contractId);
  const field = (path: "subject" | "text") => ({ ...controlProps(errors, path, { required: true }), id: fieldId(path), value: draft[path], onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [path]: e.target.value })) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    clear();
    relay.mutate(draft, {
      onSuccess: (sent) => {
        setResult(sent);
        setOpen(false);
        setDraft({ subject: "", text: "" });
      },
      onError,
    });
  };
  return (
    <>
      <h3 className={fr.cx("fr-h6", "fr-mt-4w")} id="relais">
        Relais aux communes
      </h3>
      <p className={fr.cx("fr-text--sm")}>Chaque revue trimestrielle publiée est envoyée aux référents qui ont une adresse e-mail, avec un lien pour la lire sans compte.</p>
      {result && <RelayResult result={result} />}
      {open ? (
        <form ref={formRef} onSubmit={submit} noValidate aria-label="Relayer une information aux communes" className={fr.cx("fr-mb-4w")}>
          <RequiredNote all />
          <ErrorSummary errors={errors} labels={(path) => LABELS[path as keyof typeof LABELS] ?? "Champ"} />
          <FormProblem error={relay.error} errors={errors} shown={Object.keys(LABELS)} what="ce relais" />
          <Input label={LABELS.subject} hintText="Par exemple : Mars bleu, campagne de vaccination, appel à projets de l'ARS." {...errorProps(errors, "subject")} nativeInputProps={{ ...field("subject"), autoComplete: "off", autoFocus: true }} />
          <Input label={LABELS.text} textArea {...errorProps(errors, "text")} nativeTextAreaProps={{ ...field("text"), rows: 5 }} />
          <FormButtons pending={relay.isPending} label="Envoyer aux référents" onCancel={() => setOpen(false)} />
        </form>
      ) : (
        <Button size="small" iconId="fr-icon-mail-line" iconPosition="left" className={fr.cx("fr-mb-2w")} onClick={() => setOpen(true)}>
          Relayer aux communes
        </Button>
      )}
      {relays.length === 0 ? (
        <p>Aucun relais envoyé pour l'instant.</p>
      ) : (
        <ul aria-labelledby="relais">
          {relays.map((b) => (
            <li key={`${b.sentAt}-${b.subject}`}>
              <strong>{b.subject}</strong>
              {` — ${formatDateTime(b.sentAt)}${b.sentByName ? `, par ${b.sentByName}` : ""} : ${plural(b.communes.length, "commune atteinte", "communes atteintes")} (${b.communes.map((c) => `${c.name}${c.failed ? " — échec de l'envoi" : ""}`).join(", ")})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RelayResult({ result }: { result: Relayed }) {
  const failed = result.communes.filter((c) => c.failed);
  const parts = [
    result.communes.length ? `Envoyé aux référents de ${plural(result.communes.length, "commune", "communes")}.` : "Aucune commune n'a de référent avec une adresse e-mail : rien n'a été envoyé.",
    failed.length ? `L'envoi a échoué pour : ${failed.map((c) => c.name).join(", ")}.` : "",
    result.unreached.length ? `Sans adresse de référent : ${result.unreached.map((c) => c.name).join(", ")}.` : "",
  ];
  return <Alert severity={failed.length || !result.communes.length ? "warning" : "success"} small role="status" className={fr.cx("fr-mb-2w")} description={parts.filter(Boolean).join(" ")} />;
}
