import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { accountKeys, useAccount, type Account } from "../../api/accounts";
import { api, ApiError } from "../../api/client";
import { controlProps, ErrorSummary, RequiredNote, errorProps, fieldId, type Errors } from "../../components/form";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { NewPasswordFields, passwordMismatch } from "./NewPasswordFields";
import { ReminderPreference } from "./ReminderPreference";

export function AccountPage() {
  const account = useAccount();
  if (account.isPending) return <Loading label="Chargement de votre compte…" />;
  if (account.error) return <ErrorMessage error={account.error} />;
  const a = account.data;
  return (
    <Page title="Mon compte">
      <p>
        {a.email}
        {a.isAdmin && " · administrateur·rice de la plateforme"}
        {a.arsScopes.length > 0 && ` · ARS : ${a.arsScopes.map((s) => s.label).join(", ")}`}
      </p>
      <Memberships account={a} />
      <NameForm account={a} />
      <ReminderPreference />
      <PasswordForm />
      <MyData />
      <SignOutEverywhere />
    </Page>
  );
}

function Memberships({ account }: { account: Account }) {
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="mes-contrats">
      <h2 id="mes-contrats">Mes contrats</h2>
      {account.memberships.length === 0 ? (
        <EmptyState title={account.isAdmin || account.arsScopes.length ? "Vous voyez les contrats par votre fonction, sans rôle sur l'un d'eux." : "Vous n'êtes membre d'aucun contrat."} />
      ) : (
        <ul>
          {account.memberships.map((m) => (
            <li key={m.contractId} className={fr.cx("fr-mb-1w")}>
              <Link to={`/contrats/${m.contractId}`}>{m.contractName}</Link> — {m.roleLabel}
              {m.actions.length > 0 && (
                <ul>
                  {m.actions.map((f) => (
                    <li key={f.id}>
                      <Link to={`/contrats/${m.contractId}/fiches/${f.id}`}>{`FA ${f.number} — ${f.title}`}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NameForm({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(account.name);
  const [errors, setErrors] = useState<Errors>({});
  useEffect(() => setName(account.name), [account.name]);
  const save = useMutation({
    mutationFn: () => api<Account>("/account", { method: "PUT", body: { name } }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(accountKeys.account, saved);
      await queryClient.invalidateQueries({ queryKey: accountKeys.session });
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    save.mutate();
  };
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="identite">
      <h2 id="identite">Mon nom</h2>
      <form onSubmit={submit} noValidate className="cles-narrow">
        <Input label="Nom affiché" nativeInputProps={{ id: fieldId("name"), ...controlProps(errors, "name", { required: true }), autoComplete: "name", value: name, onChange: (e) => setName(e.target.value) }} {...errorProps(errors, "name")} />
        {save.isSuccess && <p role="status" className={fr.cx("fr-text--sm")}>Nom enregistré.</p>}
        <Button type="submit" priority="secondary" disabled={save.isPending}>
          Enregistrer le nom
        </Button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const change = useMutation({
    mutationFn: () => api("/account/password", { method: "POST", body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrent("");
      setNew("");
      setConfirmation("");
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const mismatch = passwordMismatch(newPassword, confirmation, "newPassword");
    setErrors(mismatch);
    if (!Object.keys(mismatch).length) change.mutate();
  };
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="mot-de-passe">
      <h2 id="mot-de-passe">Changer de mot de passe</h2>
      <form onSubmit={submit} noValidate className="cles-narrow">
        <ErrorSummary errors={errors} />
        <RequiredNote all />
        {change.isSuccess && <Alert severity="success" small description="Mot de passe changé. Vos autres sessions ont été fermées." className={fr.cx("fr-mb-3w")} role="status" />}
        <PasswordInput
          label="Mot de passe actuel"
          className={fr.cx("fr-mb-2w")}
          messagesHint=""
          nativeInputProps={{ id: fieldId("currentPassword"), ...controlProps(errors, "currentPassword", { required: true }), autoComplete: "current-password", value: currentPassword, onChange: (e) => setCurrent(e.target.value) }}
          messages={errors.currentPassword ? [{ severity: "error", message: errors.currentPassword }] : []}
        />
        <NewPasswordFields path="newPassword" password={newPassword} confirmation={confirmation} onPassword={setNew} onConfirmation={setConfirmation} errors={errors} />
        <Button type="submit" priority="secondary" disabled={change.isPending}>
          Changer le mot de passe
        </Button>
      </form>
    </section>
  );
}

/** The person's data as one JSON file (right of access). */
function MyData() {
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="mes-donnees">
      <h2 id="mes-donnees">Mes données</h2>
      <p>Votre compte, vos contrats et rôles, et tout ce que vous avez écrit ou fait dans Clés, en un fichier JSON.</p>
      <a className={fr.cx("fr-link", "fr-link--download")} href="/api/account/data" download>
        Télécharger mes données
        <span className="fr-link__detail">JSON</span>
      </a>
    </section>
  );
}

function SignOutEverywhere() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api("/auth/sign-out-everywhere", { method: "POST" }),
    onSuccess: () => {
      queryClient.clear();
      navigate("/connexion", { replace: true });
    },
  });
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="appareils">
      <h2 id="appareils">Appareils connectés</h2>
      <p>Un ordinateur partagé, un téléphone perdu ? Fermez toutes vos sessions, y compris celle-ci.</p>
      {signOut.error && <Alert severity="error" small description={signOut.error.message} className={fr.cx("fr-mb-2w")} />}
      <Button priority="secondary" iconId="fr-icon-logout-box-r-line" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Se déconnecter de tous les appareils
      </Button>
    </section>
  );
}
