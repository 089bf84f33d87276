/**
 * A review at /contrats/:contractId/revues/:reviewId: the editor for the coordination
 * (draft, correction), the published review with « Corriger » once published, and for
 * readers the last published version, read-only.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useLocation, useParams } from "react-router";
import { ApiError } from "../../api/client";
import { reviewPaths, useCorrectReview, useReview, type ReviewView } from "../../api/reviews";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { ReviewDocument } from "./ReviewDocument";
import { ReviewDownloads } from "./ReviewDownloads";
import { ReviewEditor } from "./ReviewEditor";
import { StatusBadge } from "./ReviewListPage";
import { PublicationsList } from "./ReviewPanels";
import { ReviewRelays } from "../referents/ReviewRelays";
import { formatDay, formatDayTime, hasAnnexes, members } from "./reviewFormat";
import { pluralWord } from "../../format";
import "./reviews.css";

const crumbs = (view: Pick<ReviewView, "contractId" | "contractName">) => [
  { label: "Contrats", to: "/" },
  { label: view.contractName, to: `/contrats/${view.contractId}` },
  { label: "Revues trimestrielles", to: reviewPaths.list(view.contractId) },
];

export function ReviewEditorPage() {
  const { contractId = "", reviewId = "" } = useParams();
  const review = useReview(contractId, reviewId);
  if (review.isPending) return <Loading label="Chargement de la revue…" />;
  if (review.error) return <ErrorMessage error={review.error} title="La revue n'a pas pu être chargée" />;
  const view = review.data;
  if (!view.permissions.manage) return <ReaderView view={view} />;
  return <CoordinationReview view={view} />;
}

/** The last published version, for a member who reads the contract. */
function ReaderView({ view }: { view: ReviewView }) {
  const last = view.publications.at(-1);
  return (
    <Page title={`Revue trimestrielle — ${view.label}`} breadcrumb={crumbs(view)}>
      {!last ? (
        <EmptyState title="Cette revue n'est pas encore publiée." />
      ) : (
        <>
          <ReviewDownloads reviewId={view.id} number={last.number} what={`de la version ${last.number}`} hasAnnexes={hasAnnexes(view.sections)} />
          <ReviewDocument contractName={view.contractName} label={view.label} sections={view.sections} meta={<PublicationMeta publication={last} />} />
          {view.publications.length > 1 && <PublicationsList contractId={view.contractId} reviewId={view.id} publications={view.publications} />}
        </>
      )}
    </Page>
  );
}

export function PublicationMeta({ publication }: { publication: ReviewView["publications"][number] }) {
  return (
    <>
      <p className="cles-review__meta">{`Version ${publication.number} publiée le ${formatDay(publication.publishedAt)} par ${publication.publishedByName}`}</p>
      {publication.correctionNote && (
        <p className="cles-review__meta">
          <strong>Correction : </strong>
          {publication.correctionNote}
        </p>
      )}
    </>
  );
}

function CoordinationReview({ view }: { view: ReviewView }) {
  const location = useLocation();
  const [published, setPublished] = useState<ReviewView | null>(null);
  const [corrected, setCorrected] = useState(false);
  const created = (location.state as { created?: boolean } | null)?.created;
  const last = view.publications.at(-1);
  const header = (
    <>
      <div className="cles-review-toolbar fr-mb-2w">
        <StatusBadge review={view} />
        <span className={fr.cx("fr-text--sm", "fr-mb-0")}>
          {last ? `Version ${last.number} publiée le ${formatDay(last.publishedAt)}` : "Jamais publiée"}
          {view.refreshedAt && ` · données lues le ${formatDayTime(view.refreshedAt)}`}
        </span>
      </div>
      {corrected && view.status === "correcting" && last && (
        <Focused>
          <Alert
            severity="info"
            small
            className={fr.cx("fr-mb-3w")}
            description={`Correction commencée : modifiez la revue puis publiez la version ${last.number + 1}. La version ${last.number} reste publiée d'ici là.`}
          />
        </Focused>
      )}
      {created && view.status === "draft" && !last && (
        <Alert
          severity="info"
          small
          className={fr.cx("fr-mb-3w")}
          description="Brouillon rédigé à partir des données du trimestre. Relisez chaque section, modifiez les textes, masquez ce qui n'a pas lieu d'être, puis publiez."
        />
      )}
    </>
  );
  return (
    <Page title={`Revue trimestrielle — ${view.label}`} breadcrumb={crumbs(view)}>
      {view.status === "published" ? (
        <PublishedReview view={view} header={header} justPublished={published?.version === view.version ? published : null} onCorrected={() => setCorrected(true)} />
      ) : (
        <>
          <ReviewEditor key={`${view.id}-${view.publications.length}`} view={view} header={header} onPublished={setPublished} />
          <section aria-labelledby="telechargements" className={fr.cx("fr-mt-6w", "fr-mb-6w")}>
            <h2 id="telechargements">Télécharger le brouillon</h2>
            <p className={fr.cx("fr-text--sm")}>Le brouillon tel qu'il est enregistré (enregistrez d'abord vos dernières modifications).</p>
            <ReviewDownloads reviewId={view.id} what="du brouillon" hasAnnexes={hasAnnexes(view.sections)} />
          </section>
        </>
      )}
      <PublicationsList contractId={view.contractId} reviewId={view.id} publications={view.publications} />
      {view.publications.length > 0 && <ReviewRelays contractId={view.contractId} reviewId={view.id} />}
    </Page>
  );
}

/** A published review for the coordination: as it reads, its files, and « Corriger » to prepare the next version. */
function PublishedReview({ view, header, justPublished, onCorrected }: { view: ReviewView; header: ReactNode; justPublished: ReviewView | null; onCorrected: () => void }) {
  const correct = useCorrectReview(view.contractId, view.id);
  const last = view.publications.at(-1)!;
  const problem = correct.error instanceof ApiError ? correct.error : null;
  return (
    <>
      {header}
      {justPublished && (
        <Focused>
          <Alert
            severity="success"
            role="status"
            className={fr.cx("fr-mb-3w")}
            title={`Version ${last.number} publiée`}
            description={last.notifiedCount > 0 ? `${members(last.notifiedCount)} du contrat ${pluralWord(last.notifiedCount, "a été prévenu", "ont été prévenus")} par courriel.` : "La revue est publiée."}
          />
        </Focused>
      )}
      <div className="cles-review-toolbar fr-mb-3w">
        <Button priority="secondary" iconId="fr-icon-edit-line" iconPosition="left" disabled={correct.isPending} onClick={() => correct.mutate(view.version, { onSuccess: onCorrected })}>
          Corriger
        </Button>
        <span className={fr.cx("fr-text--sm", "fr-mb-0")}>{`Prépare la version ${last.number + 1} ; la version ${last.number} reste publiée jusqu'à la publication de la suivante.`}</span>
      </div>
      {correct.error && (
        <Alert
          severity="error"
          role="alert"
          className={fr.cx("fr-mb-3w")}
          title="La correction n'a pas pu commencer"
          description={
            problem?.status === 409 ? (
              <>
                {problem.detail} <a href={window.location.pathname}>Recharger la page</a>
              </>
            ) : (
              correct.error.message
            )
          }
        />
      )}
      <ReviewDownloads reviewId={view.id} number={last.number} what={`de la version ${last.number}`} hasAnnexes={hasAnnexes(view.sections)} />
      <ReviewDocument contractName={view.contractName} label={view.label} sections={view.sections} meta={<PublicationMeta publication={last} />} />
    </>
  );
}

/** A message that takes the focus when it appears (after the button that led to it went away). */
function Focused({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="cles-focus-target">
      {children}
    </div>
  );
}
