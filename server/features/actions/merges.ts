/** The merges between fiches: the fiche one was merged into, those merged into it. */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions } from "../../db/schema.js";

/** The fiche this one was merged into, and the fiches merged into this one. */
export async function mergeLinks(db: Db, actionId: string, mergedIntoId: string | null) {
  const into = mergedIntoId
    ? ((await db.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(eq(actions.id, mergedIntoId)))[0] ?? null)
    : null;
  const from = await db.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(eq(actions.mergedIntoId, actionId)).orderBy(actions.number);
  return { mergedInto: into, mergedFrom: from };
}

/** Every fiche merged into this one, directly or through another merged fiche. */
export async function mergedIntoTree(db: Db, actionId: string): Promise<string[]> {
  const found: string[] = [];
  for (let level = [actionId]; level.length; ) {
    const rows = await db.select({ id: actions.id }).from(actions).where(inArray(actions.mergedIntoId, level));
    level = rows.map((r) => r.id).filter((id) => id !== actionId && !found.includes(id));
    found.push(...level);
  }
  return found;
}

export async function ficheNames(db: Db, ids: string[]) {
  return ids.length ? db.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(inArray(actions.id, ids)) : [];
}
