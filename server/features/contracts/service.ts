import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actions, ambassadors, communes, contracts, organisations, priorityAreas, signatories } from "../../db/schema.js";
import { claimVersion } from "../../db/versioning.js";
import { invalid, notFound } from "../../http/problem.js";
import { contractExists } from "./queries.js";
import { contractStatusChangeError } from "./lifecycle.js";
import type { Actor } from "../../policies/index.js";
import { creationChanges, diffSnapshots } from "../../audit/diff.js";
import { recordAudit } from "../../audit/record.js";
import { contractFacts, contractSnapshot } from "./snapshot.js";
import type { ContractBody } from "./schema.js";
import { communesFromReference, type ContractCommune, type GivenCommune } from "./territory.js";
import { inDateOrder } from "../../domain/key-dates.js";

type Territory = { communes: ContractCommune[]; priorityAreas: ContractBody["priorityAreas"] };
type ResolvedSignatory = { organisationId: string } & Omit<ContractBody["signatories"][number], "organisation">;

export async function slugTaken(tx: Tx | Db, slug: string, exceptId?: string): Promise<boolean> {
  const rows = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug));
  return rows.some((r) => r.id !== exceptId);
}

/** A commune keeps its id while its INSEE code stays (its referents and relays refer to it); a commune removed takes them with it. */
async function writeCommunes(tx: Tx, contractId: string, given: ContractCommune[]) {
  const existing = new Map((await tx.select({ id: communes.id, inseeCode: communes.inseeCode }).from(communes).where(eq(communes.contractId, contractId))).map((c) => [c.inseeCode, c.id]));
  const kept = new Set(given.map((c) => c.inseeCode));
  const gone = [...existing].filter(([code]) => !kept.has(code)).map(([, id]) => id);
  if (gone.length) await tx.delete(communes).where(inArray(communes.id, gone));
  for (const [position, c] of given.entries()) {
    const id = existing.get(c.inseeCode);
    if (id) await tx.update(communes).set({ ...c, position }).where(eq(communes.id, id));
    else await tx.insert(communes).values({ ...c, contractId, position });
  }
}

/**
 * Replaces the territory and signatories of a contract. Signatories have no identity of their
 * own; communes keep theirs by INSEE code (see `writeCommunes`); priority areas do too (residents' registrations and health ambassadors
 * refer to them), so an area keeps its id when its name stays, and one still served by
 * ambassadors cannot be removed.
 */
export async function writeContractParts(tx: Tx, contractId: string, territory: Territory, signatoryList: ResolvedSignatory[]) {
  await writeCommunes(tx, contractId, territory.communes);
  await tx.delete(signatories).where(eq(signatories.contractId, contractId));
  const existing = await tx.select({ id: priorityAreas.id, name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, contractId));
  const kept = new Set<string>();
  for (const [position, q] of territory.priorityAreas.entries()) {
    const same = existing.find((a) => a.name === q.name && !kept.has(a.id));
    if (same) {
      kept.add(same.id);
      await tx.update(priorityAreas).set({ ...q, position }).where(eq(priorityAreas.id, same.id));
    } else await tx.insert(priorityAreas).values({ ...q, contractId, position });
  }
  const gone = existing.filter((a) => !kept.has(a.id)).map((a) => a.id);
  if (gone.length) {
    const served = await tx.selectDistinct({ id: ambassadors.priorityAreaId }).from(ambassadors).where(inArray(ambassadors.priorityAreaId, gone));
    if (served.length)
      throw invalid([
        { path: "priorityAreas", message: "Des ambassadeurs santé sont inscrits dans un quartier retiré : rattachez-les à un autre quartier ou effacez leurs données avant de le retirer." },
      ]);
    await tx.delete(priorityAreas).where(inArray(priorityAreas.id, gone));
  }
  if (signatoryList.length)
    await tx.insert(signatories).values(signatoryList.map((s, position) => ({ ...s, contractId, position })));
}

async function checkSignatoryOrganisations(tx: Tx, contractId: string, body: ContractBody) {
  const ids = [...new Set(body.signatories.map((s) => s.organisation))];
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.contractId, contractId), inArray(organisations.id, ids)));
  const known = new Set(found.map((f) => f.id));
  const errors = body.signatories.flatMap((s, i) =>
    known.has(s.organisation) ? [] : [{ path: `signatories.${i}.organisation`, message: "Cette organisation n'est pas dans l'annuaire du contrat." }],
  );
  if (errors.length) throw invalid(errors);
}

/** A commune named by a fiche's territory cannot leave the contract's territory. */
async function checkCommunesStillCovered(tx: Tx, contractId: string, body: ContractBody) {
  const kept = new Set(body.communes.map((c) => c.inseeCode));
  const used = await tx
    .select({ number: actions.number, communes: actions.territoryCommunes })
    .from(actions)
    .where(and(eq(actions.contractId, contractId), inArray(actions.territoryScope, ["communes", "sub_municipal"])));
  const missing = used.flatMap((a) => a.communes.filter((code) => !kept.has(code)).map((code) => `${code} (FA ${a.number})`));
  if (missing.length)
    throw invalid([{ path: "communes", message: `Ces communes sont citées par des fiches et ne peuvent pas être retirées : ${missing.join(", ")}.` }]);
}

/** The body's communes checked against the official reference, their names and populations filled: 400 for an unknown INSEE code. */
export function referenceCommunes(given: readonly GivenCommune[]): ContractCommune[] {
  const { communes: filled, errors } = communesFromReference(given);
  if (errors.length) throw invalid(errors);
  return filled;
}

const resolveSignatories = (body: ContractBody): ResolvedSignatory[] =>
  body.signatories.map(({ organisation, ...rest }) => ({ organisationId: organisation, ...rest }));

/** Writes the history entry of a contract, from its state before (null when new). */
export async function auditContract(tx: Tx, actor: Actor, id: string, before: Awaited<ReturnType<typeof contractFacts>> | null): Promise<void> {
  const after = await contractFacts(tx, id);
  const changes = before ? diffSnapshots(contractSnapshot(before), contractSnapshot(after)) : creationChanges(contractSnapshot(after));
  await recordAudit(tx, actor, { contractId: id, objectType: "contract", objectId: id, objectLabel: after.name, operation: before ? "update" : "create", changes });
}

export async function createContract(db: Db, actor: Actor, body: ContractBody): Promise<string> {
  if (body.signatories.length)
    throw invalid([{ path: "signatories", message: "Ajoutez les signataires après avoir créé le contrat et son annuaire." }]);
  const communeList = referenceCommunes(body.communes);
  return db.transaction(async (tx) => {
    if (await slugTaken(tx, body.slug)) throw invalid([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
    const { communes: _c, priorityAreas: q, signatories: _s, keyDates, ...header } = body;
    const [row] = await tx.insert(contracts).values({ ...header, keyDates: inDateOrder(keyDates ?? []) }).returning({ id: contracts.id });
    await writeContractParts(tx, row!.id, { communes: communeList, priorityAreas: q }, []);
    await auditContract(tx, actor, row!.id, null);
    return row!.id;
  });
}

export async function updateContract(db: Db, actor: Actor, id: string, body: ContractBody & { version: number }): Promise<void> {
  const communeList = referenceCommunes(body.communes);
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ status: contracts.status }).from(contracts).where(eq(contracts.id, id));
    if (!current) throw notFound("Ce contrat est introuvable.");
    const statusError = contractStatusChangeError(current.status, body.status);
    if (statusError) throw invalid([{ path: "status", message: statusError }]);
    if (await slugTaken(tx, body.slug, id)) throw invalid([{ path: "slug", message: "Cet identifiant est déjà utilisé par un autre contrat." }]);
    await checkSignatoryOrganisations(tx, id, body);
    await checkCommunesStillCovered(tx, id, body);
    await claimVersion(tx, contracts, id, body.version, "Ce contrat");
    const before = await contractFacts(tx, id);
    const { communes: _c, priorityAreas: q, signatories: _s, version: _v, keyDates, ...header } = body;
    await tx.update(contracts).set({ ...header, ...(keyDates ? { keyDates: inDateOrder(keyDates) } : {}) }).where(eq(contracts.id, id));
    await writeContractParts(tx, id, { communes: communeList, priorityAreas: q }, resolveSignatories(body));
    await auditContract(tx, actor, id, before);
  });
}

/** Opens or closes the contract's public page (coordinator's opt-in). */
export async function setPublication(db: Db, actor: Actor, id: string, published: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await contractExists(tx, id);
    const before = await contractFacts(tx, id);
    await tx.update(contracts).set({ published, version: sql`${contracts.version} + 1` }).where(eq(contracts.id, id));
    await auditContract(tx, actor, id, before);
  });
}
