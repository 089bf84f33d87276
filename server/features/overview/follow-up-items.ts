/** Rows of the COTECH table that are not fiches: transversal actions and the coordination process, per year. */
import { and, eq, max } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { followUpItems } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { notFound } from "../../http/problem.js";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots, snapshot } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { lockContract } from "../contracts/queries.js";
import type { ItemBody, ItemUpdateBody } from "./schema.js";

export const ITEM_NOT_FOUND = "Cette ligne du tableau est introuvable.";
export const SECTIONS = { transversal: "Actions transversales", process: "Processus de coordination et de gouvernance" } as const;

type Row = typeof followUpItems.$inferSelect;

const itemSnapshot = (r: Row) =>
  snapshot([
    ["section", "Partie", SECTIONS[r.section]],
    ["title", "Action", r.title],
    ["adjustments", "Ajustements nécessaires", r.adjustments],
  ]);
const label = (r: Row) => `Tableau COTECH ${r.year} : ${SECTIONS[r.section].toLowerCase()}`;

export async function itemContractId(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ contractId: followUpItems.contractId }).from(followUpItems).where(eq(followUpItems.id, id));
  if (!row) throw notFound(ITEM_NOT_FOUND);
  return row.contractId;
}

export async function createItem(db: Db, actor: Actor, contractId: string, body: ItemBody) {
  return db.transaction(async (tx) => {
    // One creation at a time on the contract's table: two rows never take the same place.
    await lockContract(tx, contractId);
    const [last] = await tx
      .select({ n: max(followUpItems.position) })
      .from(followUpItems)
      .where(and(eq(followUpItems.contractId, contractId), eq(followUpItems.year, body.year), eq(followUpItems.section, body.section)));
    const [row] = await tx.insert(followUpItems).values({ contractId, ...body, position: (last?.n ?? -1) + 1 }).returning();
    await recordAudit(tx, actor, { contractId, objectType: "contract", objectId: contractId, objectLabel: label(row!), operation: "update", changes: creationChanges(itemSnapshot(row!)) });
    return row!;
  });
}

export async function updateItem(db: Db, actor: Actor, id: string, body: ItemUpdateBody) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(followUpItems).where(eq(followUpItems.id, id));
    if (!current) throw notFound(ITEM_NOT_FOUND);
    await claimVersion(tx, followUpItems, id, body.version, "Cette ligne du tableau");
    const [row] = await tx.update(followUpItems).set({ title: body.title, adjustments: body.adjustments, updatedAt: new Date() }).where(eq(followUpItems.id, id)).returning();
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "contract", objectId: current.contractId, objectLabel: label(row!), operation: "update", changes: diffSnapshots(itemSnapshot(current), itemSnapshot(row!)) });
    return row!;
  });
}

export async function deleteItem(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(followUpItems).where(eq(followUpItems.id, id));
    if (!current) throw notFound(ITEM_NOT_FOUND);
    await tx.delete(followUpItems).where(eq(followUpItems.id, id));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "contract", objectId: current.contractId, objectLabel: label(current), operation: "update", changes: diffSnapshots(itemSnapshot(current), {}) });
  });
}
