/**
 * A survey's results: how many answered and when, each question's results, and for the
 * contract's readers the exports and the results split by commune, QPV or age band
 * (« Croiser par »). The public page shows the same view without the free texts.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { formatDate, plural } from "../../format";
import { answersCsvUrl, resultsXlsxUrl, useSurveyResults, type Results, type Survey } from "./survey-api";
import { CrossTabs } from "./results-crosstab";
import { QuestionResults } from "./results-question";

export const NO_ANSWER_YET = "Aucune réponse pour le moment.";

/** « 17 réponses, dont 3 saisies depuis des questionnaires papier, reçues du 1er au 30 juin 2021. » */
export function answersSummary(r: Pick<Results, "total" | "paper" | "firstAnswerOn" | "lastAnswerOn">): string {
  const paper = r.paper > 0 ? `, dont ${plural(r.paper, "saisie", "saisies")} depuis des questionnaires papier` : "";
  const when = r.firstAnswerOn && r.lastAnswerOn ? (r.firstAnswerOn === r.lastAnswerOn ? `, reçues le ${formatDate(r.firstAnswerOn)}` : `, reçues du ${formatDate(r.firstAnswerOn)} au ${formatDate(r.lastAnswerOn)}`) : "";
  return `${plural(r.total, "réponse")}${paper}${when}.`;
}

/** Each question's results (an h3 each), or the empty state. */
export function ResultsView({ results, publicView = false }: { results: Results; publicView?: boolean }) {
  if (results.total === 0) return <p className="cles-empty">{NO_ANSWER_YET}</p>;
  return (
    <>
      {results.questions.map((q, i) => (
        <QuestionResults key={q.questionId} result={q} index={i} publicView={publicView} />
      ))}
    </>
  );
}

/** The coordination's and members' results section, with the exports and the cross-tabulation. */
export function SurveyResultsSection({ survey }: { survey: Survey }) {
  const [by, setBy] = useState("");
  const results = useSurveyResults(survey.id, by);
  const r = results.data;
  return (
    <section aria-labelledby="resultats" className={fr.cx("fr-mb-6w")}>
      <h2 id="resultats" className={fr.cx("fr-h3")}>
        Résultats
      </h2>
      {results.isPending && <p>Chargement des résultats…</p>}
      {results.error && <Alert severity="error" small role="alert" description={results.error.message} className={fr.cx("fr-mb-2w")} />}
      {r && (
        <>
          <p>{answersSummary(r)}</p>
          <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md", "fr-btns-group--sm", "fr-btns-group--icon-left")}>
            <li>
              <a className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-download-line", "fr-btn--icon-left")} href={answersCsvUrl(survey.id)} download>
                Exporter les réponses (CSV)
              </a>
            </li>
            <li>
              <a className={fr.cx("fr-btn", "fr-btn--secondary", "fr-icon-download-line", "fr-btn--icon-left")} href={resultsXlsxUrl(survey.id)} download>
                Exporter les résultats (XLSX)
              </a>
            </li>
          </ul>
          <p className={fr.cx("fr-text--sm")}>Les exports sont anonymes : ils ne contiennent aucune adresse e-mail.</p>
          {r.total > 0 && r.profiles.length > 0 && (
            <div className="cles-survey-by">
              <Select
                label="Croiser par"
                hint="Répartir les réponses selon la commune, le quartier ou la tranche d'âge déclarés."
                nativeSelectProps={{ id: "croiser-par", value: by, onChange: (e) => setBy(e.target.value) }}
              >
                <option value="">Ne pas croiser</option>
                {r.profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </Select>
              <p role="status" className={fr.cx("fr-sr-only")}>
                {results.isFetching ? "Chargement des résultats croisés…" : r.by ? `Résultats croisés par « ${r.by.label} » affichés ci-dessous.` : ""}
              </p>
            </div>
          )}
          {r.by && (
            <div className={fr.cx("fr-mb-4w")}>
              <h3 className={fr.cx("fr-h5")}>{`Résultats selon « ${r.by.label} »`}</h3>
              <CrossTabs tabs={r.crossTabs} by={r.by} />
            </div>
          )}
          <ResultsView results={r} />
        </>
      )}
    </section>
  );
}
