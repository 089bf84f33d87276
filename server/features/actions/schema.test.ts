import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromZodIssues } from "../../http/problem.js";
import { actionBody, actionContent, actionUpdateBody, determinantsDropped } from "./schema.js";

const AXIS_ID = "0b7c2a57-2f4e-4d3b-9a51-6f0a3c1d2e4b";
const ORG_A = "5d1e8f90-3a2b-4c6d-8e7f-9a0b1c2d3e4f";
const ORG_B = "6e2f9a01-4b3c-4d7e-9f80-a1b2c3d4e5f6";
const INDICATOR_ID = "7f3a0b12-5c4d-4e8f-a091-b2c3d4e5f607";

interface Fiche {
  number: number;
  title: string;
  status: string;
  lead: { organisation: string; person: string | null } | null;
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
  partners: { sector: string; organisation: string; person: string | null; needsAnalysis: boolean; resourceMobilisation: boolean; implementation: boolean; coSteering: boolean }[];
  participation: { involved: boolean | null; how: string; degree: string | null };
  indicators: { id?: string; kind: string; label: string; unit: string; baseline: number | null; target: number | null }[];
  budgets?: { year: unknown; amount: unknown; funderId: string; status: string }[];
  axisId: string;
  objectiveId: string | null;
}

/** A complete, valid fiche as the API receives it (every block filled in). */
function validFiche(): Fiche {
  return {
    number: 3,
    title: "  Favoriser le développement de structures de santé pluriprofessionnelles  ",
    status: "in_progress",
    lead: { organisation: ORG_A, person: "Mme Dupont" },
    startMonth: "2019-10",
    endMonth: "2022-12",
    justification: { text: "Offre de soins fragile.", inequalitiesIdentified: true, cityContractHealth: "no" },
    specificObjective: "Renforcer l'offre de soins de proximité",
    operationalObjectives: ["Accompagner les porteurs de projets", "Mobiliser les professionnels"],
    description: "Accompagnement des projets de maisons de santé.",
    preExisting: false,
    targetPublic: "Professionnels de santé",
    place: "Paris-Vallée de la Marne",
    territory: { scope: "communes", communes: ["77468", "77390"] },
    determinants: ["Système de santé"],
    themes: [
      { theme: "Accès aux soins", other: null },
      { theme: "Autre", other: "Coordination des acteurs" },
    ],
    otherPlans: ["PRS 2"],
    prsProjects: ["1.1", "5.3"],
    partners: [
      { sector: "Santé", organisation: ORG_B, person: null, needsAnalysis: true, resourceMobilisation: false, implementation: true, coSteering: true },
    ],
    participation: { involved: true, how: "Réunions publiques", degree: "consultation" },
    indicators: [
      { id: INDICATOR_ID, kind: "result", label: "Nombre de MSP créées", unit: "MSP", baseline: 1, target: 3 },
      { kind: "activity", label: "Réunions", unit: "", baseline: null, target: null },
    ],
    axisId: AXIS_ID,
    objectiveId: null,
  };
}

/** The French errors of a body, as the API would answer them (dotted paths). */
function errorsOf(body: unknown, schema: z.ZodType = actionBody) {
  const result = schema.safeParse(body);
  expect(result.success).toBe(false);
  return fromZodIssues(result.error!.issues);
}

const withFiche = (change: (f: Fiche) => void): Fiche => {
  const f = validFiche();
  change(f);
  return f;
};

describe("actionBody", () => {
  it("accepts a complete fiche and trims its texts", () => {
    const result = actionBody.safeParse(validFiche());
    expect(result.success).toBe(true);
    expect(result.data!.title).toBe("Favoriser le développement de structures de santé pluriprofessionnelles");
    expect(result.data!.indicators[0]!.id).toBe(INDICATOR_ID);
    expect(result.data!.territory.communes).toEqual(["77468", "77390"]);
  });

  it("accepts a minimal fiche (no lead, no dates, nothing optional)", () => {
    const minimal = withFiche((f) => {
      Object.assign(f, {
        lead: null,
        startMonth: null,
        endMonth: null,
        status: "not_started",
        territory: { scope: "whole", communes: [] },
        themes: [],
        otherPlans: [],
        prsProjects: [],
        partners: [],
        operationalObjectives: [],
        indicators: [],
        participation: { involved: null, how: "", degree: null },
      });
    });
    expect(actionBody.safeParse(minimal).success).toBe(true);
  });

  it("takes one to three distinct determinants of the list", () => {
    const COUNT = "Choisissez de un à trois déterminants de santé visés par l'action.";
    expect(errorsOf(withFiche((f) => (f.determinants = [])))).toEqual([{ path: "determinants", message: COUNT }]);
    const three = ["Système de santé", "Cohésion sociale", "Facteurs comportementaux (style de vie)"];
    expect(actionBody.safeParse(withFiche((f) => (f.determinants = three))).success).toBe(true);
    expect(errorsOf(withFiche((f) => (f.determinants = [...three, "Facteurs biologiques"])))).toEqual([{ path: "determinants", message: COUNT }]);
    expect(errorsOf(withFiche((f) => (f.determinants = ["Cohésion sociale", "Système de santé", "Cohésion sociale"])))).toEqual([
      { path: "determinants.2", message: "Ce déterminant est déjà choisi." },
    ]);
    // The short labels of old files are read by the imports, not by the API.
    expect(errorsOf(withFiche((f) => (f.determinants = ["Comportements"])))).toEqual([{ path: "determinants.0", message: "Choisissez les déterminants dans la liste." }]);
  });

  it("lets an update keep a fiche without determinant only if it had none", () => {
    expect(actionUpdateBody.safeParse({ ...withFiche((f) => (f.determinants = [])), version: 2 }).success).toBe(true);
    expect(determinantsDropped([], [])).toBe(false);
    expect(determinantsDropped(["Cohésion sociale"], [])).toBe(true);
    expect(determinantsDropped(["Cohésion sociale"], ["Système de santé"])).toBe(false);
  });

  it("takes budget lines in whole euros from a funder, secured or requested, each once", () => {
    const line = { year: 2021, amount: 12000, funderId: ORG_A, status: "secured" };
    expect(actionBody.safeParse(withFiche((f) => (f.budgets = [line, { ...line, status: "requested" }]))).success).toBe(true);
    expect(actionBody.safeParse(withFiche((f) => delete f.budgets)).success).toBe(true);
    expect(errorsOf(withFiche((f) => (f.budgets = [{ ...line, amount: 12.5 }, { ...line, year: 2021.5, amount: 0 }, { ...line, funderId: "", status: "promis" }])))).toEqual([
      { path: "budgets.0.amount", message: "Le montant s'écrit en euros entiers, sans centimes." },
      { path: "budgets.1.year", message: "L'année est un nombre entier (par exemple 2021)." },
      { path: "budgets.1.amount", message: "Le montant doit être positif." },
      { path: "budgets.2.funderId", message: "Choisissez le financeur dans l'annuaire du contrat." },
      { path: "budgets.2.status", message: "Indiquez si le financement est acquis ou demandé." },
    ]);
    expect(errorsOf(withFiche((f) => (f.budgets = [line, { ...line, amount: 5 }])))).toEqual([
      { path: "budgets.1.funderId", message: "Ce financeur a déjà une ligne de ce statut pour cette année : additionnez les montants sur une seule ligne." },
    ]);
  });

  it("refuses an empty title (also made of spaces)", () => {
    for (const title of ["", "    "]) {
      expect(errorsOf(withFiche((f) => (f.title = title)))).toEqual([{ path: "title", message: "L'intitulé est obligatoire." }]);
    }
  });

  it("refuses month 2021-13 (and other badly written months)", () => {
    expect(errorsOf(withFiche((f) => (f.startMonth = "2021-13")))).toEqual([
      { path: "startMonth", message: "Indiquez un mois au format AAAA-MM (par exemple 2021-09)." },
    ]);
    for (const bad of ["2021-00", "2021-9", "21-09", "2021-09-01"]) {
      expect(errorsOf(withFiche((f) => (f.endMonth = bad)))).toEqual([
        { path: "endMonth", message: "Indiquez un mois au format AAAA-MM (par exemple 2021-09)." },
      ]);
    }
  });

  it("refuses an end before the start, but accepts the same month", () => {
    expect(errorsOf(withFiche((f) => Object.assign(f, { startMonth: "2021-06", endMonth: "2021-05" })))).toEqual([
      { path: "endMonth", message: "La fin doit être postérieure ou égale au début." },
    ]);
    expect(actionBody.safeParse(withFiche((f) => Object.assign(f, { startMonth: "2021-06", endMonth: "2021-06" }))).success).toBe(true);
  });

  it("refuses 4 themes", () => {
    const themes = ["Accès aux soins", "Cancer", "Handicap", "Violences"].map((theme) => ({ theme, other: null }));
    expect(errorsOf(withFiche((f) => (f.themes = themes)))).toEqual([{ path: "themes", message: "Trois thèmes au plus." }]);
  });

  it("refuses the « Autre » theme without a precision", () => {
    for (const other of [null, "", "   "]) {
      expect(errorsOf(withFiche((f) => (f.themes = [{ theme: "Autre", other }])))).toEqual([
        { path: "themes.0.other", message: "Précisez le thème quand vous choisissez « Autre »." },
      ]);
    }
  });

  it("refuses a theme chosen twice, but accepts two « Autre » with different precisions", () => {
    const dup = [
      { theme: "Cancer", other: null },
      { theme: "Handicap", other: null },
      { theme: "Cancer", other: null },
    ];
    expect(errorsOf(withFiche((f) => (f.themes = dup)))).toEqual([{ path: "themes.2.theme", message: "Ce thème est déjà choisi." }]);
    const twoOthers = [
      { theme: "Autre", other: "Coordination" },
      { theme: "Autre", other: "Animation" },
    ];
    expect(actionBody.safeParse(withFiche((f) => (f.themes = twoOthers))).success).toBe(true);
    const sameOther = [
      { theme: "Autre", other: "Coordination" },
      { theme: "Autre", other: "Coordination" },
    ];
    expect(errorsOf(withFiche((f) => (f.themes = sameOther)))).toEqual([{ path: "themes.1.theme", message: "Ce thème est déjà choisi." }]);
  });

  it("refuses a theme outside the list", () => {
    expect(errorsOf(withFiche((f) => (f.themes = [{ theme: "Jardinage", other: null }])))).toEqual([
      { path: "themes.0.theme", message: "Choisissez un thème de la liste." },
    ]);
  });

  it("refuses territory « communes » with no commune, and a badly written INSEE code", () => {
    expect(errorsOf(withFiche((f) => (f.territory = { scope: "communes", communes: [] })))).toEqual([
      { path: "territory.communes", message: "Choisissez au moins une commune." },
    ]);
    expect(errorsOf(withFiche((f) => (f.territory = { scope: "communes", communes: ["7746"] })))).toEqual([
      { path: "territory.communes.0", message: "Le code INSEE compte 5 caractères (par exemple 77468)." },
    ]);
  });

  it("refuses a participation degree when inhabitants are not (or not known to be) involved", () => {
    for (const involved of [false, null]) {
      expect(errorsOf(withFiche((f) => (f.participation = { involved, how: "", degree: "consultation" })))).toEqual([
        { path: "participation.degree", message: "Le degré de participation ne se renseigne que si les habitants sont associés." },
      ]);
    }
  });

  it("refuses a PRS code with spaces or signs, and takes any region's short codes", () => {
    expect(errorsOf(withFiche((f) => (f.prsProjects = ["1.1", "OS2", "axe 1"])))).toEqual([
      { path: "prsProjects.2", message: "Un code de projet du PRS compte de 1 à 20 lettres, chiffres, points ou tirets (par exemple 1.1 ou OS2)." },
    ]);
  });

  it("refuses an indicator baseline or target that is not a number", () => {
    const ind = { kind: "result", label: "Taux", unit: "%", baseline: "12" as unknown as number, target: 20 };
    expect(errorsOf(withFiche((f) => (f.indicators = [ind])))).toEqual([
      { path: "indicators.0.baseline", message: "La valeur de départ doit être un nombre." },
    ]);
    expect(errorsOf(withFiche((f) => (f.indicators = [{ ...ind, baseline: 1, target: "vingt" as unknown as number }])))).toEqual([
      { path: "indicators.0.target", message: "La cible doit être un nombre." },
    ]);
  });

  it("refuses an empty indicator label and an unknown status, in French", () => {
    expect(errorsOf(withFiche((f) => (f.indicators = [{ kind: "result", label: " ", unit: "", baseline: null, target: null }])))).toEqual([
      { path: "indicators.0.label", message: "Le libellé de l'indicateur est obligatoire." },
    ]);
    expect(errorsOf(withFiche((f) => (f.status = "paused")))).toEqual([{ path: "status", message: "Statut inconnu." }]);
  });

  it("refuses a fiche marked done without an end month", () => {
    expect(errorsOf(withFiche((f) => Object.assign(f, { status: "done", endMonth: null })))).toEqual([
      { path: "endMonth", message: "Indiquez le mois de fin d'une fiche réalisée." },
    ]);
  });

  it("refuses a non-uuid organisation, axis or objective", () => {
    const errors = errorsOf(
      withFiche((f) => {
        f.lead = { organisation: "CPAM", person: null };
        f.axisId = "1";
        f.objectiveId = "1.1";
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "lead.organisation", message: "Identifiant invalide." },
        { path: "axisId", message: "Identifiant invalide." },
        { path: "objectiveId", message: "Identifiant invalide." },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it("reports several errors at once, each at its own path", () => {
    const errors = errorsOf(
      withFiche((f) => {
        f.title = "";
        f.prsProjects = ["a#b"];
        f.indicators = [{ kind: "result", label: "x", unit: "", baseline: "n" as unknown as number, target: null }];
      }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual(["indicators.0.baseline", "prsProjects.0", "title"]);
  });

  it("needs the version read for an update", () => {
    expect(actionUpdateBody.safeParse({ ...validFiche(), version: 2 }).success).toBe(true);
    expect(errorsOf(validFiche(), actionUpdateBody)).toEqual([{ path: "version", message: "La version de l'objet lu est obligatoire." }]);
    expect(errorsOf({ ...validFiche(), version: 0 }, actionUpdateBody)).toEqual([{ path: "version", message: "La version commence à 1." }]);
  });
});

describe("actionContent with organisations referred to by name (exchange format)", () => {
  const byName = actionContent(z.string().min(1, { error: "Nom manquant." }));
  const { axisId: _a, objectiveId: _o, ...content } = validFiche();
  const named = { ...content, lead: { organisation: "Coordinateur du CLS", person: null }, partners: [{ ...content.partners[0]!, organisation: "ARS" }] };

  it("accepts names where the API takes ids", () => {
    expect(byName.safeParse(named).success).toBe(true);
    // The same content is refused by the API body: names are not ids.
    expect(errorsOf({ ...named, axisId: AXIS_ID, objectiveId: null }).map((e) => e.path)).toEqual(["lead.organisation", "partners.0.organisation"]);
  });

  it("applies the same rules and messages", () => {
    expect(errorsOf({ ...named, title: "", startMonth: "2021-13" }, byName)).toEqual([
      { path: "title", message: "L'intitulé est obligatoire." },
      { path: "startMonth", message: "Indiquez un mois au format AAAA-MM (par exemple 2021-09)." },
    ]);
    expect(errorsOf({ ...named, lead: { organisation: "", person: null } }, byName)).toEqual([{ path: "lead.organisation", message: "Nom manquant." }]);
  });
});
