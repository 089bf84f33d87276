/** Quarterly reviews: drafting, editing, refreshing, publishing and correcting; every change in the history. */
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { contracts, memberships, quarterlyReviews, reviewPublications, reviewSettings, users } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid, notFound } from "../../http/problem.js";
import type { Mailer } from "../../mail/mailer.js";
import { reviewPublishedMail } from "../../mail/review-mail.js";
import { actorIdentity, can, type Actor } from "../../policies/index.js";
import { recordAudit } from "../../audit/record.js";
import { lockContract } from "../contracts/queries.js";
import { sanitizeMinutes } from "../governance/service.js";
import { composeReview } from "./compose.js";
import { arsAddresses } from "./ars-recipients.js";
import { loadReviewData, loadReviewSettings } from "./load.js";
import { listSharedReviews } from "./shared-reviews.js";
import { contractQuarters, quarterLabel, type Quarter } from "./quarters.js";
import { applyEdit, contentDigest, refreshSections, type SectionEdit } from "./refresh.js";
import { REVIEW_STATUSES, type ReviewSection } from "../../domain/review-sections.js";
import { relayPublishedReview } from "./relay-review.js";

export const REVIEW_NOT_FOUND = "Cette revue trimestrielle est introuvable.";
const FROZEN = "Cette revue est publiée : elle ne change plus. Demandez une correction pour préparer une nouvelle version.";

type ReviewRow = typeof quarterlyReviews.$inferSelect;

export async function reviewContractId(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ contractId: quarterlyReviews.contractId }).from(quarterlyReviews).where(eq(quarterlyReviews.id, id));
  if (!row) throw notFound(REVIEW_NOT_FOUND);
  return row.contractId;
}

const summary = (r: ReviewRow, lastPublishedAt: Date | null) => ({
  id: r.id,
  year: r.year,
  quarter: r.quarter,
  label: quarterLabel(r as Quarter),
  status: r.status,
  statusLabel: REVIEW_STATUSES[r.status],
  publishedNumber: r.publishedNumber,
  updatedAt: r.updatedAt,
  lastPublishedAt,
});

async function publicationsOf(db: Db | Tx, reviewIds: string[]) {
  if (!reviewIds.length) return [];
  return db
    .select({
      reviewId: reviewPublications.reviewId,
      number: reviewPublications.number,
      publishedAt: reviewPublications.publishedAt,
      publishedByName: reviewPublications.publishedByName,
      correctionNote: reviewPublications.correctionNote,
      notifiedCount: reviewPublications.notifiedCount,
    })
    .from(reviewPublications)
    .where(inArray(reviewPublications.reviewId, reviewIds))
    .orderBy(asc(reviewPublications.number));
}

/** The contract's reviews (readers: published ones), its quarters, and the review settings. */
export async function listReviews(db: Db, actor: Actor, contractId: string, today: string) {
  const [contract] = await db.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound("Ce contrat est introuvable.");
  const manage = can(actor, "review.manage", { contractId });
  const rows = (await db.select().from(quarterlyReviews).where(eq(quarterlyReviews.contractId, contractId)).orderBy(desc(quarterlyReviews.year), desc(quarterlyReviews.quarter))).filter(
    (r) => manage || r.publishedNumber > 0,
  );
  const pubs = await publicationsOf(db, rows.map((r) => r.id));
  const last = (id: string) => pubs.filter((p) => p.reviewId === id).at(-1)?.publishedAt ?? null;
  const settings = await loadReviewSettings(db, contractId);
  return {
    items: rows.map((r) => summary(r, last(r.id))),
    sharedElsewhere: await listSharedReviews(db, contractId),
    settings: { purpose: settings.purpose, publishReviews: settings.publishReviews, version: settings.version },
    quarters: contractQuarters(contract.startDate, contract.endDate, today).map((q) => ({ ...q, label: quarterLabel(q), reviewId: rows.find((r) => r.year === q.year && r.quarter === q.quarter)?.id ?? null })),
    permissions: { manage },
  };
}

/**
 * A review as its reader sees it: the working sections for the coordination; for the
 * other readers, the visible sections of the last published version (404 before any).
 */
export async function reviewView(db: Db | Tx, actor: Actor, id: string) {
  const [row] = await db.select().from(quarterlyReviews).where(eq(quarterlyReviews.id, id));
  if (!row) throw notFound(REVIEW_NOT_FOUND);
  const manage = can(actor, "review.manage", { contractId: row.contractId });
  if (!manage && row.publishedNumber === 0) throw notFound(REVIEW_NOT_FOUND);
  const [contract] = await db.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, row.contractId));
  const publications = (await publicationsOf(db, [id])).map(({ reviewId: _r, ...p }) => p);
  const sections = manage ? row.sections : await publishedSections(db, id, row.publishedNumber);
  return {
    ...summary(row, publications.at(-1)?.publishedAt ?? null),
    contractId: row.contractId,
    contractName: contract!.name,
    version: row.version,
    refreshedAt: row.refreshedAt,
    sections,
    publications,
    permissions: { manage },
  };
}
export type ReviewView = Awaited<ReturnType<typeof reviewView>>;

async function publishedSections(db: Db | Tx, reviewId: string, number: number): Promise<ReviewSection[]> {
  const [pub] = await db.select({ sections: reviewPublications.sections }).from(reviewPublications).where(and(eq(reviewPublications.reviewId, reviewId), eq(reviewPublications.number, number)));
  if (!pub) throw notFound(`La version ${number} de cette revue est introuvable.`);
  return pub.sections;
}

/** A published version, frozen. */
export async function getPublication(db: Db, reviewId: string, number: number) {
  const [pub] = await db.select().from(reviewPublications).where(and(eq(reviewPublications.reviewId, reviewId), eq(reviewPublications.number, number)));
  if (!pub) throw notFound(`La version ${number} de cette revue est introuvable.`);
  const { id: _id, reviewId: _r, contractId: _c, publishedById: _p, ...rest } = pub;
  return rest;
}

/** Drafts the review of a quarter from the data: the quarter must have started and overlap the contract. */
export async function createReview(db: Db, actor: Actor, contractId: string, quarter: Quarter, today: string) {
  return db.transaction(async (tx) => {
    const [contract] = await tx.select({ startDate: contracts.startDate, endDate: contracts.endDate }).from(contracts).where(eq(contracts.id, contractId));
    if (!contract) throw notFound("Ce contrat est introuvable.");
    if (!contractQuarters(contract.startDate, contract.endDate, today).some((q) => q.year === quarter.year && q.quarter === quarter.quarter)) {
      throw invalid([{ path: "quarter", message: `Le ${quarterLabel(quarter)} n'est pas un trimestre commencé de ce contrat (${contract.startDate.slice(0, 4)}-${contract.endDate.slice(0, 4)}).` }]);
    }
    const [existing] = await tx.select({ id: quarterlyReviews.id }).from(quarterlyReviews).where(and(eq(quarterlyReviews.contractId, contractId), eq(quarterlyReviews.year, quarter.year), eq(quarterlyReviews.quarter, quarter.quarter)));
    if (existing) throw conflict(`La revue du ${quarterLabel(quarter)} existe déjà : ouvrez-la pour la modifier.`);
    const sections = composeReview(await loadReviewData(tx, contractId, quarter));
    const who = actorIdentity(actor);
    const [row] = await tx.insert(quarterlyReviews).values({ contractId, year: quarter.year, quarter: quarter.quarter, sections, createdById: who.id, createdByName: who.name }).returning();
    await recordAudit(tx, actor, { contractId, objectType: "review", objectId: row!.id, objectLabel: `Revue du ${quarterLabel(quarter)}`, operation: "create", changes: [] });
    return reviewView(tx, actor, row!.id);
  });
}

async function editable(tx: Tx, id: string, version: number): Promise<ReviewRow> {
  const [row] = await tx.select().from(quarterlyReviews).where(eq(quarterlyReviews.id, id));
  if (!row) throw notFound(REVIEW_NOT_FOUND);
  if (row.status === "published") throw conflict(FROZEN);
  await claimVersion(tx, quarterlyReviews, id, version, "Cette revue trimestrielle");
  return row;
}

/** The coordinator's edit: order, titles, texts (sanitised), visibility, free sections. */
export async function updateReview(db: Db, actor: Actor, id: string, body: { version: number; sections: SectionEdit[] }) {
  return db.transaction(async (tx) => {
    const row = await editable(tx, id, body.version);
    const result = applyEdit(
      row.sections,
      body.sections.map((s) => ({ ...s, html: sanitizeMinutes(s.html) })),
    );
    if ("errors" in result) throw invalid(result.errors);
    await tx.update(quarterlyReviews).set({ sections: result.sections }).where(eq(quarterlyReviews.id, id));
    const label = `Revue du ${quarterLabel(row as Quarter)}`;
    const changed = result.sections.filter((s) => {
      const before = row.sections.find((b) => b.key === s.key);
      return !before || before.html !== s.html || before.title !== s.title || before.hidden !== s.hidden;
    });
    await recordAudit(tx, actor, {
      contractId: row.contractId,
      objectType: "review",
      objectId: id,
      objectLabel: label,
      operation: "update",
      changes: changed.length ? [{ field: "sections", label: "Sections modifiées", before: null, after: changed.map((s) => s.title).join("\n") }] : [],
    });
    return reviewView(tx, actor, id);
  });
}

/** Redraws the sections from the data, keeping the coordinator's edits where the data did not change. */
export async function refreshReview(db: Db, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const row = await editable(tx, id, version);
    const fresh = composeReview(await loadReviewData(tx, row.contractId, row as Quarter));
    await tx.update(quarterlyReviews).set({ sections: refreshSections(row.sections, fresh), refreshedAt: new Date() }).where(eq(quarterlyReviews.id, id));
    return reviewView(tx, actor, id);
  });
}

/** Members of the contract who receive the publication mail. */
async function memberAddresses(tx: Tx | Db, contractId: string) {
  return tx.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.contractId, contractId)).orderBy(asc(users.email));
}

/**
 * Publishes the working sections as the next version (frozen, kept), then tells every
 * member by e-mail. A correction that changes nothing is refused.
 */
export async function publishReview(db: Db, deps: { mailer: Mailer; publicUrl: string; log: (err: unknown) => void }, actor: Actor, id: string, body: { version: number; correctionNote?: string }) {
  const outcome = await db.transaction(async (tx) => {
    const row = await editable(tx, id, body.version);
    const visible = row.sections.filter((s) => !s.hidden);
    if (!visible.length) throw invalid([{ path: "sections", message: "Une revue sans section visible ne peut pas être publiée." }]);
    if (row.publishedNumber > 0) {
      const previous = await publishedSections(tx, id, row.publishedNumber);
      if (contentDigest(previous) === contentDigest(visible)) throw conflict("Cette correction ne change rien à la version publiée : modifiez la revue avant de la republier.");
    }
    const number = row.publishedNumber + 1;
    const addresses = await memberAddresses(tx, row.contractId);
    const ars = await arsAddresses(tx, row.contractId);
    const who = actorIdentity(actor);
    await tx.insert(reviewPublications).values({ reviewId: id, contractId: row.contractId, number, sections: visible, correctionNote: number > 1 ? (body.correctionNote ?? "").trim() : "", publishedById: who.id, publishedByName: who.name, notifiedCount: addresses.length });
    await tx.update(quarterlyReviews).set({ status: "published", publishedNumber: number }).where(eq(quarterlyReviews.id, id));
    await recordAudit(tx, actor, {
      contractId: row.contractId,
      objectType: "review",
      objectId: id,
      objectLabel: `Revue du ${quarterLabel(row as Quarter)}`,
      operation: "update",
      changes: [{ field: "publishedNumber", label: "Version publiée", before: row.publishedNumber ? String(row.publishedNumber) : null, after: String(number) }],
    });
    const [contract] = await tx.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, row.contractId));
    return { row, number, addresses, ars, contractName: contract!.name, who };
  });
  const link = `${deps.publicUrl}/contrats/${outcome.row.contractId}/revues/${id}/versions/${outcome.number}`;
  for (const { email } of outcome.addresses) {
    const message = reviewPublishedMail({ to: email, contractName: outcome.contractName, label: quarterLabel(outcome.row as Quarter), number: outcome.number, link, publishedBy: outcome.who.name, correctionNote: body.correctionNote?.trim() ?? "" });
    await deps.mailer.send(message).catch(deps.log);
  }
  for (const { email } of outcome.ars) {
    const message = reviewPublishedMail({ to: email, contractName: outcome.contractName, label: quarterLabel(outcome.row as Quarter), number: outcome.number, link, publishedBy: outcome.who.name, correctionNote: body.correctionNote?.trim() ?? "", preferencesLink: `${deps.publicUrl}/mon-compte` });
    await deps.mailer.send(message).catch(deps.log);
  }
  await relayPublishedReview(db, deps, actor, { id, contractId: outcome.row.contractId, label: quarterLabel(outcome.row as Quarter), number: outcome.number, publishedBy: outcome.who.name });
  return reviewView(db, actor, id);
}

/** Opens a correction: version N stays published while version N+1 is prepared. */
export async function startCorrection(db: Db, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(quarterlyReviews).where(eq(quarterlyReviews.id, id));
    if (!row) throw notFound(REVIEW_NOT_FOUND);
    if (row.status !== "published") throw conflict("Seule une revue publiée peut être corrigée ; celle-ci est encore en cours de rédaction.");
    await claimVersion(tx, quarterlyReviews, id, version, "Cette revue trimestrielle");
    await tx.update(quarterlyReviews).set({ status: "correcting" }).where(eq(quarterlyReviews.id, id));
    await recordAudit(tx, actor, {
      contractId: row.contractId,
      objectType: "review",
      objectId: id,
      objectLabel: `Revue du ${quarterLabel(row as Quarter)}`,
      operation: "update",
      changes: [{ field: "status", label: "État", before: REVIEW_STATUSES.published, after: REVIEW_STATUSES.correcting }],
    });
    return reviewView(tx, actor, id);
  });
}

/** The purpose reminder (once per contract) and the choice to show reviews on the public page. */
export async function updateSettings(db: Db, actor: Actor, contractId: string, body: { purpose: string; publishReviews: boolean; version: number }) {
  return db.transaction(async (tx) => {
    // 404 for a contract that does not exist, and one writer of the settings at a time (the first save inserts).
    await lockContract(tx, contractId);
    const current = await loadReviewSettings(tx, contractId);
    if (current.version !== body.version) throw conflict("Ces réglages ont été modifiés par quelqu'un d'autre depuis que vous les avez ouverts. Rechargez la page, puis refaites votre modification.");
    const values = { purpose: sanitizeMinutes(body.purpose), publishReviews: body.publishReviews, version: body.version + 1, updatedAt: new Date() };
    await tx.insert(reviewSettings).values({ contractId, ...values }).onConflictDoUpdate({ target: reviewSettings.contractId, set: values });
    await recordAudit(tx, actor, {
      contractId,
      objectType: "review",
      objectId: contractId,
      objectLabel: "Réglages des revues trimestrielles",
      operation: "update",
      changes: [
        ...(current.purpose !== values.purpose ? [{ field: "purpose", label: "Rappel de l'objet des revues", before: current.purpose || null, after: values.purpose || null }] : []),
        ...(current.publishReviews !== values.publishReviews ? [{ field: "publishReviews", label: "Revues sur la page publique", before: current.publishReviews ? "Oui" : "Non", after: values.publishReviews ? "Oui" : "Non" }] : []),
      ],
    });
    return { purpose: values.purpose, publishReviews: values.publishReviews, version: values.version };
  });
}

/** The published reviews the public page lists, when the contract publishes them: the last version of each, newest first. */
export async function publicReviews(db: Db, contractId: string, slug: string) {
  const settings = await loadReviewSettings(db, contractId);
  if (!settings.publishReviews) return [];
  const rows = await db
    .select({ id: quarterlyReviews.id, year: quarterlyReviews.year, quarter: quarterlyReviews.quarter, number: quarterlyReviews.publishedNumber })
    .from(quarterlyReviews)
    .where(and(eq(quarterlyReviews.contractId, contractId), gt(quarterlyReviews.publishedNumber, 0)))
    .orderBy(desc(quarterlyReviews.year), desc(quarterlyReviews.quarter));
  return rows.map((r) => ({
    title: `Revue trimestrielle du ${quarterLabel(r as Quarter)}${r.number > 1 ? ` (version ${r.number})` : ""}`,
    url: `/api/public/contracts/${slug}/reviews/${r.id}.html`,
  }));
}

/** A review shown on a published contract page that publishes its reviews: its last version number, else null. */
export async function publicReviewOf(db: Db, slug: string, reviewId: string): Promise<{ number: number } | null> {
  const [row] = await db
    .select({ number: quarterlyReviews.publishedNumber, publishReviews: reviewSettings.publishReviews })
    .from(quarterlyReviews)
    .innerJoin(contracts, eq(contracts.id, quarterlyReviews.contractId))
    .innerJoin(reviewSettings, eq(reviewSettings.contractId, contracts.id))
    .where(and(eq(quarterlyReviews.id, reviewId), eq(contracts.slug, slug), eq(contracts.published, true)));
  return row && row.publishReviews && row.number > 0 ? { number: row.number } : null;
}
