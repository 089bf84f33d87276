/** Exports and imports the running life of a contract (version 2), after its static part (../service.ts). */
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import { priorityAreas } from "../../../db/schema.js";
import { accountsByEmail, type ImportContext } from "./context.js";
import { exportFollowUp, importFollowUp, type FollowUpSection } from "./followup.js";
import type { ContractDocumentV2 } from "./format.js";
import { exportGovernance, governanceEmails, importGovernance, type GovernanceSection } from "./governance.js";
import { ficheKeys, RefMap } from "./refs.js";
import { exportParticipation, importParticipation, type ParticipationSection } from "./participation.js";
import { exportResidents, importResidents, type AmbassadorsSection, type SurveysSection } from "./residents.js";
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
): Promise<{ governance: GovernanceSection; followUp: FollowUpSection; reviews: ReviewsSection; workshops?: ParticipationSection; surveys?: SurveysSection; ambassadors?: AmbassadorsSection }> {
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
  if (!residents) return { governance, followUp, reviews };
  const areaIds = await areaIdsOf(db, contractId);
  return { governance, followUp, reviews, workshops: await exportParticipation(ctx, areaIds), ...(await exportResidents(ctx, areaIds)) };
}

/** Writes a checked file's running life into the contract just created from its static part (same transaction). */
export async function importRunning(ctx: Omit<ImportContext, "accountOf">, doc: ContractDocumentV2, indicatorIds: Map<string, string[]>): Promise<void> {
  const full = { ...ctx, accountOf: await accountsByEmail(ctx.tx, governanceEmails(doc.governance)) };
  await importGovernance(full, doc.governance);
  await importFollowUp(full, doc.followUp, indicatorIds);
  await importReviews(full, doc.reviews);
  const areaIds = doc.workshops?.length || doc.surveys?.length || doc.ambassadors?.people.length ? await areaIdsOf(ctx.tx, ctx.contractId) : [];
  if (doc.workshops?.length) await importParticipation(full, doc.workshops, areaIds);
  if (doc.surveys || doc.ambassadors) await importResidents(full, doc.surveys ?? [], doc.ambassadors ?? { people: [], trainings: [], activities: [] }, areaIds);
}

/** The contract's priority areas in order: a registration names its area by place. */
async function areaIdsOf(db: Db | Tx, contractId: string): Promise<string[]> {
  return (await db.select({ id: priorityAreas.id }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId)).orderBy(asc(priorityAreas.position))).map((a) => a.id);
}
