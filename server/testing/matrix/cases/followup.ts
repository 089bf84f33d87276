/** Remaining work and adjustments of a fiche (issue 5): the lead writes on the fiches they lead only. */
import { expect } from "vitest";
import { type Cases, type Fixture, managers, readers } from "../support.js";

const leadToo = { ...managers, lead: "ok" as const };

async function freshRemaining(f: Fixture, actionId: string): Promise<{ id: string; version: number; text: string }> {
  const res = await f.admin.inject({ method: "POST", url: `/api/actions/${actionId}/remaining`, payload: { text: "Reste-à-faire de test" } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The fiche's remaining work (one item at least) in reverse order: a valid, changing order. */
async function reversedRemaining(f: Fixture, actionId: string): Promise<{ url: string; payload: { ids: string[] } }> {
  await freshRemaining(f, actionId);
  const items = (await f.admin.inject({ url: `/api/actions/${actionId}/remaining` })).json<{ items: { id: string }[] }>().items;
  return { url: `/api/actions/${actionId}/remaining/order`, payload: { ids: items.map((i) => i.id).reverse() } };
}

/** A merge agreed in committee: beyond a proposal, it concerns the other fiche too. */
const agreedMerge = (targetActionId: string) => ({ kind: "merge", targetActionId, description: "Fusion de test", status: "agreed", agreedOn: "2021-09-14" });

async function freshAdjustment(f: Fixture, actionId: string, targetActionId?: string): Promise<{ id: string; version: number }> {
  const payload = targetActionId ? agreedMerge(targetActionId) : { kind: "other", description: "Ajustement de test" };
  const res = await f.admin.inject({ method: "POST", url: `/api/actions/${actionId}/adjustments`, payload });
  expect(res.statusCode).toBe(201);
  return res.json();
}

export const followUpCases: Cases = {
  "GET /api/actions/:actionId/remaining": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/remaining` }), expect: readers }],
  "POST /api/actions/:actionId/remaining": [
    { call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/remaining`, payload: { text: "À faire" } }), expect: leadToo },
    { call: (f) => ({ url: `/api/actions/${f.ids.otherAction}/remaining`, payload: { text: "À faire" } }), expect: managers },
  ],
  "PUT /api/actions/:actionId/remaining/order": [
    { call: (f) => reversedRemaining(f, f.ids.ledAction), expect: leadToo },
    { call: (f) => reversedRemaining(f, f.ids.otherAction), expect: managers },
  ],
  "PUT /api/remaining/:itemId": [
    {
      call: async (f) => {
        const r = await freshRemaining(f, f.ids.ledAction);
        return { url: `/api/remaining/${r.id}`, payload: { text: r.text, doneOn: "2021-09-14", version: r.version } };
      },
      expect: leadToo,
    },
  ],
  "DELETE /api/remaining/:itemId": [
    { call: async (f) => ({ url: `/api/remaining/${(await freshRemaining(f, f.ids.ledAction)).id}` }), expect: leadToo },
    { call: async (f) => ({ url: `/api/remaining/${(await freshRemaining(f, f.ids.otherAction)).id}` }), expect: managers },
  ],
  "GET /api/actions/:actionId/adjustments": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/adjustments` }), expect: readers }],
  "POST /api/actions/:actionId/adjustments": [
    { call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/adjustments`, payload: { kind: "reschedule", description: "Décaler en 2022" } }), expect: leadToo },
    { call: (f) => ({ url: `/api/actions/${f.ids.otherAction}/adjustments`, payload: { kind: "reschedule", description: "Décaler en 2022" } }), expect: managers },
    // A merge agreed or done changes both fiches (issue 12): the lead merges neither her fiche into another's, nor another's into hers…
    { call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/adjustments`, payload: agreedMerge(f.ids.otherAction) }), expect: managers },
    { call: (f) => ({ url: `/api/actions/${f.ids.otherAction}/adjustments`, payload: agreedMerge(f.ids.ledAction) }), expect: managers },
    // …but proposes one from her fiche.
    { call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/adjustments`, payload: { kind: "merge", targetActionId: f.ids.otherAction } }), expect: leadToo },
  ],
  "PUT /api/adjustments/:adjustmentId": [
    {
      call: async (f) => {
        const a = await freshAdjustment(f, f.ids.ledAction);
        return { url: `/api/adjustments/${a.id}`, payload: { kind: "other", description: "Validé", status: "agreed", agreedOn: "2021-09-14", version: a.version } };
      },
      expect: leadToo,
    },
    {
      call: async (f) => {
        const a = await freshAdjustment(f, f.ids.ledAction, f.ids.otherAction);
        return { url: `/api/adjustments/${a.id}`, payload: { ...agreedMerge(f.ids.otherAction), description: "Fusion validée", version: a.version } };
      },
      expect: managers,
    },
  ],
  "DELETE /api/adjustments/:adjustmentId": [
    { call: async (f) => ({ url: `/api/adjustments/${(await freshAdjustment(f, f.ids.otherAction)).id}` }), expect: managers },
    { call: async (f) => ({ url: `/api/adjustments/${(await freshAdjustment(f, f.ids.ledAction, f.ids.otherAction)).id}` }), expect: managers },
  ],
};
