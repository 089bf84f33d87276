/** Indicator measurements and partner remarks (issue 5). */
import { expect } from "vitest";
import { type Cases, type Fixture, json, managers, readers } from "../support.js";

const leadToo = { ...managers, lead: "ok" as const };
// Every reader of the contract may write a remark; ARS delegations too.
const remarkers = readers;

const firstIndicator = async (f: Fixture, actionId: string) => (await json<{ items: { id: string }[] }>(f.admin, `/api/actions/${actionId}/indicators`)).items[0]!.id;

async function freshMeasurement(f: Fixture, actionId: string): Promise<{ id: string; version: number }> {
  const res = await f.admin.inject({ method: "POST", url: `/api/actions/${actionId}/measurements`, payload: { indicatorId: await firstIndicator(f, actionId), measuredOn: "2021-09-14", value: 3 } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function freshRemark(f: Fixture): Promise<string> {
  const res = await f.admin.inject({ method: "POST", url: `/api/actions/${f.ids.ledAction}/comments`, payload: { body: "Remarque de test" } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

export const indicatorCases: Cases = {
  "GET /api/actions/:actionId/indicators": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/indicators` }), expect: readers }],
  "POST /api/actions/:actionId/measurements": [
    { call: async (f) => ({ url: `/api/actions/${f.ids.ledAction}/measurements`, payload: { indicatorId: await firstIndicator(f, f.ids.ledAction), measuredOn: "2021-09-14", value: 2 } }), expect: leadToo },
    { call: async (f) => ({ url: `/api/actions/${f.ids.otherAction}/measurements`, payload: { indicatorId: await firstIndicator(f, f.ids.otherAction), measuredOn: "2021-09-14", value: 2 } }), expect: managers },
  ],
  "PUT /api/measurements/:measurementId": [
    {
      call: async (f) => {
        const m = await freshMeasurement(f, f.ids.ledAction);
        return { url: `/api/measurements/${m.id}`, payload: { measuredOn: "2021-09-15", value: 4, version: m.version } };
      },
      expect: leadToo,
    },
  ],
  "DELETE /api/measurements/:measurementId": [
    { call: async (f) => ({ url: `/api/measurements/${(await freshMeasurement(f, f.ids.ledAction)).id}` }), expect: leadToo },
    { call: async (f) => ({ url: `/api/measurements/${(await freshMeasurement(f, f.ids.otherAction)).id}` }), expect: managers },
  ],
  "GET /api/indicators/:indicatorId/chart.svg": [{ call: async (f) => ({ url: `/api/indicators/${await firstIndicator(f, f.ids.ledAction)}/chart.svg` }), expect: readers }],
  "GET /api/actions/:actionId/comments": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/comments` }), expect: readers }],
  "POST /api/actions/:actionId/comments": [{ call: (f) => ({ url: `/api/actions/${f.ids.ledAction}/comments`, payload: { body: "Une remarque" } }), expect: remarkers }],
  // Only the author corrects a remark: here the admin wrote it.
  "PUT /api/comments/:commentId": [
    { call: async (f) => ({ url: `/api/comments/${await freshRemark(f)}`, payload: { body: "Corrigée" } }), expect: { ...readers, coordinator: 403, lead: 403, partner: 403, ars: 403 } },
  ],
  // The author or the coordination removes it.
  "DELETE /api/comments/:commentId": [{ call: async (f) => ({ url: `/api/comments/${await freshRemark(f)}` }), expect: managers }],
};
