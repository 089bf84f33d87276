/** The status people see on fiches: declared, "merged" once merged, "late" from overdue milestones (server/domain/shown-status.ts). */
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, milestones } from "../../db/schema.js";
import type { ActionStatus } from "../../domain/statuses.js";
import { SHOWN_STATUSES, shownStatus, type ShownStatus } from "../../domain/shown-status.js";

interface Fiche {
  id: string;
  status: ActionStatus;
  mergedIntoId: string | null;
}

/** The shown status of each fiche, with one query for all their overdue milestones. */
export async function shownStatuses(db: Db, fiches: Fiche[], today: string): Promise<Map<string, { shownStatus: ShownStatus; shownStatusLabel: string }>> {
  const ids = fiches.map((f) => f.id);
  const overdue = ids.length
    ? await db
        .selectDistinct({ actionId: milestones.actionId, plannedBy: milestones.plannedBy })
        .from(milestones)
        .where(and(inArray(milestones.actionId, ids), isNull(milestones.doneOn), lt(milestones.plannedBy, today)))
    : [];
  const late = new Map<string, { plannedBy: string; doneOn: null }[]>();
  for (const o of overdue) late.set(o.actionId, [...(late.get(o.actionId) ?? []), { plannedBy: o.plannedBy, doneOn: null }]);
  return new Map(
    fiches.map((f) => {
      const shown = shownStatus(f.mergedIntoId ? "merged" : f.status, late.get(f.id) ?? [], today);
      return [f.id, { shownStatus: shown, shownStatusLabel: SHOWN_STATUSES[shown] }];
    }),
  );
}

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
