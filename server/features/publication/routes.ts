/** The public page of a contract: opt-in by its coordinator, no sign-in, nothing unpublished. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { contractParams } from "../../http/params.js";
import { setPublication } from "../contracts/service.js";
import { publicContract } from "./service.js";
import { publicContractOut, publicationBody, publicationOut, slugParams } from "./schema.js";

export const publicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    "/contracts/:contractId/publication",
    { schema: { response: { 200: publicationOut }, tags: ["Page publique"], summary: "Publier ou retirer la page publique du contrat", params: contractParams, body: publicationBody } },
    async (request) => {
      assertCan(request.actor, "contract.publish", request.params);
      await setPublication(app.db, request.actor, request.params.contractId, request.body.published);
      return { published: request.body.published };
    },
  );

  app.get(
    "/public/contracts/:slug",
    { schema: { response: { 200: publicContractOut }, tags: ["Page publique"], summary: "Page publique d'un contrat (sans connexion)", params: slugParams }, config: { public: true } },
    async (request) => publicContract(app.db, request.params.slug),
  );
};
