/** The public page of a contract, as the public sees it: read only when its coordinator published it. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actionPartners, actions, contracts, objectives, organisations, surveys, workshops } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import { SHOWN_CONTRACT_STATUSES, shownContractStatus } from "../../domain/contract-status.js";
import { loadFicheProjections } from "../actions/fiches.js";
import { parisDay } from "../../domain/dates.js";
import { surveyState } from "../../domain/surveys.js";
import { getContract } from "../contracts/queries.js";
import { publicReviews } from "../reviews/service.js";

const NOT_PUBLISHED = "Ce contrat n'a pas de page publique.";

/**
 * What the public sees: the contract's summary, territory, signatories, axes and
 * live fiches — without people's names, directory details or archived fiches.
 */
export async function publicContract(db: Db, slug: string, now: Date = new Date()) {
  const [row] = await db.select({ id: contracts.id }).from(contracts).where(and(eq(contracts.slug, slug), eq(contracts.published, true)));
  if (!row) throw notFound(NOT_PUBLISHED);
  const c = await getContract(db, row.id);
  const actionRows = await db
    .select({ action: actions, leadName: organisations.name, objectiveCode: objectives.code })
    .from(actions)
    .leftJoin(organisations, eq(organisations.id, actions.leadOrganisationId))
    .leftJoin(objectives, eq(objectives.id, actions.objectiveId))
    .where(and(eq(actions.contractId, row.id), isNull(actions.archivedAt)))
    .orderBy(asc(actions.number));
  const partnerRows = actionRows.length
    ? await db
        .select({ actionId: actionPartners.actionId, name: organisations.name })
        .from(actionPartners)
        .innerJoin(organisations, eq(organisations.id, actionPartners.organisationId))
        .where(inArray(actionPartners.actionId, actionRows.map((a) => a.action.id)))
        .orderBy(asc(actionPartners.position))
    : [];
  const axisNumber = new Map(c.axes.map((a) => [a.id, a.number]));
  const today = parisDay(now);
  const shown = new Map((await loadFicheProjections(db, row.id, today)).map((f) => [f.id, f]));
  const contractStatus = shownContractStatus(c, today);
  return {
    slug: c.slug,
    name: c.name,
    localAuthority: c.localAuthority,
    startDate: c.startDate,
    endDate: c.endDate,
    status: contractStatus,
    statusLabel: SHOWN_CONTRACT_STATUSES[contractStatus],
    summary: c.summary,
    communes: c.communes,
    priorityAreas: c.priorityAreas.map(({ name, code }) => ({ name, code })),
    signatories: c.signatories.map(({ organisationName, representative, title }) => ({ organisationName, representative, title })),
    axes: c.axes.map((a) => ({ number: a.number, title: a.title, description: a.description, objectives: a.objectives.map(({ code, title }) => ({ code, title })) })),
    actions: actionRows.map(({ action: a, leadName, objectiveCode }) => ({
      number: a.number,
      title: a.title,
      axisNumber: axisNumber.get(a.axisId)!,
      objectiveCode,
      status: shown.get(a.id)?.shownStatus ?? a.status,
      statusLabel: shown.get(a.id)?.shownStatusLabel ?? "",
      startMonth: a.startMonth,
      endMonth: a.endMonth,
      lead: leadName,
      partners: partnerRows.filter((p) => p.actionId === a.id).map((p) => p.name),
      specificObjective: a.specificObjective,
      operationalObjectives: a.operationalObjectives,
      description: a.description,
      targetPublic: a.targetPublic,
      place: a.place,
    })),
    // The quarterly reviews, when the coordination publishes them on this page.
    documents: await publicReviews(db, row.id, c.slug),
    participation: await publicParticipation(db, row.id, c.slug, now),
  };
}

/** Residents' calls and surveys the coordination published: links to take part, and to published results. */
async function publicParticipation(db: Db, contractId: string, slug: string, now: Date) {
  const today = parisDay(now);
  const [calls, surveyRows] = await Promise.all([
    db.select({ id: workshops.id, title: workshops.title, deadline: workshops.deadline }).from(workshops).where(and(eq(workshops.contractId, contractId), isNotNull(workshops.callPublishedAt))).orderBy(desc(workshops.deadline)),
    db
      .select({ id: surveys.id, title: surveys.title, opensOn: surveys.opensOn, closesOn: surveys.closesOn, publishedAt: surveys.publishedAt, resultsPublishedAt: surveys.resultsPublishedAt })
      .from(surveys)
      .where(and(eq(surveys.contractId, contractId), or(isNotNull(surveys.publishedAt), isNotNull(surveys.resultsPublishedAt))))
      .orderBy(desc(surveys.closesOn)),
  ]);
  return {
    calls: calls.map((w) => ({ title: w.title, deadline: w.deadline, open: today <= w.deadline, path: `/public/${slug}/ateliers/${w.id}` })),
    surveys: surveyRows
      .map((s) => ({ title: s.title, closesOn: s.closesOn, open: surveyState(s, today) === "open", resultsPublished: !!s.resultsPublishedAt, path: `/public/${slug}/sondages/${s.id}` }))
      .filter((s) => s.open || s.resultsPublished),
  };
}
