import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api/client";
import { ErrorSummary, type Errors } from "../../components/form";
import { formatDateTime } from "../../format";
import { TerritoryFields } from "./TerritoryFields";
import { useRefreshUsers, type LinkSent, type TerritoryValue, type UserItem } from "./api";

/** What the person may do, in words. */
function rolesOf(u: UserItem): string[] {
  return [
    ...(u.isAdmin ? ["Administrateur de la plateforme"] : []),
    ...(u.arsScopes.length ? [`Délégation ARS : ${u.arsScopes.map((s) => s.label).join(", ")}`] : []),
    ...u.memberships.map((m) => `${m.roleLabel} — ${m.contractName}`),
  ];
}

const territoryOf = (u: UserItem): TerritoryValue => ({
  departements: u.arsScopes.filter((s) => s.level === "department").map((s) => s.code),
  regions: u.arsScopes.filter((s) => s.level === "region").map((s) => s.code),
});

/** An account an admin anonymised (server/features/users/anonymise.ts): its e-mail is on this domain. */
const isAnonymised = (u: UserItem) => u.email.endsWith("@supprime.invalid");

/** One account: its roles, and deactivate / reactivate or anonymise (confirmed), send a reset link, edit its ARS territory. */
export function UserRow({ user: u, self }: { user: UserItem; self: boolean }) {
  const refresh = useRefreshUsers();
  const [confirming, setConfirming] = useState<"status" | "anonymise" | null>(null);
  const [asking, setAsking] = useState<"status" | "anonymise">("status");
  const [editing, setEditing] = useState(false);
  const [territory, setTerritory] = useState<TerritoryValue>(territoryOf(u));
  const [errors, setErrors] = useState<Errors>({});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const statusButton = useRef<HTMLButtonElement>(null);
  const anonymiseButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) (confirming ? confirmButton : asking === "anonymise" ? anonymiseButton : statusButton).current?.focus();
  }, [confirming, asking]);
  const ask = (on: "status" | "anonymise" | null) => {
    asked.current = true;
    if (on) setAsking(on);
    setConfirming(on);
  };
  const status = useMutation({
    mutationFn: () => api(`/admin/users/${u.id}/${u.deactivated ? "reactivate" : "deactivate"}`, { method: "POST" }),
    onSuccess: async () => {
      await refresh();
      ask(null);
    },
    onError: () => ask(null),
  });
  const anonymise = useMutation({
    mutationFn: () => api(`/admin/users/${u.id}/anonymise`, { method: "POST" }),
    onSuccess: async () => {
      await refresh();
      ask(null);
    },
    onError: () => ask(null),
  });
  const link = useMutation({ mutationFn: () => api<LinkSent>(`/admin/users/${u.id}/reset-link`, { method: "POST" }) });
  const scopes = useMutation({
    mutationFn: () => api(`/admin/users/${u.id}/scopes`, { method: "PUT", body: territory }),
    onSuccess: async () => {
      setEditing(false);
      await refresh();
    },
    onError: (error) => setErrors(error instanceof ApiError && error.status === 400 ? error.fieldErrors() : {}),
  });
  const failure = [status.error, anonymise.error, link.error, scopes.error].find((e) => e instanceof ApiError) as ApiError | undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    scopes.mutate();
  };
  const prefix = `compte-${u.id}`;
  return (
    <>
      <tr>
        <td>
          {`${u.name}${self ? " (vous)" : ""}`}
          {u.deactivated && (
            <>
              {" "}
              <Badge small severity="warning" noIcon>
                Désactivé
              </Badge>
            </>
          )}
        </td>
        <td>{u.email}</td>
        <td className={fr.cx("fr-cell--multiline")}>{rolesOf(u).length ? <ul className={fr.cx("fr-raw-list")}>{rolesOf(u).map((r) => <li key={r}>{r}</li>)}</ul> : "Aucun rôle"}</td>
        <td>
          {confirming === "anonymise" ? (
            "Anonymisation à confirmer ci-dessous"
          ) : confirming === "status" ? (
            <>
              <Button ref={confirmButton} size="small" priority="primary" onClick={() => status.mutate()} disabled={status.isPending} className={fr.cx("fr-mr-1w", "fr-mb-1w")}>
                {u.deactivated ? `Confirmer la réactivation de ${u.name}` : `Confirmer la désactivation de ${u.name}`}
              </Button>
              <Button size="small" priority="tertiary" onClick={() => ask(null)}>
                Annuler
              </Button>
            </>
          ) : isAnonymised(u) ? (
            "Compte anonymisé"
          ) : (
            <div className={fr.cx("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline-md")}>
              {!self && (
                <Button ref={statusButton} size="small" priority="secondary" onClick={() => ask("status")}>
                  {u.deactivated ? "Réactiver" : "Désactiver"}
                  <span className={fr.cx("fr-sr-only")}>{` le compte de ${u.name}`}</span>
                </Button>
              )}
              {!self && (
                <Button ref={anonymiseButton} size="small" priority="tertiary" onClick={() => ask("anonymise")}>
                  Anonymiser
                  <span className={fr.cx("fr-sr-only")}>{` le compte de ${u.name}`}</span>
                </Button>
              )}
              {!u.deactivated && (
                <Button size="small" priority="tertiary" onClick={() => link.mutate()} disabled={link.isPending}>
                  Envoyer un lien de mot de passe
                  <span className={fr.cx("fr-sr-only")}>{` à ${u.name}`}</span>
                </Button>
              )}
              <Button size="small" priority="tertiary" onClick={() => setEditing(!editing)} aria-expanded={editing}>
                {u.arsScopes.length ? "Modifier le territoire ARS" : "Nommer délégation ARS"}
                <span className={fr.cx("fr-sr-only")}>{` de ${u.name}`}</span>
              </Button>
            </div>
          )}
        </td>
      </tr>
      {confirming === "anonymise" && (
        <tr>
          <td colSpan={4} className={fr.cx("fr-cell--multiline")}>
            <p className={fr.cx("fr-mb-1w")}>
              {`Anonymiser le compte de ${u.name} est définitif : son nom et son e-mail sont effacés, ses accès retirés ; ce que la personne a écrit reste, signé « Utilisateur supprimé ».`}
            </p>
            <Button ref={confirmButton} size="small" priority="primary" onClick={() => anonymise.mutate()} disabled={anonymise.isPending} className={fr.cx("fr-mr-1w")}>
              {`Confirmer l'anonymisation de ${u.name}`}
            </Button>
            <Button size="small" priority="tertiary" onClick={() => ask(null)}>
              Annuler
            </Button>
          </td>
        </tr>
      )}
      {(failure || link.data) && (
        <tr>
          <td colSpan={4}>
            {failure && !Object.keys(errors).length ? (
              <Alert severity="error" small description={failure.detail} role="alert" />
            ) : link.data ? (
              <Alert
                severity={link.data.mailSent ? "success" : "warning"}
                small
                role="status"
                description={
                  link.data.mailSent
                    ? `Lien envoyé à ${link.data.email}, valable jusqu'au ${formatDateTime(link.data.expiresAt)}.`
                    : `Le courriel n'a pas pu être envoyé à ${link.data.email} : réessayez plus tard.`
                }
              />
            ) : null}
          </td>
        </tr>
      )}
      {editing && (
        <tr>
          <td colSpan={4}>
            <form onSubmit={submit} noValidate aria-label={`Territoire ARS de ${u.name}`}>
              <ErrorSummary errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}-${k}`, v]))} />
              <TerritoryFields value={territory} onChange={setTerritory} errors={errors} idPrefix={prefix} />
              <Button type="submit" size="small" disabled={scopes.isPending} className={fr.cx("fr-mr-1w")}>
                Enregistrer le territoire
              </Button>
              <Button type="button" size="small" priority="tertiary" onClick={() => setEditing(false)}>
                Annuler
              </Button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
