import { systemActor } from "../policies/index.js";
import { count } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { contracts } from "../db/schema.js";
import { importContract } from "../features/transfer/service.js";
import { seedDemoAccounts } from "./accounts.js";
import { demoFollowUp, seedFollowUp } from "./follow-up.js";
import { demoDocument, DEMO_CONTRACTS } from "./load.js";

/** Loads the demo contracts into an empty database; a database with any contract is left as it is. */
export async function seedDemo(db: Db): Promise<{ seeded: string[] }> {
  const [row] = await db.select({ n: count() }).from(contracts);
  if (row!.n > 0) return { seeded: [] };
  const seeded: string[] = [];
  for (const name of DEMO_CONTRACTS) {
    const doc = demoDocument(name);
    await importContract(db, systemActor("Données de démonstration"), doc);
    seeded.push(doc.contract.slug);
  }
  await seedDemoAccounts(db);
  // Meetings name people by their account, so the follow-up comes after the accounts.
  for (const [i, name] of DEMO_CONTRACTS.entries()) await seedFollowUp(db, seeded[i]!, demoFollowUp(name));
  return { seeded };
}
