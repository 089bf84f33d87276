/**
 * « Comptes » (issue 15): the platform admin alone manages accounts, ARS territories and
 * ARS invitations; an ARS invitation's link is its only key, as a contract invitation's.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { createUser } from "../../../features/accounts/service.js";
import { inviteArs } from "../../../features/users/ars-invitations.js";
import { MAIL_QUEUE } from "../../../mail/retry.js";
import { systemActor } from "../../../policies/index.js";
import { adminOnly, everyone, type Cases, type Fixture } from "../support.js";

const FORBIDDEN = "Vous n'avez pas le droit de faire cette action.";

/** A fresh account (a partner-like person, no role), so that no row changes another's target. */
async function freshUser(f: Fixture): Promise<string> {
  return createUser(f.ctx.database.db, { email: `compte-${randomUUID()}@test.fr`, name: "Compte de test", password: randomUUID() });
}

/** A fresh pending ARS invitation's token. */
async function arsToken(f: Fixture): Promise<string> {
  const invited = await inviteArs(f.ctx.database.db, systemActor("matrice"), { email: `ars-${randomUUID()}@test.fr`, departements: ["21"], regions: [] });
  return invited.token;
}

/** A mail given up after its last try, as the queue leaves it (server/mail/retry.ts). */
async function failedMail(f: Fixture): Promise<string> {
  await f.ctx.server.queue.start();
  const result = await f.ctx.database.db.execute(
    sql`insert into pgboss.job (name, data, state) values (${MAIL_QUEUE}, ${JSON.stringify({ to: "perdu@test.fr", subject: "Test", text: "Test" })}::jsonb, 'failed') returning id::text`,
  );
  const rows = Array.isArray(result) ? result : (result as { rows: { id: string }[] }).rows;
  return (rows[0] as { id: string }).id;
}

const refusal = { coordinator: FORBIDDEN, lead: FORBIDDEN, partner: FORBIDDEN, ars: FORBIDDEN, outsider: FORBIDDEN };

export const userCases: Cases = {
  "GET /api/admin/mail-failures": [{ call: () => ({ url: "/api/admin/mail-failures" }), expect: adminOnly, reason: refusal }],
  "POST /api/admin/mail-failures/:mailId/retry": [{ call: async (f) => ({ url: `/api/admin/mail-failures/${await failedMail(f)}/retry` }), expect: adminOnly, reason: refusal }],
  "GET /api/admin/users": [{ call: () => ({ url: "/api/admin/users?q=test" }), expect: adminOnly, reason: refusal }],
  "GET /api/admin/territories": [{ call: () => ({ url: "/api/admin/territories" }), expect: adminOnly, reason: refusal }],
  "POST /api/admin/users": [
    { call: () => ({ url: "/api/admin/users", payload: { email: `ars-${randomUUID()}@test.fr`, name: "Délégation de test", role: "ars", departements: ["21"] } }), expect: adminOnly, reason: refusal },
  ],
  "PUT /api/admin/users/:userId/scopes": [{ call: async (f) => ({ url: `/api/admin/users/${await freshUser(f)}/scopes`, payload: { departements: ["77"], regions: ["27"] } }), expect: adminOnly, reason: refusal }],
  "POST /api/admin/users/:userId/deactivate": [{ call: async (f) => ({ url: `/api/admin/users/${await freshUser(f)}/deactivate` }), expect: adminOnly, reason: refusal }],
  "POST /api/admin/users/:userId/anonymise": [{ call: async (f) => ({ url: `/api/admin/users/${await freshUser(f)}/anonymise` }), expect: adminOnly, reason: refusal }],
  "POST /api/admin/users/:userId/reactivate": [{ call: async (f) => ({ url: `/api/admin/users/${await freshUser(f)}/reactivate` }), expect: adminOnly, reason: refusal }],
  "POST /api/admin/users/:userId/reset-link": [{ call: async (f) => ({ url: `/api/admin/users/${await freshUser(f)}/reset-link` }), expect: adminOnly, reason: refusal }],
  "POST /api/admin/ars-invitations": [
    { call: () => ({ url: "/api/admin/ars-invitations", payload: { email: `ars-${randomUUID()}@test.fr`, departements: ["21"], regions: [] } }), expect: adminOnly, reason: refusal },
  ],
  "GET /api/admin/ars-invitations": [{ call: () => ({ url: "/api/admin/ars-invitations" }), expect: adminOnly, reason: refusal }],
  "DELETE /api/admin/ars-invitations/:invitationId": [
    {
      call: async (f) => {
        await arsToken(f);
        const { invitations } = (await f.admin.inject({ url: "/api/admin/ars-invitations" })).json<{ invitations: { id: string }[] }>();
        return { url: `/api/admin/ars-invitations/${invitations.at(-1)!.id}` };
      },
      expect: adminOnly,
      reason: refusal,
    },
  ],
  "GET /api/ars-invitations/:token": [
    { call: async (f) => ({ url: `/api/ars-invitations/${await arsToken(f)}` }), expect: everyone("ok"), check: (res) => expect(res.json()).toMatchObject({ scopes: [{ level: "department", code: "21" }] }) },
    { call: () => ({ url: "/api/ars-invitations/jeton-inconnu-de-test" }), expect: everyone(404), reason: /^Ce lien d'invitation n'existe pas/ },
  ],
  "POST /api/ars-invitations/:token/accept": [
    { call: () => ({ url: "/api/ars-invitations/jeton-inconnu-de-test/accept", payload: { name: "Quelqu'un", password: "un mot de passe assez long" } }), expect: everyone(404), reason: /^Ce lien d'invitation n'existe pas/ },
    // Whoever holds the link creates the account and is signed in as it.
    {
      call: async (f) => ({ url: `/api/ars-invitations/${await arsToken(f)}/accept`, payload: { name: "Délégué·e", password: "un mot de passe assez long" } }),
      expect: everyone("ok"),
      endsSession: true,
      check: (res) => expect(res.json()).toMatchObject({ user: { name: "Délégué·e", isAdmin: false } }),
    },
  ],
};
