/**
 * The tables of a session: composed by `composeTables` (composition.ts) from the people
 * registered and available for it, then arranged by the coordinator (moves and locks),
 * each table with its documented diversity score. Shows first names and initials only.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { together } from "../../db/together.js";
import { contracts, registrations, seats, workshopSessions, workshops, workshopTopics } from "../../db/schema.js";
import { invalid, notFound, type FieldError } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { QPV_NONE, QPV_UNKNOWN } from "../../domain/participation.js";
import { composeTables, scoreTables, type Registrant } from "../../domain/composition.js";
import { sessionRotation } from "./service.js";

type RegistrationRow = typeof registrations.$inferSelect;

/** A registration as the composition sees it: no name, only what diversity is measured on. */
const registrant = (r: RegistrationRow): Registrant => ({
  id: r.id,
  gender: r.gender === "undisclosed" ? null : r.gender,
  ageBand: r.ageBand,
  commune: r.communeInsee,
  qpv: r.qpv === QPV_NONE ? "non" : r.qpv === QPV_UNKNOWN ? null : r.qpv,
  category: r.category,
  household: r.household || null,
});

/** A registrant with every attribute present (null when unknown), as the tables' view sends it. */
const profile = (r: Registrant) => ({ id: r.id, gender: r.gender ?? null, ageBand: r.ageBand ?? null, commune: r.commune ?? null, qpv: r.qpv ?? null, category: r.category ?? null, household: r.household ?? null });

async function sessionContext(db: Db | Tx, sessionId: string) {
  const [session] = await db.select().from(workshopSessions).where(eq(workshopSessions.id, sessionId));
  if (!session) throw notFound("Cette séance est introuvable.");
  const [[w], people] = await together(
    db,
    () => db.select().from(workshops).where(eq(workshops.id, session.workshopId)),
    () => db.select().from(registrations).where(and(eq(registrations.workshopId, session.workshopId), eq(registrations.status, "registered"))).orderBy(asc(registrations.sequence)),
  );
  // Those who said they can come to this session.
  return { session, workshop: w!, people: people.filter((p) => p.sessionIds.includes(sessionId)) };
}

export async function getTables(db: Db, sessionId: string) {
  const { session, workshop, people } = await sessionContext(db, sessionId);
  const seatRows = await db.select().from(seats).where(eq(seats.sessionId, sessionId));
  const byId = new Map(people.map((p) => [p.id, p]));
  const tables: string[][] = Array.from({ length: workshop.tableCount }, () => []);
  const locked = new Set<string>();
  for (const s of seatRows) {
    if (!byId.has(s.registrationId) || s.tableIndex >= tables.length) continue;
    tables[s.tableIndex]!.push(s.registrationId);
    if (s.locked) locked.add(s.registrationId);
  }
  const seated = new Set(tables.flat());
  const { scores, score } = scoreTables(people.filter((p) => seated.has(p.id)).map(registrant), tables);
  return {
    sessionId: session.id,
    workshopId: workshop.id,
    maxPerTable: workshop.maxPerTable,
    moderators: workshop.moderators,
    score,
    tables: tables.map((ids, index) => ({
      index,
      score: scores[index]!,
      people: ids.map((id) => {
        const p = byId.get(id)!;
        return { id, name: `${p.firstName} ${p.lastName.slice(0, 1)}.`, locked: locked.has(id), gender: p.gender, ageBand: p.ageBand, communeInsee: p.communeInsee, household: p.household };
      }),
    })),
    /** Registered and available, not yet at a table. */
    unseated: people.filter((p) => !seated.has(p.id)).map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName.slice(0, 1)}.` })),
    profiles: people.map((p) => profile(registrant(p))),
  };
}

async function writeSeats(tx: Tx, contractId: string, sessionId: string, tables: string[][], locked: Set<string>): Promise<void> {
  await tx.delete(seats).where(eq(seats.sessionId, sessionId));
  const rows = tables.flatMap((ids, tableIndex) => ids.map((registrationId) => ({ contractId, sessionId, registrationId, tableIndex, locked: locked.has(registrationId) })));
  if (rows.length) await tx.insert(seats).values(rows);
}

/** Composes the session's tables: from scratch keeping locked places, or as another session's (the same people). */
export async function composeSession(db: Db, actor: Actor, sessionId: string, options: { seed: number; fromSessionId: string | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, workshop, people } = await sessionContext(tx, sessionId);
    const present = new Set(people.map((p) => p.id));
    // Places kept: the locked ones of this session, or every place of the session copied from.
    let lockedTo: Record<string, number>;
    let locked: Set<string>;
    if (options.fromSessionId) {
      const [from] = await tx.select({ workshopId: workshopSessions.workshopId }).from(workshopSessions).where(eq(workshopSessions.id, options.fromSessionId));
      if (!from || from.workshopId !== workshop.id || options.fromSessionId === sessionId) throw invalid([{ path: "fromSessionId", message: "Choisissez une autre séance de cet atelier." }]);
      const kept = (await tx.select().from(seats).where(eq(seats.sessionId, options.fromSessionId))).filter((s) => present.has(s.registrationId));
      lockedTo = Object.fromEntries(kept.map((s) => [s.registrationId, s.tableIndex]));
      locked = new Set(); // the same tables, free to be rearranged afterwards
    } else {
      const kept = (await tx.select().from(seats).where(and(eq(seats.sessionId, sessionId), eq(seats.locked, true)))).filter((s) => present.has(s.registrationId));
      lockedTo = Object.fromEntries(kept.map((s) => [s.registrationId, s.tableIndex]));
      locked = new Set(kept.map((s) => s.registrationId));
    }
    let tables: string[][];
    try {
      tables = composeTables(people.map(registrant), { tables: workshop.tableCount, maxPerTable: workshop.maxPerTable, seed: options.seed, locked: lockedTo }).tables;
    } catch (error) {
      if (error instanceof RangeError) throw invalid([{ path: "tables", message: error.message }], error.message);
      throw error;
    }
    await writeSeats(tx, session.contractId, sessionId, tables, locked);
    await recordAudit(tx, actor, { contractId: session.contractId, objectType: "workshop", objectId: workshop.id, objectLabel: workshop.title, operation: "update", changes: [{ field: "tables", label: "Tables", before: null, after: "composées" }] });
  });
}

/** The tables as the coordinator arranged them (after moves): everyone placed at most once, no table over the maximum. */
export async function arrangeTables(db: Db, actor: Actor, sessionId: string, input: { tables: string[][]; locked: string[] }): Promise<void> {
  await db.transaction(async (tx) => {
    const { session, workshop, people } = await sessionContext(tx, sessionId);
    const present = new Set(people.map((p) => p.id));
    const errors: FieldError[] = [];
    if (input.tables.length !== workshop.tableCount) errors.push({ path: "tables", message: `L'atelier compte ${workshop.tableCount} tables.` });
    const seen = new Set<string>();
    input.tables.forEach((ids, t) => {
      if (ids.length > workshop.maxPerTable) errors.push({ path: `tables.${t}`, message: `La table ${t + 1} dépasse ${workshop.maxPerTable} personnes.` });
      ids.forEach((id, i) => {
        if (!present.has(id)) errors.push({ path: `tables.${t}.${i}`, message: "Cette personne n'est pas inscrite à cette séance." });
        else if (seen.has(id)) errors.push({ path: `tables.${t}.${i}`, message: "Cette personne est déjà placée à une autre table." });
        seen.add(id);
      });
    });
    input.locked.forEach((id, i) => seen.has(id) || errors.push({ path: `locked.${i}`, message: "Seule une personne placée peut être fixée à sa table." }));
    if (errors.length) throw invalid(errors);
    await writeSeats(tx, session.contractId, sessionId, input.tables, new Set(input.locked));
    await recordAudit(tx, actor, { contractId: session.contractId, objectType: "workshop", objectId: workshop.id, objectLabel: workshop.title, operation: "update", changes: [{ field: "tables", label: "Tables", before: null, after: "réarrangées" }] });
  });
}

/** Registration ids of the given sessions' seats (for the printable lists). */
export async function seatsOf(db: Db, sessionIds: string[]) {
  return sessionIds.length ? db.select().from(seats).where(inArray(seats.sessionId, sessionIds)) : [];
}

/** What the printable sheets of a session need: its tables by first name, its topics, rotation and moderators. */
export async function sheetsData(db: Db, sessionId: string) {
  const { session, workshop, people } = await sessionContext(db, sessionId);
  const [topics, sessions, seatRows, [contract]] = await Promise.all([
    db.select().from(workshopTopics).where(eq(workshopTopics.workshopId, workshop.id)).orderBy(asc(workshopTopics.position)),
    db.select({ id: workshopSessions.id }).from(workshopSessions).where(eq(workshopSessions.workshopId, workshop.id)).orderBy(asc(workshopSessions.position)),
    db.select().from(seats).where(eq(seats.sessionId, sessionId)),
    db.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, workshop.contractId)),
  ]);
  const firstName = new Map(people.map((p) => [p.id, p.firstName]));
  const tables: string[][] = Array.from({ length: workshop.tableCount }, () => []);
  for (const s of seatRows) if (firstName.has(s.registrationId) && s.tableIndex < tables.length) tables[s.tableIndex]!.push(firstName.get(s.registrationId)!);
  for (const names of tables) names.sort((a, b) => a.localeCompare(b, "fr"));
  return {
    contractName: contract!.name,
    workshopTitle: workshop.title,
    session: { startsAt: session.startsAt, endsAt: session.endsAt, place: session.place, number: sessions.findIndex((s) => s.id === sessionId) + 1 },
    topics: topics.map((t) => ({ id: t.id, title: t.title, questions: t.questions })),
    moderators: workshop.moderators,
    tables,
    rotation: sessionRotation(workshop, topics, session),
  };
}
