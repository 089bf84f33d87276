/**
 * Communes' referents and the relay to communes (issue 18, items 1–3). The coordination names
 * each commune's technical and elected referents, sees the communes still without one, and
 * relays news to them by e-mail; nobody else reads the referents' contact details.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { contractParams } from "../../http/params.js";
import { noContent } from "../../http/responses.js";
import { newsRelayedMail } from "../../mail/relay-mail.js";
import { referentBody, referentParams, relayBody, removeQuery } from "./schema.js";
import { referentOut, referentsOut, relayOut } from "./schema-out.js";
import { listReferents, putReferent, removeReferent } from "./service.js";
import { relayToCommunes } from "./relay.js";

const tags = ["Référents des communes"];

export const referentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/referents",
    { schema: { response: { 200: referentsOut }, tags, summary: "Les référents technique et élu de chaque commune, les communes sans référent, les relais envoyés (la coordination seulement)", params: contractParams } },
    async (request) => {
      assertCan(request.actor, "referents.manage", request.params);
      return listReferents(app.db, request.params.contractId);
    },
  );

  app.put(
    "/contracts/:contractId/communes/:communeId/referents/:role",
    { schema: { response: { 200: referentOut }, tags, summary: "Désigner ou remplacer le référent d'une commune pour un rôle (version lue obligatoire pour remplacer)", params: referentParams, body: referentBody } },
    async (request) => {
      const { contractId, communeId, role } = request.params;
      assertCan(request.actor, "referents.manage", { contractId });
      return putReferent(app.db, request.actor, contractId, communeId, role, request.body);
    },
  );

  app.delete(
    "/contracts/:contractId/communes/:communeId/referents/:role",
    { schema: { response: { 204: noContent }, tags, summary: "Retirer le référent d'une commune pour un rôle (version lue obligatoire)", params: referentParams, querystring: removeQuery } },
    async (request, reply) => {
      const { contractId, communeId, role } = request.params;
      assertCan(request.actor, "referents.manage", { contractId });
      await removeReferent(app.db, request.actor, contractId, communeId, role, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    "/contracts/:contractId/relays",
    { schema: { response: { 201: relayOut }, tags, summary: "Relayer une information aux communes : un courriel aux référents de chaque commune", params: contractParams, body: relayBody } },
    async (request, reply) => {
      assertCan(request.actor, "referents.manage", request.params);
      const { subject, text } = request.body;
      const sentBy = request.actor.kind === "user" ? request.actor.name : "La coordination";
      const deps = { mailer: app.mailer, log: (err: unknown) => request.log.error({ err }, "relay mail not sent") };
      const result = await relayToCommunes(app.db, deps, request.actor, request.params.contractId, { subject, mail: (to, contractName, communes) => newsRelayedMail({ to, contractName, communes, subject, text, sentBy }) });
      return reply.status(201).send(result);
    },
  );
};
