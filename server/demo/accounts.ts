/** The demo accounts: one per role on the demo contracts. Created by the demo seed only. */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { actions, contracts, membershipActions, memberships } from "../db/schema.js";
import { hashPassword } from "better-auth/crypto";
import { createUser } from "../features/accounts/service.js";
import type { MemberRole } from "../domain/roles.js";

export const DEMO_PASSWORD = "cles-demo-2026";

interface DemoAccount {
  email: string;
  name: string;
  isAdmin?: boolean;
  ars?: { level: "department" | "region"; code: string }[];
  roles?: { contract: string; role: MemberRole; actions?: number[] }[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@cles.test", name: "Alex Morel", isAdmin: true },
  { email: "marie.dupont@camvs.test", name: "Marie Dupont", roles: [{ contract: "camvs-2021-2023", role: "coordinator" }] },
  { email: "thomas.petit@capvm.test", name: "Thomas Petit", roles: [{ contract: "capvm-2019-2022", role: "coordinator" }] },
  { email: "sophie.leroy@camvs.test", name: "Sophie Leroy", roles: [{ contract: "camvs-2021-2023", role: "lead", actions: [5, 6] }] },
  { email: "karim.benali@cpam77.test", name: "Karim Benali", roles: [{ contract: "camvs-2021-2023", role: "partner" }] },
  { email: "ars77@ars-idf.test", name: "Hélène Garnier", ars: [{ level: "department", code: "77" }] },
];

export async function seedDemoAccounts(db: Db): Promise<void> {
  // One hash (salted) for the one shared password: hashing is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const userId = await createUser(tx, { ...account, password: DEMO_PASSWORD, passwordHash });
      for (const r of account.roles ?? []) {
        const [contract] = await tx.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, r.contract));
        const [m] = await tx.insert(memberships).values({ contractId: contract!.id, userId, role: r.role }).returning({ id: memberships.id });
        if (r.actions?.length) {
          const led = await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contract!.id), inArray(actions.number, r.actions)));
          await tx.insert(membershipActions).values(led.map((a) => ({ membershipId: m!.id, actionId: a.id })));
        }
      }
    }
  });
}
