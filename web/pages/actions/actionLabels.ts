/**
 * The visible labels of the fiche form's fields (without « (facultatif) », which the optional
 * ones add): the fields show them, and the error summary names each error's field by them.
 */
import { describeImportPath } from "../../../server/shared";

export const ACTION_LABELS = {
  number: "Numéro",
  title: "Intitulé de l'action",
  axisId: "Axe stratégique",
  objectiveId: "Objectif",
  "lead.organisation": "Porteur de l'action",
  "lead.person": "Personne référente",
  startMonth: "Début",
  endMonth: "Fin",
  status: "Statut",
  "justification.text": "Justification de l'action",
  specificObjective: "Objectif spécifique",
  operationalObjectives: "Objectifs opérationnels",
  description: "Description de l'action",
  targetPublic: "Public cible",
  place: "Lieu de l'action",
  "territory.scope": "Territoire de l'action",
  "territory.communes": "Communes concernées",
  determinants: "Déterminants visés",
  otherPlans: "Autres plans",
  prsProjects: "Projets du Schéma régional de santé auxquels l'action contribue",
  "participation.how": "Si oui, précisez",
  "participation.degree": "Quel degré ?",
  // Lists, named by their part of the form.
  themes: "Typologie et thématique",
  partners: "Partenaires et participation",
  indicators: "Suivi et évaluation",
  budgets: "Budget",
} as const;

/** « Objectif opérationnel 2 », « Thème 1 »: the label of the n-th (from 0) entry of a simple list. */
export const operationalObjectiveLabel = (i: number) => `Objectif opérationnel ${i + 1}`;
export const themeLabel = (i: number) => `Thème ${i + 1}`;
export const THEME_OTHER_LABEL = "Si autre, précisez";

/** The fields of each entry of the fiche's lists, by list: the group's name, then each field's label. */
export const ITEM_LABELS = {
  partners: { group: "partenaire", sector: "Secteur", organisation: "Partenaire", person: "Personne" },
  indicators: { group: "indicateur", kind: "Type", label: "Libellé", unit: "Unité", baseline: "Valeur de départ", target: "Cible" },
  budgets: { group: "ligne de budget", year: "Année", amount: "Montant (en euros)", funderId: "Financeur", status: "Financement" },
} as const;

/**
 * The error summary's name for the field of `path`: its visible label, and for a field of a list's
 * entry, which entry (« Libellé (indicateur 2) »).
 */
export function actionErrorLabel(path: string): string {
  const parts = path.split(".");
  const [head = "", index, field] = parts;
  const n = Number(index);
  if (head === "operationalObjectives" && index !== undefined) return operationalObjectiveLabel(n);
  if (head === "themes" && index !== undefined) return field === "other" ? `${THEME_OTHER_LABEL} (${themeLabel(n).toLowerCase()})` : themeLabel(n);
  if (head in ITEM_LABELS && index !== undefined) {
    const item: Record<string, string> = ITEM_LABELS[head as keyof typeof ITEM_LABELS];
    const entry = `${item.group} ${n + 1}`;
    const label = field === undefined ? undefined : item[field];
    return label ? `${label} (${entry})` : entry.charAt(0).toUpperCase() + entry.slice(1);
  }
  const labels: Record<string, string> = ACTION_LABELS;
  return labels[path] ?? labels[`${head}.${index}`] ?? labels[head] ?? describeImportPath(parts, undefined);
}
