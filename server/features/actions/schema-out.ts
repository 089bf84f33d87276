/** What the fiche routes answer: the filtered list with its facets, and a whole fiche with what the actor may do. */
import { z } from "zod";
import { ACTION_STATUS_VALUES } from "../../domain/statuses.js";
import { SHOWN_STATUSES } from "../../domain/shown-status.js";
import { CITY_CONTRACT_ANSWERS, DETERMINANTS, FUNDING_STATUSES, INDICATOR_KINDS, PARTICIPATION_DEGREES, PARTNER_SECTORS, TERRITORY_SCOPES, THEMES } from "../../domain/vocabulary.js";
import { ficheRef, keyEnum } from "../../http/responses.js";
import { ACTION_SORTS } from "./filters.js";

const status = z.enum(ACTION_STATUS_VALUES);
const themeOut = z.object({ theme: z.enum(THEMES), other: z.string().nullable() });
/** The status people see (declared, merged or late) and its label. */
export const shownOut = { shownStatus: keyEnum(SHOWN_STATUSES), shownStatusLabel: z.string() };
/** The people who pilot a fiche (accounts with role lead on it), by name. */
export const pilotsOut = z.array(z.object({ id: z.string(), name: z.string() }));
/** A fiche's budget totals, in euros: secured (« acquis ») and requested (« demandé »). */
export const budgetTotalsOut = z.object({ total: z.number(), secured: z.number(), requested: z.number() });
/** A fiche's budget: its lines (each funder named) and their totals. */
export const budgetOut = budgetTotalsOut.extend({
  lines: z.array(z.object({ year: z.number(), amount: z.number(), funder: z.object({ id: z.string(), name: z.string() }), status: keyEnum(FUNDING_STATUSES) })),
});

export const actionListOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      status,
      mergedIntoId: z.string().nullable(),
      startMonth: z.string().nullable(),
      endMonth: z.string().nullable(),
      themes: z.array(themeOut),
      territoryScope: keyEnum(TERRITORY_SCOPES),
      archivedAt: z.date().nullable(),
      axis: z.object({ id: z.string(), number: z.number(), title: z.string() }),
      rank: z.number(),
      objective: z.object({ id: z.string(), code: z.string() }).nullable(),
      lead: z.object({ organisationId: z.string(), name: z.string(), shortName: z.string().nullable(), person: z.string().nullable() }).nullable(),
      pilots: pilotsOut,
      budget: budgetTotalsOut,
      ...shownOut,
    }),
  ),
  total: z.number(),
  sort: keyEnum(ACTION_SORTS),
  facets: z.object({
    leads: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() })),
    themes: z.array(z.enum(THEMES)),
  }),
});

/** A whole fiche in the nested shape of its edit form, with names for display, its shown status and merge links. */
export const ficheOut = z.object({
  id: z.string(),
  contractId: z.string(),
  version: z.number(),
  archivedAt: z.date().nullable(),
  updatedAt: z.date(),
  axisId: z.string(),
  objectiveId: z.string().nullable(),
  axis: z.object({ id: z.string(), number: z.number(), title: z.string() }),
  objective: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  number: z.number(),
  title: z.string(),
  status,
  lead: z.object({ organisation: z.string(), person: z.string().nullable(), organisationName: z.string() }).nullable(),
  startMonth: z.string().nullable(),
  endMonth: z.string().nullable(),
  justification: z.object({ text: z.string(), inequalitiesIdentified: z.boolean().nullable(), cityContractHealth: keyEnum(CITY_CONTRACT_ANSWERS).nullable() }),
  specificObjective: z.string(),
  operationalObjectives: z.array(z.string()),
  description: z.string(),
  preExisting: z.boolean().nullable(),
  targetPublic: z.string(),
  place: z.string(),
  territory: z.object({ scope: keyEnum(TERRITORY_SCOPES), communes: z.array(z.string()) }),
  determinants: z.array(z.enum(DETERMINANTS)),
  themes: z.array(themeOut),
  otherPlans: z.array(z.string()),
  prsProjects: z.array(z.string()),
  partners: z.array(
    z.object({
      sector: z.enum(PARTNER_SECTORS),
      organisation: z.string(),
      organisationName: z.string(),
      person: z.string().nullable(),
      needsAnalysis: z.boolean(),
      resourceMobilisation: z.boolean(),
      implementation: z.boolean(),
      coSteering: z.boolean(),
    }),
  ),
  participation: z.object({ involved: z.boolean().nullable(), how: z.string(), degree: keyEnum(PARTICIPATION_DEGREES).nullable() }),
  indicators: z.array(
    z.object({ id: z.string(), kind: keyEnum(INDICATOR_KINDS), label: z.string(), unit: z.string(), baseline: z.number().nullable(), target: z.number().nullable() }),
  ),
  budget: budgetOut,
  ...shownOut,
  pilots: pilotsOut,
  mergedInto: ficheRef.nullable(),
  mergedFrom: z.array(ficheRef),
  permissions: z.object({ update: z.boolean(), archive: z.boolean(), readHistory: z.boolean() }),
});
