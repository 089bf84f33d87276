import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { blankActionContent } from "../features/actions/schema.js";

let contractCounter = 0;

/** A valid body for POST /api/contracts: three communes, one QPV, no signatory; unique slug. */
export function newContractBody(overrides: Record<string, unknown> = {}) {
  contractCounter += 1;
  return {
    slug: `essai-${contractCounter}-${randomUUID().slice(0, 8)}`,
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

/** Creates a contract through the API and returns its view (201 asserted). */
export async function postContract<T = { id: string }>(app: FastifyInstance, overrides: Record<string, unknown> = {}): Promise<T> {
  const res = await app.inject({ method: "POST", url: "/api/contracts", payload: newContractBody(overrides) });
  expect(res.statusCode).toBe(201);
  return res.json<T>();
}

/** A valid body for POST /api/contracts/:id/actions in axis `axisId` (number 1, whole territory). */
export function newFicheBody(axisId: string, overrides: Record<string, unknown> = {}) {
  return {
    ...blankActionContent(1),
    title: "Fiche d'essai",
    prsProjects: [] as string[],
    indicators: [] as unknown[],
    axisId,
    objectiveId: null as string | null,
    ...overrides,
  };
}
