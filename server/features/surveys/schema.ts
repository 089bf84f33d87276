/** What the survey routes accept: a survey as the builder writes it, answers online or on paper. */
import { z } from "zod";
import { OTHER_OPTION, QUESTION_KINDS, type QuestionKind } from "../../domain/surveys.js";
import { isoDate, optionalText, requiredText, uuid, version } from "../../validation/fields.js";

const kinds = Object.keys(QUESTION_KINDS) as [QuestionKind, ...QuestionKind[]];
const localId = z
  .string({ error: "Identifiant invalide." })
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "Identifiant invalide (lettres, chiffres, - et _, 40 au plus)." })
  .refine((id) => id !== OTHER_OPTION, { error: `« ${OTHER_OPTION} » est réservé au choix « Autre ».` });

const option = z.object({ id: localId, label: requiredText("Le libellé du choix", 300) });

export const question = z
  .object({
    id: localId,
    kind: z.enum(kinds, { error: "Choisissez le type de la question." }),
    label: requiredText("L'intitulé de la question", 500),
    help: optionalText("L'aide", 1000).default(""),
    required: z.boolean().default(false),
    options: z.array(option).max(30, { error: "Au plus 30 choix par question." }).default([]),
    other: z.boolean().default(false),
    rankCount: z.number().int().min(1, { error: "Classer au moins un choix." }).max(30).nullable().default(null),
    scaleMin: z.number().int().min(0, { error: "L'échelle commence à 0 ou 1." }).max(1, { error: "L'échelle commence à 0 ou 1." }).default(1),
    scaleMax: z.number().int().min(2, { error: "L'échelle va au moins jusqu'à 2." }).max(10, { error: "L'échelle va au plus jusqu'à 10." }).default(5),
    minLabel: optionalText("Le libellé du bas de l'échelle", 100).default(""),
    maxLabel: optionalText("Le libellé du haut de l'échelle", 100).default(""),
    showIf: z.object({ questionId: localId, optionIds: z.array(z.string().max(40)).min(1, { error: "Choisissez au moins une réponse qui affiche la question." }).max(30) }).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "single" || q.kind === "multiple" || q.kind === "ranking";
    if (choice && q.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "Proposez au moins deux choix." });
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["options"], message: "Deux choix portent le même identifiant." });
    if (q.kind === "ranking" && q.rankCount !== null && q.rankCount > q.options.length) ctx.addIssue({ code: "custom", path: ["rankCount"], message: `Il n'y a que ${q.options.length} choix à classer.` });
    if (q.other && q.kind !== "single" && q.kind !== "multiple") ctx.addIssue({ code: "custom", path: ["other"], message: "Le choix « Autre » n'existe que pour les questions à choix unique ou multiples." });
  });

export const surveyBody = z
  .object({
    title: requiredText("Le titre du sondage", 300),
    intro: optionalText("La présentation", 5000).default(""),
    questions: z.array(question).min(1, { error: "Ajoutez au moins une question." }).max(60, { error: "Au plus 60 questions." }),
    actionIds: z.array(uuid).max(40).default([]),
    opensOn: isoDate,
    closesOn: isoDate,
    oneAnswerPerDevice: z.boolean().default(true),
    askContact: z.boolean().default(false),
    retentionMonths: z.number().int().min(1, { error: "Au moins un mois de conservation." }).max(36, { error: "Au plus 36 mois de conservation." }).default(12),
  })
  .superRefine((s, ctx) => {
    if (s.closesOn < s.opensOn) ctx.addIssue({ code: "custom", path: ["closesOn"], message: "La clôture doit suivre l'ouverture." });
    const ids = s.questions.map((q) => q.id);
    s.questions.forEach((q, i) => {
      if (ids.indexOf(q.id) !== i) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: "Deux questions portent le même identifiant." });
      if (!q.showIf) return;
      const parent = s.questions.findIndex((p) => p.id === q.showIf!.questionId);
      if (parent < 0 || parent >= i) ctx.addIssue({ code: "custom", path: ["questions", i, "showIf", "questionId"], message: "Une question ne peut dépendre que d'une question placée avant elle." });
      else if (!["single", "multiple", "ranking"].includes(s.questions[parent]!.kind))
        ctx.addIssue({ code: "custom", path: ["questions", i, "showIf", "questionId"], message: "Une question ne peut dépendre que d'une question à choix." });
      else {
        const known = new Set([...s.questions[parent]!.options.map((o) => o.id), ...(s.questions[parent]!.other ? [OTHER_OPTION] : [])]);
        if (q.showIf.optionIds.some((o) => !known.has(o))) ctx.addIssue({ code: "custom", path: ["questions", i, "showIf", "optionIds"], message: "Une des réponses choisies n'existe pas dans la question dont celle-ci dépend." });
      }
    });
  });
export type SurveyBody = z.infer<typeof surveyBody>;
export const surveyUpdateBody = surveyBody.and(z.object({ version }));
export type SurveyUpdateBody = z.infer<typeof surveyUpdateBody>;

export const publishBody = z.object({ published: z.boolean({ error: "Indiquez si c'est publié." }) });

/** One question's answer; checked against the survey's questions by `checkAnswers`. */
const questionAnswer = z
  .object({
    choice: z.string().max(40).optional(),
    choices: z.array(z.string().max(40)).max(31).optional(),
    otherText: z.string().trim().max(500, { error: "Au plus 500 caractères." }).optional(),
    ranking: z.array(z.string().max(40)).max(30).optional(),
    value: z.number().int().min(0).max(10).optional(),
    text: z.string().trim().max(5000, { error: "Au plus 5 000 caractères." }).optional(),
    insee: z.string().max(5).optional(),
    qpv: z.string().max(100).optional(),
    ageBand: z.string().max(10).optional(),
  })
  .strict();
export const answers = z.record(z.string().max(40), questionAnswer).refine((a) => Object.keys(a).length <= 60, { error: "Trop de réponses." });

/** The public answer page. */
export const answerBody = z
  .object({
    answers,
    contactEmail: z.union([z.literal(""), z.email({ error: "Indiquez une adresse e-mail valide (par exemple prenom.nom@exemple.fr)." }).max(254)]).default(""),
    consent: z.boolean().default(false),
    /** Honeypot: a field people never see; a robot fills it. */
    website: z.string().max(500).default(""),
  })
  .superRefine((b, ctx) => {
    if (b.contactEmail && !b.consent) ctx.addIssue({ code: "custom", path: ["consent"], message: "Pour laisser votre adresse e-mail, cochez la case d'accord sur son usage (ou laissez l'adresse vide)." });
  });
export type AnswerBody = z.infer<typeof answerBody>;

/** A paper answer typed in by a member of the contract. */
export const paperAnswerBody = z.object({ answers, respondedOn: isoDate });
export type PaperAnswerBody = z.infer<typeof paperAnswerBody>;

export const resultsQuery = z.object({
  /** Cross-tabulate by this profile question (commune, QPV, age band). */
  by: z.string().max(40).optional(),
});
