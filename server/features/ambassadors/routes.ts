/**
 * Health ambassadors (issue 14, item 7; CAPVM FA 16). Every reader of the contract sees the
 * network in numbers; the coordination keeps the roster (names, contacts, consent), the
 * trainings and the activities, exports or erases a person, and records the counts as
 * measurements of a fiche's indicators.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan, can } from "../../policies/index.js";
import { contractParams } from "../../http/params.js";
import { noContent } from "../../http/responses.js";
import { uuid } from "../../validation/fields.js";
import { parisDay } from "../../domain/dates.js";
import { activityBody, activityUpdateBody, ambassadorBody, ambassadorUpdateBody, measurementRequestBody, periodQuery, trainingBody, trainingUpdateBody } from "./schema.js";
import { activityOut, ambassadorExportOut, ambassadorOut, measurementRecordedOut, networkOut, rosterOut, trainingOut } from "./schema-out.js";
import { ACTIVITY_NOT_FOUND, activityScope, AMBASSADOR_NOT_FOUND, ambassadorScope, TRAINING_NOT_FOUND, trainingScope } from "./references.js";
import { createAmbassador, listAmbassadors, updateAmbassador } from "./roster.js";
import { eraseAmbassador, exportAmbassador } from "./erasure.js";
import { activityView, createActivity, createTraining, deleteActivity, deleteTraining, trainingView, updateActivity, updateTraining } from "./records.js";
import { getNetwork, recordNetworkMeasurement } from "./service.js";

const tags = ["Ambassadeurs santé"];
const ambassadorParams = z.object({ ambassadorId: uuid });
const trainingParams = z.object({ trainingId: uuid });
const activityParams = z.object({ activityId: uuid });

export const ambassadorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts/:contractId/ambassador-network",
    { schema: { response: { 200: networkOut }, tags, summary: "Le réseau des ambassadeurs santé en chiffres, par quartier prioritaire (sans nom)", params: contractParams, querystring: periodQuery } },
    async (request) => {
      assertCan(request.actor, "participation.read", request.params);
      return getNetwork(app.db, request.actor, request.params.contractId, request.query, parisDay());
    },
  );

  app.get("/contracts/:contractId/ambassadors", { schema: { response: { 200: rosterOut }, tags, summary: "Les ambassadeurs santé (données personnelles : la coordination seulement)", params: contractParams } }, async (request) => {
    assertCan(request.actor, "residents.read", request.params);
    return listAmbassadors(app.db, request.params.contractId);
  });

  app.post(
    "/contracts/:contractId/ambassadors",
    { schema: { response: { 201: ambassadorOut }, tags, summary: "Ajouter un ambassadeur ou une ambassadrice santé, avec son accord", params: contractParams, body: ambassadorBody } },
    async (request, reply) => {
      assertCan(request.actor, "participation.manage", request.params);
      return reply.status(201).send(await createAmbassador(app.db, request.actor, request.params.contractId, request.body));
    },
  );

  app.put("/ambassadors/:ambassadorId", { schema: { response: { 200: ambassadorOut }, tags, summary: "Modifier la fiche d'un ambassadeur (version lue obligatoire)", params: ambassadorParams, body: ambassadorUpdateBody } }, async (request) => {
    const scope = await ambassadorScope(app.db, request.params.ambassadorId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: AMBASSADOR_NOT_FOUND });
    return updateAmbassador(app.db, request.actor, request.params.ambassadorId, request.body);
  });

  app.get("/ambassadors/:ambassadorId/export", { schema: { response: { 200: ambassadorExportOut }, tags, summary: "Les données d'un ambassadeur (droit d'accès)", params: ambassadorParams } }, async (request) => {
    const scope = await ambassadorScope(app.db, request.params.ambassadorId);
    assertCan(request.actor, "residents.read", { ...scope, missing: AMBASSADOR_NOT_FOUND });
    return exportAmbassador(app.db, request.params.ambassadorId);
  });

  app.delete("/ambassadors/:ambassadorId", { schema: { response: { 204: noContent }, tags, summary: "Effacer les données d'un ambassadeur (droit à l'effacement ; les comptes restent)", params: ambassadorParams } }, async (request, reply) => {
    const scope = await ambassadorScope(app.db, request.params.ambassadorId);
    assertCan(request.actor, "residents.read", { ...scope, missing: AMBASSADOR_NOT_FOUND });
    assertCan(request.actor, "participation.manage", { ...scope, missing: AMBASSADOR_NOT_FOUND });
    await eraseAmbassador(app.db, request.actor, request.params.ambassadorId);
    return reply.status(204).send();
  });

  app.post(
    "/contracts/:contractId/ambassador-trainings",
    { schema: { response: { 201: trainingOut }, tags, summary: "Enregistrer une formation des ambassadeurs", params: contractParams, body: trainingBody } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "participation.manage", request.params);
      const row = await createTraining(app.db, request.actor, contractId, request.body);
      return reply.status(201).send(trainingView(row, can(request.actor, "residents.read", { contractId })));
    },
  );

  app.put("/ambassador-trainings/:trainingId", { schema: { response: { 200: trainingOut }, tags, summary: "Modifier une formation (version lue obligatoire)", params: trainingParams, body: trainingUpdateBody } }, async (request) => {
    const scope = await trainingScope(app.db, request.params.trainingId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: TRAINING_NOT_FOUND });
    return trainingView(await updateTraining(app.db, request.actor, request.params.trainingId, request.body), can(request.actor, "residents.read", scope));
  });

  app.delete("/ambassador-trainings/:trainingId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer une formation", params: trainingParams } }, async (request, reply) => {
    const scope = await trainingScope(app.db, request.params.trainingId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: TRAINING_NOT_FOUND });
    await deleteTraining(app.db, request.actor, request.params.trainingId);
    return reply.status(204).send();
  });

  app.post(
    "/contracts/:contractId/ambassador-activities",
    { schema: { response: { 201: activityOut }, tags, summary: "Enregistrer une action menée par des ambassadeurs", params: contractParams, body: activityBody } },
    async (request, reply) => {
      const { contractId } = request.params;
      assertCan(request.actor, "participation.manage", request.params);
      const row = await createActivity(app.db, request.actor, contractId, request.body);
      return reply.status(201).send(activityView(row, can(request.actor, "residents.read", { contractId })));
    },
  );

  app.put("/ambassador-activities/:activityId", { schema: { response: { 200: activityOut }, tags, summary: "Modifier une action (version lue obligatoire)", params: activityParams, body: activityUpdateBody } }, async (request) => {
    const scope = await activityScope(app.db, request.params.activityId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: ACTIVITY_NOT_FOUND });
    return activityView(await updateActivity(app.db, request.actor, request.params.activityId, request.body), can(request.actor, "residents.read", scope));
  });

  app.delete("/ambassador-activities/:activityId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer une action", params: activityParams } }, async (request, reply) => {
    const scope = await activityScope(app.db, request.params.activityId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: ACTIVITY_NOT_FOUND });
    await deleteActivity(app.db, request.actor, request.params.activityId);
    return reply.status(204).send();
  });

  app.post(
    "/contracts/:contractId/ambassador-measurements",
    { schema: { response: { 201: measurementRecordedOut }, tags, summary: "Enregistrer un compte du réseau comme mesure d'un indicateur de fiche", params: contractParams, body: measurementRequestBody } },
    async (request, reply) => {
      assertCan(request.actor, "participation.manage", request.params);
      return reply.status(201).send(await recordNetworkMeasurement(app.db, request.actor, request.params.contractId, request.body, parisDay()));
    },
  );
};
