/**
 * The renderers the render worker may run, by format. One line each: a format
 * name, the input it takes, and a lazy import of its module (the worker loads
 * only the libraries of the formats it is asked for).
 *
 * Inputs and outputs cross a thread boundary: inputs must be plain data
 * (structured clone: no functions, no class instances), outputs are bytes.
 */
import type { AnnualReportInput } from "../features/annual-report/build.js";
import type { Deck } from "../features/decks/deck.js";
import type { DocumentModel } from "./model.js";

const annualReport = async (input: AnnualReportInput) => (await import("../features/annual-report/build.js")).buildAnnualReport(input);

export const RENDERERS = {
  /** A prose document (quarterly review, annual report, evaluation) as Word. */
  docx: async (model: DocumentModel) => (await import("./docx.js")).renderDocx(model),
  /** The same as PDF. */
  pdf: async (model: DocumentModel) => (await import("./pdf.js")).renderPdf(model),
  /** The same as print-friendly HTML (UTF-8). */
  html: async (model: DocumentModel) => Buffer.from((await import("./html.js")).renderHtml(model), "utf8"),
  /** A committee deck (COTECH / COPIL) as PowerPoint. */
  "pptx-deck": async (deck: Deck) => (await import("./deck-pptx.js")).deckPptx(deck),
  /** The same deck as PDF. */
  "pdf-deck": async (deck: Deck) => (await import("./deck-pdf.js")).deckPdf(deck),
  /**
   * The annual report built in the worker as well: its indicator charts (ECharts) take
   * seconds of CPU for a big contract, which must not block the event loop either.
   */
  "annual-report-docx": async (input: AnnualReportInput) => (await import("./docx.js")).renderDocx(await annualReport(input)),
  "annual-report-pdf": async (input: AnnualReportInput) => (await import("./pdf.js")).renderPdf(await annualReport(input)),
  // ↑ Add a renderer here: "<format>": async (input: <Input>) => (await import("./<module>.js")).<render>(input),
} satisfies Registry;

/** A table of renderers: each takes one plain-data input and gives the file's bytes. */
export type Registry = Record<string, (input: never) => Promise<Uint8Array> | Uint8Array>;

export type RenderFormat = keyof typeof RENDERERS;
/** What a format takes: a DocumentModel for "docx" | "pdf" | "html", a Deck for the decks. */
export type RenderInput<F extends RenderFormat> = Parameters<(typeof RENDERERS)[F]>[0];

/** Where the worker finds this table (it imports the module and reads `RENDERERS`). */
export const RENDERERS_MODULE = new URL("./renderers.ts", import.meta.url).href;
