/** The read pages the bench loads, the users that read them, and how the bench finds its contract and fiche. */
import { DEMO_PASSWORD } from "../server/demo/accounts.js";
import { BENCH_PASSWORD } from "./data/national.js";
import { benchEmails } from "./data/national-sql.js";
import { getJson, type Session } from "./http.js";

export type Reader = "coordinator" | "ars" | "admin";
export type Credentials = Record<Reader, { email: string; password: string }>;

export interface Ids {
  contractId: string;
  actionId: string;
  year: number;
}

export interface Page {
  key: string;
  name: string;
  reader: Reader;
  path: (ids: Ids) => string;
  /** In `--quick` too. */
  quick?: boolean;
  /** A latency target instead of the share of hello-world's req/s: p95 at the bench's concurrency, in ms (issue 15: territory overview ≤ 50 ms). */
  p95Target?: number;
}

export const PAGES: Page[] = [
  { key: "dashboard", name: "contract dashboard", reader: "coordinator", path: (i) => `/api/contracts/${i.contractId}/dashboard`, quick: true },
  { key: "contract", name: "contract page", reader: "coordinator", path: (i) => `/api/contracts/${i.contractId}` },
  { key: "fiche", name: "fiche page", reader: "coordinator", path: (i) => `/api/actions/${i.actionId}`, quick: true },
  { key: "cotech", name: "COTECH table", reader: "coordinator", path: (i) => `/api/contracts/${i.contractId}/cotech-table?year=${i.year}` },
  { key: "fiches", name: "fiche list", reader: "coordinator", path: (i) => `/api/contracts/${i.contractId}/actions` },
  { key: "timeline", name: "timeline", reader: "coordinator", path: (i) => `/api/contracts/${i.contractId}/timeline` },
  { key: "ars-list", name: "ARS contract list", reader: "ars", path: () => `/api/contracts` },
  { key: "admin-list", name: "admin contract list", reader: "admin", path: () => `/api/contracts`, quick: true },
  // The ARS's whole territory: the region Île-de-France on the national dataset, the 77 on the demo (issue 15).
  { key: "territory-region", name: "territory overview, ARS region", reader: "ars", path: () => `/api/territories/overview`, p95Target: 50 },
  { key: "territory-all", name: "territory overview, whole instance", reader: "admin", path: () => `/api/territories/overview`, p95Target: 50 },
];

/** National dataset: contract 1 (département 77), its coordinator, the ARS of Île-de-France (region), the admin. */
export const NATIONAL_USERS: Credentials = {
  coordinator: { email: benchEmails.coordinator(1), password: BENCH_PASSWORD },
  ars: { email: benchEmails.arsRegion, password: BENCH_PASSWORD },
  admin: { email: benchEmails.admin, password: BENCH_PASSWORD },
};

/** Demo data: CAPVM's coordinator, the ARS of département 77, the admin. */
export const DEMO_USERS: Credentials = {
  coordinator: { email: "thomas.petit@capvm.test", password: DEMO_PASSWORD },
  ars: { email: "ars77@ars-idf.test", password: DEMO_PASSWORD },
  admin: { email: "admin@cles.test", password: DEMO_PASSWORD },
};

interface ListedContract {
  id: string;
  slug: string;
  startDate: string;
}

/** The coordinator's contract (CAPVM in the demo), its fiche n° 1 (or first), and a year of its period. */
export async function resolveIds(baseUrl: string, coordinator: Session): Promise<Ids> {
  const list = await getJson<{ items: ListedContract[] }>(baseUrl, "/api/contracts", coordinator);
  const contract = list.items.find((c) => c.slug.startsWith("capvm")) ?? list.items[0];
  if (!contract) throw new Error("the bench coordinator sees no contract");
  const fiches = await getJson<{ items: { id: string; number: number }[] }>(baseUrl, `/api/contracts/${contract.id}/actions`, coordinator);
  const fiche = fiches.items.find((a) => a.number === 1) ?? fiches.items[0];
  if (!fiche) throw new Error("the bench contract has no fiche");
  const year = contract.slug.startsWith("capvm") ? 2021 : Number(contract.startDate.slice(0, 4)) + 1;
  return { contractId: contract.id, actionId: fiche.id, year };
}
