/**
 * Residents' workshops in a version 2 file — written only when the export asks for the
 * residents' data (`residents: true`): the workshops with their topics, sessions and
 * syntheses, the registrations (personal data) with their seats and consents.
 * A registration's cancellation secret and device hash stay on the instance: an import
 * gives each registration a new secret (the links already sent stop working).
 */
import { createHash, randomBytes } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { consentLog, registrations, seats, syntheses, workshops, workshopSessions, workshopTopics } from "../../../db/schema.js";
import { AGE_BANDS, CONTACT_WAYS, GENDERS, REGISTRATION_STATUSES, SOCIO_CATEGORIES, type AgeBand, type ContactWay, type Gender, type RegistrationStatus, type SocioCategory } from "../../../domain/participation.js";
import { isoDate, isoDateTime } from "../../../validation/fields.js";
import { inTurn, type ExportContext, type ImportContext } from "./context.js";
import { dateOf, instant, iso, refKey, type Issue, type KeyKind } from "./refs.js";

const text = (max: number) => z.string({ error: "Ce champ est un texte." }).max(max, { error: `${max} caractères au plus.` });
const enumOf = <K extends string>(o: Record<K, string>) => z.enum(Object.keys(o) as [K, ...K[]], { error: "Choisissez une valeur de la liste." });
const keys = z.array(refKey).max(50).default([]);

const workshopEntry = z.object({
  key: refKey,
  body: refKey,
  title: text(300).min(1),
  intro: text(20_000).default(""),
  capacity: z.number().int().min(1),
  maxPerTable: z.number().int().min(1),
  tableCount: z.number().int().min(1),
  meal: z.boolean().default(false),
  deadline: isoDate,
  callPublishedAt: instant.nullable().default(null),
  /** Table i's moderator, by name. */
  moderators: z.array(z.object({ name: text(200) })).max(200).default([]),
  retentionMonths: z.number().int().min(1).max(120),
  topics: z.array(z.object({ key: refKey, title: text(300).min(1), questions: z.array(text(1000)).max(50).default([]), fiches: keys })).max(50).default([]),
  sessions: z
    .array(z.object({ key: refKey, startsAt: isoDateTime, endsAt: isoDateTime, place: text(500).default(""), roundMinutes: z.number().int().min(1).max(600), meeting: refKey.nullable().default(null) }))
    .max(20)
    .default([]),
  /** A table's synthesis (session and table) or the workshop's synthesis of a topic (neither). */
  syntheses: z.array(z.object({ topic: refKey, session: refKey.nullable().default(null), table: z.number().int().min(0).nullable().default(null), text: text(50_000) })).max(2000).default([]),
  registrations: z
    .array(
      z.object({
        status: enumOf<RegistrationStatus>(REGISTRATION_STATUSES),
        firstName: text(100),
        lastName: text(100),
        contactWay: enumOf<ContactWay>(CONTACT_WAYS),
        email: text(320).default(""),
        phone: text(40).default(""),
        partnerName: text(300).default(""),
        communeInsee: text(5),
        /** "area:N" (the contract's N-th priority area), "none" or "unknown". */
        qpv: z.string().regex(/^(area:\d+|none|unknown)$/, { error: "Indiquez area:N, none ou unknown." }),
        ageBand: enumOf<AgeBand>(AGE_BANDS),
        gender: enumOf<Gender>(GENDERS),
        category: enumOf<SocioCategory>(SOCIO_CATEGORIES).nullable().default(null),
        household: text(100).default(""),
        sessions: keys,
        attended: keys,
        accessibilityNeeds: text(2000).default(""),
        dietaryNeeds: text(2000).default(""),
        source: z.enum(["public", "partner"]),
        sequence: z.number().int().min(0),
        cancelledAt: instant.nullable().default(null),
        createdAt: instant,
        seats: z.array(z.object({ session: refKey, table: z.number().int().min(0), locked: z.boolean().default(false) })).max(20).default([]),
        consents: z.array(z.object({ purpose: text(50), consentVersion: text(50), acceptedAt: instant, withdrawnAt: instant.nullable().default(null) })).max(20).default([]),
      }),
    )
    .max(5000)
    .default([]),
});

export const participationSection = z.array(workshopEntry).max(100).default([]);
export type ParticipationSection = z.infer<typeof participationSection>;

/** Workshops name a body of the file, their topics its fiches, their sessions its meetings; inner keys are the workshop's. */
export function checkParticipation(p: ParticipationSection, keys: Map<string, KeyKind>): Issue[] {
  const issues: Issue[] = [];
  p.forEach((w, i) => {
    const at = (...path: (string | number)[]) => ["workshops", i, ...path];
    if (keys.get(w.body) !== "body") issues.push({ path: at("body"), message: `L'instance « ${w.body} » n'existe pas dans le fichier.` });
    w.topics.forEach((t, j) => t.fiches.forEach((f, k) => keys.get(f) === "fiche" || issues.push({ path: at("topics", j, "fiches", k), message: `La fiche « ${f} » n'existe pas dans ce contrat.` })));
    w.sessions.forEach((s, j) => {
      if (s.meeting !== null && keys.get(s.meeting) !== "meeting") issues.push({ path: at("sessions", j, "meeting"), message: `La réunion « ${s.meeting} » n'existe pas dans le fichier.` });
    });
    const topics = new Set(w.topics.map((t) => t.key));
    const sessions = new Set(w.sessions.map((s) => s.key));
    const session = (k: string | null, path: (string | number)[]) => {
      if (k !== null && !sessions.has(k)) issues.push({ path, message: `La séance « ${k} » n'est pas une séance de cet atelier.` });
    };
    w.syntheses.forEach((s, j) => {
      if (!topics.has(s.topic)) issues.push({ path: at("syntheses", j, "topic"), message: `Le thème « ${s.topic} » n'est pas un thème de cet atelier.` });
      session(s.session, at("syntheses", j, "session"));
    });
    w.registrations.forEach((r, j) => {
      [...r.sessions, ...r.attended].forEach((k) => session(k, at("registrations", j, "sessions")));
      r.seats.forEach((s, k) => session(s.session, at("registrations", j, "seats", k, "session")));
    });
  });
  return issues;
}

/** The workshops of the contract; `areaIds` are its priority areas in order. */
export async function exportParticipation(ctx: ExportContext, areaIds: string[]): Promise<ParticipationSection> {
  const { db, contractId, refs } = ctx;
  const ws = await db.select().from(workshops).where(eq(workshops.contractId, contractId)).orderBy(asc(workshops.title), asc(workshops.deadline), asc(workshops.id));
  if (!ws.length) return [];
  const within = <T extends { contractId: unknown }>(t: T) => eq(t.contractId as never, contractId as never);
  const [topics, sessions, synths, regs, seatRows, consents] = await inTurn([
    db.select().from(workshopTopics).where(within(workshopTopics)).orderBy(asc(workshopTopics.position), asc(workshopTopics.id)),
    db.select().from(workshopSessions).where(within(workshopSessions)).orderBy(asc(workshopSessions.position), asc(workshopSessions.id)),
    db.select().from(syntheses).where(within(syntheses)).orderBy(asc(syntheses.createdAt), asc(syntheses.text), asc(syntheses.id)),
    db.select().from(registrations).where(within(registrations)).orderBy(asc(registrations.sequence), asc(registrations.createdAt), asc(registrations.id)),
    db.select().from(seats).where(within(seats)).orderBy(asc(seats.tableIndex), asc(seats.id)),
    db.select().from(consentLog).where(inArray(consentLog.workshopId, ws.map((w) => w.id))).orderBy(asc(consentLog.acceptedAt), asc(consentLog.id)),
  ]);
  const qpvOut = (q: string) => (areaIds.includes(q) ? `area:${areaIds.indexOf(q) + 1}` : q === "none" ? "none" : "unknown");
  return ws.map((w, i) => {
    const key = `W${i + 1}`;
    const mine = <R extends { workshopId: string }>(rows: R[]) => rows.filter((r) => r.workshopId === w.id);
    mine(topics).forEach((t, j) => refs.set(t.id, `${key}.T${j + 1}`));
    mine(sessions).forEach((s, j) => refs.set(s.id, `${key}.S${j + 1}`));
    return {
      key,
      body: refs.key(w.bodyId)!,
      title: w.title,
      intro: w.intro,
      capacity: w.capacity,
      maxPerTable: w.maxPerTable,
      tableCount: w.tableCount,
      meal: w.meal,
      deadline: w.deadline,
      callPublishedAt: iso(w.callPublishedAt),
      moderators: w.moderators.map((m) => ({ name: m.name })),
      retentionMonths: w.retentionMonths,
      topics: mine(topics).map((t) => ({ key: refs.key(t.id)!, title: t.title, questions: t.questions, fiches: refs.keys(t.actionIds) })),
      sessions: mine(sessions).map((s) => ({ key: refs.key(s.id)!, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), place: s.place, roundMinutes: s.roundMinutes, meeting: s.meetingId ? (refs.key(s.meetingId) ?? null) : null })),
      // In an order of their place only: topic, then the workshop's synthesis before the tables'.
      syntheses: mine(synths)
        .map((s) => ({ topic: refs.key(s.topicId)!, session: s.sessionId ? refs.key(s.sessionId)! : null, table: s.tableIndex, text: s.text }))
        .sort((a, b) => byPlace(a.topic, b.topic) || byPlace(a.session ?? "", b.session ?? "") || (a.table ?? -1) - (b.table ?? -1) || byPlace(a.text, b.text)),
      registrations: mine(regs).map((r) => ({
        status: r.status,
        firstName: r.firstName,
        lastName: r.lastName,
        contactWay: r.contactWay,
        email: r.email,
        phone: r.phone,
        partnerName: r.partnerName,
        communeInsee: r.communeInsee,
        qpv: qpvOut(r.qpv),
        ageBand: r.ageBand,
        gender: r.gender,
        category: r.category,
        household: r.household,
        sessions: refs.keys(r.sessionIds),
        attended: refs.keys(r.attendedSessionIds),
        accessibilityNeeds: r.accessibilityNeeds,
        dietaryNeeds: r.dietaryNeeds,
        source: r.source,
        sequence: r.sequence,
        cancelledAt: iso(r.cancelledAt),
        createdAt: r.createdAt.toISOString(),
        seats: seatRows
          .filter((s) => s.registrationId === r.id)
          .map((s) => ({ session: refs.key(s.sessionId)!, table: s.tableIndex, locked: s.locked }))
          .sort((a, b) => byPlace(a.session, b.session)),
        consents: consents.filter((c) => c.registrationId === r.id).map((c) => ({ purpose: c.purpose, consentVersion: c.consentVersion, acceptedAt: c.acceptedAt.toISOString(), withdrawnAt: iso(c.withdrawnAt) })),
      })),
    };
  });
}

/** Keys compared by their numbers ("W1.T2" before "W1.T10"), then as text. */
const byPlace = (a: string, b: string) => a.localeCompare(b, "fr", { numeric: true });

export async function importParticipation(ctx: ImportContext, p: ParticipationSection, areaIds: string[]): Promise<void> {
  const { tx, contractId, refs } = ctx;
  const qpvIn = (q: string) => (q.startsWith("area:") ? (areaIds[Number(q.slice(5)) - 1] ?? "unknown") : q);
  for (const w of p) {
    const { key: _k, body, topics, sessions, syntheses: synths, registrations: regs, moderators, callPublishedAt, ...fields } = w;
    const [row] = await tx
      .insert(workshops)
      .values({ ...fields, contractId, bodyId: refs.id(body)!, callPublishedAt: dateOf(callPublishedAt), moderators: moderators.map((m) => ({ userId: null, name: m.name })) })
      .returning({ id: workshops.id });
    const workshopId = row!.id;
    const local = new Map<string, string>();
    for (const [position, t] of topics.entries()) {
      const [r] = await tx.insert(workshopTopics).values({ contractId, workshopId, position, title: t.title, questions: t.questions, actionIds: refs.ids(t.fiches) }).returning({ id: workshopTopics.id });
      local.set(t.key, r!.id);
      refs.set(r!.id, t.key);
    }
    for (const [position, s] of sessions.entries()) {
      const [r] = await tx
        .insert(workshopSessions)
        .values({ contractId, workshopId, position, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), place: s.place, roundMinutes: s.roundMinutes, meetingId: s.meeting ? refs.id(s.meeting)! : null })
        .returning({ id: workshopSessions.id });
      local.set(s.key, r!.id);
      refs.set(r!.id, s.key);
    }
    const ids = (list: string[]) => list.map((k) => local.get(k)!);
    if (synths.length)
      await tx.insert(syntheses).values(synths.map((s) => ({ contractId, workshopId, topicId: local.get(s.topic)!, sessionId: s.session ? local.get(s.session)! : null, tableIndex: s.table, text: s.text })));
    for (const { seats: seated, consents, sessions: can, attended, qpv, cancelledAt, createdAt, ...r } of regs) {
      const secret = randomBytes(32).toString("base64url");
      const [reg] = await tx
        .insert(registrations)
        .values({
          ...r,
          contractId,
          workshopId,
          qpv: qpvIn(qpv),
          sessionIds: ids(can),
          attendedSessionIds: ids(attended),
          cancelTokenHash: createHash("sha256").update(secret).digest("hex"),
          cancelledAt: dateOf(cancelledAt),
          createdAt: new Date(createdAt),
          updatedAt: new Date(createdAt),
        })
        .returning({ id: registrations.id });
      if (seated.length) await tx.insert(seats).values(seated.map((s) => ({ contractId, sessionId: local.get(s.session)!, registrationId: reg!.id, tableIndex: s.table, locked: s.locked })));
      if (consents.length)
        await tx.insert(consentLog).values(consents.map((c) => ({ contractId, workshopId, registrationId: reg!.id, purpose: c.purpose, consentVersion: c.consentVersion, acceptedAt: new Date(c.acceptedAt), withdrawnAt: dateOf(c.withdrawnAt) })));
    }
  }
}
