import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Fragment } from "react";
import { useOutbox } from "../../api/accounts";
import { EmptyState, Loading, Page } from "../../components/Page";
import { localDateTime } from "../../format";

/** Links of a plain-text mail, made clickable. */
function Linked({ text }: { text: string }) {
  return text.split(/(https?:\/\/\S+)/).map((part, i) => (
    <Fragment key={i}>{/^https?:\/\//.test(part) ? <a href={part}>{part}</a> : part}</Fragment>
  ));
}

/** Development only: the mail that would have been sent, when no SMTP server is set. */
export function OutboxPage() {
  const outbox = useOutbox();
  return (
    <Page title="Courriels de développement">
      <Alert
        severity="info"
        small
        description="Aucun serveur SMTP n'est configuré (variable SMTP_URL) : les courriels sont écrits dans le dossier outbox des données et affichés ici, du plus récent au plus ancien."
        className={fr.cx("fr-mb-4w")}
      />
      {outbox.isPending ? (
        <Loading label="Chargement des courriels…" />
      ) : outbox.error ? (
        <EmptyState title="Cette page n'est pas ouverte sur cette instance : elle sert à la démonstration locale (npm start, sans serveur SMTP), depuis la machine qui sert l'application." />
      ) : outbox.data.items.length === 0 ? (
        <EmptyState title="Aucun courriel pour l'instant." />
      ) : (
        outbox.data.items.map((m) => (
          <article key={m.id} className={fr.cx("fr-mb-4w")} aria-label={m.subject}>
            <h2 className={fr.cx("fr-h6", "fr-mb-1v")}>{m.subject}</h2>
            <p className={fr.cx("fr-text--sm", "fr-mb-1w")}>{`À ${m.to} — ${localDateTime(m.date)}`}</p>
            <p className="cles-prewrap cles-mail">
              <Linked text={m.text} />
            </p>
          </article>
        ))
      )}
    </Page>
  );
}
