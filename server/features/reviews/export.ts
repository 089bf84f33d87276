/** What a review export contains: the document model of a version, and the annexes bundled as a ZIP (committees' decks and meetings' files). */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { attachments, contracts, governanceBodies, meetings, quarterlyReviews, reviewPublications } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import type { DocumentModel } from "../../documents/model.js";
import { can, type Actor } from "../../policies/index.js";
import type { FileStorage } from "../../storage/storage.js";
import { readAttachment } from "../attachments/service.js";
import type { Deck } from "../decks/deck.js";
import { loadDeck } from "../decks/service.js";
import { deckAnnexTitle } from "./compose.js";
import { parisDay, shortDay } from "../../domain/dates.js";
import { reviewDocument } from "./document.js";
import { quarterLabel, type Quarter } from "./quarters.js";
import { REVIEW_NOT_FOUND } from "./service.js";
import type { ReviewSection } from "../../domain/review-sections.js";

export interface ReviewExport {
  model: DocumentModel;
  /** « revue-trimestrielle-2021-T3-v2 ». */
  fileBase: string;
  sections: ReviewSection[];
  contractId: string;
}

/**
 * The version to export: `number` when given (a published version); else the working
 * draft for the coordination, the last published version for the other readers.
 */
export async function reviewExport(db: Db, actor: Actor, reviewId: string, number?: number): Promise<ReviewExport> {
  const [row] = await db.select().from(quarterlyReviews).where(eq(quarterlyReviews.id, reviewId));
  if (!row) throw notFound(REVIEW_NOT_FOUND);
  const manage = can(actor, "review.manage", { contractId: row.contractId });
  const [contract] = await db.select({ name: contracts.name }).from(contracts).where(eq(contracts.id, row.contractId));
  const wanted = number ?? (manage ? null : row.publishedNumber || null);
  if (!manage && !wanted) throw notFound(REVIEW_NOT_FOUND);
  const label = quarterLabel(row as Quarter);
  const base = `revue-trimestrielle-${row.year}-T${row.quarter}`;
  if (wanted === null) {
    return {
      model: reviewDocument({ contractName: contract!.name, label, sections: row.sections, note: `Document de travail du ${shortDay(parisDay())} — non publié`, author: row.createdByName }),
      fileBase: `${base}-brouillon`,
      sections: row.sections.filter((s) => !s.hidden),
      contractId: row.contractId,
    };
  }
  const [pub] = await db.select().from(reviewPublications).where(and(eq(reviewPublications.reviewId, reviewId), eq(reviewPublications.number, wanted)));
  if (!pub) throw notFound(`La version ${wanted} de cette revue est introuvable.`);
  const note = `Version ${pub.number} publiée le ${shortDay(parisDay(pub.publishedAt))} par ${pub.publishedByName}${pub.correctionNote ? ` — correction : ${pub.correctionNote}` : ""}`;
  return {
    model: reviewDocument({ contractName: contract!.name, label, sections: pub.sections, note, author: pub.publishedByName }),
    fileBase: `${base}-v${pub.number}`,
    sections: pub.sections,
    contractId: row.contractId,
  };
}

/** Whether the review has annexes to bundle (its visible sections name a committee's deck or a file). */
export const hasAnnexes = (exported: ReviewExport) => exported.sections.some((s) => s.kind === "annexes" || s.sources.attachmentIds.length);

/**
 * The review's annexes in a ZIP, numbered as its annex section lists them: the deck of each
 * committee held, drawn as of its meeting day and rendered as PDF by `renderDeck`; then the
 * files attached to the quarter's meetings (of the visible sections). Null when there are none.
 */
export async function annexesZip(db: Db, storage: FileStorage, exported: ReviewExport, renderDeck: (deck: Deck) => Promise<Buffer>): Promise<Buffer | null> {
  const ids = [...new Set(exported.sections.flatMap((s) => s.sources.attachmentIds))];
  const annexMeetings = exported.sections.find((s) => s.kind === "annexes")?.sources.meetingIds ?? [];
  const committees = annexMeetings.length
    ? await db
        .select({ id: meetings.id, startsAt: meetings.startsAt, kind: governanceBodies.kind })
        .from(meetings)
        .innerJoin(governanceBodies, eq(governanceBodies.id, meetings.bodyId))
        .where(and(eq(meetings.contractId, exported.contractId), inArray(meetings.id, annexMeetings), inArray(governanceBodies.kind, ["copil", "cotech", "thematic"])))
        .orderBy(asc(meetings.startsAt))
    : [];
  const rows = ids.length
    ? await db
        .select({ fileName: attachments.fileName, storageKey: attachments.storageKey, startsAt: meetings.startsAt })
        .from(attachments)
        .innerJoin(meetings, eq(meetings.id, attachments.meetingId))
        .where(and(eq(attachments.contractId, exported.contractId), inArray(attachments.id, ids)))
        .orderBy(asc(meetings.startsAt), asc(attachments.createdAt))
    : [];
  if (!committees.length && !rows.length) return null;
  // Loaded on the first archive, not at start.
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  const used = new Set<string>();
  let n = 0;
  const add = (day: string, fileName: string, body: Buffer) => {
    let name = `${String(++n).padStart(2, "0")} - ${day} - ${fileName}`;
    while (used.has(name)) name = `_${name}`;
    used.add(name);
    zip.file(name, body);
  };
  for (const m of committees) {
    const day = parisDay(m.startsAt);
    const { deck } = await loadDeck(db, exported.contractId, { year: Number(day.slice(0, 4)), meetingId: m.id }, day);
    add(day, `${deckAnnexTitle(m.kind, day).replace(/\//g, "-")}.pdf`, await renderDeck(deck));
  }
  for (const row of rows) add(parisDay(row.startsAt), row.fileName, await readAttachment(storage, row));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
