import { and, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actionBudgets, actionPartners, actions, axes, communes, indicators, objectives, organisations, priorityAreas } from "../../db/schema.js";
import { budgetTotals, type BudgetTotals } from "../../domain/budget.js";
import { together } from "../../db/together.js";
import { invalid, notFound } from "../../http/problem.js";
import type { ActionFilters } from "./filters.js";
import { ficheContentView } from "./mapping.js";
import { sortActions } from "./sorting.js";

/** "FA 9", "fa9", "9": a search for a fiche number. */
const NUMBER_QUERY = /^(?:fa\s*)?(\d{1,3})$/i;

function filterConditions(contractId: string, f: ActionFilters): SQL[] {
  const where: SQL[] = [eq(actions.contractId, contractId)];
  where.push(f.archived === "true" ? isNotNull(actions.archivedAt) : isNull(actions.archivedAt));
  if (f.axis) where.push(eq(actions.axisId, f.axis));
  if (f.objective) where.push(eq(actions.objectiveId, f.objective));
  if (f.lead) where.push(eq(actions.leadOrganisationId, f.lead));
  if (f.status) where.push(eq(actions.status, f.status));
  if (f.theme) where.push(sql`${actions.themes} @> ${JSON.stringify([{ theme: f.theme }])}::jsonb`);
  if (f.commune) {
    where.push(
      or(
        eq(actions.territoryScope, "whole"),
        and(eq(actions.territoryScope, "communes"), sql`${actions.territoryCommunes} ? ${f.commune}`),
        // Infra-communal: the listed communes, or anywhere when none is named.
        and(eq(actions.territoryScope, "sub_municipal"), sql`(${actions.territoryCommunes} = '[]'::jsonb or ${actions.territoryCommunes} ? ${f.commune})`),
        and(
          eq(actions.territoryScope, "priority_areas"),
          sql`exists (select 1 from ${priorityAreas} where ${priorityAreas.contractId} = ${actions.contractId} and ${priorityAreas.communeInseeCode} = ${f.commune})`,
        ),
      )!,
    );
  }
  if (f.q) {
    const number = NUMBER_QUERY.exec(f.q);
    const text = or(
      sql`${actions.search} @@ websearch_to_tsquery('french', ${f.q})`,
      sql`${actions.title} ilike ${"%" + f.q.replace(/[\\%_]/g, "\\$&") + "%"}`,
    )!;
    where.push(number ? or(eq(actions.number, Number(number[1])), text)! : text);
  }
  return where;
}

export async function listActions(db: Db, contractId: string, f: ActionFilters) {
  const rank = f.q ? sql<number>`ts_rank(${actions.search}, websearch_to_tsquery('french', ${f.q}))` : sql<number>`0`;
  const [rows, budgets] = await Promise.all([
    db
      .select({
        id: actions.id,
        number: actions.number,
        title: actions.title,
        status: actions.status,
        mergedIntoId: actions.mergedIntoId,
        startMonth: actions.startMonth,
        endMonth: actions.endMonth,
        themes: actions.themes,
        territoryScope: actions.territoryScope,
        archivedAt: actions.archivedAt,
        axis: { id: axes.id, number: axes.number, title: axes.title },
        objectiveId: actions.objectiveId,
        objectiveCode: objectives.code,
        leadId: organisations.id,
        leadName: organisations.name,
        leadShortName: organisations.shortName,
        leadPerson: actions.leadPerson,
        rank,
      })
      .from(actions)
      .innerJoin(axes, eq(axes.id, actions.axisId))
      .leftJoin(objectives, eq(objectives.id, actions.objectiveId))
      .leftJoin(organisations, eq(organisations.id, actions.leadOrganisationId))
      .where(and(...filterConditions(contractId, f))),
    contractBudgetTotals(db, contractId),
  ]);
  const noBudget = budgetTotals([]);
  const items = rows.map(({ objectiveId, objectiveCode, leadId, leadName, leadShortName, leadPerson, ...r }) => ({
    ...r,
    objective: objectiveId ? { id: objectiveId, code: objectiveCode! } : null,
    lead: leadId ? { organisationId: leadId, name: leadName!, shortName: leadShortName, person: leadPerson } : null,
    budget: budgets.get(r.id) ?? noBudget,
  }));
  const sort = f.sort ?? (f.q ? "relevance" : "number");
  return { items: sortActions(items, sort, f.order ?? "asc"), total: items.length, sort };
}
export type ActionListItem = Awaited<ReturnType<typeof listActions>>["items"][number];

/** The budget totals of each fiche of a contract that has a budget (one grouped query). */
export async function contractBudgetTotals(db: Db, contractId: string): Promise<Map<string, BudgetTotals>> {
  const rows = await db
    .select({ actionId: actionBudgets.actionId, status: actionBudgets.status, amount: sql<number>`sum(${actionBudgets.amount})::float8` })
    .from(actionBudgets)
    .where(eq(actionBudgets.contractId, contractId))
    .groupBy(actionBudgets.actionId, actionBudgets.status);
  const byFiche = new Map<string, { amount: number; status: "secured" | "requested" }[]>();
  for (const r of rows) byFiche.set(r.actionId, [...(byFiche.get(r.actionId) ?? []), { amount: Number(r.amount), status: r.status }]);
  return new Map([...byFiche].map(([id, lines]) => [id, budgetTotals(lines)]));
}

/** Leads and themes in use in a contract, for the list's filters. */
export async function actionFacets(db: Db, contractId: string) {
  const live = and(eq(actions.contractId, contractId), isNull(actions.archivedAt));
  const [leads, themes] = await Promise.all([
    db
      .selectDistinct({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
      .from(actions)
      .innerJoin(organisations, eq(organisations.id, actions.leadOrganisationId))
      .where(live)
      .orderBy(asc(organisations.name)),
    db.select({ themes: actions.themes }).from(actions).where(live),
  ]);
  const themeSet = [...new Set(themes.flatMap((r) => r.themes.map((t) => t.theme)))].sort((a, b) => a.localeCompare(b, "fr"));
  return { leads, themes: themeSet };
}

export const ACTION_NOT_FOUND = "Cette fiche action est introuvable.";

export async function actionContractId(db: Db, actionId: string): Promise<string> {
  const [row] = await db.select({ contractId: actions.contractId }).from(actions).where(eq(actions.id, actionId));
  if (!row) throw notFound(ACTION_NOT_FOUND);
  return row.contractId;
}

/** A whole fiche, in the nested shape of its edit form, with names for display. */
export async function getAction(db: Db | Tx, actionId: string) {
  // At once on the pool; one after the other in a transaction (the history reads a fiche inside the transaction of its change).
  const [[found], partnerRows, indicatorRows, budgetRows, orgRows] = await together(
    db,
    () =>
      db
        .select({ row: actions, axis: { id: axes.id, number: axes.number, title: axes.title }, objective: { id: objectives.id, code: objectives.code, title: objectives.title } })
        .from(actions)
        .innerJoin(axes, eq(axes.id, actions.axisId))
        .leftJoin(objectives, eq(objectives.id, actions.objectiveId))
        .where(eq(actions.id, actionId)),
    () => db.select().from(actionPartners).where(eq(actionPartners.actionId, actionId)),
    () => db.select().from(indicators).where(eq(indicators.actionId, actionId)),
    () => db.select().from(actionBudgets).where(eq(actionBudgets.actionId, actionId)),
    () =>
      db
        .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName })
        .from(organisations)
        .where(
          or(
            inArray(organisations.id, db.select({ id: actions.leadOrganisationId }).from(actions).where(eq(actions.id, actionId))),
            inArray(organisations.id, db.select({ id: actionPartners.organisationId }).from(actionPartners).where(eq(actionPartners.actionId, actionId))),
            inArray(organisations.id, db.select({ id: actionBudgets.funderId }).from(actionBudgets).where(eq(actionBudgets.actionId, actionId))),
          ),
        ),
  );
  if (!found) throw notFound(ACTION_NOT_FOUND);
  const { row, axis } = found;
  const objectiveRows = found.objective ? [found.objective] : [];
  const names = new Map(orgRows.map((o) => [o.id, o.name]));
  return ficheContentView(row, partnerRows, indicatorRows, { axis: axis!, objective: objectiveRows[0] ?? null }, (id) => names.get(id) ?? "", budgetRows);
}
export type ActionView = Awaited<ReturnType<typeof getAction>>;

/** A commune filter names a commune of the contract's territory; else 400, said in French (not every whole-territory fiche). */
export async function assertCommuneOf(db: Db, contractId: string, inseeCode: string): Promise<void> {
  const [row] = await db.select({ id: communes.id }).from(communes).where(and(eq(communes.contractId, contractId), eq(communes.inseeCode, inseeCode)));
  if (!row) throw invalid([{ path: "querystring.commune", message: `La commune ${inseeCode} ne fait pas partie du territoire de ce contrat : choisissez une commune du contrat.` }]);
}
