/** Who may be named a referent of a contract's communes: its members (accounts) and the organisations of its directory; and its communes. */
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { communes, memberships, organisations, users } from "../../db/schema.js";

export type Directory = { users: Map<string, { name: string; email: string }>; organisations: Map<string, string> };

/** The contract's members (accounts) and organisations: who may be chosen as a referent. */
export async function loadDirectory(db: Db | Tx, contractId: string): Promise<Directory> {
  const [members, orgs] = await Promise.all([
    db.select({ id: users.id, name: users.name, email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.contractId, contractId)).orderBy(asc(users.name)),
    db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.contractId, contractId)).orderBy(asc(organisations.name)),
  ]);
  return { users: new Map(members.map((m) => [m.id, { name: m.name, email: m.email }])), organisations: new Map(orgs.map((o) => [o.id, o.name])) };
}

/** The contract's communes, in its order. */
export const contractCommunes = (db: Db | Tx, contractId: string) =>
  db.select({ id: communes.id, inseeCode: communes.inseeCode, name: communes.name }).from(communes).where(eq(communes.contractId, contractId)).orderBy(asc(communes.position));

