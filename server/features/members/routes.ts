import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertCan } from "../../policies/index.js";
import { contractExists } from "../contracts/queries.js";
import { contractParams } from "../../http/params.js";
import { invitationMail, membershipMail } from "../../mail/templates.js";
import { forwardCookies } from "../auth/routes.js";
import { requestHeaders } from "../../auth/plugin.js";
import { acceptBody, invitationBody, invitationParams, memberBody, memberParams, tokenParams } from "./schema.js";
import { parisDay, shortDay } from "../../domain/dates.js";
import { acceptInvitation, describeInvitation, invite, listMembers, removeMember, revokeInvitation, updateMember } from "./service.js";
import { noContent } from "../../http/responses.js";
import { invitationAcceptedOut, invitationOut, invitationSentOut, memberOut, memberRemovedOut, membersOut } from "./schema-out.js";

const tags = ["Membres"];

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/contracts/:contractId/members", { schema: { response: { 200: membersOut }, tags, summary: "Membres du contrat et invitations en attente", params: contractParams } }, async (request) => {
    assertCan(request.actor, "members.manage", request.params);
    await contractExists(app.db, request.params.contractId);
    return listMembers(app.db, request.params.contractId);
  });

  app.post(
    "/contracts/:contractId/invitations",
    { schema: { response: { 201: invitationSentOut }, tags, summary: "Inviter une personne par e-mail avec un rôle", params: contractParams, body: invitationBody } },
    async (request, reply) => {
      assertCan(request.actor, "members.manage", request.params);
      const result = await invite(app.db, request.actor, request.params.contractId, request.body);
      const invitedBy = request.actor.kind === "user" ? request.actor.name : "L'équipe Clés";
      const message =
        result.outcome === "invited"
          ? invitationMail({ to: result.email, contractName: result.contractName, roleLabel: result.roleLabel, invitedBy, link: `${app.publicUrl}/invitation/${result.token}`, expiresOn: shortDay(parisDay(result.expiresAt)) })
          : membershipMail({ to: result.email, contractName: result.contractName, roleLabel: result.roleLabel, invitedBy, link: `${app.publicUrl}/contrats/${request.params.contractId}` });
      let mailSent = true;
      try {
        await app.mailer.send(message);
      } catch (err) {
        request.log.error({ err }, "invitation mail not sent");
        mailSent = false;
      }
      return reply.status(201).send({ outcome: result.outcome, email: result.email, mailSent });
    },
  );

  app.delete("/contracts/:contractId/invitations/:invitationId", { schema: { response: { 204: noContent }, tags, summary: "Révoquer une invitation en attente", params: invitationParams } }, async (request, reply) => {
    assertCan(request.actor, "members.manage", request.params);
    await revokeInvitation(app.db, request.actor, request.params.contractId, request.params.invitationId);
    return reply.status(204).send();
  });

  app.put("/contracts/:contractId/members/:userId", { schema: { response: { 200: memberOut }, tags, summary: "Changer le rôle d'un membre", params: memberParams, body: memberBody } }, async (request) => {
    assertCan(request.actor, "members.manage", request.params);
    await updateMember(app.db, request.actor, request.params.contractId, request.params.userId, request.body);
    const { items } = await listMembers(app.db, request.params.contractId);
    return items.find((m) => m.userId === request.params.userId)!;
  });

  app.delete(
    "/contracts/:contractId/members/:userId",
    { schema: { response: { 200: memberRemovedOut }, tags, summary: "Retirer un membre du contrat (l'avis dit si la personne n'a plus accès à aucun contrat)", params: memberParams } },
    async (request) => {
      assertCan(request.actor, "members.manage", request.params);
      return removeMember(app.db, request.actor, request.params.contractId, request.params.userId);
    },
  );

  app.get("/invitations/:token", { schema: { response: { 200: invitationOut }, tags, summary: "Une invitation, d'après le lien reçu", params: tokenParams }, config: { public: true } }, async (request) =>
    describeInvitation(app.db, request.params.token),
  );

  app.post(
    "/invitations/:token/accept",
    {
      schema: { response: { 201: invitationAcceptedOut }, tags, summary: "Accepter une invitation : créer son compte (puis être connecté)", params: tokenParams, body: acceptBody },
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { email, contractId } = await acceptInvitation(app.db, request.params.token, request.body);
      const { headers, response } = await app.auth.api.signInEmail({ body: { email, password: request.body.password }, headers: requestHeaders(request), returnHeaders: true });
      forwardCookies(reply, headers);
      return reply.status(201).send({ user: { id: response.user.id, name: response.user.name, email: response.user.email, isAdmin: false }, contractId });
    },
  );
};
