/** The app's job queue and documents in preparation (one of each per process). */
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/client.js";
import type { JobRequester } from "../db/jobs-schema.js";
import { users } from "../db/schema.js";
import { loadActor } from "../policies/actor.js";
import { systemActor, type Actor } from "../policies/index.js";
import { DocumentJobs } from "./jobs.js";
import { JobQueue } from "./queue.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Jobs shared by every process on the database (pg-boss): documents, schedules. */
    queue: JobQueue;
    /** Documents in preparation: `app.jobs.define(kind, handler)`, then `app.jobs.start(…)`. */
    jobs: DocumentJobs;
  }
}

/** The requester as they are now: their roles read again; null if the account is gone or deactivated. */
async function requesterActor(database: Database, requester: JobRequester): Promise<Actor | null> {
  if (requester.kind === "system") return systemActor(requester.name);
  const [user] = await database.db.select({ id: users.id, name: users.name, email: users.email, isAdmin: users.isAdmin, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, requester.id));
  if (!user || user.deactivatedAt) return null;
  return loadActor(database.db, { id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin });
}

export function registerJobs(app: FastifyInstance, database: Database): void {
  const queue = new JobQueue(database, app.log);
  const jobs = new DocumentJobs({ db: database.db, storage: app.storage, queue, loadActor: (requester) => requesterActor(database, requester) });
  jobs.log = app.log;
  app.decorate("queue", queue);
  app.decorate("jobs", jobs);
  // Before the database closes (the caller closes it after the app): running jobs end first.
  app.addHook("onClose", async () => queue.stop());
}
