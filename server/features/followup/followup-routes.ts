/** Routes of a fiche's remaining work (reste-à-faire) and adjustments (ajustements nécessaires). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { orderBody } from "../axes/schema.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { parisDay } from "../../domain/dates.js";
import {
  ADJUSTMENT_NOT_FOUND,
  adjustmentScope,
  createAdjustment,
  deleteAdjustment,
  listAdjustments,
  updateAdjustment,
} from "./adjustments.js";
import {
  createRemaining,
  deleteRemaining,
  listRemaining,
  REMAINING_NOT_FOUND,
  remainingScope,
  reorderRemaining,
  updateRemaining,
} from "./remaining.js";
import { actionParams, adjustmentBody, adjustmentParams, adjustmentUpdateBody, remainingBody, remainingParams, remainingUpdateBody } from "./schema.js";
import { itemsOf, noContent } from "../../http/responses.js";
import { adjustmentOut, adjustmentRowOut, remainingOut } from "./schema-out.js";

const tags = ["Suivi des fiches"];

export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The fiche's contract, after checking the actor may do `permission` on it. */
  async function ficheScope(actor: Parameters<typeof assertCan>[0], actionId: string, permission: "action.read" | "action.update") {
    const contractId = await actionContractId(app.db, actionId);
    assertCan(actor, permission, { contractId, actionId, missing: ACTION_NOT_FOUND });
    return { contractId, actionId };
  }

  app.get("/actions/:actionId/remaining", { schema: { response: { 200: itemsOf(remainingOut) }, tags, summary: "Reste-à-faire d'une fiche", params: actionParams } }, async (request) => {
    await ficheScope(request.actor, request.params.actionId, "action.read");
    return { items: await listRemaining(app.db, request.params.actionId) };
  });

  app.post("/actions/:actionId/remaining", { schema: { response: { 201: remainingOut }, tags, summary: "Ajouter un reste-à-faire", params: actionParams, body: remainingBody } }, async (request, reply) => {
    const scope = await ficheScope(request.actor, request.params.actionId, "action.update");
    return reply.status(201).send(await createRemaining(app.db, request.actor, scope, request.body));
  });

  app.put(
    "/actions/:actionId/remaining/order",
    { schema: { response: { 204: noContent }, tags, summary: "Réordonner le reste-à-faire (tous les éléments de la fiche, chacun une fois)", params: actionParams, body: orderBody } },
    async (request, reply) => {
      const scope = await ficheScope(request.actor, request.params.actionId, "action.update");
      await reorderRemaining(app.db, request.actor, scope, request.body.ids);
      return reply.status(204).send();
    },
  );

  app.put("/remaining/:itemId", { schema: { response: { 200: remainingOut }, tags, summary: "Modifier ou cocher un reste-à-faire (version lue obligatoire)", params: remainingParams, body: remainingUpdateBody } }, async (request) => {
    const scope = await remainingScope(app.db, request.params.itemId);
    assertCan(request.actor, "action.update", { ...scope, missing: REMAINING_NOT_FOUND });
    return updateRemaining(app.db, request.actor, request.params.itemId, request.body, parisDay());
  });

  app.delete("/remaining/:itemId", { schema: { response: { 204: noContent }, tags, summary: "Retirer un reste-à-faire", params: remainingParams } }, async (request, reply) => {
    const scope = await remainingScope(app.db, request.params.itemId);
    assertCan(request.actor, "action.update", { ...scope, missing: REMAINING_NOT_FOUND });
    await deleteRemaining(app.db, request.actor, request.params.itemId);
    return reply.status(204).send();
  });

  app.get("/actions/:actionId/adjustments", { schema: { response: { 200: itemsOf(adjustmentOut) }, tags, summary: "Ajustements nécessaires d'une fiche, du plus récent au plus ancien", params: actionParams } }, async (request) => {
    await ficheScope(request.actor, request.params.actionId, "action.read");
    return { items: await listAdjustments(app.db, request.params.actionId) };
  });

  app.post(
    "/actions/:actionId/adjustments",
    { schema: { response: { 201: adjustmentRowOut }, tags, summary: "Proposer un ajustement (une fusion réalisée marque la fiche fusionnée)", params: actionParams, body: adjustmentBody } },
    async (request, reply) => {
      const scope = await ficheScope(request.actor, request.params.actionId, "action.update");
      return reply.status(201).send(await createAdjustment(app.db, request.actor, scope, request.body, parisDay()));
    },
  );

  app.put("/adjustments/:adjustmentId", { schema: { response: { 200: adjustmentRowOut }, tags, summary: "Modifier un ajustement (version lue obligatoire)", params: adjustmentParams, body: adjustmentUpdateBody } }, async (request) => {
    const scope = await adjustmentScope(app.db, request.params.adjustmentId);
    assertCan(request.actor, "action.update", { ...scope, missing: ADJUSTMENT_NOT_FOUND });
    return updateAdjustment(app.db, request.actor, request.params.adjustmentId, request.body, parisDay());
  });

  app.delete("/adjustments/:adjustmentId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer un ajustement", params: adjustmentParams } }, async (request, reply) => {
    const scope = await adjustmentScope(app.db, request.params.adjustmentId);
    assertCan(request.actor, "action.update", { ...scope, missing: ADJUSTMENT_NOT_FOUND });
    await deleteAdjustment(app.db, request.actor, request.params.adjustmentId);
    return reply.status(204).send();
  });
};
