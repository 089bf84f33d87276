/**
 * The request side of accounts: cookies, CSRF protection on every
 * state-changing request, the signed-in actor of each request, and sign-in
 * required everywhere under /api except routes marked `config: { public: true }`.
 */
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyRateLimit from "@fastify/rate-limit";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { Problem, unauthorized } from "../http/problem.js";
import { loadActor } from "../policies/actor.js";
import { ANONYMOUS, type Actor } from "../policies/index.js";
import { ActorCache } from "./actor-cache.js";
import { rateLimitStore } from "./rate-limit-store.js";
import type { Auth } from "./auth.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Reachable without signing in (public page, health, sign-in flows). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = "cles.session_token";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * The tables an actor is read from (policies/actor.ts) besides sessions: their changes are
 * announced by the database (read views' channel) to every process, at commit.
 */
const ACTOR_TABLES = new Set(["users", "memberships", "membership_actions", "ars_scopes", "communes"]);
/** Sessions are not announced: the routes that close or open them (sign-in, sign-out, passwords). */
const touchesSessions = (url: string) => url.startsWith("/api/auth/") || url.startsWith("/api/account/");
/** The API documentation has no data: readable without signing in. */
const isApiDocs = (url: string) => url.startsWith("/api/docs") || url === "/api/openapi.json";

export const signInRequired = () => unauthorized();

type UserActor = Extract<Actor, { kind: "user" }>;

/** For routes that only a signed-in person (not a share link or anonymous caller) may use. */
export function assertSignedIn(actor: Actor): asserts actor is UserActor {
  if (actor.kind !== "user") throw unauthorized();
}

export function requestHeaders(request: FastifyRequest): Headers {
  return fromNodeHeaders(request.headers);
}

/** The session cookie's value (plain, or `__Secure-` prefixed behind TLS). */
function sessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] ?? request.cookies[`__Secure-${SESSION_COOKIE}`];
}

/** The actor of a session cookie not in the cache: asked of better-auth, then kept. */
async function resolveActor(app: FastifyInstance, auth: Auth, cache: ActorCache, request: FastifyRequest, cookie: string): Promise<Actor> {
  const mark = cache.mark();
  const session = await auth.api.getSession({ headers: requestHeaders(request) });
  if (!session) return ANONYMOUS;
  const { id, name, email, isAdmin } = session.user as typeof session.user & { isAdmin?: boolean };
  const actor = await loadActor(app.db, { id, name, email, isAdmin: !!isAdmin });
  cache.set(cookie, actor, new Date(session.session.expiresAt), mark);
  return actor;
}

export const authPlugin = fp<{ auth: Auth; secure: boolean; redisUrl?: string }>(async (app, { auth, secure, redisUrl }) => {
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: "cles.csrf",
    cookieOpts: { path: "/", sameSite: "lax", httpOnly: true, secure },
    getToken: (request) => {
      const header = request.headers[CSRF_HEADER];
      return typeof header === "string" ? header : undefined;
    },
  });
  // Counted where every process counts (the database, or Redis): a limit holds across processes.
  const store = rateLimitStore(app.db, redisUrl, (message) => app.log.warn(message));
  app.addHook("onClose", () => store.close());
  await app.register(fastifyRateLimit, {
    ...store.options,
    global: false,
    errorResponseBuilder: (_request, context) =>
      new Problem(429, "Trop de requêtes", `Trop de tentatives depuis votre adresse : réessayez dans ${Math.max(1, Math.ceil(context.ttl / 1000))} secondes.`),
  });

  const cache = new ActorCache();
  // Hooks with callbacks, not async: a cached session costs no promise.
  app.addHook("onRequest", (request, _reply, done) => {
    request.actor = ANONYMOUS;
    if (!request.url.startsWith("/api/") || isApiDocs(request.url)) return done();
    const settle = (actor: Actor) => {
      request.actor = actor;
      if (actor.kind === "anonymous" && !request.routeOptions.config.public) return done(signInRequired());
      done();
    };
    const cookie = sessionCookie(request);
    if (!cookie) return settle(ANONYMOUS);
    const cached = cache.get(cookie);
    if (cached) return settle(cached);
    resolveActor(app, auth, cache, request, cookie).then(settle, done);
  });
  // A change of who may do what, announced by the database (here and in every other process):
  // forget every cached actor; also when announcements may have been missed (null).
  app.readViews.onChange((table) => {
    if (table === null || ACTOR_TABLES.has(table)) cache.clear();
  });
  // A change that went through a session route — or any change while announcements are not
  // heard — may have changed who may do what: forget every cached actor.
  app.addHook("onResponse", (request, reply, done) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400 && (touchesSessions(request.url) || !app.readViews.live)) cache.clear();
    done();
  });
  // The CSRF check answers 403 itself (through the problem handler) when the token is missing or wrong.
  app.addHook("onRequest", (request, reply, done) => {
    if (!request.url.startsWith("/api/") || SAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
});
