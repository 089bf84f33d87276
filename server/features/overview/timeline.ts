/** The timeline of a contract (issue 5): each fiche's period and milestones over the contract's period. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { axes, contracts } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { scheduleLabel } from "../followup/rules.js";
import { isOverdue } from "../../domain/shown-status.js";
import { loadFicheProjections } from "../actions/fiches.js";

export async function loadTimeline(db: Db, contractId: string, today: string) {
  const [[contract], axisRows, fiches] = await Promise.all([
    db.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId)),
    db.select({ id: axes.id, number: axes.number, title: axes.title }).from(axes).where(eq(axes.contractId, contractId)),
    loadFicheProjections(db, contractId, today),
  ]);
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const axisOf = new Map(axisRows.map((a) => [a.id, a]));
  const ordered = [...fiches].sort((a, b) => axisOf.get(a.axisId)!.number - axisOf.get(b.axisId)!.number || a.number - b.number);
  return {
    start: contract.startDate,
    end: contract.endDate,
    today,
    rows: ordered.map((f) => ({
      action: { id: f.id, number: f.number, title: f.title, shownStatus: f.shownStatus, shownStatusLabel: f.shownStatusLabel },
      axisNumber: axisOf.get(f.axisId)!.number,
      axisTitle: axisOf.get(f.axisId)!.title,
      startMonth: f.startMonth,
      endMonth: f.endMonth,
      milestones: f.milestones.map(({ actionId: _a, ...m }) => ({ ...m, label: scheduleLabel(m), overdue: isOverdue(m, today) })),
    })),
  };
}
