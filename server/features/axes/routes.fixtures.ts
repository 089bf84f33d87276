/** Shared setup and helpers of routes tests. Module bindings are live: read them inside tests. */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { newFicheBody, postContract } from "../../testing/fixtures.js";
import { startTestApp, type TestContext } from "../../testing/app.js";

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
export interface AxisNode {
  id: string;
  number: number;
  title: string;
  description: string;
  version: number;
  actionCount: number;
  objectives: { id: string; code: string; title: string; version: number; actionCount: number }[];
}
export interface ContractView {
  id: string;
  axes: AxisNode[];
  counts: { axes: number; objectives: number; actions: number };
}

export let ctx: TestContext;
export let app: FastifyInstance;
export let capvmId: string;
export let camvsId: string;

/** The API on a fresh database with the demo contracts, for the whole test file. */
export function useSeededApp(): void {
  beforeAll(async () => {
    ctx = await startTestApp({ seed: true });
    app = ctx.app;
    const res = await app.inject({ method: "GET", url: "/api/contracts" });
    const items = res.json<{ items: { id: string; slug: string }[] }>().items;
    capvmId = items.find((c) => c.slug === "capvm-2019-2022")!.id;
    camvsId = items.find((c) => c.slug === "camvs-2021-2023")!.id;
  });
  afterAll(async () => {
    await ctx?.close();
  });
}

export async function view(contractId: string): Promise<ContractView> {
  const res = await app.inject({ method: "GET", url: `/api/contracts/${contractId}` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractView>();
}

export const numbered = (v: ContractView) => v.axes.map((a) => [a.number, a.title]);

export async function createContract(): Promise<string> {
  return (await postContract(app)).id;
}

export async function createAxis(contractId: string, title: string): Promise<Axis> {
  const res = await app.inject({ method: "POST", url: `/api/contracts/${contractId}/axes`, payload: { title, description: "" } });
  expect(res.statusCode).toBe(201);
  return res.json<Axis>();
}

export async function createAxes(contractId: string, titles: string[]): Promise<Axis[]> {
  const list: Axis[] = [];
  for (const t of titles) list.push(await createAxis(contractId, t));
  return list;
}

export async function createObjective(axisId: string, code: string, title = `Objectif ${code}`): Promise<Objective> {
  const res = await app.inject({ method: "POST", url: `/api/axes/${axisId}/objectives`, payload: { code, title } });
  expect(res.statusCode).toBe(201);
  return res.json<Objective>();
}

export async function createFiche(contractId: string, axisId: string, objectiveId: string | null = null): Promise<{ id: string; version: number }> {
  const res = await app.inject({
    method: "POST",
    url: `/api/contracts/${contractId}/actions`,
    payload: newFicheBody(axisId, { objectiveId }),
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; version: number }>();
}
