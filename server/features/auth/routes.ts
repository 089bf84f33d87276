/** Sign-in flows: session, sign in and out, password reset. They call better-auth's server API. */
import { APIError } from "better-auth/api";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assertSignedIn, requestHeaders, SESSION_COOKIE } from "../../auth/plugin.js";
import { Problem, unauthorized } from "../../http/problem.js";
import { canReadOutbox } from "../dev/routes.js";
import { plural } from "../../domain/dates.js";
import { clearFailures, closeSessions, DEACTIVATED, isDeactivated, minutesLocked, readFailures, recordFailure } from "./service.js";
import { resetBody, resetRequestBody, signInBody } from "./schema.js";
import { noContent } from "../../http/responses.js";
import { messageOut, sessionOut, signedInOut } from "./schema-out.js";

const tags = ["Connexion"];
export const WRONG_CREDENTIALS = "E-mail ou mot de passe incorrect.";
export const RESET_REQUESTED =
  "Si un compte existe pour cette adresse, un courriel avec un lien de réinitialisation vient de lui être envoyé. Le lien est valable une heure.";
export const RESET_LINK_INVALID = "Ce lien de réinitialisation a expiré ou a déjà servi. Demandez-en un nouveau depuis la page de connexion.";

/** Passes the cookies better-auth set (session, or its removal) on to the reply. */
export function forwardCookies(reply: FastifyReply, headers: Headers): void {
  const cookies = headers.getSetCookie();
  if (cookies.length) void reply.header("set-cookie", cookies);
}

const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: "/" });

const locked = (minutes: number) =>
  new Problem(429, "Trop de tentatives", `Trop de tentatives de connexion pour cette adresse : réessayez dans ${plural(minutes, "minute")}.`);

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/auth/session", { schema: { response: { 200: sessionOut }, tags, summary: "La session en cours, le jeton CSRF, si la page des courriels de développement est ouverte et si ProConnect est proposé" }, config: { public: true } }, async (request, reply) => {
    const actor = request.actor;
    const user = actor.kind === "user" ? { id: actor.id, name: actor.name, email: actor.email, isAdmin: actor.isAdmin } : null;
    void reply.header("cache-control", "no-store");
    // Told here, so that the web never asks the outbox itself except on its own page.
    return { user, csrfToken: reply.generateCsrf(), devOutbox: canReadOutbox(request), proConnect: app.proConnect !== null };
  });

  app.post(
    "/auth/sign-in",
    {
      schema: { response: { 200: signedInOut }, tags, summary: "Se connecter (e-mail et mot de passe)", body: signInBody },
      config: { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const lockedFor = minutesLocked(await readFailures(app.db, email), new Date());
      if (lockedFor) throw locked(lockedFor);
      try {
        const { headers, response } = await app.auth.api.signInEmail({
          body: { email, password, rememberMe: true },
          headers: requestHeaders(request),
          returnHeaders: true,
        });
        await clearFailures(app.db, email);
        const user = response.user as typeof response.user & { isAdmin?: boolean };
        // A deactivated account: the password was right, the session just opened is closed at once.
        if (await isDeactivated(app.db, user.id)) {
          await closeSessions(app.db, user.id);
          throw new Problem(403, "Compte désactivé", DEACTIVATED);
        }
        forwardCookies(reply, headers);
        return { user: { id: user.id, name: user.name, email: user.email, isAdmin: !!user.isAdmin } };
      } catch (error) {
        if (!(error instanceof APIError) || error.status !== "UNAUTHORIZED") throw error;
        const state = await recordFailure(app.db, email);
        const minutes = minutesLocked(state, new Date());
        if (minutes) throw locked(minutes);
        throw unauthorized(WRONG_CREDENTIALS);
      }
    },
  );

  app.post("/auth/sign-out", { schema: { response: { 204: noContent }, tags, summary: "Se déconnecter de cet appareil" }, config: { public: true } }, async (request, reply) => {
    if (request.actor.kind === "user") {
      const { headers } = await app.auth.api.signOut({ headers: requestHeaders(request), returnHeaders: true });
      forwardCookies(reply, headers);
    } else clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.post("/auth/sign-out-everywhere", { schema: { response: { 204: noContent }, tags, summary: "Se déconnecter de tous les appareils" } }, async (request, reply) => {
    assertSignedIn(request.actor);
    await app.auth.api.revokeSessions({ headers: requestHeaders(request) });
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.post(
    "/auth/password-reset-request",
    {
      schema: { response: { 202: messageOut }, tags, summary: "Recevoir un lien de réinitialisation du mot de passe", body: resetRequestBody },
      config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      await app.auth.api.requestPasswordReset({ body: { email: request.body.email } });
      return reply.status(202).send({ message: RESET_REQUESTED });
    },
  );

  app.post(
    "/auth/password-reset",
    {
      schema: { response: { 204: noContent }, tags, summary: "Choisir un nouveau mot de passe avec le lien reçu", body: resetBody },
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      try {
        await app.auth.api.resetPassword({ body: { token: request.body.token, newPassword: request.body.password } });
      } catch (error) {
        if (error instanceof APIError && error.status === "BAD_REQUEST") throw new Problem(410, "Lien expiré", RESET_LINK_INVALID);
        throw error;
      }
      return reply.status(204).send();
    },
  );
};
