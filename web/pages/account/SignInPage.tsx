import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { ProConnectButton } from "@codegouvfr/react-dsfr/ProConnectButton";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { useSession } from "../../api/accounts";
import { api, ApiError } from "../../api/client";
import { resetSession } from "../../components/AuthGate";
import { controlProps, ErrorSummary, RequiredNote, errorProps, fieldId, type Errors } from "../../components/form";
import { Page } from "../../components/Page";
import { proConnectFailureMessage } from "../../../server/shared";
import { DevMailHint } from "./DevMailHint";
import { homeOf } from "../todo/due-links";
import type { MyFiches } from "../todo/todo-api";
import type { TerritoryScope } from "../territories/territory-api";

/**
 * Where a sign-in without a page to return to lands: an ARS delegation on its territory (« Territoire »),
 * whoever pilots fiches and coordinates nothing on « Mes fiches », anyone else on the contracts.
 */
async function landingPage(): Promise<string> {
  try {
    const [mine, territory] = await Promise.all([api<MyFiches>("/my/fiches"), api<TerritoryScope>("/territories/scope")]);
    if (!territory.all && territory.departements.length > 0 && !mine.coordinates) return "/territoire";
    return homeOf(mine);
  } catch {
    return "/";
  }
}

/** Only paths of this app: never send someone to another site after signing in. */
export function safeReturn(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function SignInPage() {
  const [params] = useSearchParams();
  const target = safeReturn(params.get("retour"));
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const signIn = useMutation({
    mutationFn: () => api("/auth/sign-in", { method: "POST", body: { email, password }, expectUnauthorized: true }),
    onSuccess: async () => {
      await resetSession(queryClient);
      navigate(target === "/" ? await landingPage() : target, { replace: true });
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  if (session.data?.user && !signIn.isPending && !signIn.isSuccess) return <Navigate to={target} replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    signIn.mutate();
  };
  const failure = signIn.error instanceof ApiError && Object.keys(errors).length === 0 ? signIn.error : null;
  // A ProConnect sign-in that was refused comes back here with its reason (server/features/proconnect).
  const proConnectFailure = signIn.isIdle ? proConnectFailureMessage(params.get("proconnect")) : null;
  return (
    <Page title="Connexion">
      <div className={fr.cx("fr-grid-row")}>
        <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
          {proConnectFailure && <Alert severity="error" title="Connexion avec ProConnect refusée" description={proConnectFailure} className={fr.cx("fr-mb-3w")} role="alert" />}
          {session.data?.proConnect && (
            <>
              <p>Agent public : identifiez-vous avec ProConnect. Votre adresse e-mail doit être celle d'un compte Clés ou d'une invitation reçue.</p>
              <ProConnectButton url="/api/auth/proconnect/start" />
              <p className={fr.cx("fr-hr-or", "fr-my-3w")}>ou</p>
            </>
          )}
          <p>Connectez-vous avec l'adresse e-mail de votre invitation.</p>
          <ErrorSummary errors={errors} />
          {failure && <Alert severity="error" small description={failure.detail} className={fr.cx("fr-mb-3w")} role="alert" />}
          <form onSubmit={submit} noValidate>
            <RequiredNote all />
            <Input
              label="Adresse e-mail"
              nativeInputProps={{ id: fieldId("email"), ...controlProps(errors, "email", { required: true }), type: "email", autoComplete: "username", value: email, onChange: (e) => setEmail(e.target.value), required: true }}
              {...errorProps(errors, "email")}
            />
            <PasswordInput
              label="Mot de passe"
              messagesHint=""
              nativeInputProps={{ id: fieldId("password"), ...controlProps(errors, "password", { required: true }), autoComplete: "current-password", value: password, onChange: (e) => setPassword(e.target.value), required: true }}
              messages={errors.password ? [{ severity: "error", message: errors.password }] : []}
            />
            <p className={fr.cx("fr-mt-2w")}>
              <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
            </p>
            <Button type="submit" disabled={signIn.isPending}>
              {signIn.isPending ? "Connexion…" : "Se connecter"}
            </Button>
          </form>
          <DevMailHint />
        </div>
      </div>
    </Page>
  );
}
