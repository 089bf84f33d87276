/**
 * The job queue shared by every process on the database: pg-boss, in its own `pgboss`
 * schema, on PostgreSQL or on the embedded engine. A job sent by one process is run by
 * whichever process takes it first; a job whose process died expires and is run again;
 * a schedule (cron, Paris time) runs once per occurrence across all processes.
 *
 * It starts on first use (a test app that never sends a job never installs it), or at
 * once with `start()` (the server, so that jobs left by a previous run are taken up).
 */
import PgBoss from "pg-boss";
import type { Database } from "../db/client.js";

export type QueueHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

export interface QueueOptions {
  /** Seconds between two looks at the queue when nothing woke the worker. */
  pollingIntervalSeconds?: number;
}

interface Work {
  name: string;
  /** How many jobs of this queue one process runs at once. */
  concurrency: number;
  handler: QueueHandler<never>;
  options: PgBoss.Queue;
}

export class JobQueue {
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private readonly works: Work[] = [];
  private readonly schedules: { name: string; cron: string }[] = [];
  /** The workers of this process, per queue: woken when this process sends a job. */
  private readonly workerIds = new Map<string, string[]>();
  private stopped = false;

  constructor(
    private readonly database: Pick<Database, "queueConnection">,
    private readonly log: { error(obj: unknown, msg?: string): void },
    private readonly options: QueueOptions = {},
  ) {}

  /**
   * Declares a queue and what runs its jobs on this process (before or after start).
   * `options` are the queue's retry and expiry rules (pg-boss `Queue`).
   */
  async work<T>(name: string, handler: QueueHandler<T>, options: { concurrency?: number } & Omit<PgBoss.Queue, "name"> = {}): Promise<void> {
    const { concurrency = 1, ...queue } = options;
    const work: Work = { name, concurrency, handler: handler as QueueHandler<never>, options: { name, ...queue } };
    this.works.push(work);
    if (this.boss) await this.register(this.boss, work);
  }

  /** Runs `handler` on every occurrence of `cron` (Paris time), on one process only. */
  async schedule(name: string, cron: string, handler: () => Promise<void>): Promise<void> {
    this.schedules.push({ name, cron });
    await this.work(name, handler, { retryLimit: 0, expireInSeconds: 30 * 60 });
    if (this.boss) await this.boss.schedule(name, cron, {}, { tz: "Europe/Paris" });
  }

  /** Installs (or updates) the queue's schema and starts this process's workers. */
  async start(): Promise<PgBoss> {
    if (this.stopped) throw new Error("La file des traitements est arrêtée.");
    if (this.boss) return this.boss;
    this.starting ??= this.open();
    return this.starting;
  }

  /** Sends a job and wakes a worker of this process, which usually takes it at once; null when a singleton key already holds the slot. */
  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    const boss = await this.start();
    const id = await boss.send(name, data, options);
    if (!id) return null;
    for (const workerId of this.workerIds.get(name) ?? []) boss.notifyWorker(workerId);
    return id;
  }

  /** Gives a failed job its tries again, and wakes this process's workers. */
  async retry(name: string, id: string): Promise<void> {
    const boss = await this.start();
    await boss.retry(name, id);
    for (const workerId of this.workerIds.get(name) ?? []) boss.notifyWorker(workerId);
  }

  /** Lets running jobs finish (up to `timeoutMs`), then stops; safe to call twice or before start. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    const boss = this.boss ?? (this.starting ? await this.starting.catch(() => null) : null);
    if (!boss) return;
    this.boss = null;
    await new Promise<void>((resolve) => {
      // pg-boss says "stopped" once its workers are done; a close never waits past the timeout.
      const late = setTimeout(resolve, timeoutMs + 2_000);
      late.unref();
      boss.once("stopped", () => {
        clearTimeout(late);
        resolve();
      });
      boss.stop({ graceful: true, wait: false, timeout: timeoutMs }).catch((err: unknown) => {
        this.log.error({ err }, "job queue did not stop cleanly");
        clearTimeout(late);
        resolve();
      });
    });
  }

  private async open(): Promise<PgBoss> {
    const boss = new PgBoss({
      ...this.database.queueConnection,
      ...("connectionString" in this.database.queueConnection ? { max: 3 } : {}),
      application_name: "cles-jobs",
      // Finished jobs are kept a day for the admin's view, then removed.
      deleteAfterDays: 1,
      retentionDays: 7,
    } as PgBoss.ConstructorOptions);
    boss.on("error", (err) => this.log.error({ err }, "job queue error"));
    try {
      await boss.start();
      for (const work of this.works) await this.register(boss, work);
      for (const { name, cron } of this.schedules) await boss.schedule(name, cron, {}, { tz: "Europe/Paris" });
    } catch (error) {
      this.starting = null;
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw error;
    }
    this.boss = boss;
    return boss;
  }

  private async register(boss: PgBoss, work: Work): Promise<void> {
    await boss.createQueue(work.name, work.options);
    // An existing queue keeps its rules otherwise: the code's are the ones that hold.
    await boss.updateQueue(work.name, work.options);
    const ids: string[] = [];
    for (let i = 0; i < work.concurrency; i++)
      ids.push(
        await boss.work<object>(work.name, { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([job]) => {
          if (!job) return;
          try {
            await work.handler(job.data as never, { id: job.id, retryCount: (job as { retryCount?: number }).retryCount ?? 0 });
          } finally {
            // A worker that found a job looks again at once rather than after the polling interval.
            for (const id of this.workerIds.get(work.name) ?? []) boss.notifyWorker(id);
          }
        }),
      );
    this.workerIds.set(work.name, [...(this.workerIds.get(work.name) ?? []), ...ids]);
  }
}
