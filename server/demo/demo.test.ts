import { count } from "drizzle-orm";
import type { TestClient } from "../testing/client.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, contracts, organisations } from "../db/schema.js";
import { startTestApp, type TestContext } from "../testing/app.js";
import { demoDocument, demoDocumentSource, DEMO_CONTRACTS } from "./load.js";
import { seedDemo } from "./seed.js";

interface ContractView {
  id: string;
  slug: string;
  name: string;
  startDate: string;
  endDate: string;
  communes: { inseeCode: string; name: string }[];
  signatories: { organisationName: string; representative: string; title: string; signedOn: string | null }[];
  axes: { number: number; title: string; objectives: { code: string; title: string }[] }[];
}
interface Fiche {
  id: string;
  number: number;
  title: string;
  lead: { organisationName: string; person: string | null } | null;
  startMonth: string | null;
  endMonth: string | null;
  specificObjective: string;
  themes: { theme: string; other: string | null }[];
  prsProjects: string[];
  partners: { organisationName: string; sector: string; needsAnalysis: boolean; resourceMobilisation: boolean; implementation: boolean; coSteering: boolean }[];
  participation: { involved: boolean | null; how: string; degree: string | null };
  indicators: { id: string; kind: string; label: string }[];
  axis: { number: number };
  determinants: string[];
  budget: { lines: { year: number; amount: number; funder: { id: string; name: string }; status: string }[]; total: number; secured: number; requested: number };
}

let ctx: TestContext;
let app: TestClient;
let capvm: ContractView;
let camvs: ContractView;
let capvmFiches: Fiche[];

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ method: "GET", url });
  expect(res.statusCode).toBe(200);
  return res.json<T>();
}

async function fiches(contractId: string): Promise<Fiche[]> {
  const list = await get<{ items: { id: string }[] }>(`/api/contracts/${contractId}/actions`);
  return Promise.all(list.items.map((i) => get<Fiche>(`/api/actions/${i.id}`)));
}

beforeAll(async () => {
  ctx = await startTestApp({ seed: true });
  app = ctx.app;
  const items = (await get<{ items: { id: string; slug: string }[] }>("/api/contracts")).items;
  capvm = await get<ContractView>(`/api/contracts/${items.find((c) => c.slug === "capvm-2019-2022")!.id}`);
  camvs = await get<ContractView>(`/api/contracts/${items.find((c) => c.slug === "camvs-2021-2023")!.id}`);
  capvmFiches = await fiches(capvm.id);
});
afterAll(async () => {
  await ctx?.close();
});

const fiche = (n: number) => capvmFiches.find((f) => f.number === n)!;

describe("the CAPVM demo (CLS Paris-Vallée de la Marne 2019-2022)", () => {
  it("has 16 fiches numbered 1..16", () => {
    expect(capvmFiches.map((f) => f.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it("gives every fiche a lead, a start and an end, a specific objective, an indicator and a partner", () => {
    for (const f of capvmFiches) {
      const where = `FA ${f.number}`;
      expect(f.lead, where).not.toBeNull();
      expect(f.lead!.organisationName, where).not.toBe("");
      expect(f.startMonth, where).toMatch(/^20(19|2[0-2])-(0[1-9]|1[0-2])$/);
      expect(f.endMonth, where).toMatch(/^20(19|2[0-2])-(0[1-9]|1[0-2])$/);
      expect(f.endMonth! >= f.startMonth!, where).toBe(true);
      expect(f.specificObjective.trim().length, where).toBeGreaterThan(0);
      expect(f.indicators.length, where).toBeGreaterThanOrEqual(1);
      expect(f.partners.length, where).toBeGreaterThanOrEqual(1);
      expect(f.partners.every((p) => p.organisationName.length > 0), where).toBe(true);
    }
  });

  // As read in the annex of the seed text: « Porteur de l'action … Début … Fin … » of each fiche.
  const ANNEX: [number, string, string, string][] = [
    [1, "Coordinateur du CLS", "2019-10", "2022-12"],
    [2, "Coordinateur du CLS", "2019-10", "2022-12"],
    [3, "Direction des Solidarités de la CAPVM", "2019-10", "2022-12"],
    [4, "Direction des Solidarités de la CAPVM", "2020-01", "2022-12"],
    [6, "Coordinateur du CLS", "2020-01", "2022-12"],
    [7, "Direction de l'urbanisme CAPVM", "2020-01", "2022-12"],
    [8, "Direction de l'urbanisme CAPVM", "2021-09", "2022-12"],
    [9, "Coordinateur du CLS", "2020-01", "2022-12"],
    [10, "Caisse primaire d'assurance maladie de Seine-et-Marne", "2019-10", "2022-12"],
    [11, "Service Prévention CAPVM", "2020-01", "2022-12"],
    [12, "Service Prévention CAPVM", "2019-10", "2022-12"],
    [13, "Médecin du sport CAPVM", "2019-11", "2022-12"],
    [14, "Médecin du sport CAPVM", "2020-01", "2022-12"],
    [15, "Coordinateur du CLS", "2021-01", "2022-12"],
    [16, "Coordinateur du CLS", "2020-06", "2022-12"],
  ];
  it.each(ANNEX)("FA %i: lead « %s », %s → %s, as in the annex", (number, lead, start, end) => {
    const f = fiche(number);
    expect(f.lead!.organisationName).toBe(lead);
    expect([f.startMonth, f.endMonth]).toEqual([start, end]);
  });

  it("FA 5: led by health professionals (« Professionnels de santé / appui ARS-CPAM-CAPVM »), 2019-10 → 2022-12", () => {
    expect(fiche(5).lead!.organisationName).toBe("Professionnels de santé / appui ARS-CPAM-CAPVM");
    expect([fiche(5).startMonth, fiche(5).endMonth]).toEqual(["2019-10", "2022-12"]);
  });

  it("FA 1 « Assurer la coordination du CLS »: themes, PRS projects, ARS co-steering, participation, as in the annex", () => {
    const f = fiche(1);
    expect(f.title).toBe("Assurer la coordination du CLS");
    expect(f.axis.number).toBe(1);
    expect(f.themes.map((t) => t.theme)).toEqual(["Autre", "Démarche participative (dont santé communautaire)"]);
    expect(f.themes[0]!.other).toBeTruthy();
    expect(f.prsProjects).toEqual(["1.1", "5.1"]);
    // « Santé ARS Oui Oui Oui Oui »
    expect(f.partners[0]).toMatchObject({
      organisationName: "Agence régionale de santé Île-de-France",
      sector: "Santé",
      needsAnalysis: true,
      resourceMobilisation: true,
      implementation: true,
      coSteering: true,
    });
    expect(f.participation).toMatchObject({ involved: true, how: "Participation aux réunions d'instances du CLS" });
    expect(f.indicators.map((i) => i.label)).toContain("Actions mises en œuvre ou réalisées");
  });

  it("FA 9 counts the ARS (and the CPAM) among its partners", () => {
    const partners = fiche(9).partners;
    expect(partners.find((p) => p.organisationName === "Agence régionale de santé Île-de-France")).toMatchObject({ sector: "Santé", implementation: true });
    expect(partners.map((p) => p.organisationName)).toContain("Caisse primaire d'assurance maladie de Seine-et-Marne");
    expect(fiche(9).themes.map((t) => t.theme)).toEqual(["Accès aux droits", "Accès aux soins", "Intervention globale pour personne en difficulté sociale"]);
    expect(fiche(9).prsProjects).toEqual(["5.3", "5.4"]);
  });

  it("FA 10 is led by the CPAM, with the annex's themes and PRS projects", () => {
    const f = fiche(10);
    expect(f.title).toBe("Déployer le programme PFIDASS de la CPAM");
    expect(f.lead).toEqual(expect.objectContaining({ organisationName: "Caisse primaire d'assurance maladie de Seine-et-Marne" }));
    expect(f.themes.map((t) => t.theme)).toEqual(["Accueil de la grande précarité par l'offre de soins", "Accès aux droits", "Accès aux soins"]);
    expect(f.prsProjects).toEqual(["5.3", "4.2"]);
  });

  it("names each fiche's determinant as the annex does (FA 11 to 14 with the longer labels)", () => {
    expect(capvmFiches.map((f) => [f.number, f.determinants])).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => [n, ["Système de santé"]]),
      ...[6, 7, 8, 9, 10].map((n) => [n, ["Circonstances matérielles"]]),
      [11, ["Facteurs psychosociaux et environnement social"]],
      ...[12, 13, 14].map((n) => [n, ["Facteurs comportementaux (style de vie)"]]),
      [15, ["Système de santé"]],
      [16, ["Circonstances matérielles"]],
    ]);
  });

  it("gives the partners of FA 8, 9, 10, 15 and 16 the annex's sectors, not « Autre »", () => {
    const sector = (n: number, organisation: string) => fiche(n).partners.find((p) => p.organisationName === organisation)?.sector;
    expect(sector(8, "Opérateurs (ex. fonciers)")).toBe("Aménagement");
    expect(sector(9, "Structures et professionnels du territoire")).toBe("Médico-social");
    expect(sector(10, "Associations, structures")).toBe("Médico-social");
    expect(fiche(15).partners.map((p) => p.sector)).toEqual(["Santé", "Santé", "Santé", "Santé", "Social", "Emploi/Insertion", "Médico-social", "Médico-social", "Logement/Habitat"]);
    expect(sector(16, "Missions locales")).toBe("Emploi/Insertion");
  });

  it("gives FA 1 and FA 16 an illustrative budget whose funders are in the directory", async () => {
    expect(fiche(1).budget).toMatchObject({ total: 125000, secured: 100000, requested: 25000 });
    expect(fiche(16).budget).toMatchObject({ total: 36000, secured: 18000, requested: 18000 });
    const directory = new Set((await get<{ organisations: { id: string }[] }>(`/api/contracts/${capvm.id}`)).organisations.map((o) => o.id));
    for (const l of [...fiche(1).budget.lines, ...fiche(16).budget.lines]) expect(directory.has(l.funder.id), l.funder.name).toBe(true);
    expect(capvmFiches.filter((f) => f.budget.lines.length).map((f) => f.number)).toEqual([1, 16]);
  });

  it("has the 6 signatories with their representatives, signed at Torcy on 7 November 2019", () => {
    expect(capvm.signatories.map((s) => [s.organisationName, s.representative, s.title, s.signedOn])).toEqual([
      ["Communauté d'agglomération Paris-Vallée de la Marne", "M. Paul MIGUEL", "Président", "2019-11-07"],
      ["Agence régionale de santé Île-de-France", "Mme Hélène MARIE", "Déléguée départementale de l'ARS", "2019-11-07"],
      ["Préfecture de Seine-et-Marne", "Mme Béatrice ABOLLIVIER", "Préfète de Seine-et-Marne", "2019-11-07"],
      ["Grand Hôpital de l'Est Francilien", "M. Jean-Christophe PHELEP", "Directeur du GH de l'Est Francilien", "2019-11-07"],
      ["Caisse primaire d'assurance maladie de Seine-et-Marne", "Mme Isabelle BERTIN", "Directrice de la CPAM", "2019-11-07"],
      ["Département de Seine-et-Marne", "M. Patrick SEPTIERS", "Président du Conseil départemental", "2019-11-07"],
    ]);
  });

  it("covers the 12 communes of the agglomeration, over 2019-2022, in 4 axes", () => {
    expect(capvm.communes.map((c) => c.name).sort((a, b) => a.localeCompare(b, "fr"))).toEqual([
      "Brou-sur-Chantereine",
      "Champs-sur-Marne",
      "Chelles",
      "Courtry",
      "Croissy-Beaubourg",
      "Émerainville",
      "Lognes",
      "Noisiel",
      "Pontault-Combault",
      "Roissy-en-Brie",
      "Torcy",
      "Vaires-sur-Marne",
    ]);
    expect([capvm.startDate, capvm.endDate]).toEqual(["2019-11-07", "2022-12-31"]);
    expect(capvm.axes.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(capvm.axes[0]!.title).toBe("Le renforcement de la CAPVM comme acteur de santé");
  });
});

describe("the CAMVS demo (CLS Melun Val de Seine 2021-2023)", () => {
  it("has 4 axes, objectives 1.1 and 1.2 in axis 1 only", () => {
    expect(camvs.axes.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(camvs.axes[0]!.objectives.map((o) => o.code)).toEqual(["1.1", "1.2"]);
    expect(camvs.axes.slice(1).every((a) => a.objectives.length === 0)).toBe(true);
  });

  it("has 15 fiches over 2021-01-01 → 2023-12-31", async () => {
    expect((await fiches(camvs.id)).map((f) => f.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(camvs.slug).toBe("camvs-2021-2023");
    expect([camvs.startDate, camvs.endDate]).toEqual(["2021-01-01", "2023-12-31"]);
  });
});

describe("demo files and seedDemo", () => {
  it("assembles each demo contract from its folder, organisations merged by name", () => {
    expect(DEMO_CONTRACTS).toEqual(["capvm", "camvs"]);
    for (const name of DEMO_CONTRACTS) {
      const doc = demoDocument(name);
      const names = doc.contract.organisations.map((o) => o.name);
      expect(new Set(names).size).toBe(names.length);
      const source = demoDocumentSource(name) as { contract: { actions: { number: number }[] } };
      expect(source.contract.actions.map((a) => a.number)).toEqual(doc.contract.actions.map((a) => a.number));
    }
    expect(demoDocument("capvm").contract.actions).toHaveLength(16);
    expect(demoDocument("camvs").contract.actions).toHaveLength(15);
  });

  it("loaded both demo contracts into the empty test database", async () => {
    const items = (await get<{ items: { slug: string; actionCount: number }[] }>("/api/contracts")).items;
    expect(items.map((c) => [c.slug, c.actionCount]).sort()).toEqual([
      ["camvs-2021-2023", 15],
      ["capvm-2019-2022", 16],
    ]);
  });

  it("loads nothing into a database that already holds contracts", async () => {
    const db = ctx.database.db;
    const counts = async () => {
      const [[c], [a], [o]] = await Promise.all([
        db.select({ n: count() }).from(contracts),
        db.select({ n: count() }).from(actions),
        db.select({ n: count() }).from(organisations),
      ]);
      return [c!.n, a!.n, o!.n];
    };
    const before = await counts();
    expect(before[0]).toBe(2);
    expect(await seedDemo(db)).toEqual({ seeded: [] });
    expect(await counts()).toEqual(before);
  });
});
