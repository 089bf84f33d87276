/**
 * The relay to the communes (issue 18, item 2): a piece of news and a published review reach
 * the referents of every commune that have an address, one mail per address, recorded per
 * commune; a refused mail is recorded as failed and fails nothing; a referent without an
 * account reads the review through a read-only link that opens that review alone, or through
 * the public page when the contract publishes its reviews.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeRelays, contracts } from "../../db/schema.js";
import { readOutbox } from "../../mail/mailer.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";
import { referentPayload } from "../../testing/matrix/cases/referents.js";

interface Listed {
  communes: { id: string; name: string; lastRelay: { subject: string; failed: boolean } | null }[];
  relays: { subject: string; reviewId: string | null; communes: { communeId: string; recipients: number; failed: boolean }[] }[];
}
interface Relayed {
  subject: string;
  communes: { communeId: string; name: string; recipients: number; failed: boolean }[];
  unreached: { communeId: string }[];
}

let ctx: TestContext;
let coordinator: TestClient;
let anonymous: TestClient;
let camvs: string;
let communes: Listed["communes"];

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const [row] = await ctx.database.db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, "camvs-2021-2023"));
  camvs = row!.id;
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  anonymous = await anonymousClient(ctx.server);
  communes = (await list()).communes;
  // Two communes share one technical referent's address; a third has an elected referent without an address.
  const name = async (communeId: string, role: string, overrides: Record<string, unknown>) => {
    const res = await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/communes/${communeId}/referents/${role}`, payload: referentPayload(overrides) });
    expect(res.statusCode, res.body).toBe(200);
  };
  await name(communes[0]!.id, "technical", { email: "relais.sud@exemple.fr" });
  await name(communes[1]!.id, "technical", { email: "relais.sud@exemple.fr" });
  await name(communes[1]!.id, "elected", { email: "elu.nord@exemple.fr" });
  await name(communes[2]!.id, "elected", { email: "" });
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

async function list() {
  const res = await coordinator.inject({ url: `/api/contracts/${camvs}/referents` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Listed>();
}
const mailsTo = async (to: string) => (await readOutbox(ctx.outboxDir, 1000)).filter((m) => m.to === to);

/** Makes every mail fail while `run` runs. */
async function withFailingMail<T>(run: () => Promise<T>): Promise<T> {
  const mailer = ctx.server.mailer;
  const send = mailer.send;
  mailer.send = () => Promise.reject(new Error("SMTP indisponible (essai)"));
  try {
    return await run();
  } finally {
    mailer.send = send;
  }
}

describe("relaying news to the communes", () => {
  it("sends one mail per address, records each commune reached, and lists the communes not reached", async () => {
    const before = (await mailsTo("relais.sud@exemple.fr")).length;
    const res = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/relays`, payload: { subject: "Mars bleu (illustratif)", text: "Campagne de dépistage du cancer colorectal en mars." } });
    expect(res.statusCode, res.body).toBe(201);
    const relayed = res.json<Relayed>();
    expect(relayed.communes).toEqual([
      { communeId: communes[0]!.id, name: communes[0]!.name, recipients: 1, failed: false },
      { communeId: communes[1]!.id, name: communes[1]!.name, recipients: 2, failed: false },
    ]);
    expect(relayed.unreached.map((c) => c.communeId)).toContain(communes[2]!.id);
    const mails = await mailsTo("relais.sud@exemple.fr");
    expect(mails.length).toBe(before + 1);
    expect(mails[0]!.subject).toContain("Mars bleu (illustratif)");
    expect(mails[0]!.text).toContain("Campagne de dépistage du cancer colorectal en mars.");
    expect(mails[0]!.text).toContain(`${communes[0]!.name} et ${communes[1]!.name}`);
    const l = await list();
    expect(l.relays[0]).toMatchObject({ subject: "Mars bleu (illustratif)", reviewId: null });
    expect(l.communes[0]!.lastRelay).toMatchObject({ subject: "Mars bleu (illustratif)", failed: false });
    expect(l.communes[2]!.lastRelay).toBeNull();
  });

  it("records a refused mail as failed, and still answers 201", async () => {
    const res = await withFailingMail(() => coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/relays`, payload: { subject: "Semaine de la vaccination (illustratif)", text: "Du 24 au 30 avril." } }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Relayed>().communes.every((c) => c.failed)).toBe(true);
    expect((await list()).communes[0]!.lastRelay).toMatchObject({ subject: "Semaine de la vaccination (illustratif)", failed: true });
  });

  it("refuses an empty subject or text (400, per field), and records nothing", async () => {
    const before = (await ctx.database.db.select().from(communeRelays)).length;
    const problem = expectProblem(await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/relays`, payload: { subject: " ", text: "" } }), 400);
    expect(problem.errors).toEqual([
      { path: "subject", message: "L'objet est obligatoire." },
      { path: "text", message: "Le texte est obligatoire." },
    ]);
    expect((await ctx.database.db.select().from(communeRelays)).length).toBe(before);
  });
});

async function publishDraft(year: number, quarter: number) {
  const created = await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/reviews`, payload: { year, quarter } });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json<{ id: string; version: number }>();
  return { id: draft.id, res: await coordinator.inject({ method: "POST", url: `/api/reviews/${draft.id}/publish`, payload: { version: draft.version } }) };
}
const linkIn = (text: string) => /(http:\/\/localhost:3000\/api\/[^\s]+)/.exec(text)![1]!;

describe("relaying a published review", () => {
  it("mails the referents a read-only link that opens that review alone, without an account", async () => {
    const { id, res } = await publishDraft(2021, 3);
    expect(res.statusCode, res.body).toBe(200);
    const [mail] = (await mailsTo("elu.nord@exemple.fr")).filter((m) => m.subject.includes("revue trimestrielle du 3e trimestre 2021"));
    expect(mail).toBeDefined();
    const link = linkIn(mail!.text);
    expect(link).toMatch(/\/api\/review-links\/[A-Za-z0-9_-]{40,}$/);
    const page = await anonymous.inject({ url: link.replace("http://localhost:3000", "") });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("3e trimestre 2021");
    // A link nobody was sent opens nothing; the link opens no other page of the contract.
    expectProblem(await anonymous.inject({ url: `/api/review-links/${"x".repeat(43)}` }), 404);
    expectProblem(await anonymous.inject({ url: `/api/contracts/${camvs}` }), 401);
    const l = await list();
    expect(l.relays.find((r) => r.reviewId === id)?.communes.map((c) => c.communeId)).toEqual([communes[0]!.id, communes[1]!.id]);
  });

  it("links to the public page when the contract publishes its reviews there", async () => {
    expect((await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/publication`, payload: { published: true } })).statusCode).toBe(200);
    const { settings } = (await coordinator.inject({ url: `/api/contracts/${camvs}/reviews` })).json<{ settings: { purpose: string; version: number } }>();
    expect((await coordinator.inject({ method: "PUT", url: `/api/contracts/${camvs}/review-settings`, payload: { ...settings, publishReviews: true } })).statusCode).toBe(200);
    const { id, res } = await publishDraft(2021, 4);
    expect(res.statusCode, res.body).toBe(200);
    const [mail] = (await mailsTo("elu.nord@exemple.fr")).filter((m) => m.subject.includes("4e trimestre 2021"));
    expect(linkIn(mail!.text)).toBe(`http://localhost:3000/api/public/contracts/camvs-2021-2023/reviews/${id}.html`);
  });

  it("publishes even when every mail is refused, and records the relay as failed", async () => {
    const { id, res } = await withFailingMail(() => publishDraft(2022, 1));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ publishedNumber: number }>().publishedNumber).toBe(1);
    const rows = await ctx.database.db.select().from(communeRelays).where(eq(communeRelays.reviewId, id));
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.failed)).toBe(true);
  });
});
