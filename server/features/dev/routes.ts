import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readOutbox } from "../../mail/mailer.js";
import { outboxOut } from "./schema.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The development mail page is open (see `devOutboxAllowed`); each request must still come from this machine. */
    devOutbox: boolean;
  }
}

/** The app is reached on this machine only (http://localhost…, 127.0.0.1): a development set-up. */
export function isLocalAddress(publicUrl: string): boolean {
  const { hostname } = new URL(publicUrl);
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * Whether this instance may show the development mail at all: asked for explicitly
 * (`cles serve --dev-outbox`, which `npm start` passes for the local demo), mail going
 * to the outbox folder (no SMTP server), not in production, and a public address that
 * is this machine. Mail holds sign-in links: a deployment never shows it.
 */
export function devOutboxAllowed(options: { requested?: boolean; publicUrl: string; outboxDir: string | null; env?: NodeJS.ProcessEnv }): boolean {
  const env = options.env ?? process.env;
  return options.requested === true && options.outboxDir !== null && env.NODE_ENV !== "production" && isLocalAddress(options.publicUrl);
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The request comes from this machine: read on the socket itself, never from
 * X-Forwarded-For (request.ip), which a client writes as it likes when a proxy is trusted.
 */
export function fromLoopback(request: FastifyRequest): boolean {
  const address = request.raw.socket?.remoteAddress;
  return address !== undefined && LOOPBACK.has(address);
}

/** This request may read the development mail (for the session's flag and the route itself). */
export const canReadOutbox = (request: FastifyRequest): boolean => request.server.devOutbox && fromLoopback(request);

/**
 * Development only: the mail written to the outbox folder when no SMTP server is set.
 * Refused requests get the answer of an address that does not exist (404).
 */
export const devRoutes: FastifyPluginAsyncZod = async (app) => {
  const summary = "Courriels de développement (démonstration locale : serve --dev-outbox, sans serveur SMTP, depuis la machine elle-même ; 404 sinon)";
  app.get("/dev/outbox", { schema: { response: { 200: outboxOut }, tags: ["Système"], summary }, config: { public: true } }, async (request, reply) => {
    const dir = app.mailer.outboxDir;
    if (!dir || !canReadOutbox(request)) return reply.callNotFound();
    void reply.header("cache-control", "no-store");
    return { items: await readOutbox(dir) };
  });
};
