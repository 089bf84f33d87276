/**
 * Answers to a survey: online on the public page (one per device when the survey asks
 * so, by a keyed hash of a device cookie, never the IP address), or typed in by a member
 * from a paper form. The respondent's e-mail, left with consent, is the only personal
 * data: the coordination reads it, exports it, erases it; the purge erases it on time.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { communes, consentLog, contracts, priorityAreas, surveyAnswers, surveys } from "../../db/schema.js";
import { conflict, invalid, notFound } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { addMonths, longDay, parisDay } from "../../domain/dates.js";
import { SURVEY_CONSENT_VERSION, surveyContactConsentText, surveyState, type AnswerSource, type SurveyAnswers } from "../../domain/surveys.js";
import { checkAnswers } from "./check-answers.js";
import { SURVEY_NOT_FOUND } from "./service.js";

export const ANSWER_NOT_FOUND = "Cette réponse est introuvable.";
export const ALREADY_ANSWERED = "Une réponse à ce questionnaire a déjà été envoyée depuis cet appareil. Merci de votre participation !";

/** The stored form of a device cookie: its SHA-256 (the cookie is a random secret of the browser). */
export const deviceHash = (cookie: string) => createHash("sha256").update(`survey-device:${cookie}`).digest("hex");

/** What the respondents' e-mails are for (the public page and the « registre des traitements » say the same). */
export function surveyPrivacy(input: { organiser: string; retentionMonths: number }) {
  return {
    purpose: "Recontacter, si elles le souhaitent, les personnes qui ont répondu au questionnaire, au sujet de ses suites. Les réponses elles-mêmes sont anonymes.",
    legalBasis: "Consentement de la personne (RGPD, article 6-1-a).",
    readers: `L'équipe de coordination du contrat local de santé (${input.organiser}) ; ni les partenaires, ni l'ARS, ni le public.`,
    retention: `${input.retentionMonths} mois après la clôture du questionnaire, puis effacement automatique de l'adresse (les réponses anonymes restent).`,
  };
}

/** A published survey by the contract's public address. */
async function publishedSurvey(db: Db, slug: string, surveyId: string) {
  const [row] = await db
    .select({ survey: surveys, contract: { id: contracts.id, name: contracts.name, localAuthority: contracts.localAuthority } })
    .from(surveys)
    .innerJoin(contracts, eq(contracts.id, surveys.contractId))
    .where(and(eq(surveys.id, surveyId), eq(contracts.slug, slug)));
  if (!row || !row.survey.publishedAt) throw notFound(SURVEY_NOT_FOUND);
  return row;
}

async function known(db: Db, contractId: string) {
  const [communeRows, areaRows] = await Promise.all([
    db.select({ inseeCode: communes.inseeCode, name: communes.name }).from(communes).where(eq(communes.contractId, contractId)).orderBy(asc(communes.name)),
    db.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId)).orderBy(asc(priorityAreas.position)),
  ]);
  return { communeRows, areaRows, sets: { communes: new Set(communeRows.map((c) => c.inseeCode)), priorityAreaIds: new Set(areaRows.map((a) => a.id)) } };
}

export async function publicSurvey(db: Db, slug: string, surveyId: string, device: string | null, now: Date = new Date()) {
  const { survey: s, contract } = await publishedSurvey(db, slug, surveyId);
  const [{ communeRows, areaRows }, answered] = await Promise.all([
    known(db, contract.id),
    device && s.oneAnswerPerDevice ? db.select({ id: surveyAnswers.id }).from(surveyAnswers).where(and(eq(surveyAnswers.surveyId, s.id), eq(surveyAnswers.deviceHash, deviceHash(device)))) : Promise.resolve([]),
  ]);
  return {
    id: s.id,
    title: s.title,
    intro: s.intro,
    contractTitle: contract.name,
    organiser: contract.localAuthority,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    state: surveyState(s, parisDay(now)),
    questions: s.questions,
    communes: communeRows,
    priorityAreas: areaRows,
    askContact: s.askContact,
    consentText: surveyContactConsentText({ organiser: contract.localAuthority, retentionMonths: s.retentionMonths }),
    privacy: surveyPrivacy({ organiser: contract.localAuthority, retentionMonths: s.retentionMonths }),
    alreadyAnswered: answered.length > 0,
    resultsPublished: !!s.resultsPublishedAt,
  };
}

/** The survey of a published results page, by the contract's public address. */
export async function publishedResultsSurvey(db: Db, slug: string, surveyId: string): Promise<string> {
  const [row] = await db
    .select({ id: surveys.id, resultsPublishedAt: surveys.resultsPublishedAt })
    .from(surveys)
    .innerJoin(contracts, eq(contracts.id, surveys.contractId))
    .where(and(eq(surveys.id, surveyId), eq(contracts.slug, slug)));
  if (!row?.resultsPublishedAt) throw notFound("Les résultats de ce sondage ne sont pas publiés.");
  return row.id;
}

interface Submission {
  surveyId: string;
  answers: SurveyAnswers;
  source: AnswerSource;
  /** Online: the device cookie (null when the survey does not limit answers per device). */
  device: string | null;
  contactEmail?: string;
  /** Paper: who typed it and the day the person answered. */
  actor?: Actor;
  enteredBy?: { userId: string | null; name: string };
  respondedOn?: string;
  now?: Date;
}

export async function submitAnswer(db: Db, input: Submission): Promise<string> {
  const now = input.now ?? new Date();
  const [s] = await db.select().from(surveys).where(eq(surveys.id, input.surveyId));
  if (!s) throw notFound(SURVEY_NOT_FOUND);
  if (input.source === "online") {
    const state = surveyState(s, parisDay(now));
    if (state === "draft") throw notFound(SURVEY_NOT_FOUND);
    if (state === "scheduled") throw conflict(`Ce questionnaire ouvre le ${longDay(s.opensOn)} : revenez à partir de cette date.`);
    if (state === "closed") throw conflict(`Ce questionnaire est clos depuis le ${longDay(s.closesOn)}. Merci de votre intérêt.`);
  } else if (input.respondedOn && (input.respondedOn < s.opensOn || input.respondedOn > s.closesOn)) {
    throw invalid([{ path: "respondedOn", message: `La date de la réponse doit être comprise entre l'ouverture (${longDay(s.opensOn)}) et la clôture (${longDay(s.closesOn)}) du questionnaire.` }]);
  }
  if (input.contactEmail && !s.askContact) throw invalid([{ path: "contactEmail", message: "Ce questionnaire ne recueille pas d'adresse e-mail." }]);
  const { sets } = await known(db, s.contractId);
  const checked = checkAnswers(s.questions, input.answers, sets);
  if (checked.errors.length) throw invalid(checked.errors, "Certaines réponses sont à compléter ou à corriger : voyez les messages sous les questions.");
  if (!Object.keys(checked.answers).length) throw invalid([{ path: "answers", message: "Répondez à au moins une question avant d'envoyer." }]);
  const hash = input.source === "online" && s.oneAnswerPerDevice && input.device ? deviceHash(input.device) : null;
  if (hash) {
    const [seen] = await db.select({ id: surveyAnswers.id }).from(surveyAnswers).where(and(eq(surveyAnswers.surveyId, s.id), eq(surveyAnswers.deviceHash, hash)));
    if (seen) throw conflict(ALREADY_ANSWERED);
  }
  // The same device answering twice at once: the unique index answers 409 (server/db/unique.ts).
  return db.transaction(async (tx) => {
      const submittedAt = input.respondedOn ? new Date(`${input.respondedOn}T12:00:00Z`) : now;
      const [row] = await tx
        .insert(surveyAnswers)
        .values({
          contractId: s.contractId,
          surveyId: s.id,
          answers: checked.answers,
          source: input.source,
          enteredByUserId: input.enteredBy?.userId ?? null,
          enteredByName: input.enteredBy?.name ?? "",
          deviceHash: hash,
          contactEmail: input.contactEmail ?? "",
          consentVersion: input.contactEmail ? SURVEY_CONSENT_VERSION : null,
          submittedAt,
        })
        .returning({ id: surveyAnswers.id });
      if (input.contactEmail) await tx.insert(consentLog).values({ contractId: s.contractId, purpose: "survey_contact", subjectId: row!.id, consentVersion: SURVEY_CONSENT_VERSION, acceptedAt: now });
      if (input.actor) await recordAudit(tx, input.actor, { contractId: s.contractId, objectType: "survey_answer", objectId: row!.id, objectLabel: `Réponse papier au sondage « ${s.title} »`, operation: "create", changes: [] });
      return row!.id;
  });
}

export async function answerScope(db: Db, id: string): Promise<{ contractId: string; surveyId: string }> {
  const [row] = await db.select({ contractId: surveyAnswers.contractId, surveyId: surveyAnswers.surveyId }).from(surveyAnswers).where(eq(surveyAnswers.id, id));
  if (!row) throw notFound(ANSWER_NOT_FOUND);
  return row;
}

/** The respondents who left an e-mail (the coordination only). */
export async function listContacts(db: Db, surveyId: string) {
  const rows = await db
    .select({ answerId: surveyAnswers.id, email: surveyAnswers.contactEmail, source: surveyAnswers.source, submittedAt: surveyAnswers.submittedAt, consentVersion: surveyAnswers.consentVersion })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.surveyId, surveyId), ne(surveyAnswers.contactEmail, "")))
    .orderBy(asc(surveyAnswers.submittedAt));
  return { items: rows };
}

/** One respondent's data, for a request of access (RGPD art. 15). */
export async function exportAnswer(db: Db, id: string) {
  const [row] = await db.select({ answer: surveyAnswers, title: surveys.title }).from(surveyAnswers).innerJoin(surveys, eq(surveys.id, surveyAnswers.surveyId)).where(eq(surveyAnswers.id, id));
  if (!row) throw notFound(ANSWER_NOT_FOUND);
  const a = row.answer;
  return {
    survey: { id: a.surveyId, title: row.title },
    answer: { id: a.id, submittedAt: a.submittedAt, source: a.source, contactEmail: a.contactEmail, consentVersion: a.consentVersion, answers: a.answers },
  };
}

/**
 * Erasure on request: the e-mail goes (and the device mark); with `withAnswers` the
 * answer itself goes too — otherwise the anonymous answer stays in the results.
 */
export async function eraseAnswer(db: Db, actor: Actor, id: string, withAnswers: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ contractId: surveyAnswers.contractId, surveyId: surveyAnswers.surveyId }).from(surveyAnswers).where(eq(surveyAnswers.id, id));
    if (!row) throw notFound(ANSWER_NOT_FOUND);
    await tx.update(consentLog).set({ withdrawnAt: sql`coalesce(${consentLog.withdrawnAt}, now())` }).where(eq(consentLog.subjectId, id));
    if (withAnswers) await tx.delete(surveyAnswers).where(eq(surveyAnswers.id, id));
    else await tx.update(surveyAnswers).set({ contactEmail: "", deviceHash: null }).where(eq(surveyAnswers.id, id));
    await recordAudit(tx, actor, {
      contractId: row.contractId,
      objectType: "survey_answer",
      objectId: id,
      objectLabel: "Réponse à un sondage",
      operation: withAnswers ? "delete" : "update",
      changes: withAnswers ? [] : [{ field: "contactEmail", label: "Adresse e-mail", before: "(effacée)", after: "" }],
    });
  });
}

/**
 * The automatic purge: respondents' e-mails of surveys closed more than their retention
 * ago are erased (the anonymous answers stay). `now` is the clock (tests pass a fake one).
 */
export async function purgeExpiredSurveyContacts(db: Db, now: Date = new Date(), options: { spareContractIds?: readonly string[] } = {}): Promise<number> {
  const spared = options.spareContractIds ?? [];
  const today = parisDay(now);
  const rows = await db.select({ id: surveys.id, closesOn: surveys.closesOn, retentionMonths: surveys.retentionMonths }).from(surveys).where(spared.length ? notInArray(surveys.contractId, [...spared]) : undefined);
  const expired = rows.filter((s) => addMonths(s.closesOn, s.retentionMonths) < today).map((s) => s.id);
  if (!expired.length) return 0;
  return db.transaction(async (tx) => {
    const gone = await tx
      .update(surveyAnswers)
      .set({ contactEmail: "" })
      .where(and(inArray(surveyAnswers.surveyId, expired), ne(surveyAnswers.contactEmail, "")))
      .returning({ id: surveyAnswers.id });
    if (gone.length) await tx.update(consentLog).set({ withdrawnAt: sql`coalesce(${consentLog.withdrawnAt}, ${now})` }).where(inArray(consentLog.subjectId, gone.map((g) => g.id)));
    return gone.length;
  });
}
