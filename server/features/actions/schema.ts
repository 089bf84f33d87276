import { z } from "zod";
import {
  CITY_CONTRACT_ANSWERS,
  DETERMINANTS,
  INDICATOR_KINDS,
  OTHER_THEME,
  PARTICIPATION_DEGREES,
  PARTNER_SECTORS,
  TERRITORY_SCOPES,
  THEMES,
} from "../../domain/vocabulary.js";
import { inseeCode, month, optionalText, requiredText, uuid, version } from "../../validation/fields.js";
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
 * to: by id in the API, by name in the JSON exchange format.
 */
export function actionContent<R extends z.ZodType>(organisationRef: R) {
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
      determinant: z.enum(DETERMINANTS, { error: "Choisissez un déterminant de la liste." }).nullable(),
      themes: z.array(themeEntry).max(3, { error: "Trois thèmes au plus." }),
      otherPlans: z.array(requiredText("Le plan", 200)).max(20),
      /** Projets du Schéma régional de santé, par leur code (1.1, 2.3…). */
      prsProjects: z
        .array(z.string().trim().regex(/^\d{1,2}\.\d{1,2}$/, { error: "Un projet du PRS se note comme 1.1 ou 2.3." }))
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
    determinant: null,
    themes: [],
    otherPlans: [] as string[],
    partners: [],
    participation: { involved: null, how: "", degree: null },
  } satisfies Partial<z.input<ReturnType<typeof actionContent<z.ZodString>>>>;
}

/** Body of POST /contracts/:id/actions and PUT /actions/:id. */
export const actionBody = actionContent(uuid).safeExtend({
  axisId: uuid,
  objectiveId: uuid.nullable(),
});
export type ActionBody = z.infer<typeof actionBody>;

export const actionUpdateBody = actionBody.safeExtend({ version });
export type ActionUpdateBody = z.infer<typeof actionUpdateBody>;
