import { z } from "zod";
import { dayOrMonth, inseeCode, isoDate, optionalText, requiredText, version } from "../../validation/fields.js";
import { LIMITS, limitMessage } from "../../validation/limits.js";
import { CONTRACT_STATUS_VALUES } from "../../domain/statuses.js";

/** A number of inhabitants, whole, from `min`; null or left out when unknown. */
const inhabitants = (min: number, below: string) =>
  z
    .number({ error: "La population doit être un nombre." })
    .int({ error: "La population est un nombre entier d'habitants." })
    .min(min, { error: below })
    .max(100_000_000, { error: "La population ne peut pas dépasser 100 millions d'habitants." })
    .nullable()
    .optional();

/**
 * A commune of the territory by its INSEE code; its name and population, when left out (or the
 * population null), are taken from the official reference (contracts/territory.ts), which also
 * refuses a code it does not know.
 */
export const communeEntry = z.object({
  inseeCode,
  name: requiredText("Le nom de la commune", 200).optional(),
  population: inhabitants(0, "La population ne peut pas être négative."),
});

export const priorityAreaEntry = z.object({
  name: requiredText("Le nom du quartier", 300),
  /** Code QPV national, e.g. QN07701M. */
  code: optionalText("Le code du quartier", 20).nullable(),
  communeInseeCode: inseeCode.nullable(),
});

/** Signatory: `organisation` is a name in the exchange format, an id in the API. */
export function signatoryEntry<R extends z.ZodType>(organisationRef: R) {
  return z.object({
    organisation: organisationRef,
    representative: optionalText("Le représentant", 200),
    title: optionalText("La qualité du représentant", 300),
    signedOn: isoDate.nullable(),
  });
}

/** A key date of the contract: a day or a month, and what happened (« Signature par les six partenaires »). */
export const keyDateEntry = z.object({ on: dayOrMonth, label: requiredText("Ce qui a eu lieu", 300) });

/** Fields of a contract shared by the API and the exchange format. */
const contractHeader = z.object({
  /** Short identifier used in URLs and on the command line, e.g. "capvm-2019-2022". */
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "L'identifiant ne contient que des minuscules, chiffres et tirets." })
    .max(80),
  name: requiredText("Le nom du contrat", 300),
  localAuthority: requiredText("La collectivité", 300),
  startDate: isoDate,
  endDate: isoDate,
  status: z.enum(CONTRACT_STATUS_VALUES, { error: "Statut inconnu." }),
  summary: optionalText("La présentation", 50_000),
  /** The population the contract states for its territory. Left out: unchanged on an update, none on a creation. */
  population: inhabitants(1, "La population compte au moins un habitant."),
  /** Left out: unchanged on an update, none on a creation. */
  keyDates: z.array(keyDateEntry).max(LIMITS.keyDates, { error: limitMessage("keyDates") }).optional(),
  communes: z.array(communeEntry).max(LIMITS.communes, { error: limitMessage("communes") }),
  priorityAreas: z.array(priorityAreaEntry).max(LIMITS.priorityAreas, { error: limitMessage("priorityAreas") }),
});

function checkContract(c: z.infer<typeof contractHeader>, ctx: z.RefinementCtx) {
  if (c.endDate < c.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "La fin doit être postérieure au début." });
  const codes = new Set<string>();
  c.communes.forEach((m, i) => {
    if (codes.has(m.inseeCode)) ctx.addIssue({ code: "custom", path: ["communes", i, "inseeCode"], message: `La commune ${m.inseeCode} figure deux fois.` });
    codes.add(m.inseeCode);
  });
  c.priorityAreas.forEach((q, i) => {
    if (q.communeInseeCode && !codes.has(q.communeInseeCode))
      ctx.addIssue({ code: "custom", path: ["priorityAreas", i, "communeInseeCode"], message: "Cette commune ne fait pas partie du territoire." });
  });
}

export const contractFields = contractHeader
  .safeExtend({ signatories: z.array(signatoryEntry(requiredText("Le nom de l'organisation", 300))).max(LIMITS.signatories, { error: limitMessage("signatories") }) })
  .superRefine(checkContract);

export const contractBody = contractHeader
  .safeExtend({ signatories: z.array(signatoryEntry(z.uuid({ error: "Choisissez une organisation." }))).max(LIMITS.signatories, { error: limitMessage("signatories") }) })
  .superRefine(checkContract);
export type ContractBody = z.infer<typeof contractBody>;
export const contractUpdateBody = contractBody.safeExtend({ version });

/** A page of the list of contracts, searched by name, local authority or commune. */
export const contractListQuery = z.object({
  q: z.string().trim().max(200, { error: "La recherche ne doit pas dépasser 200 caractères." }).optional(),
  page: z.coerce.number({ error: "Indiquez un numéro de page." }).int({ error: "Indiquez un numéro de page." }).min(1, { error: "Les pages commencent à 1." }).max(100_000, { error: "Cette page n'existe pas." }).default(1),
  perPage: z.coerce.number({ error: "Indiquez un nombre de contrats par page." }).int({ error: "Indiquez un nombre de contrats par page." }).min(1, { error: "Au moins un contrat par page." }).max(100, { error: "Au plus 100 contrats par page." }).default(24),
});
export type ContractListQuery = z.infer<typeof contractListQuery>;
