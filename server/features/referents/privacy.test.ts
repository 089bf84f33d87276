/**
 * Referents' contact details are personal data (issue 18, item 3): the coordination alone reads
 * them. They stand in none of what the ARS, partners or the public get: the contract's exchange
 * file, the fiches' spreadsheet, the territory's overview, files and open data, the public page.
 */
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contracts } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { referentPayload } from "../../testing/matrix/cases/referents.js";

const PERSON = { name: "Gwendoline Témoin-Privé", email: "gwendoline.temoin@exemple.fr", phone: "07 98 76 54 32" };
const traces = [PERSON.name, PERSON.email, "07 98 76 54 32", "0798765432"];

let ctx: TestContext;
let ars: TestClient;
let camvs: string;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const [row] = await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023"));
  camvs = row!.id;
  const coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
  const { communes } = (await coordinator.inject({ url: `/api/contracts/${camvs}/referents` })).json<{ communes: { id: string }[] }>();
  for (const role of ["technical", "elected"]) {
    const res = await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/communes/${communes[0]!.id}/referents/${role}`, payload: referentPayload(PERSON) });
    expect(res.statusCode, res.body).toBe(200);
  }
  expect((await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/publication`, payload: { published: true } })).statusCode).toBe(200);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

/** The text of an answer: a zip (xlsx, open data) read file by file, anything else as it is. */
function textOf(body: Buffer): string {
  if (body[0] === 0x50 && body[1] === 0x4b) return Object.values(unzipSync(new Uint8Array(body))).map((data) => strFromU8(data)).join("\n");
  return body.toString("utf8");
}

async function expectNoTrace(client: TestClient, url: string) {
  const res = await client.inject({ url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  const text = textOf(res.rawPayload);
  for (const trace of traces) expect(text, url).not.toContain(trace);
}

describe("referents' contact details stay with the coordination", () => {
  it("are in the coordination's own list", async () => {
    const res = await ctx.app.inject({ url: `/api/contracts/${camvs}/referents` });
    expect(res.body).toContain(PERSON.email);
  });

  it("are in none of what the ARS reads and exports", async () => {
    for (const url of [
      `/api/contracts/${camvs}`,
      `/api/contracts/${camvs}/export`,
      `/api/contracts/${camvs}/actions.xlsx`,
      "/api/territories/overview",
      "/api/territories/overview.xlsx",
      "/api/territories/overview.csv",
      "/api/territories/fiches.xlsx",
      "/api/territories/fiches.csv",
      "/api/territories/open-data.zip",
    ])
      await expectNoTrace(ars, url);
  });

  it("are not on the public page", async () => {
    await expectNoTrace(await anonymousClient(ctx.server), "/api/public/contracts/camvs-2021-2023");
  });
});
