import { APIError } from "better-auth/api";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertSignedIn, requestHeaders } from "../../auth/plugin.js";
import { invalid } from "../../http/problem.js";
import { forwardCookies } from "../auth/routes.js";
import { getAccount, renameUser } from "./service.js";
import { binary, noContent } from "../../http/responses.js";
import { contentDisposition } from "../../http/content-disposition.js";
import { parisDay } from "../../domain/dates.js";
import { personalData } from "./personal-data.js";
import { accountOut, passwordChangeBody, renameBody } from "./schema.js";

const tags = ["Mon compte"];

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/account", { schema: { response: { 200: accountOut }, tags, summary: "Mon compte : identité, contrats et rôles" } }, async (request) => {
    assertSignedIn(request.actor);
    return getAccount(app.db, request.actor.id);
  });

  app.get(
    "/account/data",
    { schema: { response: { 200: binary("Mes données (JSON)", "application/json") }, tags, summary: "Télécharger mes données : compte, contrats et rôles, et tout ce que j'ai écrit ou fait dans Clés" } },
    async (request, reply) => {
      assertSignedIn(request.actor);
      const data = await personalData(app.db, request.actor.id);
      return reply
        .header("content-type", "application/json; charset=utf-8")
        .header("content-disposition", contentDisposition(`mes-donnees-cles-${parisDay()}.json`))
        .header("cache-control", "no-store")
        .send(Buffer.from(JSON.stringify(data, null, 2) + "\n"));
    },
  );

  app.put("/account", { schema: { response: { 200: accountOut }, tags, summary: "Modifier mon nom", body: renameBody } }, async (request) => {
    assertSignedIn(request.actor);
    await renameUser(app.db, request.actor.id, request.body.name);
    return getAccount(app.db, request.actor.id);
  });

  app.post(
    "/account/password",
    {
      schema: { response: { 204: noContent }, tags, summary: "Changer mon mot de passe (les autres sessions sont fermées)", body: passwordChangeBody },
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      assertSignedIn(request.actor);
      try {
        const { headers } = await app.auth.api.changePassword({
          body: { currentPassword: request.body.currentPassword, newPassword: request.body.newPassword, revokeOtherSessions: true },
          headers: requestHeaders(request),
          returnHeaders: true,
        });
        forwardCookies(reply, headers);
      } catch (error) {
        if (error instanceof APIError && error.status === "BAD_REQUEST")
          throw invalid([{ path: "currentPassword", message: "Le mot de passe actuel est incorrect." }]);
        throw error;
      }
      return reply.status(204).send();
    },
  );
};
