/**
 * The synthesis and outlook of a year's annual report, as the coordination writes them: Clés
 * proposes them from the data; the coordination saves a draft, edits it, publishes it (every
 * reader's report then shows it) and may reopen it. Every change is in the contract's history.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { annualReportTexts } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { conflict, invalid } from "../../http/problem.js";
import { actorIdentity, can, type Actor } from "../../policies/index.js";
import { recordAudit } from "../../audit/record.js";
import { diffSnapshots, snapshot } from "../../audit/diff.js";
import { blocksToPlainText, htmlToBlocks } from "../../documents/rich-text.js";
import { parisDay, shortDay } from "../../domain/dates.js";
import { sanitizeMinutes } from "../governance/service.js";
import type { AnnualReportInput } from "./input.js";
import { draftOutlook, draftSynthesis, TEXTS_STATUSES } from "./texts.js";
import type { AnnualTextsBody } from "./schema.js";

type Row = typeof annualReportTexts.$inferSelect;

const STALE = "La synthèse et les perspectives viennent d'être modifiées par quelqu'un d'autre : rechargez la page pour repartir de leur dernière version.";
const published = (year: number) => `La synthèse et les perspectives du bilan ${year} sont publiées : rouvrez-les pour les modifier.`;

const plain = (html: string) => blocksToPlainText(htmlToBlocks(html));
const textsSnapshot = (r: Row) =>
  snapshot([
    ["status", "État", TEXTS_STATUSES[r.status]],
    ["synthesis", "Synthèse de l'année", plain(r.synthesis)],
    ["outlook", "Perspectives", plain(r.outlook)],
    ["publishedAt", "Publiées le", r.publishedAt ? shortDay(parisDay(r.publishedAt)) : null],
  ]);

export async function textsRow(db: Db | Tx, contractId: string, year: number): Promise<Row | null> {
  const [row] = await db.select().from(annualReportTexts).where(and(eq(annualReportTexts.contractId, contractId), eq(annualReportTexts.year, year)));
  return row ?? null;
}

/** What the report shows of the coordination's texts to this reader: published to all, a draft to the coordination only. */
export function textsFor(row: Row | null, manage: boolean): AnnualReportInput["texts"] {
  if (!row || (row.status === "draft" && !manage)) return null;
  return { status: row.status, synthesis: row.synthesis, outlook: row.outlook };
}

/**
 * The texts as the annual report page shows them: the saved ones, or Clés's proposal from
 * the data while none is saved; a draft only to the coordination.
 */
export function textsView(row: Row | null, input: AnnualReportInput, actor: Actor, contractId: string) {
  const manage = can(actor, "review.manage", { contractId });
  const shown = textsFor(row, manage);
  // Clés's proposal is the coordination's to edit: not drafted for other readers.
  const proposal = manage ? { synthesis: draftSynthesis(input), outlook: draftOutlook(input) } : null;
  const status: keyof typeof TEXTS_STATUSES = shown ? row!.status : "none";
  return {
    year: input.year,
    status,
    statusLabel: TEXTS_STATUSES[status],
    synthesis: shown?.synthesis ?? "",
    outlook: shown?.outlook ?? "",
    proposal,
    version: shown ? row!.version : null,
    publishedAt: row?.status === "published" ? row.publishedAt : null,
    publishedByName: row?.status === "published" ? row.publishedByName : null,
    updatedAt: shown ? row!.updatedAt : null,
    permissions: { edit: manage && status !== "published", publish: manage && status === "draft", reopen: manage && status === "published" },
  };
}

/** « le bilan annuel « 2021 : synthèse et perspectives » » in the history. */
const objectLabel = (year: number) => `${year} : synthèse et perspectives`;

async function record(tx: Tx, actor: Actor, contractId: string, before: Row | null, after: Row) {
  await recordAudit(tx, actor, {
    contractId,
    objectType: "annual_report",
    objectId: after.id,
    objectLabel: objectLabel(after.year),
    operation: before ? "update" : "create",
    changes: diffSnapshots(before ? textsSnapshot(before) : {}, textsSnapshot(after)),
  });
}

/**
 * Saves the draft (sanitised HTML). `version` is the one read: null when no text was saved
 * yet. A published text is not changed (409): reopen it first.
 */
export async function saveTexts(db: Db, actor: Actor, contractId: string, year: number, body: AnnualTextsBody) {
  return db.transaction(async (tx) => {
    const before = await textsRow(tx, contractId, year);
    const values = { synthesis: sanitizeMinutes(body.synthesis), outlook: sanitizeMinutes(body.outlook) };
    if (!before) {
      if (body.version !== null) throw conflict(STALE);
      const [created] = await tx.insert(annualReportTexts).values({ contractId, year, ...values }).onConflictDoNothing().returning();
      if (!created) throw conflict(STALE);
      await record(tx, actor, contractId, null, created);
      return created;
    }
    if (before.status === "published") throw conflict(published(year));
    if (body.version === null) throw conflict(STALE);
    await claimVersion(tx, annualReportTexts, before.id, body.version, "Le texte du bilan annuel");
    const [after] = await tx.update(annualReportTexts).set(values).where(eq(annualReportTexts.id, before.id)).returning();
    await record(tx, actor, contractId, before, after!);
    return after!;
  });
}

async function claimed(tx: Tx, contractId: string, year: number, version: number, missing: string): Promise<Row> {
  const before = await textsRow(tx, contractId, year);
  if (!before) throw conflict(missing);
  await claimVersion(tx, annualReportTexts, before.id, version, "Le texte du bilan annuel");
  return before;
}

/** Publishes the saved draft: at least one of the two texts written. */
export async function publishTexts(db: Db, actor: Actor, contractId: string, year: number, version: number) {
  return db.transaction(async (tx) => {
    const before = await claimed(tx, contractId, year, version, "Enregistrez la synthèse et les perspectives avant de les publier.");
    if (before.status === "published") throw conflict(published(year));
    if (!htmlToBlocks(before.synthesis).length && !htmlToBlocks(before.outlook).length) {
      throw invalid([{ path: "synthesis", message: "Rédigez la synthèse ou les perspectives avant de les publier." }]);
    }
    const [after] = await tx
      .update(annualReportTexts)
      .set({ status: "published", publishedAt: new Date(), publishedByName: actorIdentity(actor).name })
      .where(eq(annualReportTexts.id, before.id))
      .returning();
    await record(tx, actor, contractId, before, after!);
    return after!;
  });
}

/** Takes the published texts back to a draft, for the coordination to edit them again. */
export async function reopenTexts(db: Db, actor: Actor, contractId: string, year: number, version: number) {
  return db.transaction(async (tx) => {
    const before = await claimed(tx, contractId, year, version, "La synthèse et les perspectives de ce bilan n'ont pas encore été enregistrées.");
    if (before.status !== "published") throw conflict("La synthèse et les perspectives de ce bilan ne sont pas publiées : elles se modifient directement.");
    const [after] = await tx.update(annualReportTexts).set({ status: "draft", publishedAt: null, publishedByName: null }).where(eq(annualReportTexts.id, before.id)).returning();
    await record(tx, actor, contractId, before, after!);
    return after!;
  });
}
