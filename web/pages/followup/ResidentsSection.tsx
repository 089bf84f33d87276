/** What residents said about this fiche: the workshops' syntheses on its topics and the surveys linked to it (counts only; no one is named). */
import { fr } from "@codegouvfr/react-dsfr";
import { Link } from "react-router";
import { useFicheSurveys, useWorkshopSyntheses } from "../../api/followup";
import { formatDate } from "../../format";
import { PlainText, QueryList, Section } from "./kit";

export function ResidentsSection({ actionId, contractId }: { actionId: string; contractId: string }) {
  const syntheses = useWorkshopSyntheses(actionId);
  const surveys = useFicheSurveys(actionId);
  return (
    <Section id="habitants" title="Paroles d'habitants" intro="Synthèses des ateliers des habitants sur les thèmes liés à cette fiche, et sondages qui la concernent.">
      <h3 className={fr.cx("fr-h6", "fr-mb-2w")}>Ateliers des habitants</h3>
      <QueryList query={syntheses} loading="Chargement des synthèses…" failed="Les synthèses des ateliers n'ont pas pu être chargées" empty="Aucun atelier des habitants n'a encore traité un thème lié à cette fiche.">
        {(s) => (
          <li key={`${s.workshopId}-${s.topicTitle}`} className={fr.cx("fr-mb-2w")}>
            <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>
              {s.topicTitle} <span className={fr.cx("fr-text--regular", "fr-text--sm")}>— {s.workshopTitle}</span>
            </p>
            <p className={fr.cx("fr-mb-0")}>
              <PlainText text={s.text} />
            </p>
          </li>
        )}
      </QueryList>
      <h3 className={fr.cx("fr-h6", "fr-mt-4w", "fr-mb-2w")}>Sondages</h3>
      <QueryList query={surveys} loading="Chargement des sondages…" failed="Les sondages n'ont pas pu être chargés" empty="Aucun sondage n'est lié à cette fiche.">
        {(s) => (
          <li key={s.surveyId} className={fr.cx("fr-mb-2w")}>
            <p className={fr.cx("fr-text--bold", "fr-mb-1v")}>
              <Link to={`/contrats/${contractId}/sondages/${s.surveyId}`}>{s.title}</Link>{" "}
              <span className={fr.cx("fr-text--regular", "fr-text--sm")}>— clos le {formatDate(s.closesOn)}</span>
            </p>
            <p className={fr.cx("fr-mb-1v")}>{s.summary}</p>
            {s.highlights.length > 0 && (
              <ul className={fr.cx("fr-mb-0")}>
                {s.highlights.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            )}
          </li>
        )}
      </QueryList>
    </Section>
  );
}
