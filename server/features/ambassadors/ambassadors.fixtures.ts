/**
 * What the ambassadors' API tests share: the demo database, CAPVM (whose QPV La Renardière
 * the network serves, FA 16) with its coordinator, a partner and the ARS that read it, and
 * the CAMVS coordinator who is an outsider there.
 */
import { and, asc, count, eq } from "drizzle-orm";
import { actions, ambassadorActivities, ambassadors, ambassadorTrainings, auditEntries, consentLog, contracts, indicatorMeasurements, indicators, meetings, memberships, users } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { areaOf } from "../../testing/matrix/cases/ambassadors.js";

export interface AmbassadorTest {
  ctx: TestContext;
  coordinator: TestClient;
  partner: TestClient;
  ars: TestClient;
  outsider: TestClient;
  anonymous: TestClient;
  capvm: string;
  camvs: string;
  /** La Renardière, CAPVM's priority area; and one of CAMVS (another contract's). */
  renardiere: string;
  foreignArea: string;
  /** CAPVM's FA 16 (the ambassadors' network) and its first indicator; a CAMVS fiche. */
  fa16: string;
  fa16Indicator: string;
  foreignFiche: string;
  /** A CAPVM meeting and a CAMVS one. */
  meeting: string;
  foreignMeeting: string;
}

export async function startAmbassadorTest(): Promise<AmbassadorTest> {
  const ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  const slugId = async (slug: string) => (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  const [capvm, camvs] = [await slugId("capvm-2019-2022"), await slugId("camvs-2021-2023")];
  // A partner of CAPVM: the CPAM's partner of CAMVS also works with CAPVM.
  const [karim] = await db.select({ id: users.id }).from(users).where(eq(users.email, "karim.benali@cpam77.test"));
  await db.insert(memberships).values({ contractId: capvm, userId: karim!.id, role: "partner" });
  const [coordinator, partner, ars, outsider, anonymous] = await Promise.all([
    signedInClient(ctx.server, "thomas.petit@capvm.test"),
    signedInClient(ctx.server, "karim.benali@cpam77.test"),
    signedInClient(ctx.server, "ars77@ars-idf.test"),
    signedInClient(ctx.server, "marie.dupont@camvs.test"),
    anonymousClient(ctx.server),
  ]);
  const fiche = async (contractId: string, n: number) => (await db.select({ id: actions.id }).from(actions).where(and(eq(actions.contractId, contractId), eq(actions.number, n))))[0]!.id;
  const firstMeeting = async (contractId: string) => (await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.contractId, contractId)).orderBy(asc(meetings.startsAt)).limit(1))[0]!.id;
  const fa16 = await fiche(capvm, 16);
  const [indicator] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.actionId, fa16)).orderBy(asc(indicators.position)).limit(1);
  return {
    ctx,
    coordinator,
    partner,
    ars,
    outsider,
    anonymous,
    capvm,
    camvs,
    renardiere: await areaOf(db, capvm),
    foreignArea: await areaOf(db, camvs),
    fa16,
    fa16Indicator: indicator!.id,
    foreignFiche: await fiche(camvs, 1),
    meeting: await firstMeeting(capvm),
    foreignMeeting: await firstMeeting(camvs),
  };
}

type Counted = typeof ambassadors | typeof ambassadorTrainings | typeof ambassadorActivities | typeof consentLog | typeof indicatorMeasurements | typeof auditEntries;

/** The number of rows of each table a refusal must leave alone. */
export async function written(t: AmbassadorTest): Promise<number[]> {
  const db = t.ctx.database.db;
  const tables: Counted[] = [ambassadors, ambassadorTrainings, ambassadorActivities, consentLog, indicatorMeasurements, auditEntries];
  return Promise.all(tables.map(async (table) => (await db.select({ n: count() }).from(table))[0]!.n));
}
