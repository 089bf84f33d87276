/** The rows of `document_jobs` and the files of finished jobs (jobs.ts tells what they mean). */
import { and, asc, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { documentJobs, type DocumentJobState, type JobRequester } from "../db/jobs-schema.js";
import type { FileStorage } from "../storage/storage.js";

export type JobState = DocumentJobState;

/** What the person who started a job sees of it. */
export interface JobView {
  id: string;
  /** « Revue trimestrielle T3 2021 (PDF) ». */
  label: string;
  state: JobState;
  /** 0 to 100. */
  percent: number;
  /** The step in progress, in French: « Lecture des données », « Mise en page du document »… */
  step: string;
  /** Once done: the name of the file. */
  fileName?: string;
  /** Once failed: what went wrong, in French. */
  error?: string;
}

type Row = typeof documentJobs.$inferSelect;

const fileKey = (id: string) => `jobs/${id}`;

function viewOf(row: Row): JobView {
  return {
    id: row.id,
    label: row.label,
    state: row.state,
    percent: row.percent,
    step: row.step,
    ...(row.fileName ? { fileName: row.fileName } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}

/** Progress kept in memory and written when the step changes or the percentage moves by 5. */
export interface ProgressWriter {
  report(percent: number, step: string): void;
  /** Waits for the writes under way. */
  flush(): Promise<void>;
}

export class JobStore {
  constructor(
    private readonly db: Db,
    private readonly storage: FileStorage,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  private expiredBefore(): Date {
    return new Date(this.now().getTime() - this.ttlMs);
  }

  /**
   * Inserts a queued job, after making room: the owner's oldest finished jobs go so that at
   * most `limit` remain; null (nothing written) when all `limit` are still in progress.
   */
  async create(values: { owner: string; requester: JobRequester; kind: string; data: Record<string, unknown>; label: string; step: string }, limit: number): Promise<JobView | null> {
    const dropped: string[] = [];
    const row = await this.db.transaction(async (tx) => {
      // One person's requests are counted one after the other, on every process.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document_jobs:${values.owner}`}))`);
      const mine = await tx
        .select({ id: documentJobs.id, state: documentJobs.state, endedAt: documentJobs.endedAt })
        .from(documentJobs)
        .where(eq(documentJobs.owner, values.owner))
        .orderBy(asc(documentJobs.createdAt), asc(documentJobs.id));
      const expired = this.expiredBefore();
      const live = mine.filter((j) => !j.endedAt || j.endedAt >= expired);
      const finished = live.filter((j) => j.state === "done" || j.state === "failed");
      const excess = live.length - limit + 1;
      if (excess > finished.length) return null;
      dropped.push(...mine.filter((j) => j.endedAt && j.endedAt < expired).map((j) => j.id), ...finished.slice(0, Math.max(0, excess)).map((j) => j.id));
      if (dropped.length) await tx.delete(documentJobs).where(inArray(documentJobs.id, dropped));
      const [inserted] = await tx.insert(documentJobs).values(values).returning();
      return inserted!;
    });
    await this.deleteFiles(dropped);
    return row && viewOf(row);
  }

  /** The job and its owner; null when unknown or expired. */
  async read(id: string): Promise<{ owner: string; view: JobView } | null> {
    const [row] = await this.db.select().from(documentJobs).where(eq(documentJobs.id, id));
    if (!row || (row.endedAt && row.endedAt < this.expiredBefore())) return null;
    return { owner: row.owner, view: viewOf(row) };
  }

  /** Marks the job running (again, when a process died with it) and returns it; null once it has ended. */
  async claim(id: string, step: string): Promise<Row | null> {
    const [row] = await this.db
      .update(documentJobs)
      .set({ state: "running", step })
      .where(and(eq(documentJobs.id, id), or(eq(documentJobs.state, "queued"), eq(documentJobs.state, "running"))))
      .returning();
    return row ?? null;
  }

  progressWriter(id: string): ProgressWriter {
    let percent = 0;
    let written = { percent: 0, step: "" };
    let chain = Promise.resolve();
    let ended = false;
    return {
      report: (asked, step) => {
        if (ended) return;
        percent = Math.max(percent, Math.min(99, Math.max(0, Math.round(asked))));
        if (step === written.step && percent - written.percent < 5) return;
        written = { percent, step };
        const values = { ...written };
        chain = chain
          .then(() => this.db.update(documentJobs).set(values).where(and(eq(documentJobs.id, id), eq(documentJobs.state, "running"))))
          .then(
            () => undefined,
            () => undefined,
          );
      },
      flush: async () => {
        ended = true;
        await chain;
      },
    };
  }

  async finish(id: string, file: { fileName: string; mediaType: string; body: Buffer }, step: string): Promise<void> {
    await this.storage.put(fileKey(id), file.body);
    await this.db
      .update(documentJobs)
      .set({ state: "done", percent: 100, step, fileName: file.fileName, mediaType: file.mediaType, endedAt: this.now() })
      .where(eq(documentJobs.id, id));
  }

  async fail(id: string, error: string, step: string): Promise<void> {
    await this.db.update(documentJobs).set({ state: "failed", step, error, endedAt: this.now() }).where(and(eq(documentJobs.id, id), ne(documentJobs.state, "done")));
  }

  /** The file of a finished job (null if it was removed meanwhile). */
  async file(id: string): Promise<{ fileName: string; mediaType: string; body: Buffer } | null> {
    const [row] = await this.db.select({ fileName: documentJobs.fileName, mediaType: documentJobs.mediaType }).from(documentJobs).where(eq(documentJobs.id, id));
    if (!row?.fileName || !row.mediaType) return null;
    const body = await this.storage.get(fileKey(id));
    return body && { fileName: row.fileName, mediaType: row.mediaType, body };
  }

  /** Removes the jobs ended before the time to live, with their files; returns how many. */
  async purge(): Promise<number> {
    const gone = await this.db.delete(documentJobs).where(lt(documentJobs.endedAt, this.expiredBefore())).returning({ id: documentJobs.id });
    await this.deleteFiles(gone.map((g) => g.id));
    return gone.length;
  }

  private async deleteFiles(ids: string[]): Promise<void> {
    for (const id of ids) await this.storage.delete(fileKey(id)).catch(() => {});
  }
}
