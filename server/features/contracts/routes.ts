import { createHash } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Actor } from "../../policies/index.js";
import { assertCan, can, contractPermissions, readableContractIds } from "../../policies/index.js";
import { contractParams } from "../../http/params.js";
import { EVERY_CONTRACT } from "../../cache/read-views.js";
import { variantOf } from "../../cache/shared-values.js";
import { getContract, listContracts } from "./queries.js";
import { contractBody, contractListQuery, contractUpdateBody } from "./schema.js";
import { createContract, updateContract } from "./service.js";
import { contractListOut, contractOut } from "./schema-out.js";

/** The contract page with what the actor may do on it. */
export async function contractForActor(app: { db: Parameters<typeof getContract>[0] }, actor: Actor, contractId: string) {
  return { ...(await getContract(app.db, contractId)), permissions: contractPermissions(actor, contractId) };
}

/**
 * The contracts an actor may list, and the list's cache key, worked out once per actor: the
 * actor of a session is kept in memory (auth/actor-cache.ts) and never changed, and an ARS
 * region's key sorts and hashes a hundred ids.
 */
const listScopes = new WeakMap<Actor, { scope: "all" | string[]; key: string }>();
function listScope(actor: Actor) {
  let known = listScopes.get(actor);
  if (!known) {
    const scope = readableContractIds(actor);
    known = { scope, key: scope === "all" ? "all" : createHash("sha256").update([...scope].sort().join(",")).digest("base64url") };
    listScopes.set(actor, known);
  }
  return known;
}

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/contracts", { schema: { response: { 200: contractListOut }, tags: ["Contrats"], summary: "Liste des contrats visibles, par page, avec une recherche", querystring: contractListQuery } }, async (request) => {
    assertCan(request.actor, "contract.list");
    const { scope, key: scopeKey } = listScope(request.actor);
    const key = `contracts:${scopeKey}:${JSON.stringify(request.query)}`;
    const list = await app.readViews.view(EVERY_CONTRACT, key, () => listContracts(app.db, scope, request.query));
    const permissions = { create: can(request.actor, "contract.create"), import: can(request.actor, "contract.import") };
    return variantOf(list, JSON.stringify(permissions), () => ({ ...list, permissions }));
  });

  app.post("/contracts", { schema: { response: { 201: contractOut }, tags: ["Contrats"], summary: "Créer un contrat", body: contractBody } }, async (request, reply) => {
    assertCan(request.actor, "contract.create");
    const id = await createContract(app.db, request.actor, request.body);
    return reply.status(201).send(await contractForActor(app, request.actor, id));
  });

  app.get(
    "/contracts/:contractId",
    { schema: { response: { 200: contractOut }, tags: ["Contrats"], summary: "Un contrat : territoire, signataires, annuaire, axes et objectifs", params: contractParams } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.read", { contractId });
      const contract = await app.readViews.view(contractId, "contract", () => getContract(app.db, contractId));
      const permissions = contractPermissions(request.actor, contractId);
      return variantOf(contract, JSON.stringify(permissions), () => ({ ...contract, permissions }));
    },
  );

  app.put(
    "/contracts/:contractId",
    { schema: { response: { 200: contractOut }, tags: ["Contrats"], summary: "Modifier un contrat (version lue obligatoire)", params: contractParams, body: contractUpdateBody } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "contract.update", { contractId });
      await updateContract(app.db, request.actor, contractId, request.body);
      return contractForActor(app, request.actor, contractId);
    },
  );
};
