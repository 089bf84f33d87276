/** Where each item of « À faire » leads (pure): the part of the fiche's « Suivi » page where it is done. */

type DueKind = "milestone_late" | "milestone_due" | "progress" | "indicator";

/** The « Suivi » page of a fiche, at one of its sections (ids of web/pages/followup/*Section.tsx). */
export const followUpAt = (contractId: string, actionId: string, section: string) => `/contrats/${contractId}/fiches/${actionId}/suivi#${section}`;

/** The link of one item: a milestone to the rétroplanning, the quarter's entry to the progress, an indicator to its block. */
export function dueLink(contractId: string, actionId: string, item: { kind: DueKind; targetId: string | null }): { to: string; label: string } {
  switch (item.kind) {
    case "milestone_late":
    case "milestone_due":
      return { to: followUpAt(contractId, actionId, "retroplanning"), label: "Mettre à jour l'étape" };
    case "progress":
      return { to: followUpAt(contractId, actionId, "avancement"), label: "Ajouter un avancement" };
    case "indicator":
      return { to: followUpAt(contractId, actionId, item.targetId ? `indicateur-${item.targetId}` : "indicateurs"), label: "Saisir une mesure" };
  }
}

/** Where a person who pilots fiches and coordinates nothing lands after signing in: « Mes fiches »; anyone else, the contracts. */
export const homeOf = (mine: { coordinates: boolean; contracts: { fiches: unknown[] }[] }): string =>
  !mine.coordinates && mine.contracts.some((c) => c.fiches.length > 0) ? "/mes-fiches" : "/";
