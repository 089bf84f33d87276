import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api } from "../../api/client";
import { ScrollTable } from "../../components/ScrollTable";
import type { ResponseOf } from "../../api/types";
import { formatDateTime, plural } from "../../format";

type Failures = ResponseOf<"/api/admin/mail-failures", "get">;
type Failure = Failures["items"][number];
export const mailFailureKey = ["admin-mail-failures"] as const;

function stateText(mail: Failure): string {
  if (mail.state === "failed") return `Abandonné après ${plural(mail.tries, "essai", "essais")}`;
  return mail.nextTryAt ? `Nouvel essai prévu le ${formatDateTime(mail.nextTryAt)}` : "Nouvel essai prévu";
}

/** « Courriels non remis »: mail the SMTP server did not take, waiting for another try or given up, and « Renvoyer ». */
export function MailFailureList() {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [sent, setSent] = useState<string | null>(null);
  const failures = useQuery({ queryKey: mailFailureKey, queryFn: ({ signal }) => api<Failures>("/admin/mail-failures", { signal }), refetchInterval: 30_000 });
  const retry = useMutation({
    mutationFn: (mail: Failure) => api(`/admin/mail-failures/${mail.id}/retry`, { method: "POST" }),
    onSuccess: (_data, mail) => setSent(`Le courriel « ${mail.subject} » à ${mail.to} est renvoyé.`),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: mailFailureKey });
      heading.current?.focus();
    },
  });
  if (failures.isPending) return <p role="status">Chargement des courriels non remis…</p>;
  if (failures.error) return <Alert severity="error" small description={`Les courriels non remis n'ont pas pu être chargés : ${failures.error.message}`} />;
  const items = failures.data.items;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="courriels-non-remis">
      <h2 id="courriels-non-remis" ref={heading} tabIndex={-1}>{`Courriels non remis (${items.length})`}</h2>
      <p className={fr.cx("fr-text--sm")}>
        Quand le serveur de courriel ne répond pas, chaque message est réessayé cinq fois, à intervalles de plus en plus longs, pendant une demi-heure environ. Ceux qui sont abandonnés après ces essais peuvent être renvoyés ici une fois le serveur rétabli.
      </p>
      <div role="status" aria-live="polite">
        {sent && !retry.isPending && <Alert severity="success" small description={sent} className={fr.cx("fr-mb-2w")} />}
      </div>
      {retry.error && <Alert severity="error" small role="alert" description={`Le courriel n'a pas été renvoyé : ${retry.error.message}`} className={fr.cx("fr-mb-2w")} />}
      {items.length === 0 ? (
        <p>Aucun courriel en attente : tous les messages ont été remis.</p>
      ) : (
        <ScrollTable
          caption="Courriels non remis, leur état et la réponse du serveur"
          hideCaption
          headers={["Destinataire", "Objet", "Écrit le", "État", "Réponse du serveur", "Action"]}
          rows={items.map((mail) => [
            mail.to,
            mail.subject,
            formatDateTime(mail.createdAt),
            stateText(mail),
            <code key="error">{mail.error ?? "—"}</code>,
            mail.state === "failed" ? (
              <Button key="retry" size="small" priority="secondary" onClick={() => retry.mutate(mail)} disabled={retry.isPending}>
                Renvoyer
                <span className={fr.cx("fr-sr-only")}>{` le courriel « ${mail.subject} » à ${mail.to}`}</span>
              </Button>
            ) : (
              "—"
            ),
          ])}
        />
      )}
    </section>
  );
}
