import { systemActor } from "../policies/index.js";
import { count, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { contracts } from "../db/schema.js";
import { importContract } from "../features/transfer/service.js";
import { seedDemoAccounts } from "./accounts.js";
import { demoFollowUp, seedFollowUp } from "./follow-up.js";
import { demoDocument, DEMO_CONTRACTS } from "./load.js";
import { seedParticipation } from "./participation.js";
import { seedSurveys } from "./surveys.js";
import { seedAmbassadors } from "./ambassadors.js";
import { datedAs, DEMO_ACTOR, parisAt } from "./history.js";

/** Loads the demo contracts into an empty database; a database with any contract is left as it is. */
export async function seedDemo(db: Db): Promise<{ seeded: string[] }> {
  const [row] = await db.select({ n: count() }).from(contracts);
  if (row!.n > 0) return { seeded: [] };
  const seeded: string[] = [];
  for (const name of DEMO_CONTRACTS) {
    const doc = demoDocument(name);
    // The contract entered the history on its first day, not when the demo was loaded.
    await datedAs(db, parisAt(doc.contract.startDate, "09:00"), () => importContract(db, systemActor(DEMO_ACTOR), doc));
    seeded.push(doc.contract.slug);
  }
  await seedDemoAccounts(db);
  // Meetings name people by their account, so the follow-up comes after the accounts.
  for (const [i, name] of DEMO_CONTRACTS.entries()) {
    await seedFollowUp(db, seeded[i]!, demoFollowUp(name));
    // The atelier des habitants needs the residents' body of the follow-up.
    if (name === "camvs") {
      await seedParticipation(db, seeded[i]!);
      await seedSurveys(db, seeded[i]!);
    }
    if (name === "capvm") await seedAmbassadors(db, seeded[i]!);
  }
  return { seeded };
}

/** The demonstration's contracts present in the database (their residents are fictitious: the purge spares them). */
export async function demoContractIds(db: Db): Promise<string[]> {
  const slugs = DEMO_CONTRACTS.map((name) => demoDocument(name).contract.slug);
  return (await db.select({ id: contracts.id }).from(contracts).where(inArray(contracts.slug, slugs))).map((c) => c.id);
}
