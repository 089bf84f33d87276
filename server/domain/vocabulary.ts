/**
 * The controlled vocabularies of the ARS Île-de-France fiche action template
 * (shared/domain.md §2). Values are stored as they read in French: they are
 * the words users see, in exports too, and the list can grow without a
 * migration.
 */

/** Thèmes (1 to 3 per fiche); "Autre" comes with a free text. */
export const THEMES = [
  "Accès aux soins",
  "Accès aux droits",
  "Accueil de la grande précarité par l'offre de soins",
  "Activité physique",
  "Addiction",
  "Alimentation / nutrition",
  "Approche urbaine / EIS",
  "Cancer",
  "Démarche participative (dont santé communautaire)",
  "Développement des compétences psychosociales",
  "Dispositif de coordination",
  "Intervention globale pour personne en difficulté sociale",
  "Lutte contre le VIH",
  "Maladies chroniques cardiométaboliques",
  "Nuisances environnementales (sites pollués, air, bruit)",
  "Parcours de soins",
  "Périnatalité",
  "Personnes âgées / perte d'autonomie",
  "Handicap",
  "Précarité énergétique",
  "Santé de l'enfant",
  "Santé des adolescents et jeunes adultes",
  "Santé mentale",
  "Santé sexuelle",
  "Vaccination",
  "Violences",
  "Autre",
] as const;
export type Theme = (typeof THEMES)[number];
export const OTHER_THEME: Theme = "Autre";

/** Déterminant de santé visé. */
export const DETERMINANTS = [
  "Système de santé",
  "Circonstances matérielles",
  "Facteurs psychosociaux",
  "Comportements",
  "Cohésion sociale",
  "Environnement physique",
  "Facteurs biologiques",
] as const;
export type Determinant = (typeof DETERMINANTS)[number];

/** Secteur d'un partenaire dans le tableau des partenaires. */
export const PARTNER_SECTORS = [
  "Santé",
  "Social",
  "Politique de la ville",
  "Petite enfance",
  "Environnement",
  "Éducation",
  "Autre",
] as const;
export type PartnerSector = (typeof PARTNER_SECTORS)[number];

/** Degré de participation des habitants. */
export const PARTICIPATION_DEGREES = {
  information: "Information",
  consultation: "Consultation",
  concertation: "Concertation",
  involvement: "Implication",
  partnership: "Partenariat",
  co_construction: "Co-construction",
} as const;
export type ParticipationDegree = keyof typeof PARTICIPATION_DEGREES;

/** "La problématique est-elle intégrée dans le volet santé du contrat de ville ?" */
export const CITY_CONTRACT_ANSWERS = {
  yes: "Oui",
  no: "Non",
  not_concerned: "Non concerné",
} as const;
export type CityContractAnswer = keyof typeof CITY_CONTRACT_ANSWERS;

/** Territoire d'une fiche. "Infra-communal" may name the communes concerned. */
export const TERRITORY_SCOPES = {
  whole: "Tout le territoire du CLS",
  priority_areas: "Quartiers prioritaires (QPV)",
  communes: "Communes listées",
  sub_municipal: "Infra-communal",
} as const;
export type TerritoryScope = keyof typeof TERRITORY_SCOPES;

/** Types d'indicateurs du bloc « Suivi et évaluation ». */
export const INDICATOR_KINDS = {
  process: "Processus",
  activity: "Activité",
  result: "Résultat",
} as const;
export type IndicatorKind = keyof typeof INDICATOR_KINDS;

/** Articulation avec d'autres plans locaux (suggestions; free text allowed). */
export const OTHER_PLANS = [
  "PRS 2",
  "PRSE 3",
  "PCAET",
  "Contrat de ville",
  "PTSM",
  "PAT",
  "PDALHPD",
  "Schéma départemental",
] as const;
