/** What the survey routes answer. Respondents' e-mails only in the coordination's answers. */
import { z } from "zod";
import { ANSWER_SOURCES, QUESTION_KINDS } from "../../domain/surveys.js";
import { ficheRef, itemsOf, keyEnum } from "../../http/responses.js";

const questionOut = z.object({
  id: z.string(),
  kind: keyEnum(QUESTION_KINDS),
  label: z.string(),
  help: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  other: z.boolean(),
  rankCount: z.number().nullable(),
  scaleMin: z.number(),
  scaleMax: z.number(),
  minLabel: z.string(),
  maxLabel: z.string(),
  showIf: z.object({ questionId: z.string(), optionIds: z.array(z.string()) }).nullable(),
});

/** Where a survey stands: draft, published but not yet open, open, closed. */
export const SURVEY_STATES = { draft: "Brouillon", scheduled: "Publié, pas encore ouvert", open: "Ouvert aux réponses", closed: "Clos" } as const;

export const surveyListOut = itemsOf(
  z.object({
    id: z.string(),
    title: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    state: keyEnum(SURVEY_STATES),
    resultsPublished: z.boolean(),
    answers: z.number(),
  }),
);

export const surveyOut = z.object({
  id: z.string(),
  contractId: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(questionOut),
  actionIds: z.array(z.string()),
  actions: z.array(ficheRef),
  opensOn: z.string(),
  closesOn: z.string(),
  oneAnswerPerDevice: z.boolean(),
  askContact: z.boolean(),
  retentionMonths: z.number(),
  publishedAt: z.date().nullable(),
  resultsPublishedAt: z.date().nullable(),
  state: keyEnum(SURVEY_STATES),
  /** The public answer page's path (for the link to share). */
  publicPath: z.string(),
  answers: z.object({ total: z.number(), online: z.number(), paper: z.number() }),
  version: z.number(),
  /** May the reader edit, publish, read contacts; type a paper answer. */
  canManage: z.boolean(),
  canEnter: z.boolean(),
  /** The contract's communes and priority areas, for the profile questions of a paper answer. */
  communes: z.array(z.object({ inseeCode: z.string(), name: z.string() })),
  priorityAreas: z.array(z.object({ id: z.string(), name: z.string() })),
});

const percent = z.number().describe("Share of the question's respondents, 0–100, one decimal");
const choiceResult = z.object({
  kind: z.literal("choice"),
  questionId: z.string(),
  questionKind: keyEnum(QUESTION_KINDS),
  label: z.string(),
  /** People who answered this question. */
  respondents: z.number(),
  /** One row per option (a person choosing several counts in each): count and share of respondents. */
  options: z.array(z.object({ id: z.string(), label: z.string(), count: z.number(), percent })),
  /** The « Autre » texts, as typed. */
  otherTexts: z.array(z.string()),
});
const rankingResult = z.object({
  kind: z.literal("ranking"),
  questionId: z.string(),
  questionKind: z.literal("ranking"),
  label: z.string(),
  respondents: z.number(),
  /** In priority order: mean rank (1 = first), how many put it first, how many ranked it. */
  options: z.array(z.object({ id: z.string(), label: z.string(), meanRank: z.number().nullable(), firstChoices: z.number(), rankedBy: z.number(), priority: z.number() })),
});
const scaleResult = z.object({
  kind: z.literal("scale"),
  questionId: z.string(),
  questionKind: z.literal("scale"),
  label: z.string(),
  respondents: z.number(),
  minLabel: z.string(),
  maxLabel: z.string(),
  distribution: z.array(z.object({ value: z.number(), count: z.number(), percent })),
  mean: z.number().nullable(),
  median: z.number().nullable(),
});
const textResult = z.object({
  kind: z.literal("text"),
  questionId: z.string(),
  questionKind: keyEnum(QUESTION_KINDS),
  label: z.string(),
  respondents: z.number(),
  texts: z.array(z.string()),
});
export const questionResult = z.discriminatedUnion("kind", [choiceResult, rankingResult, scaleResult, textResult]);

/** A choice, ranking or scale question's answers split by the groups of a profile question. */
export const crossTab = z.object({
  questionId: z.string(),
  label: z.string(),
  /** Columns: the question's options (or scale values). */
  columns: z.array(z.object({ id: z.string(), label: z.string() })),
  /** Rows: the groups of the profile question (commune, QPV, age band), then « Sans réponse ». */
  rows: z.array(z.object({ id: z.string(), label: z.string(), respondents: z.number(), counts: z.array(z.number()) })),
});

export const resultsOut = z.object({
  surveyId: z.string(),
  title: z.string(),
  total: z.number(),
  online: z.number(),
  paper: z.number(),
  firstAnswerOn: z.string().nullable(),
  lastAnswerOn: z.string().nullable(),
  questions: z.array(questionResult),
  /** Profile questions the results may be split by. */
  profiles: z.array(z.object({ id: z.string(), label: z.string(), kind: keyEnum(QUESTION_KINDS) })),
  by: z.object({ id: z.string(), label: z.string() }).nullable(),
  crossTabs: z.array(crossTab),
});
export type ResultsOut = z.infer<typeof resultsOut>;

export const publicSurveyOut = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  contractTitle: z.string(),
  organiser: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: keyEnum(SURVEY_STATES),
  questions: z.array(questionOut),
  communes: z.array(z.object({ inseeCode: z.string(), name: z.string() })),
  priorityAreas: z.array(z.object({ id: z.string(), name: z.string() })),
  askContact: z.boolean(),
  consentText: z.string(),
  privacy: z.object({ purpose: z.string(), legalBasis: z.string(), readers: z.string(), retention: z.string() }),
  /** This device already answered (one answer per device). */
  alreadyAnswered: z.boolean(),
  resultsPublished: z.boolean(),
});

export const answeredOut = z.object({ id: z.string(), message: z.string() });
export const createdOut = z.object({ id: z.string() });

export const contactsOut = itemsOf(z.object({ answerId: z.string(), email: z.string(), source: keyEnum(ANSWER_SOURCES), submittedAt: z.date(), consentVersion: z.string().nullable() }));
export const answerExportOut = z.object({
  survey: z.object({ id: z.string(), title: z.string() }),
  answer: z.object({ id: z.string(), submittedAt: z.date(), source: keyEnum(ANSWER_SOURCES), contactEmail: z.string(), consentVersion: z.string().nullable(), answers: z.record(z.string(), z.unknown()) }),
});

/** On a fiche's follow-up: the surveys linked to it, with their count and top results. */
export const ficheSurveysOut = itemsOf(
  z.object({
    surveyId: z.string(),
    title: z.string(),
    closesOn: z.string(),
    total: z.number(),
    /** « Le sondage a été complété par 17 personnes. » and the ranked priorities, in French. */
    summary: z.string(),
    highlights: z.array(z.string()),
  }),
);
