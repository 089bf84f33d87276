/**
 * Long generations (a review as PDF, its annexes…) run as jobs: the request that asks for a
 * document answers 202 at once with a job, the page polls GET /api/jobs/:jobId for its
 * progress and then downloads GET /api/jobs/:jobId/file.
 *
 * Jobs are shared by every process on the database: the job's view is a row of
 * `document_jobs`, its file is in the file storage, and the work goes through the queue
 * (pg-boss), so a job started on one process may run on another and be fetched from a
 * third; a job whose process stopped is run again. Only the person who started a job sees
 * it; it is forgotten 15 minutes after it ends; a person keeps at most 20 (the oldest
 * finished ones make room).
 *
 * What a job does is a *kind* defined once per process (`define`): its data must be plain
 * JSON, since any process may run it.
 */
import type { FastifyBaseLogger, FastifyReply } from "fastify";
import type { Db } from "../db/client.js";
import type { JobRequester } from "../db/jobs-schema.js";
import { conflict, notFound, Problem } from "../http/problem.js";
import { jobOwner, type Actor } from "../policies/index.js";
import type { FileStorage } from "../storage/storage.js";
import type { JobQueue } from "./queue.js";
import { JobStore, type JobView } from "./store.js";

export type { JobState, JobView } from "./store.js";

export interface JobFile {
  fileName: string;
  mediaType: string;
  body: Buffer;
}

/** Tells the page how far the job is: `percent` (0–100) and the step in progress (French). */
export type ReportProgress = (percent: number, step: string) => void;
/** What a kind of job does, on whichever process takes it: `actor` is the requester as they are now. */
export type JobHandler<T> = (actor: Actor, data: T, report: ReportProgress) => Promise<JobFile>;

/** Common steps, so that every document speaks the same way. */
export const STEPS = {
  waiting: "En attente",
  starting: "Préparation",
  reading: "Lecture des données",
  charts: "Dessin des graphiques",
  layout: "Mise en page du document",
  packing: "Assemblage du fichier",
  done: "Document prêt",
  failed: "Échec de la préparation",
} as const;

export const JOB_NOT_FOUND = "Ce document en préparation est introuvable.";
export const JOB_NOT_READY = "Ce document est encore en préparation : attendez qu'il soit prêt pour le télécharger.";
export const JOB_FAILED = "La préparation de ce document a échoué : il n'y a pas de fichier à télécharger.";
export const REQUESTER_GONE = "Le compte qui a demandé ce document n'est plus actif : le document n'a pas été préparé.";
const UNEXPECTED = "Le document n'a pas pu être préparé à cause d'une erreur inattendue. Réessayez ; si le problème persiste, contactez l'administrateur.";
export const JOB_TTL_MS = 15 * 60_000;
export const JOBS_PER_PERSON = 20;
/** The queue of documents, and how long one may run before the queue gives it to another process. */
export const DOCUMENTS_QUEUE = "documents";
const RUN_LIMIT_SECONDS = 5 * 60;

/** The French detail of a failure: a Problem's or a RenderError's `detail`, else a generic sentence. */
function failureDetail(err: unknown): { detail: string; expected: boolean } {
  if (err instanceof Problem) return { detail: err.detail, expected: true };
  const detail = (err as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string" && detail) return { detail, expected: false };
  return { detail: UNEXPECTED, expected: false };
}

export interface DocumentJobsOptions {
  ttlMs?: number;
  perPerson?: number;
  /** The clock (tests). */
  now?: () => Date;
}

export interface DocumentJobsDeps {
  db: Db;
  storage: FileStorage;
  queue: JobQueue;
  /** The requester as they are now (roles read again). */
  loadActor: (requester: JobRequester) => Promise<Actor | null>;
}

export class DocumentJobs {
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly store: JobStore;
  private readonly perPerson: number;
  private registered: Promise<void> | null = null;
  /** Where unexpected failures are logged (the app's logger once the app is built). */
  log: Pick<FastifyBaseLogger, "error"> = { error: (obj: unknown, msg?: string) => console.error(msg, obj) };

  constructor(
    private readonly deps: DocumentJobsDeps,
    options: DocumentJobsOptions = {},
  ) {
    this.store = new JobStore(deps.db, deps.storage, options.ttlMs ?? JOB_TTL_MS, options.now ?? (() => new Date()));
    this.perPerson = options.perPerson ?? JOBS_PER_PERSON;
  }

  /** What prepares the jobs of `kind` (once per process, before any job of it is started). */
  define<T>(kind: string, handler: JobHandler<T>): void {
    if (this.handlers.has(kind)) throw new Error(`job kind defined twice: ${kind}`);
    this.handlers.set(kind, handler as JobHandler<never>);
  }

  /** Records the job (queued) and hands it to the queue; 429 when the person has too many in progress. */
  async start<T extends object>(owner: Actor, label: string, kind: string, data: T): Promise<JobView> {
    const key = jobOwner(owner);
    if (!this.handlers.has(kind)) throw new Error(`unknown job kind: ${kind}`);
    await this.listen();
    const requester: JobRequester = owner.kind === "user" ? { kind: "user", id: owner.id, name: owner.name, email: owner.email, isAdmin: owner.isAdmin } : { kind: "system", name: (owner as { name: string }).name };
    const view = await this.store.create({ owner: key, requester, kind, data: data as Record<string, unknown>, label, step: STEPS.waiting }, this.perPerson);
    if (!view)
      throw new Problem(429, "Trop de requêtes", `Vous avez déjà ${this.perPerson} documents en préparation : attendez qu'ils soient prêts avant d'en demander d'autres.`);
    await this.deps.queue.send(DOCUMENTS_QUEUE, { jobId: view.id });
    return view;
  }

  /** The job as its owner sees it; 404 for anyone else, and once it has expired. */
  async view(owner: Actor, id: string): Promise<JobView> {
    const row = await this.store.read(id);
    if (!row || row.owner !== jobOwner(owner)) throw notFound(JOB_NOT_FOUND);
    return row.view;
  }

  /** The finished file; 404 as `view`, 409 while not ready or when the job failed. */
  async file(owner: Actor, id: string): Promise<JobFile> {
    const view = await this.view(owner, id);
    if (view.state === "failed") throw conflict(JOB_FAILED);
    if (view.state !== "done") throw conflict(JOB_NOT_READY);
    const file = await this.store.file(id);
    if (!file) throw notFound(JOB_NOT_FOUND);
    return file;
  }

  /** Resolves once the job has ended (done or failed), on whichever process it ran: for tests, the bench and scripts. */
  async settled(id: string, timeoutMs = 120_000): Promise<JobView> {
    const deadline = Date.now() + timeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
      const row = await this.store.read(id);
      if (!row) throw notFound(JOB_NOT_FOUND);
      if (row.view.state === "done" || row.view.state === "failed") return row.view;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${row.view.state} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Forgets the jobs ended more than 15 minutes ago, and their files. */
  purge(): Promise<number> {
    return this.store.purge();
  }

  /** This process runs documents from now on (at start for a server; at the first job otherwise). */
  listen(): Promise<void> {
    this.registered ??= this.deps.queue.work<{ jobId: string }>(DOCUMENTS_QUEUE, ({ jobId }) => this.run(jobId), {
      concurrency: 2,
      // A process that died with a job running: the queue gives it to another after this delay.
      expireInSeconds: RUN_LIMIT_SECONDS,
      retryLimit: 1,
    });
    return this.registered;
  }

  /** Prepares one job (the queue's worker): its failures are the job's, never the queue's. */
  private async run(id: string): Promise<void> {
    const row = await this.store.claim(id, STEPS.starting);
    if (!row) return;
    const progress = this.store.progressWriter(id);
    try {
      const handler = this.handlers.get(row.kind);
      if (!handler) throw new Error(`unknown job kind: ${row.kind}`);
      const actor = await this.deps.loadActor(row.requester);
      if (!actor) throw new Problem(409, "Conflit", REQUESTER_GONE);
      const file = await handler(actor, row.data as never, progress.report);
      await progress.flush();
      await this.store.finish(id, file, STEPS.done);
    } catch (err) {
      await progress.flush();
      const { detail, expected } = failureDetail(err);
      if (!expected) this.log.error({ err, job: id, label: row.label }, "document job failed");
      await this.store.fail(id, detail, STEPS.failed);
    }
  }
}

/** The answer of a route that started a job: 202 { job }, Location: /api/jobs/:jobId. */
export function replyWithJob(reply: FastifyReply, job: JobView): FastifyReply {
  return reply.status(202).header("location", `/api/jobs/${job.id}`).send({ job });
}
