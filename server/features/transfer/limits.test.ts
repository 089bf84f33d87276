/**
 * Issue 12, item 7: one table of limits for the API and the exchange format, so that
 * the export of any contract the API let someone build imports again.
 */
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, auditEntries, axes, objectives, organisations } from "../../db/schema.js";
import { startTestApp, type TestContext } from "../../testing/app.js";
import { expectProblem } from "../../testing/http.js";
import { blankActionContent } from "../actions/schema.js";
import { INDICATOR_KINDS, PARTNER_SECTORS, THEMES } from "../../domain/vocabulary.js";
import { LIMITS } from "../../validation/limits.js";
import { referenceCommunes } from "../../territory/reference.js";
import type { ContractDocument } from "./format.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
}, 120_000);
afterAll(async () => {
  await ctx?.close();
});

const text = (length: number, seed = "x") => seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
/** Real INSEE codes (an import checks them against the official reference): Seine-et-Marne's and on. */
const REAL_CODES = referenceCommunes().map((c) => c.code).filter((code) => code >= "77001");
const insee = (i: number) => REAL_CODES[i]!;

async function exportOf(id: string): Promise<ContractDocument> {
  const res = await ctx.app.inject({ url: `/api/contracts/${id}/export` });
  expect(res.statusCode).toBe(200);
  return res.json<ContractDocument>();
}

async function importAs(doc: unknown, slug: string): Promise<string> {
  const res = await ctx.app.inject({ method: "POST", url: `/api/contracts/import?slug=${slug}`, payload: doc as object });
  expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
  return res.json<{ id: string }>().id;
}

/** The document without what an import changes by design: the slug and the export's date. */
const comparable = ({ exportedAt: _e, contract: { slug: _s, ...contract }, ...doc }: ContractDocument) => ({ ...doc, contract });

/** A contract holding the most of everything the limits allow, with one fiche whose every list and text is full. */
function documentAtTheLimits(): ContractDocument {
  const organisationNames = Array.from({ length: LIMITS.organisations }, (_, i) => `${text(290, "Organisation ")} ${String(i).padStart(4, "0")}`);
  const communes = Array.from({ length: LIMITS.communes }, (_, i) => ({ inseeCode: insee(i), name: `Commune ${i}`, population: i === 0 ? 100_000_000 : i }));
  const fullFiche = {
    ...blankActionContent(1),
    title: text(300, "Intitulé "),
    status: "in_progress" as const,
    lead: { organisation: organisationNames[0]!, person: text(200) },
    startMonth: "2021-01",
    endMonth: "2023-12",
    justification: { text: text(20_000), inequalitiesIdentified: true, cityContractHealth: null },
    specificObjective: text(2000),
    operationalObjectives: Array.from({ length: 20 }, (_, i) => text(1000, `Objectif ${i} `)),
    description: text(50_000, "Description "),
    targetPublic: text(2000),
    place: text(1000),
    territory: { scope: "communes" as const, communes: communes.slice(0, 200).map((c) => c.inseeCode) },
    themes: THEMES.filter((t) => t !== "Autre").slice(0, 3).map((theme) => ({ theme, other: null })),
    otherPlans: Array.from({ length: 20 }, (_, i) => text(200, `Plan ${i} `)),
    prsProjects: Array.from({ length: 30 }, (_, i) => `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`),
    partners: Array.from({ length: 100 }, (_, i) => ({
      sector: PARTNER_SECTORS[i % PARTNER_SECTORS.length]!,
      organisation: organisationNames[i]!,
      person: null,
      needsAnalysis: true,
      resourceMobilisation: false,
      implementation: true,
      coSteering: false,
    })),
    indicators: Array.from({ length: 50 }, (_, i) => ({ kind: Object.keys(INDICATOR_KINDS)[i % 3] as keyof typeof INDICATOR_KINDS, label: text(500, `Indicateur ${i} `), unit: text(60), baseline: -1e15, target: 1e15 })),
    axis: 1,
    objective: "1.1",
    archived: false,
  };
  const small = (number: number, archived: boolean) => ({
    ...blankActionContent(archived ? 1 : number),
    title: `Fiche ${number}`,
    lead: null,
    territory: { scope: "whole" as const, communes: [] },
    prsProjects: [],
    indicators: [],
    axis: (number % LIMITS.axes) + 1,
    objective: null,
    archived,
  });
  return {
    format: "cles.contract",
    version: 1,
    contract: {
      slug: "aux-limites",
      name: text(300, "Contrat aux limites "),
      localAuthority: text(300),
      startDate: "2021-01-01",
      endDate: "2025-12-31",
      status: "running",
      summary: text(50_000, "Présentation "),
      communes,
      priorityAreas: Array.from({ length: LIMITS.priorityAreas }, (_, i) => ({ name: `Quartier ${i}`, code: text(20, "Q"), communeInseeCode: insee(i) })),
      signatories: Array.from({ length: LIMITS.signatories }, (_, i) => ({ organisation: organisationNames[i]!, representative: text(200), title: text(300), signedOn: "2021-06-30" })),
      organisations: organisationNames.map((name, i) => ({ name, shortName: text(60), sector: i % 2 ? PARTNER_SECTORS[0]! : null })),
      axes: Array.from({ length: LIMITS.axes }, (_, a) => ({
        number: a + 1,
        title: text(300, `Axe ${a + 1} `),
        description: text(5000),
        objectives: Array.from({ length: LIMITS.objectivesPerAxis }, (_, o) => ({ code: `${a + 1}.${o + 1}`, title: text(500) })),
      })),
      // Fiches 1..450 running, 50 archived ones: 500 in all.
      actions: [fullFiche, ...Array.from({ length: 449 }, (_, i) => small(i + 2, false)), ...Array.from({ length: 50 }, (_, i) => small(i + 451, true))],
    },
  } as ContractDocument;
}

describe("the contract's own export imports again", () => {
  it("for every demo contract, as it was exported", async () => {
    const list = (await ctx.app.inject({ url: "/api/contracts" })).json<{ items: { id: string; slug: string }[] }>().items;
    expect(list).toHaveLength(2);
    for (const contract of list) {
      const exported = await exportOf(contract.id);
      const copy = await importAs(exported, `${contract.slug}-copie`);
      expect(comparable(await exportOf(copy))).toEqual(comparable(exported));
    }
  });

  it("for a contract at every limit, and the API then refuses one more of each, writing nothing", { timeout: 300_000 }, async () => {
    const id = await importAs(documentAtTheLimits(), "aux-limites");
    const exported = await exportOf(id);
    expect(exported.contract.actions).toHaveLength(LIMITS.actions);
    const copy = await importAs(exported, "aux-limites-copie");
    expect(comparable(await exportOf(copy))).toEqual(comparable(exported));

    const db = ctx.database.db;
    const rows = async () => Promise.all([axes, objectives, actions, organisations, auditEntries].map(async (t) => (await db.select({ n: count() }).from(t))[0]!.n));
    const before = await rows();
    const contract = (await ctx.app.inject({ url: `/api/contracts/${id}` })).json<{ axes: { id: string }[] }>();
    const axis = await ctx.app.inject({ method: "POST", url: `/api/contracts/${id}/axes`, payload: { title: "Un axe de trop", description: "" } });
    expect(expectProblem(axis, 409).detail).toBe("Un contrat compte au plus 20 axes, et celui-ci les a déjà : retirez-en avant d'en ajouter.");
    const objective = await ctx.app.inject({ method: "POST", url: `/api/axes/${contract.axes[0]!.id}/objectives`, payload: { code: "1.51", title: "Un objectif de trop" } });
    expect(expectProblem(objective, 409).detail).toContain("Un axe compte au plus 50 objectifs");
    const organisation = await ctx.app.inject({ method: "POST", url: `/api/contracts/${id}/organisations`, payload: { name: "Une de trop", shortName: null, sector: null } });
    expect(expectProblem(organisation, 409).detail).toContain("au plus 2000 organisations");
    const fiche = await ctx.app.inject({
      method: "POST",
      url: `/api/contracts/${id}/actions`,
      payload: { ...blankActionContent(451), title: "Une fiche de trop", determinants: ["Système de santé"], prsProjects: [], indicators: [], axisId: contract.axes[0]!.id, objectiveId: null },
    });
    expect(expectProblem(fiche, 409).detail).toContain("au plus 500 fiches actions");
    expect(await rows()).toEqual(before);
  });

  it("refuses in the import what the API would refuse, with the same French words", async () => {
    const doc = documentAtTheLimits();
    doc.contract.axes.push({ number: 21, title: "Axe 21", description: "", objectives: [] });
    const res = await ctx.app.inject({ method: "POST", url: "/api/contracts/import?slug=trop-d-axes", payload: doc });
    const messages = expectProblem(res, 400).errors?.map((e) => e.message) ?? [];
    expect(messages.some((m) => m.endsWith("20 axes au plus.")), messages.join("\n")).toBe(true);
  });
});
