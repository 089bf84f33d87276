/**
 * The roster of health ambassadors: residents' personal data, read and written by the
 * coordination only. A person is added with their consent (logged with the text's version);
 * their data stays while they are in the network and `retentionMonths` after they leave.
 * The audit log names the priority area, never the person.
 */
import { asc, count, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { ambassadorActivities, ambassadors, ambassadorTrainings, consentLog, priorityAreas } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { together } from "../../db/together.js";
import { notFound } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { parisDay } from "../../domain/dates.js";
import { AMBASSADOR_CONSENT_VERSION, ambassadorConsentTemplate, RETENTION_TOKEN } from "../../domain/ambassadors.js";
import { erasureDay } from "./network.js";
import { ambassadorPrivacy } from "./register.js";
import { AMBASSADOR_NOT_FOUND, checkReferences, contractOrganiser } from "./references.js";
import type { AmbassadorBody, AmbassadorUpdateBody } from "./schema.js";

type Row = typeof ambassadors.$inferSelect;

/** How the history names a person: by the area they serve, never by name (« a créé l'ambassadeur santé de La Renardière »). */
export const auditLabel = (areaName: string) => `de ${areaName}`;

export const ambassadorView = (r: Row, areaName: string, counts: { trainings: number; activities: number }) => ({
  id: r.id,
  priorityAreaId: r.priorityAreaId,
  priorityArea: areaName,
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  phone: r.phone,
  consentVersion: r.consentVersion,
  consentOn: r.consentOn,
  joinedOn: r.joinedOn,
  leftOn: r.leftOn,
  retentionMonths: r.retentionMonths,
  erasedOn: erasureDay(r),
  notes: r.notes,
  version: r.version,
  trainings: counts.trainings,
  activities: counts.activities,
});

const areaNames = async (db: Db | Tx, contractId: string) =>
  new Map((await db.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId))).map((a) => [a.id, a.name]));

/** The roster, with what each person took part in, the consent to show on the form and what the data is for. */
export async function listAmbassadors(db: Db, contractId: string) {
  const organiser = await contractOrganiser(db, contractId);
  const [rows, areas, trainings, activities] = await Promise.all([
    db.select().from(ambassadors).where(eq(ambassadors.contractId, contractId)).orderBy(asc(ambassadors.lastName), asc(ambassadors.firstName)),
    areaNames(db, contractId),
    db.select({ ids: ambassadorTrainings.attendeeIds }).from(ambassadorTrainings).where(eq(ambassadorTrainings.contractId, contractId)),
    db.select({ ids: ambassadorActivities.ambassadorIds }).from(ambassadorActivities).where(eq(ambassadorActivities.contractId, contractId)),
  ]);
  const tally = (lists: { ids: string[] }[], id: string) => lists.filter((l) => l.ids.includes(id)).length;
  return {
    items: rows.map((r) => ambassadorView(r, areas.get(r.priorityAreaId) ?? "", { trainings: tally(trainings, r.id), activities: tally(activities, r.id) })),
    consent: { version: AMBASSADOR_CONSENT_VERSION, template: ambassadorConsentTemplate(organiser.localAuthority), token: RETENTION_TOKEN },
    privacy: ambassadorPrivacy(organiser.localAuthority, rows.map((r) => r.retentionMonths)),
  };
}

const columns = (body: AmbassadorBody | AmbassadorUpdateBody) => ({
  priorityAreaId: body.priorityAreaId,
  firstName: body.firstName,
  lastName: body.lastName,
  email: body.email,
  phone: body.phone,
  joinedOn: body.joinedOn,
  leftOn: body.leftOn,
  retentionMonths: body.retentionMonths,
  notes: body.notes,
});

/** Adds a person to the roster with their consent, logged with the text's version and the moment. */
export async function createAmbassador(db: Db, actor: Actor, contractId: string, body: AmbassadorBody, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    await checkReferences(tx, contractId, { priorityAreaId: body.priorityAreaId });
    const [row] = await tx
      .insert(ambassadors)
      .values({ contractId, ...columns(body), consentVersion: AMBASSADOR_CONSENT_VERSION, consentOn: parisDay(now) })
      .returning();
    await tx.insert(consentLog).values({ contractId, workshopId: null, registrationId: null, purpose: "ambassador", subjectId: row!.id, consentVersion: AMBASSADOR_CONSENT_VERSION, acceptedAt: now });
    const area = (await areaNames(tx, contractId)).get(row!.priorityAreaId) ?? "";
    await recordAudit(tx, actor, { contractId, objectType: "ambassador", objectId: row!.id, objectLabel: auditLabel(area), operation: "create", changes: [] });
    return ambassadorView(row!, area, { trainings: 0, activities: 0 });
  });
}

const FIELD_LABELS: Record<keyof ReturnType<typeof columns>, string> = {
  priorityAreaId: "Quartier",
  firstName: "Prénom",
  lastName: "Nom",
  email: "E-mail",
  phone: "Téléphone",
  joinedOn: "Arrivée dans le réseau",
  leftOn: "Départ du réseau",
  retentionMonths: "Durée de conservation",
  notes: "Notes",
};

/** Changes a person's record at the version read (409 otherwise); the history says which fields changed, not their values. */
export async function updateAmbassador(db: Db, actor: Actor, id: string, body: AmbassadorUpdateBody) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(ambassadors).where(eq(ambassadors.id, id));
    if (!current) throw notFound(AMBASSADOR_NOT_FOUND);
    await checkReferences(tx, current.contractId, { priorityAreaId: body.priorityAreaId });
    await claimVersion(tx, ambassadors, id, body.version, "Cette fiche d'ambassadeur");
    const values = columns(body);
    const [row] = await tx.update(ambassadors).set(values).where(eq(ambassadors.id, id)).returning();
    const changes = (Object.keys(values) as (keyof typeof values)[])
      .filter((k) => values[k] !== current[k])
      .map((k) => ({ field: k, label: FIELD_LABELS[k], before: null, after: null }));
    const area = (await areaNames(tx, current.contractId)).get(row!.priorityAreaId) ?? "";
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "ambassador", objectId: id, objectLabel: auditLabel(area), operation: "update", changes });
    return ambassadorView(row!, area, await takenPart(tx, id));
  });
}

/** How many trainings and activities name the person. */
async function takenPart(tx: Tx, id: string): Promise<{ trainings: number; activities: number }> {
  const named = JSON.stringify([id]);
  const [[t], [a]] = await together(
    tx,
    () => tx.select({ n: count() }).from(ambassadorTrainings).where(sql`${ambassadorTrainings.attendeeIds} @> ${named}::jsonb`),
    () => tx.select({ n: count() }).from(ambassadorActivities).where(sql`${ambassadorActivities.ambassadorIds} @> ${named}::jsonb`),
  );
  return { trainings: t?.n ?? 0, activities: a?.n ?? 0 };
}
