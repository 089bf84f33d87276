/** What a review export contains: the document model of a version, and the annexes bundled as a ZIP. */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { attachments, contracts, meetings, quarterlyReviews, reviewPublications } from "../../db/schema.js";
import { notFound } from "../../http/problem.js";
import type { DocumentModel } from "../../documents/model.js";
import { can, type Actor } from "../../policies/index.js";
import type { FileStorage } from "../../storage/storage.js";
import { readAttachment } from "../attachments/service.js";
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

/** The attachments the review annexes (of its visible sections), in a ZIP named by meeting day; null when there are none. */
export async function annexesZip(db: Db, storage: FileStorage, exported: ReviewExport): Promise<Buffer | null> {
  const ids = [...new Set(exported.sections.flatMap((s) => s.sources.attachmentIds))];
  if (!ids.length) return null;
  const rows = await db
    .select({ fileName: attachments.fileName, storageKey: attachments.storageKey, startsAt: meetings.startsAt })
    .from(attachments)
    .innerJoin(meetings, eq(meetings.id, attachments.meetingId))
    .where(and(eq(attachments.contractId, exported.contractId), inArray(attachments.id, ids)))
    .orderBy(asc(meetings.startsAt), asc(attachments.createdAt));
  if (!rows.length) return null;
  // Loaded on the first archive, not at start.
  const { default: JSZip } = await import("jszip");
  const zip = new JSZip();
  const used = new Set<string>();
  for (const [i, row] of rows.entries()) {
    let name = `${String(i + 1).padStart(2, "0")} - ${parisDay(row.startsAt)} - ${row.fileName}`;
    while (used.has(name)) name = `_${name}`;
    used.add(name);
    zip.file(name, await readAttachment(storage, row));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
