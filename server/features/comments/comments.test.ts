import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, comments } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let lead: TestClient;
let partner: TestClient;
let ars: TestClient;
let coordinator: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
let fa5: string;
let fa1: string;

interface Remark {
  id: string;
  body: string;
  authorName: string;
  authorOrganisation: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  progressEntryId: string | null;
  permissions: { edit: boolean; delete: boolean };
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  // Sequentially: sign-ins share the machine with other test files.
  lead = await signedInClient(ctx.server, "sophie.leroy@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  outsider = await signedInClient(ctx.server, "thomas.petit@capvm.test");
  anonymous = await anonymousClient(ctx.server);
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  const camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  const list = (await ctx.app.inject({ url: `/api/contracts/${camvs}/actions` })).json<{ items: { id: string; number: number }[] }>().items;
  fa5 = list.find((a) => a.number === 5)!.id;
  fa1 = list.find((a) => a.number === 1)!.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const totals = async () => [(await ctx.database.db.select({ n: count() }).from(comments))[0]!.n, (await ctx.database.db.select({ n: count() }).from(auditEntries))[0]!.n];
const remarks = async (client: TestClient, actionId = fa5) => {
  const res = await client.inject({ url: `/api/actions/${actionId}/comments` });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Remark[]; permissions: { comment: boolean } }>();
};
const post = (client: TestClient, payload: object, actionId = fa5) => client.inject({ method: "POST", url: `/api/actions/${actionId}/comments`, payload });
const remarkOf = async (client: TestClient, body: string) => {
  const res = await post(client, { body });
  expect(res.statusCode).toBe(201);
  return res.json<Remark>();
};

describe("partner remarks", () => {
  it("lets a partner remark on a progress entry, in plain text kept as typed, signed with their organisation", async () => {
    const entry = (await partner.inject({ url: `/api/actions/${fa5}/progress` })).json<{ items: { id: string }[] }>().items[0]!;
    const res = await post(partner, { body: "  La CPAM peut présenter la MAS aux élus en janvier. <b>Merci</b>  ", progressEntryId: entry.id });
    expect(res.statusCode).toBe(201);
    const remark = res.json<Remark>();
    expect(remark).toMatchObject({
      authorName: "Karim Benali",
      progressEntryId: entry.id,
      body: "La CPAM peut présenter la MAS aux élus en janvier. <b>Merci</b>",
      editedAt: null,
      deleted: false,
      permissions: { edit: true, delete: true },
    });
    // Karim Benali sits on a CAMVS body for the CPAM of Seine-et-Marne.
    expect(remark.authorOrganisation).toMatch(/CPAM|assurance maladie/);
    const listed = await remarks(partner);
    expect(listed.permissions.comment).toBe(true);
    expect(listed.items.at(-1)).toMatchObject({ id: remark.id, body: remark.body });
  });

  it("lets the ARS delegation and the lead remark on the fiche itself; without a known organisation it stays empty", async () => {
    const fromArs = await remarkOf(ars, "L'ARS soutient cette orientation.");
    expect(fromArs).toMatchObject({ authorName: "Hélène Garnier", authorOrganisation: "", progressEntryId: null });
    const fromLead = await remarkOf(lead, "Merci, nous en parlerons en COTECH.");
    expect(fromLead.authorName).toBe("Sophie Leroy");
    expect((await remarks(ars)).permissions.comment).toBe(true);
  });

  it("lets the author alone correct a remark (marked as edited); the lead cannot edit or remove someone else's", async () => {
    const remark = await remarkOf(partner, "Première version");
    const before = await totals();
    const seenByLead = (await remarks(lead)).items.find((r) => r.id === remark.id)!;
    expect(seenByLead.permissions).toEqual({ edit: false, delete: false });
    expectProblem(await lead.inject({ method: "PUT", url: `/api/comments/${remark.id}`, payload: { body: "Pas la mienne" } }), 403);
    expectProblem(await lead.inject({ method: "DELETE", url: `/api/comments/${remark.id}` }), 403);
    expectProblem(await coordinator.inject({ method: "PUT", url: `/api/comments/${remark.id}`, payload: { body: "La coordination ne réécrit pas" } }), 403);
    expect(await totals()).toEqual(before);

    const edited = await partner.inject({ method: "PUT", url: `/api/comments/${remark.id}`, payload: { body: "Seconde version" } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Remark>()).toMatchObject({ body: "Seconde version", deleted: false });
    expect(edited.json<Remark>().editedAt).not.toBeNull();
  });

  it("lets the author or the coordination remove a remark: it stays in the thread as removed, without its text", async () => {
    const byAuthor = await remarkOf(partner, "Je retire ceci");
    const byCoordination = await remarkOf(partner, "Hors sujet");
    const seenByCoordinator = (await remarks(coordinator)).items.find((r) => r.id === byCoordination.id)!;
    expect(seenByCoordinator.permissions).toEqual({ edit: false, delete: true });

    const audit = (await totals())[1]!;
    expect((await partner.inject({ method: "DELETE", url: `/api/comments/${byAuthor.id}` })).statusCode).toBe(204);
    expect((await coordinator.inject({ method: "DELETE", url: `/api/comments/${byCoordination.id}` })).statusCode).toBe(204);
    expect((await totals())[1]).toBe(audit + 2);
    const thread = (await remarks(partner)).items;
    for (const id of [byAuthor.id, byCoordination.id]) {
      expect(thread.find((r) => r.id === id)).toMatchObject({ deleted: true, body: "", authorName: "Karim Benali", permissions: { edit: false, delete: false } });
    }
    expectProblem(await partner.inject({ method: "PUT", url: `/api/comments/${byAuthor.id}`, payload: { body: "Encore" } }), 404);
    expectProblem(await partner.inject({ method: "DELETE", url: `/api/comments/${byAuthor.id}` }), 404);
  });

  it("records the writing and the removal of a remark in the fiche's history", async () => {
    const remark = await remarkOf(partner, "Une remarque pour l'historique");
    await partner.inject({ method: "DELETE", url: `/api/comments/${remark.id}` });
    const history = (await coordinator.inject({ url: `/api/actions/${fa5}/history` })).json<{ items: { summary: string; objectLabel: string }[] }>().items;
    expect(history[0]!.objectLabel).toBe("Remarque de Karim Benali retirée");
    expect(history[1]!.objectLabel).toBe("Remarque partenaire");
    expect(history[1]!.summary).toContain("Karim Benali");
  });

  it("refuses an empty or too long remark and a progress entry of another fiche, on their fields, writing nothing", async () => {
    const otherEntry = (await coordinator.inject({ url: `/api/actions/${fa1}/progress` })).json<{ items: { id: string }[] }>().items[0]!;
    const mine = await remarkOf(partner, "À corriger");
    const before = await totals();
    expect(expectProblem(await post(partner, { body: "  " }), 400).errors).toEqual([{ path: "body", message: "La remarque est obligatoire." }]);
    expect(expectProblem(await post(partner, {}), 400).errors?.map((e) => e.path)).toEqual(["body"]);
    expect(expectProblem(await post(partner, { body: "x".repeat(5001) }), 400).errors).toEqual([{ path: "body", message: "La remarque ne doit pas dépasser 5000 caractères." }]);
    expect(expectProblem(await post(partner, { body: "Ici", progressEntryId: otherEntry.id }), 400).errors).toEqual([
      { path: "progressEntryId", message: "Cet avancement n'appartient pas à cette fiche." },
    ]);
    expect(expectProblem(await post(partner, { body: "Ici", progressEntryId: "pas-un-identifiant" }), 400).errors?.map((e) => e.path)).toEqual(["progressEntryId"]);
    expect(expectProblem(await partner.inject({ method: "PUT", url: `/api/comments/${mine.id}`, payload: { body: "" } }), 400).errors?.map((e) => e.path)).toEqual(["body"]);
    expect(await totals()).toEqual(before);
    expect((await post(partner, { body: "x".repeat(5000) })).statusCode).toBe(201);
  });

  it("hides the remarks from outsiders (404) and asks anonymous people to sign in (401), writing nothing", async () => {
    const remark = await remarkOf(partner, "Visible des lecteurs seulement");
    const before = await totals();
    expectProblem(await outsider.inject({ url: `/api/actions/${fa5}/comments` }), 404);
    expectProblem(await post(outsider, { body: "Bonjour" }), 404);
    expectProblem(await outsider.inject({ method: "PUT", url: `/api/comments/${remark.id}`, payload: { body: "Bonjour" } }), 404);
    expectProblem(await outsider.inject({ method: "DELETE", url: `/api/comments/${remark.id}` }), 404);
    expectProblem(await anonymous.inject({ url: `/api/actions/${fa5}/comments` }), 401);
    expectProblem(await post(anonymous, { body: "Bonjour" }), 401);
    expectProblem(await anonymous.inject({ method: "DELETE", url: `/api/comments/${remark.id}` }), 401);
    expectProblem(await partner.inject({ method: "DELETE", url: "/api/comments/00000000-0000-4000-8000-000000000000" }), 404);
    expect(await totals()).toEqual(before);
  });
});
