/**
 * The territory of an ARS delegation (issue 15, item 5): its overview, exports and open data
 * answer the platform admin and the ARS (of the 77, the demo contracts' département), and refuse
 * everyone else (403, 401 signed out); the comparison answers whoever reads both contracts (else
 * 404, as any contract read); the scope picker answers anyone signed in.
 */
import { expect } from "vitest";
import type { Expected, Role } from "../support.js";
import { type Cases, signedIn } from "../support.js";

const territoryReaders: Record<Role, Expected> = { admin: "ok", coordinator: 403, lead: 403, partner: 403, ars: "ok", outsider: 403, anonymous: 401 };
const OUTSIDE = "Ce territoire est hors du périmètre de votre compte.";
const reason = { coordinator: OUTSIDE, lead: OUTSIDE, partner: OUTSIDE, outsider: OUTSIDE };

/** A file route of the territory: the same readers, the file's type. */
const file = (path: string, type: string): Cases[string] => [
  {
    call: () => ({ url: `/api/territories/${path}` }),
    expect: territoryReaders,
    reason,
    check: (res) => expect(res.headers["content-type"]).toContain(type),
  },
];

export const territoryCases: Cases = {
  "GET /api/territories/scope": [
    {
      call: () => ({ url: "/api/territories/scope" }),
      expect: signedIn,
      check: (res, role) => {
        const body = res.json<{ all: boolean; departements: string[] }>();
        expect(body.all, role).toBe(role === "admin");
        if (role === "ars") expect(body.departements).toEqual(["77"]);
        if (role !== "admin" && role !== "ars") expect(body.departements, role).toEqual([]);
      },
    },
  ],
  "GET /api/territories/overview": [
    {
      call: () => ({ url: "/api/territories/overview" }),
      expect: territoryReaders,
      reason,
      check: (res, role) => {
        const body = res.json<{ contracts: { items: { id: string; departements: string[] }[] } }>();
        expect(body.contracts.items.length, role).toBeGreaterThanOrEqual(2);
        // The ARS of the 77 never sees a contract without a commune in the 77.
        if (role === "ars") for (const c of body.contracts.items) expect(c.departements).toContain("77");
      },
    },
    { call: () => ({ url: "/api/territories/overview?departement=21" }), expect: { ...territoryReaders, ars: 403 }, reason: { ...reason, ars: OUTSIDE } },
  ],
  "GET /api/territories/compare": [
    {
      call: (f) => ({ url: `/api/territories/compare?contracts=${f.ids.camvs},${f.ids.capvm}` }),
      expect: { admin: "ok", coordinator: 404, lead: 404, partner: 404, ars: "ok", outsider: 404, anonymous: 401 },
      reason: { coordinator: "Ce contrat est introuvable.", lead: "Ce contrat est introuvable.", partner: "Ce contrat est introuvable.", outsider: "Ce contrat est introuvable." },
      check: (res) => expect(res.json<{ contracts: unknown[] }>().contracts).toHaveLength(2),
    },
  ],
  "GET /api/territories/overview.xlsx": file("overview.xlsx", "spreadsheetml"),
  "GET /api/territories/overview.csv": file("overview.csv", "text/csv"),
  "GET /api/territories/fiches.xlsx": file("fiches.xlsx", "spreadsheetml"),
  "GET /api/territories/fiches.csv": file("fiches.csv", "text/csv"),
  "GET /api/territories/open-data.zip": file("open-data.zip", "application/zip"),
};
