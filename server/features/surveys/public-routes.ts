/**
 * A published survey without signing in: its questions, the answer, the published
 * results. One answer per device: the first visit gets a random device cookie (no
 * IP address is kept); the server stores only its hash with the answer.
 */
import { randomBytes } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { invalid } from "../../http/problem.js";
import { uuid } from "../../validation/fields.js";
import { answerBody } from "./schema.js";
import { answeredOut, publicSurveyOut, resultsOut } from "./schema-out.js";
import { publicSurvey, publishedResultsSurvey, submitAnswer } from "./answers.js";
import { getResults } from "./service.js";

const tags = ["Participation des habitants"];
const surveyParams = z.object({ slug: z.string().min(1).max(200), surveyId: uuid });
export const DEVICE_COOKIE = "cles.device";

export const SURVEY_HONEYPOT_MESSAGE =
  "Votre réponse n'a pas été enregistrée : un champ invisible du formulaire a été rempli, comme le font les robots. Si vous êtes une personne, rechargez la page et réessayez.";

/** The browser's device cookie, created on its first visit (a year, this API's public paths only). */
function deviceOf(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const known = request.cookies[DEVICE_COOKIE];
  if (known && /^[A-Za-z0-9_-]{20,64}$/.test(known)) return known;
  const device = randomBytes(24).toString("base64url");
  reply.setCookie(DEVICE_COOKIE, device, { path: "/api/public", httpOnly: true, sameSite: "lax", secure, maxAge: 365 * 24 * 3600 });
  return device;
}

export const publicSurveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.publicUrl.startsWith("https://");

  app.get(
    "/public/contracts/:slug/surveys/:surveyId",
    { schema: { response: { 200: publicSurveyOut }, tags, summary: "Un questionnaire en ligne (sans connexion)", params: surveyParams }, config: { public: true } },
    async (request, reply) => publicSurvey(app.db, request.params.slug, request.params.surveyId, deviceOf(request, reply, secure)),
  );

  app.post(
    "/public/contracts/:slug/surveys/:surveyId/answers",
    {
      schema: { response: { 201: answeredOut }, tags, summary: "Répondre à un questionnaire (sans connexion)", params: surveyParams, body: answerBody },
      config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      if (request.body.website) throw invalid([{ path: "website", message: SURVEY_HONEYPOT_MESSAGE }], SURVEY_HONEYPOT_MESSAGE);
      const page = await publicSurvey(app.db, request.params.slug, request.params.surveyId, null);
      const id = await submitAnswer(app.db, {
        surveyId: page.id,
        answers: request.body.answers,
        source: "online",
        device: deviceOf(request, reply, secure),
        contactEmail: request.body.contactEmail,
      });
      return reply.status(201).send({ id, message: "Merci ! Votre réponse est enregistrée. Elle compte dans les résultats, qui restent anonymes." });
    },
  );

  app.get(
    "/public/contracts/:slug/surveys/:surveyId/results",
    { schema: { response: { 200: resultsOut }, tags, summary: "Les résultats publiés d'un sondage (sans connexion)", params: surveyParams }, config: { public: true } },
    async (request) => {
      const results = await getResults(app.db, await publishedResultsSurvey(app.db, request.params.slug, request.params.surveyId));
      // Free texts may name people: the public sees counts, never what residents typed.
      return { ...results, questions: results.questions.map((q) => (q.kind === "text" ? { ...q, texts: [] } : q.kind === "choice" ? { ...q, otherTexts: [] } : q)) };
    },
  );
};
