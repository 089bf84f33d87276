/**
 * The territory a request reads: the départements asked for, a region's, or (nothing asked)
 * the actor's whole territory — every département for the platform admin. Authorised
 * through server/policies only: a territory outside the actor's is a 403, none at all too.
 */
import { REGIONS } from "../../domain/roles.js";
import { invalid } from "../../http/problem.js";
import { assertCanReadTerritory, readableDepartments, type Actor } from "../../policies/index.js";
import type { ScopeQuery } from "./schema.js";

export interface Scope {
  /** The whole instance (the platform admin, nothing asked). */
  all: boolean;
  /** The départements read, sorted (every one of the map when `all`). */
  departements: string[];
  /** « Toute l'instance », « Région Île-de-France », « Département 77 », « Départements 21, 77 ». */
  label: string;
}

const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

/** The label of a set of départements: a region's name when they are exactly its départements. */
export function scopeLabelOf(departements: readonly string[]): string {
  const set = new Set(departements);
  const region = Object.values(REGIONS).find((r) => r.departments.length === set.size && r.departments.every((d) => set.has(d)));
  if (region && set.size > 1) return `Région ${region.name}`;
  return departements.length === 1 ? `Département ${departements[0]}` : `Départements ${departements.join(", ")}`;
}

/** The scope of the query for the actor; 400 when départements and a region are both asked, 401/403 as the policies say. */
export function resolveScope(actor: Actor, query: ScopeQuery): Scope {
  const asked = query.departement?.length ? query.departement : undefined;
  if (asked && query.region) throw invalid([{ path: "querystring.region", message: "Choisissez des départements ou une région, pas les deux." }]);
  if (asked || query.region) {
    const departements = sorted(asked ?? REGIONS[query.region!]!.departments);
    assertCanReadTerritory(actor, departements);
    return { all: false, departements, label: query.region ? `Région ${REGIONS[query.region]!.name}` : scopeLabelOf(departements) };
  }
  const readable = readableDepartments(actor);
  if (readable === "all") {
    assertCanReadTerritory(actor, "all");
    return { all: true, departements: sorted(Object.values(REGIONS).flatMap((r) => r.departments)), label: "Toute l'instance" };
  }
  const departements = sorted(readable);
  assertCanReadTerritory(actor, departements);
  return { all: false, departements, label: scopeLabelOf(departements) };
}

/** What the scope picker offers the actor: the whole instance (admin), its regions and départements. */
export function scopeChoices(actor: Actor) {
  const readable = readableDepartments(actor);
  const all = readable === "all";
  const has = (d: string) => all || readable.has(d);
  const regions = Object.entries(REGIONS)
    .map(([code, r]) => ({ code, name: r.name, departements: r.departments.filter(has), whole: r.departments.every(has) }))
    .filter((r) => r.departements.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const departements = sorted(regions.flatMap((r) => r.departements));
  return { all, departements, regions, label: all ? "Toute l'instance" : departements.length ? scopeLabelOf(departements) : "" };
}
