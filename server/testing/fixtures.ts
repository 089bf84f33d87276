/**
 * Helpers of the API tests: the demo app for a test file, bodies, and objects created through the API.
 * Every helper takes the app it talks to; none keeps state between calls.
 */
import { randomUUID } from "node:crypto";
import type { TestClient } from "./client.js";
import { afterAll, beforeAll, expect } from "vitest";
import { blankActionContent } from "../features/actions/schema.js";
import { startTestApp, type TestContext } from "./app.js";

/** A contract as GET /api/contracts lists it. */
export interface ContractSummary {
  id: string;
  slug: string;
  name: string;
  startDate: string;
  endDate: string;
  status: string;
  axisCount: number;
  actionCount: number;
  communeCount: number;
}
export interface Commune {
  inseeCode: string;
  name: string;
  population: number | null;
}
export interface PriorityArea {
  name: string;
  code: string | null;
  communeInseeCode: string | null;
}
export interface Signatory {
  organisationId: string;
  organisationName: string;
  representative: string;
  title: string;
  signedOn: string | null;
}
/** An organisation as the contract's directory shows it. */
export interface DirectoryEntry {
  id: string;
  name: string;
  shortName: string | null;
  sector: string | null;
  version: number;
}
/** An axis in the contract's tree. */
export interface AxisNode {
  id: string;
  number: number;
  title: string;
  description: string;
  version: number;
  actionCount: number;
  objectives: { id: string; code: string; title: string; version: number; actionCount: number }[];
}
/** A contract as GET /api/contracts/:id shows it. */
export interface ContractView {
  id: string;
  slug: string;
  name: string;
  localAuthority: string;
  startDate: string;
  endDate: string;
  status: string;
  summary: string;
  version: number;
  updatedAt: string;
  communes: Commune[];
  priorityAreas: PriorityArea[];
  /** Derived from the communes (issue 15). */
  departements: { code: string; name: string }[];
  regions: { code: string; name: string }[];
  signatories: Signatory[];
  organisations: DirectoryEntry[];
  axes: AxisNode[];
  counts: { axes: number; objectives: number; actions: number; communes: number; population: number };
}
export interface Organisation extends DirectoryEntry {
  contractId: string;
  createdAt: string;
  updatedAt: string;
}
export interface Axis {
  id: string;
  contractId: string;
  number: number;
  title: string;
  description: string;
  version: number;
}
export interface Objective {
  id: string;
  axisId: string;
  code: string;
  title: string;
  position: number;
  version: number;
}

/** The API on a fresh database, with the two demo contracts. */
export interface DemoApp {
  app: TestClient;
  capvm: ContractSummary;
  camvs: ContractSummary;
  /** The app and its database, for what the API does not show. */
  ctx: TestContext;
}

/** Starts the demo app before the tests of the file, hands it to `ready`, and closes it after them. */
export function useDemoApp(ready: (demo: DemoApp) => void): void {
  let ctx: TestContext | undefined;
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
    const list = await listContracts(ctx.app);
    const bySlug = (slug: string) => list.find((c) => c.slug === slug)!;
    ready({ app: ctx.app, capvm: bySlug("capvm-2019-2022"), camvs: bySlug("camvs-2021-2023"), ctx });
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

export async function listContracts(app: TestClient): Promise<ContractSummary[]> {
  const res = await app.inject({ method: "GET", url: "/api/contracts?perPage=100" });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: ContractSummary[] }>().items;
}

export async function getContract(app: TestClient, id: string): Promise<ContractView> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractView>();
}

/** A valid body for POST /api/contracts: three communes, one QPV, no signatory; unique slug. */
export function newContractBody(overrides: Record<string, unknown> = {}) {
  return {
    slug: `essai-${randomUUID()}`,
    name: "CLS d'essai",
    localAuthority: "Communauté de communes d'essai",
    startDate: "2024-01-01",
    endDate: "2027-12-31",
    status: "draft",
    summary: "Un contrat pour les tests.",
    communes: [
      { inseeCode: "77001", name: "Achères-la-Forêt", population: 1200 },
      { inseeCode: "77002", name: "Amillis", population: 800 },
      { inseeCode: "77003", name: "Amponville", population: null },
    ],
    priorityAreas: [{ name: "Quartier des Tests", code: "QN07799Z", communeInseeCode: "77002" }],
    signatories: [] as unknown[],
    ...overrides,
  };
}

/** Creates a contract (201 asserted) from `newContractBody(overrides)`. */
export async function createContract(app: TestClient, overrides: Record<string, unknown> = {}): Promise<ContractView> {
  const res = await app.inject({ method: "POST", url: "/api/contracts", payload: newContractBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json<ContractView>();
}

/** Adds an organisation to the contract's directory (201 asserted). */
export async function createOrganisation(
  app: TestClient,
  contractId: string,
  body: { name: string; shortName?: string | null; sector?: string | null },
): Promise<Organisation> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/organisations`, payload: { shortName: null, sector: null, ...body } });
  expect(res.statusCode).toBe(201);
  return res.json<Organisation>();
}

/** Adds an axis without description to the contract (201 asserted). */
export async function createAxis(app: TestClient, contractId: string, title = "Axe d'essai"): Promise<Axis> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title, description: "" } });
  expect(res.statusCode).toBe(201);
  return res.json<Axis>();
}

/** Adds one axis per title, in order. */
export async function createAxes(app: TestClient, contractId: string, titles: string[]): Promise<Axis[]> {
  const list: Axis[] = [];
  for (const title of titles) list.push(await createAxis(app, contractId, title));
  return list;
}

/** Adds an objective to the axis (201 asserted). */
export async function createObjective(app: TestClient, axisId: string, code: string, title = `Objectif ${code}`): Promise<Objective> {
  const res = await app.inject({ method: "POST", url: `/api/axes/${axisId}/objectives`, payload: { code, title } });
  expect(res.statusCode).toBe(201);
  return res.json<Objective>();
}

/** A valid body for POST /api/contracts/:id/actions in axis `axisId` (number 1, whole territory). */
export function newFicheBody(axisId: string, overrides: Record<string, unknown> = {}) {
  return {
    ...blankActionContent(1),
    title: "Fiche d'essai",
    determinants: ["Système de santé"] as string[],
    prsProjects: [] as string[],
    indicators: [] as unknown[],
    axisId,
    objectiveId: null as string | null,
    ...overrides,
  };
}

/** Creates a fiche (201 asserted) from `newFicheBody(axisId, overrides)`. */
export async function createFiche(
  app: TestClient,
  contractId: string,
  axisId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/actions`, payload: newFicheBody(axisId, overrides) });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; version: number }>();
}
