import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { assertRoom } from "../room.js";
import type { Db, Tx } from "../../db/client.js";
import { actionBudgets, actionPartners, actions, axes, communes, contracts, indicators, objectives, organisations } from "../../db/schema.js";
import { budgetYearProblem, budgetYears } from "../../domain/budget.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import { lockContract } from "../contracts/queries.js";
import { contractRegion, unknownPrsCodes } from "../../domain/referentials.js";
import { getReferential } from "../referentials/service.js";
import { orderError, renumber } from "../ordering.js";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { actionSnapshot } from "./snapshot.js";
import { droppedMeasuredIndicators, measurementCounts } from "./indicators.js";
import { actionColumns, type ActionContent } from "./mapping.js";
import { getAction, type ActionView } from "./queries.js";
import { DETERMINANT_COUNT_MESSAGE, determinantsDropped, type ActionBody, type ActionUpdateBody, type BudgetLineInput } from "./schema.js";

/**
 * Checks that every id a fiche refers to belongs to its contract, and that its budget's years are
 * the contract's (one either side); French field errors otherwise.
 */
async function checkReferences(tx: Tx, contractId: string, body: ActionBody, current?: { id: string; determinants: readonly string[] }): Promise<void> {
  const errors: FieldError[] = [];
  const actionId = current?.id;
  if (current && determinantsDropped(current.determinants, body.determinants)) errors.push({ path: "determinants", message: DETERMINANT_COUNT_MESSAGE });
  const budgets = body.budgets ?? [];
  const orgIds = [...new Set([body.lead?.organisation, ...body.partners.map((p) => p.organisation), ...budgets.map((b) => b.funderId)].filter((x): x is string => !!x))];
  // One query after the other: a transaction is one connection, which runs one query at a time.
  const axisRows = await tx.select({ id: axes.id }).from(axes).where(and(eq(axes.id, body.axisId), eq(axes.contractId, contractId)));
  const objectiveRows = body.objectiveId
    ? await tx.select({ axisId: objectives.axisId }).from(objectives).where(eq(objectives.id, body.objectiveId))
    : [];
  const orgRows = orgIds.length
    ? await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.contractId, contractId), inArray(organisations.id, orgIds)))
    : [];
  const communeRows = await tx.select({ code: communes.inseeCode }).from(communes).where(eq(communes.contractId, contractId));
  const sameNumber = await tx
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.contractId, contractId), eq(actions.number, body.number), isNull(actions.archivedAt), actionId ? ne(actions.id, actionId) : undefined));
  if (axisRows.length === 0) errors.push({ path: "axisId", message: "Choisissez un axe de ce contrat." });
  if (body.objectiveId && objectiveRows[0]?.axisId !== body.axisId)
    errors.push({ path: "objectiveId", message: "Cet objectif n'appartient pas à l'axe choisi." });
  const knownOrgs = new Set(orgRows.map((o) => o.id));
  const orgMessage = "Cette organisation n'est pas dans l'annuaire du contrat.";
  if (body.lead && !knownOrgs.has(body.lead.organisation)) errors.push({ path: "lead.organisation", message: orgMessage });
  body.partners.forEach((p, i) => {
    if (!knownOrgs.has(p.organisation)) errors.push({ path: `partners.${i}.organisation`, message: orgMessage });
  });
  const knownCommunes = new Set(communeRows.map((c) => c.code));
  body.territory.communes.forEach((code, i) => {
    if (!knownCommunes.has(code)) errors.push({ path: `territory.communes.${i}`, message: `La commune ${code} ne fait pas partie du territoire du contrat.` });
  });
  if (sameNumber.length) errors.push({ path: "number", message: `Le numéro ${body.number} est déjà pris par une autre fiche de ce contrat.` });
  // PRS codes: free text until the region has a list of projects, then checked against it.
  if (body.prsProjects.length) {
    const region = contractRegion(communeRows.map((c) => c.code));
    const referential = region ? await getReferential(tx, region) : null;
    for (const { index, code } of unknownPrsCodes(body.prsProjects, referential))
      errors.push({ path: `prsProjects.${index}`, message: `« ${code} » n'est pas un projet du ${referential!.prsName || "PRS"} de l'${referential!.arsName} (voir les référentiels régionaux).` });
  }
  if (budgets.length) {
    const [contract] = await tx.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId));
    const years = budgetYears(contract!);
    budgets.forEach((b, i) => {
      const problem = budgetYearProblem(b.year, years);
      if (problem) errors.push({ path: `budgets.${i}.year`, message: problem });
      if (!knownOrgs.has(b.funderId)) errors.push({ path: `budgets.${i}.funderId`, message: "Ce financeur n'est pas dans l'annuaire du contrat." });
    });
  }
  if (errors.length) throw invalid(errors);
}

/**
 * Writes partners (replaced) and indicators (kept by id, so that later measurements stay attached).
 * An indicator with measurements is not removed: 400 on its place in the list, naming it.
 */
export async function writeActionChildren(tx: Tx, actionId: string, content: ActionContent, isNew: boolean): Promise<void> {
  const existing = isNew ? [] : await tx.select({ id: indicators.id, label: indicators.label }).from(indicators).where(eq(indicators.actionId, actionId)).orderBy(asc(indicators.position));
  const dropped = droppedMeasuredIndicators(existing, content.indicators, await measurementCounts(tx, existing.map((e) => e.id)));
  if (dropped.length) throw invalid(dropped);
  await tx.delete(actionPartners).where(eq(actionPartners.actionId, actionId));
  if (content.partners.length)
    await tx.insert(actionPartners).values(
      content.partners.map(({ organisation, ...p }, position) => ({ ...p, organisationId: organisation, actionId, position })),
    );
  const existingIds = new Set(existing.map((e) => e.id));
  const keptIds = new Set(content.indicators.flatMap((i) => (i.id && existingIds.has(i.id) ? [i.id] : [])));
  const removed = [...existingIds].filter((id) => !keptIds.has(id));
  if (removed.length) await tx.delete(indicators).where(inArray(indicators.id, removed));
  for (const [position, { id, ...fields }] of content.indicators.entries()) {
    if (id && keptIds.has(id)) await tx.update(indicators).set({ ...fields, position }).where(eq(indicators.id, id));
    else await tx.insert(indicators).values({ ...fields, actionId, position });
  }
}

/** Replaces a fiche's budget lines (nothing to do when the body leaves the budget out). */
async function writeBudgets(tx: Tx, contractId: string, actionId: string, lines: BudgetLineInput[] | undefined): Promise<void> {
  if (lines === undefined) return;
  await tx.delete(actionBudgets).where(eq(actionBudgets.actionId, actionId));
  if (lines.length) await tx.insert(actionBudgets).values(lines.map((l, position) => ({ ...l, contractId, actionId, position })));
}

export const actionLabel = (a: { number: number; title: string }) => `FA ${a.number} « ${a.title} »`;

/** Writes the history entry of a fiche, from its state before (null when new) and after. */
async function auditAction(tx: Tx, actor: Actor, before: ActionView | null, after: ActionView, operation: "create" | "update" | "archive" | "restore") {
  const changes = before ? diffSnapshots(actionSnapshot(before), actionSnapshot(after)) : creationChanges(actionSnapshot(after));
  await recordAudit(tx, actor, { contractId: after.contractId, objectType: "action", objectId: after.id, objectLabel: actionLabel(after), operation, changes });
}

export async function createAction(db: Db, actor: Actor, contractId: string, body: ActionBody): Promise<string> {
  return db.transaction(async (tx) => {
    // Shared: fiches are written side by side, but not while the contract's fiches are renumbered.
    await lockContract(tx, contractId, "shared");
    await checkReferences(tx, contractId, body);
    assertRoom("actions", (await tx.select({ n: count() }).from(actions).where(eq(actions.contractId, contractId)))[0]!.n);
    const [row] = await tx
      .insert(actions)
      .values({ ...actionColumns(body), contractId, axisId: body.axisId, objectiveId: body.objectiveId })
      .returning({ id: actions.id });
    await writeActionChildren(tx, row!.id, body, true);
    await writeBudgets(tx, contractId, row!.id, body.budgets ?? []);
    await auditAction(tx, actor, null, await getAction(tx, row!.id), "create");
    return row!.id;
  });
}

const ARCHIVED_MESSAGE = "Cette fiche est archivée : restaurez-la avant de la modifier.";

export async function updateAction(db: Db, actor: Actor, actionId: string, body: ActionUpdateBody): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ contractId: actions.contractId, archivedAt: actions.archivedAt }).from(actions).where(eq(actions.id, actionId));
    if (!current) throw notFound("Cette fiche action est introuvable.");
    // Before the fiche's own lock (claimVersion), as the renumbering takes them: contract, then fiches.
    await lockContract(tx, current.contractId, "shared");
    if (current.archivedAt) throw conflict(ARCHIVED_MESSAGE);
    // The version first: a form read before a renumbering is stale (409), whatever its number says.
    await claimVersion(tx, actions, actionId, body.version, "Cette fiche action");
    const before = await getAction(tx, actionId);
    await checkReferences(tx, current.contractId, body, before);
    await tx
      .update(actions)
      .set({ ...actionColumns(body), axisId: body.axisId, objectiveId: body.objectiveId })
      .where(eq(actions.id, actionId));
    await writeActionChildren(tx, actionId, body, false);
    await writeBudgets(tx, current.contractId, actionId, body.budgets);
    await auditAction(tx, actor, before, await getAction(tx, actionId), "update");
  });
}

/** Archiving keeps the fiche and its history; it leaves the lists and frees its number. */
export async function archiveAction(db: Db, actor: Actor, actionId: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ contractId: actions.contractId, archivedAt: actions.archivedAt }).from(actions).where(eq(actions.id, actionId));
    if (!current) throw notFound("Cette fiche action est introuvable.");
    await lockContract(tx, current.contractId, "shared");
    if (current.archivedAt) throw conflict("Cette fiche est déjà archivée.");
    await claimVersion(tx, actions, actionId, version, "Cette fiche action");
    await tx.update(actions).set({ archivedAt: new Date() }).where(eq(actions.id, actionId));
    const view = await getAction(tx, actionId);
    await recordAudit(tx, actor, { contractId: view.contractId, objectType: "action", objectId: actionId, objectLabel: actionLabel(view), operation: "archive", changes: [] });
  });
}

export async function restoreAction(db: Db, actor: Actor, actionId: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [head] = await tx.select({ contractId: actions.contractId }).from(actions).where(eq(actions.id, actionId));
    if (!head) throw notFound("Cette fiche action est introuvable.");
    await lockContract(tx, head.contractId, "shared");
    const [current] = await tx.select().from(actions).where(eq(actions.id, actionId));
    if (!current) throw notFound("Cette fiche action est introuvable.");
    if (!current.archivedAt) throw conflict("Cette fiche n'est pas archivée.");
    const [taken] = await tx
      .select({ id: actions.id })
      .from(actions)
      .where(and(eq(actions.contractId, current.contractId), eq(actions.number, current.number), isNull(actions.archivedAt)));
    if (taken) throw conflict(`Le numéro ${current.number} a été repris par une autre fiche : changez le numéro de celle-ci avant de restaurer.`);
    await claimVersion(tx, actions, actionId, version, "Cette fiche action");
    await tx.update(actions).set({ archivedAt: null }).where(eq(actions.id, actionId));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: actionId, objectLabel: actionLabel(current), operation: "restore", changes: [] });
  });
}

/** Renumbers the live fiches of a contract 1..n in the requested order. */
export async function reorderActions(db: Db, actor: Actor, contractId: string, ids: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    // Exclusive: one renumbering at a time, and no fiche written meanwhile (they share this lock).
    await lockContract(tx, contractId);
    const rows = await tx
      .select({ id: actions.id, number: actions.number, title: actions.title })
      .from(actions)
      .where(and(eq(actions.contractId, contractId), isNull(actions.archivedAt)));
    const error = orderError(rows.map((r) => r.id), ids);
    if (error) throw invalid([{ path: "ids", message: error }]);
    const changes = renumber(new Map(rows.map((r) => [r.id, r.number])), ids);
    for (const c of changes) await tx.update(actions).set({ number: -c.number }).where(eq(actions.id, c.id));
    for (const c of changes) await tx.update(actions).set({ number: c.number, version: sql`${actions.version} + 1` }).where(eq(actions.id, c.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const c of changes) {
      const { number, title } = byId.get(c.id)!;
      const changes = [{ field: "number", label: "Numéro", before: String(number), after: String(c.number) }];
      await recordAudit(tx, actor, { contractId, objectType: "action", objectId: c.id, objectLabel: actionLabel({ number: c.number, title }), operation: "update", changes });
    }
  });
}
