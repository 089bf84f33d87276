/**
 * The contract's quarterly reviews: for the coordination, every started quarter with its
 * review's state (« Rédiger la revue », « Ouvrir ») and the reviews' settings; for readers,
 * the published reviews.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useContract } from "../../api/queries";
import { reviewPaths, useCreateReview, useReviews, type ReviewList, type ReviewQuarter, type ReviewSummary } from "../../api/reviews";
import { EmptyState, ErrorMessage, Loading, Page } from "../../components/Page";
import { reviewState } from "./reviewFormat";
import { ReviewSettingsForm } from "./ReviewSettingsForm";
import { SharedQuarter, sharedState } from "./SharedReviews";
import "./reviews.css";

export function ReviewListPage() {
  const { contractId = "" } = useParams();
  const contract = useContract(contractId);
  const reviews = useReviews(contractId);
  if (contract.isPending || reviews.isPending) return <Loading label="Chargement des revues trimestrielles…" />;
  const error = contract.error ?? reviews.error;
  if (error) return <ErrorMessage error={error} title="Les revues trimestrielles n'ont pas pu être chargées" />;
  const list = reviews.data!;
  return (
    <Page
      title="Revues trimestrielles"
      breadcrumb={[
        { label: "Contrats", to: "/" },
        { label: contract.data!.name, to: `/contrats/${contractId}` },
      ]}
    >
      <p className={fr.cx("fr-text--lead", "fr-mb-4w")}>
        Chaque trimestre, la revue fait la synthèse des rencontres et des avancées des fiches actions, et elle est partagée avec l'ensemble des acteurs du contrat.
      </p>
      {list.permissions.manage ? <CoordinationView contractId={contractId} list={list} /> : <PublishedReviews contractId={contractId} items={list.items} shared={list.sharedElsewhere} />}
    </Page>
  );
}

/** Readers: the published reviews, newest first, then the quarters whose review was shared before Clés. */
function PublishedReviews({ contractId, items, shared }: { contractId: string; items: ReviewSummary[]; shared: ReviewList["sharedElsewhere"] }) {
  const published = items.filter((r) => r.publishedNumber);
  if (published.length === 0 && shared.length === 0)
    return (
      <EmptyState title="Aucune revue n'est encore publiée.">
        <p>La coordination du contrat publie une revue à la fin de chaque trimestre ; vous la trouverez ici et vous serez prévenu·e par courriel.</p>
      </EmptyState>
    );
  return (
    <ul className="cles-quarters">
      {published.map((r) => (
        <li key={r.id}>
          <div>
            <h2 className={fr.cx("fr-h6", "fr-mb-0")}>{r.label}</h2>
            <p className="cles-quarters__state">{reviewState({ ...r, status: "published" })}</p>
          </div>
          <Button priority="secondary" size="small" linkProps={{ to: reviewPaths.review(contractId, r.id) }}>
            Lire la revue<span className={fr.cx("fr-sr-only")}>{` du ${r.label}`}</span>
          </Button>
        </li>
      ))}
      {shared.map((r) => (
        <li key={r.id}>
          <div>
            <h2 className={fr.cx("fr-h6", "fr-mb-0")}>{r.label}</h2>
            <p className="cles-quarters__state">{sharedState(r)}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

function CoordinationView({ contractId, list }: { contractId: string; list: ReviewList }) {
  const navigate = useNavigate();
  const create = useCreateReview(contractId);
  const [said, setSaid] = useState("");
  const byId = new Map(list.items.map((r) => [r.id, r]));
  // A review whose quarter is no longer among the contract's quarters (dates changed) is still listed.
  const orphans = list.items.filter((r) => !list.quarters.some((q) => q.reviewId === r.id));
  const start = (q: ReviewQuarter) =>
    create.mutate({ year: q.year, quarter: q.quarter }, { onSuccess: (view) => void navigate(reviewPaths.review(contractId, view.id), { state: { created: true } }) });
  return (
    <>
      <section aria-labelledby="trimestres" className={fr.cx("fr-mb-6w")}>
        <h2 id="trimestres">Les trimestres du contrat</h2>
        <p className={fr.cx("fr-text--sm")}>Une revue rédigée et partagée avant l'usage de Clés s'enregistre avec « Déjà partagée hors Clés » : le bilan annuel la compte.</p>
        <p role="status" className={fr.cx("fr-sr-only")}>
          {said}
        </p>
        {create.error && (
          <Alert severity="error" title="La revue n'a pas pu être rédigée" description={create.error.message} className={fr.cx("fr-mb-3w")} role="alert" />
        )}
        {list.quarters.length === 0 && orphans.length === 0 ? (
          <EmptyState title="Aucun trimestre du contrat n'a encore commencé.">
            <p>La revue d'un trimestre peut être rédigée dès que celui-ci a commencé, à partir des réunions, avancements et mesures qui y sont enregistrés.</p>
          </EmptyState>
        ) : (
          <ul className="cles-quarters">
            {list.quarters.map((q) => {
              const review = q.reviewId ? byId.get(q.reviewId) : undefined;
              const drafting = create.isPending && create.variables?.year === q.year && create.variables.quarter === q.quarter;
              const shared = list.sharedElsewhere.find((r) => r.year === q.year && r.quarter === q.quarter);
              return (
                <li key={`${q.year}-${q.quarter}`}>
                  <div>
                    <h3 className={fr.cx("fr-h6", "fr-mb-0")}>{q.label}</h3>
                    <p className="cles-quarters__state">{review ? reviewState(review) : shared ? sharedState(shared) : "Pas encore de revue"}</p>
                    {review && shared && <p className="cles-quarters__state">{sharedState(shared)}</p>}
                  </div>
                  <div className="cles-review-toolbar">
                    <SharedQuarter contractId={contractId} quarter={q} shared={shared} canRecord={!review?.publishedNumber} onSaved={setSaid} />
                    {review && <StatusBadge review={review} />}
                    {q.reviewId ? (
                      <Button priority={review?.status === "published" ? "secondary" : "primary"} size="small" linkProps={{ to: reviewPaths.review(contractId, q.reviewId) }}>
                        Ouvrir<span className={fr.cx("fr-sr-only")}>{` la revue du ${q.label}`}</span>
                      </Button>
                    ) : (
                      <Button priority="secondary" size="small" iconId="fr-icon-edit-line" iconPosition="left" disabled={create.isPending} onClick={() => start(q)}>
                        {drafting ? "Rédaction…" : "Rédiger la revue"}
                        <span className={fr.cx("fr-sr-only")}>{` du ${q.label}`}</span>
                      </Button>
                    )}
                  </div>
                </li>
              );
            })}
            {orphans.map((r) => (
              <li key={r.id}>
                <div>
                  <h3 className={fr.cx("fr-h6", "fr-mb-0")}>{r.label}</h3>
                  <p className="cles-quarters__state">{`${reviewState(r)} — trimestre hors de la période actuelle du contrat`}</p>
                </div>
                <Button priority="secondary" size="small" linkProps={{ to: reviewPaths.review(contractId, r.id) }}>
                  Ouvrir<span className={fr.cx("fr-sr-only")}>{` la revue du ${r.label}`}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ReviewSettingsForm contractId={contractId} settings={list.settings} />
      <p className={fr.cx("fr-text--sm")}>
        Les pilotes des fiches reçoivent un rappel deux semaines avant la fin de chaque trimestre pour les fiches sans avancement ; chacun peut s'en désabonner depuis{" "}
        <Link to="/mon-compte">son compte</Link>.
      </p>
    </>
  );
}

export function StatusBadge({ review }: { review: Pick<ReviewSummary, "status" | "statusLabel"> }) {
  const severity = review.status === "published" ? "success" : review.status === "correcting" ? "warning" : "new";
  return (
    <Badge small noIcon={review.status === "draft"} severity={severity}>
      {review.statusLabel}
    </Badge>
  );
}
