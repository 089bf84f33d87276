/**
 * What the ambassadors' bodies name must be of the same contract: its priority areas, its
 * ambassadors, its fiches, its meetings. One check for the roster, trainings and activities,
 * answering a French message per field; nothing is written when one fails.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { actions, ambassadorActivities, ambassadors, ambassadorTrainings, contracts, meetings, priorityAreas } from "../../db/schema.js";
import { together } from "../../db/together.js";
import { invalid, notFound, type FieldError } from "../../http/problem.js";

export const AMBASSADOR_NOT_FOUND = "Cet ambassadeur ou cette ambassadrice santé est introuvable.";
export const TRAINING_NOT_FOUND = "Cette formation des ambassadeurs santé est introuvable.";
export const ACTIVITY_NOT_FOUND = "Cette action des ambassadeurs santé est introuvable.";
export const CONTRACT_NOT_FOUND = "Ce contrat est introuvable.";

export async function ambassadorScope(db: Db | Tx, id: string): Promise<{ contractId: string }> {
  const [row] = await db.select({ contractId: ambassadors.contractId }).from(ambassadors).where(eq(ambassadors.id, id));
  if (!row) throw notFound(AMBASSADOR_NOT_FOUND);
  return row;
}

export async function trainingScope(db: Db | Tx, id: string): Promise<{ contractId: string }> {
  const [row] = await db.select({ contractId: ambassadorTrainings.contractId }).from(ambassadorTrainings).where(eq(ambassadorTrainings.id, id));
  if (!row) throw notFound(TRAINING_NOT_FOUND);
  return row;
}

export async function activityScope(db: Db | Tx, id: string): Promise<{ contractId: string }> {
  const [row] = await db.select({ contractId: ambassadorActivities.contractId }).from(ambassadorActivities).where(eq(ambassadorActivities.id, id));
  if (!row) throw notFound(ACTIVITY_NOT_FOUND);
  return row;
}

/** The contract's organiser (its local authority), as the consent and the register name it. */
export async function contractOrganiser(db: Db | Tx, contractId: string): Promise<{ name: string; localAuthority: string }> {
  const [row] = await db.select({ name: contracts.name, localAuthority: contracts.localAuthority }).from(contracts).where(eq(contracts.id, contractId));
  if (!row) throw notFound(CONTRACT_NOT_FOUND);
  return row;
}

export interface Named {
  /** A priority area (path "priorityAreaId"); null: none named. */
  priorityAreaId?: string | null;
  /** Ambassadors, at `peoplePath`.i. */
  people?: string[];
  peoplePath?: string;
  actionIds?: string[];
  meetingId?: string | null;
}

/** Checks every reference of a body against the contract; throws 400 with one error per wrong one. */
export async function checkReferences(tx: Tx, contractId: string, named: Named): Promise<void> {
  const people = [...new Set(named.people ?? [])];
  const fiches = [...new Set(named.actionIds ?? [])];
  const [areaRows, peopleRows, ficheRows, meetingRows] = await together(
    tx,
    () => (named.priorityAreaId ? tx.select({ id: priorityAreas.id }).from(priorityAreas).where(and(eq(priorityAreas.contractId, contractId), eq(priorityAreas.id, named.priorityAreaId))) : Promise.resolve([])),
    () => (people.length ? tx.select({ id: ambassadors.id }).from(ambassadors).where(and(eq(ambassadors.contractId, contractId), inArray(ambassadors.id, people))) : Promise.resolve([])),
    () => (fiches.length ? tx.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contractId), inArray(actions.id, fiches))) : Promise.resolve([])),
    () => (named.meetingId ? tx.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.contractId, contractId), eq(meetings.id, named.meetingId))) : Promise.resolve([])),
  );
  const errors: FieldError[] = [];
  if (named.priorityAreaId && !areaRows.length) errors.push({ path: "priorityAreaId", message: "Ce quartier prioritaire n'est pas dans ce contrat." });
  const knownPeople = new Set(peopleRows.map((r) => r.id));
  (named.people ?? []).forEach((id, i) => knownPeople.has(id) || errors.push({ path: `${named.peoplePath ?? "ambassadorIds"}.${i}`, message: "Cette personne ne fait pas partie du réseau des ambassadeurs de ce contrat." }));
  const knownFiches = new Set(ficheRows.map((r) => r.id));
  (named.actionIds ?? []).forEach((id, i) => knownFiches.has(id) || errors.push({ path: `actionIds.${i}`, message: "Cette fiche n'existe pas dans ce contrat." }));
  if (named.meetingId && !meetingRows.length) errors.push({ path: "meetingId", message: "Cette réunion n'existe pas dans ce contrat." });
  if (errors.length) throw invalid(errors);
}
