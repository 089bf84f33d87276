import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { parisDay } from "../../domain/dates.js";
import { createProgress, listProgress, PROGRESS_NOT_FOUND, progressScope, updateProgress } from "./progress.js";
import { createMilestone, deleteMilestone, listMilestones, MILESTONE_NOT_FOUND, milestoneScope, updateMilestone } from "./milestones.js";
import { actionParams, milestoneBody, milestoneParams, milestoneUpdateBody, progressBody, progressParams, progressUpdateBody } from "./schema.js";
import { itemsOf, noContent } from "../../http/responses.js";
import { milestoneOut, progressOut } from "./schema-out.js";

const tags = ["Suivi des fiches"];

export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/actions/:actionId/milestones", { schema: { response: { 200: itemsOf(milestoneOut) }, tags, summary: "Rétroplanning d'une fiche", params: actionParams } }, async (request) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "action.read", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return { items: await listMilestones(app.db, actionId, parisDay()) };
  });

  app.post("/actions/:actionId/milestones", { schema: { response: { 201: milestoneOut }, tags, summary: "Ajouter une étape au rétroplanning", params: actionParams, body: milestoneBody } }, async (request, reply) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "action.update", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return reply.status(201).send(await createMilestone(app.db, request.actor, { contractId, actionId }, request.body, parisDay()));
  });

  app.put("/milestones/:milestoneId", { schema: { response: { 200: milestoneOut }, tags, summary: "Modifier ou reporter une étape (la date prévue d'origine reste visible)", params: milestoneParams, body: milestoneUpdateBody } }, async (request) => {
    const scope = await milestoneScope(app.db, request.params.milestoneId);
    assertCan(request.actor, "action.update", { ...scope, missing: MILESTONE_NOT_FOUND });
    return updateMilestone(app.db, request.actor, request.params.milestoneId, request.body, parisDay());
  });

  app.delete("/milestones/:milestoneId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer une étape", params: milestoneParams } }, async (request, reply) => {
    const scope = await milestoneScope(app.db, request.params.milestoneId);
    assertCan(request.actor, "action.update", { ...scope, missing: MILESTONE_NOT_FOUND });
    await deleteMilestone(app.db, request.actor, request.params.milestoneId);
    return reply.status(204).send();
  });
};

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/actions/:actionId/progress", { schema: { response: { 200: itemsOf(progressOut) }, tags, summary: "État d'avancement d'une fiche, du plus récent au plus ancien", params: actionParams } }, async (request) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "action.read", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return { items: await listProgress(app.db, actionId) };
  });

  app.post("/actions/:actionId/progress", { schema: { response: { 201: progressOut }, tags, summary: "Ajouter un avancement daté", params: actionParams, body: progressBody } }, async (request, reply) => {
    const { actionId } = request.params;
    const contractId = await actionContractId(app.db, actionId);
    assertCan(request.actor, "action.update", { contractId, actionId, missing: ACTION_NOT_FOUND });
    return reply.status(201).send(await createProgress(app.db, request.actor, { contractId, actionId }, request.body, parisDay()));
  });

  app.put("/progress/:entryId", { schema: { response: { 200: progressOut }, tags, summary: "Corriger un avancement (version lue obligatoire)", params: progressParams, body: progressUpdateBody } }, async (request) => {
    const scope = await progressScope(app.db, request.params.entryId);
    assertCan(request.actor, "action.update", { ...scope, missing: PROGRESS_NOT_FOUND });
    return updateProgress(app.db, request.actor, request.params.entryId, request.body, parisDay());
  });
};
