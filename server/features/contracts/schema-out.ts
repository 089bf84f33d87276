/** What the contract routes answer: the paginated list, and a contract page with what the actor may do. */
import { z } from "zod";
import { CONTRACT_STATUS_VALUES } from "../../domain/statuses.js";
import { PARTNER_SECTORS } from "../../domain/vocabulary.js";

const status = z.enum(CONTRACT_STATUS_VALUES);
/** A département or a region: INSEE code and name. */
const division = z.object({ code: z.string(), name: z.string() });

/** What every answer says of a contract first. */
const contractHeaderOut = z.object({ id: z.string(), slug: z.string(), name: z.string(), localAuthority: z.string(), startDate: z.string(), endDate: z.string(), status });

export const contractListOut = z.object({
  items: z.array(
    contractHeaderOut.extend({
      axisCount: z.number(),
      actionCount: z.number(),
      communeCount: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
  permissions: z.object({ create: z.boolean(), import: z.boolean() }),
});

/** A contract as `getContract` reads it: territory, signatories, directory, axes and objectives. */
export const contractViewOut = contractHeaderOut.extend({
  summary: z.string(),
  /** In date order: a day "AAAA-MM-JJ" or a month "AAAA-MM" each. */
  keyDates: z.array(z.object({ on: z.string(), label: z.string() })),
  /** The population the contract states (not the sum of its communes' official populations). */
  population: z.number().nullable(),
  published: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  communes: z.array(z.object({ inseeCode: z.string(), name: z.string(), population: z.number().nullable() })),
  /** Derived from the communes' INSEE codes (the one holding most communes first), never typed. */
  departements: z.array(division),
  regions: z.array(division),
  priorityAreas: z.array(z.object({ name: z.string(), code: z.string().nullable(), communeInseeCode: z.string().nullable() })),
  signatories: z.array(
    z.object({ organisationId: z.string(), organisationName: z.string(), representative: z.string(), title: z.string(), signedOn: z.string().nullable() }),
  ),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), sector: z.enum(PARTNER_SECTORS).nullable(), version: z.number() })),
  axes: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      description: z.string(),
      version: z.number(),
      actionCount: z.number(),
      objectives: z.array(z.object({ id: z.string(), code: z.string(), title: z.string(), version: z.number(), actionCount: z.number() })),
    }),
  ),
  counts: z.object({
    population: z.number().nullable(),
    populationMissing: z.number(),
    axes: z.number(),
    objectives: z.number(),
    actions: z.number(),
    communes: z.number(),
  }),
});

const CONTRACT_PERMISSIONS = [
  "update",
  "manageStructure",
  "manageDirectory",
  "addOrganisation",
  "createAction",
  "manageMembers",
  "publish",
  "export",
  "readHistory",
  "manageGovernance",
  "comment",
  "moderateComments",
  "manageReviews",
  "answerEvaluation",
  "manageReferents",
] as const;

export const contractPermissionsOut = z.object(Object.fromEntries(CONTRACT_PERMISSIONS.map((k) => [k, z.boolean()])) as Record<(typeof CONTRACT_PERMISSIONS)[number], z.ZodBoolean>);

/** The contract page: the contract and what the actor may do on it. */
export const contractOut = contractViewOut.extend({ permissions: contractPermissionsOut });
