/** Indicators of a fiche: their measurements and a chart each. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { renderIndicatorSvg } from "../../documents/charts.js";
import { assertCan, can } from "../../policies/index.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { parisDay } from "../../domain/dates.js";
import {
  createMeasurement,
  deleteMeasurement,
  INDICATOR_NOT_FOUND,
  indicatorScope,
  listIndicators,
  MEASUREMENT_NOT_FOUND,
  measurementScope,
  updateMeasurement,
} from "./measurements.js";
import { actionParams, indicatorParams, measurementBody, measurementParams, measurementUpdateBody } from "./schema.js";
import { binary, noContent } from "../../http/responses.js";
import { indicatorsOut, measurementOut } from "./schema-out.js";

const tags = ["Suivi des fiches"];

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/actions/:actionId/indicators", { schema: { response: { 200: indicatorsOut }, tags, summary: "Indicateurs d'une fiche : mesures, progression vers la cible, indicateurs non mesurés", params: actionParams } }, async (request) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "action.read", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return { items: await listIndicators(app.db, actionId, parisDay()), permissions: { measure: can(request.actor, "action.update", { contractId, actionId }) } };
  });

  app.post("/actions/:actionId/measurements", { schema: { response: { 201: measurementOut }, tags, summary: "Enregistrer une mesure d'un indicateur de la fiche", params: actionParams, body: measurementBody } }, async (request, reply) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "action.update", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return reply.status(201).send(await createMeasurement(app.db, request.actor, { contractId, actionId }, request.body, parisDay()));
  });

  app.put("/measurements/:measurementId", { schema: { response: { 200: measurementOut }, tags, summary: "Corriger une mesure (version lue obligatoire)", params: measurementParams, body: measurementUpdateBody } }, async (request) => {
    const scope = await measurementScope(app.db, request.params.measurementId);
    assertCan(request.actor, "action.update", { ...scope, missing: MEASUREMENT_NOT_FOUND });
    return updateMeasurement(app.db, request.actor, request.params.measurementId, request.body, parisDay());
  });

  app.delete("/measurements/:measurementId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer une mesure", params: measurementParams } }, async (request, reply) => {
    const scope = await measurementScope(app.db, request.params.measurementId);
    assertCan(request.actor, "action.update", { ...scope, missing: MEASUREMENT_NOT_FOUND });
    await deleteMeasurement(app.db, request.actor, request.params.measurementId);
    return reply.status(204).send();
  });

  app.get("/indicators/:indicatorId/chart.svg", { schema: { response: { 200: binary("Le graphique (SVG)", "image/svg+xml") }, tags, summary: "Graphique d'un indicateur (SVG), pour les documents", params: indicatorParams } }, async (request, reply) => {
    const scope = await indicatorScope(app.db, request.params.indicatorId);
    assertCan(request.actor, "action.read", { ...scope, missing: INDICATOR_NOT_FOUND });
    const indicator = (await listIndicators(app.db, scope.actionId, parisDay())).find((i) => i.id === request.params.indicatorId)!;
    return reply.type("image/svg+xml; charset=utf-8").send(renderIndicatorSvg(indicator));
  });
};
