import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntries, bodyMembers, meetingParticipants } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { signedInClient, type TestClient } from "../../testing/client.js";
import { expectProblem } from "../../testing/http.js";

let ctx: TestContext;
let coordinator: TestClient;
let partner: TestClient;
let camvs: string;
let orgs: Map<string, string>;
let foreignOrg: string;
let karim: string;
let body: { id: string };
let meeting: { id: string; version: number };

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  coordinator = await signedInClient(ctx.server, "marie.dupont@camvs.test");
  partner = await signedInClient(ctx.server, "karim.benali@cpam77.test");
  const contracts = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
  camvs = contracts.find((c) => c.slug === "camvs-2021-2023")!.id;
  const capvm = contracts.find((c) => c.slug === "capvm-2019-2022")!.id;
  const view = (id: string) => ctx.app.inject({ url: `/api/contracts/${id}` });
  orgs = new Map((await view(camvs)).json<{ organisations: { id: string; name: string }[] }>().organisations.map((o) => [o.name, o.id]));
  foreignOrg = (await view(capvm)).json<{ organisations: { id: string }[] }>().organisations[0]!.id;
  karim = (await partner.inject({ url: "/api/account" })).json<{ id: string }>().id;
  body = (await coordinator.inject({ method: "POST", url: `/api/contracts/${camvs}/bodies`, payload: { kind: "working_group", name: "GT santé des femmes" } })).json();
  const created = await coordinator.inject({
    method: "POST",
    url: `/api/contracts/${camvs}/meetings`,
    payload: { bodyId: body.id, title: "GT du 18 mars", startsAt: "2021-03-18T14:00:00+01:00", endsAt: "2021-03-18T16:00:00+01:00" },
  });
  meeting = created.json();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const total = async (table: typeof bodyMembers | typeof meetingParticipants | typeof auditEntries) => (await ctx.database.db.select({ n: count() }).from(table))[0]!.n;

describe("a body's standing members", () => {
  it("are people and organisations of the contract; an account fills in name and e-mail", async () => {
    const cpam = orgs.get("Caisse primaire d'assurance maladie de Seine-et-Marne")!;
    const res = await coordinator.inject({ method: "PUT", url: `/api/bodies/${body.id}/members`, payload: { members: [{ userId: karim, organisationId: cpam }, { name: "Association SOLIPAM", email: "contact@solipam.test" }] } });
    expect(res.statusCode).toBe(200);
    const list = (await partner.inject({ url: `/api/bodies/${body.id}/members` })).json<{ items: Record<string, unknown>[] }>().items;
    expect(list).toEqual([
      expect.objectContaining({ name: "Karim Benali", email: "karim.benali@cpam77.test", organisationName: "Caisse primaire d'assurance maladie de Seine-et-Marne" }),
      expect.objectContaining({ name: "Association SOLIPAM", organisationId: null }),
    ]);
    const history = (await coordinator.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { changes: { label: string }[] }[] }>();
    expect(history.items[0]!.changes[0]!.label).toBe("Membres");
  });

  it("refuses nameless rows, foreign organisations and non-members — writing nothing", async () => {
    const [members, audit] = [await total(bodyMembers), await total(auditEntries)];
    const res = await coordinator.inject({
      method: "PUT",
      url: `/api/bodies/${body.id}/members`,
      payload: { members: [{ name: "" }, { organisationId: foreignOrg }, { userId: "inconnu" }, { name: "X", email: "pas-une-adresse" }] },
    });
    expect(expectProblem(res, 400).errors?.map((e) => e.path)).toEqual(["members.3.email"]);
    const res2 = await coordinator.inject({ method: "PUT", url: `/api/bodies/${body.id}/members`, payload: { members: [{ name: "" }, { organisationId: foreignOrg }, { userId: "inconnu" }] } });
    expect(expectProblem(res2, 400).errors).toEqual([
      { path: "members.0.name", message: "Indiquez un nom, un membre du contrat ou une organisation." },
      { path: "members.1.organisationId", message: "Choisissez une organisation de ce contrat." },
      { path: "members.2.userId", message: "Choisissez un membre de ce contrat." },
    ]);
    expectProblem(await partner.inject({ method: "PUT", url: `/api/bodies/${body.id}/members`, payload: { members: [] } }), 403);
    expect([await total(bodyMembers), await total(auditEntries)]).toEqual([members, audit]);
  });
});

describe("a meeting's participants", () => {
  it("records who was invited and who came, shown on the meeting with its invitation state and the actor's rights", async () => {
    const res = await coordinator.inject({
      method: "PUT",
      url: `/api/meetings/${meeting.id}/participants`,
      payload: {
        participants: [
          { userId: karim, invited: true, present: true },
          { organisationId: orgs.get("SOLIPAM"), name: "Représentante SOLIPAM", invited: true, present: false },
          { name: "Habitante du quartier", present: true },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const view = (await partner.inject({ url: `/api/meetings/${meeting.id}` })).json<Record<string, unknown> & { participants: { name: string; invited: boolean; present: boolean; organisationName: string | null }[] }>();
    expect(view.participants.map((p) => [p.name, p.invited, p.present, p.organisationName])).toEqual([
      ["Karim Benali", true, true, null],
      ["Représentante SOLIPAM", true, false, "SOLIPAM"],
      ["Habitante du quartier", false, true, null],
    ]);
    expect(view).toMatchObject({ presentCount: 2, attachments: [], invitation: { sequence: 0, sentAt: null }, cancelledAt: null, permissions: { manage: false } });
    const history = (await coordinator.inject({ url: `/api/contracts/${camvs}/history` })).json<{ items: { changes: { label: string; after: string | null }[] }[] }>();
    expect(history.items[0]!.changes.map((c) => c.label)).toEqual(["Invités", "Présents"]);
  });

  it("shows residents' names and e-mails to the coordination only: partners and the ARS read that a resident came, not who (RGPD)", async () => {
    const res = await coordinator.inject({
      method: "PUT",
      url: `/api/meetings/${meeting.id}/participants`,
      payload: {
        participants: [
          { userId: karim, invited: true, present: true },
          { name: "Awa Traoré (illustratif)", email: "awa@exemple.fr", present: true, resident: true },
          { name: "Habitante du quartier", present: true },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const names = async (client: TestClient) => (await client.inject({ url: `/api/meetings/${meeting.id}` })).json<{ participants: { name: string; email: string; resident: boolean }[] }>().participants.map((p) => [p.name, p.email, p.resident]);
    expect(await names(coordinator)).toEqual([
      ["Karim Benali", "karim.benali@cpam77.test", false],
      ["Awa Traoré (illustratif)", "awa@exemple.fr", true],
      ["Habitante du quartier", "", false],
    ]);
    const hidden = [
      ["Karim Benali", "karim.benali@cpam77.test", false],
      ["Habitant ou habitante", "", true],
      ["Habitante du quartier", "", false],
    ];
    expect(await names(partner)).toEqual(hidden);
    const ars = await signedInClient(ctx.server, "ars77@ars-idf.test");
    expect(await names(ars)).toEqual(hidden);
    const body = (await ars.inject({ url: `/api/meetings/${meeting.id}` })).body;
    expect(body).not.toContain("Awa");
    expect(body).not.toContain("awa@exemple.fr");
  });

  it("counts attendance for the follow-up alert: a past meeting with people present no longer asks for its attendance", async () => {
    const alerts = (await coordinator.inject({ url: `/api/contracts/${camvs}/governance-alerts` })).json<{ items: { meetingId: string | null; message: string }[] }>().items;
    const mine = alerts.find((a) => a.meetingId === meeting.id)!;
    expect(mine.message).toContain("compte rendu");
    expect(mine.message).not.toContain("feuille de présence");
  });

  it("refuses bad participants and other people than the coordination — writing nothing", async () => {
    const [rows, audit] = [await total(meetingParticipants), await total(auditEntries)];
    const bad = await coordinator.inject({ method: "PUT", url: `/api/meetings/${meeting.id}/participants`, payload: { participants: [{ organisationId: foreignOrg, invited: true }] } });
    expect(expectProblem(bad, 400).errors).toEqual([{ path: "participants.0.organisationId", message: "Choisissez une organisation de ce contrat." }]);
    expectProblem(await partner.inject({ method: "PUT", url: `/api/meetings/${meeting.id}/participants`, payload: { participants: [] } }), 403);
    expectProblem(await coordinator.inject({ method: "PUT", url: "/api/meetings/00000000-0000-4000-8000-000000000000/participants", payload: { participants: [] } }), 404);
    expect([await total(meetingParticipants), await total(auditEntries)]).toEqual([rows, audit]);
  });
});
