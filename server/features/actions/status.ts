/**
 * Status of a fiche action. The stored part is what people declare; "late"
 * is computed from milestones (issue 5) and never stored.
 */
import type { ActionStatus } from "../../domain/statuses.js";
import { parisMonth } from "../../domain/dates.js";

interface StatusFacts {
  status: ActionStatus;
  startMonth: string | null;
  endMonth: string | null;
}

/**
 * Rules between a fiche's declared status and its dates, as French messages
 * keyed by field. `today` is "AAAA-MM" (the current month).
 */
export function statusIssues(a: StatusFacts, today: string): { path: "status" | "endMonth"; message: string }[] {
  const issues: { path: "status" | "endMonth"; message: string }[] = [];
  if (a.status === "done" && !a.endMonth) issues.push({ path: "endMonth", message: "Indiquez le mois de fin d'une fiche réalisée." });
  if (a.status === "done" && a.endMonth && a.endMonth > today)
    issues.push({ path: "endMonth", message: "Une fiche réalisée ne peut pas finir dans le futur : corrigez la fin ou le statut." });
  if (a.status === "in_progress" && a.startMonth && a.startMonth > today)
    issues.push({ path: "status", message: "Une fiche qui commence dans le futur ne peut pas être « En cours »." });
  return issues;
}

/** The current month, "AAAA-MM", in France. */
export function currentMonth(now = new Date()): string {
  return parisMonth(now);
}
