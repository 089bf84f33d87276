/**
 * What the open-data export holds (issue 15, item 5), described once (pure): each CSV file
 * with its Table Schema (fields, types, French descriptions, keys), the Data Package
 * descriptor (`datapackage.json`, Frictionless Data) and the README. No personal data: no
 * person's name, e-mail or phone — organisations only (no lead person, milestone owners,
 * meeting participants, minutes, authors, free comments).
 */

export type FieldType = "string" | "integer" | "number" | "date" | "yearmonth";

export interface Field {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

export interface ResourceSchema {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

const id = (title: string, description: string): Field => ({ name: "id", type: "string", title, description, constraints: { required: true, unique: true } });
const ref = (name: string, title: string, resource: string, description: string) => ({
  field: { name, type: "string" as const, title, description, constraints: { required: true } },
  key: { fields: [name], reference: { resource, fields: ["id"] } },
});
const contractRef = ref("contrat_id", "Contrat", "contrats", "Identifiant du contrat (colonne id de contrats.csv).");
const ficheRef = ref("fiche_id", "Fiche action", "fiches", "Identifiant de la fiche action (colonne id de fiches.csv).");

export const RESOURCES: ResourceSchema[] = [
  {
    name: "contrats",
    title: "Contrats locaux de santé",
    description: "Un contrat local de santé (CLS) par ligne : collectivité, période, statut suivant le calendrier, territoire.",
    primaryKey: ["id"],
    fields: [
      id("Identifiant", "Identifiant stable du contrat dans Clés."),
      { name: "identifiant_court", type: "string", title: "Identifiant court", description: "Identifiant court du contrat, tel qu'il figure dans les adresses." },
      { name: "nom", type: "string", title: "Nom", description: "Nom du contrat." },
      { name: "collectivite", type: "string", title: "Collectivité", description: "Collectivité signataire (commune, intercommunalité…)." },
      { name: "date_debut", type: "date", title: "Début", description: "Premier jour de la période du contrat." },
      { name: "date_fin", type: "date", title: "Fin", description: "Dernier jour de la période du contrat." },
      { name: "statut", type: "string", title: "Statut", description: "Statut du contrat suivant son calendrier à la date de l'export (un contrat signé dont la période a commencé est en cours, un contrat dont la période est finie est à évaluer)." },
      { name: "departements", type: "string", title: "Départements", description: "Codes INSEE des départements de ses communes, séparés par des virgules." },
      { name: "nombre_communes", type: "integer", title: "Communes", description: "Nombre de communes du territoire du contrat." },
      { name: "population", type: "integer", title: "Population", description: "Population totale des communes dont la population est connue." },
      { name: "nombre_fiches", type: "integer", title: "Fiches actions", description: "Nombre de fiches actions en vigueur (non archivées)." },
    ],
  },
  {
    name: "communes",
    title: "Communes des contrats",
    description: "Les communes du territoire de chaque contrat.",
    foreignKeys: [contractRef.key],
    fields: [
      contractRef.field,
      { name: "code_insee", type: "string", title: "Code INSEE", description: "Code officiel géographique (INSEE) de la commune.", constraints: { required: true } },
      { name: "nom", type: "string", title: "Nom", description: "Nom de la commune." },
      { name: "population", type: "integer", title: "Population", description: "Population de la commune, si elle est connue." },
      { name: "departement", type: "string", title: "Département", description: "Code INSEE du département de la commune." },
    ],
  },
  {
    name: "axes",
    title: "Axes stratégiques",
    description: "Les axes stratégiques de chaque contrat.",
    primaryKey: ["id"],
    foreignKeys: [contractRef.key],
    fields: [
      id("Identifiant", "Identifiant stable de l'axe."),
      contractRef.field,
      { name: "numero", type: "integer", title: "Numéro", description: "Numéro de l'axe dans le contrat." },
      { name: "intitule", type: "string", title: "Intitulé", description: "Intitulé de l'axe." },
    ],
  },
  {
    name: "fiches",
    title: "Fiches actions",
    description: "Les fiches actions en vigueur de chaque contrat (modèle de fiche de l'ARS), sans les personnes qui les pilotent.",
    primaryKey: ["id"],
    foreignKeys: [contractRef.key, { fields: ["axe_id"], reference: { resource: "axes", fields: ["id"] } }],
    fields: [
      id("Identifiant", "Identifiant stable de la fiche action."),
      contractRef.field,
      { name: "axe_id", type: "string", title: "Axe", description: "Identifiant de l'axe de la fiche (colonne id de axes.csv)." },
      { name: "numero", type: "integer", title: "Numéro", description: "Numéro de la fiche dans le contrat (FA n)." },
      { name: "intitule", type: "string", title: "Intitulé", description: "Intitulé de la fiche action." },
      { name: "statut", type: "string", title: "Statut", description: "Statut affiché à la date de l'export : le statut déclaré, « En retard » si une étape a dépassé sa date sans être réalisée, « Fusionnée » si la fiche a été fusionnée dans une autre." },
      { name: "statut_declare", type: "string", title: "Statut déclaré", description: "Statut déclaré par la coordination ou le pilote de la fiche." },
      { name: "fusionnee_dans", type: "string", title: "Fusionnée dans", description: "Identifiant de la fiche dans laquelle celle-ci a été fusionnée, s'il y a lieu." },
      { name: "porteur", type: "string", title: "Porteur", description: "Organisation qui porte l'action (jamais une personne)." },
      { name: "mois_debut", type: "yearmonth", title: "Début", description: "Mois de début prévu (AAAA-MM)." },
      { name: "mois_fin", type: "yearmonth", title: "Fin", description: "Mois de fin prévu (AAAA-MM)." },
      { name: "objectif_specifique", type: "string", title: "Objectif spécifique", description: "Objectif spécifique de la fiche." },
      { name: "public_cible", type: "string", title: "Public cible", description: "Public visé par l'action." },
      { name: "territoire", type: "string", title: "Territoire", description: "Territoire de l'action : tout le territoire du CLS, les quartiers prioritaires, des communes…" },
      { name: "budget_total", type: "integer", title: "Budget total", description: "Somme des montants de son budget, acquis et demandés, en euros (détail dans budgets.csv)." },
    ],
  },
  {
    name: "fiches_thematiques",
    title: "Thématiques des fiches",
    description: "Une ligne par thématique d'une fiche (une à trois par fiche).",
    foreignKeys: [ficheRef.key],
    fields: [
      ficheRef.field,
      { name: "thematique", type: "string", title: "Thématique", description: "Thématique de la liste du modèle de fiche." },
      { name: "precision", type: "string", title: "Précision", description: "Pour la thématique « Autre » : ce qu'elle recouvre." },
    ],
  },
  {
    name: "fiches_determinants",
    title: "Déterminants de santé visés par les fiches",
    description: "Une ligne par déterminant de santé visé par une fiche (un à trois par fiche).",
    foreignKeys: [ficheRef.key],
    fields: [ficheRef.field, { name: "determinant", type: "string", title: "Déterminant", description: "Déterminant de santé visé." }],
  },
  {
    name: "fiches_projets_prs",
    title: "Projets du Projet régional de santé (PRS)",
    description: "Une ligne par projet du Projet régional de santé auquel une fiche contribue.",
    foreignKeys: [ficheRef.key],
    fields: [ficheRef.field, { name: "code_prs", type: "string", title: "Code PRS", description: "Code du projet dans le PRS de la région (par exemple 2.3)." }],
  },
  {
    name: "indicateurs",
    title: "Indicateurs des fiches",
    description: "Les indicateurs de suivi et d'évaluation de chaque fiche.",
    primaryKey: ["id"],
    foreignKeys: [ficheRef.key],
    fields: [
      id("Identifiant", "Identifiant stable de l'indicateur."),
      ficheRef.field,
      { name: "type", type: "string", title: "Type", description: "Indicateur de processus, d'activité ou de résultat.", constraints: { enum: ["Processus", "Activité", "Résultat"] } },
      { name: "intitule", type: "string", title: "Intitulé", description: "Ce que l'indicateur mesure." },
      { name: "unite", type: "string", title: "Unité", description: "Unité des valeurs." },
      { name: "valeur_initiale", type: "number", title: "Valeur initiale", description: "Valeur de référence au début de l'action." },
      { name: "cible", type: "number", title: "Cible", description: "Valeur visée." },
    ],
  },
  {
    name: "mesures",
    title: "Mesures des indicateurs",
    description: "Les valeurs datées des indicateurs (sans leur auteur ni leur commentaire).",
    foreignKeys: [{ fields: ["indicateur_id"], reference: { resource: "indicateurs", fields: ["id"] } }, ficheRef.key],
    fields: [
      { name: "indicateur_id", type: "string", title: "Indicateur", description: "Identifiant de l'indicateur (colonne id de indicateurs.csv).", constraints: { required: true } },
      ficheRef.field,
      { name: "date", type: "date", title: "Date", description: "Date de la mesure." },
      { name: "valeur", type: "number", title: "Valeur", description: "Valeur mesurée, dans l'unité de l'indicateur." },
    ],
  },
  {
    name: "reunions",
    title: "Réunions des instances",
    description: "Les réunions tenues ou prévues des instances de gouvernance (hors réunions annulées) : leur type et leur date seulement.",
    foreignKeys: [contractRef.key],
    fields: [
      contractRef.field,
      { name: "type_instance", type: "string", title: "Type d'instance", description: "COPIL, COTECH, commission thématique, groupe de travail ou atelier d'habitants." },
      { name: "date", type: "date", title: "Date", description: "Jour de la réunion (heure de Paris)." },
    ],
  },
  {
    name: "budgets",
    title: "Budgets des fiches par financeur",
    description: "Le budget de chaque fiche : un montant par année et par organisation qui finance, acquis ou demandé.",
    foreignKeys: [ficheRef.key, contractRef.key],
    fields: [
      ficheRef.field,
      contractRef.field,
      { name: "annee", type: "integer", title: "Année", description: "Année du montant." },
      { name: "financeur", type: "string", title: "Financeur", description: "Organisation qui finance." },
      { name: "montant", type: "integer", title: "Montant", description: "Montant en euros." },
      { name: "statut", type: "string", title: "Statut", description: "Financement acquis ou demandé.", constraints: { enum: ["Acquis", "Demandé"] } },
    ],
  },
];

export const pathOf = (r: { name: string }) => `${r.name}.csv`;

/** The CSV files' dialect: RFC 4180 with a comma, UTF-8 without BOM, a header row. */
export const DIALECT = { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true };

/** The Data Package descriptor (Frictionless Data, tabular-data-package profile). */
export function dataPackage(scopeLabel: string, created: Date) {
  return {
    profile: "tabular-data-package",
    name: "cles-contrats-locaux-de-sante",
    title: `Contrats locaux de santé — ${scopeLabel}`,
    description:
      "Données ouvertes des contrats locaux de santé suivis dans Clés : contrats, territoires, axes, fiches actions (thématiques, déterminants, projets du PRS), indicateurs et mesures, réunions des instances, budgets par financeur. Sans donnée personnelle : ni nom, ni adresse électronique, ni téléphone d'une personne ; seules les organisations sont nommées.",
    created: created.toISOString(),
    licenses: [{ name: "etalab-2.0", title: "Licence Ouverte / Open Licence version 2.0", path: "https://www.etalab.gouv.fr/licence-ouverte-open-licence" }],
    resources: RESOURCES.map((r) => ({
      name: r.name,
      path: pathOf(r),
      title: r.title,
      description: r.description,
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: DIALECT,
      schema: { fields: r.fields, ...(r.primaryKey ? { primaryKey: r.primaryKey } : {}), ...(r.foreignKeys ? { foreignKeys: r.foreignKeys } : {}), missingValues: [""] },
    })),
  };
}

/** The README of the archive, in French. */
export function readme(scopeLabel: string, today: string): string {
  const files = RESOURCES.map((r) => `- \`${pathOf(r)}\` : ${r.title.toLowerCase()} — ${r.description}`).join("\n");
  return `# Contrats locaux de santé — ${scopeLabel}

Export des données ouvertes de Clés, la plateforme des contrats locaux de santé (CLS), au ${today}.

## Fichiers

${files}
- \`datapackage.json\` : la description de ces fichiers au format Data Package (Frictionless Data) : pour chaque
  colonne, son nom, son type et sa description, et les liens entre fichiers (clés primaires et étrangères).

## Format

CSV (RFC 4180) : virgule entre les colonnes, guillemets doubles autour des textes qui en ont besoin, UTF-8 sans BOM,
une ligne d'en-tête. Dates au format AAAA-MM-JJ, mois au format AAAA-MM, nombres avec un point décimal ; une cellule
vide est une valeur inconnue. Les textes sont reproduits tels qu'ils ont été saisis : dans un tableur, ouvrez les
fichiers par son assistant d'importation (encodage UTF-8, séparateur virgule) plutôt que par un double clic.

Les statuts (contrats et fiches) sont ceux affichés dans Clés à la date de l'export : ils suivent le calendrier.

## Données personnelles

Aucune : ni nom, ni adresse électronique, ni téléphone d'une personne. Les porteurs et financeurs sont des
organisations ; les personnes qui pilotent les fiches, les participants et les comptes rendus des réunions, les
auteurs et commentaires des mesures ne sont pas exportés.

## Licence

Licence Ouverte / Open Licence version 2.0 (Etalab).
`;
}
