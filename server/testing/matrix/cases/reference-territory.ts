/** The official territory (issue 15): reference data for everyone signed in, never for an anonymous caller. */
import { expect } from "vitest";
import { type Cases, signedIn } from "../support.js";

export const referenceTerritoryCases: Cases = {
  "GET /api/reference/communes": [
    {
      call: () => ({ url: "/api/reference/communes?q=melun" }),
      expect: signedIn,
      check: (res) => expect(res.json<{ items: { code: string }[] }>().items[0]?.code).toBe("77288"),
    },
  ],
  "GET /api/reference/communes/:code": [
    { call: () => ({ url: "/api/reference/communes/77288" }), expect: signedIn, check: (res) => expect(res.json<{ name: string }>().name).toBe("Melun") },
  ],
  "GET /api/reference/epcis": [
    {
      call: () => ({ url: `/api/reference/epcis?q=${encodeURIComponent("Paris - Vallée de la Marne")}` }),
      expect: signedIn,
      check: (res) => expect(res.json<{ items: { code: string }[] }>().items[0]?.code).toBe("200057958"),
    },
  ],
  "GET /api/reference/epcis/:code": [
    { call: () => ({ url: "/api/reference/epcis/247700057" }), expect: signedIn, check: (res) => expect(res.json<{ communes: unknown[] }>().communes).toHaveLength(20) },
  ],
};
