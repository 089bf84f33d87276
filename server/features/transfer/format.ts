import { z } from "zod";
import { actionContent, DETERMINANT_COUNT_MESSAGE } from "../actions/schema.js";
import { canonicalDeterminant, DETERMINANT_ALIASES, DETERMINANTS, MAX_DETERMINANTS, type Determinant } from "../../domain/vocabulary.js";
import { contractFields } from "../contracts/schema.js";
import { axisBody, objectiveBody } from "../axes/schema.js";
import { organisationBody } from "../organisations/schema.js";
import { LIMITS, limitMessage } from "../../validation/limits.js";

/**
 * The JSON exchange format of a whole contract ("cles.contract", version 1).
 * Organisations are referred to by their exact name in the directory; axes by
 * number; objectives by code within their axis. Ids are not part of the
 * format: an import creates new ones. docs/contract-format.schema.json is
 * generated from this schema (npm run cles -- schema).
 */
export const FORMAT = "cles.contract";
export const FORMAT_VERSION = 1;

/** The directory's entries, axes and objectives take the API's own schemas: what one accepts, the other does. */
export const organisationEntry = organisationBody;
const organisationName = organisationBody.shape.name;

const axisNumber = z.number({ error: "Le numéro d'axe est un nombre." }).int().min(1).max(LIMITS.axes, { error: limitMessage("axes") });

const axisEntry = axisBody.extend({
  number: axisNumber,
  /** Codes within the axis, e.g. "1.2". */
  objectives: z.array(objectiveBody).max(LIMITS.objectivesPerAxis, { error: limitMessage("objectivesPerAxis") }),
});

/** A determinant as a file may name it: from the list, or by a short label of files written before issue 15. */
const fileDeterminant = z
  .enum([...DETERMINANTS, ...Object.keys(DETERMINANT_ALIASES)] as [string, ...string[]], { error: "Choisissez les déterminants dans la liste." })
  .transform((d) => canonicalDeterminant(d) as Determinant);

/** One to three determinants; a fiche of an older file may have none (or name one in `determinant`). */
const fileDeterminants = z.array(fileDeterminant).max(MAX_DETERMINANTS, { error: DETERMINANT_COUNT_MESSAGE }).default([]);

export const actionEntry = actionContent(organisationName, fileDeterminants)
  .safeExtend({
    /** Files written before issue 15 name a single determinant here: read into `determinants`, never written. */
    determinant: fileDeterminant.nullable().optional(),
    /** Number of the axis the fiche belongs to. */
    axis: axisNumber,
    /** Code of the objective within that axis, if any. */
    objective: z.string().trim().min(1).nullable(),
    archived: z.boolean(),
  })
  .transform(({ determinant, ...a }) => (a.determinants.length === 0 && determinant ? { ...a, determinants: [determinant] } : a));
export type ActionEntry = z.infer<typeof actionEntry>;

/** The static contract: what version 1 holds, and version 2 too. */
export const contractBody = contractFields.safeExtend({
  organisations: z.array(organisationEntry).max(LIMITS.organisations, { error: limitMessage("organisations") }),
  axes: z.array(axisEntry).max(LIMITS.axes, { error: limitMessage("axes") }),
  actions: z.array(actionEntry).max(LIMITS.actions, { error: limitMessage("actions") }),
});
export type ContractBody = z.infer<typeof contractBody>;

export const formatLiteral = z.literal(FORMAT, { error: `Ce fichier n'est pas un export de contrat Clés (format attendu : ${FORMAT}).` });

export const contractDocument = z
  .object({
    format: formatLiteral,
    version: z.literal(FORMAT_VERSION, { error: "Version de format non prise en charge (attendue : 1 ou 2)." }),
    exportedAt: z.string().optional(),
    contract: contractBody,
  })
  .superRefine((doc, ctx) => checkContract(doc.contract, ctx));
export type ContractDocument = z.infer<typeof contractDocument>;

/** The static contract's references: organisations in the directory, axes, objectives, communes, fiche numbers. */
export function checkContract(c: ContractBody, ctx: z.RefinementCtx): void {
  const orgs = new Set<string>();
  c.organisations.forEach((o, i) => {
    if (orgs.has(o.name)) ctx.addIssue({ code: "custom", path: ["contract", "organisations", i, "name"], message: `L'organisation « ${o.name} » figure deux fois dans l'annuaire.` });
    orgs.add(o.name);
  });
  const checkOrg = (name: string, path: (string | number)[]) => {
    if (!orgs.has(name)) ctx.addIssue({ code: "custom", path: ["contract", ...path], message: `L'organisation « ${name} » n'est pas dans l'annuaire du contrat.` });
  };
  c.signatories.forEach((s, i) => checkOrg(s.organisation, ["signatories", i, "organisation"]));
  const axes = new Map<number, Set<string>>();
  c.axes.forEach((a, i) => {
    if (axes.has(a.number)) ctx.addIssue({ code: "custom", path: ["contract", "axes", i, "number"], message: `L'axe ${a.number} figure deux fois.` });
    axes.set(a.number, new Set(a.objectives.map((o) => o.code)));
  });
  const communes = new Set(c.communes.map((m) => m.inseeCode));
  const numbers = new Set<number>();
  c.actions.forEach((a, i) => {
    const at = (...p: (string | number)[]) => ["actions", i, ...p];
    if (!a.archived) {
      if (numbers.has(a.number)) ctx.addIssue({ code: "custom", path: ["contract", ...at("number")], message: `Le numéro de fiche ${a.number} est utilisé deux fois.` });
      numbers.add(a.number);
    }
    const objectives = axes.get(a.axis);
    if (!objectives) ctx.addIssue({ code: "custom", path: ["contract", ...at("axis")], message: `L'axe ${a.axis} n'existe pas dans ce contrat.` });
    else if (a.objective !== null && !objectives.has(a.objective))
      ctx.addIssue({ code: "custom", path: ["contract", ...at("objective")], message: `L'objectif « ${a.objective} » n'existe pas dans l'axe ${a.axis}.` });
    if (a.lead) checkOrg(a.lead.organisation, at("lead", "organisation"));
    a.partners.forEach((p, j) => checkOrg(p.organisation, at("partners", j, "organisation")));
    a.territory.communes.forEach((code, j) => {
      if (!communes.has(code)) ctx.addIssue({ code: "custom", path: ["contract", ...at("territory", "communes", j)], message: `La commune ${code} ne fait pas partie du territoire du contrat.` });
    });
  });
}
