import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../http/problem.js";
import { readOutbox } from "../../mail/mailer.js";

/** Development only: the mail written to the outbox folder when no SMTP server is set. */
export const devRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/dev/outbox", { schema: { tags: ["Système"], summary: "Courriels de développement (sans serveur SMTP)" }, config: { public: true } }, async () => {
    const dir = app.mailer.outboxDir;
    if (!dir || process.env.NODE_ENV === "production") throw notFound("Les courriels partent par SMTP : il n'y a pas de boîte de développement.");
    return { items: await readOutbox(dir) };
  });
};
