/**
 * The render worker: piscina runs this module's default export in a worker thread (started
 * through render-worker-boot.mjs from the TypeScript sources, which teaches the thread
 * TypeScript), one document at a time, so that the CPU work of docx / pdfmake / pptxgenjs
 * never blocks the server's event loop.
 *
 * In:  { registry, format, input }: `registry` is the URL of a module exporting `RENDERERS`
 *      (a Registry; the app's: server/renderers.ts).
 * Out: the file's bytes (their buffer transferred, not copied), or { error } when the
 *      renderer failed: a plain object, because an Error thrown across the thread loses
 *      its `detail` (the French message for the user).
 */
import { move } from "piscina";

/** A table of renderers: each takes one plain-data input and gives the file's bytes. */
export type Registry = Record<string, (input: never) => Promise<Uint8Array> | Uint8Array>;

export interface RenderTask {
  registry: string;
  format: string;
  input: unknown;
}

export interface RenderFailure {
  error: { name: string; message: string; stack?: string; detail?: string };
}

const registries = new Map<string, Promise<Registry>>();

/** Renders one task in this thread (the worker's, or the caller's for inline formats). */
export async function renderTask({ registry, format, input }: RenderTask): Promise<Uint8Array | RenderFailure> {
  try {
    let table = registries.get(registry);
    if (!table) registries.set(registry, (table = import(registry).then((m: { RENDERERS: Registry }) => m.RENDERERS)));
    const render = (await table)[format] as ((input: unknown) => Promise<Uint8Array> | Uint8Array) | undefined;
    if (!render) throw new Error(`unknown render format "${format}"`);
    return await render(input);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const detail = (e as { detail?: unknown }).detail;
    return { error: { name: e.name, message: e.message, stack: e.stack, ...(typeof detail === "string" ? { detail } : {}) } };
  }
}

/** The bytes in an ArrayBuffer of their own, so that it can be transferred (Buffers may share a pool). */
function standalone(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes);
}

/** piscina's entry: the bytes are moved to the calling thread. */
export default async function render(task: RenderTask): Promise<Uint8Array | RenderFailure> {
  const result = await renderTask(task);
  return result instanceof Uint8Array ? (move(standalone(result)) as Uint8Array) : result;
}
