/**
 * The follow-up of the demo contracts (issue 5): bodies, meetings, and for each
 * fiche its milestones, progress, remaining work, adjustments and measurements,
 * from data/<contract>/follow-up.json. CAMVS follows its Q3 2021 review; CAPVM's
 * data is illustrative and says so in its texts. Each record goes into the history on the
 * date its data gives (see history.ts).
 *
 * CAMVS holds what its review says and nothing more: a head count the review does not give
 * stays unknown (« plusieurs dizaines »); where the review gives only a month (« en août »,
 * « GT (03/2021) ») the text says the month as the review does, and the day the model needs
 * is the month's last day — or, for the CPAM meeting, a day its title marks « jour
 * illustratif ». server/demo/seed-facts.test.ts checks these facts against the seed's text.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.js";
import {
  actionBudgets,
  actions,
  axes,
  adjustments,
  bodyMembers,
  contracts,
  followUpItems,
  governanceBodies,
  reviewSettings,
  indicatorMeasurements,
  indicators,
  meetingParticipants,
  meetings,
  milestones,
  organisations,
  progressEntries,
  remainingItems,
  users,
} from "../db/schema.js";
import { creationChanges } from "../audit/diff.js";
import { fitsPrecision } from "../domain/dates.js";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES, scheduleLabel } from "../features/followup/rules.js";
import { bodySnapshot, bodyView, meetingSnapshot } from "../features/governance/service.js";
import { followUpEntries, parisAt, writeDated, type DatedRecord } from "./history.js";

const day = z.iso.date();
const precision = z.enum(["day", "month"]).optional();
const MONTH_ON_FIRST = { message: "Une date connue au mois seulement est le 1er du mois." };
const person = z.object({ organisation: z.string().optional(), name: z.string().default(""), email: z.string().default("") });
const followUpFile = z.object({
  illustrative: z.boolean(),
  bodies: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["copil", "cotech", "thematic", "working_group", "residents"]),
      name: z.string(),
      rhythm: z.union([z.object({ kind: z.literal("per_year"), count: z.number() }), z.object({ kind: z.literal("every_months"), months: z.number() })]).nullable(),
      actions: z.array(z.number()).default([]),
      /** A thematic committee's axis, by number. */
      axis: z.number().optional(),
      members: z.array(person).default([]),
      /** About residents' participation (always for residents' workshops). */
      participation: z.boolean().optional(),
    }),
  ),
  meetings: z.array(
    z.object({
      key: z.string(),
      body: z.string(),
      title: z.string(),
      startsAt: z.iso.datetime({ offset: true }),
      endsAt: z.iso.datetime({ offset: true }),
      place: z.string().default(""),
      videoUrl: z.string().nullable().default(null),
      headCount: z.number().nullable(),
      /** `resident`: a resident (the seed's two residents presenting the workshops' synthesis at the COPIL). */
      participants: z.array(person.extend({ invited: z.boolean(), present: z.boolean(), resident: z.boolean().default(false) })).default([]),
      minutes: z.string(),
      decisions: z.array(z.string()),
      agenda: z.array(z.object({ title: z.string(), durationMinutes: z.number(), presenter: z.string(), actions: z.array(z.number()) })),
    }),
  ),
  actions: z.record(
    z.string(),
    z.object({
      /** `doneOnPrecision` / `happenedOnPrecision` « month »: the seed gives only the month, the day is its 1st. */
      milestones: z
        .array(z.object({ title: z.string(), plannedBy: day, originallyBy: day.optional(), doneOn: day.optional(), doneOnPrecision: precision }).refine((m) => !m.doneOn || fitsPrecision(m.doneOn, m.doneOnPrecision ?? "day"), MONTH_ON_FIRST))
        .default([]),
      progress: z
        .array(z.object({ happenedOn: day, happenedOnPrecision: precision, text: z.string(), meeting: z.string().optional() }).refine((p) => fitsPrecision(p.happenedOn, p.happenedOnPrecision ?? "day"), MONTH_ON_FIRST))
        .default([]),
      remaining: z.array(z.string()).default([]),
      adjustments: z
        .array(
          z.object({
            kind: z.enum(["reschedule", "revise", "merge", "partner_remark", "other"]),
            description: z.string(),
            target: z.number().optional(),
            status: z.enum(["proposed", "agreed", "done"]),
            agreedOn: day.optional(),
            agreedMeeting: z.string().optional(),
            doneOn: day.optional(),
          }),
        )
        .default([]),
      measurements: z.array(z.object({ indicator: z.number(), measuredOn: day, value: z.number(), source: z.string(), comment: z.string() })).default([]),
      /** The fiche's budget: funders by their name in the directory (illustrative in CAPVM's file, which says so in a progress entry). */
      budget: z.array(z.object({ year: z.number().int(), amount: z.number().int().positive(), funder: z.string(), status: z.enum(["secured", "requested"]) })).optional(),
    }),
  ),
  followUpItems: z.array(z.object({ year: z.number(), section: z.enum(["transversal", "process"]), title: z.string(), adjustments: z.string() })),
  /** The purpose reminder of the quarterly reviews, from the contract's evaluation article (HTML). */
  reviewPurpose: z.string().optional(),
});
export type FollowUpFile = z.infer<typeof followUpFile>;

const dataDir = join(dirname(fileURLToPath(import.meta.url)), "data");

export function demoFollowUp(name: string): FollowUpFile {
  return followUpFile.parse(JSON.parse(readFileSync(join(dataDir, name, "follow-up.json"), "utf8")));
}

const AUTHOR = "Coordination du CLS";

function lookup<T>(map: Map<string | number, T>, key: string | number, what: string): T {
  const found = map.get(key);
  if (found === undefined) throw new Error(`Données de démonstration : ${what} « ${key} » introuvable.`);
  return found;
}

/** Loads one contract's follow-up; the contract and its fiches must already be there. */
export async function seedFollowUp(db: Db, slug: string, data: FollowUpFile): Promise<void> {
  await db.transaction(async (tx) => {
    const [contract] = await tx.select({ id: contracts.id, startDate: contracts.startDate }).from(contracts).where(eq(contracts.slug, slug));
    if (!contract) throw new Error(`Contrat de démonstration introuvable : ${slug}`);
    const contractId = contract.id;
    // The history of the follow-up, dated by its data; what has no date of its own (bodies, the rétroplanning) by the contract's start.
    const history: DatedRecord[] = [];
    const started = (time: string) => parisAt(contract.startDate, time);
    const fiches = await tx.select({ id: actions.id, number: actions.number }).from(actions).where(eq(actions.contractId, contractId));
    const ficheIds = new Map<string | number, string>(fiches.map((f) => [f.number, f.id]));
    const orgs = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.contractId, contractId));
    const orgIds = new Map<string | number, string>(orgs.map((o) => [o.name, o.id]));
    const axisRows = await tx.select({ id: axes.id, number: axes.number }).from(axes).where(eq(axes.contractId, contractId));
    const axisIds = new Map<string | number, string>(axisRows.map((a) => [a.number, a.id]));
    const emails = [...data.bodies.flatMap((b) => b.members), ...data.meetings.flatMap((m) => m.participants)].map((p) => p.email).filter(Boolean);
    const accounts = emails.length ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails)) : [];
    const userIds = new Map(accounts.map((u) => [u.email, u.id]));
    const personRow = (p: z.infer<typeof person>) => ({
      organisationId: p.organisation ? lookup(orgIds, p.organisation, "organisation") : null,
      userId: userIds.get(p.email) ?? null,
      name: p.name,
      email: p.email,
    });

    const bodyIds = new Map<string | number, string>();
    for (const b of data.bodies) {
      const rhythm = b.rhythm ? { rhythmKind: b.rhythm.kind, rhythmValue: b.rhythm.kind === "per_year" ? b.rhythm.count : b.rhythm.months } : { rhythmKind: null, rhythmValue: null };
      const [row] = await tx
        .insert(governanceBodies)
        .values({
          contractId,
          kind: b.kind,
          name: b.name,
          axisId: b.axis === undefined ? null : lookup(axisIds, b.axis, "axe"),
          participation: b.participation ?? b.kind === "residents",
          actionIds: b.actions.map((n) => lookup(ficheIds, n, "fiche")),
          ...rhythm,
        })
        .returning();
      bodyIds.set(b.key, row!.id);
      history.push({ at: started("09:30"), contractId, objectType: "body", objectId: row!.id, objectLabel: row!.name, operation: "create", changes: creationChanges(bodySnapshot(bodyView(row!))) });
      if (b.members.length) await tx.insert(bodyMembers).values(b.members.map((p, position) => ({ bodyId: row!.id, position, ...personRow(p) })));
    }

    const meetingIds = new Map<string | number, string>();
    for (const m of data.meetings) {
      const [row] = await tx
        .insert(meetings)
        .values({
          contractId,
          bodyId: lookup(bodyIds, m.body, "instance"),
          title: m.title,
          startsAt: new Date(m.startsAt),
          endsAt: new Date(m.endsAt),
          place: m.place,
          videoUrl: m.videoUrl,
          headCount: m.headCount,
          minutes: m.minutes,
          decisions: m.decisions,
          agenda: m.agenda.map(({ actions: numbers, ...item }) => ({ ...item, actionIds: numbers.map((n) => lookup(ficheIds, n, "fiche")) })),
        })
        .returning();
      meetingIds.set(m.key, row!.id);
      history.push({ at: row!.startsAt, contractId, objectType: "meeting", objectId: row!.id, objectLabel: row!.title, operation: "create", changes: creationChanges(meetingSnapshot(row!)) });
      if (m.participants.length)
        await tx.insert(meetingParticipants).values(m.participants.map((p, position) => ({ meetingId: row!.id, position, invited: p.invited, present: p.present, resident: p.resident, ...personRow(p) })));
    }

    const allIndicators = await tx
      .select({ id: indicators.id, actionId: indicators.actionId, label: indicators.label })
      .from(indicators)
      .where(inArray(indicators.actionId, fiches.map((f) => f.id)))
      .orderBy(asc(indicators.position));
    for (const [number, f] of Object.entries(data.actions)) {
      const actionId = lookup(ficheIds, Number(number), "fiche");
      const own = allIndicators.filter((i) => i.actionId === actionId);
      const scope = { contractId, actionId };
      // Remaining work and undated adjustments were written down with the fiche's latest progress (else at the contract's start).
      const latest = f.progress.map((p) => p.happenedOn).sort().at(-1);
      const lastNews = latest ? parisAt(latest, "18:00") : started("10:00");
      for (const m of f.milestones)
        history.push(followUpEntries.milestone(scope, { title: m.title, schedule: scheduleLabel({ originallyBy: m.originallyBy ?? m.plannedBy, plannedBy: m.plannedBy, doneOn: m.doneOn ?? null, doneOnPrecision: m.doneOnPrecision }) }, started("10:00")));
      for (const p of f.progress) history.push(followUpEntries.progress(scope, p));
      for (const text of f.remaining) history.push(followUpEntries.remaining(scope, text, lastNews));
      for (const a of f.adjustments) {
        const meetingDay = a.agreedMeeting ? data.meetings.find((x) => x.key === a.agreedMeeting)?.startsAt : undefined;
        const at = a.agreedOn ? parisAt(a.agreedOn, "18:00") : meetingDay ? new Date(meetingDay) : lastNews;
        history.push(followUpEntries.adjustment(scope, { kindLabel: ADJUSTMENT_KINDS[a.kind], description: a.description, statusLabel: ADJUSTMENT_STATUSES[a.status], agreedOn: a.agreedOn, doneOn: a.doneOn }, at));
      }
      if (f.milestones.length)
        await tx.insert(milestones).values(
          f.milestones.map((m, position) => ({ actionId, title: m.title, plannedBy: m.plannedBy, originallyBy: m.originallyBy ?? m.plannedBy, doneOn: m.doneOn ?? null, doneOnPrecision: (m.doneOn && m.doneOnPrecision) || "day", owner: "", position })),
        );
      if (f.progress.length)
        await tx.insert(progressEntries).values(
          f.progress.map((p) => ({ actionId, happenedOn: p.happenedOn, happenedOnPrecision: p.happenedOnPrecision ?? "day", text: p.text, meetingId: p.meeting ? lookup(meetingIds, p.meeting, "réunion") : null, authorName: AUTHOR })),
        );
      if (f.remaining.length) await tx.insert(remainingItems).values(f.remaining.map((text, position) => ({ actionId, text, position })));
      if (f.adjustments.length)
        await tx.insert(adjustments).values(
          f.adjustments.map((a) => ({
            actionId,
            kind: a.kind,
            description: a.description,
            targetActionId: a.target ? lookup(ficheIds, a.target, "fiche") : null,
            status: a.status,
            agreedOn: a.agreedOn ?? null,
            agreedMeetingId: a.agreedMeeting ? lookup(meetingIds, a.agreedMeeting, "réunion") : null,
            doneOn: a.doneOn ?? null,
            authorName: AUTHOR,
          })),
        );
      if (f.budget?.length)
        await tx.insert(actionBudgets).values(
          f.budget.map((b, position) => ({ contractId, actionId, year: b.year, amount: b.amount, funderId: lookup(orgIds, b.funder, "organisation"), status: b.status, position })),
        );
      for (const m of f.measurements) {
        const indicator = own[m.indicator];
        if (!indicator) throw new Error(`Données de démonstration : la fiche ${number} n'a pas d'indicateur n° ${m.indicator + 1}.`);
        await tx.insert(indicatorMeasurements).values({ indicatorId: indicator.id, actionId, measuredOn: m.measuredOn, value: m.value, source: m.source, comment: m.comment, authorName: AUTHOR });
        history.push(followUpEntries.measurement(scope, indicator.label, m));
      }
    }
    if (data.followUpItems.length)
      await tx.insert(followUpItems).values(data.followUpItems.map((item, position) => ({ contractId, position, ...item })));
    if (data.reviewPurpose) await tx.insert(reviewSettings).values({ contractId, purpose: data.reviewPurpose, version: 1 });
    await writeDated(
      tx,
      history.sort((a, b) => a.at.getTime() - b.at.getTime()),
    );
  });
}
