import { type FundingStatusKey } from "../../../server/shared";
import { blankActionContent, type ActionBody } from "../../../server/shared-forms";
import type { Action, Contract } from "../../api/queries";
import type { Errors } from "../../components/form";

/** A budget line as the form holds it: year and amount as typed. */
export interface BudgetDraft {
  year: string;
  amount: string;
  funderId: string;
  status: FundingStatusKey;
}

/** What the fiche form edits: the API body, with the few fields typed as the inputs hold them. */
export type ActionDraft = Omit<ActionBody, "indicators" | "prsProjects" | "budgets"> & {
  version?: number;
  prsProjects: string;
  indicators: (Omit<ActionBody["indicators"][number], "baseline" | "target"> & { baseline: string; target: string })[];
  budgets: BudgetDraft[];
};

export function emptyDraft(axisId: string, number: number): ActionDraft {
  return { ...blankActionContent(number), axisId, objectiveId: null, prsProjects: "", indicators: [], budgets: [] };
}

export function draftFromAction(a: Action): ActionDraft {
  return {
    version: a.version,
    axisId: a.axisId,
    objectiveId: a.objectiveId,
    number: a.number,
    title: a.title,
    status: a.status,
    lead: a.lead ? { organisation: a.lead.organisation, person: a.lead.person } : null,
    startMonth: a.startMonth,
    endMonth: a.endMonth,
    justification: a.justification,
    specificObjective: a.specificObjective,
    operationalObjectives: a.operationalObjectives,
    description: a.description,
    preExisting: a.preExisting,
    targetPublic: a.targetPublic,
    place: a.place,
    territory: a.territory,
    determinants: a.determinants,
    themes: a.themes,
    otherPlans: a.otherPlans,
    prsProjects: a.prsProjects.join(", "),
    partners: a.partners.map(({ organisationName: _n, ...p }) => p),
    participation: a.participation,
    indicators: a.indicators.map((i) => ({ ...i, baseline: i.baseline === null ? "" : String(i.baseline), target: i.target === null ? "" : String(i.target) })),
    budgets: a.budget.lines.map((l) => ({ year: String(l.year), amount: String(l.amount), funderId: l.funder.id, status: l.status })),
  };
}

/** "12,5" → 12.5; "" → null; anything else is left as text for the schema to refuse. */
function toNumber(value: string): number | null | string {
  const v = value.trim().replace(/\s/g, "").replace(",", ".");
  if (v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : value;
}

/** The body sent to the API (validated by the same zod schema as the server's). */
export function bodyFromDraft(d: ActionDraft): unknown {
  return {
    ...d,
    startMonth: d.startMonth || null,
    endMonth: d.endMonth || null,
    lead: d.lead?.organisation ? { organisation: d.lead.organisation, person: d.lead.person?.trim() || null } : null,
    prsProjects: d.prsProjects
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    indicators: d.indicators.map((i) => ({ ...i, baseline: toNumber(i.baseline), target: toNumber(i.target) })),
    budgets: d.budgets.map((b) => ({ ...b, year: toNumber(b.year), amount: toNumber(b.amount.replace(/\s*€\s*$/, "")) })),
    participation: { ...d.participation, degree: d.participation.involved ? d.participation.degree : null },
  };
}

/** What each block of the fiche form receives. */
export interface FieldsProps {
  draft: ActionDraft;
  setDraft: (update: (d: ActionDraft) => ActionDraft) => void;
  errors: Errors;
  contract: Contract;
  /** A fiche saved before determinants were asked for may keep none: the field is then optional. */
  determinantsOptional?: boolean;
}
