/**
 * World Café table composition for an atelier des habitants: pure and deterministic
 * (same people, options and seed, same tables; no clock, no Math.random).
 *
 * ## The score (maximised)
 *
 * For a table of s people and each attribute a (gender, ageBand, place, category):
 *
 *   D_a = (pairs of people at the table whose values of a are both known and different) / (s(s−1)/2)
 *
 * i.e. the chance that two people of the table, drawn at random, differ on a (the Gini–Simpson
 * index without replacement; 0 when s < 2). It rewards variety *and* balance: at a table of six,
 * 3 women + 3 men give 9/15 = 0.6, 4 + 2 give 0.53, 5 + 1 give 0.33, 6 + 0 give 0. An unknown or
 * empty value never differs from anything, so it never counts as diversity. Values are compared
 * trimmed and case-insensitively.
 *
 * `place` is the commune refined by the QPV (quartier prioritaire): two people of the same commune
 * differ on place when only one lives in a QPV, or when they live in different QPVs. The `qpv`
 * column may hold a QPV name or yes/no (oui/non, 1/0, true/false, x); "non" or empty means "not in
 * a QPV" (or unknown). Place is unknown only when both commune and QPV are empty.
 *
 *   table score = Σ_a D_a − 10 × householdClashes          (each attribute weighs 1, see WEIGHTS)
 *
 * where householdClashes is the number of pairs of people of the same household (or group) seated
 * at the table. A table's diversity is at most 4, so a swap between two tables can gain at most 8:
 * the penalty of 10 per pair means the search never seats two members of a household together to
 * gain diversity, and they sit apart whenever the table count and the locks allow it.
 *
 *   total score = Σ over tables of the table score.
 *
 * ## The method
 *
 * Table sizes are as even as possible (they differ by one at most, unless locks force more).
 * Locked people are seated first and never moved; the others are seeded greedily (households first,
 * then people with rare values), each at the table where they add the most; then a local search
 * swaps pairs of people between tables while the score improves, and a fixed number of seeded
 * perturbation rounds (a few random swaps, then the local search again) keeps the best result.
 */

export type Registrant = {
  id: string;
  gender?: string | null;
  ageBand?: string | null;
  commune?: string | null;
  qpv?: string | null;
  category?: string | null;
  household?: string | null;
};

export const ATTRIBUTES = ["gender", "ageBand", "place", "category"] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** The weight of each attribute's diversity in a table's score. */
export const WEIGHTS: Readonly<Record<Attribute, number>> = { gender: 1, ageBand: 1, place: 1, category: 1 };
/** What each pair of people of one household at one table costs. */
export const HOUSEHOLD_PENALTY = 10;

export type TableScore = {
  /** Σ of the weighted diversities, minus the household penalty. */
  score: number;
  /** Per attribute, the share of the table's pairs that differ on it (0 to 1). */
  diversity: Record<Attribute, number>;
  /** Pairs of people of the same household (or group) at this table. */
  householdClashes: number;
};

export type CompositionOptions = {
  /** Number of tables; ceil(people / maxPerTable) when omitted. */
  tables?: number;
  maxPerTable: number;
  /** Seed of the pseudo-random choices (ties, perturbations); 1 when omitted. */
  seed?: number;
  /** Person id → table index (0-based): these people stay at that table. */
  locked?: Record<string, number>;
};

export type Composition = { tables: string[][]; scores: TableScore[]; score: number };

const A = ATTRIBUTES.length;
const W = ATTRIBUTES.map((a) => WEIGHTS[a]);
const EPSILON = 1e-9;
/** Work budget of the perturbation rounds, in swap evaluations (keeps 300 people well under 0.5 s). */
const PERTURBATION_BUDGET = 1_500_000;
const MAX_ROUNDS = 60;

/** Places everyone once, at most `maxPerTable` per table, maximising the documented score. */
export function composeTables(people: readonly Registrant[], options: CompositionOptions): Composition {
  const { maxPerTable } = options;
  if (!Number.isInteger(maxPerTable) || maxPerTable < 1)
    throw new RangeError(`La taille maximale d'une table doit être un entier positif (reçu : ${maxPerTable}).`);
  const n = people.length;
  const tableCount = options.tables ?? Math.ceil(n / maxPerTable);
  if (!Number.isInteger(tableCount) || tableCount < 0 || (options.tables !== undefined && tableCount < 1))
    throw new RangeError(`Le nombre de tables doit être un entier positif (reçu : ${options.tables}).`);
  if (n > tableCount * maxPerTable)
    throw new RangeError(`Impossible de placer ${n} personnes à ${tableCount} table(s) de ${maxPerTable} au plus (${tableCount * maxPerTable} places).`);
  const index = indexById(people);
  const lockedAt = lockedTables(index, options.locked ?? {}, tableCount, maxPerTable, n);
  const sizes = tableSizes(n, tableCount, maxPerTable, lockedAt);

  const state = new State(encode(people), tableCount, sizes);
  const random = mulberry32(options.seed ?? 1);
  seed(state, lockedAt, random);
  const movable = lockedAt.flatMap((t, p) => (t < 0 ? [p] : []));
  localSearch(state, movable);
  perturbAndSearch(state, movable, random);

  const tables = Array.from({ length: tableCount }, () => [] as string[]);
  state.table.forEach((t, p) => tables[t]!.push(people[p]!.id));
  return { tables, ...scoreTables(people, tables) };
}

/** The score of any seating (after the coordinator moves someone, say): each table's, and the total. */
export function scoreTables(people: readonly Registrant[], tables: readonly (readonly string[])[]): { scores: TableScore[]; score: number } {
  const index = indexById(people);
  const seated = new Set<string>();
  const table = new Array<number>(people.length).fill(-1);
  tables.forEach((ids, t) =>
    ids.forEach((id) => {
      const p = index.get(id);
      if (p === undefined) throw new RangeError(`Personne inconnue à la table d'indice ${t} : « ${id} ».`);
      if (seated.has(id)) throw new RangeError(`« ${id} » est placée deux fois.`);
      seated.add(id);
      table[p] = t;
    }),
  );
  const state = new State(
    encode(people),
    tables.length,
    tables.map((ids) => ids.length),
  );
  table.forEach((t, p) => t >= 0 && state.add(p, t));
  const scores = tables.map((_, t) => state.tableScore(t));
  return { scores, score: scores.reduce((sum, s) => sum + s.score, 0) };
}

function indexById(people: readonly Registrant[]): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((person, p) => {
    if (index.has(person.id)) throw new RangeError(`L'identifiant « ${person.id} » apparaît deux fois.`);
    index.set(person.id, p);
  });
  return index;
}

/** Per person, the table they are locked to, or −1. */
function lockedTables(index: Map<string, number>, locked: Record<string, number>, tableCount: number, max: number, n: number): number[] {
  const at = new Array<number>(n).fill(-1);
  const perTable = new Array<number>(tableCount).fill(0);
  for (const [id, t] of Object.entries(locked)) {
    const p = index.get(id);
    if (p === undefined) throw new RangeError(`Personne verrouillée inconnue : « ${id} ».`);
    if (!Number.isInteger(t) || t < 0 || t >= tableCount)
      throw new RangeError(`« ${id} » est verrouillée à la table d'indice ${t}, qui n'existe pas (${tableCount} table(s), indices 0 à ${tableCount - 1}).`);
    at[p] = t;
    if (++perTable[t]! > max) throw new RangeError(`Trop de personnes verrouillées à la table d'indice ${t} : ${max} au plus par table.`);
  }
  return at;
}

/** Sizes as even as possible: each table holds its locked people, then seats go to the emptiest table. */
function tableSizes(n: number, tableCount: number, max: number, lockedAt: number[]): number[] {
  const sizes = new Array<number>(tableCount).fill(0);
  for (const t of lockedAt) if (t >= 0) sizes[t]!++;
  for (let left = n - lockedAt.filter((t) => t >= 0).length; left > 0; left--) {
    let best = -1;
    sizes.forEach((s, t) => s < max && (best < 0 || s < sizes[best]!) && (best = t));
    sizes[best]!++;
  }
  return sizes;
}

/** People as integer codes: per attribute, 0 for unknown, 1… for each distinct value; same for households. */
type Encoded = { values: Int32Array[]; kinds: number[]; household: Int32Array; households: number; n: number };

function encode(people: readonly Registrant[]): Encoded {
  const n = people.length;
  const code = (keys: (string | null)[]) => {
    const codes = new Map<string, number>();
    const out = Int32Array.from(keys, (k) => (k === null ? 0 : codes.get(k) ?? (codes.set(k, codes.size + 1), codes.size)));
    return { out, kinds: codes.size };
  };
  const columns = ATTRIBUTES.map((a) => code(people.map((p) => attributeKey(p, a))));
  const households = code(people.map((p) => normalized(p.household)));
  return { values: columns.map((c) => c.out), kinds: columns.map((c) => c.kinds), household: households.out, households: households.kinds, n };
}

function normalized(value: string | null | undefined): string | null {
  const v = value?.trim().normalize("NFC").toLocaleLowerCase("fr");
  return v ? v : null;
}

const QPV_NO = new Set(["non", "no", "n", "false", "faux", "0"]);
const QPV_YES = new Set(["oui", "yes", "o", "y", "true", "vrai", "1", "x"]);

function attributeKey(person: Registrant, attribute: Attribute): string | null {
  if (attribute !== "place") return normalized(person[attribute]);
  const commune = normalized(person.commune);
  let qpv = normalized(person.qpv);
  if (qpv !== null && QPV_NO.has(qpv)) qpv = null;
  else if (qpv !== null && QPV_YES.has(qpv)) qpv = "qpv";
  return commune === null && qpv === null ? null : `${commune ?? ""}\u0000${qpv ?? ""}`;
}

/** Who sits where, with per table and attribute the counts that make a swap's delta O(attributes). */
class State {
  readonly table: Int32Array;
  private readonly counts: Int32Array[];
  private readonly known: Int32Array[];
  private readonly sumSq: Int32Array[];
  private readonly householdCounts: Int32Array;
  private readonly clashes: Int32Array;
  readonly members: Int32Array;
  /** 1 / (pairs of seats) per table, 0 for a table of fewer than two. */
  private readonly inverse: Float64Array;

  constructor(
    readonly data: Encoded,
    readonly tableCount: number,
    readonly sizes: readonly number[],
  ) {
    this.table = new Int32Array(data.n).fill(-1);
    this.counts = data.kinds.map((k) => new Int32Array(tableCount * (k + 1)));
    this.known = data.kinds.map(() => new Int32Array(tableCount));
    this.sumSq = data.kinds.map(() => new Int32Array(tableCount));
    this.householdCounts = new Int32Array(tableCount * (data.households + 1));
    this.clashes = new Int32Array(tableCount);
    this.members = new Int32Array(tableCount);
    this.inverse = Float64Array.from(sizes, (s) => (s > 1 ? 2 / (s * (s - 1)) : 0));
  }

  add(p: number, t: number, sign: 1 | -1 = 1): void {
    const { values, kinds, household, households } = this.data;
    for (let a = 0; a < A; a++) {
      const v = values[a]![p]!;
      if (v === 0) continue;
      const i = t * (kinds[a]! + 1) + v;
      const c = this.counts[a]![i]!;
      this.sumSq[a]![t]! += sign > 0 ? 2 * c + 1 : 1 - 2 * c;
      this.counts[a]![i] = c + sign;
      this.known[a]![t]! += sign;
    }
    const h = household[p]!;
    if (h !== 0) {
      const i = t * (households + 1) + h;
      this.clashes[t]! += sign > 0 ? this.householdCounts[i]! : 1 - this.householdCounts[i]!;
      this.householdCounts[i]! += sign;
    }
    this.members[t]! += sign;
    this.table[p] = sign > 0 ? t : -1;
  }

  /** What seating p at table t would add (t's final size as denominator). */
  gainOfAdding(p: number, t: number): number {
    const { values, kinds, household, households } = this.data;
    const inverse = this.inverse[t]!;
    let gain = 0;
    for (let a = 0; a < A; a++) {
      const v = values[a]![p]!;
      if (v !== 0) gain += W[a]! * (this.known[a]![t]! - this.counts[a]![t * (kinds[a]! + 1) + v]!) * inverse;
    }
    const h = household[p]!;
    return h === 0 ? gain : gain - HOUSEHOLD_PENALTY * this.householdCounts[t * (households + 1) + h]!;
  }

  /** The score change if p (at table s) took q's seat (at table t) and q took p's. */
  swapDelta(p: number, q: number): number {
    const s = this.table[p]!;
    const t = this.table[q]!;
    const { values, kinds, household, households } = this.data;
    let delta = 0;
    for (let a = 0; a < A; a++) {
      const x = values[a]![p]!;
      const y = values[a]![q]!;
      if (x === y) continue;
      const base = kinds[a]! + 1;
      delta += W[a]! * (this.diffChange(a, s, base, x, y) * this.inverse[s]! + this.diffChange(a, t, base, y, x) * this.inverse[t]!);
    }
    const hp = household[p]!;
    const hq = household[q]!;
    if (hp !== hq) {
      const hc = this.householdCounts;
      const b = households + 1;
      // At s, p's household loses a member and q's gains one; the other way round at t.
      const clashChange = (hp ? 1 - hc[s * b + hp]! : 0) + (hq ? hc[s * b + hq]! : 0) + (hq ? 1 - hc[t * b + hq]! : 0) + (hp ? hc[t * b + hp]! : 0);
      delta -= HOUSEHOLD_PENALTY * clashChange;
    }
    return delta;
  }

  /** Change in differing pairs on attribute a at table t when a person of value x leaves and one of value y (≠ x) joins. */
  private diffChange(a: number, t: number, base: number, x: number, y: number): number {
    const k = this.known[a]![t]!;
    const counts = this.counts[a]!;
    const newK = k - (x ? 1 : 0) + (y ? 1 : 0);
    const sqChange = (x ? 1 - 2 * counts[t * base + x]! : 0) + (y ? 2 * counts[t * base + y]! + 1 : 0);
    return (newK * newK - k * k - sqChange) / 2;
  }

  swap(p: number, q: number): void {
    const s = this.table[p]!;
    const t = this.table[q]!;
    this.add(p, s, -1);
    this.add(q, t, -1);
    this.add(p, t);
    this.add(q, s);
  }

  tableScore(t: number): TableScore {
    const diversity = {} as Record<Attribute, number>;
    let score = 0;
    ATTRIBUTES.forEach((attribute, a) => {
      const k = this.known[a]![t]!;
      diversity[attribute] = ((k * k - this.sumSq[a]![t]!) / 2) * this.inverse[t]!;
      score += W[a]! * diversity[attribute];
    });
    const householdClashes = this.clashes[t]!;
    return { score: score - HOUSEHOLD_PENALTY * householdClashes, diversity, householdClashes };
  }

  total(): number {
    let sum = 0;
    for (let t = 0; t < this.tableCount; t++) sum += this.tableScore(t).score;
    return sum;
  }
}

/** Locked people first, then households (largest first), then the rarest profiles, each where they add most. */
function seed(state: State, lockedAt: number[], random: () => number): void {
  lockedAt.forEach((t, p) => t >= 0 && state.add(p, t));
  const { values, household, n } = state.data;
  const frequency = values.map((column) => {
    const f = new Map<number, number>();
    column.forEach((v) => f.set(v, (f.get(v) ?? 0) + 1));
    return f;
  });
  const householdSize = new Map<number, number>();
  household.forEach((h) => h && householdSize.set(h, (householdSize.get(h) ?? 0) + 1));
  const order = lockedAt.flatMap((t, p) => (t < 0 ? [p] : []));
  const tie = Float64Array.from({ length: n }, () => random());
  const rarity = (p: number) => values.reduce((sum, column, a) => sum + (column[p] ? 1 / frequency[a]!.get(column[p]!)! : 0), 0);
  const key = (p: number) => [household[p] ? householdSize.get(household[p]!)! : 0, rarity(p), tie[p]!];
  const keys = new Map(order.map((p) => [p, key(p)]));
  order.sort((p, q) => {
    const [a, b] = [keys.get(p)!, keys.get(q)!];
    return b[0]! - a[0]! || b[1]! - a[1]! || a[2]! - b[2]!;
  });
  for (const p of order) {
    let best = -1;
    let bestGain = -Infinity;
    for (let t = 0; t < state.tableCount; t++) {
      if (state.members[t]! >= state.sizes[t]!) continue;
      const gain = state.gainOfAdding(p, t);
      const freer = best >= 0 && state.sizes[t]! - state.members[t]! > state.sizes[best]! - state.members[best]!;
      if (gain > bestGain + EPSILON || (gain > bestGain - EPSILON && freer)) [best, bestGain] = [t, gain];
    }
    state.add(p, best);
  }
}

/** Swaps pairs of people between tables while one improves the score; returns the swaps evaluated. */
function localSearch(state: State, movable: number[]): number {
  let evaluated = 0;
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i < movable.length; i++) {
      const p = movable[i]!;
      for (let j = i + 1; j < movable.length; j++) {
        const q = movable[j]!;
        if (state.table[p] === state.table[q]) continue;
        evaluated++;
        if (state.swapDelta(p, q) > EPSILON) {
          state.swap(p, q);
          improved = true;
        }
      }
    }
  }
  return evaluated;
}

/** Iterated local search: a few random swaps, the local search again, keep the result if it is better. */
function perturbAndSearch(state: State, movable: number[], random: () => number): void {
  if (movable.length < 2 || state.tableCount < 2) return;
  const kicks = Math.max(2, Math.round(movable.length / 12));
  let best = Int32Array.from(state.table);
  let bestScore = state.total();
  for (let round = 0, spent = 0; round < MAX_ROUNDS && spent < PERTURBATION_BUDGET; round++) {
    for (let k = 0; k < kicks; k++) {
      const p = movable[Math.floor(random() * movable.length)]!;
      const q = movable[Math.floor(random() * movable.length)]!;
      if (state.table[p] !== state.table[q]) state.swap(p, q);
    }
    spent += localSearch(state, movable);
    const score = state.total();
    if (score > bestScore + EPSILON) [best, bestScore] = [Int32Array.from(state.table), score];
    else restore(state, best);
  }
}

function restore(state: State, seating: Int32Array): void {
  for (const p of seating.keys()) {
    const t = seating[p]!;
    if (state.table[p] !== t) {
      state.add(p, state.table[p]!, -1);
      state.add(p, t);
    }
  }
}

/** A small seeded pseudo-random generator (mulberry32), uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
