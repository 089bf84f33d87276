/**
 * The facts of a contract for the territory overview, built from the rows of queries.ts
 * (pure): each live fiche with the status people see, whether it moved this quarter, its
 * indicators measured within 12 months, its budget by funder; the COPIL's and COTECH's last
 * meeting and whether they keep the contract's rhythm; the latest review published. They do
 * not depend on who asks nor on the filters: kept per contract until it changes.
 */
import type { ActionStatus } from "../../domain/statuses.js";
import { shownStatus, type ShownStatus } from "../../domain/shown-status.js";
import { parisDay } from "../../domain/dates.js";
import { isStale } from "../followup/rules.js";
import { rhythmAlert, type Rhythm } from "../governance/rhythm.js";

export interface FunderShare {
  name: string;
  secured: number;
  requested: number;
}

export interface FicheFacts {
  id: string;
  contractId: string;
  number: number;
  title: string;
  axisNumber: number;
  status: ActionStatus;
  shownStatus: ShownStatus;
  /** The planned day of its earliest overdue milestone, when it is late. */
  lateSince: string | null;
  /** Its themes as people read them (« Autre : … » with its text). */
  themes: string[];
  /** Its themes as the vocabulary names them (for the filter and the theme × PRS table). */
  themeKeys: string[];
  determinants: string[];
  prsCodes: string[];
  leadOrganisation: string | null;
  startMonth: string | null;
  endMonth: string | null;
  /** Not started, in progress or late: a progress entry is expected each quarter. */
  active: boolean;
  progressThisQuarter: boolean;
  indicators: number;
  /** Its indicators measured in the last 12 months. */
  indicatorsMeasured: number;
  /** In euros: granted, asked for. */
  secured: number;
  requested: number;
  funders: FunderShare[];
}

export type CommitteeKind = "copil" | "cotech";

export interface CommitteeFacts {
  /** The Paris day of the last meeting held (not cancelled), up to today. */
  lastOn: string | null;
  /** Whether it meets as often as the contract says; null when no rhythm is set (or no such body). */
  holds: boolean | null;
  /** « Aucun COPIL depuis 8 mois : le contrat en prévoit 2 par an. » */
  alert: string | null;
}

export interface ContractFacts {
  contractId: string;
  fiches: FicheFacts[];
  copil: CommitteeFacts;
  cotech: CommitteeFacts;
  /** The latest quarter with a published review, and the day of its latest publication. */
  lastReview: { year: number; quarter: number; publishedOn: string } | null;
}

interface FicheRow {
  id: string;
  contractId: string;
  number: number;
  title: string;
  status: ActionStatus;
  mergedIntoId: string | null;
  axisNumber: number;
  themes: { theme: string; other: string | null }[];
  determinants: string[];
  prsProjects: string[];
  startMonth: string | null;
  endMonth: string | null;
  leadOrganisation: string | null;
  openMilestone: string | null;
  progressThisQuarter: boolean;
}

export interface RowsOfFacts {
  fiches: FicheRow[];
  indicators: { actionId: string; lastMeasuredOn: string | null }[];
  budgets: { actionId: string; funder: string; status: "secured" | "requested"; amount: number }[];
  bodies: { contractId: string; kind: string; name: string; rhythmKind: string | null; rhythmValue: number | null; since: string; endDate: string; lastHeld: string | null; lastHeldInPeriod: string | null }[];
  reviews: { contractId: string; year: number; quarter: number; publishedAt: Date }[];
}

const ACTIVE: ReadonlySet<ShownStatus> = new Set(["not_started", "in_progress", "late"]);

const rhythmOf = (kind: string | null, value: number | null): Rhythm | null =>
  kind === "per_year" && value ? { kind: "per_year", count: value } : kind === "every_months" && value ? { kind: "every_months", months: value } : null;

const themeLabel = (t: { theme: string; other: string | null }) => (t.other?.trim() ? `${t.theme} : ${t.other.trim()}` : t.theme);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One fiche's facts on `today`: its shown status from its earliest open milestone (the rule of shown-status.ts). */
export function ficheFacts(row: FicheRow, indicatorDays: (string | null)[], budgets: RowsOfFacts["budgets"], today: string): FicheFacts {
  const open = row.openMilestone ? [{ plannedBy: row.openMilestone, doneOn: null }] : [];
  const shown = shownStatus(row.mergedIntoId ? "merged" : row.status, open, today);
  const funders = new Map<string, FunderShare>();
  for (const b of budgets) {
    const share = funders.get(b.funder) ?? { name: b.funder, secured: 0, requested: 0 };
    share[b.status] += b.amount;
    funders.set(b.funder, share);
  }
  const shares = [...funders.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return {
    id: row.id,
    contractId: row.contractId,
    number: row.number,
    title: row.title,
    axisNumber: row.axisNumber,
    status: row.status,
    shownStatus: shown,
    lateSince: shown === "late" ? row.openMilestone : null,
    themes: row.themes.map(themeLabel),
    themeKeys: [...new Set(row.themes.map((t) => t.theme))],
    determinants: row.determinants,
    prsCodes: [...new Set(row.prsProjects.map((c) => c.trim()).filter(Boolean))],
    leadOrganisation: row.leadOrganisation,
    startMonth: row.startMonth,
    endMonth: row.endMonth,
    active: ACTIVE.has(shown),
    progressThisQuarter: row.progressThisQuarter,
    indicators: indicatorDays.length,
    indicatorsMeasured: indicatorDays.filter((d) => !isStale(d, today)).length,
    secured: shares.reduce((s, f) => s + f.secured, 0),
    requested: shares.reduce((s, f) => s + f.requested, 0),
    funders: shares,
  };
}

/**
 * A committee kind (COPIL or COTECH) of a contract: its last meeting held up to today, and the
 * rhythm rule of governance/rhythm.ts as the dashboard applies it (counted up to the contract's
 * end once it is over). Several bodies of one kind hold only if each does.
 */
export function committeeFacts(bodies: RowsOfFacts["bodies"], today: string): CommitteeFacts {
  const lastOn = bodies.map((b) => b.lastHeld).filter((d): d is string => !!d).sort().at(-1) ?? null;
  let holds: boolean | null = null;
  let alert: string | null = null;
  for (const b of bodies) {
    const rhythm = rhythmOf(b.rhythmKind, b.rhythmValue);
    if (!rhythm) continue;
    const reference = b.endDate < today ? b.endDate : today;
    const message = rhythmAlert({ name: b.kind === "copil" ? "COPIL" : "COTECH", rhythm, since: b.since, heldOn: b.lastHeldInPeriod ? [b.lastHeldInPeriod] : [] }, reference);
    holds = (holds ?? true) && !message;
    alert ??= message;
  }
  return { lastOn, holds, alert };
}

/** The facts of each contract of `contractIds` (also those with no fiche, body or review). */
export function contractFacts(contractIds: readonly string[], rows: RowsOfFacts, today: string): Map<string, ContractFacts> {
  const indicatorDays = new Map<string, (string | null)[]>();
  for (const i of rows.indicators) push(indicatorDays, i.actionId, i.lastMeasuredOn);
  const budgets = new Map<string, RowsOfFacts["budgets"]>();
  for (const b of rows.budgets) push(budgets, b.actionId, b);
  const fiches = new Map<string, FicheFacts[]>();
  for (const f of rows.fiches) push(fiches, f.contractId, ficheFacts(f, indicatorDays.get(f.id) ?? [], budgets.get(f.id) ?? [], today));
  const bodies = new Map<string, RowsOfFacts["bodies"]>();
  for (const b of rows.bodies) push(bodies, `${b.contractId}:${b.kind}`, b);
  const reviews = new Map(rows.reviews.map((r) => [r.contractId, r]));
  return new Map(
    contractIds.map((id) => {
      const review = reviews.get(id);
      return [
        id,
        {
          contractId: id,
          fiches: (fiches.get(id) ?? []).sort((a, b) => a.number - b.number),
          copil: committeeFacts(bodies.get(`${id}:copil`) ?? [], today),
          cotech: committeeFacts(bodies.get(`${id}:cotech`) ?? [], today),
          lastReview: review ? { year: review.year, quarter: review.quarter, publishedOn: parisDay(review.publishedAt) } : null,
        },
      ];
    }),
  );
}
