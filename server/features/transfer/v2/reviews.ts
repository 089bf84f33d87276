/**
 * What the coordination wrote from the data, in a version 2 file: the reviews' settings,
 * the quarterly reviews with their published versions, the reviews shared before Clés,
 * the annual reports' texts and the evaluation (its members' answers stay: they belong
 * to accounts). A section's sources name the file's keys instead of ids.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { annualReportTexts, evaluations, quarterlyReviews, reviewPublications, reviewSettings, sharedReviews } from "../../../db/schema.js";
import { EVALUATION_PARTS, EVALUATION_STATUSES, type EvaluationPartKey, type EvaluationStatus } from "../../../domain/evaluation.js";
import { REVIEW_STATUSES, SECTION_KINDS, type ReviewSection, type ReviewStatus, type SectionKind } from "../../../domain/review-sections.js";
import { isoDate } from "../../../validation/fields.js";
import type { ExportContext, ImportContext } from "./context.js";
import { dateOf, instant, iso, refKey, type RefMap } from "./refs.js";

const text = (max: number) => z.string({ error: "Ce champ est un texte." }).max(max, { error: `${max} caractères au plus.` });
const keys = z.array(refKey).max(5000).default([]);
const enumOf = <K extends string>(o: Record<K, string>, error: string) => z.enum(Object.keys(o) as [K, ...K[]], { error });

const section = z.object({
  /** "purpose", "committee:R1", "action:FA3", "free:…": stable across refreshes. */
  key: text(200),
  kind: enumOf<SectionKind>(SECTION_KINDS, "Type de section inconnu."),
  title: text(500),
  generatedTitle: text(500),
  html: text(500_000),
  generatedHtml: text(500_000),
  sourceHash: text(200),
  /** The file's keys of the data the section was drawn from. */
  sources: z.object({ meetings: keys, progress: keys, measurements: keys, milestones: keys, adjustments: keys, fiches: keys }),
  edited: z.boolean(),
  hidden: z.boolean(),
  refreshState: z.enum(["unchanged", "updated", "changed", "new", "gone"]),
});
type FileSection = z.infer<typeof section>;
const sections = z.array(section).max(500);
const quarter = { year: z.number().int().min(1900).max(2100), quarter: z.number().int().min(1).max(4) };

export const reviewsSection = z.object({
  settings: z.object({ purpose: text(200_000), publishReviews: z.boolean() }).nullable().default(null),
  quarterly: z
    .array(
      z.object({
        ...quarter,
        status: enumOf<ReviewStatus>(REVIEW_STATUSES, "État de revue inconnu."),
        sections,
        publishedNumber: z.number().int().min(0),
        refreshedAt: instant,
        createdBy: text(200),
        publications: z
          .array(z.object({ number: z.number().int().min(1), sections, correctionNote: text(5000).default(""), publishedAt: instant, publishedBy: text(200), notifiedCount: z.number().int().min(0).default(0) }))
          .max(100)
          .default([]),
      }),
    )
    .max(200)
    .default([]),
  shared: z.array(z.object({ ...quarter, sharedOn: isoDate, note: text(2000).default(""), recordedBy: text(200) })).max(200).default([]),
  annualReports: z
    .array(z.object({ year: quarter.year, status: z.enum(["draft", "published"]), synthesis: text(200_000), outlook: text(200_000), publishedAt: instant.nullable(), publishedBy: text(200).nullable() }))
    .max(50)
    .default([]),
  evaluation: z
    .object({
      status: enumOf<EvaluationStatus>(EVALUATION_STATUSES, "État d'évaluation inconnu."),
      parts: z.array(z.object({ key: enumOf<EvaluationPartKey>(EVALUATION_PARTS, "Partie inconnue."), html: text(200_000) })).max(20),
      questions: z
        .array(
          z.object({
            id: text(100),
            part: enumOf<EvaluationPartKey>(EVALUATION_PARTS, "Partie inconnue."),
            kind: z.enum(["scale", "choice", "text"]),
            label: text(1000),
            choices: z.array(text(300)).max(50).optional(),
          }),
        )
        .max(200),
      questionnaireOpenedAt: instant.nullable(),
      questionnaireClosedAt: instant.nullable(),
      validatedMeeting: refKey.nullable(),
      validatedOn: isoDate.nullable(),
    })
    .nullable()
    .default(null),
});
export type ReviewsSection = z.infer<typeof reviewsSection>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A stored section as the file writes it: ids become keys; data the format leaves out (attachments) is dropped. */
function sectionOut(s: ReviewSection, refs: RefMap): FileSection {
  const src = s.sources;
  return {
    key: /^(committee|action):/.test(s.key) ? s.key.replace(UUID, (id) => refs.key(id) ?? id) : s.key,
    kind: s.kind,
    title: s.title,
    generatedTitle: s.generatedTitle,
    html: s.html,
    generatedHtml: s.generatedHtml,
    sourceHash: s.sourceHash,
    sources: {
      meetings: refs.keys(src.meetingIds),
      progress: refs.keys(src.progressEntryIds),
      measurements: refs.keys(src.measurementIds),
      milestones: refs.keys(src.milestoneIds),
      adjustments: refs.keys(src.adjustmentIds),
      fiches: refs.keys(src.actionIds),
    },
    edited: s.edited,
    hidden: s.hidden,
    refreshState: s.refreshState,
  };
}

function sectionIn(s: FileSection, refs: RefMap): ReviewSection {
  const [prefix, rest] = [s.key.slice(0, s.key.indexOf(":")), s.key.slice(s.key.indexOf(":") + 1)];
  const own = (prefix === "committee" || prefix === "action") && refs.id(rest);
  return {
    ...s,
    key: own ? `${prefix}:${own}` : s.key,
    sources: {
      meetingIds: refs.ids(s.sources.meetings),
      progressEntryIds: refs.ids(s.sources.progress),
      measurementIds: refs.ids(s.sources.measurements),
      milestoneIds: refs.ids(s.sources.milestones),
      adjustmentIds: refs.ids(s.sources.adjustments),
      attachmentIds: [],
      actionIds: refs.ids(s.sources.fiches),
    },
  };
}

export async function exportReviews(ctx: ExportContext): Promise<ReviewsSection> {
  const { db, contractId, refs } = ctx;
  const [settings] = await db.select().from(reviewSettings).where(eq(reviewSettings.contractId, contractId));
  const reviews = await db.select().from(quarterlyReviews).where(eq(quarterlyReviews.contractId, contractId)).orderBy(asc(quarterlyReviews.year), asc(quarterlyReviews.quarter));
  const publications = reviews.length
    ? await db.select().from(reviewPublications).where(inArray(reviewPublications.reviewId, reviews.map((r) => r.id))).orderBy(asc(reviewPublications.number))
    : [];
  const shared = await db.select().from(sharedReviews).where(eq(sharedReviews.contractId, contractId)).orderBy(asc(sharedReviews.year), asc(sharedReviews.quarter));
  const reports = await db.select().from(annualReportTexts).where(eq(annualReportTexts.contractId, contractId)).orderBy(asc(annualReportTexts.year));
  const [evaluation] = await db.select().from(evaluations).where(eq(evaluations.contractId, contractId));
  return {
    settings: settings ? { purpose: settings.purpose, publishReviews: settings.publishReviews } : null,
    quarterly: reviews.map((r) => ({
      year: r.year,
      quarter: r.quarter,
      status: r.status,
      sections: r.sections.map((s) => sectionOut(s, refs)),
      publishedNumber: r.publishedNumber,
      refreshedAt: r.refreshedAt.toISOString(),
      createdBy: r.createdByName,
      publications: publications
        .filter((p) => p.reviewId === r.id)
        .map((p) => ({ number: p.number, sections: p.sections.map((s) => sectionOut(s, refs)), correctionNote: p.correctionNote, publishedAt: p.publishedAt.toISOString(), publishedBy: p.publishedByName, notifiedCount: p.notifiedCount })),
    })),
    shared: shared.map((s) => ({ year: s.year, quarter: s.quarter, sharedOn: s.sharedOn, note: s.note, recordedBy: s.recordedByName })),
    annualReports: reports.map((r) => ({ year: r.year, status: r.status, synthesis: r.synthesis, outlook: r.outlook, publishedAt: iso(r.publishedAt), publishedBy: r.publishedByName })),
    evaluation: evaluation
      ? {
          status: evaluation.status,
          parts: evaluation.parts.map((p) => ({ key: p.key, html: p.html })),
          questions: evaluation.questions.map((q) => ({ id: q.id, part: q.part, kind: q.kind, label: q.label, ...(q.choices ? { choices: q.choices } : {}) })),
          questionnaireOpenedAt: iso(evaluation.questionnaireOpenedAt),
          questionnaireClosedAt: iso(evaluation.questionnaireClosedAt),
          validatedMeeting: evaluation.validatedMeetingId ? (refs.key(evaluation.validatedMeetingId) ?? null) : null,
          validatedOn: evaluation.validatedOn,
        }
      : null,
  };
}

/** The evaluation's validating meeting must be one of the file's meetings. */
export const reviewIssues = (r: ReviewsSection, meetingKeys: (key: string) => boolean) =>
  r.evaluation?.validatedMeeting && !meetingKeys(r.evaluation.validatedMeeting)
    ? [{ path: ["reviews", "evaluation", "validatedMeeting"], message: `La réunion « ${r.evaluation.validatedMeeting} » n'existe pas dans le fichier.` }]
    : [];

export async function importReviews(ctx: ImportContext, r: ReviewsSection): Promise<void> {
  const { tx, contractId, refs } = ctx;
  if (r.settings) await tx.insert(reviewSettings).values({ contractId, ...r.settings });
  for (const q of r.quarterly) {
    const [row] = await tx
      .insert(quarterlyReviews)
      .values({ contractId, year: q.year, quarter: q.quarter, status: q.status, sections: q.sections.map((s) => sectionIn(s, refs)), publishedNumber: q.publishedNumber, refreshedAt: new Date(q.refreshedAt), createdByName: q.createdBy })
      .returning({ id: quarterlyReviews.id });
    if (q.publications.length)
      await tx.insert(reviewPublications).values(
        q.publications.map((p) => ({
          reviewId: row!.id,
          contractId,
          number: p.number,
          sections: p.sections.map((s) => sectionIn(s, refs)),
          correctionNote: p.correctionNote,
          publishedAt: new Date(p.publishedAt),
          publishedByName: p.publishedBy,
          notifiedCount: p.notifiedCount,
        })),
      );
  }
  if (r.shared.length) await tx.insert(sharedReviews).values(r.shared.map((s) => ({ contractId, year: s.year, quarter: s.quarter, sharedOn: s.sharedOn, note: s.note, recordedByName: s.recordedBy })));
  if (r.annualReports.length)
    await tx.insert(annualReportTexts).values(r.annualReports.map((a) => ({ contractId, year: a.year, status: a.status, synthesis: a.synthesis, outlook: a.outlook, publishedAt: dateOf(a.publishedAt), publishedByName: a.publishedBy })));
  const e = r.evaluation;
  if (e)
    await tx.insert(evaluations).values({
      contractId,
      status: e.status,
      parts: e.parts,
      questions: e.questions,
      questionnaireOpenedAt: dateOf(e.questionnaireOpenedAt),
      questionnaireClosedAt: dateOf(e.questionnaireClosedAt),
      validatedMeetingId: e.validatedMeeting ? refs.id(e.validatedMeeting)! : null,
      validatedOn: e.validatedOn,
    });
}
