import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";
import { contractParams } from "../../http/params.js";
import { axisBody, axisUpdateBody, objectiveBody, objectiveUpdateBody, orderBody } from "./schema.js";
import {
  axisContractId,
  createAxis,
  createObjective,
  deleteAxis,
  deleteObjective,
  objectiveContractId,
  reorderAxes,
  reorderObjectives,
  updateAxis,
  updateObjective,
} from "./service.js";
import { noContent } from "../../http/responses.js";
import { axisOut, objectiveOut } from "./schema-out.js";

const axisParams = z.object({ axisId: uuid });
const objectiveParams = z.object({ objectiveId: uuid });
const tags = ["Axes et objectifs"];

export const axisRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/contracts/:contractId/axes", { schema: { response: { 201: axisOut }, tags, summary: "Ajouter un axe stratégique", params: contractParams, body: axisBody } }, async (request, reply) => {
    const { contractId } = request.params;
    assertCan(request.actor, "axis.manage", { contractId });
    return reply.status(201).send(await createAxis(app.db, request.actor, contractId, request.body));
  });

  app.put("/contracts/:contractId/axes/order", { schema: { response: { 204: noContent }, tags, summary: "Réordonner les axes (renumérotés 1..n)", params: contractParams, body: orderBody } }, async (request, reply) => {
    const { contractId } = request.params;
    assertCan(request.actor, "axis.manage", { contractId });
    await reorderAxes(app.db, request.actor, contractId, request.body.ids);
    return reply.status(204).send();
  });

  app.put("/axes/:axisId", { schema: { response: { 200: axisOut }, tags, summary: "Modifier un axe", params: axisParams, body: axisUpdateBody } }, async (request) => {
    assertCan(request.actor, "axis.manage", { contractId: await axisContractId(app.db, request.params.axisId), missing: "Cet axe est introuvable." });
    return updateAxis(app.db, request.actor, request.params.axisId, request.body);
  });

  app.delete("/axes/:axisId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer un axe vide", params: axisParams } }, async (request, reply) => {
    assertCan(request.actor, "axis.manage", { contractId: await axisContractId(app.db, request.params.axisId), missing: "Cet axe est introuvable." });
    await deleteAxis(app.db, request.actor, request.params.axisId);
    return reply.status(204).send();
  });

  app.post("/axes/:axisId/objectives", { schema: { response: { 201: objectiveOut }, tags, summary: "Ajouter un objectif à un axe", params: axisParams, body: objectiveBody } }, async (request, reply) => {
    assertCan(request.actor, "axis.manage", { contractId: await axisContractId(app.db, request.params.axisId), missing: "Cet axe est introuvable." });
    return reply.status(201).send(await createObjective(app.db, request.actor, request.params.axisId, request.body));
  });

  app.put("/axes/:axisId/objectives/order", { schema: { response: { 204: noContent }, tags, summary: "Réordonner les objectifs d'un axe", params: axisParams, body: orderBody } }, async (request, reply) => {
    assertCan(request.actor, "axis.manage", { contractId: await axisContractId(app.db, request.params.axisId), missing: "Cet axe est introuvable." });
    await reorderObjectives(app.db, request.actor, request.params.axisId, request.body.ids);
    return reply.status(204).send();
  });

  app.put("/objectives/:objectiveId", { schema: { response: { 200: objectiveOut }, tags, summary: "Modifier un objectif", params: objectiveParams, body: objectiveUpdateBody } }, async (request) => {
    assertCan(request.actor, "axis.manage", { contractId: await objectiveContractId(app.db, request.params.objectiveId), missing: "Cet objectif est introuvable." });
    return updateObjective(app.db, request.actor, request.params.objectiveId, request.body);
  });

  app.delete("/objectives/:objectiveId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer un objectif vide", params: objectiveParams } }, async (request, reply) => {
    assertCan(request.actor, "axis.manage", { contractId: await objectiveContractId(app.db, request.params.objectiveId), missing: "Cet objectif est introuvable." });
    await deleteObjective(app.db, request.actor, request.params.objectiveId);
    return reply.status(204).send();
  });
};
