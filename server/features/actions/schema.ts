import { z } from "zod";
import {
  CITY_CONTRACT_ANSWERS,
  DETERMINANTS,
  FUNDING_STATUSES,
  INDICATOR_KINDS,
  MAX_DETERMINANTS,
  OTHER_THEME,
  PARTICIPATION_DEGREES,
  PARTNER_SECTORS,
  TERRITORY_SCOPES,
  THEMES,
  type Determinant,
} from "../../domain/vocabulary.js";
import { FIRST_YEAR, inseeCode, LAST_YEAR, month, optionalText, requiredText, uuid, version } from "../../validation/fields.js";
import { currentMonth, statusIssues } from "./status.js";
import { ACTION_STATUS_VALUES } from "../../domain/statuses.js";

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const themeEntry = z
  .object({
    theme: z.enum(THEMES, { error: "Choisissez un thème de la liste." }),
    /** Free text when the theme is "Autre". */
    other: optionalText("La précision du thème", 200).nullable(),
  })
  .refine((t) => t.theme !== OTHER_THEME || (t.other ?? "").length > 0, {
    error: "Précisez le thème quand vous choisissez « Autre ».",
    path: ["other"],
  });

/** « Choisissez de un à trois déterminants » : the message of a count out of bounds. */
export const DETERMINANT_COUNT_MESSAGE = `Choisissez de un à trois déterminants de santé visés par l'action.`;

/** One to three determinants from the list, each once (the count's lower bound is checked where it applies: see `actionBody`). */
export const determinantsInput = z
  .array(z.enum(DETERMINANTS, { error: "Choisissez les déterminants dans la liste." }))
  .max(MAX_DETERMINANTS, { error: DETERMINANT_COUNT_MESSAGE });

/** Positions of determinants already chosen earlier in the list. */
export function repeatedDeterminants(list: readonly string[]): number[] {
  return list.flatMap((d, i) => (list.indexOf(d) < i ? [i] : []));
}

/**
 * A fiche that names determinants keeps at least one: an update may leave a fiche without any
 * only if it had none (fiches imported or written before issue 15, such as the CAMVS ones).
 */
export const determinantsDropped = (before: readonly string[], after: readonly string[]): boolean => before.length > 0 && after.length === 0;

/** The largest amount of one budget line, in euros (the column is an int4). */
export const MAX_BUDGET_AMOUNT = 1_000_000_000;

/** One line of a fiche's budget: a funder of the contract's directory gives (or is asked) an amount for a year. */
export const budgetLineInput = z.object({
  year: z
    .number({ error: "L'année est obligatoire." })
    .int({ error: "L'année est un nombre entier (par exemple 2021)." })
    .min(FIRST_YEAR, { error: `Indiquez une année entre ${FIRST_YEAR} et ${LAST_YEAR}.` })
    .max(LAST_YEAR, { error: `Indiquez une année entre ${FIRST_YEAR} et ${LAST_YEAR}.` }),
  amount: z
    .number({ error: "Le montant est obligatoire, en euros." })
    .int({ error: "Le montant s'écrit en euros entiers, sans centimes." })
    .min(1, { error: "Le montant doit être positif." })
    .max(MAX_BUDGET_AMOUNT, { error: "Le montant ne peut dépasser un milliard d'euros." }),
  funderId: z.uuid({ error: "Choisissez le financeur dans l'annuaire du contrat." }),
  status: z.enum(keys(FUNDING_STATUSES), { error: "Indiquez si le financement est acquis ou demandé." }),
});
export type BudgetLineInput = z.infer<typeof budgetLineInput>;

export const budgetInput = z
  .array(budgetLineInput)
  .max(60, { error: "60 lignes de budget au plus." })
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      const key = `${l.year}:${l.funderId}:${l.status}`;
      if (seen.has(key))
        ctx.addIssue({ code: "custom", path: [i, "funderId"], message: "Ce financeur a déjà une ligne de ce statut pour cette année : additionnez les montants sur une seule ligne." });
      seen.add(key);
    });
  });

export const indicatorInput = z.object({
  /** Kept when editing, so that measurements stay attached. */
  id: uuid.optional(),
  kind: z.enum(keys(INDICATOR_KINDS), { error: "Choisissez le type d'indicateur." }),
  label: requiredText("Le libellé de l'indicateur", 500),
  unit: optionalText("L'unité", 60),
  baseline: z.number({ error: "La valeur de départ doit être un nombre." }).finite().nullable(),
  target: z.number({ error: "La cible doit être un nombre." }).finite().nullable(),
});

/**
 * The content of a fiche action, generic over how an organisation is referred
 * to: by id in the API, by name in the JSON exchange format (which also reads
 * determinants as older files wrote them: `determinants`).
 */
export function actionContent<R extends z.ZodType, D extends z.ZodType<Determinant[]> = typeof determinantsInput>(organisationRef: R, determinants?: D) {
  const partner = z.object({
    sector: z.enum(PARTNER_SECTORS, { error: "Choisissez le secteur du partenaire." }),
    organisation: organisationRef,
    /** A named person, who need not have an account. */
    person: optionalText("Le nom de la personne", 200).nullable(),
    needsAnalysis: z.boolean(),
    resourceMobilisation: z.boolean(),
    implementation: z.boolean(),
    coSteering: z.boolean(),
  });
  return z
    .object({
      number: z.number({ error: "Le numéro est obligatoire." }).int().min(1, { error: "Le numéro commence à 1." }).max(999),
      title: requiredText("L'intitulé", 300),
      status: z.enum(ACTION_STATUS_VALUES, { error: "Statut inconnu." }),
      /** Porteur de l'action: an organisation (or service) of the directory, and optionally a named person. */
      lead: z
        .object({
          organisation: organisationRef,
          person: optionalText("Le nom de la personne", 200).nullable(),
        })
        .nullable(),
      startMonth: month.nullable(),
      endMonth: month.nullable(),
      justification: z.object({
        text: optionalText("La justification"),
        /** Des inégalités sociales et territoriales de santé ont-elles été repérées ? */
        inequalitiesIdentified: z.boolean().nullable(),
        /** La problématique est-elle intégrée dans le volet santé du contrat de ville ? */
        cityContractHealth: z.enum(keys(CITY_CONTRACT_ANSWERS)).nullable(),
      }),
      specificObjective: optionalText("L'objectif spécifique", 2000),
      operationalObjectives: z
        .array(requiredText("L'objectif opérationnel", 1000))
        .max(20, { error: "20 objectifs opérationnels au plus." }),
      description: optionalText("La description", 50_000),
      /** L'action est-elle préexistante à la dynamique du CLS ? */
      preExisting: z.boolean().nullable(),
      targetPublic: optionalText("Le public cible", 2000),
      place: optionalText("Le lieu de l'action", 1000),
      territory: z.object({
        scope: z.enum(keys(TERRITORY_SCOPES), { error: "Choisissez le territoire de l'action." }),
        /** INSEE codes, when the scope is "communes". */
        communes: z.array(inseeCode).max(200),
      }),
      determinants: (determinants ?? determinantsInput) as D,
      themes: z.array(themeEntry).max(3, { error: "Trois thèmes au plus." }),
      otherPlans: z.array(requiredText("Le plan", 200)).max(20),
      /** Projets du Schéma régional de santé, par leur code (1.1, 2.3…). */
      prsProjects: z
        // Each region writes its own (1.1 in Île-de-France); checked against the region's list once it has one (domain/referentials.ts).
        .array(z.string().trim().regex(/^[\p{L}\d][\p{L}\d.-]{0,19}$/u, { error: "Un code de projet du PRS compte de 1 à 20 lettres, chiffres, points ou tirets (par exemple 1.1 ou OS2)." }))
        .max(30),
      partners: z.array(partner).max(100),
      participation: z.object({
        involved: z.boolean().nullable(),
        how: optionalText("La précision sur la participation", 2000),
        degree: z.enum(keys(PARTICIPATION_DEGREES)).nullable(),
      }),
      indicators: z.array(indicatorInput).max(50),
    })
    .superRefine((a, ctx) => {
      if (a.startMonth && a.endMonth && a.endMonth < a.startMonth) {
        ctx.addIssue({ code: "custom", path: ["endMonth"], message: "La fin doit être postérieure ou égale au début." });
      }
      for (const issue of statusIssues(a, currentMonth())) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
      if (a.territory.scope === "communes" && a.territory.communes.length === 0) {
        ctx.addIssue({ code: "custom", path: ["territory", "communes"], message: "Choisissez au moins une commune." });
      }
      for (const i of repeatedDeterminants((a as { determinants: Determinant[] }).determinants)) ctx.addIssue({ code: "custom", path: ["determinants", i], message: "Ce déterminant est déjà choisi." });
      const seen = new Set<string>();
      a.themes.forEach((t, i) => {
        const key = t.theme === OTHER_THEME ? `${t.theme}:${t.other ?? ""}` : t.theme;
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["themes", i, "theme"], message: "Ce thème est déjà choisi." });
        seen.add(key);
      });
      if (a.participation.involved !== true && a.participation.degree !== null) {
        ctx.addIssue({
          code: "custom",
          path: ["participation", "degree"],
          message: "Le degré de participation ne se renseigne que si les habitants sont associés.",
        });
      }
    });
}

/** The content of a new, empty fiche: what the creation form starts from. */
export function blankActionContent(number: number) {
  return {
    number,
    title: "",
    status: "not_started" as const,
    lead: null,
    startMonth: null,
    endMonth: null,
    justification: { text: "", inequalitiesIdentified: null, cityContractHealth: null },
    specificObjective: "",
    operationalObjectives: [] as string[],
    description: "",
    preExisting: null,
    targetPublic: "",
    place: "",
    territory: { scope: "whole" as const, communes: [] as string[] },
    determinants: [] as z.infer<typeof determinantsInput>,
    themes: [],
    otherPlans: [] as string[],
    partners: [],
    participation: { involved: null, how: "", degree: null },
  } satisfies Partial<z.input<ReturnType<typeof actionContent<z.ZodString>>>>;
}

/**
 * A fiche as the API writes it: its content, its place, and its budget. Without `budgets`,
 * an update leaves the fiche's budget as it is; with it, the lines replace the old ones.
 */
export const actionFields = actionContent(uuid).safeExtend({
  axisId: uuid,
  objectiveId: uuid.nullable(),
  budgets: budgetInput.optional(),
});

/** Body of POST /contracts/:id/actions: a new fiche names one to three determinants. */
export const actionBody = actionFields.superRefine((a, ctx) => {
  if (a.determinants.length === 0) ctx.addIssue({ code: "custom", path: ["determinants"], message: DETERMINANT_COUNT_MESSAGE });
});
export type ActionBody = z.infer<typeof actionBody>;

/** Body of PUT /actions/:id (the service refuses to drop every determinant of a fiche that has some). */
export const actionUpdateBody = actionFields.safeExtend({ version });
export type ActionUpdateBody = z.infer<typeof actionUpdateBody>;
