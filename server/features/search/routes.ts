/**
 * Search across a contract (issue 15): whoever reads the contract searches what they read —
 * fiches, milestones, progress entries, meetings —, never residents' personal data.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { contractParams } from "../../http/params.js";
import { assertCan } from "../../policies/index.js";
import { searchQuery } from "./schema.js";
import { searchOut } from "./schema-out.js";
import { searchContract } from "./service.js";

const tags = ["Recherche"];

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/search",
    { schema: { response: { 200: searchOut }, tags, summary: "Rechercher dans un contrat : fiches, étapes, états d'avancement, réunions", params: contractParams, querystring: searchQuery } },
    async (request) => {
      assertCan(request.actor, "contract.read", request.params);
      return searchContract(app.db, request.params.contractId, request.query.q);
    },
  );
};
