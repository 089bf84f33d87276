import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../http/problem.js";
import { readOutbox } from "../../mail/mailer.js";

/** The app is reached on this machine only (http://localhost…, 127.0.0.1): a development set-up. */
export function isLocalAddress(publicUrl: string): boolean {
  const { hostname } = new URL(publicUrl);
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * Development only: the mail written to the outbox folder when no SMTP server is set.
 * Mail holds sign-in links, so the page exists only when the app's public address is
 * this machine; a deployment without SMTP keeps the folder for its administrator alone.
 */
export const devRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/dev/outbox", { schema: { tags: ["Système"], summary: "Courriels de développement (sans serveur SMTP)" }, config: { public: true } }, async () => {
    const dir = app.mailer.outboxDir;
    if (!dir || process.env.NODE_ENV === "production" || !isLocalAddress(app.publicUrl)) throw notFound("Les courriels partent par SMTP : il n'y a pas de boîte de développement.");
    return { items: await readOutbox(dir) };
  });
};
