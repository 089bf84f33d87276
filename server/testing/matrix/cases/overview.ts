/** The coordinator's views (issue 5): every reader sees them; the table's own rows are the coordination's. */
import { expect } from "vitest";
import { type Cases, type Fixture, managers, readers } from "../support.js";

async function freshItem(f: Fixture): Promise<{ id: string; version: number }> {
  const res = await f.admin.inject({ method: "POST", url: `/api/contracts/${f.ids.camvs}/follow-up-items`, payload: { year: 2021, section: "transversal", title: "Ligne de test" } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

export const overviewCases: Cases = {
  "GET /api/contracts/:contractId/cotech-table": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/cotech-table?year=2021` }), expect: readers }],
  "GET /api/contracts/:contractId/cotech-table.xlsx": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/cotech-table.xlsx?year=2021` }), expect: readers }],
  "GET /api/contracts/:contractId/dashboard": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/dashboard` }), expect: readers }],
  "GET /api/contracts/:contractId/timeline": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/timeline` }), expect: readers }],
  "POST /api/contracts/:contractId/follow-up-items": [
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/follow-up-items`, payload: { year: 2021, section: "process", title: "Ligne" } }), expect: managers },
  ],
  "PUT /api/follow-up-items/:itemId": [
    { call: async (f) => { const i = await freshItem(f); return { url: `/api/follow-up-items/${i.id}`, payload: { title: "Ligne corrigée", adjustments: "", version: i.version } }; }, expect: managers },
  ],
  "DELETE /api/follow-up-items/:itemId": [{ call: async (f) => ({ url: `/api/follow-up-items/${(await freshItem(f)).id}` }), expect: managers }],
};
