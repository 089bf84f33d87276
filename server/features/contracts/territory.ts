/** A contract's territory: its figures, and what the official reference (server/territory/reference.ts) derives or fills. */
import type { FieldError } from "../../domain/problem.js";
import { departmentOf } from "../../domain/roles.js";
import { communeByCode, departmentName, formerCommune, regionName, regionOfDepartmentCode } from "../../territory/reference.js";

/**
 * The territory's population: the sum of the communes' populations, or null when
 * no commune has one (« non renseignée », never 0), and how many communes lack theirs.
 */
export function populationTotal(communes: readonly { population: number | null }[]): { population: number | null; populationMissing: number } {
  const known = communes.filter((c) => c.population !== null);
  return {
    population: known.length ? known.reduce((sum, c) => sum + c.population!, 0) : null,
    populationMissing: communes.length - known.length,
  };
}

export interface Division {
  code: string;
  name: string;
}

/** Codes by how many of the communes they hold, most first (ties: code order). */
function byWeight(codes: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([code]) => code);
}

/**
 * The départements of a contract, derived from its communes' INSEE codes (never typed): the one
 * holding most of its communes first. A code of no known département (not a commune's) is left out.
 */
export function contractDepartments(inseeCodes: readonly string[]): Division[] {
  return byWeight(inseeCodes.map(departmentOf)).flatMap((code) => {
    const name = departmentName(code);
    return name === null ? [] : [{ code, name }];
  });
}

/**
 * The regions of a contract, derived from its communes' départements: the one holding most of
 * its communes first (a CLS lies in one region; two when its communes straddle a border).
 */
export function contractRegions(inseeCodes: readonly string[]): Division[] {
  return byWeight(inseeCodes.flatMap((code) => regionOfDepartmentCode(departmentOf(code)) ?? [])).map((code) => ({ code, name: regionName(code) ?? code }));
}

/** A commune as a contract keeps it. */
export interface ContractCommune {
  inseeCode: string;
  name: string;
  population: number | null;
}

/** A commune as given: its INSEE code, and maybe its name and population. */
export interface GivenCommune {
  inseeCode: string;
  name?: string | undefined;
  population?: number | null | undefined;
}

/** Why a code is refused: unknown, or the code of a former commune (merged into a commune nouvelle). */
export function unknownCommuneMessage(code: string): string {
  const former = formerCommune(code);
  const current = former && communeByCode(former.currentCode);
  if (former && current)
    return `Ce code INSEE est celui de l'ancienne commune ${former.name}, aujourd'hui rattachée à ${current.name} (code ${current.code}) : choisissez ${current.name}.`;
  return "Ce code INSEE n'existe pas dans le code officiel géographique : vérifiez-le, ou cherchez la commune par son nom.";
}

/**
 * Checks each commune's INSEE code against the official reference and fills the name and the
 * population it lacks (null counts as lacking) from it; a name or population given is kept (a
 * coordinator may have a more recent figure). Errors are at `<path>.<i>.inseeCode`.
 */
export function communesFromReference(given: readonly GivenCommune[], path = "communes"): { communes: ContractCommune[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const communes = given.flatMap((c, i) => {
    const reference = communeByCode(c.inseeCode);
    if (!reference) {
      errors.push({ path: `${path}.${i}.inseeCode`, message: unknownCommuneMessage(c.inseeCode) });
      return [];
    }
    return [{ inseeCode: c.inseeCode, name: c.name ?? reference.name, population: c.population ?? reference.population }];
  });
  return { communes, errors };
}
