/** What the reference route answers: the controlled vocabularies, as lists and as labels by key. */
import { z } from "zod";

const labels = z.record(z.string(), z.string());

export const referenceOut = z.object({
  themes: z.array(z.string()).readonly(),
  determinants: z.array(z.string()).readonly(),
  partnerSectors: z.array(z.string()).readonly(),
  participationDegrees: labels,
  cityContractAnswers: labels,
  territoryScopes: labels,
  indicatorKinds: labels,
  otherPlans: z.array(z.string()).readonly(),
  actionStatuses: labels,
  contractStatuses: labels,
  contractTransitions: z.record(z.string(), z.array(z.string()).readonly()),
});

// ---------------------------------------------------------------------------
// The official territory (issue 15): communes, EPCI, départements and regions.

const MIN_QUERY = 2;

/** `?q=`: two characters at least (a name's start, an INSEE or postal code's, a SIREN's). */
export const territorySearchQuery = z.object({
  q: z
    .string({ error: "Saisissez au moins 2 caractères." })
    .trim()
    .min(MIN_QUERY, { error: `Saisissez au moins ${MIN_QUERY} caractères.` })
    .max(100, { error: "La recherche ne doit pas dépasser 100 caractères." }),
});

export const communeCodeParams = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{5}|2[AB]\d{3})$/, { error: "Le code INSEE compte 5 caractères (par exemple 77288)." }),
});

export const epciCodeParams = z.object({
  code: z.string().trim().regex(/^\d{9}$/, { error: "Le code d'un EPCI est son numéro SIREN, à 9 chiffres (par exemple 200057958)." }),
});

/** A département or a region: INSEE code and name. */
const division = z.object({ code: z.string(), name: z.string() });

export const referenceCommuneOut = z.object({
  code: z.string().describe("Code INSEE"),
  name: z.string(),
  population: z.number().nullable().describe("Population municipale (INSEE)"),
  departement: division,
  region: division,
  epci: z.object({ code: z.string(), name: z.string() }).nullable(),
  postalCodes: z.array(z.string()).readonly(),
});

export const referenceCommuneListOut = z.object({ items: z.array(referenceCommuneOut) });

const EPCI_KIND_VALUES = ["CA", "CC", "CU", "METRO", "MET69", "EPT"] as const;

export const referenceEpciSummaryOut = z.object({
  code: z.string().describe("SIREN"),
  name: z.string(),
  kind: z.enum(EPCI_KIND_VALUES),
  kindLabel: z.string(),
  population: z.number().describe("Somme des populations municipales de ses communes"),
  communeCount: z.number(),
  departements: z.array(division),
});

export const referenceEpciListOut = z.object({ items: z.array(referenceEpciSummaryOut) });

export const referenceEpciOut = referenceEpciSummaryOut.extend({ communes: z.array(referenceCommuneOut) });
