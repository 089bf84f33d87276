/**
 * What the territory routes accept (issue 15, item 5): a scope (départements, a region, or
 * nothing: the actor's whole territory), filters on the contracts and their fiches, the
 * page of the contracts' table, and the contracts of a comparison.
 */
import { z } from "zod";
import { SHOWN_CONTRACT_STATUSES, type ShownContractStatus } from "../../domain/contract-status.js";
import { REGIONS } from "../../domain/roles.js";
import { DETERMINANTS, THEMES } from "../../domain/vocabulary.js";
import { FIRST_YEAR, isoDate, LAST_YEAR, uuid } from "../../validation/fields.js";

/** Every département of the map, by INSEE code ("21", "2A", "974"). */
export const DEPARTEMENTS: ReadonlySet<string> = new Set(Object.values(REGIONS).flatMap((r) => r.departments));

/** One value or several (repeated key, or comma-separated), as a list of trimmed codes. */
const listOf = <T extends z.ZodType<string, string>>(item: T, max: number, tooMany: string) =>
  z
    .union([z.string(), z.array(z.string()).max(max, { error: tooMany })])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max, { error: tooMany }));

const departement = z
  .string()
  .transform((s) => s.toUpperCase())
  .refine((code) => DEPARTEMENTS.has(code), { error: "Ce département n'existe pas (code INSEE, par exemple 77, 21, 2A ou 974)." });
const region = z.string().refine((code) => code in REGIONS, { error: "Cette région n'existe pas (code INSEE, par exemple 11 ou 27)." });

/** The territory asked for: départements, or one region, or nothing (the actor's whole territory). */
export const scopeQuery = z.object({
  departement: listOf(departement, 110, "Au plus 110 départements.").optional(),
  region: region.optional(),
});

const CONTRACT_STATUS_KEYS = Object.keys(SHOWN_CONTRACT_STATUSES) as [ShownContractStatus, ...ShownContractStatus[]];

/** Filters on the contracts (status, period) and on their fiches (theme, determinant, PRS code). */
export const filterQuery = scopeQuery.extend({
  theme: z.enum(THEMES, { error: "Thème inconnu." }).optional(),
  determinant: z.enum(DETERMINANTS, { error: "Déterminant inconnu." }).optional(),
  prsCode: z.string().trim().min(1, { error: "Indiquez un code PRS." }).max(20, { error: "Un code PRS ne dépasse pas 20 caractères." }).optional(),
  status: z.enum(CONTRACT_STATUS_KEYS, { error: "Statut de contrat inconnu." }).optional(),
  /** Contracts running during this year… */
  year: z.coerce
    .number({ error: "Indiquez une année." })
    .int({ error: "Indiquez une année." })
    .min(FIRST_YEAR, { error: `Indiquez une année entre ${FIRST_YEAR} et ${LAST_YEAR}.` })
    .max(LAST_YEAR, { error: `Indiquez une année entre ${FIRST_YEAR} et ${LAST_YEAR}.` })
    .optional(),
  /** …or during these days (either end may be left open). */
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** Only what cannot be said of one field: a year and dates at once, dates in the wrong order. */
function periodRules(value: { year?: number; from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (value.year !== undefined && (value.from || value.to)) ctx.addIssue({ code: "custom", path: ["year"], message: "Choisissez une année ou des dates, pas les deux." });
  if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "La date de fin précède la date de début." });
}

export const TERRITORY_SORTS = {
  name: "Nom",
  status: "Statut",
  start: "Début",
  end: "Fin",
  fiches: "Fiches",
  late: "Fiches en retard",
  progress: "Avancement du trimestre",
  indicators: "Indicateurs mesurés",
  budget: "Budget",
  review: "Dernière revue",
} as const;
export type TerritorySort = keyof typeof TERRITORY_SORTS;

export const overviewQuery = filterQuery
  .extend({
    sort: z.enum(Object.keys(TERRITORY_SORTS) as [TerritorySort, ...TerritorySort[]], { error: "Tri inconnu." }).default("name"),
    order: z.enum(["asc", "desc"], { error: "Ordre inconnu : asc ou desc." }).default("asc"),
    page: z.coerce.number({ error: "Indiquez un numéro de page." }).int({ error: "Indiquez un numéro de page." }).min(1, { error: "Les pages commencent à 1." }).max(10_000, { error: "Cette page n'existe pas." }).default(1),
    perPage: z.coerce
      .number({ error: "Indiquez un nombre de contrats par page." })
      .int({ error: "Indiquez un nombre de contrats par page." })
      .min(1, { error: "Au moins un contrat par page." })
      .max(200, { error: "Au plus 200 contrats par page." })
      .default(50),
  })
  .superRefine(periodRules);
export type OverviewQuery = z.infer<typeof overviewQuery>;

/** The exports take the filters, never a page: every contract (or fiche) of the scope. */
export const exportQuery = filterQuery.superRefine(periodRules);
export type FilterQuery = z.infer<typeof exportQuery>;
export type ScopeQuery = z.infer<typeof scopeQuery>;

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

export const compareQuery = z.object({
  contracts: listOf(uuid, MAX_COMPARED, `Comparez au plus ${MAX_COMPARED} contrats.`)
    .refine((ids) => ids.length >= MIN_COMPARED, { error: `Choisissez au moins ${MIN_COMPARED} contrats à comparer.` })
    .refine((ids) => new Set(ids).size === ids.length, { error: "Choisissez des contrats différents." }),
});
