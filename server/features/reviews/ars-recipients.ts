/**
 * The ARS delegations told of a published review (issue 15): active accounts whose territory
 * (a département or a region) holds one of the contract's communes, who did not opt out in
 * « Mon compte », and who are not members of the contract (those are told as members).
 */
import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { arsScopes, communes, memberships, userPreferences, users } from "../../db/schema.js";
import { regionOfDepartment } from "../../domain/referentials.js";
import { communeDepartment } from "../../policies/actor.js";

export async function arsAddresses(tx: Tx | Db, contractId: string): Promise<{ email: string }[]> {
  const rows = await tx.selectDistinct({ department: communeDepartment }).from(communes).where(eq(communes.contractId, contractId));
  const departments = rows.map((r) => r.department);
  if (!departments.length) return [];
  const regions = [...new Set(departments.map(regionOfDepartment).filter((r): r is string => r !== null))];
  const members = tx.select({ id: memberships.userId }).from(memberships).where(eq(memberships.contractId, contractId));
  const covering = or(
    and(eq(arsScopes.level, "department"), inArray(arsScopes.code, departments)),
    regions.length ? and(eq(arsScopes.level, "region"), inArray(arsScopes.code, regions)) : sql`false`,
  );
  return tx
    .selectDistinct({ email: users.email })
    .from(arsScopes)
    .innerJoin(users, eq(users.id, arsScopes.userId))
    .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
    .where(and(covering, isNull(users.deactivatedAt), sql`coalesce(${userPreferences.publishedReviews}, true)`, notInArray(users.id, members)))
    .orderBy(users.email);
}
