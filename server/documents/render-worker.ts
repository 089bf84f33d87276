/**
 * The render worker: a worker_threads entry (started through render-worker-boot.mjs,
 * which teaches the thread TypeScript) that renders one document at a time, so the
 * CPU work of docx / pdfmake / pptxgenjs never blocks the server's event loop.
 *
 * workerData.registry: the URL of a module exporting `RENDERERS` (a Registry; the app's: server/renderers.ts).
 * In:  { id, format, input }
 * Out: { id, ok: true, body: Uint8Array } (its buffer transferred) | { id, ok: false, error }
 */
import { parentPort, workerData } from "node:worker_threads";

/** A table of renderers: each takes one plain-data input and gives the file's bytes. */
export type Registry = Record<string, (input: never) => Promise<Uint8Array> | Uint8Array>;

export interface RenderRequest {
  id: number;
  format: string;
  input: unknown;
}

export type RenderResponse =
  | { id: number; ok: true; body: Uint8Array }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string; detail?: string } };

export interface RenderWorkerData {
  registry: string;
}

/** The bytes in an ArrayBuffer of their own, so that it can be transferred (Buffers may share a pool). */
function standalone(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes);
}

const port = parentPort;
if (!port) throw new Error("render-worker.ts must run in a worker thread");
const { registry } = workerData as RenderWorkerData;
const renderers = ((await import(registry)) as { RENDERERS: Registry }).RENDERERS;

port.on("message", async ({ id, format, input }: RenderRequest) => {
  let response: RenderResponse;
  try {
    const render = renderers[format] as ((input: unknown) => Promise<Uint8Array> | Uint8Array) | undefined;
    if (!render) throw new Error(`unknown render format "${format}"`);
    const body = standalone(await render(input));
    response = { id, ok: true, body };
    port.postMessage(response, [body.buffer as ArrayBuffer]);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const detail = (e as { detail?: unknown }).detail;
    response = { id, ok: false, error: { name: e.name, message: e.message, stack: e.stack, ...(typeof detail === "string" ? { detail } : {}) } };
    port.postMessage(response);
  }
});
