import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actionPermissions, assertCan, type Actor } from "../../policies/index.js";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { actions } from "../../db/schema.js";
import { uuid, version } from "../../validation/fields.js";
import { orderBody } from "../axes/schema.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../contracts/routes.js";
import { parisDay } from "../dates.js";
import { mergeLinks, shownStatuses } from "../monitoring/shown-status.js";
import { actionFilters } from "./filters.js";
import { ACTION_NOT_FOUND, actionContractId, actionFacets, getAction, listActions } from "./queries.js";
import { actionBody, actionUpdateBody } from "./schema.js";
import { archiveAction, createAction, reorderActions, restoreAction, updateAction } from "./service.js";

const actionParams = z.object({ actionId: uuid });
const versionBody = z.object({ version });
const tags = ["Fiches actions"];

/** A fiche with what the actor may do on it. */
async function actionForActor(db: Db, actor: Actor, actionId: string) {
  const view = await getAction(db, actionId);
  const [fiche] = await db.select({ mergedIntoId: actions.mergedIntoId }).from(actions).where(eq(actions.id, actionId));
  const shown = (await shownStatuses(db, [{ id: actionId, status: view.status, mergedIntoId: fiche!.mergedIntoId }], parisDay())).get(actionId)!;
  return { ...view, ...shown, ...(await mergeLinks(db, actionId, fiche!.mergedIntoId)), permissions: actionPermissions(actor, view.contractId, actionId) };
}

export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/actions",
    { schema: { tags, summary: "Fiches d'un contrat : filtres, recherche plein texte, tri", params: contractParams, querystring: actionFilters } },
    async (request) => {
      const { contractId } = request.params;
      assertCan(request.actor, "action.read", { contractId });
      await contractExists(app.db, contractId);
      const [list, facets] = await Promise.all([listActions(app.db, contractId, request.query), actionFacets(app.db, contractId)]);
      const shown = await shownStatuses(app.db, list.items, parisDay());
      const items = list.items.map((i) => ({ ...i, ...shown.get(i.id)! })).filter((i) => !request.query.shown || i.shownStatus === request.query.shown);
      return { ...list, items, total: items.length, facets };
    },
  );

  app.post(
    "/contracts/:contractId/actions",
    { schema: { tags, summary: "Créer une fiche action", params: contractParams, body: actionBody } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "action.create", { contractId });
      const id = await createAction(app.db, request.actor, contractId, request.body);
      return reply.status(201).send(await actionForActor(app.db, request.actor, id));
    },
  );

  app.put(
    "/contracts/:contractId/actions/order",
    { schema: { tags, summary: "Réordonner les fiches (renumérotées 1..n)", params: contractParams, body: orderBody } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "action.update", { contractId });
      await reorderActions(app.db, request.actor, contractId, request.body.ids);
      return reply.status(204).send();
    },
  );

  app.get("/actions/:actionId", { schema: { tags, summary: "Une fiche action complète", params: actionParams } }, async (request) => {
    const contractId = await actionContractId(app.db, request.params.actionId);
    assertCan(request.actor, "action.read", { contractId, missing: ACTION_NOT_FOUND });
    return actionForActor(app.db, request.actor, request.params.actionId);
  });

  app.put(
    "/actions/:actionId",
    { schema: { tags, summary: "Modifier une fiche action (version lue obligatoire)", params: actionParams, body: actionUpdateBody } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.update", { contractId, actionId: request.params.actionId, missing: ACTION_NOT_FOUND });
      await updateAction(app.db, request.actor, request.params.actionId, request.body);
      return actionForActor(app.db, request.actor, request.params.actionId);
    },
  );

  app.post(
    "/actions/:actionId/archive",
    { schema: { tags, summary: "Archiver une fiche (jamais supprimée)", params: actionParams, body: versionBody } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.archive", { contractId, missing: ACTION_NOT_FOUND });
      await archiveAction(app.db, request.actor, request.params.actionId, request.body.version);
      return actionForActor(app.db, request.actor, request.params.actionId);
    },
  );

  app.post(
    "/actions/:actionId/restore",
    { schema: { tags, summary: "Restaurer une fiche archivée", params: actionParams, body: versionBody } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.archive", { contractId, missing: ACTION_NOT_FOUND });
      await restoreAction(app.db, request.actor, request.params.actionId, request.body.version);
      return actionForActor(app.db, request.actor, request.params.actionId);
    },
  );
};
