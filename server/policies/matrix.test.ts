/**
 * The authorization matrix: for every API route and every role (and anonymous),
 * the expected answer. The table is checked against the routes the app really
 * has, so a new route without an entry fails the suite.
 *
 * "ok" means the request went past authorization (2xx). Targets are in the CAMVS
 * demo contract; the CAPVM coordinator is the "outsider" who must learn nothing of it.
 * Features add their routes in server/testing/matrix/cases/<feature>.ts, merged below.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, contracts } from "../db/schema.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { anonymousClient, signedInClient, type TestClient } from "../testing/client.js";
import { newContractBody, newFicheBody } from "../testing/fixtures.js";
import { EXTRA_CASES } from "../testing/matrix/cases/index.js";
import {
  actionUpdate,
  adminOnly,
  type Case,
  EMAILS,
  everyone,
  expectRefusal,
  type Expected,
  type Fixture,
  freshAxis,
  freshBody,
  freshFiche,
  freshInvitation,
  freshMeeting,
  freshMember,
  freshMilestone,
  freshObjective,
  invitationToken,
  json,
  managers,
  meetingPayload,
  readers,
  type Role,
  ROLES,
  sameForEveryone,
  shuffled,
  signedIn,
  UNKNOWN_ADDRESS,
} from "../testing/matrix/support.js";

const emailOf = (role: Role) => (role === "anonymous" ? null : EMAILS[role]);

/** CAMVS's public page, published or not as the row needs, whatever an earlier row left. */
async function publicPage(f: Fixture, published: boolean): Promise<string> {
  const res = await f.admin.inject({ method: "PUT", url: `/api/contracts/${f.ids.camvs}/publication`, payload: { published } });
  expect(res.statusCode, res.body).toBe(200);
  return "/api/public/contracts/camvs-2021-2023";
}

const CASES: Record<string, Case[]> = {
  ...EXTRA_CASES,
  // Public by design: the same answer for everyone, checked by what it holds.
  "GET /api/openapi.json": [{ call: () => ({ url: "/api/openapi.json" }), expect: everyone("ok"), check: (res) => expect(Object.keys(res.json<{ paths: object }>().paths)).toContain("/api/health") }],
  "GET /api/health": [{ call: () => ({ url: "/api/health" }), expect: everyone("ok"), check: (res) => expect(res.json()).toMatchObject({ status: "ok" }) }],
  "GET /api/reference": [{ call: () => ({ url: "/api/reference" }), expect: signedIn }],
  "GET /api/contracts": [{ call: () => ({ url: "/api/contracts" }), expect: signedIn }],
  "POST /api/contracts": [{ call: () => ({ url: "/api/contracts", payload: newContractBody() }), expect: adminOnly }],
  "POST /api/contracts/import": [
    {
      call: async (f) => ({ url: `/api/contracts/import?slug=import-${randomUUID().slice(0, 8)}`, payload: await json(f.admin, `/api/contracts/${f.ids.capvm}/export`) }),
      expect: adminOnly,
    },
  ],
  "GET /api/contracts/:contractId": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}` }), expect: readers }],
  "PUT /api/contracts/:contractId": [
    {
      call: async (f) => {
        const c = await json<Record<string, unknown> & { signatories: { organisationId: string }[] }>(f.admin, `/api/contracts/${f.ids.camvs}`);
        const { slug, name, localAuthority, startDate, endDate, status, summary, communes, priorityAreas, version } = c;
        const signatories = c.signatories.map(({ organisationId, representative, title, signedOn }: Record<string, unknown>) => ({ organisation: organisationId, representative, title, signedOn }));
        return { url: `/api/contracts/${f.ids.camvs}`, payload: { slug, name, localAuthority, startDate, endDate, status, summary, communes, priorityAreas, signatories, version } };
      },
      expect: managers,
    },
  ],
  "GET /api/contracts/:contractId/actions": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/actions?q=santé` }), expect: readers }],
  "GET /api/contracts/:contractId/export": [
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/export` }), expect: readers },
    // Residents' names and e-mails: only whom may read them (the coordination).
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/export?residents=true` }), expect: managers },
  ],
  "GET /api/contracts/:contractId/history": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/history` }), expect: managers }],
  "GET /api/contracts/:contractId/members": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/members` }), expect: managers }],
  "POST /api/contracts/:contractId/invitations": [
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/invitations`, payload: { email: `invite-${randomUUID()}@test.fr`, role: "partner", actionIds: [] } }), expect: managers },
  ],
  "DELETE /api/contracts/:contractId/invitations/:invitationId": [
    { call: async (f) => ({ url: `/api/contracts/${f.ids.camvs}/invitations/${await freshInvitation(f)}` }), expect: managers },
  ],
  "PUT /api/contracts/:contractId/members/:userId": [
    { call: async (f) => ({ url: `/api/contracts/${f.ids.camvs}/members/${await freshMember(f)}`, payload: { role: "lead", actionIds: [f.ids.otherAction] } }), expect: managers },
  ],
  "DELETE /api/contracts/:contractId/members/:userId": [
    { call: async (f) => ({ url: `/api/contracts/${f.ids.camvs}/members/${await freshMember(f)}` }), expect: managers },
  ],
  "PUT /api/contracts/:contractId/publication": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/publication`, payload: { published: false } }), expect: managers }],
  "POST /api/contracts/:contractId/organisations": [
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/organisations`, payload: { name: `Association ${randomUUID()}`, shortName: null, sector: null } }), expect: { ...managers, lead: "ok" } },
  ],
  "PUT /api/organisations/:organisationId": [
    {
      call: async (f) => {
        const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/organisations`, payload: { name: `Org ${randomUUID()}`, shortName: null, sector: null } });
        const org = res.json<{ id: string; name: string; version: number }>();
        return { url: `/api/organisations/${org.id}`, payload: { name: `${org.name} (modifiée)`, shortName: null, sector: null, version: org.version } };
      },
      expect: managers,
    },
  ],
  "POST /api/contracts/:contractId/axes": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/axes`, payload: { title: "Nouvel axe", description: "" } }), expect: managers }],
  "PUT /api/contracts/:contractId/axes/order": [
    {
      call: async (f) => {
        const c = await json<{ axes: { id: string }[] }>(f.admin, `/api/contracts/${f.ids.camvs}`);
        return { url: `/api/contracts/${f.ids.camvs}/axes/order`, payload: { ids: c.axes.map((a) => a.id) } };
      },
      expect: managers,
    },
  ],
  "PUT /api/axes/:axisId": [
    { call: async (f) => { const a = await freshAxis(f); return { url: `/api/axes/${a.id}`, payload: { title: "Axe renommé", description: "", version: a.version } }; }, expect: managers },
  ],
  "DELETE /api/axes/:axisId": [{ call: async (f) => ({ url: `/api/axes/${(await freshAxis(f)).id}` }), expect: managers }],
  "POST /api/axes/:axisId/objectives": [{ call: (f) => ({ url: `/api/axes/${f.ids.axis}/objectives`, payload: { code: randomUUID().slice(0, 8), title: "Objectif" } }), expect: managers }],
  "PUT /api/axes/:axisId/objectives/order": [
    {
      call: async (f) => {
        const c = await json<{ axes: { id: string; objectives: { id: string }[] }[] }>(f.admin, `/api/contracts/${f.ids.camvs}`);
        const axis = c.axes.find((a) => a.id === f.ids.axis)!;
        return { url: `/api/axes/${f.ids.axis}/objectives/order`, payload: { ids: axis.objectives.map((o) => o.id) } };
      },
      expect: managers,
    },
  ],
  "PUT /api/objectives/:objectiveId": [
    { call: async (f) => { const o = await freshObjective(f); return { url: `/api/objectives/${o.id}`, payload: { code: randomUUID().slice(0, 8), title: "Renommé", version: o.version } }; }, expect: managers },
  ],
  "DELETE /api/objectives/:objectiveId": [{ call: async (f) => ({ url: `/api/objectives/${(await freshObjective(f)).id}` }), expect: managers }],
  "POST /api/contracts/:contractId/actions": [
    {
      call: async (f) => {
        const list = await json<{ items: { number: number }[] }>(f.admin, `/api/contracts/${f.ids.camvs}/actions`);
        const number = Math.max(...list.items.map((a) => a.number)) + 1;
        return { url: `/api/contracts/${f.ids.camvs}/actions`, payload: newFicheBody(f.ids.axis, { number }) };
      },
      expect: managers,
    },
  ],
  "PUT /api/contracts/:contractId/actions/order": [
    {
      call: async (f) => {
        const list = await json<{ items: { id: string }[] }>(f.admin, `/api/contracts/${f.ids.camvs}/actions?sort=number`);
        return { url: `/api/contracts/${f.ids.camvs}/actions/order`, payload: { ids: list.items.map((a) => a.id) } };
      },
      expect: managers,
    },
  ],
  "GET /api/actions/:actionId": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}` }), expect: readers }],
  "PUT /api/actions/:actionId": [
    // The lead edits the fiches they lead…
    { call: (f) => actionUpdate(f, f.ids.ledAction), expect: { ...managers, lead: "ok" } },
    // …and no other.
    { call: (f) => actionUpdate(f, f.ids.otherAction), expect: managers },
  ],
  "POST /api/actions/:actionId/archive": [
    {
      call: async (f) => {
        const a = await freshFiche(f);
        return { url: `/api/actions/${a.id}/archive`, payload: { version: a.version } };
      },
      expect: managers,
    },
  ],
  "POST /api/actions/:actionId/restore": [
    {
      call: async (f) => {
        const a = await freshFiche(f);
        const archived = await f.admin.inject({ method: "POST", url: `/api/actions/${a.id}/archive`, payload: { version: a.version } });
        return { url: `/api/actions/${a.id}/restore`, payload: { version: archived.json<{ version: number }>().version } };
      },
      expect: managers,
    },
  ],
  "GET /api/actions/:actionId/history": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/history` }), expect: readers }],
  "GET /api/audit": [{ call: () => ({ url: "/api/audit" }), expect: adminOnly }],
  // Everyone has a session (or none): each role reads its own.
  "GET /api/auth/session": [{ call: () => ({ url: "/api/auth/session" }), expect: everyone("ok"), check: (res, role) => expect(res.json<{ user: { email: string } | null }>().user?.email ?? null).toBe(emailOf(role)) }],
  "POST /api/auth/sign-in": [
    { call: () => ({ url: "/api/auth/sign-in", payload: { email: `personne-${randomUUID()}@test.fr`, password: "mauvais mot de passe" } }), expect: everyone(401), reason: "E-mail ou mot de passe incorrect." },
  ],
  "POST /api/auth/sign-out": [
    { call: () => ({ url: "/api/auth/sign-out" }), expect: everyone("ok"), endsSession: true, check: (res) => expect(String(res.headers["set-cookie"])).toMatch(/cles\.session_token=;/) },
  ],
  "POST /api/auth/sign-out-everywhere": [{ call: () => ({ url: "/api/auth/sign-out-everywhere" }), expect: signedIn, endsSession: true }],
  // The same answer whether the address has an account or not: nothing to learn from it.
  "POST /api/auth/password-reset-request": [
    { call: () => ({ url: "/api/auth/password-reset-request", payload: { email: "personne@test.fr" } }), expect: everyone("ok"), check: (res) => expect(res.json<{ message: string }>().message).toMatch(/lien/) },
  ],
  "POST /api/auth/password-reset": [
    { call: () => ({ url: "/api/auth/password-reset", payload: { token: "jeton-inconnu", password: "un mot de passe assez long" } }), expect: everyone(410), reason: /^Ce lien de réinitialisation a expiré ou a déjà servi/ },
  ],
  "GET /api/account": [{ call: () => ({ url: "/api/account" }), expect: signedIn, check: (res, role) => expect(res.body).toContain(emailOf(role)!) }],
  "PUT /api/account": [{ call: () => ({ url: "/api/account", payload: { name: "Nom inchangé" } }), expect: signedIn }],
  "GET /api/account/data": [{ call: () => ({ url: "/api/account/data" }), expect: signedIn, check: (res, role) => expect(JSON.parse(res.body).account.email).toBe(emailOf(role)) }],
  // A wrong current password: past authorization, refused by the check of the password.
  "POST /api/account/password": [
    {
      call: () => ({ url: "/api/account/password", payload: { currentPassword: "pas le bon", newPassword: "un nouveau mot de passe" } }),
      expect: { ...everyone(400), anonymous: 401 },
      reason: { ...Object.fromEntries(ROLES.map((r) => [r, /Le mot de passe actuel est incorrect/])), anonymous: "Connectez-vous pour continuer." },
    },
  ],
  // The link's token is the only key: anyone holding a pending one reads it; an unknown or expired one, no one.
  "GET /api/invitations/:token": [
    { call: async (f) => ({ url: `/api/invitations/${await invitationToken(f, "pending")}` }), expect: everyone("ok"), check: (res) => expect(res.json()).toMatchObject({ contractName: expect.stringContaining("Melun Val de Seine"), role: "partner" }) },
    { call: () => ({ url: "/api/invitations/jeton-inconnu-de-test" }), expect: everyone(404), reason: /^Ce lien d'invitation n'existe pas/ },
  ],
  "POST /api/invitations/:token/accept": [
    { call: () => ({ url: "/api/invitations/jeton-inconnu-de-test/accept", payload: { name: "Quelqu'un", password: "un mot de passe assez long" } }), expect: everyone(404), reason: /^Ce lien d'invitation n'existe pas/ },
    {
      call: async (f) => ({ url: `/api/invitations/${await invitationToken(f, "expired")}/accept`, payload: { name: "Quelqu'un", password: "un mot de passe assez long" } }),
      expect: everyone(410),
      reason: /^Ce lien d'invitation a expiré/,
    },
  ],
  // The public page: everyone reads it once published, no one before.
  "GET /api/public/contracts/:slug": [
    { call: async (f) => ({ url: await publicPage(f, true) }), expect: everyone("ok"), check: (res) => expect(res.body).toContain("CAMVS") },
    { call: async (f) => ({ url: await publicPage(f, false) }), expect: everyone(404), reason: "Ce contrat n'a pas de page publique." },
  ],
  "GET /api/contracts/:contractId/bodies": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/bodies` }), expect: readers }],
  "POST /api/contracts/:contractId/bodies": [
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/bodies`, payload: { kind: "copil", name: "COPIL", rhythm: { kind: "per_year", count: 2 } } }), expect: managers },
  ],
  "PUT /api/bodies/:bodyId": [
    { call: async (f) => { const b = await freshBody(f); return { url: `/api/bodies/${b.id}`, payload: { kind: "cotech", name: "COTECH", rhythm: null, version: b.version } }; }, expect: managers },
  ],
  "DELETE /api/bodies/:bodyId": [{ call: async (f) => ({ url: `/api/bodies/${(await freshBody(f)).id}` }), expect: managers }],
  "GET /api/contracts/:contractId/governance-alerts": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/governance-alerts` }), expect: readers }],
  "GET /api/contracts/:contractId/meetings": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/meetings` }), expect: readers }],
  "POST /api/contracts/:contractId/meetings": [
    { call: async (f) => ({ url: `/api/contracts/${f.ids.camvs}/meetings`, payload: meetingPayload((await freshBody(f)).id) }), expect: managers },
  ],
  "GET /api/meetings/:meetingId": [{ call: async (f) => ({ url: `/api/meetings/${(await freshMeeting(f)).id}` }), expect: readers }],
  "PUT /api/meetings/:meetingId": [
    {
      call: async (f) => {
        const m = await freshMeeting(f);
        return { url: `/api/meetings/${m.id}`, payload: { ...meetingPayload(m.bodyId), headCount: 14, version: m.version } };
      },
      expect: managers,
    },
  ],
  "GET /api/actions/:actionId/milestones": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/milestones` }), expect: readers }],
  "POST /api/actions/:actionId/milestones": [
    // The lead plans the fiches they lead, and no other.
    { call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/milestones`, payload: { title: "Étape", plannedBy: "2022-06-30" } }), expect: { ...managers, lead: "ok" } },
    { call: (f) => ({ url: `/api/actions/${f.ids.otherAction}/milestones`, payload: { title: "Étape", plannedBy: "2022-06-30" } }), expect: managers },
  ],
  "PUT /api/milestones/:milestoneId": [
    {
      call: async (f) => {
        const m = await freshMilestone(f, f.ids.ledAction);
        return { url: `/api/milestones/${m.id}`, payload: { title: "Étape reportée", plannedBy: "2022-12-31", version: m.version } };
      },
      expect: { ...managers, lead: "ok" },
    },
  ],
  "DELETE /api/milestones/:milestoneId": [
    { call: async (f) => ({ url: `/api/milestones/${(await freshMilestone(f, f.ids.otherAction)).id}` }), expect: managers },
  ],
  "GET /api/actions/:actionId/progress": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/progress` }), expect: readers }],
  "POST /api/actions/:actionId/progress": [
    { call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/progress`, payload: { happenedOn: "2021-09-14", text: "Réunion de lancement tenue." } }), expect: { ...managers, lead: "ok" } },
    { call: (f) => ({ url: `/api/actions/${f.ids.otherAction}/progress`, payload: { happenedOn: "2021-09-14", text: "Réunion de lancement tenue." } }), expect: managers },
  ],
  "PUT /api/progress/:entryId": [
    {
      call: async (f) => {
        const res = await f.admin.inject({ method: "POST", url: `/api/actions/${f.ids.ledAction}/progress`, payload: { happenedOn: "2021-09-14", text: "Première version." } });
        const e = res.json<{ id: string; version: number }>();
        return { url: `/api/progress/${e.id}`, payload: { happenedOn: "2021-09-15", text: "Version corrigée.", version: e.version } };
      },
      expect: { ...managers, lead: "ok" },
    },
  ],
  // Not opened in tests (serve --dev-outbox): answered as an address that does not exist (server/features/dev/outbox.test.ts).
  "GET /api/dev/outbox": [{ call: () => ({ url: "/api/dev/outbox" }), expect: everyone(404), reason: UNKNOWN_ADDRESS }],
};

let ctx: TestContext;
let fixture: Fixture;
const clients = {} as Record<Role, TestClient>;

async function signIn(role: Role): Promise<TestClient> {
  return role === "anonymous" ? anonymousClient(ctx.server) : signedInClient(ctx.server, EMAILS[role]);
}

/**
 * After a row that replaced or ended a role's session: the session held before, if the server
 * still knows it (a link that signs in as a new account leaves it open), else a new sign-in —
 * so that the sign-in rate limit (per address) is not spent on every such row.
 */
async function resumeOrSignIn(role: Role, before: TestClient): Promise<TestClient> {
  if (role === "anonymous") return anonymousClient(ctx.server);
  const res = await before.inject({ url: "/api/auth/session" });
  const still = res.statusCode === 200 && res.json<{ user: { email: string } | null }>().user?.email === EMAILS[role];
  return still ? before : signIn(role);
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  const db = ctx.database.db;
  const slugId = async (slug: string) => (await db.select({ id: contracts.id }).from(contracts).where(eq(contracts.slug, slug)))[0]!.id;
  const camvs = await slugId("camvs-2021-2023");
  const fiche = async (n: number) => (await db.select().from(actions).where(and(eq(actions.contractId, camvs), eq(actions.number, n))))[0]!;
  const led = await fiche(5);
  fixture = { ctx, admin: ctx.app, ids: { camvs, capvm: await slugId("capvm-2019-2022"), ledAction: led.id, otherAction: (await fiche(1)).id, axis: led.axisId } };
  for (const role of ROLES) clients[role] = await signIn(role);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

/** Rows and roles run in a shuffled order: MATRIX_SEED=<n> picks another one, MATRIX_SEED=0 the declared order. */
const SEED = Number(process.env.MATRIX_SEED ?? 13);
const ROWS = shuffled(
  Object.entries(CASES).flatMap(([route, cases]) => cases.map((c, index) => ({ route, c, name: `${route}${cases.length > 1 ? ` (cas ${index + 1})` : ""}` }))),
  SEED,
);

describe(`the authorization matrix (MATRIX_SEED=${SEED})`, () => {
  it("has an entry for every API route, and every entry is a route", () => {
    expect(Object.keys(CASES).sort()).toEqual([...new Set(ctx.server.apiRoutes)].sort());
  });

  it("says why, for every row that gives every role the same answer", () => {
    const unexplained = ROWS.filter(({ c }) => sameForEveryone(c) && c.reason === undefined && c.check === undefined).map(({ name }) => name);
    expect(unexplained).toEqual([]);
  });

  ROWS.forEach(({ route, c, name }, index) => {
    const method = route.split(" ")[0] as "GET" | "POST" | "PUT" | "DELETE";
    it(name, async () => {
      const answers: Record<string, Expected> = {};
      for (const role of shuffled(ROLES, SEED === 0 ? 0 : SEED + index)) {
        const { url, payload, headers } = await c.call(fixture, role);
        const before = clients[role].clone();
        const res = await clients[role].inject({ method, url, ...(headers ? { headers } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        answers[role] = ok ? "ok" : res.statusCode;
        if (!ok) expectRefusal(c, role, res);
        else if (c.check) c.check(res, role);
        if (c.endsSession) clients[role] = await resumeOrSignIn(role, before);
        // The admin's sign-out everywhere also ends the session that prepares the targets.
        fixture.admin = clients.admin;
      }
      expect(answers).toEqual(c.expect);
    });
  });
});
