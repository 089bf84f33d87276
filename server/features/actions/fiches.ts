/**
 * The fiche read model: a contract's live fiches as every view shows them — their place
 * (axis, objective, number), their declared status and the status people see (« En
 * retard » from overdue milestones, « Fusionnée »), with their milestones. Written once
 * here and read by the fiche list and page, the dashboard, the timeline, the COTECH table
 * (and the deck built on it), the quarterly review, the spreadsheet and the annual report.
 * It also names the people who pilot each fiche (accounts with role lead on it).
 */
import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actions, membershipActions, memberships, milestones, users } from "../../db/schema.js";
import type { DatePrecision } from "../../domain/dates.js";
import type { ActionStatus } from "../../domain/statuses.js";
import { SHOWN_STATUSES, shownStatus, type ShownStatus } from "../../domain/shown-status.js";

export interface FicheMilestone {
  id: string;
  actionId: string;
  title: string;
  plannedBy: string;
  originallyBy: string;
  doneOn: string | null;
  /** « month » when only doneOn's month is known (absent: « day »). */
  doneOnPrecision?: DatePrecision;
}

/** A person who pilots a fiche: an active account with role lead on it. */
export interface FichePilot {
  actionId: string;
  id: string;
  name: string;
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
  /** The people who pilot it, by name. */
  pilots: { id: string; name: string }[];
}

/**
 * The projection of fiche rows, their milestones and pilots on a day (pure). A past day gives
 * the fiches as they stood then: a milestone done after it is still open (and may be overdue),
 * so a deck, a review or an annual report says what was true on its date.
 */
export function projectFiches(rows: FicheRow[], milestoneRows: FicheMilestone[], today: string, pilotRows: FichePilot[] = []): Fiche[] {
  const byFiche = new Map<string, FicheMilestone[]>();
  for (const m of [...milestoneRows].sort((a, b) => a.plannedBy.localeCompare(b.plannedBy))) {
    const asOf = m.doneOn && m.doneOn > today ? { ...m, doneOn: null } : m;
    byFiche.set(m.actionId, [...(byFiche.get(m.actionId) ?? []), asOf]);
  }
  const pilotsOf = new Map<string, { id: string; name: string }[]>();
  for (const p of [...pilotRows].sort((a, b) => a.name.localeCompare(b.name, "fr"))) pilotsOf.set(p.actionId, [...(pilotsOf.get(p.actionId) ?? []), { id: p.id, name: p.name }]);
  return rows
    .map((row) => {
      const own = byFiche.get(row.id) ?? [];
      const shown = shownStatus(row.mergedIntoId ? "merged" : row.status, own, today);
      return { ...row, shownStatus: shown, shownStatusLabel: SHOWN_STATUSES[shown], milestones: own, pilots: pilotsOf.get(row.id) ?? [] };
    })
    .sort((a, b) => a.number - b.number);
}

/** Which fiches of a contract: the live ones (what every view shows), the archived ones, or named ones. */
export type FicheSet = "live" | "archived" | { ids: string[] };

function inSet(contractId: string, set: FicheSet): SQL {
  const which = set === "live" ? isNull(actions.archivedAt) : set === "archived" ? isNotNull(actions.archivedAt) : inArray(actions.id, set.ids);
  return and(eq(actions.contractId, contractId), which)!;
}

/**
 * A contract's fiches (live unless told) on `today`, in number order: one query, each fiche
 * with its milestones and pilots as JSON — one round trip for every view built on fiches.
 */
export async function loadFicheProjections(db: Db | Tx, contractId: string, today: string, set: FicheSet = "live"): Promise<Fiche[]> {
  if (typeof set === "object" && !set.ids.length) return [];
  // Written with aliases: Drizzle leaves the columns of a one-table select unqualified.
  const milestoneList = sql<Omit<FicheMilestone, "actionId">[]>`coalesce((
    select json_agg(json_build_object('id', m.id, 'title', m.title, 'plannedBy', m.planned_by, 'originallyBy', m.originally_by, 'doneOn', m.done_on, 'doneOnPrecision', m.done_on_precision)
      order by m.planned_by, m.position)
    from ${milestones} m where m.action_id = "actions"."id"), '[]'::json)`;
  const pilotList = sql<Omit<FichePilot, "actionId">[]>`coalesce((
    select json_agg(json_build_object('id', u.id, 'name', u.name))
    from ${membershipActions} ma join ${memberships} ms on ms.id = ma.membership_id join ${users} u on u.id = ms.user_id
    where ma.action_id = "actions"."id" and ms.role = 'lead' and u.deactivated_at is null), '[]'::json)`;
  const rows = await db
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
      milestones: milestoneList,
      pilots: pilotList,
    })
    .from(actions)
    .where(inSet(contractId, set));
  return projectFiches(
    rows.map(({ milestones: _m, pilots: _p, ...row }) => row),
    rows.flatMap((r) => r.milestones.map((m) => ({ ...m, actionId: r.id }))),
    today,
    rows.flatMap((r) => r.pilots.map((p) => ({ ...p, actionId: r.id }))),
  );
}
