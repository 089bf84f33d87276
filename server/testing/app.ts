import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import type { Database } from "../db/client.js";
import { seedDemo } from "../demo/seed.js";
import { openTestDatabase } from "./database.js";

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The API on a fresh database, optionally with the demo contracts. */
export async function startTestApp(options: { seed?: boolean } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  if (options.seed) await seedDemo(database.db);
  const app = await buildApp({ database, webDir: false });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
