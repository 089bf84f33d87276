import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { ficheNames, mergedIntoTree } from "../actions/merges.js";
import { historyActors, listAudit } from "./service.js";
import { actionParams, ficheHistoryOut, historyPageOut, historyQuery, pageQuery, type HistoryQuery } from "./schema.js";

const tags = ["Historique"];

const filterOf = (q: HistoryQuery) => ({ actor: q.actor, objectType: q.type, from: q.from, to: q.to });

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

  app.get(
    "/contracts/:contractId/history",
    {
      schema: {
        response: { 200: historyPageOut },
        tags,
        summary: "Historique d'un contrat",
        description: "Filtres : `actor` (qui : identifiant d'un compte, ou nom pour un changement sans compte), `type` (quoi), `from` et `to` (quand : jours de Paris, inclus).",
        params: contractParams,
        querystring: historyQuery,
      },
    },
    async (request) => {
      assertCan(request.actor, "contract.history", request.params);
      await contractExists(app.db, request.params.contractId);
      const { contractId } = request.params;
      const [page, actors] = await Promise.all([listAudit(app.db, { contractId, ...filterOf(request.query) }, request.query.page), historyActors(app.db, contractId)]);
      return { ...page, actors };
    },
  );

  app.get(
    "/audit",
    {
      schema: {
        response: { 200: historyPageOut },
        tags,
        summary: "Journal de toute l'instance (administration)",
        description: "Mêmes filtres que l'historique d'un contrat : `actor`, `type`, `from`, `to`.",
        querystring: historyQuery,
      },
    },
    async (request) => {
      assertCan(request.actor, "audit.read");
      const [page, actors] = await Promise.all([listAudit(app.db, filterOf(request.query), request.query.page), historyActors(app.db)]);
      return { ...page, actors };
    },
  );
};
