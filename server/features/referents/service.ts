/**
 * Communes' referents (issue 18, item 1): for each commune of a contract, a technical and an
 * elected referent — an account of the contract, an organisation of its directory, or a named
 * person with their contacts — and the day they were named. Personal data: read and written
 * by the coordination only; the history names the commune and the role, never the person.
 */
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { communeReferents, communes, memberships, organisations } from "../../db/schema.js";
import { claimVersion, STALE_MESSAGE } from "../../db/versioning.js";
import { conflict, invalid, notFound, type FieldError } from "../../http/problem.js";
import { recordAudit } from "../../audit/record.js";
import type { Actor } from "../../policies/index.js";
import { coverageLine, referentCoverage, REFERENT_ROLE_KEYS, REFERENT_ROLES, type ReferentRole } from "../../domain/referents.js";
import { contractExists } from "../contracts/queries.js";
import { contractCommunes, loadDirectory, type Directory } from "./directory.js";
import { listRelays } from "./relay.js";
import type { ReferentBody } from "./schema.js";

export const REFERENT_NOT_FOUND = "Cette commune n'a pas de référent pour ce rôle.";
export const COMMUNE_OUTSIDE = "Cette commune n'est pas dans ce contrat.";

type Row = typeof communeReferents.$inferSelect;

/** A referent as the coordination sees it: the account's name and e-mail stand in for those not typed. */
export const referentView = (r: Row, directory: Directory) => {
  const account = r.userId ? directory.users.get(r.userId) : undefined;
  return {
    role: r.role,
    roleLabel: REFERENT_ROLES[r.role],
    userId: r.userId,
    organisationId: r.organisationId,
    organisationName: r.organisationId ? (directory.organisations.get(r.organisationId) ?? null) : null,
    name: r.name,
    email: r.email,
    phone: r.phone,
    displayName: r.name || account?.name || "",
    contactEmail: r.email || account?.email || "",
    namedOn: r.namedOn,
    version: r.version,
  };
};

/** Every commune with its two referents, the communes still without one, the directory to choose from, the relays sent. */
export async function listReferents(db: Db, contractId: string) {
  await contractExists(db, contractId);
  const [list, rows, directory, relays] = await Promise.all([
    contractCommunes(db, contractId),
    db.select().from(communeReferents).where(eq(communeReferents.contractId, contractId)),
    loadDirectory(db, contractId),
    listRelays(db, contractId),
  ]);
  const coverage = referentCoverage({ communes: list, referents: rows });
  const of = (communeId: string, role: ReferentRole) => {
    const row = rows.find((r) => r.communeId === communeId && r.role === role);
    return row ? referentView(row, directory) : null;
  };
  return {
    communes: list.map((c) => ({ ...c, technical: of(c.id, "technical"), elected: of(c.id, "elected"), lastRelay: relays.lastByCommune.get(c.id) ?? null })),
    coverage: { ...coverage, line: coverageLine(coverage) },
    roles: REFERENT_ROLE_KEYS.map((key) => ({ key, label: REFERENT_ROLES[key] })),
    directory: {
      members: [...directory.users].map(([id, u]) => ({ id, name: u.name, email: u.email })),
      organisations: [...directory.organisations].map(([id, name]) => ({ id, name })),
    },
    relays: relays.batches,
  };
}

/** The commune must be of the contract, the account a member of it, the organisation of its directory: 400 per wrong field otherwise. */
async function checkReferences(tx: Tx, contractId: string, communeId: string, body: ReferentBody) {
  const [commune] = await tx.select({ name: communes.name }).from(communes).where(and(eq(communes.id, communeId), eq(communes.contractId, contractId)));
  const errors: FieldError[] = [];
  if (!commune) errors.push({ path: "communeId", message: COMMUNE_OUTSIDE });
  if (body.userId) {
    const [member] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.contractId, contractId), eq(memberships.userId, body.userId)));
    if (!member) errors.push({ path: "userId", message: "Cette personne n'est pas membre de ce contrat : choisissez-la dans la liste, ou indiquez son nom et ses coordonnées." });
  }
  if (body.organisationId) {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.contractId, contractId), eq(organisations.id, body.organisationId)));
    if (!org) errors.push({ path: "organisationId", message: "Cette organisation n'est pas dans l'annuaire de ce contrat." });
  }
  if (errors.length) throw invalid(errors);
  return commune!.name;
}

const auditLabel = (commune: string, role: ReferentRole) => `${REFERENT_ROLES[role]} de ${commune}`;

/**
 * Names the commune's referent for a role (`version` null: none yet; 409 if someone named one
 * meanwhile) or replaces the one read (`version`: the version read; 409 when stale).
 */
export async function putReferent(db: Db, actor: Actor, contractId: string, communeId: string, role: ReferentRole, body: ReferentBody) {
  return db.transaction(async (tx) => {
    const communeName = await checkReferences(tx, contractId, communeId, body);
    const [current] = await tx.select().from(communeReferents).where(and(eq(communeReferents.communeId, communeId), eq(communeReferents.role, role)));
    const values = { userId: body.userId, organisationId: body.organisationId, name: body.name, email: body.email, phone: body.phone, namedOn: body.namedOn };
    let row: Row;
    if (!current) {
      if (body.version !== null) throw conflict(STALE_MESSAGE);
      [row] = (await tx.insert(communeReferents).values({ contractId, communeId, role, ...values }).returning()) as [Row];
    } else {
      if (body.version === null) throw conflict(STALE_MESSAGE);
      await claimVersion(tx, communeReferents, current.id, body.version, "Ce référent");
      [row] = (await tx.update(communeReferents).set(values).where(eq(communeReferents.id, current.id)).returning()) as [Row];
    }
    const changes = current ? [{ field: "person", label: "Personne désignée", before: null, after: null }] : [];
    await recordAudit(tx, actor, { contractId, objectType: "commune_referent", objectId: row.id, objectLabel: auditLabel(communeName, role), operation: current ? "update" : "create", changes });
    return referentView(row, await loadDirectory(tx, contractId));
  });
}

/** Removes the commune's referent for a role, at the version read. */
export async function removeReferent(db: Db, actor: Actor, contractId: string, communeId: string, role: ReferentRole, version: number) {
  await db.transaction(async (tx) => {
    const [commune] = await tx.select({ name: communes.name }).from(communes).where(and(eq(communes.id, communeId), eq(communes.contractId, contractId)));
    if (!commune) throw invalid([{ path: "communeId", message: COMMUNE_OUTSIDE }]);
    const [current] = await tx.select().from(communeReferents).where(and(eq(communeReferents.communeId, communeId), eq(communeReferents.role, role)));
    if (!current) throw notFound(REFERENT_NOT_FOUND);
    await claimVersion(tx, communeReferents, current.id, version, "Ce référent");
    await tx.delete(communeReferents).where(eq(communeReferents.id, current.id));
    await recordAudit(tx, actor, { contractId, objectType: "commune_referent", objectId: current.id, objectLabel: auditLabel(commune.name, role), operation: "delete", changes: [] });
  });
}

/** How many communes have both referents as of a day: the computed line of the COTECH table's and deck's process row. */
export async function referentsLineAsOf(db: Db, contractId: string, asOf: string): Promise<string> {
  const [list, rows] = await Promise.all([
    contractCommunes(db, contractId),
    db.select({ communeId: communeReferents.communeId, role: communeReferents.role, namedOn: communeReferents.namedOn }).from(communeReferents).where(eq(communeReferents.contractId, contractId)),
  ]);
  return coverageLine(referentCoverage({ communes: list, referents: rows }, asOf));
}
