/** Builds the actor of a request from the signed-in user: memberships, led fiches, ARS territory. */
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { arsScopes, communes, membershipActions, memberships } from "../db/schema.js";
import type { Actor, Membership } from "./index.js";
import { departmentsOf, type ArsLevel, type MemberRole } from "../domain/roles.js";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
}

/** The département of a commune, in SQL (see `departmentOf`). */
export const communeDepartment = sql<string>`case when ${communes.inseeCode} like '97%' then left(${communes.inseeCode}, 3) else left(${communes.inseeCode}, 2) end`;

interface ActorRow {
  memberships: { contractId: string; role: MemberRole; actionIds: string[] }[];
  scopes: { level: ArsLevel; code: string }[];
}

/** One round trip per request: memberships with their led fiches, and ARS scopes, as JSON. */
export async function loadActor(db: Db, user: SessionUser): Promise<Actor> {
  const result = await db.execute(sql`
    select
      coalesce((
        select json_agg(json_build_object(
          'contractId', m.contract_id,
          'role', m.role,
          'actionIds', coalesce((select json_agg(ma.action_id) from ${membershipActions} ma where ma.membership_id = m.id), '[]'::json)))
        from ${memberships} m where m.user_id = ${user.id}), '[]'::json) as memberships,
      coalesce((
        select json_agg(json_build_object('level', s.level, 'code', s.code))
        from ${arsScopes} s where s.user_id = ${user.id}), '[]'::json) as scopes`);
  const row = (result as unknown as { rows: ActorRow[] }).rows[0]!;
  const byContract = new Map<string, Membership>(row.memberships.map((m) => [m.contractId, { role: m.role, actionIds: new Set(m.actionIds) }]));
  const departments = departmentsOf(row.scopes);
  const arsContracts = departments.length
    ? await db.selectDistinct({ id: communes.contractId }).from(communes).where(inArray(communeDepartment, departments))
    : [];
  return {
    kind: "user",
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: user.isAdmin,
    memberships: byContract,
    arsContractIds: new Set(arsContracts.map((c) => c.id)),
    arsDepartments: new Set(departments),
  };
}
