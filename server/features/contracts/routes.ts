import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../policies/index.js";
import { assertCan, can, contractPermissions, readableContractIds } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";
import { getContract, listContracts } from "./queries.js";
import { contractBody, contractUpdateBody } from "./schema.js";
import { createContract, updateContract } from "./service.js";

export const contractParams = z.object({ contractId: uuid });

/** The contract page with what the actor may do on it. */
export async function contractForActor(app: { db: Parameters<typeof getContract>[0] }, actor: Actor, contractId: string) {
  return { ...(await getContract(app.db, contractId)), permissions: contractPermissions(actor, contractId) };
}

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/contracts", { schema: { tags: ["Contrats"], summary: "Liste des contrats visibles" } }, async (request) => {
    assertCan(request.actor, "contract.list");
    return {
      items: await listContracts(app.db, readableContractIds(request.actor)),
      permissions: { create: can(request.actor, "contract.create"), import: can(request.actor, "contract.import") },
    };
  });

  app.post("/contracts", { schema: { tags: ["Contrats"], summary: "Créer un contrat", body: contractBody } }, async (request, reply) => {
    assertCan(request.actor, "contract.create");
    const id = await createContract(app.db, request.actor, request.body);
    return reply.status(201).send(await contractForActor(app, request.actor, id));
  });

  app.get(
    "/contracts/:contractId",
    { schema: { tags: ["Contrats"], summary: "Un contrat : territoire, signataires, annuaire, axes et objectifs", params: contractParams } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      return contractForActor(app, request.actor, contractId);
    },
  );

  app.put(
    "/contracts/:contractId",
    { schema: { tags: ["Contrats"], summary: "Modifier un contrat (version lue obligatoire)", params: contractParams, body: contractUpdateBody } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.update", { contractId });
      await updateContract(app.db, request.actor, contractId, request.body);
      return contractForActor(app, request.actor, contractId);
    },
  );
};
