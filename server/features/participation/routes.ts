/**
 * Residents' workshops: the coordination organises them (series, call, tables, syntheses)
 * and alone reads residents' personal data; members may register a resident for them;
 * every reader of the contract sees the workshops and their anonymous syntheses.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { assertCan } from "../../policies/index.js";
import { contractParams } from "../../http/params.js";
import { noContent } from "../../http/responses.js";
import { uuid } from "../../validation/fields.js";
import { ACTION_NOT_FOUND, actionContractId } from "../actions/queries.js";
import { attendanceBody, callBody, composeBody, registrationBody, synthesisBody, tablesBody, workshopBody, workshopUpdateBody } from "./schema.js";
import { ficheSynthesesOut, processingRegisterOut, createdOut, registeredOut, registrationExportOut, registrationListOut, tablesOut, workshopListOut, workshopOut } from "./schema-out.js";
import { synthesesForFiche, createWorkshop, deleteWorkshop, getWorkshop, listWorkshops, saveSynthesis, sessionScope, setCall, updateWorkshop, WORKSHOP_NOT_FOUND, workshopScope } from "./service.js";
import { cancelRegistration, eraseRegistration, exportRegistration, listRegistrations, register, REGISTRATION_NOT_FOUND, registrationScope, setAttendance, } from "./registrations.js";
import { arrangeTables, composeSession, getTables, sheetsData } from "./seating.js";
import { sessionSheets } from "./sheets.js";
import { DOCUMENT_FORMATS, sendDocument } from "../../http/send-document.js";
import { documentResponse } from "../../http/responses.js";
import { actorIdentity } from "../../policies/index.js";
import { processingRegister } from "./processing-register.js";
import { registeredMessage, sendRegistrationMail, tellPromoted } from "./notify.js";

const tags = ["Participation des habitants"];
const workshopParams = z.object({ workshopId: uuid });
const registrationParams = z.object({ registrationId: uuid });
const sessionParams = z.object({ sessionId: uuid });
const sheetParams = z.object({ sessionId: uuid, format: z.enum(DOCUMENT_FORMATS, { error: "Format inconnu : docx, pdf ou html." }) });
const actionParams = z.object({ actionId: uuid });
const SESSION_NOT_FOUND = "Cette séance est introuvable.";

export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  const logMail = (request: { log: { error: (o: object, m: string) => void } }) => (err: unknown) => request.log.error({ err }, "participation mail not sent");

  app.get("/contracts/:contractId/workshops", { schema: { response: { 200: workshopListOut }, tags, summary: "Ateliers des habitants du contrat", params: contractParams } }, async (request) => {
    assertCan(request.actor, "participation.read", request.params);
    return listWorkshops(app.db, request.params.contractId);
  });

  app.post("/contracts/:contractId/workshops", { schema: { response: { 201: createdOut }, tags, summary: "Créer un atelier des habitants (World Café)", params: contractParams, body: workshopBody } }, async (request, reply) => {
    assertCan(request.actor, "participation.manage", request.params);
    return reply.status(201).send({ id: await createWorkshop(app.db, request.actor, request.params.contractId, request.body) });
  });

  app.get(
    "/contracts/:contractId/processing-register",
    { schema: { response: { 200: processingRegisterOut }, tags, summary: "Registre des traitements des données des habitants", params: contractParams } },
    async (request) => {
      assertCan(request.actor, "residents.read", request.params);
      return processingRegister(app.db, request.params.contractId);
    },
  );

  app.get("/workshops/:workshopId", { schema: { response: { 200: workshopOut }, tags, summary: "Un atelier : thèmes, séances, rotation, synthèses", params: workshopParams } }, async (request) => {
    const scope = await workshopScope(app.db, request.params.workshopId);
    assertCan(request.actor, "participation.read", { ...scope, missing: WORKSHOP_NOT_FOUND });
    return getWorkshop(app.db, request.actor, request.params.workshopId);
  });

  app.put("/workshops/:workshopId", { schema: { response: { 200: workshopOut }, tags, summary: "Modifier un atelier", params: workshopParams, body: workshopUpdateBody } }, async (request) => {
    const scope = await workshopScope(app.db, request.params.workshopId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: WORKSHOP_NOT_FOUND });
    await updateWorkshop(app.db, request.actor, request.params.workshopId, request.body);
    return getWorkshop(app.db, request.actor, request.params.workshopId);
  });

  app.delete("/workshops/:workshopId", { schema: { response: { 204: noContent }, tags, summary: "Supprimer un atelier sans inscription", params: workshopParams } }, async (request, reply) => {
    const scope = await workshopScope(app.db, request.params.workshopId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: WORKSHOP_NOT_FOUND });
    await deleteWorkshop(app.db, request.actor, request.params.workshopId);
    return reply.status(204).send();
  });

  app.put("/workshops/:workshopId/call", { schema: { response: { 200: workshopOut }, tags, summary: "Publier ou retirer l'appel à participation", params: workshopParams, body: callBody } }, async (request) => {
    const scope = await workshopScope(app.db, request.params.workshopId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: WORKSHOP_NOT_FOUND });
    await setCall(app.db, request.actor, request.params.workshopId, request.body.published);
    return getWorkshop(app.db, request.actor, request.params.workshopId);
  });

  app.put("/workshops/:workshopId/syntheses", { schema: { response: { 200: workshopOut }, tags, summary: "Écrire la synthèse d'une table ou de l'atelier sur un thème", params: workshopParams, body: synthesisBody } }, async (request) => {
    const scope = await workshopScope(app.db, request.params.workshopId);
    assertCan(request.actor, "participation.manage", { ...scope, missing: WORKSHOP_NOT_FOUND });
    await saveSynthesis(app.db, request.actor, request.params.workshopId, request.body);
    return getWorkshop(app.db, request.actor, request.params.workshopId);
  });

  app.get("/actions/:actionId/workshop-syntheses", { schema: { response: { 200: ficheSynthesesOut }, tags, summary: "Ce que les ateliers des habitants ont dit des thèmes de cette fiche", params: actionParams } }, async (request) => {
    const contractId = await actionContractId(app.db, request.params.actionId);
    assertCan(request.actor, "participation.read", { contractId, missing: ACTION_NOT_FOUND });
    return synthesesForFiche(app.db, request.params.actionId);
  });

  app.get("/workshops/:workshopId/registrations", { schema: { response: { 200: registrationListOut }, tags, summary: "Inscriptions (données personnelles : la coordination seulement)", params: workshopParams } }, async (request) => {
    const scope = await workshopScope(app.db, request.params.workshopId);
    assertCan(request.actor, "residents.read", { ...scope, missing: WORKSHOP_NOT_FOUND });
    return listRegistrations(app.db, request.params.workshopId);
  });

  app.post(
    "/workshops/:workshopId/registrations",
    { schema: { response: { 201: registeredOut }, tags, summary: "Inscrire une personne pour elle (partenaire ou coordination)", params: workshopParams, body: registrationBody } },
    async (request, reply) => {
      const scope = await workshopScope(app.db, request.params.workshopId);
      assertCan(request.actor, "registration.add", { ...scope, missing: WORKSHOP_NOT_FOUND });
      const userId = request.actor.kind === "user" ? request.actor.id : null;
      const result = await register(app.db, { workshopId: request.params.workshopId, body: request.body, source: "partner", actor: request.actor, userId });
      await sendRegistrationMail(app, result, logMail(request));
      return reply.status(201).send({ id: result.id, status: result.status, waitlistRank: result.waitlistRank, message: registeredMessage(result) });
    },
  );

  app.post("/registrations/:registrationId/cancel", { schema: { response: { 204: noContent }, tags, summary: "Annuler une inscription (la place va à la liste d'attente)", params: registrationParams } }, async (request, reply) => {
    const scope = await registrationScope(app.db, request.params.registrationId);
    assertCan(request.actor, "residents.read", { ...scope, missing: REGISTRATION_NOT_FOUND });
    await tellPromoted(app, await cancelRegistration(app.db, request.actor, request.params.registrationId), logMail(request));
    return reply.status(204).send();
  });

  app.put("/registrations/:registrationId/attendance", { schema: { response: { 204: noContent }, tags, summary: "Noter la présence aux séances", params: registrationParams, body: attendanceBody } }, async (request, reply) => {
    const scope = await registrationScope(app.db, request.params.registrationId);
    assertCan(request.actor, "residents.read", { ...scope, missing: REGISTRATION_NOT_FOUND });
    await setAttendance(app.db, request.actor, request.params.registrationId, request.body.sessionIds);
    return reply.status(204).send();
  });

  app.get("/registrations/:registrationId/export", { schema: { response: { 200: registrationExportOut }, tags, summary: "Les données d'une personne (droit d'accès)", params: registrationParams } }, async (request) => {
    const scope = await registrationScope(app.db, request.params.registrationId);
    assertCan(request.actor, "residents.read", { ...scope, missing: REGISTRATION_NOT_FOUND });
    return exportRegistration(app.db, request.params.registrationId);
  });

  app.delete("/registrations/:registrationId", { schema: { response: { 204: noContent }, tags, summary: "Effacer les données d'une personne (droit à l'effacement)", params: registrationParams } }, async (request, reply) => {
    const scope = await registrationScope(app.db, request.params.registrationId);
    assertCan(request.actor, "residents.read", { ...scope, missing: REGISTRATION_NOT_FOUND });
    await tellPromoted(app, await eraseRegistration(app.db, request.actor, request.params.registrationId), logMail(request));
    return reply.status(204).send();
  });

  app.get("/workshop-sessions/:sessionId/tables", { schema: { response: { 200: tablesOut }, tags, summary: "Les tables d'une séance et leur score de diversité", params: sessionParams } }, async (request) => {
    const scope = await sessionScope(app.db, request.params.sessionId);
    assertCan(request.actor, "residents.read", { ...scope, missing: SESSION_NOT_FOUND });
    return getTables(app.db, request.params.sessionId);
  });

  app.post("/workshop-sessions/:sessionId/tables", { schema: { response: { 200: tablesOut }, tags, summary: "Composer les tables (places fixées gardées)", params: sessionParams, body: composeBody } }, async (request) => {
    const scope = await sessionScope(app.db, request.params.sessionId);
    assertCan(request.actor, "residents.read", { ...scope, missing: SESSION_NOT_FOUND });
    await composeSession(app.db, request.actor, request.params.sessionId, request.body);
    return getTables(app.db, request.params.sessionId);
  });

  app.put("/workshop-sessions/:sessionId/tables", { schema: { response: { 200: tablesOut }, tags, summary: "Enregistrer les tables après déplacements", params: sessionParams, body: tablesBody } }, async (request) => {
    const scope = await sessionScope(app.db, request.params.sessionId);
    assertCan(request.actor, "residents.read", { ...scope, missing: SESSION_NOT_FOUND });
    await arrangeTables(app.db, request.actor, request.params.sessionId, request.body);
    return getTables(app.db, request.params.sessionId);
  });

  app.get(
    "/workshop-sessions/:sessionId/sheets.:format",
    { schema: { response: { 200: documentResponse("Les fiches à imprimer de la séance") }, tags, summary: "Listes des tables, plan de rotation et fiches d'animation (docx, pdf ou html)", params: sheetParams } },
    async (request, reply) => {
      const scope = await sessionScope(app.db, request.params.sessionId);
      assertCan(request.actor, "residents.read", { ...scope, missing: SESSION_NOT_FOUND });
      const model = sessionSheets({ ...(await sheetsData(app.db, request.params.sessionId)), author: actorIdentity(request.actor).name });
      return sendDocument(reply, request.params.format, model, "atelier-fiches");
    },
  );
};
