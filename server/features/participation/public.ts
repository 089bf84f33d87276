/**
 * The call for participation as residents see it, without signing in: what they need to
 * register (sessions, communes, priority areas, what their data is for), and nothing of
 * anyone's registration. Reachable once the coordinator has published the call.
 */
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { communes, contracts, priorityAreas, registrations, workshopSessions, workshops } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { parisDay, parisFullDay, parisTime } from "../../domain/dates.js";
import { CONSENT_VERSION, consentText } from "../../domain/participation.js";
import { WORKSHOP_NOT_FOUND } from "./service.js";

/** What a workshop's registrations are for (the « registre des traitements » says the same). */
export function registrationPrivacy(input: { organiser: string; retentionMonths: number }) {
  return {
    purpose: "Organiser l'atelier des habitants : composer des tables variées, prévenir les personnes inscrites, tenir la liste d'attente.",
    legalBasis: "Consentement de la personne (RGPD, article 6-1-a).",
    readers: `L'équipe de coordination du contrat local de santé (${input.organiser}) ; ni les partenaires, ni l'ARS, ni le public.`,
    retention: `${input.retentionMonths} mois après la dernière séance de l'atelier, puis effacement automatique.`,
  };
}

/** The workshop of a published call, by the contract's public address (its slug). */
export async function callWorkshop(db: Db, slug: string, workshopId: string) {
  const [row] = await db
    .select({ workshop: workshops, contract: { id: contracts.id, name: contracts.name, localAuthority: contracts.localAuthority, slug: contracts.slug } })
    .from(workshops)
    .innerJoin(contracts, eq(contracts.id, workshops.contractId))
    .where(and(eq(workshops.id, workshopId), eq(contracts.slug, slug), isNotNull(workshops.callPublishedAt)));
  if (!row) throw notFound(WORKSHOP_NOT_FOUND);
  return row;
}

export const sessionLabel = (s: { startsAt: Date; endsAt: Date; place: string }) => `${parisFullDay(s.startsAt)}, de ${parisTime(s.startsAt)} à ${parisTime(s.endsAt)}${s.place ? `, ${s.place}` : ""}`;

export async function publicCall(db: Db, slug: string, workshopId: string, now: Date = new Date()) {
  const { workshop: w, contract } = await callWorkshop(db, slug, workshopId);
  const [sessions, communeRows, areas, [{ taken } = { taken: 0 }]] = await Promise.all([
    db.select().from(workshopSessions).where(eq(workshopSessions.workshopId, w.id)).orderBy(asc(workshopSessions.position)),
    db.select({ inseeCode: communes.inseeCode, name: communes.name }).from(communes).where(eq(communes.contractId, contract.id)).orderBy(asc(communes.name)),
    db.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, contract.id)).orderBy(asc(priorityAreas.position)),
    db.select({ taken: sql<number>`count(*)::int` }).from(registrations).where(and(eq(registrations.workshopId, w.id), eq(registrations.status, "registered"))),
  ]);
  return {
    contract: { name: contract.name, localAuthority: contract.localAuthority, slug: contract.slug },
    id: w.id,
    title: w.title,
    intro: w.intro,
    deadline: w.deadline,
    open: parisDay(now) <= w.deadline,
    full: taken >= w.capacity,
    meal: w.meal,
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, place: s.place })),
    communes: communeRows,
    priorityAreas: areas,
    consent: { version: CONSENT_VERSION, text: consentText({ organiser: contract.localAuthority, retentionMonths: w.retentionMonths }) },
    privacy: registrationPrivacy({ organiser: contract.localAuthority, retentionMonths: w.retentionMonths }),
  };
}
