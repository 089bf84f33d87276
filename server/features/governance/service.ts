/** Bodies and meetings of a contract: rules and SQL. Every change writes its history entry. */
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import sanitizeHtml from "sanitize-html";
import type { Db, Tx } from "../../db/client.js";
import { actions, axes, contracts, governanceBodies, meetingParticipants, meetings, workshops } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { contractExists } from "../contracts/queries.js";
import { plural } from "../../domain/dates.js";
import { alertsFrom, describeRhythm, type GovernanceFacts, type Rhythm } from "./rhythm.js";
import { type MeetingBody } from "./schema.js";
import { BODY_KINDS } from "../../domain/governance.js";
import type { z } from "zod";
import type { bodyBody } from "./schema.js";

type BodyBody = z.infer<typeof bodyBody>;

/** Minutes keep their structure (paragraphs, lists, emphasis, links), never scripts or styles. */
export function sanitizeMinutes(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h3", "h4", "blockquote", "a"],
    allowedAttributes: { a: ["href"] },
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
  }).trim();
}

const rhythmOf = (row: { rhythmKind: string | null; rhythmValue: number | null }): Rhythm | null =>
  row.rhythmKind === "per_year" ? { kind: "per_year", count: row.rhythmValue! } : row.rhythmKind === "every_months" ? { kind: "every_months", months: row.rhythmValue! } : null;

const rhythmColumns = (r: Rhythm | null) => ({
  rhythmKind: r?.kind ?? null,
  rhythmValue: r ? (r.kind === "per_year" ? r.count : r.months) : null,
});

export function bodyView(row: typeof governanceBodies.$inferSelect) {
  const { rhythmKind: _k, rhythmValue: _v, ...rest } = row;
  return { ...rest, rhythm: rhythmOf(row), kindLabel: BODY_KINDS[row.kind] };
}

/** A body as its history entries record it (the demo's too). */
export const bodySnapshot = (b: ReturnType<typeof bodyView>) =>
  snapshot([
    ["kind", "Type", BODY_KINDS[b.kind]],
    ["name", "Nom", b.name],
    ["rhythm", "Rythme attendu", b.rhythm ? describeRhythm(b.rhythm) : null],
    ["actionIds", "Fiches", b.actionIds.length],
    ["participation", "Participation des habitants", b.participation],
  ]);

export async function listBodies(db: Db, contractId: string) {
  const rows = await db.select().from(governanceBodies).where(eq(governanceBodies.contractId, contractId)).orderBy(asc(governanceBodies.createdAt));
  return rows.map(bodyView);
}

export async function bodyContractId(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ contractId: governanceBodies.contractId }).from(governanceBodies).where(eq(governanceBodies.id, id));
  if (!row) throw notFound(BODY_NOT_FOUND);
  return row.contractId;
}
export const BODY_NOT_FOUND = "Cette instance est introuvable.";
export const MEETING_NOT_FOUND = "Cette réunion est introuvable.";

/** The axis and the fiches a body names must be the contract's own. */
async function checkBodyReferences(tx: Tx, contractId: string, body: BodyBody): Promise<void> {
  const errors: FieldError[] = [];
  if (body.axisId) {
    const [row] = await tx.select({ id: axes.id }).from(axes).where(and(eq(axes.id, body.axisId), eq(axes.contractId, contractId)));
    if (!row) errors.push({ path: "axisId", message: "Choisissez un axe de ce contrat." });
  }
  const known = body.actionIds.length ? await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contractId), inArray(actions.id, body.actionIds))) : [];
  const knownIds = new Set(known.map((k) => k.id));
  body.actionIds.forEach((a, i) => {
    if (!knownIds.has(a)) errors.push({ path: `actionIds.${i}`, message: "Cette fiche n'existe pas dans ce contrat." });
  });
  if (errors.length) throw invalid(errors);
}

export async function createBody(db: Db, actor: Actor, contractId: string, body: BodyBody) {
  return db.transaction(async (tx) => {
    await contractExists(tx, contractId);
    await checkBodyReferences(tx, contractId, body);
    const [row] = await tx
      .insert(governanceBodies)
      .values({ contractId, kind: body.kind, name: body.name, axisId: body.axisId, actionIds: body.actionIds, participation: body.participation ?? body.kind === "residents", ...rhythmColumns(body.rhythm) })
      .returning();
    const view = bodyView(row!);
    await recordAudit(tx, actor, { contractId, objectType: "body", objectId: view.id, objectLabel: view.name, operation: "create", changes: creationChanges(bodySnapshot(view)) });
    return view;
  });
}

export async function updateBody(db: Db, actor: Actor, id: string, body: BodyBody & { version: number }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(governanceBodies).where(eq(governanceBodies.id, id));
    if (!current) throw notFound(BODY_NOT_FOUND);
    await checkBodyReferences(tx, current.contractId, body);
    await claimVersion(tx, governanceBodies, id, body.version, "Cette instance");
    const [row] = await tx
      .update(governanceBodies)
      .set({ kind: body.kind, name: body.name, axisId: body.axisId, actionIds: body.actionIds, participation: body.participation ?? current.participation, ...rhythmColumns(body.rhythm), updatedAt: new Date() })
      .where(eq(governanceBodies.id, id))
      .returning();
    const view = bodyView(row!);
    const changes = diffSnapshots(bodySnapshot(bodyView(current)), bodySnapshot(view));
    await recordAudit(tx, actor, { contractId: view.contractId, objectType: "body", objectId: id, objectLabel: view.name, operation: "update", changes });
    return view;
  });
}

/** A body that has meetings or residents' workshops is kept: they are the contract's record. */
export async function deleteBody(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(governanceBodies).where(eq(governanceBodies.id, id));
    if (!current) throw notFound(BODY_NOT_FOUND);
    const [held] = await tx.select({ n: count() }).from(meetings).where(eq(meetings.bodyId, id));
    if (held!.n > 0) throw conflict(`Cette instance a ${plural(held!.n, "réunion")} : elle ne peut pas être supprimée.`);
    const [series] = await tx.select({ n: count() }).from(workshops).where(eq(workshops.bodyId, id));
    if (series!.n > 0) throw conflict(`Cette instance porte ${plural(series!.n, "atelier")} d'habitants : elle ne peut pas être supprimée.`);
    await tx.delete(governanceBodies).where(eq(governanceBodies.id, id));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "body", objectId: id, objectLabel: current.name, operation: "delete", changes: [] });
  });
}

type MeetingRow = typeof meetings.$inferSelect;

/**
 * The body and the fiches a meeting names must be the contract's own; a decision
 * is linked to live fiches only (a link kept from before stays, even to a fiche
 * archived since).
 */
async function checkMeetingReferences(tx: Tx, contractId: string, body: MeetingBody, links: string[][], current?: MeetingRow): Promise<void> {
  const errors: FieldError[] = [];
  const [owner] = await tx.select({ id: governanceBodies.id }).from(governanceBodies).where(and(eq(governanceBodies.id, body.bodyId), eq(governanceBodies.contractId, contractId)));
  if (!owner) errors.push({ path: "bodyId", message: "Choisissez une instance de ce contrat." });
  const ids = [...new Set([...body.agenda.flatMap((i) => i.actionIds), ...links.flat()])];
  const known = ids.length ? await tx.select({ id: actions.id, archivedAt: actions.archivedAt }).from(actions).where(and(eq(actions.contractId, contractId), inArray(actions.id, ids))) : [];
  const knownIds = new Set(known.map((k) => k.id));
  body.agenda.forEach((item, i) =>
    item.actionIds.forEach((a, j) => {
      if (!knownIds.has(a)) errors.push({ path: `agenda.${i}.actionIds.${j}`, message: "Cette fiche n'existe pas dans ce contrat." });
    }),
  );
  const linkedBefore = new Set(current?.decisionActionIds.flat() ?? []);
  const linkable = new Set(known.filter((k) => !k.archivedAt || linkedBefore.has(k.id)).map((k) => k.id));
  links.forEach((fiches, i) =>
    fiches.forEach((a, j) => {
      if (!linkable.has(a)) errors.push({ path: `decisionActionIds.${i}.${j}`, message: "Cette fiche n'appartient pas à ce contrat." });
    }),
  );
  if (errors.length) throw invalid(errors);
}

/**
 * The fiches of each decision as stored: one list per decision at most, without
 * repeats. A client that sends no links keeps the current ones while the
 * decisions are unchanged (they would no longer line up otherwise).
 */
export function decisionLinks(body: Pick<MeetingBody, "decisions" | "decisionActionIds">, current?: Pick<MeetingRow, "decisions" | "decisionActionIds">): string[][] {
  if (body.decisionActionIds) return body.decisionActionIds.map((ids) => [...new Set(ids)]);
  const unchanged = current && current.decisions.length === body.decisions.length && current.decisions.every((d, i) => d === body.decisions[i]);
  return unchanged ? current.decisionActionIds : [];
}

/** Fiche numbers by id, for the history (archived fiches too). */
async function ficheNumbers(tx: Tx, ids: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await tx.select({ id: actions.id, number: actions.number }).from(actions).where(inArray(actions.id, unique)) : [];
  return new Map(rows.map((r) => [r.id, r.number]));
}

const meetingColumns = (m: MeetingBody, links: string[][]) => ({
  bodyId: m.bodyId,
  title: m.title,
  startsAt: new Date(m.startsAt),
  endsAt: new Date(m.endsAt),
  place: m.place,
  videoUrl: m.videoUrl,
  agenda: m.agenda,
  headCount: m.headCount,
  minutes: sanitizeMinutes(m.minutes),
  decisions: m.decisions,
  decisionActionIds: links,
});

/** The fiches of each linked decision, one line each: « Décision 2 : FA 5, FA 6 ». */
const decisionFichesText = (m: MeetingRow, numbers: Map<string, number>) =>
  m.decisionActionIds.slice(0, m.decisions.length).flatMap((ids, i) => (ids.length ? [`Décision ${i + 1} : ${ids.map((id) => (numbers.has(id) ? `FA ${numbers.get(id)}` : "fiche supprimée")).join(", ")}`] : []));

/** A meeting as its history entries record it (the demo's too). */
export const meetingSnapshot = (m: MeetingRow, numbers: Map<string, number> = new Map()) =>
  snapshot([
    ["title", "Titre", m.title],
    ["startsAt", "Début", m.startsAt.toISOString()],
    ["endsAt", "Fin", m.endsAt.toISOString()],
    ["place", "Lieu", m.place],
    ["videoUrl", "Visioconférence", m.videoUrl],
    ["agenda", "Ordre du jour", m.agenda.map((i) => (i.durationMinutes ? `${i.title} (${i.durationMinutes} min)` : i.title))],
    ["headCount", "Nombre de participants", m.headCount],
    ["minutes", "Compte rendu", m.minutes],
    ["decisions", "Décisions", m.decisions],
    ["decisionActionIds", "Fiches concernées par les décisions", decisionFichesText(m, numbers)],
  ]);

export async function createMeeting(db: Db, actor: Actor, contractId: string, body: MeetingBody) {
  return db.transaction(async (tx) => {
    await contractExists(tx, contractId);
    const links = decisionLinks(body);
    await checkMeetingReferences(tx, contractId, body, links);
    const [row] = await tx.insert(meetings).values({ contractId, ...meetingColumns(body, links) }).returning();
    const numbers = await ficheNumbers(tx, links.flat());
    await recordAudit(tx, actor, { contractId, objectType: "meeting", objectId: row!.id, objectLabel: row!.title, operation: "create", changes: creationChanges(meetingSnapshot(row!, numbers)) });
    return row!;
  });
}

export async function updateMeeting(db: Db, actor: Actor, id: string, body: MeetingBody & { version: number }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(eq(meetings.id, id));
    if (!current) throw notFound(MEETING_NOT_FOUND);
    if (current.cancelledAt) throw conflict("Cette réunion a été annulée : elle ne peut plus être modifiée.");
    const links = decisionLinks(body, current);
    await checkMeetingReferences(tx, current.contractId, body, links, current);
    await claimVersion(tx, meetings, id, body.version, "Cette réunion");
    const [row] = await tx.update(meetings).set({ ...meetingColumns(body, links), updatedAt: new Date() }).where(eq(meetings.id, id)).returning();
    const numbers = await ficheNumbers(tx, [...current.decisionActionIds.flat(), ...links.flat()]);
    const changes = diffSnapshots(meetingSnapshot(current, numbers), meetingSnapshot(row!, numbers));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "meeting", objectId: id, objectLabel: row!.title, operation: "update", changes });
    return row!;
  });
}

export async function meetingContractId(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ contractId: meetings.contractId }).from(meetings).where(eq(meetings.id, id));
  if (!row) throw notFound(MEETING_NOT_FOUND);
  return row.contractId;
}

export async function getMeeting(db: Db, id: string) {
  const [row] = await db
    .select({ meeting: meetings, bodyName: governanceBodies.name, bodyKind: governanceBodies.kind })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(eq(meetings.id, id));
  if (!row) throw notFound(MEETING_NOT_FOUND);
  const m = row.meeting;
  // One list per decision, whatever was stored.
  const decisionActionIds = m.decisions.map((_, i) => m.decisionActionIds[i] ?? []);
  const ids = [...new Set(decisionActionIds.flat())];
  const fiches = ids.length ? await db.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(inArray(actions.id, ids)) : [];
  const byId = new Map(fiches.map((f) => [f.id, f]));
  const decisionFiches = decisionActionIds.map((list) => list.flatMap((id) => byId.get(id) ?? []).sort((a, b) => a.number - b.number));
  return { ...m, decisionActionIds, decisionFiches, body: { id: m.bodyId, name: row.bodyName, kind: row.bodyKind } };
}

/** Meetings of a contract, in date order. */
export async function listMeetings(db: Db, contractId: string) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt, place: meetings.place, headCount: meetings.headCount, bodyId: meetings.bodyId, bodyName: governanceBodies.name, cancelledAt: meetings.cancelledAt, version: meetings.version })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(eq(meetings.contractId, contractId))
    .orderBy(asc(meetings.startsAt));
}

/**
 * What the governance alerts are read from, in one round trip each: the contract's period, its
 * bodies, and its meetings — held or not, whether their minutes are written (not read) and
 * whether someone was marked present. The dashboard lists the next meetings from the same rows.
 */
export async function loadGovernanceFacts(db: Db, contractId: string): Promise<GovernanceFacts> {
  const [[contract], bodies, held] = await Promise.all([
    db.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId)),
    listBodies(db, contractId),
    db
      .select({
        id: meetings.id,
        bodyId: meetings.bodyId,
        title: meetings.title,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        createdAt: meetings.createdAt,
        headCount: meetings.headCount,
        hasMinutes: sql<boolean>`${meetings.minutes} ~ '[^[:space:]]'`,
        // Aliased: Drizzle leaves the columns of a one-table select unqualified.
        attended: sql<boolean>`exists (select 1 from ${meetingParticipants} p where p.meeting_id = "meetings"."id" and p.present)`,
        cancelledAt: meetings.cancelledAt,
      })
      .from(meetings)
      .where(eq(meetings.contractId, contractId)),
  ]);
  if (!contract) throw notFound("Ce contrat est introuvable.");
  return { contract, bodies, meetings: held };
}
/**
 * What the coordination should hear about its governance today: bodies behind
 * their rhythm, past meetings still without attendance or minutes. A contract's
 * rhythm is judged up to its end, not beyond.
 */
export async function governanceAlerts(db: Db, contractId: string, now = new Date()) {
  return alertsFrom(await loadGovernanceFacts(db, contractId), now);
}

/**
 * The decisions that concern a fiche, newest meeting first: its date, title and
 * the decision's text (cancelled meetings left out).
 */
export async function ficheDecisions(db: Db, contractId: string, actionId: string) {
  const rows = await db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, decisions: meetings.decisions, decisionActionIds: meetings.decisionActionIds })
    .from(meetings)
    // Some decision's list holds the fiche (jsonb containment, on both engines).
    .where(and(eq(meetings.contractId, contractId), isNull(meetings.cancelledAt), sql`${meetings.decisionActionIds} @> jsonb_build_array(jsonb_build_array(${actionId}::text))`))
    .orderBy(desc(meetings.startsAt));
  return rows.flatMap((m) => m.decisions.flatMap((text, i) => (m.decisionActionIds[i]?.includes(actionId) ? [{ meetingId: m.id, meetingTitle: m.title, startsAt: m.startsAt, index: i, text }] : [])));
}
