/**
 * People and organisations of governance: a body's standing members, and a
 * meeting's participants (invited, present). A person is an account of a member
 * of the contract, or a name with an e-mail; a row may also, or only, name an
 * organisation of the contract.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { bodyMembers, governanceBodies, meetingParticipants, meetings, memberships, organisations, users } from "../../db/schema.js";
import { lockParent } from "../../db/parent-lock.js";
import { invalid, notFound, type FieldError } from "../../http/problem.js";
import { can, type Actor } from "../../policies/index.js";
import { optionalText, uuid } from "../../validation/fields.js";
import { recordAudit } from "../../audit/record.js";
import { listAttachments } from "./meeting-attachments.js";
import { BODY_NOT_FOUND, getMeeting, MEETING_NOT_FOUND } from "./service.js";

const person = z.object({
  userId: z.string().min(1).max(100).nullable().default(null),
  organisationId: uuid.nullable().default(null),
  name: optionalText("Le nom", 200).default(""),
  email: z.union([z.literal(""), z.email({ error: "Indiquez une adresse e-mail valide (nom@exemple.fr)." })]).default(""),
});
export const bodyMembersBody = z.object({ members: z.array(person).max(200, { error: "Au plus 200 membres." }) });
export const participantsBody = z.object({
  participants: z
    .array(person.extend({ invited: z.boolean().default(false), present: z.boolean().default(false), /** A resident (not a partner), e.g. presenting the workshops' synthesis. */ resident: z.boolean().default(false) }))
    .max(500, { error: "Au plus 500 participants." }),
});
type Person = z.infer<typeof person>;

/** Each row names someone, and what it names belongs to the contract. */
async function checkPeople(tx: Tx, contractId: string, list: Person[], field: string): Promise<void> {
  const errors: FieldError[] = [];
  const orgIds = [...new Set(list.flatMap((p) => (p.organisationId ? [p.organisationId] : [])))];
  const userIds = [...new Set(list.flatMap((p) => (p.userId ? [p.userId] : [])))];
  const knownOrgs = orgIds.length ? new Set((await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.contractId, contractId), inArray(organisations.id, orgIds)))).map((o) => o.id)) : new Set();
  const knownUsers = userIds.length ? new Set((await tx.select({ id: memberships.userId }).from(memberships).where(and(eq(memberships.contractId, contractId), inArray(memberships.userId, userIds)))).map((u) => u.id)) : new Set();
  list.forEach((p, i) => {
    if (!p.userId && !p.organisationId && !p.name) errors.push({ path: `${field}.${i}.name`, message: "Indiquez un nom, un membre du contrat ou une organisation." });
    if (p.organisationId && !knownOrgs.has(p.organisationId)) errors.push({ path: `${field}.${i}.organisationId`, message: "Choisissez une organisation de ce contrat." });
    if (p.userId && !knownUsers.has(p.userId)) errors.push({ path: `${field}.${i}.userId`, message: "Choisissez un membre de ce contrat." });
  });
  if (errors.length) throw invalid(errors);
}

/** An account's name and e-mail fill in what the row leaves empty. */
async function withAccounts<T extends Person>(tx: Tx, list: T[]): Promise<T[]> {
  const ids = list.flatMap((p) => (p.userId ? [p.userId] : []));
  const accounts = ids.length ? new Map((await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u])) : new Map();
  return list.map((p) => {
    const account = p.userId ? accounts.get(p.userId) : undefined;
    return account ? { ...p, name: p.name || account.name, email: p.email || account.email } : p;
  });
}

const describePeople = (list: { name: string; organisationName: string | null }[]) =>
  list.length ? list.map((p) => [p.name, p.organisationName].filter(Boolean).join(" — ")).join(", ") : null;

async function organisationNames(db: Db | Tx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  return wanted.length ? new Map((await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, wanted))).map((o) => [o.id, o.name])) : new Map<string, string>();
}

export async function listBodyMembers(db: Db | Tx, bodyId: string) {
  const rows = await db.select().from(bodyMembers).where(eq(bodyMembers.bodyId, bodyId)).orderBy(asc(bodyMembers.position));
  const names = await organisationNames(db, rows.map((r) => r.organisationId));
  return rows.map(({ bodyId: _b, position: _p, ...r }) => ({ ...r, organisationName: r.organisationId ? (names.get(r.organisationId) ?? null) : null }));
}

export async function replaceBodyMembers(db: Db, actor: Actor, bodyId: string, body: z.infer<typeof bodyMembersBody>) {
  return db.transaction(async (tx) => {
    // One replacement at a time: two would each delete the old list and both insert theirs.
    await lockParent(tx, governanceBodies, bodyId, BODY_NOT_FOUND);
    const [current] = await tx.select().from(governanceBodies).where(eq(governanceBodies.id, bodyId));
    if (!current) throw notFound(BODY_NOT_FOUND);
    await checkPeople(tx, current.contractId, body.members, "members");
    const before = await listBodyMembers(tx, bodyId);
    await tx.delete(bodyMembers).where(eq(bodyMembers.bodyId, bodyId));
    const members = await withAccounts(tx, body.members);
    if (members.length) await tx.insert(bodyMembers).values(members.map((m, position) => ({ bodyId, position, ...m })));
    const after = await listBodyMembers(tx, bodyId);
    const [b, a] = [describePeople(before), describePeople(after)];
    if (b !== a) await recordAudit(tx, actor, { contractId: current.contractId, objectType: "body", objectId: bodyId, objectLabel: current.name, operation: "update", changes: [{ field: "members", label: "Membres", before: b, after: a }] });
    return after;
  });
}

export async function listParticipants(db: Db | Tx, meetingId: string) {
  const rows = await db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId)).orderBy(asc(meetingParticipants.position));
  const names = await organisationNames(db, rows.map((r) => r.organisationId));
  return rows.map(({ meetingId: _m, position: _p, ...r }) => ({ ...r, organisationName: r.organisationId ? (names.get(r.organisationId) ?? null) : null }));
}

export async function replaceParticipants(db: Db, actor: Actor, meetingId: string, body: z.infer<typeof participantsBody>) {
  return db.transaction(async (tx) => {
    await lockParent(tx, meetings, meetingId, MEETING_NOT_FOUND);
    const [current] = await tx.select({ contractId: meetings.contractId, title: meetings.title }).from(meetings).where(eq(meetings.id, meetingId));
    if (!current) throw notFound(MEETING_NOT_FOUND);
    await checkPeople(tx, current.contractId, body.participants, "participants");
    const before = await listParticipants(tx, meetingId);
    await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
    const rows = await withAccounts(tx, body.participants);
    if (rows.length) await tx.insert(meetingParticipants).values(rows.map((p, position) => ({ meetingId, position, ...p })));
    const after = await listParticipants(tx, meetingId);
    const changes = [
      { field: "invited", label: "Invités", before: describePeople(before.filter((p) => p.invited)), after: describePeople(after.filter((p) => p.invited)) },
      { field: "present", label: "Présents", before: describePeople(before.filter((p) => p.present)), after: describePeople(after.filter((p) => p.present)) },
      { field: "resident", label: "Habitants", before: describePeople(before.filter((p) => p.resident)), after: describePeople(after.filter((p) => p.resident)) },
    ].filter((c) => c.before !== c.after);
    if (changes.length) await recordAudit(tx, actor, { contractId: current.contractId, objectType: "meeting", objectId: meetingId, objectLabel: current.title, operation: "update", changes });
    return after;
  });
}

/** A meeting as its page shows it: with participants, attachments, its invitation's state and what the actor may do. */
/** How a resident without an account reads to those who may not read residents' personal data. */
export const RESIDENT_SHOWN_AS = "Habitant ou habitante";

/**
 * A meeting's participants as `actor` may read them: residents' names and e-mails are personal
 * data the coordination alone reads (issue 14, RGPD); a partner or the ARS sees that a resident
 * took part, not who. Residents with an account of the contract are members, shown as such.
 */
export function participantsFor<P extends { resident: boolean; userId: string | null; name: string; email: string }>(participants: readonly P[], mayReadResidents: boolean): P[] {
  if (mayReadResidents) return [...participants];
  return participants.map((p) => (p.resident && !p.userId ? { ...p, name: RESIDENT_SHOWN_AS, email: "" } : p));
}

export async function meetingView(db: Db, actor: Actor, meetingId: string) {
  const meeting = await getMeeting(db, meetingId);
  const participants = participantsFor(await listParticipants(db, meetingId), can(actor, "residents.read", { contractId: meeting.contractId }));
  return {
    ...meeting,
    participants,
    presentCount: participants.filter((p) => p.present).length,
    attachments: await listAttachments(db, meetingId),
    invitation: { sequence: meeting.invitationSequence, sentAt: meeting.invitationSentAt },
    permissions: { manage: can(actor, "governance.manage", { contractId: meeting.contractId }) },
  };
}
