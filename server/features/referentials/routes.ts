/** « Référentiels régionaux »: read by every signed-in person, edited by the platform admin (issue 15). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { planSuggestions, templatePhrase } from "../../domain/referentials.js";
import { assertCan } from "../../policies/index.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams, contractReferentialOut, referentialBody, referentialOut, referentialsOut, regionParams } from "./schema.js";
import { contractReferential, getReferential, listReferentials, saveReferential } from "./service.js";

const tags = ["Référentiels"];

export const referentialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/referentials", { schema: { response: { 200: referentialsOut }, tags, summary: "Référentiels de chaque région : ARS, PRS et ses projets, plans régionaux" } }, async () => ({
    referentials: await listReferentials(app.db),
  }));

  app.get("/referentials/:regionCode", { schema: { response: { 200: referentialOut }, tags, summary: "Référentiel d'une région", params: regionParams } }, async (request) =>
    getReferential(app.db, request.params.regionCode),
  );

  app.put(
    "/referentials/:regionCode",
    { schema: { response: { 200: referentialOut }, tags, summary: "Modifier le référentiel d'une région (administration)", params: regionParams, body: referentialBody } },
    async (request) => {
      assertCan(request.actor, "referentials.manage");
      return saveReferential(app.db, request.params.regionCode, request.body);
    },
  );

  app.get(
    "/contracts/:contractId/referential",
    { schema: { response: { 200: contractReferentialOut }, tags, summary: "Référentiel de la région d'un contrat (d'après ses communes) et plans proposés pour ses fiches", params: contractParams } },
    async (request) => {
      assertCan(request.actor, "contract.read", { contractId: request.params.contractId });
      await contractExists(app.db, request.params.contractId);
      const referential = await contractReferential(app.db, request.params.contractId);
      return { referential, planSuggestions: planSuggestions(referential), templatePhrase: templatePhrase(referential) };
    },
  );
};
