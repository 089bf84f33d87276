/**
 * The evaluation of a contract: created on first read with a default questionnaire,
 * edited by the coordination (prose, questions while in preparation), the questionnaire
 * opened to members and closed, then validated by a held COPIL — and frozen.
 * Every change by the coordination writes its history entry, in the same transaction.
 */
import { and, asc, eq } from "drizzle-orm";
import sanitizeHtml from "sanitize-html";
import type { Db, Tx } from "../../db/client.js";
import { contracts, evaluationResponses, evaluations, governanceBodies, meetings } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid } from "../../http/problem.js";
import { can, type Actor } from "../../policies/index.js";
import { diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { addMonths, longDay, parisDay, shortDay } from "../../domain/dates.js";
import { sanitizeMinutes } from "../governance/service.js";
import { aggregateAnswers } from "./aggregate.js";
import { DEFAULT_QUESTIONS, emptyParts, EVALUATION_PARTS, EVALUATION_STATUSES, PART_KEYS, type EvaluationPart, type EvaluationQuestion } from "../../domain/evaluation.js";
import { checkAnswers, type AnswersBody, type EvaluationUpdate } from "./schema.js";

type Row = typeof evaluations.$inferSelect;
const WHAT = "L'évaluation";
export const FROZEN = "L'évaluation a été validée par le Comité de pilotage : elle ne peut plus être modifiée.";
export const NOT_OPEN = "Le questionnaire de l'évaluation n'est pas ouvert : vos réponses ne peuvent pas être enregistrées.";

const plainText = (html: string) => sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();

const evaluationSnapshot = (r: Row) =>
  snapshot([
    ["status", "État", EVALUATION_STATUSES[r.status]],
    ...r.parts.map((p): [string, string, unknown] => [`part.${p.key}`, EVALUATION_PARTS[p.key], plainText(p.html)]),
    ["questions", "Questions", r.questions.map((q) => q.label)],
    ["questionnaireOpenedAt", "Questionnaire ouvert le", r.questionnaireOpenedAt ? shortDay(parisDay(r.questionnaireOpenedAt)) : null],
    ["questionnaireClosedAt", "Questionnaire clos le", r.questionnaireClosedAt ? shortDay(parisDay(r.questionnaireClosedAt)) : null],
    ["validatedOn", "Validée en COPIL le", r.validatedOn ? shortDay(r.validatedOn) : null],
  ]);

/** The contract's evaluation, created in preparation with the default questionnaire when there is none. */
export async function evaluationRow(db: Db | Tx, contractId: string): Promise<Row> {
  const [found] = await db.select().from(evaluations).where(eq(evaluations.contractId, contractId));
  if (found) return found;
  await db.insert(evaluations).values({ contractId, parts: emptyParts(), questions: DEFAULT_QUESTIONS }).onConflictDoNothing({ target: evaluations.contractId });
  const [created] = await db.select().from(evaluations).where(eq(evaluations.contractId, contractId));
  return created!;
}

/** Every part, in order, whatever the stored list holds. */
const allParts = (row: Row) => PART_KEYS.map((key) => ({ key, label: EVALUATION_PARTS[key], html: row.parts.find((p) => p.key === key)?.html ?? "" }));

/** The COPIL meetings of the contract that may validate the evaluation (held, not cancelled), and the others for information. */
export async function copilMeetings(db: Db | Tx, contractId: string, now = new Date()) {
  const rows = await db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt, cancelledAt: meetings.cancelledAt })
    .from(meetings)
    .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
    .where(and(eq(meetings.contractId, contractId), eq(governanceBodies.kind, "copil")))
    .orderBy(asc(meetings.startsAt));
  return rows.map((m) => ({ id: m.id, title: m.title, day: parisDay(m.startsAt), cancelled: m.cancelledAt !== null, held: m.cancelledAt === null && m.endsAt <= now }));
}

async function responses(db: Db | Tx, evaluationId: string) {
  return db.select({ answers: evaluationResponses.answers }).from(evaluationResponses).where(eq(evaluationResponses.evaluationId, evaluationId));
}

/** The evaluation as its page shows it: parts, questions, state, aggregated answers, what the reader may do. */
export async function evaluationView(db: Db, actor: Actor, contractId: string) {
  const row = await evaluationRow(db, contractId);
  const answered = await responses(db, row.id);
  const manage = can(actor, "review.manage", { contractId });
  const copil = await copilMeetings(db, contractId);
  return {
    id: row.id,
    status: row.status,
    statusLabel: EVALUATION_STATUSES[row.status],
    parts: allParts(row),
    questions: row.questions,
    questionnaireOpenedAt: row.questionnaireOpenedAt,
    questionnaireClosedAt: row.questionnaireClosedAt,
    validatedOn: row.validatedOn,
    validatedMeeting: copil.find((m) => m.id === row.validatedMeetingId) ?? null,
    version: row.version,
    respondents: answered.length,
    answers: aggregateAnswers(row.questions, answered),
    copilMeetings: manage ? copil : [],
    permissions: {
      manage: manage && row.status !== "validated",
      editQuestions: manage && row.status === "draft",
      answer: can(actor, "evaluation.answer", { contractId }) && row.status === "questionnaire_open",
    },
  };
}

/** Claims the next version (the one the client read, else the current one) after checking the row is not frozen. */
async function claim(tx: Tx, contractId: string, version: number | undefined): Promise<Row> {
  const row = await evaluationRow(tx, contractId);
  if (row.status === "validated") throw conflict(FROZEN);
  await claimVersion(tx, evaluations, row.id, version ?? row.version, WHAT);
  return row;
}

async function save(tx: Tx, actor: Actor, contractId: string, before: Row, changes: Partial<Row>): Promise<Row> {
  const [after] = await tx
    .update(evaluations)
    .set({ ...changes })
    .where(eq(evaluations.id, before.id))
    .returning();
  await recordAudit(tx, actor, { contractId, objectType: "evaluation", objectId: before.id, objectLabel: "Évaluation du contrat", operation: "update", changes: diffSnapshots(evaluationSnapshot(before), evaluationSnapshot(after!)) });
  return after!;
}

const sameQuestions = (a: EvaluationQuestion[], b: EvaluationQuestion[]) => JSON.stringify(a) === JSON.stringify(b);

/** Saves the prose of the parts (sanitised) and, while in preparation, the questions. */
export async function updateEvaluation(db: Db, actor: Actor, contractId: string, body: EvaluationUpdate) {
  return db.transaction(async (tx) => {
    const before = await claim(tx, contractId, body.version);
    const questions = body.questions?.map((q) => (q.kind === "choice" ? q : { id: q.id, part: q.part, kind: q.kind, label: q.label }));
    if (questions && !sameQuestions(questions, before.questions) && before.status !== "draft") {
      throw conflict("Le questionnaire a déjà été envoyé aux membres : ses questions ne peuvent plus être modifiées.");
    }
    const parts = allParts(before).map((p) => {
      const sent = body.parts.find((x) => x.key === p.key);
      return { key: p.key, html: sent ? sanitizeMinutes(sent.html) : p.html };
    });
    return save(tx, actor, contractId, before, { parts, ...(questions ? { questions } : {}) });
  });
}

/** Opens the questionnaire (from preparation, or again after closing it); the caller sends the mail. */
export async function openQuestionnaire(db: Db, actor: Actor, contractId: string, version?: number) {
  return db.transaction(async (tx) => {
    const before = await claim(tx, contractId, version);
    if (before.status === "questionnaire_open") throw conflict("Le questionnaire est déjà ouvert.");
    if (!before.questions.length) throw invalid([{ path: "questions", message: "Ajoutez au moins une question avant d'ouvrir le questionnaire." }]);
    return save(tx, actor, contractId, before, { status: "questionnaire_open", questionnaireOpenedAt: before.questionnaireOpenedAt ?? new Date(), questionnaireClosedAt: null });
  });
}

export async function closeQuestionnaire(db: Db, actor: Actor, contractId: string, version?: number) {
  return db.transaction(async (tx) => {
    const before = await claim(tx, contractId, version);
    if (before.status !== "questionnaire_open") throw conflict("Le questionnaire n'est pas ouvert.");
    return save(tx, actor, contractId, before, { status: "questionnaire_closed", questionnaireClosedAt: new Date() });
  });
}

/**
 * Records the COPIL meeting that validated the evaluation: a meeting of a COPIL of this
 * contract, not cancelled, already held. The evaluation is then frozen; an open
 * questionnaire closes.
 */
export async function validateEvaluation(db: Db, actor: Actor, contractId: string, body: { meetingId: string; version?: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const meeting = (await copilMeetings(tx, contractId, now)).find((m) => m.id === body.meetingId);
    if (!meeting) throw invalid([{ path: "meetingId", message: "Choisissez une réunion du Comité de pilotage de ce contrat." }]);
    if (meeting.cancelled) throw invalid([{ path: "meetingId", message: "Cette réunion du Comité de pilotage a été annulée." }]);
    if (!meeting.held) throw invalid([{ path: "meetingId", message: "Cette réunion du Comité de pilotage n'a pas encore eu lieu." }]);
    const before = await claim(tx, contractId, body.version);
    // Validation freezes the evaluation: an empty one, or a COPIL that met before it was begun, cannot have validated it.
    if (!hasWrittenPart(before.parts)) throw conflict("L'évaluation est encore vide : rédigez au moins une de ses parties avant d'enregistrer sa validation par le COPIL.");
    const [contract] = await tx.select({ endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId));
    const opens = evaluationPeriodStart(contract!.endDate);
    if (meeting.day < opens)
      throw invalid([
        { path: "meetingId", message: `Cette réunion du Comité de pilotage (${longDay(meeting.day)}) précède la période d'évaluation, qui s'ouvre le ${longDay(opens)} (un an avant la fin du contrat) : choisissez le COPIL qui a validé l'évaluation.` },
      ]);
    return save(tx, actor, contractId, before, {
      status: "validated",
      validatedMeetingId: meeting.id,
      validatedOn: meeting.day,
      ...(before.status === "questionnaire_open" ? { questionnaireClosedAt: now } : {}),
    });
  });
}

/** The questionnaire as a member sees it, with their own answers. */
export async function myAnswers(db: Db, actor: Actor, contractId: string) {
  const row = await evaluationRow(db, contractId);
  const userId = actor.kind === "user" ? actor.id : "";
  const [mine] = await db.select().from(evaluationResponses).where(and(eq(evaluationResponses.evaluationId, row.id), eq(evaluationResponses.userId, userId)));
  return {
    status: row.status,
    statusLabel: EVALUATION_STATUSES[row.status],
    open: row.status === "questionnaire_open",
    questions: row.questions,
    answers: mine?.answers ?? [],
    submittedAt: mine?.submittedAt ?? null,
  };
}

/**
 * Replaces the member's answers while the questionnaire is open (409 otherwise). Not in the
 * history: the answers are anonymous, and an entry would tie them to their author.
 */
export async function saveMyAnswers(db: Db, actor: Actor, contractId: string, body: AnswersBody) {
  if (actor.kind !== "user") throw conflict("Seule une personne connectée répond au questionnaire.");
  return db.transaction(async (tx) => {
    const row = await evaluationRow(tx, contractId);
    if (row.status !== "questionnaire_open") throw conflict(NOT_OPEN);
    const { errors, answers } = checkAnswers(row.questions, body.answers);
    if (errors.length) throw invalid(errors);
    const submittedAt = new Date();
    await tx
      .insert(evaluationResponses)
      .values({ evaluationId: row.id, userId: actor.id, answers, submittedAt })
      .onConflictDoUpdate({ target: [evaluationResponses.evaluationId, evaluationResponses.userId], set: { answers, submittedAt } });
    return { answers, submittedAt };
  });
}

/** The final evaluation is validated in its period: from a year before the contract ends (a COPIL before cannot have validated it). */
export const evaluationPeriodStart = (contractEnd: string): string => addMonths(contractEnd, -12);

/** Whether any part of the evaluation holds text (its HTML without tags and spaces). */
export const hasWrittenPart = (parts: readonly EvaluationPart[]): boolean => parts.some((p) => p.html.replace(/<[^>]*>/g, "").replace(/&nbsp;|\s/g, "") !== "");
