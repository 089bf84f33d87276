/**
 * The « registre des traitements » of a contract (RGPD art. 30) as far as residents go:
 * for each kind of residents' personal data Clés keeps, its purpose, legal basis, readers
 * and retention, and per workshop, survey or area how many people it concerns and when
 * their data is erased.
 */
import { asc, count, eq, inArray, max, and, ne } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { contracts, registrations, surveyAnswers, surveys, workshopSessions, workshops } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { addMonths, longDay, parisDay } from "../../domain/dates.js";
import { registrationPrivacy } from "./public.js";
import { surveyPrivacy } from "../surveys/answers.js";
import { ambassadorRegisterItem } from "../ambassadors/register.js";

async function registrationsItem(db: Db, contractId: string, organiser: string) {
  const rows = await db.select({ id: workshops.id, title: workshops.title, retentionMonths: workshops.retentionMonths }).from(workshops).where(eq(workshops.contractId, contractId)).orderBy(asc(workshops.createdAt));
  const ids = rows.map((w) => w.id);
  const [ends, people] = ids.length
    ? await Promise.all([
        db.select({ workshopId: workshopSessions.workshopId, last: max(workshopSessions.endsAt) }).from(workshopSessions).where(inArray(workshopSessions.workshopId, ids)).groupBy(workshopSessions.workshopId),
        db.select({ workshopId: registrations.workshopId, n: count() }).from(registrations).where(inArray(registrations.workshopId, ids)).groupBy(registrations.workshopId),
      ])
    : [[], []];
  return {
    kind: "registrations" as const,
    label: "Inscriptions aux ateliers des habitants",
    data: "Prénom, nom ou initiales, moyen de contact (e-mail, téléphone ou partenaire), commune, quartier prioritaire, tranche d'âge, genre, catégorie socioprofessionnelle (facultative), groupe, disponibilités, besoins d'accessibilité et alimentaires, présence aux séances.",
    ...registrationPrivacy({ organiser, retentionMonths: rows[0]?.retentionMonths ?? 12 }),
    groupLabel: "Atelier",
    empty: "Aucun atelier : aucune donnée de ce type n'est conservée.",
    groups: rows.map((w) => {
      const last = ends.find((e) => e.workshopId === w.id)?.last ?? null;
      return {
        id: w.id,
        title: w.title,
        people: people.find((p) => p.workshopId === w.id)?.n ?? 0,
        erasure: last ? `le ${longDay(addMonths(parisDay(new Date(last)), w.retentionMonths))} (${w.retentionMonths} mois après la dernière séance)` : "pas de séance : à fixer",
      };
    }),
  };
}

async function surveyContactsItem(db: Db, contractId: string, organiser: string) {
  const rows = await db.select({ id: surveys.id, title: surveys.title, closesOn: surveys.closesOn, retentionMonths: surveys.retentionMonths }).from(surveys).where(eq(surveys.contractId, contractId)).orderBy(asc(surveys.opensOn));
  const ids = rows.map((s) => s.id);
  const people = ids.length
    ? await db.select({ surveyId: surveyAnswers.surveyId, n: count() }).from(surveyAnswers).where(and(inArray(surveyAnswers.surveyId, ids), ne(surveyAnswers.contactEmail, ""))).groupBy(surveyAnswers.surveyId)
    : [];
  return {
    kind: "survey_contacts" as const,
    label: "Adresses laissées par les personnes qui répondent aux sondages",
    data: "Adresse e-mail, laissée volontairement avec la réponse (les réponses elles-mêmes sont anonymes).",
    ...surveyPrivacy({ organiser, retentionMonths: rows[0]?.retentionMonths ?? 12 }),
    groupLabel: "Sondage",
    empty: "Aucun sondage : aucune donnée de ce type n'est conservée.",
    groups: rows.map((s) => ({
      id: s.id,
      title: s.title,
      people: people.find((p) => p.surveyId === s.id)?.n ?? 0,
      erasure: `le ${longDay(addMonths(s.closesOn, s.retentionMonths))} (${s.retentionMonths} mois après la clôture)`,
    })),
  };
}

export async function processingRegister(db: Db, contractId: string) {
  const [contract] = await db.select({ localAuthority: contracts.localAuthority }).from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const items = await Promise.all([registrationsItem(db, contractId, contract.localAuthority), surveyContactsItem(db, contractId, contract.localAuthority), ambassadorRegisterItem(db, contractId, contract.localAuthority)]);
  return { items };
}
