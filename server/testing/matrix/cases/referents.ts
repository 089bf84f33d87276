/**
 * Communes' referents and the relay to communes (issue 18): the coordination alone reads and
 * writes the referents (contact details are personal data) and relays news; a read-only review
 * link opens for anyone who has it, and a link nobody was sent opens nothing.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { TestClient } from "../../client.js";
import { type Cases, everyone, type Fixture, managers } from "../support.js";

interface Listed {
  communes: { id: string; technical: { version: number } | null }[];
}

/** CAMVS's first commune and its technical referent's version (null: none named). */
async function firstCommune(admin: TestClient, contractId: string) {
  const res = await admin.inject({ url: `/api/contracts/${contractId}/referents` });
  expect(res.statusCode, res.body).toBe(200);
  const commune = res.json<Listed>().communes[0]!;
  return { id: commune.id, version: commune.technical?.version ?? null };
}

export const referentPayload = (overrides: Record<string, unknown> = {}) => ({
  userId: null,
  organisationId: null,
  name: `Référente d'essai ${randomUUID().slice(0, 6)} (illustratif)`,
  email: "referente.essai@exemple.fr",
  phone: "01 64 00 00 00",
  namedOn: "2021-09-14",
  version: null,
  ...overrides,
});

const url = (f: Fixture, communeId: string) => `/api/contracts/${f.ids.camvs}/communes/${communeId}/referents/technical`;

/** A technical referent named (as admin) on CAMVS's first commune: its URL and version. */
async function freshReferent(f: Fixture) {
  const c = await firstCommune(f.admin, f.ids.camvs);
  const res = await f.admin.inject({ method: "PUT", url: url(f, c.id), payload: referentPayload({ version: c.version }) });
  expect(res.statusCode, res.body).toBe(200);
  return { url: url(f, c.id), version: res.json<{ version: number }>().version };
}

export const referentCases: Cases = {
  "GET /api/contracts/:contractId/referents": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/referents` }), expect: managers }],
  "PUT /api/contracts/:contractId/communes/:communeId/referents/:role": [
    {
      call: async (f) => {
        const c = await firstCommune(f.admin, f.ids.camvs);
        return { url: url(f, c.id), payload: referentPayload({ version: c.version }) };
      },
      expect: managers,
    },
  ],
  "DELETE /api/contracts/:contractId/communes/:communeId/referents/:role": [
    {
      call: async (f) => {
        const r = await freshReferent(f);
        return { url: `${r.url}?version=${r.version}` };
      },
      expect: managers,
    },
  ],
  "POST /api/contracts/:contractId/relays": [
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/relays`, payload: { subject: "Mars bleu (illustratif)", text: "Campagne de dépistage du cancer colorectal." } }), expect: managers },
  ],
  "GET /api/review-links/:token": [{ call: () => ({ url: `/api/review-links/${randomUUID()}${randomUUID()}` }), expect: everyone(404), reason: "Ce lien ne mène à aucune revue publiée." }],
};
