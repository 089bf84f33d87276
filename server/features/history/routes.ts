import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { ficheNames, mergedIntoTree } from "../actions/merges.js";
import { listAudit } from "./service.js";
import { actionParams, auditPageOut, ficheHistoryOut, pageQuery } from "./schema.js";

const tags = ["Historique"];

/** Read-only: no route writes, edits or deletes an audit entry. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/actions/:actionId/history",
    { schema: { response: { 200: ficheHistoryOut }, tags, summary: "Historique d'une fiche action", params: actionParams, querystring: pageQuery } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.read", { contractId, actionId: request.params.actionId, missing: ACTION_NOT_FOUND });
      // A fiche's history goes on with the history of the fiches merged into it, each entry naming its fiche.
      const merged = await mergedIntoTree(app.db, request.params.actionId);
      const page = await listAudit(app.db, { objectType: "action", objectIds: [request.params.actionId, ...merged] }, request.query.page, true);
      const fiches = new Map((await ficheNames(app.db, merged)).map((f) => [f.id, f]));
      return { ...page, items: page.items.map((i) => ({ ...i, mergedFiche: fiches.get(i.objectId) ?? null })) };
    },
  );

  app.get("/contracts/:contractId/history", { schema: { response: { 200: auditPageOut }, tags, summary: "Historique d'un contrat", params: contractParams, querystring: pageQuery } }, async (request) => {
    assertCan(request.actor, "contract.history", request.params);
    await contractExists(app.db, request.params.contractId);
    return listAudit(app.db, { contractId: request.params.contractId }, request.query.page);
  });

  app.get("/audit", { schema: { response: { 200: auditPageOut }, tags, summary: "Journal de toute l'instance (administration)", querystring: pageQuery } }, async (request) => {
    assertCan(request.actor, "audit.read");
    return listAudit(app.db, {}, request.query.page);
  });
};
