/**
 * What belongs to a region rather than to a contract (issue 15): the ARS's name and how the
 * documents name its fiche template, the PRS (name, edition, project codes with labels) and the
 * regional plans (PRSE…). Île-de-France's are shipped (the codes the CAPVM seed uses); every
 * other region starts with its ARS's name only, until an admin fills it. Pure functions.
 */
import { departmentOf, REGIONS } from "./roles.js";
import { OTHER_PLANS } from "./vocabulary.js";

export interface PrsProject {
  code: string;
  label: string;
}

export interface ReferentialFields {
  arsName: string;
  /** How the documents name the fiche template, after « Export du … : 12 fiches, ». */
  templateWording: string;
  prsName: string;
  prsEdition: string;
  prsProjects: PrsProject[];
  regionalPlans: string[];
}

export interface Referential extends ReferentialFields {
  regionCode: string;
  regionName: string;
  /** 0 when nothing was saved for the region yet (shipped or empty defaults). */
  version: number;
}

/**
 * Île-de-France, as the CAPVM seed (2019-2022) writes it: « Projet régional de santé 2018-2022
 * (PRS2) », its Schéma régional de santé's projects by code. The seed gives the labels of 1.1
 * and 5.1 only; the other labels are left for the admin to complete (« Référentiels »).
 */
export const SHIPPED_REFERENTIALS: Readonly<Record<string, ReferentialFields>> = {
  "11": {
    arsName: "ARS Île-de-France",
    templateWording: "au modèle de l'ARS Île-de-France",
    prsName: "PRS 2",
    prsEdition: "2018-2022",
    prsProjects: [
      { code: "1.1", label: "Faire émerger et soutenir des territoires d'action à l'initiative des acteurs" },
      { code: "2.1", label: "" },
      { code: "2.3", label: "" },
      { code: "4.1", label: "" },
      { code: "4.2", label: "" },
      { code: "4.3", label: "" },
      { code: "5.1", label: "Mettre en œuvre une stratégie de plaidoyer en faveur de la santé globale" },
      { code: "5.2", label: "" },
      { code: "5.3", label: "" },
      { code: "5.4", label: "" },
      { code: "5.5", label: "" },
    ],
    regionalPlans: ["PRSE 3", "Plan régional sport santé bien-être (PRSSBE) 2017-2020"],
  },
};

/** What a region has before anyone fills it: its shipped referential, or its ARS's name alone. */
export function defaultReferential(regionCode: string): ReferentialFields {
  const shipped = SHIPPED_REFERENTIALS[regionCode];
  if (shipped) return shipped;
  const name = REGIONS[regionCode]?.name ?? regionCode;
  return { arsName: `ARS ${name}`, templateWording: "", prsName: "", prsEdition: "", prsProjects: [], regionalPlans: [] };
}

/** The region's referential: what was saved, else its default. */
export function referentialOf(regionCode: string, saved: (ReferentialFields & { version: number }) | undefined): Referential {
  const fields = saved ?? defaultReferential(regionCode);
  return {
    regionCode,
    regionName: REGIONS[regionCode]?.name ?? regionCode,
    arsName: fields.arsName,
    templateWording: fields.templateWording,
    prsName: fields.prsName,
    prsEdition: fields.prsEdition,
    prsProjects: fields.prsProjects,
    regionalPlans: fields.regionalPlans,
    version: saved?.version ?? 0,
  };
}

const REGION_OF_DEPARTMENT: ReadonlyMap<string, string> = new Map(Object.entries(REGIONS).flatMap(([code, r]) => r.departments.map((d) => [d, code] as const)));

/** The region of a département, or null when the code is none of the map's. */
export function regionOfDepartment(department: string): string | null {
  return REGION_OF_DEPARTMENT.get(department) ?? null;
}

/**
 * The region a contract belongs to, from its communes' INSEE codes: the one most of its communes
 * lie in (ties: the smaller code), or null when it has no commune of a known département.
 */
export function contractRegion(inseeCodes: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const code of inseeCodes) {
    const region = regionOfDepartment(departmentOf(code));
    if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [region, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) if (best === null || n > counts.get(best)!) best = region;
  return best;
}

/** How documents name the fiche template: the region's wording, else « au modèle de l'ARS … », else a neutral one. */
export function templatePhrase(referential: ReferentialFields | null): string {
  if (!referential) return "au modèle des fiches actions de CLS";
  return referential.templateWording.trim() || `au modèle de l'${referential.arsName}`;
}

/** The plans a fiche may name as articulated with it: the PRS, the region's plans, then local ones any region has. */
export const LOCAL_PLANS = OTHER_PLANS;
export function planSuggestions(referential: ReferentialFields | null): string[] {
  const regional = referential ? [referential.prsName, ...referential.regionalPlans].map((p) => p.trim()).filter(Boolean) : [];
  return [...new Set([...regional, ...LOCAL_PLANS])];
}

/**
 * The PRS codes a fiche names that its region's list does not hold, with their index; none when
 * the region has no list yet (codes stay free text until one exists).
 */
export function unknownPrsCodes(codes: readonly string[], referential: ReferentialFields | null): { index: number; code: string }[] {
  if (!referential?.prsProjects.length) return [];
  const known = new Set(referential.prsProjects.map((p) => p.code.trim()));
  return codes.flatMap((code, index) => (known.has(code.trim()) ? [] : [{ index, code }]));
}
