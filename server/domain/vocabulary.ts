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

/** Déterminants de santé visés (1 to 3 per fiche), as the CAPVM seed's fiches write them. */
export const DETERMINANTS = [
  "Système de santé",
  "Circonstances matérielles",
  "Facteurs psychosociaux et environnement social",
  "Facteurs comportementaux (style de vie)",
  "Cohésion sociale",
  "Environnement physique",
  "Facteurs biologiques",
] as const;
export type Determinant = (typeof DETERMINANTS)[number];
export const MAX_DETERMINANTS = 3;

/** The short labels used before issue 15, still read in old files (JSON exports, spreadsheets). */
export const DETERMINANT_ALIASES: Readonly<Record<string, Determinant>> = {
  "Facteurs psychosociaux": "Facteurs psychosociaux et environnement social",
  Comportements: "Facteurs comportementaux (style de vie)",
};

/** A determinant of the list, or the one an old short label stands for; null when unknown (exact spelling). */
export function canonicalDeterminant(label: string): Determinant | null {
  if ((DETERMINANTS as readonly string[]).includes(label)) return label as Determinant;
  return DETERMINANT_ALIASES[label] ?? null;
}

/**
 * Secteur d'un partenaire dans le tableau des partenaires. The four before « Autre »
 * are those of the CAPVM seed's partner tables (FA 8, 9, 10, 15, 16), spelt as there
 * (its « Medico-social » with the accent the PDF extraction lost, as « Education »).
 */
export const PARTNER_SECTORS = [
  "Santé",
  "Social",
  "Politique de la ville",
  "Petite enfance",
  "Environnement",
  "Éducation",
  "Médico-social",
  "Aménagement",
  "Emploi/Insertion",
  "Logement/Habitat",
  "Autre",
] as const;
export type PartnerSector = (typeof PARTNER_SECTORS)[number];

/** Whether a funder's share of a fiche's budget is granted or only asked for. */
export const FUNDING_STATUSES = {
  secured: "Acquis",
  requested: "Demandé",
} as const;
export type FundingStatusKey = keyof typeof FUNDING_STATUSES;

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

/**
 * Articulation avec d'autres plans locaux: the local plans any region has (suggestions; free
 * text allowed). The PRS and the regional plans (PRSE…) come from the contract's region
 * (domain/referentials.ts, « Référentiels régionaux »), never from here.
 */
export const OTHER_PLANS = [
  "PCAET",
  "Contrat de ville",
  "PTSM",
  "PAT",
  "PDALHPD",
  "Schéma départemental",
] as const;

/** Kinds of governance bodies (server/domain/governance.ts holds the rest of their vocabulary). */
export const BODY_KINDS = {
  copil: "Comité de pilotage (COPIL)",
  cotech: "Comité technique (COTECH)",
  thematic: "Commission thématique",
  working_group: "Groupe de travail",
  residents: "Atelier d'habitants",
} as const;
export type BodyKind = keyof typeof BODY_KINDS;
export type RhythmKind = "per_year" | "every_months";
