/** The timeline of a contract (issue 5): each fiche's period and milestones over the contract's period. */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, axes, contracts, milestones } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { scheduleLabel } from "../monitoring/rules.js";
import { isOverdue, SHOWN_STATUSES, shownStatus } from "../../domain/shown-status.js";

export async function loadTimeline(db: Db, contractId: string, today: string) {
  const [contract] = await db.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const fiches = await db
    .select({
      id: actions.id,
      number: actions.number,
      title: actions.title,
      status: actions.status,
      mergedIntoId: actions.mergedIntoId,
      startMonth: actions.startMonth,
      endMonth: actions.endMonth,
      axisNumber: axes.number,
      axisTitle: axes.title,
    })
    .from(actions)
    .innerJoin(axes, eq(axes.id, actions.axisId))
    .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)))
    .orderBy(asc(axes.number), asc(actions.number));
  const ms = await db
    .select({ id: milestones.id, actionId: milestones.actionId, title: milestones.title, plannedBy: milestones.plannedBy, originallyBy: milestones.originallyBy, doneOn: milestones.doneOn })
    .from(milestones)
    .innerJoin(actions, eq(actions.id, milestones.actionId))
    .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)))
    .orderBy(asc(milestones.plannedBy));
  return {
    start: contract.startDate,
    end: contract.endDate,
    today,
    rows: fiches.map((f) => {
      const own = ms.filter((m) => m.actionId === f.id);
      const shown = shownStatus(f.mergedIntoId ? "merged" : f.status, own, today);
      return {
        action: { id: f.id, number: f.number, title: f.title, shownStatus: shown, shownStatusLabel: SHOWN_STATUSES[shown] },
        axisNumber: f.axisNumber,
        axisTitle: f.axisTitle,
        startMonth: f.startMonth,
        endMonth: f.endMonth,
        milestones: own.map(({ actionId: _a, ...m }) => ({ ...m, label: scheduleLabel(m), overdue: isOverdue(m, today) })),
      };
    }),
  };
}
