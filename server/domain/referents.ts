/**
 * Communes' referents (issue 18, item 1; CAMVS COTECH deck, « process » table): each commune
 * names a technical referent and an elected referent. How many communes have both, as of a
 * day — the line the COTECH table and deck show under « Désignation des référents ». Pure.
 */
export const REFERENT_ROLES = { technical: "Référent technique", elected: "Élu référent" } as const;
export type ReferentRole = keyof typeof REFERENT_ROLES;
export const REFERENT_ROLE_KEYS = Object.keys(REFERENT_ROLES) as [ReferentRole, ...ReferentRole[]];

export interface CoverageInput {
  communes: readonly { id: string; name: string }[];
  referents: readonly { communeId: string; role: ReferentRole; namedOn: string }[];
}

export interface ReferentCoverage {
  total: number;
  /** Communes with both referents. */
  complete: number;
  /** Communes with neither referent, in the contract's order. */
  withoutReferent: { id: string; name: string }[];
  /** Communes with one of the two. */
  partial: { id: string; name: string; missing: ReferentRole }[];
}

/** Who has which referent on `asOf` (every referent named that day or before; all of them without a day). */
export function referentCoverage(input: CoverageInput, asOf?: string): ReferentCoverage {
  const named = new Map<string, Set<ReferentRole>>();
  for (const r of input.referents) {
    if (asOf && r.namedOn > asOf) continue;
    const roles = named.get(r.communeId) ?? new Set<ReferentRole>();
    roles.add(r.role);
    named.set(r.communeId, roles);
  }
  const withoutReferent: ReferentCoverage["withoutReferent"] = [];
  const partial: ReferentCoverage["partial"] = [];
  let complete = 0;
  for (const c of input.communes) {
    const roles = named.get(c.id);
    if (!roles?.size) withoutReferent.push({ id: c.id, name: c.name });
    else if (roles.size === REFERENT_ROLE_KEYS.length) complete++;
    else partial.push({ id: c.id, name: c.name, missing: REFERENT_ROLE_KEYS.find((k) => !roles.has(k))! });
  }
  return { total: input.communes.length, complete, withoutReferent, partial };
}

/** « 9 communes sur 20 ont leurs deux référents (technique et élu) ». */
export function coverageLine(c: Pick<ReferentCoverage, "total" | "complete">): string {
  if (c.total === 0) return "Aucune commune n'est inscrite au contrat : pas de référents à désigner.";
  if (c.complete === 0) return `Aucune commune sur ${c.total} n'a encore ses deux référents (technique et élu)`;
  if (c.complete === 1) return `1 commune sur ${c.total} a ses deux référents (technique et élu)`;
  return `${c.complete} communes sur ${c.total} ont leurs deux référents (technique et élu)`;
}

/** The process row of the COTECH table about referents (« Désignation des référents », « Mise en place d'un(e) référent(e) … par commune »). */
export const isReferentsRow = (plainTitle: string): boolean => /\breferent/.test(plainTitle);

/** The title of the row the table adds when no process row speaks of referents. */
export const REFERENTS_ROW_TITLE = "Désignation des référents (technique et élu) par commune";
