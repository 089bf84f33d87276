/** « Référentiels régionaux » (issue 15): read by anyone signed in, edited by the platform admin alone; a contract's, by its readers. */
import { expect } from "vitest";
import { adminOnly, readers, signedIn, type Cases } from "../support.js";

const FORBIDDEN = "Vous n'avez pas le droit de faire cette action.";
const refusal = { coordinator: FORBIDDEN, lead: FORBIDDEN, partner: FORBIDDEN, ars: FORBIDDEN, outsider: FORBIDDEN };

export const referentialCases: Cases = {
  "GET /api/referentials": [{ call: () => ({ url: "/api/referentials" }), expect: signedIn, check: (res) => expect(res.json().referentials).toHaveLength(18) }],
  "GET /api/referentials/:regionCode": [{ call: () => ({ url: "/api/referentials/11" }), expect: signedIn, check: (res) => expect(res.json()).toMatchObject({ arsName: "ARS Île-de-France" }) }],
  "PUT /api/referentials/:regionCode": [
    {
      // Corse: read its current version first, so that the admin's save is never stale.
      call: async (f) => {
        const { version } = (await f.admin.inject({ url: "/api/referentials/94" })).json<{ version: number }>();
        return { url: "/api/referentials/94", payload: { arsName: "ARS de Corse", templateWording: "", prsName: "PRS Corse", prsEdition: "", prsProjects: [], regionalPlans: [], version } };
      },
      expect: adminOnly,
      reason: refusal,
    },
  ],
  "GET /api/contracts/:contractId/referential": [
    { call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/referential` }), expect: readers, check: (res) => expect(res.json().referential.regionCode).toBe("11") },
  ],
};
