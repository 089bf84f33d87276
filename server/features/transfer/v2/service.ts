/** Exports and imports the running life of a contract (version 2), after its static part (../service.ts). */
import type { Db } from "../../../db/client.js";
import { accountsByEmail, type ImportContext } from "./context.js";
import { exportFollowUp, importFollowUp, type FollowUpSection } from "./followup.js";
import type { ContractDocumentV2 } from "./format.js";
import { exportGovernance, governanceEmails, importGovernance, type GovernanceSection } from "./governance.js";
import { ficheKeys, RefMap } from "./refs.js";
import { exportReviews, importReviews, type ReviewsSection } from "./reviews.js";

type Directory = { organisations: { id: string; name: string }[]; axes: { id: string; number: number }[] };
type Statics = { contract: { actions: { number: number; archived: boolean }[] }; actionIds: string[]; indicatorIds: Map<string, string[]> };

/** Governance, follow-up and reviews; `statics.actionIds` are the fiches in the order of the file's `contract.actions`. */
export async function exportRunning(
  db: Db,
  contractId: string,
  directory: Directory,
  statics: Statics,
  residents: boolean,
): Promise<{ governance: GovernanceSection; followUp: FollowUpSection; reviews: ReviewsSection }> {
  const refs = new RefMap();
  const keys = ficheKeys(statics.contract.actions);
  statics.actionIds.forEach((id, i) => refs.set(id, keys[i]!));
  const ctx = {
    db,
    contractId,
    refs,
    orgName: new Map(directory.organisations.map((o) => [o.id, o.name])),
    axisNumber: new Map(directory.axes.map((a) => [a.id, a.number])),
    residents,
  };
  // In this order: follow-up names meetings, reviews name both.
  const governance = await exportGovernance(ctx);
  const followUp = await exportFollowUp(ctx, statics.actionIds, statics.indicatorIds);
  const reviews = await exportReviews(ctx);
  return { governance, followUp, reviews };
}

/** Writes a checked file's running life into the contract just created from its static part (same transaction). */
export async function importRunning(ctx: Omit<ImportContext, "accountOf">, doc: ContractDocumentV2, indicatorIds: Map<string, string[]>): Promise<void> {
  const full = { ...ctx, accountOf: await accountsByEmail(ctx.tx, governanceEmails(doc.governance)) };
  await importGovernance(full, doc.governance);
  await importFollowUp(full, doc.followUp, indicatorIds);
  await importReviews(full, doc.reviews);
}
