/** What the territory routes answer (issue 15, item 5). */
import { z } from "zod";
import { SHOWN_CONTRACT_STATUSES } from "../../domain/contract-status.js";
import { SHOWN_STATUSES } from "../../domain/shown-status.js";
import { keyEnum } from "../../http/responses.js";

const scopeOut = z.object({ all: z.boolean(), departements: z.array(z.string()), label: z.string() });

export const scopeChoicesOut = z.object({
  all: z.boolean().describe("Toute l'instance (administration de la plateforme)"),
  departements: z.array(z.string()).describe("Les départements que le compte peut lire"),
  regions: z.array(z.object({ code: z.string(), name: z.string(), departements: z.array(z.string()), whole: z.boolean() })),
  label: z.string(),
});

const statusCounts = z.object(Object.fromEntries(Object.keys(SHOWN_STATUSES).map((k) => [k, z.number()])) as Record<keyof typeof SHOWN_STATUSES, z.ZodNumber>);
const committeeOut = z.object({
  lastOn: z.string().nullable().describe("Jour de la dernière réunion tenue"),
  holds: z.boolean().nullable().describe("Le rythme prévu est tenu (null : aucun rythme prévu)"),
  alert: z.string().nullable(),
});

export const contractRowOut = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  localAuthority: z.string(),
  departements: z.array(z.string()),
  status: keyEnum(SHOWN_CONTRACT_STATUSES),
  statusLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  fiches: z.object({ total: z.number(), byStatus: statusCounts }),
  late: z.number(),
  progress: z.object({ active: z.number(), withProgress: z.number(), share: z.number().nullable() }),
  copil: committeeOut,
  cotech: committeeOut,
  rhythmHolds: z.boolean().nullable(),
  lastReview: z.object({ year: z.number(), quarter: z.number(), publishedOn: z.string() }).nullable(),
  indicators: z.object({ total: z.number(), measured: z.number(), share: z.number().nullable() }),
  budget: z.object({ total: z.number(), secured: z.number(), requested: z.number() }),
});

const labels = <T extends Record<string, string>>(vocabulary: T) => z.object(Object.fromEntries(Object.keys(vocabulary).map((k) => [k, z.string()])) as Record<keyof T, z.ZodString>);

export const overviewOut = z.object({
  today: z.string(),
  scope: scopeOut,
  statusLabels: labels(SHOWN_STATUSES),
  contractStatusLabels: labels(SHOWN_CONTRACT_STATUSES),
  contracts: z.object({ items: z.array(contractRowOut), total: z.number(), page: z.number(), perPage: z.number() }),
  aggregates: z.object({
    contracts: z.number(),
    fiches: z.object({ total: z.number(), byStatus: statusCounts }),
    themeByPrs: z.object({
      prsCodes: z.array(z.string()),
      rows: z.array(z.object({ theme: z.string(), cells: z.array(z.number()), withoutCode: z.number(), total: z.number() })),
    }),
    governance: z.object({ holding: z.number(), behind: z.number(), noRhythm: z.number() }),
    late: z.object({
      count: z.number(),
      items: z.array(z.object({ contractId: z.string(), contractName: z.string(), id: z.string(), number: z.number(), title: z.string(), lateSince: z.string() })),
    }),
    budget: z.object({
      total: z.number(),
      secured: z.number(),
      requested: z.number(),
      byFunder: z.array(z.object({ name: z.string(), secured: z.number(), requested: z.number(), total: z.number(), contractCount: z.number() })).describe("Les 30 premiers financeurs"),
      otherFunders: z.object({ count: z.number(), secured: z.number(), requested: z.number(), total: z.number() }).describe("Les autres financeurs, additionnés"),
    }),
  }),
});

export const compareOut = z.object({
  today: z.string(),
  statusLabels: labels(SHOWN_STATUSES),
  contracts: z.array(contractRowOut.extend({ themes: z.array(z.object({ theme: z.string(), count: z.number() })) })),
});
