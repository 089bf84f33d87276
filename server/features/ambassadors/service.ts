/**
 * The health ambassadors' network as every reader of the contract sees it: per priority
 * area and in total, over a period, how many ambassadors were active and trained, the
 * trainings and activities with their counts — never a name. And the « one click » that
 * records one of these counts as a measurement of a fiche's indicator.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions, ambassadorActivities, ambassadors, ambassadorTrainings, indicators, priorityAreas } from "../../db/schema.js";
import { invalid } from "../../http/problem.js";
import { can, type Actor } from "../../policies/index.js";
import { shortDay } from "../../domain/dates.js";
import { ACTIVITY_KINDS, AMBASSADOR_MEASURES } from "../../domain/ambassadors.js";
import { createMeasurement } from "../followup/measurements.js";
import { inPeriod, measureValue, networkCounts, type Period } from "./network.js";
import { activityView, trainingView } from "./records.js";
import { contractOrganiser } from "./references.js";
import type { MeasurementRequestBody } from "./schema.js";

const choices = (vocabulary: Record<string, string>) => Object.entries(vocabulary).map(([key, label]) => ({ key, label }));

async function networkData(db: Db, contractId: string) {
  const [areas, people, trainings, activities] = await Promise.all([
    db.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId)).orderBy(asc(priorityAreas.position)),
    db.select({ id: ambassadors.id, priorityAreaId: ambassadors.priorityAreaId, joinedOn: ambassadors.joinedOn, leftOn: ambassadors.leftOn }).from(ambassadors).where(eq(ambassadors.contractId, contractId)),
    db.select().from(ambassadorTrainings).where(eq(ambassadorTrainings.contractId, contractId)).orderBy(desc(ambassadorTrainings.heldOn), desc(ambassadorTrainings.createdAt)),
    db.select().from(ambassadorActivities).where(eq(ambassadorActivities.contractId, contractId)).orderBy(desc(ambassadorActivities.heldOn), desc(ambassadorActivities.createdAt)),
  ]);
  return { areas, ambassadors: people, trainings, activities };
}

/** The network over a period (`to` defaults to today): counts for everyone, who attended only for the coordination. */
export async function getNetwork(db: Db, actor: Actor, contractId: string, query: { from?: string; to?: string }, today: string) {
  await contractOrganiser(db, contractId);
  const period: Period = { from: query.from ?? null, to: query.to ?? today };
  const data = await networkData(db, contractId);
  const counts = networkCounts({ ...data, period });
  const readResidents = can(actor, "residents.read", { contractId });
  return {
    period,
    ...counts,
    trainings: data.trainings.filter((t) => inPeriod(t.heldOn, period)).map((t) => trainingView(t, readResidents)),
    activities: data.activities.filter((a) => inPeriod(a.heldOn, period)).map((a) => activityView(a, readResidents)),
    vocabulary: { activityKinds: choices(ACTIVITY_KINDS), measures: choices(AMBASSADOR_MEASURES) },
    permissions: { manage: can(actor, "participation.manage", { contractId }), readResidents },
  };
}

/** The source a computed measurement names: « Ambassadeurs santé — calcul Clés du 01/01/2022 au 31/12/2022 ». */
export const measurementSource = (from: string, to: string) => `Ambassadeurs santé — calcul Clés du ${shortDay(from)} au ${shortDay(to)}`;

/**
 * Counts one measure of the network over the period and records it as a measurement of the
 * indicator, through the fiches' own service (its checks, its history). The indicator must be
 * of a fiche of this contract.
 */
export async function recordNetworkMeasurement(db: Db, actor: Actor, contractId: string, body: MeasurementRequestBody, today: string) {
  const [indicator] = await db
    .select({ actionId: indicators.actionId })
    .from(indicators)
    .innerJoin(actions, eq(actions.id, indicators.actionId))
    .where(and(eq(indicators.id, body.indicatorId), eq(actions.contractId, contractId)));
  if (!indicator) throw invalid([{ path: "indicatorId", message: "Cet indicateur n'est pas celui d'une fiche de ce contrat." }]);
  const data = await networkData(db, contractId);
  const value = measureValue(body.measure, networkCounts({ ...data, period: { from: body.from, to: body.to } }).totals);
  const source = measurementSource(body.from, body.to);
  const comment = `${AMBASSADOR_MEASURES[body.measure]} du réseau des ambassadeurs santé, compté par Clés sur la période.`;
  const measurement = await createMeasurement(db, actor, { contractId, actionId: indicator.actionId }, { indicatorId: body.indicatorId, measuredOn: body.measuredOn, value, source, comment }, today);
  return { measurementId: measurement.id, actionId: indicator.actionId, indicatorId: body.indicatorId, value, source };
}
