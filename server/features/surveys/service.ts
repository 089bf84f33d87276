/**
 * Residents' surveys of a contract: the builder's survey, its publication, the results
 * everyone who reads the contract may see (anonymous), and their summary on the fiches
 * they inform. Answers are written by answers.ts; respondents' e-mails read by contacts.ts.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actions, communes, contracts, priorityAreas, surveyAnswers, surveys } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import { can, type Actor } from "../../policies/index.js";
import { parisDay } from "../../domain/dates.js";
import { breakingChanges, surveyState, type SurveyQuestion } from "../../domain/surveys.js";
import type { SurveyBody, SurveyUpdateBody } from "./schema.js";
import { surveyResults, type ResultLabels } from "./results.js";
import { surveySummary } from "./summary.js";

export const SURVEY_NOT_FOUND = "Ce sondage est introuvable.";

export async function surveyScope(db: Db | Tx, id: string): Promise<{ contractId: string; surveyId: string }> {
  const [row] = await db.select({ contractId: surveys.contractId }).from(surveys).where(eq(surveys.id, id));
  if (!row) throw notFound(SURVEY_NOT_FOUND);
  return { contractId: row.contractId, surveyId: id };
}

async function checkFiches(tx: Tx, contractId: string, actionIds: readonly string[]): Promise<void> {
  if (!actionIds.length) return;
  const rows = await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contractId), inArray(actions.id, [...actionIds])));
  const known = new Set(rows.map((r) => r.id));
  const errors: FieldError[] = actionIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `actionIds.${i}`, message: "Cette fiche n'existe pas dans ce contrat." }]));
  if (errors.length) throw invalid(errors);
}

/** Normalised questions: each kind keeps only what it uses. */
function questionsOf(body: SurveyBody): SurveyQuestion[] {
  return body.questions.map((q) => {
    const choice = q.kind === "single" || q.kind === "multiple" || q.kind === "ranking";
    return {
      ...q,
      options: choice ? q.options : [],
      other: (q.kind === "single" || q.kind === "multiple") && q.other,
      rankCount: q.kind === "ranking" ? q.rankCount : null,
    };
  });
}

const columns = (body: SurveyBody) => ({
  title: body.title,
  intro: body.intro,
  questions: questionsOf(body),
  actionIds: [...new Set(body.actionIds)],
  opensOn: body.opensOn,
  closesOn: body.closesOn,
  oneAnswerPerDevice: body.oneAnswerPerDevice,
  askContact: body.askContact,
  retentionMonths: body.retentionMonths,
});

export async function createSurvey(db: Db, actor: Actor, contractId: string, body: SurveyBody): Promise<string> {
  return db.transaction(async (tx) => {
    await checkFiches(tx, contractId, body.actionIds);
    const [row] = await tx.insert(surveys).values({ contractId, ...columns(body) }).returning({ id: surveys.id });
    await recordAudit(tx, actor, { contractId, objectType: "survey", objectId: row!.id, objectLabel: body.title, operation: "create", changes: [] });
    return row!.id;
  });
}

export async function updateSurvey(db: Db, actor: Actor, id: string, body: SurveyUpdateBody): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(surveys).where(eq(surveys.id, id)).for("update");
    if (!current) throw notFound(SURVEY_NOT_FOUND);
    await checkFiches(tx, current.contractId, body.actionIds);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(surveyAnswers).where(eq(surveyAnswers.surveyId, id));
    const next = columns(body);
    if (n > 0) {
      const messages = breakingChanges(current.questions, next.questions);
      if (messages.length) throw conflict(messages.join(" "));
    }
    await claimVersion(tx, surveys, id, body.version, "Ce sondage");
    await tx.update(surveys).set(next).where(eq(surveys.id, id));
    const changes = [
      ...(current.title !== body.title ? [{ field: "title", label: "Titre", before: current.title, after: body.title }] : []),
      ...(current.opensOn !== body.opensOn ? [{ field: "opensOn", label: "Ouverture", before: current.opensOn, after: body.opensOn }] : []),
      ...(current.closesOn !== body.closesOn ? [{ field: "closesOn", label: "Clôture", before: current.closesOn, after: body.closesOn }] : []),
      ...(JSON.stringify(current.questions) !== JSON.stringify(next.questions) ? [{ field: "questions", label: "Questions", before: `${current.questions.length} questions`, after: `${next.questions.length} questions` }] : []),
    ];
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "survey", objectId: id, objectLabel: body.title, operation: "update", changes });
  });
}

export async function deleteSurvey(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.delete(surveys).where(eq(surveys.id, id)).returning({ contractId: surveys.contractId, title: surveys.title });
    if (!current) throw notFound(SURVEY_NOT_FOUND);
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "survey", objectId: id, objectLabel: current.title, operation: "delete", changes: [] });
  });
}

/** Opens the public answer page (or withdraws it), or shows the results on the contract's public page. */
export async function setPublication(db: Db, actor: Actor, id: string, what: "survey" | "results", published: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(surveys).where(eq(surveys.id, id)).for("update");
    if (!current) throw notFound(SURVEY_NOT_FOUND);
    const column = what === "survey" ? "publishedAt" : "resultsPublishedAt";
    if (!!current[column] === published) return;
    await tx
      .update(surveys)
      .set({ [column]: published ? new Date() : null, version: sql`${surveys.version} + 1`, updatedAt: new Date() })
      .where(eq(surveys.id, id));
    const label = what === "survey" ? "Questionnaire en ligne" : "Résultats publiés";
    await recordAudit(tx, actor, {
      contractId: current.contractId,
      objectType: "survey",
      objectId: id,
      objectLabel: current.title,
      operation: "update",
      changes: [{ field: column, label, before: published ? "non" : "oui", after: published ? "oui" : "non" }],
    });
  });
}

async function answerCounts(db: Db, surveyIds: readonly string[]) {
  if (!surveyIds.length) return new Map<string, { total: number; online: number; paper: number }>();
  const rows = await db
    .select({ surveyId: surveyAnswers.surveyId, total: sql<number>`count(*)::int`, paper: sql<number>`count(*) filter (where ${surveyAnswers.source} = 'paper')::int` })
    .from(surveyAnswers)
    .where(inArray(surveyAnswers.surveyId, [...surveyIds]))
    .groupBy(surveyAnswers.surveyId);
  return new Map(rows.map((r) => [r.surveyId, { total: r.total, paper: r.paper, online: r.total - r.paper }]));
}

export async function listSurveys(db: Db, contractId: string, now: Date = new Date()) {
  const rows = await db.select().from(surveys).where(eq(surveys.contractId, contractId)).orderBy(desc(surveys.opensOn), asc(surveys.title));
  const counts = await answerCounts(db, rows.map((r) => r.id));
  const today = parisDay(now);
  return {
    items: rows.map((s) => ({
      id: s.id,
      title: s.title,
      opensOn: s.opensOn,
      closesOn: s.closesOn,
      state: surveyState(s, today),
      resultsPublished: !!s.resultsPublishedAt,
      answers: counts.get(s.id)?.total ?? 0,
    })),
  };
}

export async function getSurvey(db: Db, actor: Actor, id: string, now: Date = new Date()) {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id));
  if (!row) throw notFound(SURVEY_NOT_FOUND);
  const [fiches, counts, slug, labels] = await Promise.all([
    row.actionIds.length ? db.select({ id: actions.id, number: actions.number, title: actions.title }).from(actions).where(inArray(actions.id, row.actionIds)) : Promise.resolve([]),
    answerCounts(db, [id]),
    contractSlug(db, row.contractId),
    resultLabels(db, row.contractId),
  ]);
  const scope = { contractId: row.contractId };
  return {
    id: row.id,
    contractId: row.contractId,
    title: row.title,
    intro: row.intro,
    questions: row.questions,
    actionIds: row.actionIds,
    actions: row.actionIds.flatMap((a) => fiches.filter((f) => f.id === a).map((f) => ({ id: f.id, number: f.number, title: f.title }))),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    oneAnswerPerDevice: row.oneAnswerPerDevice,
    askContact: row.askContact,
    retentionMonths: row.retentionMonths,
    publishedAt: row.publishedAt,
    resultsPublishedAt: row.resultsPublishedAt,
    state: surveyState(row, parisDay(now)),
    publicPath: `/public/${slug}/sondages/${row.id}`,
    answers: counts.get(id) ?? { total: 0, online: 0, paper: 0 },
    version: row.version,
    canManage: can(actor, "participation.manage", scope),
    canEnter: can(actor, "survey.enter", scope),
    communes: [...labels.communes].map(([inseeCode, name]) => ({ inseeCode, name })),
    priorityAreas: [...labels.priorityAreas].map(([id, name]) => ({ id, name })),
  };
}

async function contractSlug(db: Db, contractId: string): Promise<string> {
  const [row] = await db.select({ slug: contracts.slug }).from(contracts).where(eq(contracts.id, contractId));
  return row?.slug ?? "";
}

/** The names the results show for communes and priority areas of the contract. */
export async function resultLabels(db: Db | Tx, contractId: string): Promise<ResultLabels> {
  const [communeRows, areaRows] = await Promise.all([
    db.select({ inseeCode: communes.inseeCode, name: communes.name }).from(communes).where(eq(communes.contractId, contractId)).orderBy(asc(communes.name)),
    db.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId)).orderBy(asc(priorityAreas.position)),
  ]);
  return { communes: new Map(communeRows.map((c) => [c.inseeCode, c.name])), priorityAreas: new Map(areaRows.map((a) => [a.id, a.name])) };
}

/** Everything the results and their exports are computed from (anonymous: no e-mail). */
export async function resultsInput(db: Db, id: string) {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id));
  if (!row) throw notFound(SURVEY_NOT_FOUND);
  const [rows, labels] = await Promise.all([
    db.select({ answers: surveyAnswers.answers, source: surveyAnswers.source, submittedAt: surveyAnswers.submittedAt }).from(surveyAnswers).where(eq(surveyAnswers.surveyId, id)).orderBy(asc(surveyAnswers.submittedAt), asc(surveyAnswers.id)),
    resultLabels(db, row.contractId),
  ]);
  return { survey: row, rows, labels };
}

export async function getResults(db: Db, id: string, by: string | null = null) {
  const { survey, rows, labels } = await resultsInput(db, id);
  return surveyResults({ surveyId: survey.id, title: survey.title, questions: survey.questions, rows, labels, by });
}

/** The surveys that inform a fiche, with their summary for its follow-up page and the reviews. */
export async function surveysForFiche(db: Db, actionId: string) {
  const rows = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(sql`${surveys.actionIds} @> ${JSON.stringify([actionId])}::jsonb`)
    .orderBy(desc(surveys.closesOn));
  const items = [];
  for (const { id } of rows) {
    const { survey, rows: answers, labels } = await resultsInput(db, id);
    const results = surveyResults({ surveyId: survey.id, title: survey.title, questions: survey.questions, rows: answers, labels });
    items.push({ surveyId: survey.id, title: survey.title, closesOn: survey.closesOn, total: results.total, ...surveySummary(results, survey.closesOn) });
  }
  return { items };
}
