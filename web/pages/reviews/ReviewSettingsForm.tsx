/** The contract's settings of its reviews (coordination): the purpose reminder, and the publication on the public page. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useEffect, useState, type FormEvent } from "react";
import { ApiError } from "../../api/client";
import { useSaveReviewSettings, type ReviewSettings } from "../../api/reviews";
import { ErrorSummary, errorProps, fieldId, optional } from "../../components/form";
import { RichTextEditor } from "../../components/RichTextEditor";

/** The visible labels, which the error summary names its errors by. */
const PURPOSE_LABEL = optional("Rappel de l'objet de la revue");
const PUBLISH_LABEL = "Publier les revues sur la page publique du contrat";

export function ReviewSettingsForm({ contractId, settings }: { contractId: string; settings: ReviewSettings }) {
  const save = useSaveReviewSettings(contractId);
  const [purpose, setPurpose] = useState(settings.purpose);
  const [publishReviews, setPublishReviews] = useState(settings.publishReviews);
  const [version, setVersion] = useState(settings.version);
  const [saved, setSaved] = useState(false);
  // Settings read again from the server (after a save, or a reload after a conflict).
  useEffect(() => {
    setPurpose(settings.purpose);
    setPublishReviews(settings.publishReviews);
    setVersion(settings.version);
  }, [settings]);
  const dirty = purpose !== settings.purpose || publishReviews !== settings.publishReviews;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate({ purpose, publishReviews, version }, { onSuccess: () => setSaved(true) });
  };
  const problem = save.error instanceof ApiError ? save.error : null;
  const fieldErrors = problem?.fieldErrors() ?? {};
  return (
    <section aria-labelledby="reglages" className={fr.cx("fr-mb-6w")}>
      <h2 id="reglages">Réglages des revues</h2>
      <form onSubmit={submit} noValidate className="cles-narrow">
        <ErrorSummary errors={fieldErrors} labels={(path) => (path === "purpose" ? PURPOSE_LABEL : PUBLISH_LABEL)} />
        {save.error && !Object.keys(fieldErrors).length && (
          <Alert
            severity="error"
            title={problem?.status === 409 ? "Les réglages ont changé entre-temps" : "Les réglages n'ont pas été enregistrés"}
            description={
              problem?.status === 409 ? `${problem.detail} Votre texte est gardé ci-dessous ; rechargez la page pour voir la version enregistrée.` : save.error.message
            }
            className={fr.cx("fr-mb-3w")}
            role="alert"
          />
        )}
        <RichTextEditor
          id={fieldId("purpose")}
          label={PURPOSE_LABEL}
          hint="Repris au début de chaque nouvelle revue, par exemple l'article « Évaluation du contrat » qui prévoit les revues trimestrielles."
          value={purpose}
          onChange={(html) => {
            setPurpose(html);
            setSaved(false);
          }}
          error={fieldErrors.purpose}
        />
        <Checkbox
          options={[
            {
              label: PUBLISH_LABEL,
              hintText: "Chaque revue publiée y apparaît, en page imprimable, quand la page publique du contrat est en ligne.",
              nativeInputProps: {
                checked: publishReviews,
                onChange: (e) => {
                  setPublishReviews(e.target.checked);
                  setSaved(false);
                },
              },
            },
          ]}
          {...errorProps(fieldErrors, "publishReviews")}
        />
        {saved && !dirty && (
          <p role="status" className={fr.cx("fr-text--sm")}>
            Réglages enregistrés. Le rappel de l’objet est repris dans les revues rédigées ou actualisées ensuite.
          </p>
        )}
        <Button type="submit" priority="secondary" iconId="fr-icon-save-line" iconPosition="left" disabled={save.isPending}>
          {save.isPending ? "Enregistrement…" : "Enregistrer les réglages"}
        </Button>
      </form>
    </section>
  );
}
