import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../../api/client";
import { controlProps, ErrorSummary, RequiredNote, errorProps, fieldId, type Errors } from "../../components/form";
import { formatDateTime } from "../../format";
import { TerritoryFields } from "./TerritoryFields";
import type { LinkSent, TerritoryValue } from "./api";

/** Invites an ARS delegation by e-mail: the person creates the account, with this territory, from the link. */
export function ArsInviteForm() {
  const [email, setEmail] = useState("");
  const [territory, setTerritory] = useState<TerritoryValue>({ departements: [], regions: [] });
  const [errors, setErrors] = useState<Errors>({});
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: () => api<LinkSent>("/admin/ars-invitations", { method: "POST", body: { email, ...territory } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["admin-ars-invitations"] });
      setEmail("");
      setTerritory({ departements: [], regions: [] });
    },
    onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? Object.fromEntries(Object.entries(error.fieldErrors()).map(([k, v]) => [`invitation-ars-${k}`, v])) : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    invite.mutate();
  };
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^invitation-ars-/, ""), v]));
  const done = invite.data;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="inviter-ars">
      <h2 id="inviter-ars">Inviter une délégation ARS par e-mail</h2>
      <p>La personne reçoit un lien, valable 7 jours, pour créer elle-même son compte avec ce territoire.</p>
      <form onSubmit={submit} noValidate className="cles-narrow">
        <ErrorSummary errors={errors} />
        <RequiredNote all />
        {invite.error instanceof ApiError && !Object.keys(errors).length && <Alert severity="error" small description={invite.error.detail} className={fr.cx("fr-mb-3w")} role="alert" />}
        {done && (
          <Alert
            severity={done.mailSent ? "success" : "warning"}
            small
            role="status"
            className={fr.cx("fr-mb-3w")}
            description={done.mailSent ? `Invitation envoyée à ${done.email}, valable jusqu'au ${formatDateTime(done.expiresAt)}.` : `L'invitation est enregistrée, mais le courriel n'a pas pu être envoyé à ${done.email}.`}
          />
        )}
        <Input label="Adresse e-mail" nativeInputProps={{ id: fieldId("invitation-ars-email"), ...controlProps(fieldErrors, "email", { required: true }), type: "email", autoComplete: "off", value: email, onChange: (e) => setEmail(e.target.value) }} {...errorProps(fieldErrors, "email")} />
        <TerritoryFields value={territory} onChange={setTerritory} errors={fieldErrors} idPrefix="invitation-ars" />
        <Button type="submit" disabled={invite.isPending}>
          {invite.isPending ? "Envoi…" : "Envoyer l'invitation"}
        </Button>
      </form>
    </section>
  );
}
