/**
 * Putting a survey online and sharing it: the public address with a copy button, putting the
 * questionnaire online or withdrawing it, publishing the results on the contract's public
 * page or withdrawing them (each asked twice), and deleting the survey with its answers.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { useNavigate } from "react-router";
import { plural } from "../../format";
import { ConfirmButton } from "./confirm-button";
import { useDeleteSurvey, useSetSurveyPublication, type Survey } from "./survey-api";

/** The public page's address and a button that copies it (said in a status message). */
function ShareLink({ path }: { path: string }) {
  const url = `${window.location.origin}${path}`;
  const [said, setSaid] = useState("");
  const copy = () =>
    navigator.clipboard
      .writeText(url)
      .then(() => setSaid("Adresse copiée : collez-la dans un courriel, un message ou une affiche."))
      .catch(() => setSaid("La copie n'a pas fonctionné : sélectionnez l'adresse et copiez-la."));
  return (
    <>
      <div className="cles-survey-link">
        <a href={path}>
          {url}
        </a>
        <Button type="button" size="small" priority="secondary" iconId="fr-icon-clipboard-line" iconPosition="left" onClick={() => void copy()}>
          Copier l'adresse
        </Button>
      </div>
      <p role="status" className={fr.cx("fr-text--sm", "fr-mt-1w")}>
        {said}
      </p>
    </>
  );
}

export function PublicationSection({ survey: s }: { survey: Survey }) {
  const online = useSetSurveyPublication(s, "publication");
  const results = useSetSurveyPublication(s, "results-publication");
  const [said, setSaid] = useState("");
  const published = !!s.publishedAt;
  const resultsPublished = !!s.resultsPublishedAt;
  const error = online.error ?? results.error;
  return (
    <section aria-labelledby="diffusion" className={fr.cx("fr-mb-6w")}>
      <h2 id="diffusion" className={fr.cx("fr-h3")}>
        Diffusion
      </h2>
      {published ? (
        <>
          <p>Les habitants répondent sans compte à cette adresse, à diffuser par les partenaires :</p>
          <ShareLink path={s.publicPath} />
        </>
      ) : (
        <p>Le questionnaire n'est pas en ligne : sa page publique n'existe pas encore. Les membres du contrat peuvent déjà saisir des réponses papier.</p>
      )}
      <p className={fr.cx("fr-text--sm")}>
        {resultsPublished
          ? "Les résultats sont publiés : ils figurent sur la page publique du contrat et sous le questionnaire, sans les réponses libres."
          : "Les résultats ne sont pas publiés : seuls les membres du contrat les voient."}
      </p>
      {s.canManage && (
        <div className="cles-survey-actions">
          <ConfirmButton
            label={published ? "Retirer le questionnaire" : "Mettre en ligne"}
            confirm={published ? "Confirmer le retrait" : "Confirmer la mise en ligne"}
            iconId={published ? "fr-icon-eye-off-line" : "fr-icon-send-plane-line"}
            priority={published ? "secondary" : "primary"}
            warning={
              published
                ? "Sa page publique ne sera plus accessible ; les réponses reçues sont gardées."
                : `Le questionnaire sera accessible à tous à son adresse publique, et ouvert aux réponses ${s.state === "closed" ? "jusqu'à sa clôture (passée : modifiez d'abord les dates)" : "pendant ses dates"}.`
            }
            pending={online.isPending}
            onConfirm={() => online.mutate(!published, { onSuccess: () => setSaid(published ? "Le questionnaire est retiré." : "Le questionnaire est en ligne.") })}
          />
          <ConfirmButton
            label={resultsPublished ? "Retirer les résultats" : "Publier les résultats"}
            confirm={resultsPublished ? "Confirmer le retrait des résultats" : "Confirmer la publication"}
            iconId={resultsPublished ? "fr-icon-eye-off-line" : "fr-icon-bar-chart-box-line"}
            warning={
              resultsPublished
                ? "Les résultats ne seront plus visibles du public."
                : `Les résultats (${plural(s.answers.total, "réponse")}, sans les réponses libres) seront visibles de tous sur la page publique du contrat.`
            }
            pending={results.isPending}
            onConfirm={() => results.mutate(!resultsPublished, { onSuccess: () => setSaid(resultsPublished ? "Les résultats sont retirés de la page publique." : "Les résultats sont publiés.") })}
          />
        </div>
      )}
      <p role="status" className={said ? fr.cx("fr-text--bold") : fr.cx("fr-sr-only")}>
        {said}
      </p>
      {error && <Alert severity="error" small role="alert" description={error.message} />}
    </section>
  );
}

export function DeleteSection({ survey: s }: { survey: Survey }) {
  const navigate = useNavigate();
  const remove = useDeleteSurvey(s);
  return (
    <section aria-labelledby="supprimer" className={fr.cx("fr-mb-6w")}>
      <h2 id="supprimer" className={fr.cx("fr-h3")}>
        Supprimer le sondage
      </h2>
      <p>La suppression retire le questionnaire, sa page publique et ses résultats.</p>
      <ConfirmButton
        label="Supprimer le sondage"
        confirm="Confirmer la suppression"
        what={`« ${s.title} »`}
        iconId="fr-icon-delete-line"
        priority="tertiary"
        warning={
          s.answers.total === 0
            ? "Aucune réponse n'a été reçue."
            : `${s.answers.total === 1 ? "La réponse reçue sera supprimée" : `Les ${plural(s.answers.total, "réponse")} reçues seront supprimées`} définitivement, avec les adresses laissées. Exportez d'abord les réponses si besoin.`
        }
        pending={remove.isPending}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(`/contrats/${s.contractId}/sondages`) })}
      />
      {remove.error && <Alert severity="error" small role="alert" description={remove.error.message} className={fr.cx("fr-mt-2w")} />}
    </section>
  );
}
