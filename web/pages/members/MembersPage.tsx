import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useParams } from "react-router";
import { accountKeys, useMembers, useSession, type Member, type Members } from "../../api/accounts";
import { api, ApiError } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { useActions, useContract, type ActionItem } from "../../api/queries";
import { controlProps, ErrorSummary, RequiredNote, errorProps, fieldId, type Errors } from "../../components/form";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate } from "../../format";
import { announce } from "../../components/announcer";
import { RoleFields, type RoleValue } from "./RoleFields";

export function MembersPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const members = useMembers(contractId);
  const fiches = useActions(contractId, {});
  if (contract.isPending || members.isPending) return <Loading label="Chargement des membres…" />;
  if (contract.error || members.error) return <ErrorMessage error={contract.error ?? members.error} title="Les membres n'ont pas pu être chargés" />;
  const list = fiches.data?.items ?? [];
  return (
    <Page title="Membres du contrat" breadcrumb={[{ label: "Contrats", to: "/" }, { label: contract.data.name, to: `/contrats/${contractId}` }]}>
      <MemberTable contractId={contractId} members={members.data} fiches={list} />
      <PendingInvitations contractId={contractId} members={members.data} />
      <InviteForm contractId={contractId} fiches={list} />
    </Page>
  );
}

/**
 * After a row disappears, the focus goes to the first of these section titles still on the page
 * (on the next task: react-query hands the refetched list to React after the refetch resolves).
 */
function focusHeading(...ids: string[]) {
  window.setTimeout(() => {
    for (const id of ids) {
      const heading = document.getElementById(id);
      if (heading) return heading.focus();
    }
  });
}

function useRefresh(contractId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.members(contractId) });
}

function MemberTable({ contractId, members, fiches }: { contractId: string; members: Members; fiches: ActionItem[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  // Said when a removal left the person without any access (their account stays active).
  const [notice, setNotice] = useState<string | null>(null);
  if (members.items.length === 0) return <EmptyState title="Aucun membre pour l'instant : invitez la coordination du contrat ci-dessous." />;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="membres">
      <h2 id="membres" tabIndex={-1}>{`Qui a accès au contrat (${members.items.length})`}</h2>
      {notice && <Alert severity="info" small description={notice} className={fr.cx("fr-mb-2w")} closable onClose={() => setNotice(null)} />}
      <div className={fr.cx("fr-table")}>
        <div className="fr-table__wrapper">
          <div className="fr-table__container" tabIndex={0}>
            <div className="fr-table__content">
          <table>
            <caption className={fr.cx("fr-sr-only")}>Membres du contrat et leur rôle</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">E-mail</th>
                <th scope="col">Rôle</th>
                <th scope="col">Depuis le</th>
                <th scope="col">
                  <span className={fr.cx("fr-sr-only")}>Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.items.map((m) => (
                <MemberRow key={m.userId} contractId={contractId} member={m} fiches={fiches} editing={editing === m.userId} onEdit={(on) => setEditing(on ? m.userId : null)} onRemoved={setNotice} />
              ))}
            </tbody>
          </table>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

function MemberRow({
  contractId,
  member: m,
  fiches,
  editing,
  onEdit,
  onRemoved,
}: {
  contractId: string;
  member: Member;
  fiches: ActionItem[];
  editing: boolean;
  onEdit: (on: boolean) => void;
  onRemoved: (notice: string | null) => void;
}) {
  const refresh = useRefresh(contractId);
  const session = useSession();
  const [value, setValue] = useState<RoleValue>({ role: m.role, actionIds: m.actions.map((a) => a.id) });
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState(false);
  // The button that replaces the one just pressed takes the focus (keyboard and screen reader users stay in place).
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (!asked.current) return;
    (confirming ? confirmButton : removeButton).current?.focus();
  }, [confirming]);
  const ask = (on: boolean) => {
    asked.current = true;
    setConfirming(on);
  };
  const save = useMutation({
    mutationFn: () => api(`/contracts/${contractId}/members/${m.userId}`, { method: "PUT", body: value }),
    onSuccess: async () => {
      onEdit(false);
      await refresh();
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  const remove = useMutation({
    mutationFn: () => api<ResponseOf<"/api/contracts/{contractId}/members/{userId}", "delete">>(`/contracts/${contractId}/members/${m.userId}`, { method: "DELETE" }),
    onSuccess: async ({ notice }) => {
      onRemoved(notice);
      if (notice) announce(notice);
      await refresh();
      focusHeading("membres");
    },
    onError: () => ask(false),
  });
  const failure = (save.error ?? remove.error) instanceof ApiError ? ((save.error ?? remove.error) as ApiError) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    save.mutate();
  };
  return (
    <>
      <tr>
        <td>{`${m.name}${session.data?.user?.id === m.userId ? " (vous)" : ""}`}</td>
        <td>{m.email}</td>
        <td>
          {m.roleLabel}
          {m.actions.length > 0 && <span className={fr.cx("fr-text--sm")}>{` : ${m.actions.map((a) => `FA ${a.number}`).join(", ")}`}</span>}
        </td>
        <td>{formatDate(m.since.slice(0, 10))}</td>
        <td className="cles-nowrap">
          {confirming ? (
            <>
              <Button ref={confirmButton} size="small" priority="primary" onClick={() => remove.mutate()} disabled={remove.isPending} className={fr.cx("fr-mr-1w")}>
                {`Confirmer le retrait de ${m.name}`}
              </Button>
              <Button size="small" priority="tertiary" onClick={() => ask(false)}>
                Annuler
              </Button>
            </>
          ) : (
            <>
              <Button size="small" priority="secondary" onClick={() => onEdit(!editing)} aria-expanded={editing} className={fr.cx("fr-mr-1w")}>
                {`Changer le rôle`}
                <span className={fr.cx("fr-sr-only")}>{` de ${m.name}`}</span>
              </Button>
              <Button ref={removeButton} size="small" priority="tertiary" onClick={() => ask(true)}>
                Retirer
                <span className={fr.cx("fr-sr-only")}>{` ${m.name}`}</span>
              </Button>
            </>
          )}
        </td>
      </tr>
      {failure && !Object.keys(errors).length && (
        <tr>
          <td colSpan={5}>
            <Alert severity="error" small description={failure.detail} role="alert" />
          </td>
        </tr>
      )}
      {editing && (
        <tr>
          <td colSpan={5}>
            <form onSubmit={submit} noValidate aria-label={`Rôle de ${m.name}`}>
              <RoleFields value={value} onChange={setValue} fiches={fiches} errors={errors} idPrefix={`membre-${m.userId}`} />
              <Button type="submit" size="small" disabled={save.isPending} className={fr.cx("fr-mr-1w")}>
                Enregistrer le rôle
              </Button>
              <Button type="button" size="small" priority="tertiary" onClick={() => onEdit(false)}>
                Annuler
              </Button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}

function PendingInvitations({ contractId, members }: { contractId: string; members: Members }) {
  const refresh = useRefresh(contractId);
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/contracts/${contractId}/invitations/${id}`, { method: "DELETE" }),
    onSuccess: async () => {
      await refresh();
      focusHeading("invitations", "inviter");
    },
  });
  if (members.invitations.length === 0) return null;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="invitations">
      <h2 id="invitations" tabIndex={-1}>{`Invitations en attente (${members.invitations.length})`}</h2>
      <ul>
        {members.invitations.map((i) => (
          <li key={i.id} className={fr.cx("fr-mb-1w")}>
            {`${i.email} — ${i.roleLabel}${i.actions.length ? ` (${i.actions.map((a) => `FA ${a.number}`).join(", ")})` : ""} · invité·e par ${i.invitedBy ?? "—"}, valable jusqu'au ${formatDate(i.expiresAt.slice(0, 10))} `}
            <Button size="small" priority="tertiary" onClick={() => revoke.mutate(i.id)} disabled={revoke.isPending}>
              Révoquer
              <span className={fr.cx("fr-sr-only")}>{` l'invitation de ${i.email}`}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function InviteForm({ contractId, fiches }: { contractId: string; fiches: ActionItem[] }) {
  const refresh = useRefresh(contractId);
  const [email, setEmail] = useState("");
  const [value, setValue] = useState<RoleValue>({ role: "partner", actionIds: [] });
  const [errors, setErrors] = useState<Errors>({});
  const invite = useMutation({
    mutationFn: () => api<ResponseOf<"/api/contracts/{contractId}/invitations", "post">>(`/contracts/${contractId}/invitations`, { method: "POST", body: { email, ...value } }),
    onSuccess: async () => {
      setEmail("");
      setValue({ role: "partner", actionIds: [] });
      await refresh();
    },
    onError: (error) => setErrors(error instanceof ApiError ? error.fieldErrors() : {}),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    invite.mutate();
  };
  const done = invite.data;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="inviter">
      <h2 id="inviter" tabIndex={-1}>Inviter une personne</h2>
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
            description={
              done.outcome === "added"
                ? `${done.email} avait déjà un compte : la personne est membre dès maintenant${done.mailSent ? " et en a été prévenue par courriel" : ", mais le courriel n'a pas pu partir"}.`
                : done.mailSent
                  ? `Invitation envoyée à ${done.email}. Le lien est valable 7 jours, une seule fois.`
                  : `Invitation enregistrée pour ${done.email}, mais le courriel n'a pas pu partir : révoquez-la et réessayez plus tard.`
            }
          />
        )}
        <Input label="Adresse e-mail" nativeInputProps={{ id: fieldId("email"), ...controlProps(errors, "email", { required: true }), type: "email", value: email, onChange: (e) => setEmail(e.target.value) }} {...errorProps(errors, "email")} />
        <RoleFields value={value} onChange={setValue} fiches={fiches} errors={errors} />
        <Button type="submit" iconId="fr-icon-mail-line" iconPosition="left" disabled={invite.isPending}>
          {invite.isPending ? "Envoi…" : "Envoyer l'invitation"}
        </Button>
      </form>
    </section>
  );
}
