import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { api } from "../../api/client";
import type { ResponseOf } from "../../api/types";
import { formatDay } from "../../format";

type Pending = ResponseOf<"/api/admin/ars-invitations", "get">;
export const arsInvitationKey = ["admin-ars-invitations"] as const;

/** The ARS invitations still waiting, each revocable (its link then no longer serves; the person may be invited again). */
export function ArsInvitationList() {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const pending = useQuery({ queryKey: arsInvitationKey, queryFn: ({ signal }) => api<Pending>("/admin/ars-invitations", { signal }) });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/admin/ars-invitations/${id}`, { method: "DELETE" }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: arsInvitationKey });
      heading.current?.focus();
    },
  });
  if (pending.isPending) return <p role="status">Chargement des invitations ARS en attente…</p>;
  if (pending.error) return <Alert severity="error" small description={`Les invitations en attente n'ont pas pu être chargées : ${pending.error.message}`} />;
  const invitations = pending.data.invitations;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="invitations-ars">
      <h2 id="invitations-ars" ref={heading} tabIndex={-1}>{`Invitations ARS en attente (${invitations.length})`}</h2>
      {revoke.error && <Alert severity="error" small role="alert" description={`L'invitation n'a pas été révoquée : ${revoke.error.message}`} className={fr.cx("fr-mb-2w")} />}
      {invitations.length === 0 ? (
        <p>Aucune invitation en attente.</p>
      ) : (
        <ul>
          {invitations.map((i) => (
            <li key={i.id} className={fr.cx("fr-mb-1w")}>
              {`${i.email} — ${i.territory} · invité·e par ${i.invitedBy ?? "—"} le ${formatDay(String(i.createdAt))}, valable jusqu'au ${formatDay(String(i.expiresAt))} `}
              <Button size="small" priority="tertiary" onClick={() => revoke.mutate(i.id)} disabled={revoke.isPending}>
                Révoquer
                <span className={fr.cx("fr-sr-only")}>{` l'invitation de ${i.email}`}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
