/**
 * The fiche read model: a contract's live fiches as every view shows them — their place
 * (axis, objective, number), their declared status and the status people see (« En
 * retard » from overdue milestones, « Fusionnée »), with their milestones. Written once
 * here and read by the dashboard, the timeline, the COTECH table (and the deck built on it)
 * and the annual report.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, milestones } from "../../db/schema.js";
import { together } from "../../db/together.js";
import type { ActionStatus } from "../../domain/statuses.js";
import { SHOWN_STATUSES, shownStatus, type ShownStatus } from "../../domain/shown-status.js";

export interface FicheMilestone {
  id: string;
  actionId: string;
  title: string;
  plannedBy: string;
  originallyBy: string;
  doneOn: string | null;
}

export interface FicheRow {
  id: string;
  axisId: string;
  objectiveId: string | null;
  number: number;
  title: string;
  status: ActionStatus;
  mergedIntoId: string | null;
  specificObjective: string;
  startMonth: string | null;
  endMonth: string | null;
}

export interface Fiche extends FicheRow {
  shownStatus: ShownStatus;
  shownStatusLabel: string;
  /** In planned order. */
  milestones: FicheMilestone[];
}

/** The projection of fiche rows and their milestones on a day (pure). */
export function projectFiches(rows: FicheRow[], milestoneRows: FicheMilestone[], today: string): Fiche[] {
  const byFiche = new Map<string, FicheMilestone[]>();
  for (const m of [...milestoneRows].sort((a, b) => a.plannedBy.localeCompare(b.plannedBy))) byFiche.set(m.actionId, [...(byFiche.get(m.actionId) ?? []), m]);
  return rows
    .map((row) => {
      const own = byFiche.get(row.id) ?? [];
      const shown = shownStatus(row.mergedIntoId ? "merged" : row.status, own, today);
      return { ...row, shownStatus: shown, shownStatusLabel: SHOWN_STATUSES[shown], milestones: own };
    })
    .sort((a, b) => a.number - b.number);
}

/** A contract's live fiches on `today`, in number order: two queries, at once. */
export async function loadFicheProjections(db: Db, contractId: string, today: string): Promise<Fiche[]> {
  const live = and(eq(actions.contractId, contractId), isNull(actions.archivedAt));
  const [rows, milestoneRows] = await together(
    db,
    () =>
      db
        .select({
          id: actions.id,
          axisId: actions.axisId,
          objectiveId: actions.objectiveId,
          number: actions.number,
          title: actions.title,
          status: actions.status,
          mergedIntoId: actions.mergedIntoId,
          specificObjective: actions.specificObjective,
          startMonth: actions.startMonth,
          endMonth: actions.endMonth,
        })
        .from(actions)
        .where(live),
    () =>
      db
        .select({ id: milestones.id, actionId: milestones.actionId, title: milestones.title, plannedBy: milestones.plannedBy, originallyBy: milestones.originallyBy, doneOn: milestones.doneOn })
        .from(milestones)
        .innerJoin(actions, eq(actions.id, milestones.actionId))
        .where(live)
        .orderBy(asc(milestones.plannedBy)),
  );
  return projectFiches(rows, milestoneRows, today);
}
