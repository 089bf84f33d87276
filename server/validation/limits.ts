/**
 * How much one contract may hold: one table for the API, the exchange format and
 * the spreadsheet, so that whatever the API accepts, the contract's own export
 * imports again. Far above any real CLS (15–40 fiches, 3–6 axes).
 */
export const LIMITS = {
  organisations: 2000,
  axes: 20,
  objectivesPerAxis: 50,
  /** Archived fiches included: the export keeps them. */
  actions: 500,
  communes: 500,
  priorityAreas: 200,
  signatories: 50,
  keyDates: 40,
} as const;

export type LimitKind = keyof typeof LIMITS;

/** French words of each limit: what holds them, and what they are. */
const WORDS: Record<LimitKind, [holder: string, noun: string]> = {
  organisations: ["Un contrat", "organisations dans son annuaire"],
  axes: ["Un contrat", "axes"],
  objectivesPerAxis: ["Un axe", "objectifs"],
  actions: ["Un contrat", "fiches actions (archivées comprises)"],
  communes: ["Un contrat", "communes"],
  priorityAreas: ["Un contrat", "quartiers prioritaires"],
  signatories: ["Un contrat", "signataires"],
  keyDates: ["Un contrat", "dates clés"],
};

/** « 20 axes au plus. », for a schema's `.max()`. */
export const limitMessage = (kind: LimitKind) => `${LIMITS[kind]} ${WORDS[kind][1]} au plus.`;

/** The refusal of one more when the holder already has the most it may: null while there is room. */
export function limitReached(kind: LimitKind, current: number): string | null {
  if (current < LIMITS[kind]) return null;
  const [holder, noun] = WORDS[kind];
  return `${holder} compte au plus ${LIMITS[kind]} ${noun}, et celui-ci les a déjà : retirez-en avant d'en ajouter.`;
}

