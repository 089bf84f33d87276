/** What the evaluation routes answer: the evaluation page, and a member's questionnaire with their answers. */
import { z } from "zod";
import { EVALUATION_PARTS, EVALUATION_STATUSES } from "../../domain/evaluation.js";
import { keyEnum } from "../../http/responses.js";

const status = keyEnum(EVALUATION_STATUSES);
const statusLabel = z.string();
const part = keyEnum(EVALUATION_PARTS);

export const evaluationQuestionOut = z.object({
  id: z.string(),
  part,
  kind: z.enum(["scale", "choice", "text"]),
  label: z.string(),
  choices: z.array(z.string()).optional(),
});

const answerOut = z.object({ questionId: z.string(), value: z.union([z.number(), z.string()]) });
const copilMeetingOut = z.object({ id: z.string(), title: z.string(), day: z.string(), cancelled: z.boolean(), held: z.boolean() });

export const evaluationOut = z.object({
  id: z.string(),
  status,
  statusLabel,
  parts: z.array(z.object({ key: part, label: z.string(), html: z.string() })),
  questions: z.array(evaluationQuestionOut),
  questionnaireOpenedAt: z.date().nullable(),
  questionnaireClosedAt: z.date().nullable(),
  validatedOn: z.string().nullable(),
  validatedMeeting: copilMeetingOut.nullable(),
  version: z.number(),
  respondents: z.number(),
  /** Aggregated anonymously, per question: a scale's mean and counts, a choice's counts, or the texts. */
  answers: z.array(
    z.object({
      question: evaluationQuestionOut,
      n: z.number(),
      mean: z.number().nullable().optional(),
      counts: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]).optional(),
      choices: z.array(z.object({ choice: z.string(), count: z.number() })).optional(),
      texts: z.array(z.string()).optional(),
    }),
  ),
  copilMeetings: z.array(copilMeetingOut),
  permissions: z.object({ manage: z.boolean(), editQuestions: z.boolean(), answer: z.boolean() }),
});

/** After opening the questionnaire: the evaluation, and who was told by mail. */
export const questionnaireOpenedOut = evaluationOut.extend({ notified: z.number(), failed: z.array(z.string()) });

export const myAnswersOut = z.object({
  contractName: z.string(),
  status,
  statusLabel,
  open: z.boolean(),
  questions: z.array(evaluationQuestionOut),
  answers: z.array(answerOut),
  submittedAt: z.date().nullable(),
});

export const savedAnswersOut = z.object({ answers: z.array(answerOut), submittedAt: z.date() });
