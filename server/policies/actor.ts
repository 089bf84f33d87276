/** Builds the actor of a request from the signed-in user: memberships, led fiches, ARS territory. */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { arsScopes, communes, membershipActions, memberships } from "../db/schema.js";
import type { Actor, Membership } from "./index.js";
import { departmentsOf } from "./roles.js";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}

/** The département of a commune, in SQL (see `departmentOf`). */
export const communeDepartment = sql<string>`case when ${communes.inseeCode} like '97%' then left(${communes.inseeCode}, 3) else left(${communes.inseeCode}, 2) end`;

export async function loadActor(db: Db, user: SessionUser): Promise<Actor> {
  const [rows, scopes] = await Promise.all([
    db
      .select({ contractId: memberships.contractId, role: memberships.role, actionId: membershipActions.actionId })
      .from(memberships)
      .leftJoin(membershipActions, eq(membershipActions.membershipId, memberships.id))
      .where(eq(memberships.userId, user.id)),
    db.select({ level: arsScopes.level, code: arsScopes.code }).from(arsScopes).where(eq(arsScopes.userId, user.id)),
  ]);
  const byContract = new Map<string, Membership & { actionIds: Set<string> }>();
  for (const row of rows) {
    const entry = byContract.get(row.contractId) ?? { role: row.role, actionIds: new Set<string>() };
    if (row.actionId) entry.actionIds.add(row.actionId);
    byContract.set(row.contractId, entry);
  }
  const departments = departmentsOf(scopes);
  const arsContracts = departments.length
    ? await db
        .selectDistinct({ id: communes.contractId })
        .from(communes)
        .where(and(inArray(communeDepartment, departments)))
    : [];
  return {
    kind: "user",
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    memberships: byContract,
    arsContractIds: new Set(arsContracts.map((c) => c.id)),
  };
}
