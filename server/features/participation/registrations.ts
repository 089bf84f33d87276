/**
 * Registrations to a workshop: residents' personal data, read by the coordination only.
 * A registration takes a place while there is one, else waits in order; a cancellation
 * promotes the first who waits. Residents cancel with the secret link of their e-mail;
 * the link's secret is stored hashed. No IP address is stored.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { together } from "../../db/together.js";
import { communes, consentLog, priorityAreas, registrations, workshopSessions, workshops } from "../../db/schema.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { parisDay } from "../../domain/dates.js";
import { CONSENT_VERSION, QPV_NONE, QPV_UNKNOWN, type RegistrationSource, type RegistrationStatus } from "../../domain/participation.js";
import { WORKSHOP_NOT_FOUND } from "./service.js";
import type { RegistrationBody } from "./schema.js";

export const REGISTRATION_NOT_FOUND = "Cette inscription est introuvable.";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function registrationScope(db: Db | Tx, id: string): Promise<{ contractId: string; workshopId: string }> {
  const [row] = await db.select({ contractId: registrations.contractId, workshopId: registrations.workshopId }).from(registrations).where(eq(registrations.id, id));
  if (!row) throw notFound(REGISTRATION_NOT_FOUND);
  return row;
}

export interface RegistrationResult {
  id: string;
  status: Exclude<RegistrationStatus, "cancelled">;
  /** Rank on the waitlist (1 = next to get a place); null with a place. */
  waitlistRank: number | null;
  /** The cancellation link's secret: sent by e-mail, never stored in clear. */
  cancelToken: string;
  workshopTitle: string;
  firstName: string;
  email: string;
  /** The sessions the person chose, in order. */
  sessions: { startsAt: Date; endsAt: Date; place: string }[];
}

/**
 * Registers a person: the public form (source "public") or a member of the contract for
 * a resident (source "partner"). Refused after the deadline or when the call is not
 * published (public only), with a commune outside the territory, a QPV or a session not
 * of this contract; nothing is written then.
 */
export async function register(db: Db, input: { workshopId: string; body: RegistrationBody; source: RegistrationSource; actor: Actor | null; userId: string | null; now?: Date }): Promise<RegistrationResult> {
  const { body, source, workshopId } = input;
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    // One registration at a time per workshop: places and waitlist ranks are counted, then taken.
    const [w] = await tx.select().from(workshops).where(eq(workshops.id, workshopId)).for("update");
    if (!w || (source === "public" && !w.callPublishedAt)) throw notFound(WORKSHOP_NOT_FOUND);
    if (parisDay(now) > w.deadline) throw conflict(`Les inscriptions sont closes depuis le ${w.deadline.split("-").reverse().join("/")}.`);
    const errors: FieldError[] = [];
    const [[commune], areas, sessions] = await together(
      tx,
      () => tx.select({ id: communes.id }).from(communes).where(and(eq(communes.contractId, w.contractId), eq(communes.inseeCode, body.communeInsee))),
      () => tx.select({ id: priorityAreas.id }).from(priorityAreas).where(eq(priorityAreas.contractId, w.contractId)),
      () => tx.select().from(workshopSessions).where(eq(workshopSessions.workshopId, workshopId)).orderBy(asc(workshopSessions.position)),
    );
    if (!commune) errors.push({ path: "communeInsee", message: "Cette commune ne fait pas partie du territoire du contrat : choisissez-la dans la liste." });
    if (![QPV_NONE, QPV_UNKNOWN, ...areas.map((a) => a.id)].includes(body.qpv)) errors.push({ path: "qpv", message: "Choisissez un quartier de la liste, « aucun » ou « je ne sais pas »." });
    const sessionIds = new Set(sessions.map((s) => s.id));
    body.sessionIds.forEach((id, i) => sessionIds.has(id) || errors.push({ path: `sessionIds.${i}`, message: "Cette séance n'appartient pas à cet atelier." }));
    if (!w.meal && body.dietaryNeeds) errors.push({ path: "dietaryNeeds", message: "Aucun repas n'est prévu à cet atelier." });
    if (errors.length) throw invalid(errors);

    const [{ taken, last } = { taken: 0, last: 0 }] = await tx
      .select({ taken: sql<number>`count(*) filter (where ${registrations.status} = 'registered')::int`, last: sql<number>`coalesce(max(${registrations.sequence}), 0)::int` })
      .from(registrations)
      .where(eq(registrations.workshopId, workshopId));
    const status = taken < w.capacity ? "registered" : "waitlisted";
    const cancelToken = randomBytes(24).toString("base64url");
    const [row] = await tx
      .insert(registrations)
      .values({
        contractId: w.contractId,
        workshopId,
        status,
        firstName: body.firstName,
        lastName: body.lastName,
        contactWay: body.contactWay,
        email: body.email,
        phone: body.phone,
        partnerName: body.partnerName,
        communeInsee: body.communeInsee,
        qpv: body.qpv,
        ageBand: body.ageBand,
        gender: body.gender,
        category: body.category,
        household: body.household,
        sessionIds: [...new Set(body.sessionIds)],
        accessibilityNeeds: body.accessibilityNeeds,
        dietaryNeeds: w.meal ? body.dietaryNeeds : "",
        source,
        registeredByUserId: input.userId,
        cancelTokenHash: hashToken(cancelToken),
        sequence: last + 1,
      })
      .returning({ id: registrations.id });
    await tx.insert(consentLog).values({ contractId: w.contractId, workshopId, registrationId: row!.id, purpose: "registration", consentVersion: CONSENT_VERSION, acceptedAt: now });
    if (input.actor) await recordAudit(tx, input.actor, { contractId: w.contractId, objectType: "registration", objectId: row!.id, objectLabel: `${body.firstName} ${body.lastName.slice(0, 1)}.`, operation: "create", changes: [] });
    const waitlistRank = status === "waitlisted" ? await rankOf(tx, workshopId, last + 1) : null;
    const chosen = sessions.filter((s) => body.sessionIds.includes(s.id)).map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, place: s.place }));
    return { id: row!.id, status, waitlistRank, cancelToken, workshopTitle: w.title, firstName: body.firstName, email: body.contactWay === "email" ? body.email : "", sessions: chosen };
  });
}

async function rankOf(tx: Tx, workshopId: string, sequence: number): Promise<number> {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.workshopId, workshopId), eq(registrations.status, "waitlisted"), sql`${registrations.sequence} <= ${sequence}`));
  return n;
}

/** Who got a place through a cancellation: told by e-mail when they gave one. */
export interface Promotion {
  registrationId: string;
  firstName: string;
  email: string;
  workshopTitle: string;
}

/** Cancels a registration and gives its place to the first who waits; null when it was already cancelled. */
async function cancelRow(tx: Tx, row: typeof registrations.$inferSelect): Promise<Promotion | null> {
  if (row.status === "cancelled") return null;
  await tx.select({ id: workshops.id }).from(workshops).where(eq(workshops.id, row.workshopId)).for("update");
  // The status as it is once the workshop is locked: a cancellation of the same link at the same time may have come first.
  const [current] = await tx.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, row.id));
  if (!current || current.status === "cancelled") return null;
  await tx.update(registrations).set({ status: "cancelled", cancelledAt: new Date(), updatedAt: new Date() }).where(eq(registrations.id, row.id));
  if (current.status !== "registered") return null;
  const [next] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.workshopId, row.workshopId), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.sequence))
    .limit(1);
  if (!next) return null;
  await tx.update(registrations).set({ status: "registered", updatedAt: new Date() }).where(eq(registrations.id, next.id));
  const [w] = await tx.select({ title: workshops.title }).from(workshops).where(eq(workshops.id, row.workshopId));
  return { registrationId: next.id, firstName: next.firstName, email: next.contactWay === "email" ? next.email : "", workshopTitle: w!.title };
}

/** The resident's own cancellation, by the secret of their link. */
export async function cancelByToken(db: Db, token: string): Promise<{ workshopTitle: string; promotion: Promotion | null }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(registrations).where(eq(registrations.cancelTokenHash, hashToken(token)));
    if (!row) throw notFound("Ce lien d'annulation n'est pas valide, ou l'inscription a déjà été effacée.");
    const [w] = await tx.select({ title: workshops.title }).from(workshops).where(eq(workshops.id, row.workshopId));
    return { workshopTitle: w!.title, promotion: await cancelRow(tx, row) };
  });
}

/** The coordination cancels for the person (asked by phone, through a partner…). */
export async function cancelRegistration(db: Db, actor: Actor, id: string): Promise<Promotion | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(registrations).where(eq(registrations.id, id));
    if (!row) throw notFound(REGISTRATION_NOT_FOUND);
    if (row.status === "cancelled") throw conflict("Cette inscription est déjà annulée.");
    const promotion = await cancelRow(tx, row);
    await recordAudit(tx, actor, { contractId: row.contractId, objectType: "registration", objectId: id, objectLabel: `${row.firstName} ${row.lastName.slice(0, 1)}.`, operation: "update", changes: [{ field: "status", label: "État", before: row.status, after: "cancelled" }] });
    return promotion;
  });
}

const view = (r: typeof registrations.$inferSelect) => ({
  id: r.id,
  status: r.status,
  firstName: r.firstName,
  lastName: r.lastName,
  contactWay: r.contactWay,
  email: r.email,
  phone: r.phone,
  partnerName: r.partnerName,
  communeInsee: r.communeInsee,
  qpv: r.qpv,
  ageBand: r.ageBand,
  gender: r.gender,
  category: r.category,
  household: r.household,
  sessionIds: r.sessionIds,
  attendedSessionIds: r.attendedSessionIds,
  accessibilityNeeds: r.accessibilityNeeds,
  dietaryNeeds: r.dietaryNeeds,
  source: r.source,
  createdAt: r.createdAt,
  cancelledAt: r.cancelledAt,
});

export async function listRegistrations(db: Db, workshopId: string) {
  const rows = await db.select().from(registrations).where(eq(registrations.workshopId, workshopId)).orderBy(asc(registrations.sequence));
  return { items: rows.map(view) };
}

export async function setAttendance(db: Db, actor: Actor, id: string, sessionIds: string[]): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(registrations).where(eq(registrations.id, id));
    if (!row) throw notFound(REGISTRATION_NOT_FOUND);
    const sessions = await tx.select({ id: workshopSessions.id }).from(workshopSessions).where(eq(workshopSessions.workshopId, row.workshopId));
    const known = new Set(sessions.map((s) => s.id));
    const errors = sessionIds.flatMap((s, i) => (known.has(s) ? [] : [{ path: `sessionIds.${i}`, message: "Cette séance n'appartient pas à cet atelier." }]));
    if (errors.length) throw invalid(errors);
    await tx.update(registrations).set({ attendedSessionIds: [...new Set(sessionIds)], updatedAt: new Date() }).where(eq(registrations.id, id));
    await recordAudit(tx, actor, { contractId: row.contractId, objectType: "registration", objectId: id, objectLabel: `${row.firstName} ${row.lastName.slice(0, 1)}.`, operation: "update", changes: [{ field: "attendance", label: "Présence", before: null, after: `${sessionIds.length} séance(s)` }] });
  });
}

/** Everything kept about one person (the right of access, RGPD art. 15), with what they accepted. */
export async function exportRegistration(db: Db, id: string) {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id));
  if (!row) throw notFound(REGISTRATION_NOT_FOUND);
  const [[w], consents] = await Promise.all([
    db.select({ title: workshops.title, retentionMonths: workshops.retentionMonths }).from(workshops).where(eq(workshops.id, row.workshopId)),
    db.select({ purpose: consentLog.purpose, consentVersion: consentLog.consentVersion, acceptedAt: consentLog.acceptedAt, withdrawnAt: consentLog.withdrawnAt }).from(consentLog).where(eq(consentLog.registrationId, id)),
  ]);
  return { workshop: w!.title, retentionMonths: w!.retentionMonths, registration: view(row), consents };
}

/**
 * Erases a person (the right to erasure, RGPD art. 17): the registration and its seats go;
 * the anonymous contributions (syntheses, counts already recorded) and the consent log's
 * line (without the person) stay. A place so freed goes to the first who waits.
 */
export async function eraseRegistration(db: Db, actor: Actor, id: string): Promise<Promotion | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(registrations).where(eq(registrations.id, id));
    if (!row) throw notFound(REGISTRATION_NOT_FOUND);
    const promotion = await cancelRow(tx, row);
    await tx.update(consentLog).set({ withdrawnAt: new Date() }).where(eq(consentLog.registrationId, id));
    await tx.delete(registrations).where(eq(registrations.id, id));
    await recordAudit(tx, actor, { contractId: row.contractId, objectType: "registration", objectId: id, objectLabel: "données personnelles effacées", operation: "delete", changes: [] });
    return promotion;
  });
}

/**
 * The automatic purge: registrations of workshops whose last session ended more than
 * their retention ago are deleted (seats with them). Run every hour by the server;
 * `now` is the clock (tests pass a fake one). `spareContractIds`: contracts left alone —
 * the demonstration's, whose residents are fictitious and whose workshops are in 2021,
 * when the server loads it (`serve --seed`). Returns how many were erased.
 */
export async function purgeExpiredRegistrations(db: Db, now: Date = new Date(), options: { spareContractIds?: readonly string[] } = {}): Promise<number> {
  const spared = options.spareContractIds ?? [];
  const expired = await db
    .select({ id: workshops.id })
    .from(workshops)
    .innerJoin(workshopSessions, eq(workshopSessions.workshopId, workshops.id))
    .where(spared.length ? notInArray(workshops.contractId, [...spared]) : undefined)
    .groupBy(workshops.id, workshops.retentionMonths)
    .having(lt(sql`max(${workshopSessions.endsAt}) + make_interval(months => ${workshops.retentionMonths})`, now));
  if (!expired.length) return 0;
  const ids = expired.map((e) => e.id);
  return db.transaction(async (tx) => {
    await tx.update(consentLog).set({ withdrawnAt: sql`coalesce(${consentLog.withdrawnAt}, ${now})` }).where(inArray(consentLog.workshopId, ids));
    const gone = await tx.delete(registrations).where(inArray(registrations.workshopId, ids)).returning({ id: registrations.id });
    return gone.length;
  });
}
