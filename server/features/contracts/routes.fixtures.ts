/** Shared setup and helpers of routes tests. Module bindings are live: read them inside tests. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { newContractBody, newFicheBody, postContract } from "../../testing/fixtures.js";
import { startTestApp, type TestContext } from "../../testing/app.js";

export interface Summary {
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
export interface AxisNode {
  id: string;
  number: number;
  title: string;
  version: number;
  actionCount: number;
  objectives: { id: string; code: string; title: string; version: number; actionCount: number }[];
}
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
  signatories: Signatory[];
  organisations: { id: string; name: string; shortName: string | null; sector: string | null; version: number }[];
  axes: AxisNode[];
  counts: { axes: number; objectives: number; actions: number; communes: number; population: number };
}

export let ctx: TestContext;
export let app: FastifyInstance;
export let capvm: Summary;
export let camvs: Summary;

/** The API on a fresh database with the demo contracts, for the whole test file. */
export function useSeededApp(): void {
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
    app = ctx.app;
    const list = await listContracts();
    capvm = list.find((c) => c.slug === "capvm-2019-2022")!;
    camvs = list.find((c) => c.slug === "camvs-2021-2023")!;
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

export async function listContracts(): Promise<Summary[]> {
  const res = await app.inject({ method: "GET", url: "/api/contracts" });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: Summary[] }>().items;
}

export async function getContract(id: string): Promise<ContractView> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractView>();
}


export const newBody = newContractBody;

export async function createContract(overrides: Record<string, unknown> = {}): Promise<ContractView> {
  return postContract<ContractView>(app, overrides);
}

/** The PUT body of a contract as read. */
export function toBody(view: ContractView) {
  return {
    slug: view.slug,
    name: view.name,
    localAuthority: view.localAuthority,
    startDate: view.startDate,
    endDate: view.endDate,
    status: view.status,
    summary: view.summary,
    communes: view.communes,
    priorityAreas: view.priorityAreas,
    signatories: view.signatories.map((s) => ({ organisation: s.organisationId, representative: s.representative, title: s.title, signedOn: s.signedOn })),
    version: view.version,
  };
}

export async function addOrganisation(contractId: string, name: string): Promise<string> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/organisations`, payload: { name, shortName: null, sector: "Santé" } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function addAxis(contractId: string): Promise<string> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title: "Axe d'essai", description: "" } });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

export function ficheBody(axisId: string, communes: string[]) {
  return newFicheBody(axisId, { title: "Fiche sur quelques communes", territory: { scope: "communes", communes } });
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
