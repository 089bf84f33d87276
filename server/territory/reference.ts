/**
 * The official territory of France (issue 15): communes (INSEE code, name, population), EPCI
 * and EPT with their member communes, départements and regions, from the State's package
 * `@etalab/decoupage-administratif` (INSEE's Code officiel géographique, populations municipales).
 *
 * The package's files are large (communes 8.6 MB, EPCI 4 MB of JSON): they are read on first
 * use, once per process, and only what Clés needs is kept (current communes: code, name,
 * population, département, region, EPCI, postal codes; EPCI: code, name, kind, members).
 * Départements and regions are two small files, read on their own (`departmentName`…), so that
 * naming a contract's départements never loads the communes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const PACKAGE = "@etalab/decoupage-administratif";

function readData<T>(name: string): T {
  return JSON.parse(readFileSync(require.resolve(`${PACKAGE}/data/${name}.json`), "utf8")) as T;
}

/** The package's version: the reference's edition, for pages that cite their source. */
export const REFERENCE_VERSION: string = (JSON.parse(readFileSync(require.resolve(`${PACKAGE}/package.json`), "utf8")) as { version: string }).version;

export interface ReferenceCommune {
  code: string;
  name: string;
  /** Population municipale (INSEE); null for the few uninhabited ones. */
  population: number | null;
  department: string;
  region: string;
  /** SIREN of its EPCI, null for the few communes in none (islands…). */
  epci: string | null;
  postalCodes: readonly string[];
}

export const EPCI_KINDS = {
  CA: "Communauté d'agglomération",
  CC: "Communauté de communes",
  CU: "Communauté urbaine",
  METRO: "Métropole",
  MET69: "Métropole de Lyon",
  EPT: "Établissement public territorial",
} as const;
export type EpciKind = keyof typeof EPCI_KINDS;

export interface ReferenceEpci {
  /** SIREN. */
  code: string;
  name: string;
  kind: EpciKind;
  /** INSEE codes of its communes, as the package lists them (largest first). */
  members: readonly string[];
  /** The sum of its communes' populations (as `ReferenceCommune.population`). */
  population: number;
}

/** A code that was a commune's and is no longer (merged into a commune nouvelle, or associated). */
export interface FormerCommune {
  code: string;
  name: string;
  /** The current commune it belongs to. */
  currentCode: string;
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  codesPostaux?: string[];
  chefLieu?: string;
}
interface RawGroup {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

// ---------------------------------------------------------------------------
// Départements and regions: two small files.

interface Divisions {
  departments: ReadonlyMap<string, { name: string; region: string }>;
  regions: ReadonlyMap<string, string>;
}
let divisions: Divisions | undefined;

function loadDivisions(): Divisions {
  if (divisions) return divisions;
  const deps = readData<{ code: string; nom: string; region: string }[]>("departements");
  const regs = readData<{ code: string; nom: string }[]>("regions");
  divisions = {
    departments: new Map(deps.map((d) => [d.code, { name: d.nom, region: d.region }])),
    regions: new Map(regs.map((r) => [r.code, r.nom])),
  };
  return divisions;
}

/** « Seine-et-Marne » for 77; null for a code that is no département. */
export function departmentName(code: string): string | null {
  return loadDivisions().departments.get(code)?.name ?? null;
}

/** The region (INSEE code) of a département, as the reference says; null for a code that is no département. */
export function regionOfDepartmentCode(code: string): string | null {
  return loadDivisions().departments.get(code)?.region ?? null;
}

/** « Île-de-France » for 11; null for a code that is no region. */
export function regionName(code: string): string | null {
  return loadDivisions().regions.get(code) ?? null;
}

/** Every département of the reference with its region, in code order. */
export function referenceDepartments(): { code: string; name: string; region: string }[] {
  return [...loadDivisions().departments].map(([code, d]) => ({ code, ...d }));
}

/** Every region of the reference (the 18 regions, then the overseas collectivities), in code order. */
export function referenceRegions(): { code: string; name: string }[] {
  return [...loadDivisions().regions].map(([code, name]) => ({ code, name }));
}

// ---------------------------------------------------------------------------
// Communes and EPCI: the large files, read on first use.

interface Indexed<T> {
  item: T;
  /** The name, normalized for search (see `searchKey`). */
  key: string;
}

interface Territory {
  communes: ReadonlyMap<string, ReferenceCommune>;
  communeIndex: readonly Indexed<ReferenceCommune>[];
  former: ReadonlyMap<string, FormerCommune>;
  epcis: ReadonlyMap<string, ReferenceEpci>;
  epciIndex: readonly Indexed<ReferenceEpci>[];
  /** Milliseconds the first load took (read, parse, index). */
  loadMs: number;
}
let territory: Territory | undefined;

/** Lower case, without accents, ligatures or punctuation: « L'Haÿ-les-Roses » → « l hay les roses ». */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A query as typed: « St-Étienne » searches « saint etienne ». */
function queryKey(text: string): string {
  return searchKey(text)
    .replace(/\bst\b/g, "saint")
    .replace(/\bste\b/g, "sainte");
}

/** An EPCI query: « Communauté d'agglomération Melun… » searches the package's « CA Melun… ». */
function epciQueryKey(text: string): string {
  return queryKey(text)
    .replace(/\bcommunaute d agglomeration\b/g, "ca")
    .replace(/\bcommunaute de communes\b/g, "cc")
    .replace(/\bcommunaute urbaine\b/g, "cu");
}

function loadTerritory(): Territory {
  if (territory) return territory;
  const started = performance.now();
  const groups = [...readData<RawGroup[]>("epci"), ...readData<RawGroup[]>("ept")];
  const epcis = new Map<string, ReferenceEpci>();
  const epciOf = new Map<string, string>();
  for (const g of groups) {
    const kind = (g.type in EPCI_KINDS ? g.type : "CC") as EpciKind;
    const members = g.membres.map((m) => m.code);
    epcis.set(g.code, { code: g.code, name: g.nom, kind, members, population: 0 });
    // A commune's EPCI is its intercommunality proper; an EPT (Grand Paris) comes on top of it.
    if (kind !== "EPT") for (const m of members) epciOf.set(m, g.code);
  }
  const communes = new Map<string, ReferenceCommune>();
  const formerRows: RawCommune[] = [];
  for (const c of readData<RawCommune[]>("communes")) {
    if (c.type !== "commune-actuelle") {
      if (c.type === "commune-deleguee" || c.type === "commune-associee") formerRows.push(c);
      continue;
    }
    communes.set(c.code, {
      code: c.code,
      name: c.nom,
      population: c.population ?? null,
      department: c.departement,
      region: c.region,
      epci: epciOf.get(c.code) ?? null,
      postalCodes: c.codesPostaux ?? [],
    });
  }
  for (const e of epcis.values()) e.population = e.members.reduce((sum, code) => sum + (communes.get(code)?.population ?? 0), 0);
  const former = new Map<string, FormerCommune>();
  for (const c of formerRows)
    if (!communes.has(c.code) && c.chefLieu && communes.has(c.chefLieu)) former.set(c.code, { code: c.code, name: c.nom, currentCode: c.chefLieu });
  territory = {
    communes,
    communeIndex: [...communes.values()].map((item) => ({ item, key: searchKey(item.name) })),
    former,
    epcis,
    epciIndex: [...epcis.values()].map((item) => ({ item, key: searchKey(item.name) })),
    loadMs: 0,
  };
  territory.loadMs = Math.round(performance.now() - started);
  return territory;
}

/** Loads the reference now (at startup, say) rather than on the first request that needs it; returns how long it took. */
export function preloadTerritoryReference(): { loadMs: number; communes: number; epcis: number } {
  const t = loadTerritory();
  return { loadMs: t.loadMs, communes: t.communes.size, epcis: t.epcis.size };
}

/** Every current commune, in INSEE code order. */
export function referenceCommunes(): ReferenceCommune[] {
  return [...loadTerritory().communes.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The current commune of this INSEE code, or null. */
export function communeByCode(code: string): ReferenceCommune | null {
  return loadTerritory().communes.get(code) ?? null;
}

/** A former commune's code (merged or associated), with the current commune it belongs to; null otherwise. */
export function formerCommune(code: string): FormerCommune | null {
  return loadTerritory().former.get(code) ?? null;
}

/** The EPCI (or EPT) of this SIREN, or null. */
export function epciByCode(code: string): ReferenceEpci | null {
  return loadTerritory().epcis.get(code) ?? null;
}

/** Its communes, in the package's order (largest first). */
export function epciCommunes(epci: ReferenceEpci): ReferenceCommune[] {
  const { communes } = loadTerritory();
  return epci.members.flatMap((code) => communes.get(code) ?? []);
}

export const SEARCH_LIMIT = 20;

/** 0: the whole name, 1: its start, 2: the start of one of its words, 3: anywhere; -1: no match. */
function rank(key: string, q: string, wordStart: string): number {
  const at = key.indexOf(q);
  if (at < 0) return -1;
  if (at === 0) return key.length === q.length ? 0 : 1;
  return key.includes(wordStart) ? 2 : 3;
}

/** The `limit` best matches, kept sorted as the index is scanned (no sort of every hit: « sa » matches thousands). */
function ranked<T>(index: readonly Indexed<T>[], q: string, size: (item: T) => number, name: (item: T) => string, limit: number): T[] {
  const best: { item: T; rank: number; size: number }[] = [];
  const before = (a: (typeof best)[number], b: (typeof best)[number]) => a.rank - b.rank || b.size - a.size || name(a.item).localeCompare(name(b.item), "fr");
  const wordStart = ` ${q}`;
  for (const entry of index) {
    const r = rank(entry.key, q, wordStart);
    if (r < 0) continue;
    const hit = { item: entry.item, rank: r, size: size(entry.item) };
    if (best.length === limit && before(hit, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(hit, best[at - 1]!) < 0) at--;
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best.map((h) => h.item);
}

/** A code typed rather than a name: digits, or a Corsican « 2A… ». */
const looksLikeCode = (text: string) => /^(\d|2[ab]\d)/i.test(text.trim());

/**
 * Communes by name, accents and case ignored: exact names first, then names that start with
 * the query, then those with a word that does, then the rest; the most populated first within
 * each. A query of digits searches INSEE codes and postal codes by their start.
 */
export function searchCommunes(query: string, limit = SEARCH_LIMIT): ReferenceCommune[] {
  const t = loadTerritory();
  if (looksLikeCode(query)) {
    const q = query.trim().toUpperCase();
    const hits = [...t.communes.values()].filter((c) => c.code.startsWith(q) || c.postalCodes.some((p) => p.startsWith(q)));
    hits.sort((a, b) => Number(b.code === q) - Number(a.code === q) || (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code));
    return hits.slice(0, limit);
  }
  const q = queryKey(query);
  if (!q) return [];
  return ranked(t.communeIndex, q, (c) => c.population ?? 0, (c) => c.name, limit);
}

/** EPCI and EPT by name (as `searchCommunes`; « Communauté d'agglomération » finds « CA »), or by SIREN. */
export function searchEpcis(query: string, limit = SEARCH_LIMIT): ReferenceEpci[] {
  const t = loadTerritory();
  if (/^\d/.test(query.trim())) {
    const q = query.trim();
    return [...t.epcis.values()].filter((e) => e.code.startsWith(q)).slice(0, limit);
  }
  const q = epciQueryKey(query);
  if (!q) return [];
  return ranked(t.epciIndex, q, (e) => e.population, (e) => e.name, limit);
}
