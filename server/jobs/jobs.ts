/**
 * Long generations (a review as PDF, an annual report, a deck…) run as jobs: the
 * request that asks for a document answers 202 at once with a job, the page polls
 * GET /api/jobs/:jobId for its progress and then downloads GET /api/jobs/:jobId/file.
 *
 * Jobs live in this process's memory (one server process): only the person who
 * started one sees it; it is forgotten 15 minutes after it ends; a person keeps at
 * most 20 (the oldest finished ones make room).
 */
import { randomUUID } from "node:crypto";
import type { FastifyBaseLogger, FastifyReply } from "fastify";
import { conflict, notFound, Problem } from "../http/problem.js";
import { jobOwner, type Actor } from "../policies/index.js";

export type JobState = "queued" | "running" | "done" | "failed";

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

export interface JobFile {
  fileName: string;
  mediaType: string;
  body: Buffer;
}

/** Tells the page how far the job is: `percent` (0–100) and the step in progress (French). */
export type ReportProgress = (percent: number, step: string) => void;
export type JobRun = (report: ReportProgress) => Promise<JobFile>;

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
const UNEXPECTED = "Le document n'a pas pu être préparé à cause d'une erreur inattendue. Réessayez ; si le problème persiste, contactez l'administrateur.";
export const JOB_TTL_MS = 15 * 60_000;
export const JOBS_PER_PERSON = 20;

interface Job {
  view: JobView;
  owner: string;
  file?: JobFile;
  ended: Promise<void>;
  expiry?: NodeJS.Timeout;
}

/** The French detail of a failure: a Problem's or a RenderError's `detail`, else a generic sentence. */
function failureDetail(err: unknown): { detail: string; expected: boolean } {
  if (err instanceof Problem) return { detail: err.detail, expected: true };
  const detail = (err as { detail?: unknown } | null)?.detail;
  if (typeof detail === "string" && detail) return { detail, expected: false };
  return { detail: UNEXPECTED, expected: false };
}

export interface JobRegistryOptions {
  ttlMs?: number;
  perPerson?: number;
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  private readonly ttlMs: number;
  private readonly perPerson: number;
  /** Where unexpected failures are logged (the app's logger once the job routes are registered). */
  log: Pick<FastifyBaseLogger, "error"> = { error: (obj: unknown, msg?: string) => console.error(msg, obj) };

  constructor(options: JobRegistryOptions = {}) {
    this.ttlMs = options.ttlMs ?? JOB_TTL_MS;
    this.perPerson = options.perPerson ?? JOBS_PER_PERSON;
  }

  /** Starts `run` (on the next tick) and returns the job at once, queued. */
  start(owner: Actor, label: string, run: JobRun): JobView {
    const key = jobOwner(owner);
    this.makeRoom(key);
    const view: JobView = { id: randomUUID(), label, state: "queued", percent: 0, step: STEPS.waiting };
    const report: ReportProgress = (percent, step) => {
      if (view.state !== "running") return;
      view.percent = Math.max(view.percent, Math.min(99, Math.max(0, Math.round(percent))));
      view.step = step;
    };
    const job: Job = { view, owner: key, ended: Promise.resolve() };
    job.ended = Promise.resolve()
      .then(() => {
        view.state = "running";
        view.step = STEPS.starting;
        return run(report);
      })
      .then(
        (file) => {
          job.file = file;
          Object.assign(view, { state: "done", percent: 100, step: STEPS.done, fileName: file.fileName });
        },
        (err: unknown) => {
          const { detail, expected } = failureDetail(err);
          if (!expected) this.log.error({ err, job: view.id, label }, "document job failed");
          Object.assign(view, { state: "failed", step: STEPS.failed, error: detail });
        },
      )
      .finally(() => {
        job.expiry = setTimeout(() => this.jobs.delete(view.id), this.ttlMs);
        job.expiry.unref();
      });
    this.jobs.set(view.id, job);
    return { ...view };
  }

  /** The job as its owner sees it; 404 for anyone else, and once it has expired. */
  view(owner: Actor, id: string): JobView {
    return { ...this.owned(owner, id).view };
  }

  /** The finished file; 404 as `view`, 409 while not ready or when the job failed. */
  file(owner: Actor, id: string): JobFile {
    const job = this.owned(owner, id);
    if (job.view.state === "failed") throw conflict(JOB_FAILED);
    if (!job.file) throw conflict(JOB_NOT_READY);
    return job.file;
  }

  /** Resolves once the job has ended (done or failed): for tests, the bench and scripts. */
  async settled(id: string): Promise<JobView> {
    const job = this.jobs.get(id);
    if (!job) throw notFound(JOB_NOT_FOUND);
    await job.ended;
    return { ...job.view };
  }

  /** Forgets every job (tests). */
  clear(): void {
    for (const job of this.jobs.values()) clearTimeout(job.expiry);
    this.jobs.clear();
  }

  private owned(owner: Actor, id: string): Job {
    const job = this.jobs.get(id);
    if (!job || job.owner !== jobOwner(owner)) throw notFound(JOB_NOT_FOUND);
    return job;
  }

  /** Keeps a person under the limit: their oldest finished jobs go; if all are in progress, 429. */
  private makeRoom(key: string): void {
    const mine = [...this.jobs.values()].filter((j) => j.owner === key);
    const finished = mine.filter((j) => j.view.state === "done" || j.view.state === "failed");
    let excess = mine.length - this.perPerson + 1;
    for (const job of finished) {
      if (excess <= 0) break;
      clearTimeout(job.expiry);
      this.jobs.delete(job.view.id);
      excess--;
    }
    if (excess > 0)
      throw new Problem(429, "Trop de requêtes", `Vous avez déjà ${this.perPerson} documents en préparation : attendez qu'ils soient prêts avant d'en demander d'autres.`);
  }
}

/** The jobs of this server process. */
export const jobs = new JobRegistry();

/** Starts a job for `owner` (see JobRegistry.start). */
export const startJob = (owner: Actor, label: string, run: JobRun): JobView => jobs.start(owner, label, run);

/** The answer of a route that started a job: 202 { job }, Location: /api/jobs/:jobId. */
export function replyWithJob(reply: FastifyReply, job: JobView): FastifyReply {
  return reply.status(202).header("location", `/api/jobs/${job.id}`).send({ job });
}
