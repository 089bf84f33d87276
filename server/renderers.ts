/**
 * The renderers the render worker may run, by format. One line each: a format
 * name, the input it takes, and a lazy import of its module (the worker loads
 * only the libraries of the formats it is asked for). Here, next to app.ts, because
 * it names features' renderers (decks, annual report): server/documents/ knows only
 * its document model, and its worker pool takes any table of renderers.
 *
 * Inputs and outputs cross a thread boundary: inputs must be plain data
 * (structured clone: no functions, no class instances), outputs are bytes.
 */
import type { AnnualReportInput } from "./features/annual-report/build.js";
import type { Deck } from "./features/decks/deck.js";
import type { DocumentModel } from "./documents/model.js";
import type { Registry } from "./documents/render-worker.js";
import { createWorkerPool, type WorkerPool, type WorkerPoolOptions } from "./documents/worker-pool.js";

const annualReport = async (input: AnnualReportInput) => (await import("./features/annual-report/build.js")).buildAnnualReport(input);

export const RENDERERS = {
  /** A prose document (quarterly review, annual report, evaluation) as Word. */
  docx: async (model: DocumentModel) => (await import("./documents/docx.js")).renderDocx(model),
  /** The same as PDF. */
  pdf: async (model: DocumentModel) => (await import("./documents/pdf.js")).renderPdf(model),
  /** The same as print-friendly HTML (UTF-8). */
  html: async (model: DocumentModel) => Buffer.from((await import("./documents/html.js")).renderHtml(model), "utf8"),
  /** A committee deck (COTECH / COPIL) as PowerPoint. */
  "pptx-deck": async (deck: Deck) => (await import("./features/decks/deck-pptx.js")).deckPptx(deck),
  /** The same deck as PDF. */
  "pdf-deck": async (deck: Deck) => (await import("./features/decks/deck-pdf.js")).deckPdf(deck),
  /**
   * The annual report built in the worker as well: its indicator charts (ECharts) take
   * seconds of CPU for a big contract, which must not block the event loop either.
   */
  "annual-report-docx": async (input: AnnualReportInput) => (await import("./documents/docx.js")).renderDocx(await annualReport(input)),
  "annual-report-pdf": async (input: AnnualReportInput) => (await import("./documents/pdf.js")).renderPdf(await annualReport(input)),
  // ↑ Add a renderer here: "<format>": async (input: <Input>) => (await import("./<module>.js")).<render>(input),
} satisfies Registry;

export type RenderFormat = keyof typeof RENDERERS;
/** What a format takes: a DocumentModel for "docx" | "pdf" | "html", a Deck for the decks. */
export type RenderInput<F extends RenderFormat> = Parameters<(typeof RENDERERS)[F]>[0];

/** Where the worker finds this table (it imports the module and reads `RENDERERS`): this very module, .ts or compiled .js. */
export const RENDERERS_MODULE = import.meta.url;

/** The pool of the app's renderers (docx, pdf, html, pptx-deck, pdf-deck, annual report). */
export type RenderPool = WorkerPool<typeof RENDERERS>;

/** HTML takes ~10 ms even for a 40-fiche review: not worth queueing behind a PDF. */
const INLINE_FORMATS: readonly RenderFormat[] = ["html"];

export function createRenderPool(options: WorkerPoolOptions = {}): RenderPool {
  return createWorkerPool(RENDERERS_MODULE, { inline: INLINE_FORMATS, ...options });
}

let shared: RenderPool | null = null;

/**
 * Renders in the process-wide pool (for scripts: the bench, the command line).
 * Routes use `app.renderer.render(…)`, whose pool closes with the app.
 */
export function renderInWorker<F extends RenderFormat>(format: F, input: RenderInput<F>): Promise<Buffer> {
  shared ??= createRenderPool();
  return shared.render(format, input as never);
}

/** Stops the process-wide pool of `renderInWorker`. */
export async function closeSharedRenderPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
