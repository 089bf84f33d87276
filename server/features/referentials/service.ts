/** Reading and saving the regional referentials; a contract's, from its communes. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.js";
import { STALE_MESSAGE } from "../../db/versioning.js";
import { communes, regionalReferentials } from "../../db/schema.js";
import { conflict } from "../../domain/problem.js";
import { contractRegion, referentialOf, type Referential } from "../../domain/referentials.js";
import { REGIONS } from "../../domain/roles.js";
import type { ReferentialBody } from "./schema.js";

const fields = {
  arsName: regionalReferentials.arsName,
  templateWording: regionalReferentials.templateWording,
  prsName: regionalReferentials.prsName,
  prsEdition: regionalReferentials.prsEdition,
  prsProjects: regionalReferentials.prsProjects,
  regionalPlans: regionalReferentials.regionalPlans,
  version: regionalReferentials.version,
};

/** Every region's referential, by region name. */
export async function listReferentials(db: Db | Tx): Promise<Referential[]> {
  const rows = await db.select({ regionCode: regionalReferentials.regionCode, ...fields }).from(regionalReferentials);
  const saved = new Map(rows.map((r) => [r.regionCode, r]));
  return Object.keys(REGIONS)
    .map((code) => referentialOf(code, saved.get(code)))
    .sort((a, b) => a.regionName.localeCompare(b.regionName, "fr"));
}

export async function getReferential(db: Db | Tx, regionCode: string): Promise<Referential> {
  const [row] = await db.select(fields).from(regionalReferentials).where(eq(regionalReferentials.regionCode, regionCode));
  return referentialOf(regionCode, row);
}

/** Saves a region's referential if the client read the current version (0: never saved); 409 otherwise. */
export async function saveReferential(db: Db, regionCode: string, body: ReferentialBody): Promise<Referential> {
  const { version, ...values } = body;
  return db.transaction(async (tx) => {
    const rows =
      version === 0
        ? await tx.insert(regionalReferentials).values({ regionCode, ...values }).onConflictDoNothing().returning({ version: regionalReferentials.version })
        : await tx
            .update(regionalReferentials)
            .set({ ...values, version: sql`${regionalReferentials.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(regionalReferentials.regionCode, regionCode), eq(regionalReferentials.version, version)))
            .returning({ version: regionalReferentials.version });
    if (rows.length !== 1) throw conflict(STALE_MESSAGE);
    return getReferential(tx, regionCode);
  });
}

/** The referential of a contract's region (see `contractRegion`), or null when its communes give none. */
export async function contractReferential(db: Db | Tx, contractId: string): Promise<Referential | null> {
  const rows = await db.select({ code: communes.inseeCode }).from(communes).where(eq(communes.contractId, contractId)).orderBy(asc(communes.position));
  const region = contractRegion(rows.map((r) => r.code));
  return region ? getReferential(db, region) : null;
}
