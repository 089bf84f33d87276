/** Search across a contract (issue 15): whoever reads the contract searches it; no one else learns it exists. */
import { expect } from "vitest";
import { type Cases, readers } from "../support.js";

export const searchCases: Cases = {
  "GET /api/contracts/:contractId/search": [
    {
      call: (f) => ({ url: `/api/contracts/${f.ids.camvs}/search?q=${encodeURIComponent("Octobre Rose")}` }),
      expect: readers,
      reason: { outsider: "Ce contrat est introuvable." },
      check: (res) => {
        const milestones = res.json<{ groups: { kind: string; count: number }[] }>().groups.find((g) => g.kind === "milestone");
        expect(milestones?.count).toBeGreaterThan(0);
      },
    },
  ],
};
