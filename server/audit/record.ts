/** Writing the history: entries are only ever inserted, in the transaction of the change. */
import type { Db, Tx } from "../db/client.js";
import { auditEntries } from "../db/schema.js";
import type { AuditChange, AuditObjectType, AuditOperation } from "../domain/history.js";
import { actorIdentity, type Actor } from "../policies/index.js";

export interface AuditRecord {
  contractId: string | null;
  objectType: AuditObjectType;
  objectId: string;
  objectLabel: string;
  operation: AuditOperation;
  changes: AuditChange[];
}

/** Writes one entry; an update that changed nothing writes none. */
export async function recordAudit(tx: Tx | Db, actor: Actor, record: AuditRecord): Promise<void> {
  if (record.operation === "update" && record.changes.length === 0) return;
  const who = actorIdentity(actor);
  await tx.insert(auditEntries).values({ ...record, actorId: who.id, actorName: who.name });
}
