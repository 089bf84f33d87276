/**
 * Workshop series (atelier des habitants, World Café) of a contract's participation
 * body: their topics, sessions, call for participation and syntheses. Nothing here
 * reads residents' personal data: registrations.ts and seating.ts do, for the coordination.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actions, governanceBodies, memberships, priorityAreas, registrations, syntheses, workshopSessions, workshops, workshopTopics } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { together } from "../../db/together.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import { can, type Actor } from "../../policies/index.js";
import { parisTime } from "../../domain/dates.js";
import { rotationPlan, type RotationPlan } from "./rotation.js";
import type { WorkshopBody, WorkshopUpdateBody } from "./schema.js";

export const WORKSHOP_NOT_FOUND = "Cet atelier des habitants est introuvable.";

export async function workshopScope(db: Db | Tx, id: string): Promise<{ contractId: string; workshopId: string }> {
  const [row] = await db.select({ contractId: workshops.contractId }).from(workshops).where(eq(workshops.id, id));
  if (!row) throw notFound(WORKSHOP_NOT_FOUND);
  return { contractId: row.contractId, workshopId: id };
}

export async function sessionScope(db: Db | Tx, id: string): Promise<{ contractId: string; workshopId: string; sessionId: string }> {
  const [row] = await db.select({ contractId: workshopSessions.contractId, workshopId: workshopSessions.workshopId }).from(workshopSessions).where(eq(workshopSessions.id, id));
  if (!row) throw notFound("Cette séance est introuvable.");
  return { ...row, sessionId: id };
}

/** Checks what the body names in the contract: its participation body, its fiches, its moderators' accounts. */
async function checkReferences(tx: Tx, contractId: string, body: WorkshopBody): Promise<void> {
  const errors: FieldError[] = [];
  const actionIds = [...new Set(body.topics.flatMap((t) => t.actionIds))];
  const userIds = [...new Set(body.moderators.flatMap((m) => (m.userId ? [m.userId] : [])))];
  const [[bodyRow], actionRows, memberRows] = await together(
    tx,
    () => tx.select({ participation: governanceBodies.participation }).from(governanceBodies).where(and(eq(governanceBodies.id, body.bodyId), eq(governanceBodies.contractId, contractId))),
    () => (actionIds.length ? tx.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contractId), inArray(actions.id, actionIds))) : Promise.resolve([])),
    () => (userIds.length ? tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.contractId, contractId), inArray(memberships.userId, userIds))) : Promise.resolve([])),
  );
  if (!bodyRow) errors.push({ path: "bodyId", message: "Cette instance n'existe pas dans ce contrat." });
  else if (!bodyRow.participation) errors.push({ path: "bodyId", message: "Choisissez une instance de participation des habitants." });
  const known = new Set(actionRows.map((a) => a.id));
  body.topics.forEach((t, i) => t.actionIds.forEach((a, j) => known.has(a) || errors.push({ path: `topics.${i}.actionIds.${j}`, message: "Cette fiche n'existe pas dans ce contrat." })));
  const members = new Set(memberRows.map((m) => m.userId));
  body.moderators.forEach((m, i) => m.userId && !members.has(m.userId) && errors.push({ path: `moderators.${i}.userId`, message: "Cette personne n'est pas membre du contrat." }));
  if (errors.length) throw invalid(errors);
}

const columns = (body: WorkshopBody) => ({
  bodyId: body.bodyId,
  title: body.title,
  intro: body.intro,
  capacity: body.capacity,
  maxPerTable: body.maxPerTable,
  tableCount: body.tableCount,
  meal: body.meal,
  deadline: body.deadline,
  retentionMonths: body.retentionMonths,
  moderators: body.moderators,
});

/** Writes topics and sessions as the body lists them: ids kept are updated, others removed, new ones added. */
async function writeChildren(tx: Tx, contractId: string, workshopId: string, body: WorkshopBody): Promise<void> {
  const [topicRows, sessionRows] = await together(
    tx,
    () => tx.select({ id: workshopTopics.id }).from(workshopTopics).where(eq(workshopTopics.workshopId, workshopId)),
    () => tx.select({ id: workshopSessions.id }).from(workshopSessions).where(eq(workshopSessions.workshopId, workshopId)),
  );
  const errors: FieldError[] = [];
  const topicIds = new Set(topicRows.map((t) => t.id));
  const sessionIds = new Set(sessionRows.map((s) => s.id));
  body.topics.forEach((t, i) => t.id && !topicIds.has(t.id) && errors.push({ path: `topics.${i}.id`, message: "Ce thème n'appartient pas à cet atelier." }));
  body.sessions.forEach((s, i) => s.id && !sessionIds.has(s.id) && errors.push({ path: `sessions.${i}.id`, message: "Cette séance n'appartient pas à cet atelier." }));
  if (errors.length) throw invalid(errors);
  const keptTopics = new Set(body.topics.flatMap((t) => (t.id ? [t.id] : [])));
  const keptSessions = new Set(body.sessions.flatMap((s) => (s.id ? [s.id] : [])));
  const goneTopics = [...topicIds].filter((id) => !keptTopics.has(id));
  const goneSessions = [...sessionIds].filter((id) => !keptSessions.has(id));
  if (goneTopics.length) await tx.delete(workshopTopics).where(inArray(workshopTopics.id, goneTopics));
  if (goneSessions.length) await tx.delete(workshopSessions).where(inArray(workshopSessions.id, goneSessions));
  for (const [position, t] of body.topics.entries()) {
    const values = { title: t.title, questions: t.questions, actionIds: t.actionIds, position };
    if (t.id) await tx.update(workshopTopics).set(values).where(eq(workshopTopics.id, t.id));
    else await tx.insert(workshopTopics).values({ ...values, contractId, workshopId });
  }
  for (const [position, s] of body.sessions.entries()) {
    const values = { startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), place: s.place, roundMinutes: s.roundMinutes, position };
    if (s.id) await tx.update(workshopSessions).set(values).where(eq(workshopSessions.id, s.id));
    else await tx.insert(workshopSessions).values({ ...values, contractId, workshopId });
  }
}

export async function createWorkshop(db: Db, actor: Actor, contractId: string, body: WorkshopBody): Promise<string> {
  return db.transaction(async (tx) => {
    await checkReferences(tx, contractId, body);
    const [row] = await tx.insert(workshops).values({ contractId, ...columns(body) }).returning({ id: workshops.id });
    await writeChildren(tx, contractId, row!.id, body);
    await recordAudit(tx, actor, { contractId, objectType: "workshop", objectId: row!.id, objectLabel: body.title, operation: "create", changes: [] });
    return row!.id;
  });
}

export async function updateWorkshop(db: Db, actor: Actor, id: string, body: WorkshopUpdateBody): Promise<void> {
  await db.transaction(async (tx) => {
    const { contractId } = await workshopScope(tx, id);
    await checkReferences(tx, contractId, body);
    await claimVersion(tx, workshops, id, body.version, "Cet atelier des habitants");
    await tx.update(workshops).set(columns(body)).where(eq(workshops.id, id));
    await writeChildren(tx, contractId, id, body);
    await recordAudit(tx, actor, { contractId, objectType: "workshop", objectId: id, objectLabel: body.title, operation: "update", changes: [{ field: "workshop", label: "Atelier", before: null, after: null }] });
  });
}

/** Publishes or withdraws the call for participation (its public page). */
export async function setCall(db: Db, actor: Actor, id: string, published: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const { contractId } = await workshopScope(tx, id);
    const [row] = await tx
      .update(workshops)
      .set({ callPublishedAt: published ? sql`coalesce(${workshops.callPublishedAt}, now())` : null, updatedAt: new Date() })
      .where(eq(workshops.id, id))
      .returning({ title: workshops.title });
    await recordAudit(tx, actor, {
      contractId,
      objectType: "workshop",
      objectId: id,
      objectLabel: row!.title,
      operation: "update",
      changes: [{ field: "call", label: "Appel à participation", before: null, after: published ? "publié" : "retiré" }],
    });
  });
}

/** Deletes a series that nobody registered to yet (registrations are personal data with their own erasure). */
export async function deleteWorkshop(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { contractId } = await workshopScope(tx, id);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(registrations).where(eq(registrations.workshopId, id));
    if (n > 0) throw conflict(`Cet atelier compte ${n} inscription${n > 1 ? "s" : ""} : effacez-les d'abord (ou attendez leur effacement automatique).`);
    const [row] = await tx.delete(workshops).where(eq(workshops.id, id)).returning({ title: workshops.title });
    await recordAudit(tx, actor, { contractId, objectType: "workshop", objectId: id, objectLabel: row!.title, operation: "delete", changes: [] });
  });
}

type WorkshopRow = typeof workshops.$inferSelect;
type TopicRow = typeof workshopTopics.$inferSelect;
type SessionRow = typeof workshopSessions.$inferSelect;

/** The rotation of a session: each table meets each topic once (only when there are as many topics as tables). */
export function sessionRotation(w: Pick<WorkshopRow, "tableCount">, topics: Pick<TopicRow, "id">[], session: Pick<SessionRow, "startsAt" | "roundMinutes">): RotationPlan | null {
  if (topics.length !== w.tableCount) return null;
  try {
    return rotationPlan({ tables: w.tableCount, topics: topics.map((t) => t.id), start: parisTime(session.startsAt).replace("h", ":"), roundMinutes: session.roundMinutes });
  } catch {
    return null; // a plan past midnight: shown without times
  }
}

async function counts(db: Db, workshopIds: string[]) {
  if (!workshopIds.length) return new Map<string, { registered: number; waitlisted: number }>();
  const rows = await db
    .select({ workshopId: registrations.workshopId, status: registrations.status, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(inArray(registrations.workshopId, workshopIds))
    .groupBy(registrations.workshopId, registrations.status);
  const map = new Map(workshopIds.map((id) => [id, { registered: 0, waitlisted: 0 }]));
  for (const r of rows) if (r.status !== "cancelled") map.get(r.workshopId)![r.status] = r.n;
  return map;
}

export async function listWorkshops(db: Db, contractId: string) {
  const rows = await db.select().from(workshops).where(eq(workshops.contractId, contractId)).orderBy(asc(workshops.createdAt));
  const [sessionRows, byWorkshop] = await Promise.all([
    rows.length ? db.select().from(workshopSessions).where(inArray(workshopSessions.workshopId, rows.map((w) => w.id))).orderBy(asc(workshopSessions.position)) : Promise.resolve([]),
    counts(db, rows.map((w) => w.id)),
  ]);
  return {
    items: rows.map((w) => ({
      id: w.id,
      title: w.title,
      capacity: w.capacity,
      deadline: w.deadline,
      callPublished: w.callPublishedAt !== null,
      sessions: sessionRows.filter((s) => s.workshopId === w.id).map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, place: s.place })),
      ...byWorkshop.get(w.id)!,
    })),
  };
}

export async function getWorkshop(db: Db, actor: Actor, id: string) {
  const [w] = await db.select().from(workshops).where(eq(workshops.id, id));
  if (!w) throw notFound(WORKSHOP_NOT_FOUND);
  const [topics, sessions, synthesisRows, byWorkshop, areas] = await Promise.all([
    db.select().from(workshopTopics).where(eq(workshopTopics.workshopId, id)).orderBy(asc(workshopTopics.position)),
    db.select().from(workshopSessions).where(eq(workshopSessions.workshopId, id)).orderBy(asc(workshopSessions.position)),
    db.select().from(syntheses).where(eq(syntheses.workshopId, id)),
    counts(db, [id]),
    db.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, w.contractId)).orderBy(asc(priorityAreas.position)),
  ]);
  const scope = { contractId: w.contractId };
  return {
    id: w.id,
    contractId: w.contractId,
    bodyId: w.bodyId,
    title: w.title,
    intro: w.intro,
    capacity: w.capacity,
    maxPerTable: w.maxPerTable,
    tableCount: w.tableCount,
    meal: w.meal,
    deadline: w.deadline,
    retentionMonths: w.retentionMonths,
    moderators: w.moderators,
    callPublishedAt: w.callPublishedAt,
    version: w.version,
    topics: topics.map((t) => ({ id: t.id, title: t.title, questions: t.questions, actionIds: t.actionIds })),
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, place: s.place, roundMinutes: s.roundMinutes, rotation: sessionRotation(w, topics, s) })),
    syntheses: synthesisRows.map((s) => ({ id: s.id, topicId: s.topicId, sessionId: s.sessionId, tableIndex: s.tableIndex, text: s.text, updatedAt: s.updatedAt })),
    ...byWorkshop.get(id)!,
    /** The contract's priority areas, as a registration names them (by id). */
    priorityAreas: areas,
    permissions: {
      manage: can(actor, "participation.manage", scope),
      readResidents: can(actor, "residents.read", scope),
      register: can(actor, "registration.add", scope),
    },
  };
}

/** Writes (or clears, with an empty text) a table's synthesis of a topic in a session, or the workshop's. */
export async function saveSynthesis(db: Db, actor: Actor, workshopId: string, input: { topicId: string; sessionId: string | null; tableIndex: number | null; text: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [w] = await tx.select().from(workshops).where(eq(workshops.id, workshopId));
    if (!w) throw notFound(WORKSHOP_NOT_FOUND);
    const errors: FieldError[] = [];
    const [[topic], [session]] = await together(
      tx,
      () => tx.select({ id: workshopTopics.id }).from(workshopTopics).where(and(eq(workshopTopics.id, input.topicId), eq(workshopTopics.workshopId, workshopId))),
      () => (input.sessionId ? tx.select({ id: workshopSessions.id }).from(workshopSessions).where(and(eq(workshopSessions.id, input.sessionId), eq(workshopSessions.workshopId, workshopId))) : Promise.resolve([{ id: null }])),
    );
    if (!topic) errors.push({ path: "topicId", message: "Ce thème n'appartient pas à cet atelier." });
    if (!session) errors.push({ path: "sessionId", message: "Cette séance n'appartient pas à cet atelier." });
    if ((input.sessionId === null) !== (input.tableIndex === null)) errors.push({ path: "tableIndex", message: "Une synthèse de table indique sa séance et sa table ; celle de l'atelier n'indique ni l'une ni l'autre." });
    if (input.tableIndex !== null && input.tableIndex >= w.tableCount) errors.push({ path: "tableIndex", message: `L'atelier compte ${w.tableCount} tables.` });
    if (errors.length) throw invalid(errors);
    const place = and(eq(syntheses.topicId, input.topicId), input.sessionId ? eq(syntheses.sessionId, input.sessionId) : sql`${syntheses.sessionId} is null`, input.tableIndex === null ? sql`${syntheses.tableIndex} is null` : eq(syntheses.tableIndex, input.tableIndex));
    if (!input.text) await tx.delete(syntheses).where(place);
    else
      await tx
        .insert(syntheses)
        .values({ contractId: w.contractId, workshopId, topicId: input.topicId, sessionId: input.sessionId, tableIndex: input.tableIndex, text: input.text })
        .onConflictDoUpdate({ target: [syntheses.topicId, syntheses.sessionId, syntheses.tableIndex], set: { text: input.text, updatedAt: new Date(), version: sql`${syntheses.version} + 1` } });
    await recordAudit(tx, actor, { contractId: w.contractId, objectType: "workshop", objectId: workshopId, objectLabel: w.title, operation: "update", changes: [{ field: "synthesis", label: "Synthèse", before: null, after: input.text ? "écrite" : "effacée" }] });
  });
}

/** The workshops' syntheses of the topics linked to a fiche (its follow-up page shows them). */
export async function synthesesForFiche(db: Db, actionId: string) {
  const rows = await db
    .select({ workshopId: workshops.id, workshopTitle: workshops.title, topicTitle: workshopTopics.title, text: syntheses.text, updatedAt: syntheses.updatedAt })
    .from(syntheses)
    .innerJoin(workshopTopics, eq(workshopTopics.id, syntheses.topicId))
    .innerJoin(workshops, eq(workshops.id, syntheses.workshopId))
    .where(and(sql`${syntheses.sessionId} is null`, sql`${workshopTopics.actionIds} @> ${JSON.stringify([actionId])}::jsonb`))
    .orderBy(asc(workshops.createdAt), asc(workshopTopics.position));
  return { items: rows };
}
