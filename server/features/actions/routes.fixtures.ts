/** Shared setup and helpers of the fiche route tests (routes.*.test.ts). */
import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import type { TestClient } from "../../testing/client.js";
import { afterAll, beforeAll, expect } from "vitest";
import { actionBudgets, actionPartners, actions, indicators } from "../../db/schema.js";
import { blankActionContent } from "./schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";

export interface ListItem {
  id: string;
  number: number;
  title: string;
  status: string;
  startMonth: string | null;
  endMonth: string | null;
  themes: { theme: string; other: string | null }[];
  territoryScope: string;
  archivedAt: string | null;
  axis: { id: string; number: number; title: string };
  objective: { id: string; code: string } | null;
  lead: { organisationId: string; name: string; shortName: string | null; person: string | null } | null;
  /** The people who pilot it (accounts with role lead on it). */
  pilots: { id: string; name: string }[];
  budget: BudgetTotals;
  rank: number;
}
export interface ListResponse {
  items: ListItem[];
  total: number;
  sort: string;
  facets: { leads: { id: string; name: string; shortName: string | null }[]; themes: string[] };
}
export interface Partner {
  sector: string;
  organisation: string;
  organisationName: string;
  person: string | null;
  needsAnalysis: boolean;
  resourceMobilisation: boolean;
  implementation: boolean;
  coSteering: boolean;
}
export interface Indicator {
  id: string;
  kind: string;
  label: string;
  unit: string;
  baseline: number | null;
  target: number | null;
}
export interface BudgetTotals {
  total: number;
  secured: number;
  requested: number;
}
export interface Budget extends BudgetTotals {
  lines: { year: number; amount: number; funder: { id: string; name: string }; status: "secured" | "requested" }[];
}
export interface ActionView {
  id: string;
  contractId: string;
  version: number;
  archivedAt: string | null;
  updatedAt: string;
  axisId: string;
  objectiveId: string | null;
  axis: { id: string; number: number; title: string };
  objective: { id: string; code: string; title: string } | null;
  number: number;
  title: string;
  status: string;
  lead: { organisation: string; person: string | null; organisationName: string } | null;
  pilots: { id: string; name: string }[];
  startMonth: string | null;
  endMonth: string | null;
  justification: { text: string; inequalitiesIdentified: boolean | null; cityContractHealth: string | null };
  specificObjective: string;
  operationalObjectives: string[];
  description: string;
  preExisting: boolean | null;
  targetPublic: string;
  place: string;
  territory: { scope: string; communes: string[] };
  determinants: string[];
  themes: { theme: string; other: string | null }[];
  otherPlans: string[];
  prsProjects: string[];
  partners: Partner[];
  participation: { involved: boolean | null; how: string; degree: string | null };
  indicators: Indicator[];
  budget: Budget;
}
export interface ContractView {
  id: string;
  slug: string;
  organisations: { id: string; name: string; shortName: string | null }[];
  axes: { id: string; number: number; title: string; objectives: { id: string; code: string; title: string }[] }[];
}

/** Set by useSeededApp() before the tests of a file run (live ES module bindings). */
export let ctx: TestContext;
export let app: TestClient;
export let capvm: ContractView;
export let camvs: ContractView;

export async function getContract(id: string): Promise<ContractView> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractView>();
}

/** One API on a fresh database with the demo contracts, for the whole test file. */
export function useSeededApp(): void {
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
    app = ctx.app;
    const res = await app.inject({ method: "GET", url: "/api/contracts" });
    const items = res.json<{ items: { id: string; slug: string }[] }>().items;
    capvm = await getContract(items.find((c) => c.slug === "capvm-2019-2022")!.id);
    camvs = await getContract(items.find((c) => c.slug === "camvs-2021-2023")!.id);
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

export const org = (c: ContractView, name: string) => {
  const found = c.organisations.find((o) => o.name === name);
  if (!found) throw new Error(`no organisation ${name}`);
  return found.id;
};
export const axis = (c: ContractView, number: number) => c.axes.find((a) => a.number === number)!;
export const objective = (c: ContractView, code: string) => c.axes.flatMap((a) => a.objectives).find((o) => o.code === code)!;

export async function list(contractId: string, query: Record<string, string> = {}): Promise<ListResponse> {
  const qs = new URLSearchParams(query).toString();
  const res = await app.inject({ method: "GET", url: `/api/contracts/${contractId}/actions${qs ? `?${qs}` : ""}` });
  expect(res.statusCode).toBe(200);
  return res.json<ListResponse>();
}
export const numbersOf = async (contractId: string, query: Record<string, string> = {}) => (await list(contractId, query)).items.map((i) => i.number);

export async function getAction(id: string): Promise<ActionView> {
  const res = await app.inject({ method: "GET", url: `/api/actions/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<ActionView>();
}

export async function ficheId(contract: ContractView, number: number): Promise<string> {
  const item = (await list(contract.id)).items.find((i) => i.number === number);
  if (!item) throw new Error(`no fiche ${number}`);
  return item.id;
}

/** Rows of the fiche tables (all contracts, archived included): nothing written means nothing changes here. */
export async function rowCounts() {
  const db = ctx.database.db;
  const [[a], [p], [i], [b]] = await Promise.all([
    db.select({ n: count() }).from(actions),
    db.select({ n: count() }).from(actionPartners),
    db.select({ n: count() }).from(indicators),
    db.select({ n: count() }).from(actionBudgets),
  ]);
  return { actions: a!.n, partners: p!.n, indicators: i!.n, budgets: b!.n };
}

/** A valid creation body for a fiche of `contract` (axis 1 unless told). */
export function ficheBody(contract: ContractView, overrides: Record<string, unknown> = {}) {
  return {
    ...blankActionContent(90),
    title: "Fiche d'essai",
    determinants: ["Système de santé"] as string[],
    startMonth: "2020-01",
    endMonth: "2022-12",
    themes: [] as { theme: string; other: string | null }[],
    prsProjects: [] as string[],
    partners: [] as Record<string, unknown>[],
    indicators: [] as Record<string, unknown>[],
    axisId: axis(contract, 1).id,
    objectiveId: null as string | null,
    ...overrides,
  };
}

export function partner(organisation: string, sector = "Santé") {
  return { sector, organisation, person: null, needsAnalysis: true, resourceMobilisation: false, implementation: true, coSteering: false };
}

export async function createFiche(contract: ContractView, overrides: Record<string, unknown> = {}): Promise<ActionView> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contract.id}/actions`, payload: ficheBody(contract, overrides) });
  expect(res.statusCode).toBe(201);
  return res.json<ActionView>();
}

/** The PUT body of a fiche as read. */
export function toUpdateBody(v: ActionView) {
  return {
    number: v.number,
    title: v.title,
    status: v.status,
    lead: v.lead ? { organisation: v.lead.organisation, person: v.lead.person } : null,
    startMonth: v.startMonth,
    endMonth: v.endMonth,
    justification: v.justification,
    specificObjective: v.specificObjective,
    operationalObjectives: v.operationalObjectives,
    description: v.description,
    preExisting: v.preExisting,
    targetPublic: v.targetPublic,
    place: v.place,
    territory: v.territory,
    determinants: v.determinants,
    themes: v.themes,
    otherPlans: v.otherPlans,
    prsProjects: v.prsProjects,
    partners: v.partners.map(({ organisationName: _n, ...p }) => p),
    participation: v.participation,
    indicators: v.indicators,
    budgets: v.budget.lines.map((l) => ({ year: l.year, amount: l.amount, funderId: l.funder.id, status: l.status })),
    axisId: v.axisId,
    objectiveId: v.objectiveId,
    version: v.version,
  };
}

/** A new contract with its own territory, directory and axis, to test without touching the demo. */
export async function createContract(communes: string[]): Promise<ContractView> {
  const res = await app.inject({
    method: "POST",
    url: "/api/contracts",
    payload: {
      slug: `fiches-${randomUUID().slice(0, 8)}`,
      name: "CLS des fiches",
      localAuthority: "Communauté d'essai",
      startDate: "2024-01-01",
      endDate: "2026-12-31",
      status: "draft",
      summary: "",
      communes: communes.map((inseeCode, i) => ({ inseeCode, name: `Commune ${i + 1}`, population: null })),
      priorityAreas: [],
      signatories: [],
    },
  });
  expect(res.statusCode).toBe(201);
  const id = res.json<{ id: string }>().id;
  expect((await app.inject({ method: "POST", url: `/api/contracts/${id}/axes`, payload: { title: "Axe unique", description: "" } })).statusCode).toBe(201);
  return getContract(id);
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
