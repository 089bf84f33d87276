/**
 * Moving people between the tables of a session, before saving: pure functions used by
 * drag and drop and by the keyboard alike. A move never puts more than `maxPerTable` people
 * at a table, never moves a person fixed (locked) to their table, and says what it did in
 * a sentence for screen readers (aria-live) — or why it did nothing.
 */

/** Registration ids per table (table i is tables[i]), and those at no table. */
export interface Layout {
  tables: string[][];
  unseated: string[];
}

/** Where a person goes: a table's index, or no table. */
export type Destination = number | "unseated";

export type MoveResult = { ok: true; layout: Layout; message: string } | { ok: false; message: string };

export interface MoveContext {
  maxPerTable: number;
  locked: ReadonlySet<string>;
  /** A person's name as people read it (« Awa D. »). */
  nameOf: (id: string) => string;
}

/** Where a person is: a table's index, "unseated", or null when not in the layout. */
export function placeOf(layout: Layout, id: string): Destination | null {
  const t = layout.tables.findIndex((ids) => ids.includes(id));
  if (t >= 0) return t;
  return layout.unseated.includes(id) ? "unseated" : null;
}

const label = (d: Destination) => (d === "unseated" ? "sans table" : `table ${d + 1}`);

const without = (layout: Layout, id: string): Layout => ({ tables: layout.tables.map((ids) => ids.filter((x) => x !== id)), unseated: layout.unseated.filter((x) => x !== id) });

function put(layout: Layout, id: string, to: Destination): Layout {
  if (to === "unseated") return { ...layout, unseated: [...layout.unseated, id] };
  return { ...layout, tables: layout.tables.map((ids, t) => (t === to ? [...ids, id] : ids)) };
}

/** Moves one person to a table with room, or off the tables. */
export function movePerson(layout: Layout, id: string, to: Destination, context: MoveContext): MoveResult {
  const name = context.nameOf(id);
  const from = placeOf(layout, id);
  if (from === null) return { ok: false, message: `${name} : cette personne n'est pas inscrite à cette séance.` };
  if (to !== "unseated" && (!Number.isInteger(to) || to < 0 || to >= layout.tables.length)) return { ok: false, message: `La table ${Number(to) + 1} n'existe pas.` };
  if (from === to) return { ok: false, message: `${name} est déjà ${to === "unseated" ? "sans table" : `à la table ${to + 1}`}.` };
  if (context.locked.has(id)) return { ok: false, message: `La place de ${name} est fixée (${label(from)}) : libérez-la avant de déplacer cette personne.` };
  if (to !== "unseated" && layout.tables[to]!.length >= context.maxPerTable)
    return { ok: false, message: `La table ${to + 1} est complète (${context.maxPerTable} personnes) : échangez plutôt deux personnes.` };
  return { ok: true, layout: put(without(layout, id), id, to), message: to === "unseated" ? `${name} n'a plus de table.` : `${name} passe à la table ${to + 1}.` };
}

/** Two people of different tables (or one at no table) trade their places; each keeps the other's position in the list. */
export function swapPeople(layout: Layout, a: string, b: string, context: MoveContext): MoveResult {
  const [nameA, nameB] = [context.nameOf(a), context.nameOf(b)];
  const [fromA, fromB] = [placeOf(layout, a), placeOf(layout, b)];
  if (fromA === null || fromB === null) return { ok: false, message: `${fromA === null ? nameA : nameB} : cette personne n'est pas inscrite à cette séance.` };
  if (a === b || fromA === fromB) return { ok: false, message: `${nameA} et ${nameB} sont déjà ${fromA === "unseated" ? "tous deux sans table" : `à la même table`}.` };
  for (const [id, name, from] of [[a, nameA, fromA], [b, nameB, fromB]] as const)
    if (context.locked.has(id)) return { ok: false, message: `La place de ${name} est fixée (${label(from)}) : libérez-la avant l'échange.` };
  const swap = (ids: string[]) => ids.map((x) => (x === a ? b : x === b ? a : x));
  return {
    ok: true,
    layout: { tables: layout.tables.map(swap), unseated: swap(layout.unseated) },
    message: `${nameA} et ${nameB} échangent leurs places : ${nameA} passe ${fromB === "unseated" ? "sans table" : `à la table ${fromB + 1}`}, ${nameB} ${fromA === "unseated" ? "n'a plus de table" : `passe à la table ${fromA + 1}`}.`,
  };
}

/** The people who sit somewhere: a lock is kept only for them (the server refuses others). */
export function keptLocks(layout: Layout, locked: ReadonlySet<string>): string[] {
  return layout.tables.flat().filter((id) => locked.has(id));
}

/** The layout of the tables as the server gives them. */
export function layoutOf(view: { tables: { people: { id: string }[] }[]; unseated: { id: string }[] }): Layout {
  return { tables: view.tables.map((t) => t.people.map((p) => p.id)), unseated: view.unseated.map((p) => p.id) };
}

/** Whether two layouts seat the same people at the same tables (the order within a table does not matter). */
export function sameSeating(a: Layout, b: Layout): boolean {
  if (a.tables.length !== b.tables.length) return false;
  return a.tables.every((ids, t) => {
    const other = new Set(b.tables[t]);
    return ids.length === other.size && ids.every((id) => other.has(id));
  });
}
