/** « Comptes »: the platform admin's accounts, ARS territories and invitations (issue 15). */
import type { FastifyBaseLogger } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { anonymiseUser } from "./anonymise.js";
import { requestHeaders } from "../../auth/plugin.js";
import { parisDateTime } from "../../domain/dates.js";
import type { Mailer, MailMessage } from "../../mail/mailer.js";
import { assertCan } from "../../policies/index.js";
import { noContent } from "../../http/responses.js";
import { forwardCookies } from "../auth/routes.js";
import { acceptArsInvitation, arsInvitationLink, describeArsInvitation, inviteArs, pendingArsInvitations, revokeArsInvitation } from "./ars-invitations.js";
import { ADMIN_RESET_LINK_SECONDS, NEW_ACCOUNT_LINK_SECONDS, passwordLink } from "./links.js";
import { adminResetMail, arsInvitationMail, newAccountMail } from "./mail.js";
import { arsAcceptBody, arsInvitationBody, arsInvitationParams, arsTokenParams, createUserBody, scopesBody, userParams, usersQuery } from "./schema.js";
import { arsInvitationAcceptedOut, arsInvitationOut, linkSentOut, pendingArsInvitationsOut, territoriesOut, userCreatedOut, userOut, usersPageOut } from "./schema-out.js";
import { REGIONS } from "../../domain/roles.js";
import { createAccount, deactivateUser, getUser, listUsers, reactivateUser, resetLinkFor, setScopes } from "./service.js";

const tags = ["Comptes"];

/** Sends, and tells whether it went: the link stays valid (and shown once) when the mail fails. */
async function trySend(mailer: Mailer, log: FastifyBaseLogger, message: MailMessage): Promise<boolean> {
  try {
    await mailer.send(message);
    return true;
  } catch (err) {
    log.error({ err }, "account mail not sent");
    return false;
  }
}

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const senderName = (actor: { kind: string; name?: string }) => (actor.kind === "user" && actor.name ? actor.name : "L'administration de Clés");

  app.get("/admin/users", { schema: { response: { 200: usersPageOut }, tags, summary: "Comptes de la plateforme (recherche par nom ou e-mail, par pages de 25)", querystring: usersQuery } }, async (request) => {
    assertCan(request.actor, "users.manage");
    return listUsers(app.db, request.query);
  });

  app.get("/admin/territories", { schema: { response: { 200: territoriesOut }, tags, summary: "Régions et départements qu'une délégation ARS peut suivre" } }, async (request) => {
    assertCan(request.actor, "users.manage");
    const regions = Object.entries(REGIONS).map(([code, r]) => ({ code, name: r.name, departements: r.departments }));
    return { regions: regions.sort((a, b) => a.name.localeCompare(b.name, "fr")) };
  });

  app.post(
    "/admin/users",
    { schema: { response: { 201: userCreatedOut }, tags, summary: "Créer un compte (administrateur, délégation ARS ou coordination d'un contrat) ; le lien pour choisir le mot de passe est envoyé et montré une fois", body: createUserBody } },
    async (request, reply) => {
      assertCan(request.actor, "users.manage");
      const created = await createAccount(app.db, request.actor, request.body, NEW_ACCOUNT_LINK_SECONDS);
      const link = passwordLink(app.publicUrl, created.token);
      const user = await getUser(app.db, created.userId);
      const mailSent = await trySend(app.mailer, request.log, newAccountMail({ to: user.email, name: user.name, roleLabel: created.roleLabel, createdBy: senderName(request.actor), link, validUntil: parisDateTime(created.expiresAt) }));
      return reply.status(201).send({ user, link, expiresAt: created.expiresAt, mailSent });
    },
  );

  app.put("/admin/users/:userId/scopes", { schema: { response: { 200: userOut }, tags, summary: "Changer le territoire ARS d'un compte (départements et/ou régions)", params: userParams, body: scopesBody } }, async (request) => {
    assertCan(request.actor, "users.manage");
    await setScopes(app.db, request.actor, request.params.userId, request.body);
    return getUser(app.db, request.params.userId);
  });

  app.post("/admin/users/:userId/deactivate", { schema: { response: { 200: userOut }, tags, summary: "Désactiver un compte : plus de connexion, sessions fermées", params: userParams } }, async (request) => {
    assertCan(request.actor, "users.manage");
    await deactivateUser(app.db, request.actor, request.params.userId);
    return getUser(app.db, request.params.userId);
  });

  app.post(
    "/admin/users/:userId/anonymise",
    { schema: { response: { 200: userOut }, tags, summary: "Anonymiser un compte (définitif) : nom et e-mail effacés, accès retirés ; ce que la personne a écrit reste, signé « Utilisateur supprimé »", params: userParams } },
    async (request) => {
      assertCan(request.actor, "users.manage");
      await anonymiseUser(app.db, request.actor, request.params.userId);
      return getUser(app.db, request.params.userId);
    },
  );

  app.post("/admin/users/:userId/reactivate", { schema: { response: { 200: userOut }, tags, summary: "Réactiver un compte", params: userParams } }, async (request) => {
    assertCan(request.actor, "users.manage");
    await reactivateUser(app.db, request.actor, request.params.userId);
    return getUser(app.db, request.params.userId);
  });

  app.post("/admin/users/:userId/reset-link", { schema: { response: { 200: linkSentOut }, tags, summary: "Envoyer à la personne un lien pour choisir un nouveau mot de passe", params: userParams } }, async (request) => {
    assertCan(request.actor, "users.manage");
    const { user, token, expiresAt } = await resetLinkFor(app.db, request.params.userId, ADMIN_RESET_LINK_SECONDS);
    const mailSent = await trySend(app.mailer, request.log, adminResetMail({ to: user.email, name: user.name, link: passwordLink(app.publicUrl, token), validUntil: parisDateTime(expiresAt) }));
    return { email: user.email, expiresAt, mailSent };
  });

  app.post("/admin/ars-invitations", { schema: { response: { 201: linkSentOut }, tags, summary: "Inviter une délégation ARS par e-mail avec son territoire", body: arsInvitationBody } }, async (request, reply) => {
    assertCan(request.actor, "users.manage");
    const invited = await inviteArs(app.db, request.actor, request.body);
    const message = arsInvitationMail({ to: invited.email, territory: invited.territory, invitedBy: senderName(request.actor), link: arsInvitationLink(app.publicUrl, invited.token), validUntil: parisDateTime(invited.expiresAt) });
    const mailSent = await trySend(app.mailer, request.log, message);
    return reply.status(201).send({ email: invited.email, expiresAt: invited.expiresAt, mailSent });
  });

  app.get("/admin/ars-invitations", { schema: { response: { 200: pendingArsInvitationsOut }, tags, summary: "Invitations ARS en attente" } }, async (request) => {
    assertCan(request.actor, "users.manage");
    return { invitations: await pendingArsInvitations(app.db) };
  });

  app.delete("/admin/ars-invitations/:invitationId", { schema: { response: { 204: noContent }, params: arsInvitationParams, tags, summary: "Révoquer une invitation ARS en attente : son lien ne sert plus" } }, async (request, reply) => {
    assertCan(request.actor, "users.manage");
    await revokeArsInvitation(app.db, request.actor, request.params.invitationId);
    return reply.status(204).send();
  });

  app.get("/ars-invitations/:token", { schema: { response: { 200: arsInvitationOut }, tags, summary: "Une invitation ARS, d'après le lien reçu", params: arsTokenParams }, config: { public: true } }, async (request) =>
    describeArsInvitation(app.db, request.params.token),
  );

  app.post(
    "/ars-invitations/:token/accept",
    {
      schema: { response: { 201: arsInvitationAcceptedOut }, tags, summary: "Accepter une invitation ARS : créer son compte (puis être connecté)", params: arsTokenParams, body: arsAcceptBody },
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { email } = await acceptArsInvitation(app.db, request.params.token, request.body);
      const { headers, response } = await app.auth.api.signInEmail({ body: { email, password: request.body.password }, headers: requestHeaders(request), returnHeaders: true });
      forwardCookies(reply, headers);
      return reply.status(201).send({ user: { id: response.user.id, name: response.user.name, email: response.user.email, isAdmin: false } });
    },
  );
};

