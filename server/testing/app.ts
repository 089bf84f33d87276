import type { FastifyInstance } from "fastify";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp, type AppOptions } from "../app.js";
import type { MailConfig, ProConnectConfig } from "../config.js";
import type { Database } from "../db/client.js";
import { DEMO_PASSWORD } from "../demo/accounts.js";
import { createUser } from "../features/accounts/service.js";
import { diskStorage, type FileStorage } from "../storage/storage.js";
import { signedInClient, type TestClient } from "./client.js";
import { openTestDatabase } from "./database.js";

export const ADMIN_EMAIL = "admin@cles.test";

export interface TestContext {
  /** A client signed in as the platform admin (who may do everything). */
  app: TestClient;
  server: FastifyInstance;
  database: Database;
  /** The outbox folder mail goes to (when no SMTP URL was given). */
  outboxDir: string;
  /** The folder attachment files go to. */
  filesDir: string;
  close(): Promise<void>;
}

function testAppOptions(
  database: Database,
  own: { mail: MailConfig; filesDir: string; storage?: FileStorage; logger?: AppOptions["logger"]; redisUrl?: string; proConnect?: ProConnectConfig; mailRetry?: AppOptions["mailRetry"] },
): AppOptions {
  // Without Redis, the request limits are counted in the database, as in production without REDIS_URL.
  // No ProConnect unless the test brings its provider (server/features/proconnect/proconnect.test.ts).
  const proConnect = own.proConnect ?? null;
  return { database, logger: own.logger, webDir: false, publicUrl: "http://localhost:3000", mail: own.mail, authSecret: "test-secret-of-at-least-thirty-two-characters", storage: own.storage ?? diskStorage(own.filesDir), redisUrl: own.redisUrl ?? "", proConnect, mailRetry: own.mailRetry };
}

/**
 * Another app on the test app's database, its files and outbox — as a second process of the
 * same instance would be (read views, actor cache, limits of its own). Closed by the caller.
 */
export async function startSecondApp(ctx: TestContext, options: { redisUrl?: string; readViews?: boolean } = {}): Promise<FastifyInstance> {
  const server = await buildApp({ ...testAppOptions(ctx.database, { mail: { from: "Clés <test@cles.test>", outboxDir: ctx.outboxDir }, filesDir: ctx.filesDir, redisUrl: options.redisUrl }), readViews: options.readViews });
  await server.ready();
  return server;
}

/**
 * The API on a fresh database, optionally with the demo contracts and accounts.
 * Without the demo, a platform admin (admin@cles.test, demo password) is created.
 * Attachments go to `filesDir` unless another `storage` is given (an S3 bucket).
 */
export async function startTestApp(
  options: { seed?: boolean; smtpUrl?: string; logger?: AppOptions["logger"]; redisUrl?: string; storage?: FileStorage; proConnect?: ProConnectConfig; mailRetry?: AppOptions["mailRetry"] } = {},
): Promise<TestContext> {
  const database = await openTestDatabase({ seed: options.seed });
  if (!options.seed) await createUser(database.db, { email: ADMIN_EMAIL, name: "Admin de test", password: DEMO_PASSWORD, isAdmin: true });
  const outboxDir = mkdtempSync(join(tmpdir(), "cles-outbox-"));
  const filesDir = mkdtempSync(join(tmpdir(), "cles-files-"));
  const mail: MailConfig = { smtpUrl: options.smtpUrl, from: "Clés <test@cles.test>", outboxDir };
  const server = await buildApp(testAppOptions(database, { mail, filesDir, storage: options.storage, logger: options.logger, redisUrl: options.redisUrl, proConnect: options.proConnect, mailRetry: options.mailRetry }));
  await server.ready();
  const app = await signedInClient(server, ADMIN_EMAIL);
  return {
    app,
    server,
    database,
    outboxDir,
    filesDir,
    close: async () => {
      await server.close();
      await database.close();
      rmSync(outboxDir, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
