import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { sql } from "drizzle-orm";
import type { Database, Db } from "./db/client.js";
import { actionRoutes } from "./features/actions/routes.js";
import { axisRoutes } from "./features/axes/routes.js";
import { contractRoutes } from "./features/contracts/routes.js";
import { organisationRoutes } from "./features/organisations/routes.js";
import { referenceRoutes } from "./features/reference/routes.js";
import { transferRoutes } from "./features/transfer/routes.js";
import { registerProblemHandlers } from "./http/problem.js";
import { LOCAL_ACTOR, type Actor } from "./policies/index.js";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions["logger"];
  /** Folder of the built SPA (vite build); false to serve the API only. */
  webDir?: string | false;
}

export const DEFAULT_WEB_DIR = join(process.cwd(), "dist", "web");

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: (req) => (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].length <= 100 ? req.headers["x-request-id"] : randomUUID()),
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", options.database.db);
  app.decorateRequest("actor", null as unknown as Actor);
  app.addHook("onRequest", async (request, reply) => {
    request.actor = LOCAL_ACTOR;
    void reply.header("x-request-id", request.id);
  });
  registerProblemHandlers(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "API Clés",
        description: "API de Clés, la plateforme des Contrats Locaux de Santé. Les erreurs sont au format application/problem+json (RFC 9457), en français, avec les erreurs par champ dans `errors`.",
        version: "1",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  await app.register(
    async (api) => {
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      api.get("/health", { schema: { tags: ["Système"], summary: "État du service" } }, async () => {
        await app.db.execute(sql`select 1`);
        return { status: "ok", engine: options.database.engine };
      });
      await api.register(referenceRoutes);
      await api.register(contractRoutes);
      await api.register(organisationRoutes);
      await api.register(axisRoutes);
      await api.register(actionRoutes);
      await api.register(transferRoutes);
    },
    { prefix: "/api" },
  );

  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  if (webDir && existsSync(join(webDir, "index.html"))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    // Any other GET outside /api is a page of the single-page app.
    app.get("/*", { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith("/api/")) return reply.callNotFound();
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  }
  return app;
}
