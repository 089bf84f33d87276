import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { contractParams } from "../../http/params.js";
import { MEETING_NOT_FOUND, meetingContractId } from "../governance/service.js";
import { cancelMeeting, feedAddress, feedCalendar, meetingIcs, resetFeed, sendInvitations } from "./service.js";
import { binary } from "../../http/responses.js";
import { feedOut, mailingOut, meetingParams, tokenParams } from "./schema.js";

const tags = ["Agenda"];
const CALENDAR = "text/calendar; charset=utf-8";

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { mailer: app.mailer, publicUrl: app.publicUrl };

  app.post(
    "/meetings/:meetingId/invitations",
    { schema: { response: { 200: mailingOut }, tags, summary: "Envoyer (ou renvoyer, mise à jour) l'invitation aux participants invités, avec le fichier .ics", params: meetingParams } },
    async (request) => {
      const contractId = await meetingContractId(app.db, request.params.meetingId);
      assertCan(request.actor, "governance.manage", { contractId, missing: MEETING_NOT_FOUND });
      const { errors, ...result } = await sendInvitations(app.db, request.actor, request.params.meetingId, deps);
      for (const err of errors) request.log.error({ err }, "meeting invitation mail not sent");
      return result;
    },
  );

  app.post(
    "/meetings/:meetingId/cancel",
    { schema: { response: { 200: mailingOut }, tags, summary: "Annuler une réunion et envoyer l'annulation (METHOD:CANCEL) aux invités", params: meetingParams } },
    async (request) => {
      const contractId = await meetingContractId(app.db, request.params.meetingId);
      assertCan(request.actor, "governance.manage", { contractId, missing: MEETING_NOT_FOUND });
      const { errors, ...result } = await cancelMeeting(app.db, request.actor, request.params.meetingId, deps);
      for (const err of errors) request.log.error({ err }, "meeting cancellation mail not sent");
      return result;
    },
  );

  app.get("/meetings/:meetingId/ics", { schema: { response: { 200: binary("La réunion (iCalendar)", "text/calendar") }, tags, summary: "Une réunion au format iCalendar (.ics)", params: meetingParams } }, async (request, reply) => {
    const contractId = await meetingContractId(app.db, request.params.meetingId);
    assertCan(request.actor, "contract.read", { contractId, missing: MEETING_NOT_FOUND });
    const { fileName, body } = await meetingIcs(app.db, request.params.meetingId, app.publicUrl);
    return reply.type(CALENDAR).header("content-disposition", `attachment; filename="${fileName}"`).send(body);
  });

  app.get("/contracts/:contractId/calendar-feed", { schema: { response: { 200: feedOut }, tags, summary: "Adresse secrète d'abonnement à l'agenda du contrat", params: contractParams } }, async (request) => {
    assertCan(request.actor, "contract.read", request.params);
    return feedAddress(app.db, request.params.contractId, app.publicUrl);
  });

  app.post(
    "/contracts/:contractId/calendar-feed/reset",
    { schema: { response: { 200: feedOut }, tags, summary: "Renouveler l'adresse d'abonnement (l'ancienne cesse de fonctionner)", params: contractParams } },
    async (request) => {
      assertCan(request.actor, "governance.manage", request.params);
      return resetFeed(app.db, request.actor, request.params.contractId, app.publicUrl);
    },
  );

  app.get(
    "/calendar/:token.ics",
    {
      schema: { response: { 200: binary("Les réunions du contrat (iCalendar)", "text/calendar") }, tags, summary: "Agenda des réunions d'un contrat (abonnement, sans connexion, par adresse secrète)", params: tokenParams },
      config: { public: true, rateLimit: { max: 120, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const body = await feedCalendar(app.db, request.params.token, app.publicUrl);
      return reply.type(CALENDAR).header("cache-control", "no-cache").send(body);
    },
  );
};
