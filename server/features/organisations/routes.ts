import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { organisationBody, organisationUpdateBody } from "./schema.js";
import { createOrganisation, organisationContractId, updateOrganisation } from "./service.js";
import { organisationOut } from "./schema-out.js";

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/contracts/:contractId/organisations",
    { schema: { response: { 201: organisationOut }, tags: ["Annuaire"], summary: "Ajouter une organisation à l'annuaire du contrat", params: contractParams, body: organisationBody } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "organisation.add", { contractId });
      await contractExists(app.db, contractId);
      return reply.status(201).send(await createOrganisation(app.db, request.actor, contractId, request.body));
    },
  );

  app.put(
    "/organisations/:organisationId",
    {
      schema: { response: { 200: organisationOut },
        tags: ["Annuaire"],
        summary: "Modifier une organisation de l'annuaire",
        params: z.object({ organisationId: uuid }),
        body: organisationUpdateBody,
      },
    },
    async (request) => {
      const contractId = await organisationContractId(app.db, request.params.organisationId);
      assertCan(request.actor, "organisation.manage", { contractId, missing: "Cette organisation est introuvable." });
      return updateOrganisation(app.db, request.actor, request.params.organisationId, request.body);
    },
  );
};
