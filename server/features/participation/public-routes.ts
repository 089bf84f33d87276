/**
 * The call for participation, without signing in: its page, the registration, the
 * resident's own cancellation. Anti-abuse without hurting residents: a honeypot field,
 * a rate limit per address (kept in memory, never stored), no CAPTCHA.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { invalid } from "../../http/problem.js";
import { uuid } from "../../validation/fields.js";
import { cancelBody, registrationBody } from "./schema.js";
import { cancelledOut, publicCallOut, registeredOut } from "./schema-out.js";
import { callWorkshop, publicCall } from "./public.js";
import { cancelByToken, register } from "./registrations.js";
import { registeredMessage, sendRegistrationMail, tellPromoted } from "./notify.js";

const tags = ["Participation des habitants"];
const callParams = z.object({ slug: z.string().min(1).max(200), workshopId: uuid });

export const HONEYPOT_MESSAGE =
  "Votre inscription n'a pas été enregistrée : un champ invisible du formulaire a été rempli, comme le font les robots. Si vous êtes une personne, rechargez la page et réessayez, ou contactez la coordination du contrat.";

export const publicParticipationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/public/contracts/:slug/workshops/:workshopId",
    { schema: { response: { 200: publicCallOut }, tags, summary: "Appel à participation (sans connexion)", params: callParams }, config: { public: true } },
    async (request) => publicCall(app.db, request.params.slug, request.params.workshopId),
  );

  app.post(
    "/public/contracts/:slug/workshops/:workshopId/registrations",
    {
      schema: { response: { 201: registeredOut }, tags, summary: "S'inscrire à un atelier des habitants (sans connexion)", params: callParams, body: registrationBody },
      config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      if (request.body.website) throw invalid([{ path: "website", message: HONEYPOT_MESSAGE }], HONEYPOT_MESSAGE);
      const { workshop } = await callWorkshop(app.db, request.params.slug, request.params.workshopId);
      const result = await register(app.db, { workshopId: workshop.id, body: request.body, source: "public", actor: null, userId: null });
      await sendRegistrationMail(app, result, (err) => request.log.error({ err }, "registration mail not sent"));
      return reply.status(201).send({ id: result.id, status: result.status, waitlistRank: result.waitlistRank, message: registeredMessage(result) });
    },
  );

  app.post(
    "/public/registrations/cancel",
    { schema: { response: { 200: cancelledOut }, tags, summary: "Annuler son inscription (lien du courriel)", body: cancelBody }, config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (request) => {
      const { workshopTitle, promotion } = await cancelByToken(app.db, request.body.token);
      await tellPromoted(app, promotion, (err) => request.log.error({ err }, "participation mail not sent"));
      return { message: `Votre inscription à l'atelier « ${workshopTitle} » est annulée. Merci d'avoir laissé votre place.` };
    },
  );
};
