/**
 * The follow-up of each fiche in a version 2 file: milestones (with the day first planned,
 * so that a postponement stays visible), progress entries, remaining work, adjustments,
 * indicator measurements and the partners' comments; and the COTECH table's other rows.
 * Authors are kept by name: their accounts do not travel between instances.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { actionBudgets, adjustments, comments, followUpItems, indicatorMeasurements, milestones, progressEntries, remainingItems } from "../../../db/schema.js";
import { budgetLineInput } from "../../actions/schema.js";
import { isoDate } from "../../../validation/fields.js";
import { ADJUSTMENT_KINDS, ADJUSTMENT_STATUSES } from "../../followup/rules.js";
import { inTurn, type ExportContext, type ImportContext } from "./context.js";
import { dateOf, instant, iso, refKey, type Issue, type KeyKind } from "./refs.js";

type Kind = keyof typeof ADJUSTMENT_KINDS;
type Status = keyof typeof ADJUSTMENT_STATUSES;
const text = (max: number) => z.string({ error: "Ce champ est un texte." }).max(max, { error: `${max} caractères au plus.` });
/** Who wrote an entry, as their name was then. */
const author = text(200);
/** A day known to the day, or only by its month. */
const precision = z.enum(["day", "month"], { error: "La précision est « day » ou « month »." }).default("day");

const ficheFollowUp = z.object({
  /** The fiche's key ("FA3", "FA3-archivée"). */
  fiche: refKey,
  /** Its budget by year and funder, the funder named as in the contract's `organisations`. */
  budgets: z
    .array(budgetLineInput.omit({ funderId: true }).extend({ funder: text(300).min(1) }))
    .max(60)
    .default([]),
  milestones: z
    .array(z.object({ key: refKey, title: text(300).min(1), plannedBy: isoDate, originallyBy: isoDate, owner: text(200).default(""), doneOn: isoDate.nullable().default(null), doneOnPrecision: precision }))
    .max(500)
    .default([]),
  progress: z
    .array(
      z.object({
        key: refKey,
        happenedOn: isoDate,
        /** "month": the entry is known by its month only (stored as its 1st). */
        happenedOnPrecision: precision,
        text: text(20_000).min(1),
        meeting: refKey.nullable().default(null),
        milestones: z.array(refKey).max(50).default([]),
        author,
        createdAt: instant,
      }),
    )
    .max(5000)
    .default([]),
  remaining: z.array(z.object({ text: text(2000).min(1), doneOn: isoDate.nullable().default(null) })).max(500).default([]),
  adjustments: z
    .array(
      z.object({
        key: refKey,
        kind: z.enum(Object.keys(ADJUSTMENT_KINDS) as [Kind, ...Kind[]], { error: "Choisissez le type d'ajustement." }),
        description: text(5000).default(""),
        /** The fiche this one merges into. */
        target: refKey.nullable().default(null),
        status: z.enum(Object.keys(ADJUSTMENT_STATUSES) as [Status, ...Status[]], { error: "Choisissez l'état de l'ajustement." }),
        agreedOn: isoDate.nullable().default(null),
        agreedMeeting: refKey.nullable().default(null),
        doneOn: isoDate.nullable().default(null),
        author,
        createdAt: instant,
      }),
    )
    .max(500)
    .default([]),
  measurements: z
    .array(
      z.object({
        key: refKey,
        /** Place of the indicator in the fiche's `indicators`, from 1. */
        indicator: z.number().int().min(1),
        measuredOn: isoDate,
        value: z.number().finite(),
        source: text(500).default(""),
        comment: text(5000).default(""),
        author,
        createdAt: instant,
      }),
    )
    .max(5000)
    .default([]),
  comments: z
    .array(
      z.object({
        /** The progress entry the remark answers, by key; null for the fiche's thread. */
        on: refKey.nullable().default(null),
        /** Empty once deleted. */
        body: text(10_000),
        author,
        authorOrganisation: text(300).default(""),
        createdAt: instant,
        editedAt: instant.nullable().default(null),
        deletedAt: instant.nullable().default(null),
      }),
    )
    .max(5000)
    .default([]),
});

export const followUpSection = z.object({
  fiches: z.array(ficheFollowUp).max(2000).default([]),
  /** The COTECH table's rows that are not fiches: transversal actions, coordination and governance. */
  items: z
    .array(z.object({ year: z.number().int().min(1900).max(2100), section: z.enum(["transversal", "process"]), title: text(500).min(1), adjustments: text(5000).default("") }))
    .max(2000)
    .default([]),
});
export type FollowUpSection = z.infer<typeof followUpSection>;

/** Every fiche, meeting, milestone and progress entry named exists; an indicator's place is within its fiche's. */
export function checkFollowUp(f: FollowUpSection, indicatorCount: Map<string, number>, keys: Map<string, KeyKind>, organisations: Set<string>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const known = (key: string | null, path: (string | number)[], what: string, kind: KeyKind) => {
    if (key !== null && keys.get(key) !== kind) issues.push({ path: ["followUp", ...path], message: `${what} « ${key} » n'existe pas dans le fichier.` });
  };
  f.fiches.forEach((b, i) => {
    if (!indicatorCount.has(b.fiche)) issues.push({ path: ["followUp", "fiches", i, "fiche"], message: `La fiche « ${b.fiche} » n'existe pas dans ce contrat.` });
    if (seen.has(b.fiche)) issues.push({ path: ["followUp", "fiches", i, "fiche"], message: `Le suivi de la fiche « ${b.fiche} » figure deux fois.` });
    seen.add(b.fiche);
    const own = (list: { key: string }[], name: string, kind: KeyKind) =>
      list.forEach((e, j) => {
        if (keys.has(e.key)) issues.push({ path: ["followUp", "fiches", i, name, j, "key"], message: `La clé « ${e.key} » est utilisée deux fois.` });
        keys.set(e.key, kind);
      });
    own(b.milestones, "milestones", "milestone");
    own(b.progress, "progress", "progress");
    own(b.adjustments, "adjustments", "adjustment");
    own(b.measurements, "measurements", "measurement");
    b.progress.forEach((p, j) => {
      known(p.meeting, ["fiches", i, "progress", j, "meeting"], "La réunion", "meeting");
      p.milestones.forEach((m, k) => known(m, ["fiches", i, "progress", j, "milestones", k], "L'étape", "milestone"));
    });
    b.adjustments.forEach((a, j) => {
      known(a.target, ["fiches", i, "adjustments", j, "target"], "La fiche", "fiche");
      known(a.agreedMeeting, ["fiches", i, "adjustments", j, "agreedMeeting"], "La réunion", "meeting");
    });
    b.budgets.forEach((l, j) => {
      if (!organisations.has(l.funder)) issues.push({ path: ["followUp", "fiches", i, "budgets", j, "funder"], message: `Le financeur « ${l.funder} » n'est pas dans l'annuaire du contrat.` });
    });
    const count = indicatorCount.get(b.fiche) ?? 0;
    b.measurements.forEach((m, j) => {
      if (m.indicator > count) issues.push({ path: ["followUp", "fiches", i, "measurements", j, "indicator"], message: `La fiche n'a que ${count} indicateur(s).` });
    });
    const progress = new Set(b.progress.map((p) => p.key));
    b.comments.forEach((c, j) => {
      if (c.on !== null && !progress.has(c.on)) issues.push({ path: ["followUp", "fiches", i, "comments", j, "on"], message: `L'avancement « ${c.on} » n'est pas celui de cette fiche.` });
    });
  });
  return issues;
}

/** Each fiche's follow-up, for the fiches that have one; `indicatorIds` gives each fiche's indicators in order. */
export async function exportFollowUp(ctx: ExportContext, actionIds: string[], indicatorIds: Map<string, string[]>): Promise<FollowUpSection> {
  const { db, refs } = ctx;
  const none = { fiches: [], items: await exportItems(ctx) };
  if (!actionIds.length) return none;
  const within = <T extends { actionId: unknown }>(t: T) => inArray(t.actionId as never, actionIds);
  const [bs, ms, ps, rs, as, mes, cs] = await inTurn([
    db.select().from(actionBudgets).where(within(actionBudgets)).orderBy(asc(actionBudgets.position), asc(actionBudgets.year), asc(actionBudgets.id)),
    db.select().from(milestones).where(within(milestones)).orderBy(asc(milestones.position), asc(milestones.plannedBy), asc(milestones.title), asc(milestones.id)),
    db.select().from(progressEntries).where(within(progressEntries)).orderBy(asc(progressEntries.happenedOn), asc(progressEntries.createdAt), asc(progressEntries.text), asc(progressEntries.id)),
    db.select().from(remainingItems).where(within(remainingItems)).orderBy(asc(remainingItems.position), asc(remainingItems.text), asc(remainingItems.id)),
    db.select().from(adjustments).where(within(adjustments)).orderBy(asc(adjustments.createdAt), asc(adjustments.kind), asc(adjustments.description), asc(adjustments.id)),
    db.select().from(indicatorMeasurements).where(within(indicatorMeasurements)).orderBy(asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.createdAt), asc(indicatorMeasurements.value), asc(indicatorMeasurements.id)),
    db.select().from(comments).where(within(comments)).orderBy(asc(comments.createdAt), asc(comments.body), asc(comments.id)),
  ]);
  const fiches: FollowUpSection["fiches"] = [];
  for (const id of actionIds) {
    const fiche = refs.key(id)!;
    const mine = <R extends { actionId: string }>(rows: R[]) => rows.filter((r) => r.actionId === id);
    mine(ms).forEach((m, i) => refs.set(m.id, `${fiche}.J${i + 1}`));
    mine(ps).forEach((p, i) => refs.set(p.id, `${fiche}.P${i + 1}`));
    mine(as).forEach((a, i) => refs.set(a.id, `${fiche}.A${i + 1}`));
    mine(mes).forEach((m, i) => refs.set(m.id, `${fiche}.M${i + 1}`));
    const block = {
      fiche,
      budgets: mine(bs).map((l) => ({ year: l.year, amount: l.amount, funder: ctx.orgName.get(l.funderId) ?? "", status: l.status })),
      milestones: mine(ms).map((m) => ({ key: refs.key(m.id)!, title: m.title, plannedBy: m.plannedBy, originallyBy: m.originallyBy, owner: m.owner, doneOn: m.doneOn, doneOnPrecision: m.doneOnPrecision })),
      progress: mine(ps).map((p) => ({
        key: refs.key(p.id)!,
        happenedOn: p.happenedOn,
        happenedOnPrecision: p.happenedOnPrecision,
        text: p.text,
        meeting: p.meetingId ? (refs.key(p.meetingId) ?? null) : null,
        milestones: refs.keys(p.milestoneIds),
        author: p.authorName,
        createdAt: p.createdAt.toISOString(),
      })),
      remaining: mine(rs).map((r) => ({ text: r.text, doneOn: r.doneOn })),
      adjustments: mine(as).map((a) => ({
        key: refs.key(a.id)!,
        kind: a.kind,
        description: a.description,
        target: a.targetActionId ? (refs.key(a.targetActionId) ?? null) : null,
        status: a.status,
        agreedOn: a.agreedOn,
        agreedMeeting: a.agreedMeetingId ? (refs.key(a.agreedMeetingId) ?? null) : null,
        doneOn: a.doneOn,
        author: a.authorName,
        createdAt: a.createdAt.toISOString(),
      })),
      measurements: mine(mes).map((m) => ({
        key: refs.key(m.id)!,
        indicator: (indicatorIds.get(id) ?? []).indexOf(m.indicatorId) + 1,
        measuredOn: m.measuredOn,
        value: m.value,
        source: m.source,
        comment: m.comment,
        author: m.authorName,
        createdAt: m.createdAt.toISOString(),
      })),
      comments: mine(cs).map((c) => ({
        on: c.progressEntryId ? (refs.key(c.progressEntryId) ?? null) : null,
        // A removed remark keeps its place in the thread, not its text.
        body: c.deletedAt ? "" : c.body,
        author: c.authorName,
        authorOrganisation: c.authorOrganisation,
        createdAt: c.createdAt.toISOString(),
        editedAt: iso(c.editedAt),
        deletedAt: iso(c.deletedAt),
      })),
    };
    const { fiche: _f, ...lists } = block;
    if (Object.values(lists).some((l) => l.length > 0)) fiches.push(block);
  }
  return { ...none, fiches };
}

async function exportItems(ctx: ExportContext): Promise<FollowUpSection["items"]> {
  const rows = await ctx.db.select().from(followUpItems).where(eq(followUpItems.contractId, ctx.contractId)).orderBy(asc(followUpItems.year), asc(followUpItems.section), asc(followUpItems.position), asc(followUpItems.id));
  return rows.map((r) => ({ year: r.year, section: r.section, title: r.title, adjustments: r.adjustments }));
}

/** Writes each fiche's follow-up; `indicatorIds` gives the new fiche's indicators in order. Authors stay names (no account linked). */
export async function importFollowUp(ctx: ImportContext, f: FollowUpSection, indicatorIds: Map<string, string[]>): Promise<void> {
  const { tx, contractId, refs } = ctx;
  const stamps = (createdAt: string) => ({ createdAt: new Date(createdAt), updatedAt: new Date(createdAt) });
  for (const b of f.fiches) {
    const actionId = refs.id(b.fiche)!;
    if (b.budgets.length) await tx.insert(actionBudgets).values(b.budgets.map((l, position) => ({ contractId, actionId, year: l.year, amount: l.amount, funderId: ctx.orgId.get(l.funder)!, status: l.status, position })));
    for (const [position, m] of b.milestones.entries()) {
      const [row] = await tx.insert(milestones).values({ actionId, title: m.title, plannedBy: m.plannedBy, originallyBy: m.originallyBy, owner: m.owner, doneOn: m.doneOn, doneOnPrecision: m.doneOnPrecision, position }).returning({ id: milestones.id });
      refs.set(row!.id, m.key);
    }
    for (const p of b.progress) {
      const [row] = await tx
        .insert(progressEntries)
        .values({ actionId, happenedOn: p.happenedOn, happenedOnPrecision: p.happenedOnPrecision, text: p.text, meetingId: p.meeting ? refs.id(p.meeting)! : null, milestoneIds: refs.ids(p.milestones), authorName: p.author, ...stamps(p.createdAt) })
        .returning({ id: progressEntries.id });
      refs.set(row!.id, p.key);
    }
    if (b.remaining.length) await tx.insert(remainingItems).values(b.remaining.map((r, position) => ({ actionId, text: r.text, doneOn: r.doneOn, position })));
    for (const a of b.adjustments) {
      const [row] = await tx
        .insert(adjustments)
        .values({
          actionId,
          kind: a.kind,
          description: a.description,
          targetActionId: a.target ? refs.id(a.target)! : null,
          status: a.status,
          agreedOn: a.agreedOn,
          agreedMeetingId: a.agreedMeeting ? refs.id(a.agreedMeeting)! : null,
          doneOn: a.doneOn,
          authorName: a.author,
          ...stamps(a.createdAt),
        })
        .returning({ id: adjustments.id });
      refs.set(row!.id, a.key);
    }
    const indicators = indicatorIds.get(actionId) ?? [];
    for (const m of b.measurements) {
      const [row] = await tx
        .insert(indicatorMeasurements)
        .values({ actionId, indicatorId: indicators[m.indicator - 1]!, measuredOn: m.measuredOn, value: m.value, source: m.source, comment: m.comment, authorName: m.author, ...stamps(m.createdAt) })
        .returning({ id: indicatorMeasurements.id });
      refs.set(row!.id, m.key);
    }
    if (b.comments.length)
      await tx.insert(comments).values(
        b.comments.map((c) => ({
          contractId,
          actionId,
          progressEntryId: c.on ? refs.id(c.on)! : null,
          body: c.body,
          authorName: c.author,
          authorOrganisation: c.authorOrganisation,
          createdAt: new Date(c.createdAt),
          editedAt: dateOf(c.editedAt),
          deletedAt: dateOf(c.deletedAt),
        })),
      );
  }
  if (f.items.length) await tx.insert(followUpItems).values(f.items.map((it, position) => ({ contractId, ...it, position })));
}
