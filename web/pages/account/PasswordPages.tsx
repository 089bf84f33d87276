import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { api, ApiError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { controlProps, ErrorSummary, RequiredNote, errorProps, fieldId, type Errors } from "../../components/form";
import { Page } from "../../components/Page";
import { DevMailHint } from "./DevMailHint";
import { NewPasswordFields, passwordMismatch } from "./NewPasswordFields";

export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const ask = useMutation({
    mutationFn: () => api<ResponseOf<"/api/auth/password-reset-request", "post">>("/auth/password-reset-request", { method: "POST", body: { email } }),
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    ask.mutate();
  };
  return (
    <Page title="Mot de passe oublié" breadcrumb={[{ label: "Connexion", to: "/connexion" }]}>
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
          {ask.isSuccess ? (
            <Alert severity="success" title="Demande enregistrée" description={ask.data.message} role="status" />
          ) : (
            <>
              <p>Indiquez l'adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</p>
              <ErrorSummary errors={errors} />
              {ask.error instanceof ApiError && !Object.keys(errors).length && <Alert severity="error" small description={ask.error.detail} className={fr.cx("fr-mb-3w")} />}
              <form onSubmit={submit} noValidate>
                <Input label="Adresse e-mail" nativeInputProps={{ id: fieldId("email"), ...controlProps(errors, "email", { required: true }), type: "email", autoComplete: "email", value: email, onChange: (e) => setEmail(e.target.value) }} {...errorProps(errors, "email")} />
                <Button type="submit" disabled={ask.isPending}>
                  Recevoir le lien
                </Button>
              </form>
            </>
          )}
          <p className={fr.cx("fr-mt-4w")}>
            <Link to="/connexion">Retour à la connexion</Link>
          </p>
          <DevMailHint />
        </div>
      </div>
    </Page>
  );
}

export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const reset = useMutation({
    mutationFn: () => api("/auth/password-reset", { method: "POST", body: { token, password } }),
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mismatch = passwordMismatch(password, confirmation);
    setErrors(mismatch);
    if (!Object.keys(mismatch).length) reset.mutate();
  };
  if (reset.error instanceof ApiError && reset.error.status === 410)
    return (
      <Page title="Lien expiré">
        <Alert severity="warning" title="Ce lien ne fonctionne plus" description={reset.error.detail} className={fr.cx("fr-mb-3w")} />
        <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
      </Page>
    );
  return (
    <Page title="Nouveau mot de passe">
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
          {reset.isSuccess ? (
            <>
              <Alert severity="success" title="Mot de passe changé" description="Vous pouvez vous connecter avec votre nouveau mot de passe. Vos autres sessions ont été fermées." role="status" className={fr.cx("fr-mb-3w")} />
              <Link to="/connexion">Se connecter</Link>
            </>
          ) : (
            <form onSubmit={submit} noValidate>
              <p>Choisissez le nouveau mot de passe de votre compte. Vos autres sessions seront fermées.</p>
              <ErrorSummary errors={errors} />
              <RequiredNote all />
              <NewPasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} errors={errors} />
              <Button type="submit" disabled={reset.isPending}>
                Enregistrer le mot de passe
              </Button>
            </form>
          )}
        </div>
      </div>
    </Page>
  );
}
