/**
 * Trainings of the ambassadors and the activities they lead: dated, linked to fiches and
 * meetings of the contract, counted. Who attended or led is a list of ambassador ids, shown
 * only to those who may read the roster; the counts are for every reader.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { ambassadorActivities, ambassadorTrainings } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { notFound } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { shortDay } from "../../domain/dates.js";
import { ACTIVITY_KINDS, type ActivityKind } from "../../domain/ambassadors.js";
import { ACTIVITY_NOT_FOUND, checkReferences, TRAINING_NOT_FOUND } from "./references.js";
import type { ActivityBody, ActivityUpdateBody, TrainingBody, TrainingUpdateBody } from "./schema.js";

type TrainingRow = typeof ambassadorTrainings.$inferSelect;
type ActivityRow = typeof ambassadorActivities.$inferSelect;

const unique = (ids: string[]) => [...new Set(ids)];

export const trainingView = (r: TrainingRow, showPeople: boolean) => ({
  id: r.id,
  heldOn: r.heldOn,
  topic: r.topic,
  trainer: r.trainer,
  attendeeCount: r.attendeeCount,
  attendeeIds: showPeople ? r.attendeeIds : null,
  actionIds: r.actionIds,
  meetingId: r.meetingId,
  version: r.version,
});

export const activityView = (r: ActivityRow, showPeople: boolean) => ({
  id: r.id,
  heldOn: r.heldOn,
  place: r.place,
  kind: r.kind as ActivityKind,
  kindLabel: ACTIVITY_KINDS[r.kind as ActivityKind] ?? r.kind,
  description: r.description,
  priorityAreaId: r.priorityAreaId,
  residentsReached: r.residentsReached,
  ambassadorCount: r.ambassadorIds.length,
  ambassadorIds: showPeople ? r.ambassadorIds : null,
  actionIds: r.actionIds,
  meetingId: r.meetingId,
  version: r.version,
});

// The history says « a créé la formation des ambassadeurs du 10/03/2022 « … » », « a modifié l'action des ambassadeurs « Porte-à-porte » du … ».
const trainingLabel = (t: { heldOn: string; topic: string }) => `du ${shortDay(t.heldOn)} « ${t.topic} »`;
const activityLabel = (a: { heldOn: string; kind: string; place: string }) => `« ${ACTIVITY_KINDS[a.kind as ActivityKind] ?? a.kind} » du ${shortDay(a.heldOn)} (${a.place})`;
const changed = (label: string) => [{ field: "record", label, before: null, after: null }];

const trainingColumns = (body: TrainingBody) => ({ heldOn: body.heldOn, topic: body.topic, trainer: body.trainer, attendeeIds: unique(body.attendeeIds), actionIds: unique(body.actionIds), meetingId: body.meetingId });

export async function createTraining(db: Db, actor: Actor, contractId: string, body: TrainingBody) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, contractId, { people: body.attendeeIds, peoplePath: "attendeeIds", actionIds: body.actionIds, meetingId: body.meetingId });
    const values = trainingColumns(body);
    const [row] = await tx
      .insert(ambassadorTrainings)
      .values({ contractId, ...values, attendeeCount: values.attendeeIds.length })
      .returning();
    await recordAudit(tx, actor, { contractId, objectType: "ambassador_training", objectId: row!.id, objectLabel: trainingLabel(row!), operation: "create", changes: [] });
    return row!;
  });
}

/**
 * Changes a training at the version read. The people erased since it was written are no
 * longer in its list but still in its count: they stay counted.
 */
export async function updateTraining(db: Db, actor: Actor, id: string, body: TrainingUpdateBody) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(ambassadorTrainings).where(eq(ambassadorTrainings.id, id));
    if (!current) throw notFound(TRAINING_NOT_FOUND);
    await checkReferences(tx, current.contractId, { people: body.attendeeIds, peoplePath: "attendeeIds", actionIds: body.actionIds, meetingId: body.meetingId });
    await claimVersion(tx, ambassadorTrainings, id, body.version, "Cette formation");
    const values = trainingColumns(body);
    const erased = Math.max(0, current.attendeeCount - current.attendeeIds.length);
    const [row] = await tx
      .update(ambassadorTrainings)
      .set({ ...values, attendeeCount: values.attendeeIds.length + erased })
      .where(eq(ambassadorTrainings.id, id))
      .returning();
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "ambassador_training", objectId: id, objectLabel: trainingLabel(row!), operation: "update", changes: changed("Formation") });
    return row!;
  });
}

export async function deleteTraining(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(ambassadorTrainings).where(eq(ambassadorTrainings.id, id)).returning();
    if (!row) throw notFound(TRAINING_NOT_FOUND);
    await recordAudit(tx, actor, { contractId: row.contractId, objectType: "ambassador_training", objectId: id, objectLabel: trainingLabel(row), operation: "delete", changes: [] });
  });
}

const activityColumns = (body: ActivityBody) => ({
  heldOn: body.heldOn,
  place: body.place,
  kind: body.kind,
  description: body.description,
  priorityAreaId: body.priorityAreaId,
  residentsReached: body.residentsReached,
  ambassadorIds: unique(body.ambassadorIds),
  actionIds: unique(body.actionIds),
  meetingId: body.meetingId,
});

const activityReferences = (body: ActivityBody) => ({ priorityAreaId: body.priorityAreaId, people: body.ambassadorIds, peoplePath: "ambassadorIds", actionIds: body.actionIds, meetingId: body.meetingId });

export async function createActivity(db: Db, actor: Actor, contractId: string, body: ActivityBody) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, contractId, activityReferences(body));
    const [row] = await tx
      .insert(ambassadorActivities)
      .values({ contractId, ...activityColumns(body) })
      .returning();
    await recordAudit(tx, actor, { contractId, objectType: "ambassador_activity", objectId: row!.id, objectLabel: activityLabel(row!), operation: "create", changes: [] });
    return row!;
  });
}

export async function updateActivity(db: Db, actor: Actor, id: string, body: ActivityUpdateBody) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(ambassadorActivities).where(eq(ambassadorActivities.id, id));
    if (!current) throw notFound(ACTIVITY_NOT_FOUND);
    await checkReferences(tx, current.contractId, activityReferences(body));
    await claimVersion(tx, ambassadorActivities, id, body.version, "Cette action");
    const [row] = await tx.update(ambassadorActivities).set(activityColumns(body)).where(eq(ambassadorActivities.id, id)).returning();
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "ambassador_activity", objectId: id, objectLabel: activityLabel(row!), operation: "update", changes: changed("Action") });
    return row!;
  });
}

export async function deleteActivity(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(ambassadorActivities).where(eq(ambassadorActivities.id, id)).returning();
    if (!row) throw notFound(ACTIVITY_NOT_FOUND);
    await recordAudit(tx, actor, { contractId: row.contractId, objectType: "ambassador_activity", objectId: id, objectLabel: activityLabel(row), operation: "delete", changes: [] });
  });
}
