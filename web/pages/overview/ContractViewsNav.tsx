/** On the contract's page: where to follow the contract (dashboard, COTECH table, timeline, governance, meetings, calendar, residents' workshops, quarterly reviews). */
import { fr } from "@codegouvfr/react-dsfr";
import { Tile } from "@codegouvfr/react-dsfr/Tile";

const VIEWS = [
  { path: "tableau-de-bord", title: "Tableau de bord", desc: "Statuts des fiches, retards, indicateurs, alertes" },
  { path: "tableau-cotech", title: "Tableau COTECH", desc: "Avancement par fiche pour une année, à imprimer ou exporter" },
  { path: "chronologie", title: "Chronologie", desc: "Les fiches et leurs étapes sur la période du contrat" },
  { path: "gouvernance", title: "Gouvernance", desc: "Instances, membres et rythme des réunions" },
  { path: "reunions", title: "Réunions", desc: "Ordres du jour, présences, comptes rendus" },
  { path: "calendrier", title: "Calendrier", desc: "Les réunions à venir et l'abonnement au calendrier" },
  { path: "ateliers", title: "Ateliers des habitants", desc: "Appels à participation, inscriptions, tables World Café et synthèses" },
  { path: "sondages", title: "Sondages", desc: "Questionnaires aux habitants, réponses en ligne ou sur papier, résultats" },
  { path: "ambassadeurs", title: "Ambassadeurs santé", desc: "Réseau par quartier prioritaire, formations, actions menées" },
  { path: "revues", title: "Revues trimestrielles", desc: "La synthèse de chaque trimestre, rédigée depuis les données et partagée" },
  { path: "bilan-annuel", title: "Bilan annuel", desc: "Instances, fiches, indicateurs et participation d'une année, en DOCX ou PDF" },
  { path: "evaluation", title: "Évaluation", desc: "Le bilan de fin de contrat, son questionnaire aux membres et sa validation en COPIL" },
] as const;

export function ContractViewsNav({ contractId }: { contractId: string }) {
  return (
    <nav aria-labelledby="pilotage" className={fr.cx("fr-mb-6w")}>
      <h2 id="pilotage">Pilotage et suivi</h2>
      <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
        {VIEWS.map((v) => (
          <li key={v.path} className={fr.cx("fr-col-12", "fr-col-sm-6", "fr-col-lg-4")}>
            <Tile small orientation="horizontal" titleAs="h3" title={v.title} desc={v.desc} linkProps={{ to: `/contrats/${contractId}/${v.path}` }} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
