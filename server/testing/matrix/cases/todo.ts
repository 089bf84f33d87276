/**
 * « À faire » (issue 15): « Mes fiches » answers anyone signed in (with their own fiches);
 * the contract's list of what is due is the coordination's.
 */
import { expect } from "vitest";
import { type Cases, managers, signedIn } from "../support.js";

export const todoCases: Cases = {
  "GET /api/my/fiches": [
    {
      call: () => ({ url: "/api/my/fiches" }),
      expect: signedIn,
      check: (res, role) => {
        const body = res.json<{ coordinates: boolean; contracts: { fiches: unknown[] }[] }>();
        // The « outsider » of CAMVS coordinates CAPVM.
        expect(body.coordinates, role).toBe(role === "admin" || role === "coordinator" || role === "outsider");
        if (role === "lead") expect(body.contracts.flatMap((c) => c.fiches).length, role).toBeGreaterThan(0);
        if (role === "partner" || role === "ars") expect(body.contracts, role).toEqual([]);
      },
    },
  ],
  "GET /api/contracts/:contractId/todo": [{ call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/todo` }), expect: managers }],
};
