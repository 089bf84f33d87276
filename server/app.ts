import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { problemResponses, responseSerializerCompiler } from "./http/responses.js";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { ReadViews } from "./cache/read-views.js";
import type { Database, Db } from "./db/client.js";
import { actionRoutes } from "./features/actions/routes.js";
import { axisRoutes } from "./features/axes/routes.js";
import { contractRoutes } from "./features/contracts/routes.js";
import { organisationRoutes } from "./features/organisations/routes.js";
import { referenceRoutes } from "./features/reference/routes.js";
import { transferRoutes } from "./features/transfer/routes.js";
import { frameworkProblem, registerProblemHandlers } from "./http/problem.js";
import { registerTextGuard } from "./http/text-guard.js";
import { API_DOCS_CSP, registerSecurityHeaders } from "./http/security-headers.js";
import { registerCompression, registerWebApp } from "./http/delivery.js";
import { OneLinePerRequest } from "./http/request-log.js";
import { createAuth, type Auth } from "./auth/auth.js";
import { authPlugin } from "./auth/plugin.js";
import { authSecret } from "./auth/secret.js";
import { mailConfigFromEnv, proConnectFromEnv, publicUrlFromEnv, redisUrlFromEnv, trustProxyFromEnv, type MailConfig, type ProConnectConfig } from "./config.js";
import { accountRoutes } from "./features/accounts/routes.js";
import { auditRoutes } from "./features/history/routes.js";
import { authRoutes } from "./features/auth/routes.js";
import { ProConnectClient } from "./features/proconnect/client.js";
import { proConnectRoutes } from "./features/proconnect/routes.js";
import { devOutboxAllowed, devRoutes } from "./features/dev/routes.js";
import { governanceRoutes } from "./features/governance/routes.js";
import { monitoringRoutes, progressRoutes } from "./features/followup/routes.js";
import { calendarRoutes } from "./features/calendar/routes.js";
import { followUpRoutes } from "./features/followup/followup-routes.js";
import { overviewRoutes } from "./features/overview/routes.js";
import { deckRoutes } from "./features/decks/routes.js";
import { reviewRoutes } from "./features/reviews/routes.js";
import { referentRoutes } from "./features/referents/routes.js";
import { indicatorRoutes } from "./features/followup/indicator-routes.js";
import { commentRoutes } from "./features/comments/routes.js";
import { attachmentRoutes } from "./features/attachments/routes.js";
import { memberRoutes } from "./features/members/routes.js";
import { publicationRoutes } from "./features/publication/routes.js";
import { participationRoutes } from "./features/participation/routes.js";
import { publicParticipationRoutes } from "./features/participation/public-routes.js";
import { surveyRoutes } from "./features/surveys/routes.js";
import { publicSurveyRoutes } from "./features/surveys/public-routes.js";
import { ambassadorRoutes } from "./features/ambassadors/routes.js";
import { userRoutes } from "./features/users/routes.js";
import { mailFailureRoutes } from "./features/users/mail-failures.js";
import { searchRoutes } from "./features/search/routes.js";
import { todoRoutes } from "./features/todo/routes.js";
import { territoryRoutes } from "./features/territories/routes.js";
import { referentialRoutes } from "./features/referentials/routes.js";
import { spreadsheetRoutes } from "./features/spreadsheet/routes.js";
import { annualReportRoutes } from "./features/annual-report/routes.js";
import { evaluationRoutes } from "./features/evaluation/routes.js";
import { createMailer, type Mailer } from "./mail/mailer.js";
import { resetMail } from "./mail/templates.js";
import { retryingMailer, type MailRetry } from "./mail/retry.js";
import type { Actor } from "./policies/index.js";
import { storageFromEnv, type FileStorage } from "./storage/storage.js";
import { createRenderPool, type RenderPool } from "./renderers.js";
import { jobRoutes } from "./jobs/routes.js";
import { registerJobs } from "./jobs/setup.js";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    auth: Auth;
    mailer: Mailer;
    /** Address of the app for links in e-mails (http://localhost:3000 by default). */
    publicUrl: string;
    /** A contract's read views, kept until it changes (server/cache/read-views.ts). */
    readViews: ReadViews;
    /** Where attachment files are kept. */
    storage: FileStorage;
    /** Renders documents in worker threads: `app.renderer.render("pdf", model)` (server/renderers.ts). */
    renderer: RenderPool;
    /** "METHOD /api/…" of every API route, for the authorization matrix test. */
    apiRoutes: string[];
    /** The schema (zod) of each of them, by "METHOD /api/…", for the fuzz of the write routes (server/testing/fuzz/). */
    apiSchemas: Map<string, import("fastify").FastifySchema | undefined>;
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
  /** Defaults to PUBLIC_URL, else http://localhost:PORT. */
  publicUrl?: string;
  /** Defaults to SMTP_URL / MAIL_FROM / DATA_DIR/outbox. */
  mail?: MailConfig;
  /** Session signing secret; defaults to AUTH_SECRET, else one kept in the (migrated) database. */
  authSecret?: string;
  /** Attachment files; defaults to DATA_DIR/files on disk. */
  storage?: FileStorage;
  /** Redis for the request limits shared by the processes; defaults to REDIS_URL, else they are counted in the database. */
  redisUrl?: string;
  /** ProConnect sign-in; defaults to the PROCONNECT_* variables; null: none. */
  proConnect?: ProConnectConfig | null;
  /** How failed mail is tried again (5 times from 1 minute, doubling, by default). */
  mailRetry?: MailRetry;
  /** Show the outbox mail on /dev/courriels to this machine (`serve --dev-outbox`); refused in production or on a public address. */
  devOutbox?: boolean;
  /** Pages kept in memory until their contract changes (server/cache/read-views.ts); defaults to READ_VIEWS, on unless `off`. */
  readViews?: boolean;
}

/** The project's root folder: this file is server/app.ts, or dist/server/app.js once compiled. */
const ROOT = fileURLToPath(new URL(import.meta.url.endsWith(".js") ? "../../" : "../", import.meta.url));
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const DEFAULT_WEB_DIR = join(ROOT, "dist", "web");

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // One line per request (server/http/request-log.ts).
    logController: new OneLinePerRequest(),
    genReqId: (req) => (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].length <= 100 ? req.headers["x-request-id"] : randomUUID()),
    bodyLimit: 2 * 1024 * 1024,
    // Behind a reverse proxy, the client's address (for the sign-in rate limit) is in X-Forwarded-For.
    trustProxy: trustProxyFromEnv(),
    frameworkErrors: frameworkProblem,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Under the tests, an answer its declared schema would change is an error (server/http/responses.ts).
  app.setSerializerCompiler(responseSerializerCompiler(process.env.VITEST !== undefined));
  app.decorate("db", options.database.db);
  const readViews = new ReadViews(options.database.db);
  // Off, every page is computed from the database at each request (READ_VIEWS=off: to measure or diagnose).
  if (options.readViews ?? process.env.READ_VIEWS !== "off") await readViews.start(options.database);
  app.decorate("readViews", readViews);
  app.addHook("onClose", async () => readViews.close());
  // A write is answered once this process has heard what it changed: the writer's next read is fresh.
  app.addHook("onSend", (request, _reply, payload, done) => {
    if (SAFE_METHODS.has(request.method)) return done(null, payload);
    readViews.sync().then(() => done(null, payload), done);
  });
  app.decorate("storage", options.storage ?? storageFromEnv());
  app.decorate("renderer", createRenderPool());
  app.addHook("onClose", async () => app.renderer.close());
  registerJobs(app, options.database);
  app.decorateRequest("actor", null as never);
  app.addHook("onRequest", (request, reply, done) => {
    void reply.header("x-request-id", request.id);
    done();
  });
  registerProblemHandlers(app);
  registerTextGuard(app);
  const apiRoutes: string[] = [];
  app.decorate("apiRoutes", apiRoutes);
  app.decorate("apiSchemas", new Map());
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    // Every API route answers its errors as problem+json, declared once here.
    if (route.schema && !route.schema.hide) route.schema.response = { ...problemResponses, ...(route.schema.response as object | undefined) };
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      apiRoutes.push(`${method} ${route.url}`);
      app.apiSchemas.set(`${method} ${route.url}`, route.schema);
    }
  });

  const publicUrl = options.publicUrl ?? publicUrlFromEnv();
  await registerSecurityHeaders(app, { https: publicUrl.startsWith("https://") });
  await registerCompression(app);
  // Sent at once, else again later through the shared queue (server/mail/retry.ts).
  const mailer = retryingMailer(createMailer(options.mail ?? mailConfigFromEnv()), app.queue, app.log, options.mailRetry);
  const auth = createAuth({
    db: options.database.db,
    secret: await authSecret(options.database.db, options.authSecret ?? process.env.AUTH_SECRET),
    publicUrl,
    onResetRequested: (user, token) => {
      const message = resetMail({ to: user.email, name: user.name, link: `${publicUrl}/reinitialiser-mot-de-passe/${token}` });
      mailer.send(message).catch((err: unknown) => app.log.error({ err }, "password reset mail not sent"));
    },
  });
  app.decorate("auth", auth);
  app.decorate("mailer", mailer);
  app.decorate("publicUrl", publicUrl);
  const proConnect = options.proConnect === undefined ? proConnectFromEnv() : options.proConnect;
  app.decorate("proConnect", proConnect ? new ProConnectClient(proConnect, publicUrl) : null);
  app.decorate("devOutbox", devOutboxAllowed({ requested: options.devOutbox, publicUrl, outboxDir: mailer.outboxDir }));
  app.addHook("onClose", async () => mailer.close());
  await app.register(authPlugin, { auth, secure: publicUrl.startsWith("https://"), redisUrl: options.redisUrl ?? redisUrlFromEnv() });

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
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: API_DOCS_CSP });

  await app.register(
    async (api) => {
      api.get("/openapi.json", { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
      api.get("/health", { schema: { tags: ["Système"], summary: "État du service", response: { 200: z.object({ status: z.literal("ok"), engine: z.string() }) } }, config: { public: true } }, async () => {
        await app.db.execute(sql`select 1`);
        return { status: "ok", engine: options.database.engine };
      });
      await api.register(referenceRoutes);
      await api.register(contractRoutes);
      await api.register(organisationRoutes);
      await api.register(axisRoutes);
      await api.register(actionRoutes);
      await api.register(transferRoutes);
      await api.register(authRoutes);
      await api.register(proConnectRoutes);
      await api.register(accountRoutes);
      await api.register(memberRoutes);
      await api.register(auditRoutes);
      await api.register(publicationRoutes);
      await api.register(devRoutes);
      await api.register(governanceRoutes);
      await api.register(monitoringRoutes);
      await api.register(progressRoutes);
      await api.register(calendarRoutes);
      await api.register(followUpRoutes);
      await api.register(overviewRoutes);
      await api.register(deckRoutes);
      await api.register(reviewRoutes);
      await api.register(indicatorRoutes);
      await api.register(commentRoutes);
      await api.register(attachmentRoutes);
      await api.register(jobRoutes);
      await api.register(spreadsheetRoutes);
      await api.register(annualReportRoutes);
      await api.register(evaluationRoutes);
      await api.register(participationRoutes);
      await api.register(publicParticipationRoutes);
      await api.register(surveyRoutes);
      await api.register(publicSurveyRoutes);
      await api.register(ambassadorRoutes);
      await api.register(referentRoutes);
      await api.register(userRoutes);
      await api.register(mailFailureRoutes);
      await api.register(searchRoutes);
      await api.register(todoRoutes);
      await api.register(territoryRoutes);
      await api.register(referentialRoutes);
    },
    { prefix: "/api" },
  );

  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  if (webDir && existsSync(join(webDir, "index.html"))) await registerWebApp(app, webDir);
  return app;
}
