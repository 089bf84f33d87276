/**
 * ProConnect sign-in, when configured (PROCONNECT_* variables): /start sends the browser to the
 * provider; /callback checks its answer, finds the person (server/features/proconnect/service.ts)
 * and opens a session as the password sign-in does (better-auth). A refusal sends the browser back
 * to the sign-in page with a code its French message is shown for. Without configuration: 404.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestHeaders } from "../../auth/plugin.js";
import { agentName, verifiedEmail, type ProConnectFailure } from "../../domain/proconnect.js";
import { notFound } from "../../http/problem.js";
import { forwardCookies } from "../auth/routes.js";
import type { ProConnectClient } from "./client.js";
import { findAgent } from "./service.js";
import { sealState, STATE_COOKIE, STATE_SECONDS, unsealState } from "./state.js";

declare module "fastify" {
  interface FastifyInstance {
    /** ProConnect's client, or null when the instance has none (server/features/proconnect). */
    proConnect: ProConnectClient | null;
  }
}

const tags = ["Connexion"];
export const NOT_CONFIGURED = "La connexion avec ProConnect n'est pas proposée sur cette instance de Clés : connectez-vous avec votre e-mail et votre mot de passe.";
const COOKIE_PATH = "/api/auth/proconnect";
const redirect = z.void().describe("Redirection (302) vers ProConnect, ou vers Clés");
const limit = { max: 30, timeWindow: "1 minute" };
/** What the provider sends back (RFC 6749 §4.1.2); openid-client reads and checks it from the address. */
const callbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

export const proConnectRoutes: FastifyPluginAsyncZod = async (app) => {
  const secret = async () => (await app.auth.$context).secret;
  const client = (): ProConnectClient => {
    if (!app.proConnect) throw notFound(NOT_CONFIGURED);
    return app.proConnect;
  };
  const cookieOptions = { path: COOKIE_PATH, httpOnly: true, sameSite: "lax" as const, secure: app.publicUrl.startsWith("https://") };
  const refuse = (reply: FastifyReply, failure: ProConnectFailure) => reply.redirect(`/connexion?proconnect=${failure}`, 302);

  app.get(
    "/auth/proconnect/start",
    { schema: { response: { 302: redirect }, tags, summary: "Se connecter avec ProConnect : redirige vers le fournisseur d'identité" }, config: { public: true, rateLimit: limit } },
    async (request, reply) => {
      const proConnect = client();
      let started: Awaited<ReturnType<ProConnectClient["start"]>>;
      try {
        started = await proConnect.start(Date.now() + STATE_SECONDS * 1000);
      } catch (err) {
        request.log.warn({ err }, "ProConnect discovery failed");
        return refuse(reply, "indisponible");
      }
      void reply.header("cache-control", "no-store");
      void reply.setCookie(STATE_COOKIE, sealState(started.flow, await secret()), { ...cookieOptions, maxAge: STATE_SECONDS });
      return reply.redirect(started.url, 302);
    },
  );

  app.get(
    "/auth/proconnect/callback",
    {
      schema: { querystring: callbackQuery, response: { 302: redirect }, tags, summary: "Retour de ProConnect : ouvre la session d'un compte existant ou d'une invitation en attente" },
      config: { public: true, rateLimit: limit },
    },
    async (request, reply) => {
      const proConnect = client();
      void reply.header("cache-control", "no-store");
      // The flow serves once, whatever happens.
      void reply.clearCookie(STATE_COOKIE, cookieOptions);
      const flow = unsealState(request.cookies[STATE_COOKIE], await secret());
      if (request.query.error === "access_denied") return refuse(reply, "annulee");
      if (!flow) return refuse(reply, "invalide");
      let person: Awaited<ReturnType<ProConnectClient["finish"]>>;
      try {
        person = await proConnect.finish(callbackUrl(app.publicUrl, request), flow);
      } catch (err) {
        request.log.warn({ err }, "ProConnect answer refused");
        return refuse(reply, "invalide");
      }
      const email = verifiedEmail(person.claims, proConnect.issuerIsProConnect);
      if (!email) return refuse(reply, "non-verifiee");
      const agent = await findAgent(app.db, { email, name: agentName(person.claims, email), subject: person.subject });
      if (!agent.ok) return refuse(reply, agent.failure);
      // As after any write (this is a GET): the pages the browser opens next see the new member.
      if (agent.joined) await app.readViews.sync();
      const { headers } = await app.auth.api.signInExternal({ body: { userId: agent.userId }, headers: requestHeaders(request), returnHeaders: true });
      forwardCookies(reply, headers);
      return reply.redirect(agent.contractId ? `/contrats/${agent.contractId}` : "/", 302);
    },
  );
};

/** The address the provider sent the browser back to, as registered with it (behind a proxy too). */
function callbackUrl(publicUrl: string, request: FastifyRequest): URL {
  return new URL(request.url, publicUrl);
}
