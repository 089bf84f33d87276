/** What the evaluation's routes accept (zod, French messages): the coordinator's edits, a member's answers, the validation. */
import { z } from "zod";
import { optionalText, requiredText, uuid, version } from "../../validation/fields.js";
import { PART_KEYS, type EvaluationQuestion } from "../../domain/evaluation.js";

const partKey = z.enum(PART_KEYS, { error: "Partie inconnue : stratégie, gouvernance, partenariat, résultats ou conclusion." });

const question = z
  .object({
    id: z
      .string({ error: "Chaque question a un identifiant." })
      .trim()
      .regex(/^[a-z0-9-]{1,60}$/, { error: "L'identifiant d'une question est fait de lettres minuscules, chiffres et tirets." }),
    part: partKey,
    kind: z.enum(["scale", "choice", "text"], { error: "Le type de question est « échelle », « choix » ou « texte »." }),
    label: requiredText("L'intitulé de la question", 500),
    choices: z.array(requiredText("Un choix", 200)).max(12, { error: "Au plus 12 choix." }).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === "choice" && (q.choices?.length ?? 0) < 2) ctx.addIssue({ code: "custom", path: ["choices"], message: "Une question à choix propose au moins deux choix." });
    if (q.kind === "choice" && q.choices && new Set(q.choices).size !== q.choices.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "Chaque choix n'apparaît qu'une fois." });
    if (q.kind !== "choice" && q.choices?.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "Seule une question à choix propose des choix." });
  });

export const evaluationUpdateBody = z
  .object({
    parts: z.array(z.object({ key: partKey, html: optionalText("Le texte de la partie", 200_000) })).max(5),
    questions: z.array(question).max(40, { error: "Au plus 40 questions." }).optional(),
    version,
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.parts.forEach((p, i) => {
      if (seen.has(p.key)) ctx.addIssue({ code: "custom", path: ["parts", i, "key"], message: "Chaque partie n'apparaît qu'une fois." });
      seen.add(p.key);
    });
    const ids = new Set<string>();
    body.questions?.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: "Deux questions ont le même identifiant." });
      ids.add(q.id);
    });
  });
export type EvaluationUpdate = z.infer<typeof evaluationUpdateBody>;

/** Opening, closing: the version read, when the page sends it. */
export const stateBody = z.object({ version: version.optional() }).default({});

export const validationBody = z.object({
  meetingId: uuid,
  version: version.optional(),
});

export const answersBody = z.object({
  answers: z
    .array(
      z.object({
        questionId: z.string({ error: "Indiquez la question." }).max(60),
        value: z.union([z.number(), z.string().max(5000, { error: "Une réponse ne doit pas dépasser 5000 caractères." })], { error: "Une réponse est un nombre ou un texte." }),
      }),
    )
    .max(40),
});
export type AnswersBody = z.infer<typeof answersBody>;

/**
 * Each answer must be to a question of the questionnaire, once: a whole number from 1 to 5
 * for a scale, one of the choices for a choice, a text for a free answer. Empty texts are
 * dropped (no answer). French field errors, by index.
 */
export function checkAnswers(questions: EvaluationQuestion[], answers: AnswersBody["answers"]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const kept: { questionId: string; value: number | string }[] = [];
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    const at = `answers.${i}`;
    if (!q) return errors.push({ path: `${at}.questionId`, message: "Cette question ne fait pas partie du questionnaire." });
    if (seen.has(q.id)) return errors.push({ path: `${at}.questionId`, message: "Vous avez répondu deux fois à la même question." });
    seen.add(q.id);
    if (q.kind === "scale") {
      if (typeof a.value !== "number" || !Number.isInteger(a.value) || a.value < 1 || a.value > 5) return errors.push({ path: `${at}.value`, message: "Choisissez une note de 1 à 5." });
      kept.push({ questionId: q.id, value: a.value });
    } else if (q.kind === "choice") {
      if (typeof a.value !== "string" || !q.choices?.includes(a.value)) return errors.push({ path: `${at}.value`, message: "Choisissez une des réponses proposées." });
      kept.push({ questionId: q.id, value: a.value });
    } else {
      if (typeof a.value !== "string") return errors.push({ path: `${at}.value`, message: "Écrivez votre réponse en texte." });
      const text = a.value.trim();
      if (text) kept.push({ questionId: q.id, value: text });
    }
    return undefined;
  });
  return { errors, answers: kept };
}
