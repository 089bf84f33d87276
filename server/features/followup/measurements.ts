/** Indicators of a fiche with their dated measurements: progress to target, staleness; SQL. */
import { and, asc, eq, inArray } from "drizzle-orm";
import { frenchNumber, shortDay } from "../../domain/dates.js";
import type { Db, Tx } from "../../db/client.js";
import { actions, indicatorMeasurements, indicators } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { invalid, notFound } from "../../http/problem.js";
import { actorIdentity, type Actor } from "../../policies/index.js";
import { INDICATOR_KINDS } from "../../domain/vocabulary.js";
import { creationChanges, diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { isStale, progressTowardsTarget, STALE_MONTHS } from "./rules.js";
import type { MeasurementBody, MeasurementFields } from "./schema.js";
import { excerpt } from "../../domain/excerpt.js";

export const MEASUREMENT_NOT_FOUND = "Cette mesure est introuvable.";
export const INDICATOR_NOT_FOUND = "Cet indicateur est introuvable.";

type Row = typeof indicatorMeasurements.$inferSelect;

const measurementSnapshot = (r: Row) =>
  snapshot([
    ["measuredOn", "Date de la mesure", shortDay(r.measuredOn)],
    ["value", "Valeur", frenchNumber(r.value)],
    ["source", "Source", r.source],
    ["comment", "Commentaire", r.comment],
  ]);
const label = (indicatorLabel: string) => `Mesure de l'indicateur « ${excerpt(indicatorLabel)} »`;

/** Why an indicator is flagged, in French, or null. */
export function staleMessage(lastMeasuredOn: string | null, today: string): string | null {
  if (!lastMeasuredOn) return "Jamais mesuré";
  return isStale(lastMeasuredOn, today) ? `Indicateur non mesuré depuis plus de ${STALE_MONTHS} mois` : null;
}

/** A measurement as the API gives it. */
export const measurementView = (r: Row) => ({
  id: r.id,
  indicatorId: r.indicatorId,
  measuredOn: r.measuredOn,
  value: r.value,
  source: r.source,
  comment: r.comment,
  authorName: r.authorName,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** The fiche's indicators in their order, each with its measurements (oldest first), latest value, progress and staleness. */
export async function listIndicators(db: Db, actionId: string, today: string) {
  const defined = await db.select().from(indicators).where(eq(indicators.actionId, actionId)).orderBy(asc(indicators.position));
  const measured = defined.length
    ? await db
        .select()
        .from(indicatorMeasurements)
        .where(inArray(indicatorMeasurements.indicatorId, defined.map((i) => i.id)))
        .orderBy(asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.createdAt))
    : [];
  return defined.map((i) => {
    const own = measured.filter((m) => m.indicatorId === i.id).map(measurementView);
    const latest = own.at(-1) ?? null;
    return {
      id: i.id,
      kind: i.kind,
      kindLabel: INDICATOR_KINDS[i.kind],
      label: i.label,
      unit: i.unit,
      baseline: i.baseline,
      target: i.target,
      measurements: own,
      latest,
      progress: progressTowardsTarget(latest?.value ?? null, i.baseline, i.target),
      stale: isStale(latest?.measuredOn ?? null, today),
      staleMessage: staleMessage(latest?.measuredOn ?? null, today),
    };
  });
}

export async function indicatorScope(db: Db, indicatorId: string): Promise<{ contractId: string; actionId: string; label: string; unit: string; baseline: number | null; target: number | null }> {
  const [row] = await db
    .select({ contractId: actions.contractId, actionId: indicators.actionId, label: indicators.label, unit: indicators.unit, baseline: indicators.baseline, target: indicators.target })
    .from(indicators)
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .where(eq(indicators.id, indicatorId));
  if (!row) throw notFound(INDICATOR_NOT_FOUND);
  return row;
}

export async function measurementScope(db: Db, id: string): Promise<{ contractId: string; actionId: string }> {
  const [row] = await db
    .select({ contractId: actions.contractId, actionId: indicatorMeasurements.actionId })
    .from(indicatorMeasurements)
    .innerJoin(actions, eq(actions.id, indicatorMeasurements.actionId))
    .where(eq(indicatorMeasurements.id, id));
  if (!row) throw notFound(MEASUREMENT_NOT_FOUND);
  return row;
}

function checkDay(body: MeasurementFields, today: string): void {
  if (body.measuredOn > today) throw invalid([{ path: "measuredOn", message: "Une mesure se rapporte à une date passée ou à aujourd'hui." }]);
}

export async function createMeasurement(db: Db, actor: Actor, scope: { contractId: string; actionId: string }, body: MeasurementBody, today: string) {
  const { indicatorId, ...fields } = body;
  return db.transaction(async (tx) => {
    // An indicator of another fiche, or of another contract, is not this fiche's to measure.
    const [indicator] = await tx.select({ label: indicators.label }).from(indicators).where(and(eq(indicators.id, indicatorId), eq(indicators.actionId, scope.actionId)));
    const errors = indicator ? [] : [{ path: "indicatorId", message: "Cet indicateur n'appartient pas à cette fiche." }];
    if (fields.measuredOn > today) errors.push({ path: "measuredOn", message: "Une mesure se rapporte à une date passée ou à aujourd'hui." });
    if (errors.length) throw invalid(errors);
    const author = actorIdentity(actor);
    const [row] = await tx.insert(indicatorMeasurements).values({ indicatorId, actionId: scope.actionId, ...fields, authorId: author.id, authorName: author.name }).returning();
    await recordAudit(tx, actor, { ...scope, objectType: "action", objectId: scope.actionId, objectLabel: label(indicator!.label), operation: "update", changes: creationChanges(measurementSnapshot(row!)) });
    return measurementView(row!);
  });
}

/** A measurement with its fiche's contract and its indicator's label, for a change and its history. */
async function currentMeasurement(tx: Tx, id: string) {
  const [current] = await tx
    .select({ row: indicatorMeasurements, contractId: actions.contractId, label: indicators.label })
    .from(indicatorMeasurements)
    .innerJoin(indicators, eq(indicators.id, indicatorMeasurements.indicatorId))
    .innerJoin(actions, eq(actions.id, indicatorMeasurements.actionId))
    .where(eq(indicatorMeasurements.id, id));
  if (!current) throw notFound(MEASUREMENT_NOT_FOUND);
  return current;
}

export async function updateMeasurement(db: Db, actor: Actor, id: string, body: MeasurementFields & { version: number }, today: string) {
  checkDay(body, today);
  return db.transaction(async (tx) => {
    const current = await currentMeasurement(tx, id);
    await claimVersion(tx, indicatorMeasurements, id, body.version, "Cette mesure");
    const { version: _v, ...fields } = body;
    const [row] = await tx.update(indicatorMeasurements).set({ ...fields, updatedAt: new Date() }).where(eq(indicatorMeasurements.id, id)).returning();
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.row.actionId, objectLabel: label(current.label), operation: "update", changes: diffSnapshots(measurementSnapshot(current.row), measurementSnapshot(row!)) });
    return measurementView(row!);
  });
}

export async function deleteMeasurement(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await currentMeasurement(tx, id);
    await tx.delete(indicatorMeasurements).where(eq(indicatorMeasurements.id, id));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "action", objectId: current.row.actionId, objectLabel: label(current.label), operation: "update", changes: diffSnapshots(measurementSnapshot(current.row), {}) });
  });
}
