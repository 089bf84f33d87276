import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan } from "../../policies/index.js";
import { uuid } from "../../validation/fields.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { bodyMembersBody, listBodyMembers, meetingView, participantsBody, replaceBodyMembers, replaceParticipants } from "./participants.js";
import { bodyBody, bodyUpdateBody, meetingBody, meetingUpdateBody } from "./schema.js";
import {
  BODY_NOT_FOUND,
  bodyContractId,
  createBody,
  createMeeting,
  deleteBody,
  ficheDecisions,
  governanceAlerts,
  listBodies,
  listMeetings,
  MEETING_NOT_FOUND,
  meetingContractId,
  updateBody,
  updateMeeting,
} from "./service.js";
import { itemsOf, noContent } from "../../http/responses.js";
import { bodyMemberOut, bodyOut, ficheDecisionOut, governanceAlertsOut, meetingOut, meetingSummaryOut } from "./schema-out.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";

const tags = ["Gouvernance"];
const bodyParams = z.object({ bodyId: uuid });
const meetingParams = z.object({ meetingId: uuid });
const actionParams = z.object({ actionId: uuid });

export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/contracts/:contractId/bodies", { schema: { response: { 200: itemsOf(bodyOut) }, tags, summary: "Instances du contrat (COPIL, COTECH…)", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    await contractExists(app.db, request.params.contractId);
    return { items: await listBodies(app.db, request.params.contractId) };
  });

  app.post("/contracts/:contractId/bodies", { schema: { response: { 201: bodyOut }, tags, summary: "Créer une instance", params: contractParams, body: bodyBody } }, async (request, reply) => {
    assertCan(request.actor, "governance.manage", request.params);
    return reply.status(201).send(await createBody(app.db, request.actor, request.params.contractId, request.body));
  });

  app.put("/bodies/:bodyId", { schema: { response: { 200: bodyOut }, tags, summary: "Modifier une instance (version lue obligatoire)", params: bodyParams, body: bodyUpdateBody } }, async (request) => {
    const contractId = await bodyContractId(app.db, request.params.bodyId);
    assertCan(request.actor, "governance.manage", { contractId, missing: BODY_NOT_FOUND });
    return updateBody(app.db, request.actor, request.params.bodyId, request.body);
  });

  app.delete("/bodies/:bodyId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer une instance sans réunion", params: bodyParams } }, async (request, reply) => {
    const contractId = await bodyContractId(app.db, request.params.bodyId);
    assertCan(request.actor, "governance.manage", { contractId, missing: BODY_NOT_FOUND });
    await deleteBody(app.db, request.actor, request.params.bodyId);
    return reply.status(204).send();
  });

  app.get(
    "/contracts/:contractId/governance-alerts",
    { schema: { response: { 200: governanceAlertsOut }, tags, summary: "Alertes de gouvernance : instances en retard sur leur rythme, réunions sans présence ni compte rendu", params: contractParams } },
    async (request) => {
      assertCan(request.actor, "contract.read", request.params);
      return { items: await governanceAlerts(app.db, request.params.contractId) };
    },
  );

  app.get("/contracts/:contractId/meetings", { schema: { response: { 200: itemsOf(meetingSummaryOut) }, tags, summary: "Réunions du contrat, par date", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    await contractExists(app.db, request.params.contractId);
    return { items: await listMeetings(app.db, request.params.contractId) };
  });

  app.post("/contracts/:contractId/meetings", { schema: { response: { 201: meetingOut }, tags, summary: "Enregistrer une réunion", params: contractParams, body: meetingBody } }, async (request, reply) => {
    assertCan(request.actor, "governance.manage", request.params);
    const created = await createMeeting(app.db, request.actor, request.params.contractId, request.body);
    return reply.status(201).send(await meetingView(app.db, request.actor, created.id));
  });

  app.get("/meetings/:meetingId", { schema: { response: { 200: meetingOut }, tags, summary: "Une réunion : ordre du jour, participants, compte rendu, décisions", params: meetingParams } }, async (request) => {
    const contractId = await meetingContractId(app.db, request.params.meetingId);
    assertCan(request.actor, "contract.read", { contractId, missing: MEETING_NOT_FOUND });
    return meetingView(app.db, request.actor, request.params.meetingId);
  });

  app.put("/meetings/:meetingId", { schema: { response: { 200: meetingOut }, tags, summary: "Modifier une réunion (version lue obligatoire)", params: meetingParams, body: meetingUpdateBody } }, async (request) => {
    const contractId = await meetingContractId(app.db, request.params.meetingId);
    assertCan(request.actor, "governance.manage", { contractId, missing: MEETING_NOT_FOUND });
    await updateMeeting(app.db, request.actor, request.params.meetingId, request.body);
    return meetingView(app.db, request.actor, request.params.meetingId);
  });

  app.get(
    "/actions/:actionId/decisions",
    { schema: { response: { 200: itemsOf(ficheDecisionOut) }, tags, summary: "Décisions de réunions qui concernent une fiche, la plus récente d'abord", params: actionParams } },
    async (request) => {
      const contractId = await actionContractId(app.db, request.params.actionId);
      assertCan(request.actor, "action.read", { contractId, actionId: request.params.actionId, missing: ACTION_NOT_FOUND });
      return { items: await ficheDecisions(app.db, contractId, request.params.actionId) };
    },
  );

  app.get("/bodies/:bodyId/members", { schema: { response: { 200: itemsOf(bodyMemberOut) }, tags, summary: "Membres permanents d'une instance", params: bodyParams } }, async (request) => {
    const contractId = await bodyContractId(app.db, request.params.bodyId);
    assertCan(request.actor, "contract.read", { contractId, missing: BODY_NOT_FOUND });
    return { items: await listBodyMembers(app.db, request.params.bodyId) };
  });

  app.put("/bodies/:bodyId/members", { schema: { response: { 200: itemsOf(bodyMemberOut) }, tags, summary: "Remplacer les membres permanents d'une instance", params: bodyParams, body: bodyMembersBody } }, async (request) => {
    const contractId = await bodyContractId(app.db, request.params.bodyId);
    assertCan(request.actor, "governance.manage", { contractId, missing: BODY_NOT_FOUND });
    return { items: await replaceBodyMembers(app.db, request.actor, request.params.bodyId, request.body) };
  });

  app.put(
    "/meetings/:meetingId/participants",
    { schema: { response: { 200: meetingOut }, tags, summary: "Remplacer les participants d'une réunion (invités, présents)", params: meetingParams, body: participantsBody } },
    async (request) => {
      const contractId = await meetingContractId(app.db, request.params.meetingId);
      assertCan(request.actor, "governance.manage", { contractId, missing: MEETING_NOT_FOUND });
      await replaceParticipants(app.db, request.actor, request.params.meetingId, request.body);
      return meetingView(app.db, request.actor, request.params.meetingId);
    },
  );
};
