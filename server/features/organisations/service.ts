import { and, count, eq, ne } from "drizzle-orm";
import { assertRoom } from "../room.js";
import type { Db, Tx } from "../../db/client.js";
import { organisations } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { invalid, notFound } from "../../http/problem.js";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { organisationSnapshot } from "./snapshot.js";
import type { OrganisationBody } from "./schema.js";

async function checkNameFree(tx: Tx, contractId: string, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.contractId, contractId), eq(organisations.name, name), exceptId ? ne(organisations.id, exceptId) : undefined));
  if (rows.length) throw invalid([{ path: "name", message: "Une organisation de ce nom figure déjà dans l'annuaire." }]);
}

export async function createOrganisation(db: Db, actor: Actor, contractId: string, body: OrganisationBody) {
  return db.transaction(async (tx) => {
    await checkNameFree(tx, contractId, body.name);
    assertRoom("organisations", (await tx.select({ n: count() }).from(organisations).where(eq(organisations.contractId, contractId)))[0]!.n);
    const [row] = await tx.insert(organisations).values({ ...body, contractId }).returning();
    await recordAudit(tx, actor, { contractId, objectType: "organisation", objectId: row!.id, objectLabel: row!.name, operation: "create", changes: creationChanges(organisationSnapshot(row!)) });
    return row!;
  });
}

export async function organisationContractId(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ contractId: organisations.contractId }).from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound("Cette organisation est introuvable.");
  return row.contractId;
}

export async function updateOrganisation(db: Db, actor: Actor, id: string, body: OrganisationBody & { version: number }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(organisations).where(eq(organisations.id, id));
    if (!current) throw notFound("Cette organisation est introuvable.");
    await checkNameFree(tx, current.contractId, body.name, id);
    await claimVersion(tx, organisations, id, body.version, "Cette organisation");
    const { version: _v, ...fields } = body;
    const [row] = await tx.update(organisations).set(fields).where(eq(organisations.id, id)).returning();
    const changes = diffSnapshots(organisationSnapshot(current), organisationSnapshot(row!));
    await recordAudit(tx, actor, { contractId: current.contractId, objectType: "organisation", objectId: id, objectLabel: row!.name, operation: "update", changes });
    return row!;
  });
}
