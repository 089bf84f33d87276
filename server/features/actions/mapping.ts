import type { z } from "zod";
import type { actionBudgets, actions, actionPartners, indicators } from "../../db/schema.js";
import { budgetTotals } from "../../domain/budget.js";
import type { actionContent } from "./schema.js";

/** A fiche's content whose organisations are already resolved to ids. */
export type ActionContent = z.infer<ReturnType<typeof actionContent<z.ZodString>>>;
type ActionRow = typeof actions.$inferSelect;
type PartnerRow = typeof actionPartners.$inferSelect;
type IndicatorRow = typeof indicators.$inferSelect;
type BudgetRow = Pick<typeof actionBudgets.$inferSelect, "year" | "amount" | "funderId" | "status" | "position">;

/** Columns of the actions table for a fiche's content (children excluded). */
export function actionColumns(a: ActionContent) {
  return {
    number: a.number,
    title: a.title,
    status: a.status,
    leadOrganisationId: a.lead?.organisation ?? null,
    leadPerson: a.lead?.person || null,
    startMonth: a.startMonth,
    endMonth: a.endMonth,
    justification: a.justification.text,
    inequalitiesIdentified: a.justification.inequalitiesIdentified,
    cityContractHealth: a.justification.cityContractHealth,
    specificObjective: a.specificObjective,
    operationalObjectives: a.operationalObjectives,
    description: a.description,
    preExisting: a.preExisting,
    targetPublic: a.targetPublic,
    place: a.place,
    territoryScope: a.territory.scope,
    territoryCommunes: a.territory.scope === "communes" || a.territory.scope === "sub_municipal" ? a.territory.communes : [],
    determinants: a.determinants,
    themes: a.themes,
    otherPlans: a.otherPlans,
    prsProjects: a.prsProjects,
    participationInvolved: a.participation.involved,
    participationHow: a.participation.how,
    participationDegree: a.participation.degree,
  };
}

/** The nested content of a fiche, read back from its rows; `org` turns an organisation id into its reference. */
export function actionContentFromRows<R>(row: ActionRow, partners: PartnerRow[], indicatorRows: IndicatorRow[], org: (id: string) => R) {
  return {
    number: row.number,
    title: row.title,
    status: row.status,
    lead: row.leadOrganisationId ? { organisation: org(row.leadOrganisationId), person: row.leadPerson } : null,
    startMonth: row.startMonth,
    endMonth: row.endMonth,
    justification: {
      text: row.justification,
      inequalitiesIdentified: row.inequalitiesIdentified,
      cityContractHealth: row.cityContractHealth,
    },
    specificObjective: row.specificObjective,
    operationalObjectives: row.operationalObjectives,
    description: row.description,
    preExisting: row.preExisting,
    targetPublic: row.targetPublic,
    place: row.place,
    territory: { scope: row.territoryScope, communes: row.territoryCommunes },
    determinants: row.determinants,
    themes: row.themes,
    otherPlans: row.otherPlans,
    prsProjects: row.prsProjects,
    partners: [...partners]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        sector: p.sector,
        organisation: org(p.organisationId),
        person: p.person,
        needsAnalysis: p.needsAnalysis,
        resourceMobilisation: p.resourceMobilisation,
        implementation: p.implementation,
        coSteering: p.coSteering,
      })),
    participation: { involved: row.participationInvolved, how: row.participationHow, degree: row.participationDegree },
    indicators: [...indicatorRows]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ id: i.id, kind: i.kind, label: i.label, unit: i.unit, baseline: i.baseline, target: i.target })),
  };
}

/** A fiche's budget as it is read: its lines in order, each funder named, and the totals (secured, requested). */
export function budgetView(rows: readonly BudgetRow[], organisationName: (id: string) => string) {
  const lines = [...rows]
    .sort((a, b) => a.position - b.position)
    .map((b) => ({ year: b.year, amount: b.amount, funder: { id: b.funderId, name: organisationName(b.funderId) }, status: b.status }));
  return { lines, ...budgetTotals(lines) };
}

/**
 * A fiche as it is read back (its page, and each row of the spreadsheet): its rows as
 * nested content, its place, the names of its lead and partners, and its budget.
 */
export function ficheContentView<A, O>(
  row: ActionRow,
  partners: PartnerRow[],
  indicatorRows: IndicatorRow[],
  place: { axis: A; objective: O | null },
  organisationName: (id: string) => string,
  budgetRows: readonly BudgetRow[],
) {
  const content = actionContentFromRows(row, partners, indicatorRows, (id) => id);
  return {
    id: row.id,
    contractId: row.contractId,
    version: row.version,
    archivedAt: row.archivedAt,
    updatedAt: row.updatedAt,
    axisId: row.axisId,
    objectiveId: row.objectiveId,
    axis: place.axis,
    objective: place.objective,
    ...content,
    lead: content.lead ? { ...content.lead, organisationName: organisationName(content.lead.organisation) } : null,
    partners: content.partners.map((p) => ({ ...p, organisationName: organisationName(p.organisation) })),
    budget: budgetView(budgetRows, organisationName),
  };
}
