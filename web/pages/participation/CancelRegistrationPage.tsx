/**
 * A resident cancels their registration with the link of their confirmation e-mail
 * (route /public/annulation/:token), without an account. Nothing happens until they
 * confirm: opening the link (or a mail scanner following it) cancels nothing.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef } from "react";
import { useParams } from "react-router";
import { ApiError } from "../../api/client";
import { useCancelRegistration } from "../../api/participation";
import { Page } from "../../components/Page";

/**
 * The answer, focused when it comes, so that screen readers read it at once. The alert
 * inside is the live region (status or alert): the wrapper is none, as nested live regions
 * are read twice by some screen readers.
 */
function Outcome({ severity, title, message }: { severity: "success" | "error"; title: string; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert severity={severity} as="h2" title={title} description={message} className={fr.cx("fr-mb-4w")} />
    </div>
  );
}

/** The server's refusal in French: an unknown or used link, too many tries, the server away. */
function refusal(error: Error): string {
  if (!(error instanceof ApiError)) return "L'annulation n'a pas pu être envoyée. Réessayez dans quelques instants.";
  if (error.status === 400) return "Ce lien d'annulation n'est pas valide : vérifiez qu'il est complet (il arrive qu'un lien soit coupé en deux dans un courriel).";
  return error.detail;
}

export function CancelRegistrationPage() {
  const { token = "" } = useParams();
  const cancel = useCancelRegistration();
  // The same title before and after: a new title would take the focus from the answer (Page focuses its h1).
  if (cancel.data)
    return (
      <Page title="Annuler mon inscription">
        <Outcome severity="success" title="Votre inscription est annulée" message={cancel.data.message} />
        <p>Vous pouvez fermer cette page.</p>
      </Page>
    );
  return (
    <Page title="Annuler mon inscription">
      <div className="cles-narrow">
        {cancel.error && <Outcome severity="error" title="L'annulation n'a pas pu être faite" message={refusal(cancel.error)} />}
        <p>
          Vous vous êtes inscrit(e) à un atelier des habitants et vous ne pouvez plus venir ? Annulez votre inscription ci-dessous : votre place sera proposée à la
          personne suivante sur la liste d'attente.
        </p>
        <p>Vous avez changé d'avis ? Fermez simplement cette page : votre inscription reste valable.</p>
        <Button type="button" iconId="fr-icon-close-circle-line" iconPosition="left" disabled={cancel.isPending} onClick={() => cancel.mutate(token)}>
          {cancel.isPending ? "Annulation en cours…" : "Annuler mon inscription"}
        </Button>
      </div>
    </Page>
  );
}
