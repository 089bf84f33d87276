/**
 * The sections of a contract, as its menu (web/components/ContractMenu.tsx) and the site map
 * list them: where each is, its name, and which permission of the contract opens it (none:
 * every reader of the contract). Pure, so that the menu's choices are unit-tested.
 */

/** The permissions of a contract page (`contract.permissions`) that gate a section. */
export type SectionPermission = "manageMembers" | "readHistory";

export interface ContractSection {
  /** Under `/contrats/:contractId/` ("" is the contract's own page). */
  path: string;
  label: string;
  permission?: SectionPermission;
}

export const CONTRACT_SECTIONS: readonly ContractSection[] = [
  { path: "", label: "Présentation du contrat" },
  { path: "tableau-de-bord", label: "Tableau de bord" },
  { path: "fiches", label: "Fiches actions" },
  { path: "tableau-cotech", label: "Tableau COTECH" },
  { path: "chronologie", label: "Chronologie" },
  { path: "gouvernance", label: "Gouvernance" },
  { path: "reunions", label: "Réunions" },
  { path: "calendrier", label: "Calendrier" },
  { path: "revues", label: "Revues" },
  { path: "bilan-annuel", label: "Bilan annuel" },
  { path: "evaluation", label: "Évaluation" },
  { path: "ateliers", label: "Ateliers des habitants" },
  { path: "sondages", label: "Sondages" },
  { path: "ambassadeurs", label: "Ambassadeurs santé" },
  { path: "membres", label: "Membres", permission: "manageMembers" },
  { path: "historique", label: "Historique", permission: "readHistory" },
  { path: "recherche", label: "Rechercher" },
];

/** Pages of a contract that belong to a section of another name (the first part of their address). */
const SECTION_OF: Record<string, string> = {
  modifier: "",
  axes: "",
  annuaire: "",
  diaporama: "tableau-cotech",
  "registre-des-traitements": "ateliers",
};

/** The address of a section of a contract. */
export const sectionPath = (contractId: string, section: ContractSection): string => `/contrats/${contractId}${section.path ? `/${section.path}` : ""}`;

/** The sections a person may open, given what they may do on the contract. */
export function visibleSections(permissions: Partial<Record<SectionPermission, boolean>>): ContractSection[] {
  return CONTRACT_SECTIONS.filter((s) => !s.permission || permissions[s.permission] === true);
}

/**
 * The section the page at `pathname` belongs to (its `path`), or null when the page is not
 * one of the contract's: `/contrats/c1/fiches/f2/suivi` → "fiches", `/contrats/c1` → "".
 */
export function activeSection(contractId: string, pathname: string): string | null {
  const base = `/contrats/${contractId}`;
  const trimmed = pathname.replace(/\/+$/, "");
  if (trimmed !== base && !trimmed.startsWith(`${base}/`)) return null;
  const first = trimmed.slice(base.length + 1).split("/")[0] ?? "";
  const section = SECTION_OF[first] ?? first;
  return CONTRACT_SECTIONS.some((s) => s.path === section) ? section : null;
}
