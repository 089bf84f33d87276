/**
 * Governance in a version 2 file: the bodies with their standing members, the meetings
 * with their agenda, participants (invited, present), minutes and decisions.
 * People are written as text (name, e-mail): accounts do not travel between instances.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { bodyMembers, governanceBodies, meetingParticipants, meetings } from "../../../db/schema.js";
import { BODY_KINDS, type BodyKind, type RhythmKind } from "../../../domain/governance.js";
import { isoDateTime } from "../../../validation/fields.js";
import { RESIDENT_SHOWN_AS } from "../../governance/participants.js";
import { accountsById, inTurn, type ExportContext, type ImportContext } from "./context.js";
import { dateOf, instant, iso, refKey, type Issue, type KeyKind } from "./refs.js";

const text = (max: number) => z.string({ error: "Ce champ est un texte." }).max(max, { error: `${max} caractères au plus.` });
const fiches = z.array(refKey).max(200).default([]);

/** Someone in a body or at a meeting: their name and e-mail as text, their organisation by name. */
const person = z.object({
  name: text(200).default(""),
  email: text(320).default(""),
  organisation: z.string().nullable().default(null),
});

const bodyEntry = z.object({
  key: refKey,
  kind: z.enum(Object.keys(BODY_KINDS) as [BodyKind, ...BodyKind[]], { error: "Choisissez le type d'instance." }),
  name: text(200).min(1, { error: "Le nom de l'instance est obligatoire." }),
  /** The axis of a thematic committee, by number. */
  axis: z.number().int().nullable().default(null),
  /** The fiches a working group works on, by key. */
  fiches,
  rhythm: z.object({ kind: z.enum(["per_year", "every_months"]), value: z.number().int().min(1).max(52) }).nullable().default(null),
  participation: z.boolean().default(false),
  members: z.array(person).max(500).default([]),
});

const meetingEntry = z.object({
  key: refKey,
  body: refKey,
  title: text(300).min(1, { error: "Le titre de la réunion est obligatoire." }),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  place: text(500).default(""),
  videoUrl: z.string().nullable().default(null),
  agenda: z
    .array(z.object({ title: text(300), durationMinutes: z.number().int().min(1).max(1440).nullable().default(null), presenter: text(200).default(""), fiches }))
    .max(50)
    .default([]),
  headCount: z.number().int().min(0).max(100_000).nullable().default(null),
  /** Sanitised HTML. */
  minutes: text(200_000).default(""),
  decisions: z.array(z.object({ text: text(2000).min(1), fiches })).max(100).default([]),
  participants: z.array(person.extend({ invited: z.boolean().default(false), present: z.boolean().default(false), resident: z.boolean().default(false) })).max(2000).default([]),
  invitationSequence: z.number().int().min(0).default(0),
  invitationSentAt: instant.nullable().default(null),
  cancelledAt: instant.nullable().default(null),
});

export const governanceSection = z.object({
  bodies: z.array(bodyEntry).max(200).default([]),
  meetings: z.array(meetingEntry).max(5000).default([]),
});
export type GovernanceSection = z.infer<typeof governanceSection>;

/** Keys unique, every reference known: issues with their path from the file's root. */
export function checkGovernance(g: GovernanceSection, axes: Set<number>, orgs: Set<string>, keys: Map<string, KeyKind>): Issue[] {
  const issues: Issue[] = [];
  const at = (...path: (string | number)[]) => ["governance", ...path];
  const unique = (key: string, path: (string | number)[], kind: KeyKind) => {
    if (keys.has(key)) issues.push({ path, message: `La clé « ${key} » est utilisée deux fois.` });
    keys.set(key, kind);
  };
  const checkFiches = (list: string[], path: (string | number)[]) =>
    list.forEach((k, i) => keys.get(k) === "fiche" || issues.push({ path: [...path, i], message: `La fiche « ${k} » n'existe pas dans ce contrat.` }));
  const checkOrg = (name: string | null, path: (string | number)[]) => {
    if (name !== null && !orgs.has(name)) issues.push({ path, message: `L'organisation « ${name} » n'est pas dans l'annuaire du contrat.` });
  };
  g.bodies.forEach((b, i) => {
    unique(b.key, at("bodies", i, "key"), "body");
    if (b.axis !== null && !axes.has(b.axis)) issues.push({ path: at("bodies", i, "axis"), message: `L'axe ${b.axis} n'existe pas dans ce contrat.` });
    checkFiches(b.fiches, at("bodies", i, "fiches"));
    b.members.forEach((m, j) => checkOrg(m.organisation, at("bodies", i, "members", j, "organisation")));
  });
  g.meetings.forEach((m, i) => {
    unique(m.key, at("meetings", i, "key"), "meeting");
    if (keys.get(m.body) !== "body") issues.push({ path: at("meetings", i, "body"), message: `L'instance « ${m.body} » n'existe pas dans le fichier.` });
    if (!(Date.parse(m.endsAt) > Date.parse(m.startsAt))) issues.push({ path: at("meetings", i, "endsAt"), message: "La fin de la réunion doit suivre son début." });
    m.agenda.forEach((a, j) => checkFiches(a.fiches, at("meetings", i, "agenda", j, "fiches")));
    m.decisions.forEach((d, j) => checkFiches(d.fiches, at("meetings", i, "decisions", j, "fiches")));
    m.participants.forEach((p, j) => checkOrg(p.organisation, at("meetings", i, "participants", j, "organisation")));
  });
  return issues;
}

type Person = z.infer<typeof person>;
type Row = { userId: string | null; organisationId: string | null; name: string; email: string };

/** The bodies and meetings of a contract, in an order that depends only on their content; their keys join `ctx.refs`. */
export async function exportGovernance(ctx: ExportContext): Promise<GovernanceSection> {
  const { db, contractId, refs } = ctx;
  const bodyRows = await db.select().from(governanceBodies).where(eq(governanceBodies.contractId, contractId)).orderBy(asc(governanceBodies.name), asc(governanceBodies.kind), asc(governanceBodies.id));
  const meetingRows = await db.select().from(meetings).where(eq(meetings.contractId, contractId)).orderBy(asc(meetings.startsAt), asc(meetings.title), asc(meetings.id));
  const bodyIds = bodyRows.map((b) => b.id);
  const meetingIds = meetingRows.map((m) => m.id);
  const [memberRows, participantRows] = await inTurn([
    bodyIds.length ? db.select().from(bodyMembers).where(inArray(bodyMembers.bodyId, bodyIds)).orderBy(asc(bodyMembers.position), asc(bodyMembers.id)) : [],
    meetingIds.length ? db.select().from(meetingParticipants).where(inArray(meetingParticipants.meetingId, meetingIds)).orderBy(asc(meetingParticipants.position), asc(meetingParticipants.id)) : [],
  ]);
  const accounts = await accountsById(db, [...memberRows, ...participantRows].map((r) => r.userId));
  const personOf = (r: Row, resident = false): Person => {
    const account = r.userId ? accounts.get(r.userId) : undefined;
    const hidden = resident && !r.userId && !ctx.residents;
    return {
      name: hidden ? RESIDENT_SHOWN_AS : r.name || account?.name || "",
      email: hidden ? "" : r.email || account?.email || "",
      organisation: r.organisationId ? (ctx.orgName.get(r.organisationId) ?? null) : null,
    };
  };
  bodyRows.forEach((b, i) => refs.set(b.id, `I${i + 1}`));
  meetingRows.forEach((m, i) => refs.set(m.id, `R${i + 1}`));
  return {
    bodies: bodyRows.map((b) => ({
      key: refs.key(b.id)!,
      kind: b.kind,
      name: b.name,
      axis: b.axisId ? (ctx.axisNumber.get(b.axisId) ?? null) : null,
      fiches: refs.keys(b.actionIds),
      rhythm: b.rhythmKind && b.rhythmValue !== null ? { kind: b.rhythmKind, value: b.rhythmValue } : null,
      participation: b.participation,
      members: memberRows.filter((m) => m.bodyId === b.id).map((m) => personOf(m)),
    })),
    meetings: meetingRows.map((m) => ({
      key: refs.key(m.id)!,
      body: refs.key(m.bodyId)!,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      place: m.place,
      videoUrl: m.videoUrl,
      agenda: m.agenda.map(({ actionIds, ...a }) => ({ title: a.title, durationMinutes: a.durationMinutes, presenter: a.presenter, fiches: refs.keys(actionIds) })),
      headCount: m.headCount,
      minutes: m.minutes,
      decisions: m.decisions.map((d, i) => ({ text: d, fiches: refs.keys(m.decisionActionIds[i] ?? []) })),
      participants: participantRows
        .filter((p) => p.meetingId === m.id)
        .map((p) => ({ ...personOf(p, p.resident), invited: p.invited, present: p.present, resident: p.resident })),
      invitationSequence: m.invitationSequence,
      invitationSentAt: iso(m.invitationSentAt),
      cancelledAt: iso(m.cancelledAt),
    })),
  };
}

/** Writes the bodies and meetings; a person whose e-mail names an account of this instance is linked to it. */
export async function importGovernance(ctx: ImportContext, g: GovernanceSection): Promise<void> {
  const { tx, contractId, refs } = ctx;
  const rowOf = (p: Person, position: number) => ({
    name: p.name,
    email: p.email,
    userId: p.email ? ctx.accountOf(p.email) : null,
    organisationId: p.organisation ? ctx.orgId.get(p.organisation)! : null,
    position,
  });
  for (const b of g.bodies) {
    const [row] = await tx
      .insert(governanceBodies)
      .values({
        contractId,
        kind: b.kind,
        name: b.name,
        axisId: b.axis !== null ? ctx.axisId.get(b.axis)! : null,
        actionIds: refs.ids(b.fiches),
        rhythmKind: (b.rhythm?.kind ?? null) as RhythmKind | null,
        rhythmValue: b.rhythm?.value ?? null,
        participation: b.participation,
      })
      .returning({ id: governanceBodies.id });
    refs.set(row!.id, b.key);
    if (b.members.length) await tx.insert(bodyMembers).values(b.members.map((m, i) => ({ ...rowOf(m, i), bodyId: row!.id })));
  }
  for (const m of g.meetings) {
    const [row] = await tx
      .insert(meetings)
      .values({
        contractId,
        bodyId: refs.id(m.body)!,
        title: m.title,
        startsAt: new Date(m.startsAt),
        endsAt: new Date(m.endsAt),
        place: m.place,
        videoUrl: m.videoUrl,
        agenda: m.agenda.map(({ fiches: f, ...a }) => ({ ...a, actionIds: refs.ids(f) })),
        headCount: m.headCount,
        minutes: m.minutes,
        decisions: m.decisions.map((d) => d.text),
        decisionActionIds: m.decisions.map((d) => refs.ids(d.fiches)),
        invitationSequence: m.invitationSequence,
        invitationSentAt: dateOf(m.invitationSentAt),
        cancelledAt: dateOf(m.cancelledAt),
      })
      .returning({ id: meetings.id });
    refs.set(row!.id, m.key);
    if (m.participants.length)
      await tx
        .insert(meetingParticipants)
        .values(m.participants.map((p, i) => ({ ...rowOf(p, i), meetingId: row!.id, invited: p.invited, present: p.present, resident: p.resident })));
  }
}

/** The e-mails of the file's people, to find their accounts in one query. */
export const governanceEmails = (g: GovernanceSection): string[] => [...g.bodies.flatMap((b) => b.members), ...g.meetings.flatMap((m) => m.participants)].map((p) => p.email);
