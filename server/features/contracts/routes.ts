import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan, readableContractIds } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";
import { getContract, listContracts } from "./queries.js";
import { contractBody, contractUpdateBody } from "./schema.js";
import { createContract, updateContract } from "./service.js";

export const contractParams = z.object({ contractId: uuid });

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/contracts", { schema: { tags: ["Contrats"], summary: "Liste des contrats visibles" } }, async (request) => {
    assertCan(request.actor, "contract.list");
    return { items: await listContracts(app.db, readableContractIds(request.actor)) };
  });

  app.post("/contracts", { schema: { tags: ["Contrats"], summary: "Créer un contrat", body: contractBody } }, async (request, reply) => {
    assertCan(request.actor, "contract.create");
    const id = await createContract(app.db, request.body);
    return reply.status(201).send(await getContract(app.db, id));
  });

  app.get(
    "/contracts/:contractId",
    { schema: { tags: ["Contrats"], summary: "Un contrat : territoire, signataires, annuaire, axes et objectifs", params: contractParams } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      return getContract(app.db, contractId);
    },
  );

  app.put(
    "/contracts/:contractId",
    { schema: { tags: ["Contrats"], summary: "Modifier un contrat (version lue obligatoire)", params: contractParams, body: contractUpdateBody } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.update", { contractId });
      await updateContract(app.db, contractId, request.body);
      return getContract(app.db, contractId);
    },
  );
};
