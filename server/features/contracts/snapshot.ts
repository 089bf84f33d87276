/** A contract as its history compares it: the facts read in the transaction, and their French snapshot. */
import { asc, eq } from "drizzle-orm";
import { snapshot, type Snapshot } from "../../audit/diff.js";
import type { Db, Tx } from "../../db/client.js";
import { communes, contracts, organisations, priorityAreas, signatories } from "../../db/schema.js";
import { CONTRACT_STATUSES, type ContractStatus } from "../../domain/statuses.js";
import { keyDateShown, type ContractKeyDate } from "../../domain/key-dates.js";

export interface ContractFacts {
  slug: string;
  name: string;
  localAuthority: string;
  startDate: string;
  endDate: string;
  status: ContractStatus;
  summary: string;
  keyDates: ContractKeyDate[];
  population: number | null;
  published: boolean;
  communes: { inseeCode: string; name: string }[];
  priorityAreas: { name: string }[];
  signatories: { organisationName: string; representative: string }[];
}

/** A contract as its history compares it (queries one after the other: usable in a transaction). */
export async function contractFacts(tx: Tx | Db, id: string): Promise<ContractFacts> {
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, id));
  const communeRows = await tx.select({ inseeCode: communes.inseeCode, name: communes.name }).from(communes).where(eq(communes.contractId, id)).orderBy(asc(communes.position));
  const areaRows = await tx.select({ name: priorityAreas.name }).from(priorityAreas).where(eq(priorityAreas.contractId, id)).orderBy(asc(priorityAreas.position));
  const signatoryRows = await tx
    .select({ organisationName: organisations.name, representative: signatories.representative })
    .from(signatories)
    .innerJoin(organisations, eq(organisations.id, signatories.organisationId))
    .where(eq(signatories.contractId, id))
    .orderBy(asc(signatories.position));
  return { ...c!, communes: communeRows, priorityAreas: areaRows, signatories: signatoryRows };
}

export function contractSnapshot(c: ContractFacts): Snapshot {
  return snapshot([
    ["name", "Nom", c.name],
    ["slug", "Identifiant", c.slug],
    ["localAuthority", "Collectivité", c.localAuthority],
    ["startDate", "Date de début", c.startDate],
    ["endDate", "Date de fin", c.endDate],
    ["status", "Statut", CONTRACT_STATUSES[c.status]],
    ["summary", "Présentation", c.summary],
    ["keyDates", "Dates clés", c.keyDates.map((d) => `${keyDateShown(d.on)} : ${d.label}`)],
    ["population", "Population indiquée par le contrat", c.population],
    ["published", "Page publique", c.published],
    ["communes", "Communes", c.communes.map((x) => `${x.name} (${x.inseeCode})`)],
    ["priorityAreas", "Quartiers prioritaires", c.priorityAreas.map((q) => q.name)],
    ["signatories", "Signataires", c.signatories.map((s) => (s.representative ? `${s.organisationName} — ${s.representative}` : s.organisationName))],
  ]);
}
