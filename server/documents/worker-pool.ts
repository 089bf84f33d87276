/**
 * Documents are rendered off the event loop: a pool of worker threads (piscina, running
 * render-worker.ts) runs a table of renderers (the app's: server/renderers.ts), so that a
 * 2-second PDF never delays anyone else's request.
 *
 * - `RENDER_WORKERS` threads (1 by default; 0 renders in this thread, for debugging);
 * - started on the first render, reused, stopped after 5 idle minutes (and never keeping
 *   the process alive while idle: piscina unrefs an idle worker);
 * - one render per worker at a time, the others wait in a queue (first come, first served);
 *   HTML, a matter of milliseconds, is rendered in the calling thread instead of waiting;
 * - a render that runs longer than 60 s is stopped: its task's AbortSignal fires, piscina
 *   terminates its worker and starts another for the next render;
 * - a renderer's error comes back with its message (RenderError, with a French `detail`);
 * - `close()` (on app close) stops the workers and refuses what was running or waiting.
 *
 * The queue is ours, in front of piscina: a render is handed to piscina only when a worker is
 * free for it, so that its time limit counts its own run, not its wait behind other renders.
 */
import { Piscina } from "piscina";
import { type Registry, type RenderFailure, type RenderTask, renderTask } from "./render-worker.js";

export const RENDER_TIMEOUT_MS = 60_000;
const IDLE_MS = 5 * 60_000;
/**
 * Compiled (dist/, plain JavaScript), a worker starts on render-worker.js itself; run from
 * the TypeScript sources, on a boot file that first teaches the thread TypeScript.
 */
const ENTRY = new URL(import.meta.url.endsWith(".js") ? "./render-worker.js" : "./render-worker-boot.mjs", import.meta.url).href;

/** A render that did not give a file; `detail` is what to tell the user (French). */
export class RenderError extends Error {
  override name = "RenderError";
  constructor(
    message: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const FAILED = "La mise en page du document a échoué. Réessayez ; si le problème persiste, contactez l'administrateur.";
const TIMED_OUT = (seconds: number) => `La mise en page du document a pris plus de ${seconds} secondes et a été interrompue. Réessayez ; si le problème persiste, contactez l'administrateur.`;
const STOPPED = "Le serveur s'arrête : la mise en page du document a été interrompue. Réessayez dans un instant.";

export interface WorkerPoolOptions {
  /** Number of worker threads; 0 renders in the calling thread. Default: RENDER_WORKERS, else 1. */
  workers?: number;
  /** Longest render before its worker is killed (ms). Default 60 s. */
  timeoutMs?: number;
  /** An idle worker stops after this long (ms). Default 5 min. */
  idleMs?: number;
  /**
   * Formats cheap enough to render in the calling thread (a few ms), rather than
   * wait in the queue behind a long PDF.
   */
  inline?: readonly string[];
}

export interface WorkerPool<R extends Registry> {
  /** Renders `input` as `format` in a worker thread; resolves with the file's bytes. */
  render<F extends keyof R & string>(format: F, input: Parameters<R[F]>[0]): Promise<Buffer>;
  /** Stops the workers; renders in progress or waiting are refused (RenderError). */
  close(): Promise<void>;
  /** For tests and the bench. */
  stats(): { workers: number; busy: number; queued: number };
}

/** RENDER_WORKERS as a number of threads (0 to 16), 1 when absent or invalid. */
export function workersFromEnv(value = process.env.RENDER_WORKERS): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isInteger(n) && n >= 0 ? Math.min(n, 16) : 1;
}

interface Job {
  format: string;
  input: unknown;
  resolve: (body: Buffer) => void;
  reject: (error: Error) => void;
}

const toBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

/** A renderer's result as the file's bytes, or its error as a RenderError. */
function outcome(result: Uint8Array | RenderFailure): Buffer {
  if (result instanceof Uint8Array) return toBuffer(result);
  const { error } = result;
  const cause = Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
  throw new RenderError(error.message, error.detail ?? FAILED, { cause });
}

/**
 * A pool over any table of renderers: `registry` is the URL of a module that
 * exports `RENDERERS` (server/renderers.ts for the app; tests use their own).
 */
export function createWorkerPool<R extends Registry>(registry: string, options: WorkerPoolOptions = {}): WorkerPool<R> {
  const size = options.workers ?? workersFromEnv();
  const timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
  const inline = new Set(options.inline ?? []);
  const queue: Job[] = [];
  const running = new Set<Job>();
  let threads: Piscina | null = null;
  let closed = false;

  /** Started on the first render; with minThreads 0, piscina starts a worker only when a task needs one. */
  function pool(): Piscina {
    threads ??= new Piscina({
      filename: ENTRY,
      name: "default",
      minThreads: 0,
      maxThreads: size,
      concurrentTasksPerWorker: 1,
      idleTimeout: options.idleMs ?? IDLE_MS,
      // The worker registers its own TypeScript loader (the boot file): none inherited.
      execArgv: [],
    });
    // A worker that fails outside of a render (its task, if any, is refused by piscina or by
    // its time limit): the next render starts another one. Without a listener, it would crash the server.
    threads.on("error", () => {});
    return threads;
  }

  function start(job: Job): void {
    running.add(job);
    const task: RenderTask = { registry, format: job.format, input: job.input };
    const finish = (settle: () => void) => {
      // Refused by close() already: nothing more to say.
      if (!running.delete(job)) return;
      settle();
      dispatch();
    };
    pool()
      .run(task, { signal: AbortSignal.timeout(timeoutMs) })
      .then(
        (result: Uint8Array | RenderFailure) =>
          finish(() => {
            try {
              job.resolve(outcome(result));
            } catch (err) {
              job.reject(err as Error);
            }
          }),
        (err: Error) =>
          finish(() =>
            job.reject(
              err.name === "AbortError"
                ? // Stuck: piscina has terminated its worker; the next render gets a new one.
                  new RenderError(`render of "${job.format}" timed out after ${timeoutMs} ms`, TIMED_OUT(Math.round(timeoutMs / 1000)), { cause: err })
                : // The worker died (exit code), or the input could not be copied to the thread.
                  new RenderError(err.message, FAILED, { cause: err }),
            ),
          ),
      );
  }

  function dispatch(): void {
    while (queue.length > 0 && running.size < size && !closed) start(queue.shift()!);
  }

  return {
    async render(format, input) {
      if (closed) throw new RenderError("the render pool is closed", STOPPED);
      if (size === 0 || inline.has(format)) return outcome(await renderTask({ registry, format, input }));
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ format, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      const refused = [...queue.splice(0), ...running];
      running.clear();
      for (const job of refused) job.reject(new RenderError("the render pool is closed", STOPPED));
      const stopping = threads;
      threads = null;
      await stopping?.destroy();
    },
    stats() {
      return { workers: threads?.threads.length ?? 0, busy: running.size, queued: queue.length };
    },
  };
}
