/**
 * Residents' surveys and the health ambassadors in a version 2 file — written, like the
 * workshops (participation.ts), only when the export asks for the residents' data. A survey
 * keeps its questions (their ids are the survey's own) and its answers; the device hash that
 * made one answer per device stays on the instance. Ambassadors carry their keys ("AM1")
 * so that trainings and activities name who attended; a priority area is "area:N".
 */
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ambassadorActivities, ambassadors, ambassadorTrainings, surveyAnswers, surveys } from "../../../db/schema.js";
import { ACTIVITY_KINDS, type ActivityKind } from "../../../domain/ambassadors.js";
import type { AnswerSource } from "../../../domain/surveys.js";
import { isoDate } from "../../../validation/fields.js";
import { answers as answersSchema, question } from "../../surveys/schema.js";
import { inTurn, type ExportContext, type ImportContext } from "./context.js";
import { dateOf, instant, iso, refKey, type Issue, type KeyKind } from "./refs.js";

const text = (max: number) => z.string({ error: "Ce champ est un texte." }).max(max, { error: `${max} caractères au plus.` });
const keys = z.array(refKey).max(500).default([]);
const area = z.string().regex(/^area:[1-9]\d{0,3}$/, { error: "Indiquez le quartier prioritaire par area:N (le N-ième du contrat)." });
const SOURCES = ["online", "paper"] as const satisfies readonly AnswerSource[];

const surveyEntry = z.object({
  title: text(300).min(1),
  intro: text(5000).default(""),
  questions: z.array(question).min(1).max(60),
  fiches: keys,
  opensOn: isoDate,
  closesOn: isoDate,
  oneAnswerPerDevice: z.boolean().default(true),
  askContact: z.boolean().default(false),
  publishedAt: instant.nullable().default(null),
  resultsPublishedAt: instant.nullable().default(null),
  retentionMonths: z.number().int().min(1).max(120),
  answers: z
    .array(
      z.object({
        answers: answersSchema,
        source: z.enum(SOURCES, { error: "La source est online ou paper." }),
        /** Who typed a paper answer, by name. */
        enteredBy: text(200).default(""),
        contactEmail: text(320).default(""),
        consentVersion: text(100).nullable().default(null),
        submittedAt: instant,
      }),
    )
    .max(100_000)
    .default([]),
});

const ambassadorsEntry = z.object({
  people: z
    .array(
      z.object({
        key: refKey,
        area,
        firstName: text(100).min(1),
        lastName: text(100).min(1),
        email: text(320).default(""),
        phone: text(40).default(""),
        consentVersion: text(100).min(1),
        consentOn: isoDate,
        joinedOn: isoDate,
        leftOn: isoDate.nullable().default(null),
        retentionMonths: z.number().int().min(1).max(120),
        notes: text(2000).default(""),
      }),
    )
    .max(5000)
    .default([]),
  trainings: z
    .array(z.object({ heldOn: isoDate, topic: text(300).min(1), trainer: text(300).default(""), attendees: keys, attendeeCount: z.number().int().min(0), fiches: keys, meeting: refKey.nullable().default(null) }))
    .max(5000)
    .default([]),
  activities: z
    .array(
      z.object({
        heldOn: isoDate,
        place: text(300).min(1),
        kind: z.enum(Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]], { error: "Choisissez le type d'action dans la liste." }),
        description: text(5000).default(""),
        area: area.nullable().default(null),
        residentsReached: z.number().int().min(0),
        ambassadors: keys,
        fiches: keys,
        meeting: refKey.nullable().default(null),
      }),
    )
    .max(20_000)
    .default([]),
});

export const surveysSection = z.array(surveyEntry).max(200);
export const ambassadorsSection = ambassadorsEntry;
export type SurveysSection = z.infer<typeof surveysSection>;
export type AmbassadorsSection = z.infer<typeof ambassadorsSection>;

/** Every fiche, meeting, ambassador and priority area named exists. */
export function checkResidents(s: SurveysSection, a: AmbassadorsSection, keysOf: Map<string, KeyKind>, areaCount: number): Issue[] {
  const issues: Issue[] = [];
  const fiche = (k: string, path: (string | number)[]) => keysOf.get(k) !== "fiche" && issues.push({ path, message: `La fiche « ${k} » n'existe pas dans ce contrat.` });
  const meeting = (k: string | null, path: (string | number)[]) => k !== null && keysOf.get(k) !== "meeting" && issues.push({ path, message: `La réunion « ${k} » n'existe pas dans le fichier.` });
  const inArea = (v: string | null, path: (string | number)[]) => v !== null && Number(v.slice(5)) > areaCount && issues.push({ path, message: `Le contrat n'a que ${areaCount} quartier(s) prioritaire(s).` });
  s.forEach((survey, i) => {
    survey.fiches.forEach((k, j) => fiche(k, ["surveys", i, "fiches", j]));
    if (survey.closesOn < survey.opensOn) issues.push({ path: ["surveys", i, "closesOn"], message: "La clôture doit suivre l'ouverture." });
  });
  const people = new Set<string>();
  a.people.forEach((p, i) => {
    if (people.has(p.key) || keysOf.has(p.key)) issues.push({ path: ["ambassadors", "people", i, "key"], message: `La clé « ${p.key} » est utilisée deux fois.` });
    people.add(p.key);
    inArea(p.area, ["ambassadors", "people", i, "area"]);
  });
  const person = (k: string, path: (string | number)[]) => !people.has(k) && issues.push({ path, message: `L'ambassadeur « ${k} » n'existe pas dans le fichier.` });
  a.trainings.forEach((t, i) => {
    t.attendees.forEach((k, j) => person(k, ["ambassadors", "trainings", i, "attendees", j]));
    t.fiches.forEach((k, j) => fiche(k, ["ambassadors", "trainings", i, "fiches", j]));
    meeting(t.meeting, ["ambassadors", "trainings", i, "meeting"]);
  });
  a.activities.forEach((t, i) => {
    t.ambassadors.forEach((k, j) => person(k, ["ambassadors", "activities", i, "ambassadors", j]));
    t.fiches.forEach((k, j) => fiche(k, ["ambassadors", "activities", i, "fiches", j]));
    meeting(t.meeting, ["ambassadors", "activities", i, "meeting"]);
    inArea(t.area, ["ambassadors", "activities", i, "area"]);
  });
  return issues;
}

/** The contract's surveys with their answers, and its ambassadors; `areaIds` are its priority areas in order. */
export async function exportResidents(ctx: ExportContext, areaIds: string[]): Promise<{ surveys: SurveysSection; ambassadors: AmbassadorsSection }> {
  const { db, contractId, refs } = ctx;
  const [ss, as, ps, ts, acts] = await inTurn([
    db.select().from(surveys).where(eq(surveys.contractId, contractId)).orderBy(asc(surveys.opensOn), asc(surveys.title), asc(surveys.createdAt), asc(surveys.id)),
    db.select().from(surveyAnswers).where(eq(surveyAnswers.contractId, contractId)).orderBy(asc(surveyAnswers.submittedAt), asc(surveyAnswers.enteredByName), asc(sql`${surveyAnswers.answers}::text`), asc(surveyAnswers.id)),
    db.select().from(ambassadors).where(eq(ambassadors.contractId, contractId)).orderBy(asc(ambassadors.joinedOn), asc(ambassadors.lastName), asc(ambassadors.firstName), asc(ambassadors.email), asc(ambassadors.id)),
    db.select().from(ambassadorTrainings).where(eq(ambassadorTrainings.contractId, contractId)).orderBy(asc(ambassadorTrainings.heldOn), asc(ambassadorTrainings.topic), asc(ambassadorTrainings.trainer), asc(ambassadorTrainings.id)),
    db.select().from(ambassadorActivities).where(eq(ambassadorActivities.contractId, contractId)).orderBy(asc(ambassadorActivities.heldOn), asc(ambassadorActivities.place), asc(ambassadorActivities.kind), asc(ambassadorActivities.description), asc(ambassadorActivities.id)),
  ]);
  const areaOf = (id: string) => `area:${areaIds.indexOf(id) + 1}`;
  ps.forEach((p, i) => refs.set(p.id, `AM${i + 1}`));
  return {
    surveys: ss.map((s) => ({
      title: s.title,
      intro: s.intro,
      questions: s.questions,
      fiches: refs.keys(s.actionIds),
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      oneAnswerPerDevice: s.oneAnswerPerDevice,
      askContact: s.askContact,
      publishedAt: iso(s.publishedAt),
      resultsPublishedAt: iso(s.resultsPublishedAt),
      retentionMonths: s.retentionMonths,
      answers: as
        .filter((a) => a.surveyId === s.id)
        .map((a) => ({ answers: a.answers, source: a.source, enteredBy: a.enteredByName, contactEmail: a.contactEmail, consentVersion: a.consentVersion, submittedAt: a.submittedAt.toISOString() })),
    })) as SurveysSection,
    ambassadors: {
      people: ps.map((p) => ({
        key: refs.key(p.id)!,
        area: areaOf(p.priorityAreaId),
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phone: p.phone,
        consentVersion: p.consentVersion,
        consentOn: p.consentOn,
        joinedOn: p.joinedOn,
        leftOn: p.leftOn,
        retentionMonths: p.retentionMonths,
        notes: p.notes,
      })),
      trainings: ts.map((t) => ({ heldOn: t.heldOn, topic: t.topic, trainer: t.trainer, attendees: refs.keys(t.attendeeIds), attendeeCount: t.attendeeCount, fiches: refs.keys(t.actionIds), meeting: t.meetingId ? (refs.key(t.meetingId) ?? null) : null })),
      activities: acts.map((t) => ({
        heldOn: t.heldOn,
        place: t.place,
        kind: t.kind as ActivityKind,
        description: t.description,
        area: t.priorityAreaId ? areaOf(t.priorityAreaId) : null,
        residentsReached: t.residentsReached,
        ambassadors: refs.keys(t.ambassadorIds),
        fiches: refs.keys(t.actionIds),
        meeting: t.meetingId ? (refs.key(t.meetingId) ?? null) : null,
      })),
    },
  };
}

/** Writes a checked file's surveys and ambassadors into the new contract. Who typed a paper answer stays a name. */
export async function importResidents(ctx: ImportContext, s: SurveysSection, a: AmbassadorsSection, areaIds: string[]): Promise<void> {
  const { tx, contractId, refs } = ctx;
  const areaIn = (v: string) => areaIds[Number(v.slice(5)) - 1]!;
  for (const survey of s) {
    const { answers, fiches, publishedAt, resultsPublishedAt, ...fields } = survey;
    const [row] = await tx
      .insert(surveys)
      .values({ contractId, ...fields, actionIds: refs.ids(fiches), publishedAt: dateOf(publishedAt), resultsPublishedAt: dateOf(resultsPublishedAt) })
      .returning({ id: surveys.id });
    if (answers.length)
      await tx.insert(surveyAnswers).values(
        answers.map((x) => ({ contractId, surveyId: row!.id, answers: x.answers, source: x.source, enteredByName: x.enteredBy, contactEmail: x.contactEmail, consentVersion: x.consentVersion, submittedAt: new Date(x.submittedAt) })),
      );
  }
  for (const p of a.people) {
    const { key, area: where, ...fields } = p;
    const [row] = await tx.insert(ambassadors).values({ contractId, ...fields, priorityAreaId: areaIn(where) }).returning({ id: ambassadors.id });
    refs.set(row!.id, key);
  }
  if (a.trainings.length)
    await tx.insert(ambassadorTrainings).values(
      a.trainings.map((t) => ({ contractId, heldOn: t.heldOn, topic: t.topic, trainer: t.trainer, attendeeIds: refs.ids(t.attendees), attendeeCount: t.attendeeCount, actionIds: refs.ids(t.fiches), meetingId: t.meeting ? refs.id(t.meeting)! : null })),
    );
  if (a.activities.length)
    await tx.insert(ambassadorActivities).values(
      a.activities.map((t) => ({
        contractId,
        heldOn: t.heldOn,
        place: t.place,
        kind: t.kind,
        description: t.description,
        priorityAreaId: t.area ? areaIn(t.area) : null,
        residentsReached: t.residentsReached,
        ambassadorIds: refs.ids(t.ambassadors),
        actionIds: refs.ids(t.fiches),
        meetingId: t.meeting ? refs.id(t.meeting)! : null,
      })),
    );
}
