/**
 * Documents are rendered off the event loop: a small pool of worker threads
 * (render-worker.ts) runs a table of renderers (the app's: server/renderers.ts), so
 * that a 2-second PDF never delays anyone else's request.
 *
 * - `RENDER_WORKERS` threads (1 by default; 0 renders in this thread, for debugging);
 * - started on the first render, reused, stopped after 5 idle minutes (and never keeping
 *   the process alive while idle);
 * - one render per worker at a time, the others wait in a queue (first come, first served);
 *   HTML, a matter of milliseconds, is rendered in the calling thread instead of waiting;
 * - a render that runs longer than 60 s is stopped: its worker is killed and replaced;
 * - a renderer's error comes back with its message (RenderError, with a French `detail`);
 * - `close()` (on app close) stops the workers and refuses what was waiting.
 */
import { Worker } from "node:worker_threads";
import type { Registry, RenderRequest, RenderResponse, RenderWorkerData } from "./render-worker.js";

export const RENDER_TIMEOUT_MS = 60_000;
const IDLE_MS = 5 * 60_000;
/**
 * Compiled (dist/, plain JavaScript), a worker starts on render-worker.js itself; run from
 * the TypeScript sources, on a boot file that first teaches the thread TypeScript.
 */
const BOOT = new URL(import.meta.url.endsWith(".js") ? "./render-worker.js" : "./render-worker-boot.mjs", import.meta.url);

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

interface Task {
  id: number;
  format: string;
  input: unknown;
  resolve: (body: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

const toBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));

function fromWorker(error: Extract<RenderResponse, { ok: false }>["error"]): RenderError {
  const cause = Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
  return new RenderError(error.message, error.detail ?? FAILED, { cause });
}

/**
 * A pool over any table of renderers: `registry` is the URL of a module that
 * exports `RENDERERS` (server/renderers.ts for the app; tests use their own).
 */
export function createWorkerPool<R extends Registry>(registry: string, options: WorkerPoolOptions = {}): WorkerPool<R> {
  const size = options.workers ?? workersFromEnv();
  const timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
  const idleMs = options.idleMs ?? IDLE_MS;
  const inline = new Set(options.inline ?? []);
  const queue: Task[] = [];
  const slots = new Set<Slot>();
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    const workerData: RenderWorkerData = { registry };
    const worker = new Worker(BOOT, { execArgv: [], workerData, name: "cles-render" });
    const slot: Slot = { worker, task: null };
    worker.on("message", (response: RenderResponse) => {
      const task = slot.task;
      if (!task || task.id !== response.id) return;
      clearTimeout(slot.timer);
      slot.task = null;
      if (response.ok) task.resolve(toBuffer(response.body));
      else task.reject(fromWorker(response.error));
      idle(slot);
      dispatch();
    });
    // An uncaught error in the worker (or a failed start): the worker exits after it.
    worker.on("error", (err) => settle(slot, new RenderError(err.message, FAILED, { cause: err })));
    worker.on("exit", (code) => {
      slots.delete(slot);
      clearTimeout(slot.idleTimer);
      settle(slot, new RenderError(`the render worker stopped (exit code ${code})`, closed ? STOPPED : FAILED));
      if (!closed) dispatch();
    });
    slots.add(slot);
    return slot;
  }

  /** Refuses the slot's task, if any. */
  function settle(slot: Slot, error: RenderError): void {
    const task = slot.task;
    if (!task) return;
    clearTimeout(slot.timer);
    slot.task = null;
    task.reject(error);
  }

  function idle(slot: Slot): void {
    slot.worker.unref();
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      if (slot.task) return;
      slots.delete(slot);
      void slot.worker.terminate();
    }, idleMs);
    slot.idleTimer.unref();
  }

  function start(slot: Slot, task: Task): void {
    clearTimeout(slot.idleTimer);
    slot.task = task;
    slot.worker.ref();
    try {
      slot.worker.postMessage({ id: task.id, format: task.format, input: task.input } satisfies RenderRequest);
    } catch (err) {
      // The input could not be copied to the thread (a function, a class instance…).
      settle(slot, new RenderError((err as Error).message, FAILED, { cause: err }));
      idle(slot);
      return;
    }
    slot.timer = setTimeout(() => {
      // Stuck: kill the worker (its exit refuses nothing more) and let a new one take the queue.
      slots.delete(slot);
      settle(slot, new RenderError(`render of "${task.format}" timed out after ${timeoutMs} ms`, TIMED_OUT(Math.round(timeoutMs / 1000))));
      void slot.worker.terminate();
      dispatch();
    }, timeoutMs);
  }

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      let slot = [...slots].find((s) => !s.task);
      if (!slot && slots.size < size) slot = spawn();
      if (!slot) return;
      start(slot, queue.shift()!);
    }
  }

  async function renderInline(format: string, input: unknown): Promise<Buffer> {
    const renderers = ((await import(registry)) as { RENDERERS: Registry }).RENDERERS;
    const render = renderers[format] as ((input: unknown) => Promise<Uint8Array> | Uint8Array) | undefined;
    if (!render) throw new RenderError(`unknown render format "${format}"`, FAILED);
    try {
      return toBuffer(await render(input));
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      const detail = (e as { detail?: unknown }).detail;
      throw new RenderError(e.message, typeof detail === "string" ? detail : FAILED, { cause: e });
    }
  }

  return {
    render(format, input) {
      if (closed) return Promise.reject(new RenderError("the render pool is closed", STOPPED));
      if (size === 0 || inline.has(format)) return renderInline(format, input);
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, format, input, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new RenderError("the render pool is closed", STOPPED));
      const workers = [...slots];
      slots.clear();
      for (const slot of workers) {
        clearTimeout(slot.idleTimer);
        settle(slot, new RenderError("the render pool is closed", STOPPED));
      }
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
    stats() {
      const all = [...slots];
      return { workers: all.length, busy: all.filter((s) => s.task).length, queued: queue.length };
    },
  };
}
