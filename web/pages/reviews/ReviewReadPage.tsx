/** A published version of a review, read-only and typeset like the document, with its files. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Link, useParams } from "react-router";
import { reviewPaths, usePublication, useReview } from "../../api/reviews";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { PublicationMeta } from "./ReviewEditorPage";
import { ReviewDocument } from "./ReviewDocument";
import { ReviewDownloads } from "./ReviewDownloads";
import { hasAnnexes } from "./reviewFormat";
import "./reviews.css";

export function ReviewReadPage() {
  const { contractId = "", reviewId = "", number: param = "" } = useParams();
  const number = Number(param);
  const review = useReview(contractId, reviewId);
  const publication = usePublication(contractId, reviewId, number, Number.isInteger(number));
  if (!Number.isInteger(number) || number < 1) return <ErrorMessage error={new Error("Ce numéro de version n'existe pas.")} title="Version introuvable" />;
  if (review.isPending || publication.isPending) return <Loading label="Chargement de la revue…" />;
  const error = review.error ?? publication.error;
  if (error) return <ErrorMessage error={error} title="La revue n'a pas pu être chargée" />;
  const view = review.data!;
  const version = publication.data!;
  const latest = view.publications.at(-1);
  return (
    <div className="cles-review-print">
      <Page
        title={`Revue trimestrielle — ${view.label} — version ${version.number}`}
        breadcrumb={[
          { label: "Contrats", to: "/" },
          { label: view.contractName, to: `/contrats/${view.contractId}` },
          { label: "Revues trimestrielles", to: reviewPaths.list(view.contractId) },
          { label: view.label, to: reviewPaths.review(view.contractId, view.id) },
        ]}
      >
        {latest && latest.number > version.number && (
          <Alert
            severity="info"
            small
            className={`${fr.cx("fr-mb-3w")} cles-no-print`}
            description={
              <>
                {`Cette version a été corrigée : la version ${latest.number} est la plus récente. `}
                <Link to={reviewPaths.version(view.contractId, view.id, latest.number)}>{`Lire la version ${latest.number}`}</Link>
              </>
            }
          />
        )}
        <div className="cles-review-toolbar fr-mb-2w cles-no-print">
          <ReviewDownloads reviewId={view.id} number={version.number} what={`de la version ${version.number}`} hasAnnexes={hasAnnexes(version.sections)} />
          <Button priority="tertiary" size="small" iconId="fr-icon-printer-line" iconPosition="left" onClick={() => window.print()} className={fr.cx("fr-mb-3w")}>
            Imprimer
          </Button>
        </div>
        <ReviewDocument contractName={view.contractName} label={view.label} sections={version.sections} meta={<PublicationMeta publication={{ ...version, notifiedCount: 0 }} />} />
      </Page>
    </div>
  );
}
