/**
 * The sections of a quarterly review (issue 6): what each one is, where its data came
 * from, and what the coordinator did to it. Stored as JSON on the review.
 */

/**
 * draft: never published; published: frozen as version N; correcting: version N stays
 * published while the coordinator prepares version N+1.
 */
export const REVIEW_STATUSES = {
  draft: "Brouillon",
  published: "Publiée",
  correcting: "Correction en cours",
} as const;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;

export const SECTION_KINDS = {
  purpose: "Rappel de l'objet de la revue",
  governance: "Actualité de la gouvernance",
  committee: "Comité tenu dans le trimestre",
  action: "Fiche action",
  unmoved: "Autres fiches actions",
  participation: "Participation des habitants",
  annexes: "Annexes",
  free: "Section libre",
} as const;
export type SectionKind = keyof typeof SECTION_KINDS;

/** The data a section was made from, by id: what a refresh compares. */
export interface SectionSources {
  meetingIds: string[];
  progressEntryIds: string[];
  measurementIds: string[];
  milestoneIds: string[];
  adjustmentIds: string[];
  attachmentIds: string[];
  actionIds: string[];
}

/**
 * What the last refresh found for a section:
 * unchanged — same data; updated — data changed and the untouched text was redrawn;
 * changed — data changed under the coordinator's edit (their text kept, the new draft offered);
 * new — a section the data now calls for; gone — its data left the quarter (kept because edited).
 */
export type RefreshState = "unchanged" | "updated" | "changed" | "new" | "gone";

export interface ReviewSection {
  /** Stable across refreshes: "purpose", "governance", "committee:<meetingId>", "action:<actionId>", "unmoved", "participation", "annexes", "free:<uuid>". */
  key: string;
  kind: SectionKind;
  title: string;
  /** The title drawn from the data. */
  generatedTitle: string;
  /** The text shown and exported: sanitised HTML, the coordinator's once edited. */
  html: string;
  /** The text drawn from the data by the last draft or refresh. */
  generatedHtml: string;
  /** A digest of the data the generated text came from. */
  sourceHash: string;
  sources: SectionSources;
  /** The coordinator changed the text: a refresh keeps it. */
  edited: boolean;
  hidden: boolean;
  refreshState: RefreshState;
}
