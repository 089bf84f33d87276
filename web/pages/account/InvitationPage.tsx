import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useInvitation } from "../../api/accounts";
import { api, ApiError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { resetSession } from "../../components/AuthGate";
import { controlProps, ErrorSummary, RequiredNote, errorProps, fieldId, type Errors } from "../../components/form";
import { Loading, Page } from "../../components/Page";
import { formatDate } from "../../format";
import { NewPasswordFields, passwordMismatch } from "./NewPasswordFields";

function LinkProblem({ error }: { error: ApiError }) {
  return (
    <Page title={error.status === 410 ? "Invitation expirée" : "Invitation introuvable"}>
      <Alert severity="warning" title="Ce lien d'invitation ne fonctionne plus" description={error.detail} className={fr.cx("fr-mb-3w")} />
      <p>
        Vous avez déjà un compte ? <Link to="/connexion">Connectez-vous</Link>.
      </p>
    </Page>
  );
}

export function InvitationPage() {
  const { token = "" } = useParams();
  const invitation = useInvitation(token);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const accept = useMutation({
    mutationFn: () => api<ResponseOf<"/api/invitations/{token}/accept", "post">>(`/invitations/${token}/accept`, { method: "POST", body: { name, password } }),
    onSuccess: async ({ contractId }) => {
      await resetSession(queryClient);
      navigate(`/contrats/${contractId}`, { replace: true });
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  if (invitation.isPending) return <Loading label="Chargement de l'invitation…" />;
  if (invitation.error) return <LinkProblem error={invitation.error instanceof ApiError ? invitation.error : new ApiError(0, invitation.error.message)} />;
  if (accept.error instanceof ApiError && (accept.error.status === 410 || accept.error.status === 404)) return <LinkProblem error={accept.error} />;
  const i = invitation.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mismatch = passwordMismatch(password, confirmation);
    setErrors(mismatch);
    if (!Object.keys(mismatch).length) accept.mutate();
  };
  return (
    <Page title="Rejoindre le contrat">
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
          <p>
            {i.invitedBy ? `${i.invitedBy} vous invite` : "Vous êtes invité·e"} à rejoindre le <strong>{i.contractName}</strong> en tant que{" "}
            <strong>{i.roleLabel}</strong>.
          </p>
          <p className={fr.cx("fr-text--sm")}>{`Invitation valable jusqu'au ${formatDate(i.expiresAt.slice(0, 10))}, une seule fois.`}</p>
          <ErrorSummary errors={errors} />
          {accept.error instanceof ApiError && !Object.keys(errors).length && <Alert severity="error" small description={accept.error.detail} className={fr.cx("fr-mb-3w")} />}
          <form onSubmit={submit} noValidate>
            <RequiredNote all />
            <Input label="Adresse e-mail" disabled nativeInputProps={{ value: i.email, readOnly: true }} />
            <Input
              label="Votre nom"
              hintText="Tel qu'il apparaîtra aux autres membres et dans l'historique (par exemple Marie Dupont)."
              nativeInputProps={{ id: fieldId("name"), ...controlProps(errors, "name", { required: true }), autoComplete: "name", value: name, onChange: (e) => setName(e.target.value) }}
              {...errorProps(errors, "name")}
            />
            <NewPasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} errors={errors} label="Mot de passe" />
            <Button type="submit" disabled={accept.isPending}>
              {accept.isPending ? "Création du compte…" : "Créer mon compte"}
            </Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
