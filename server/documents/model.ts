/**
 * One neutral model for the prose documents Clés drafts (quarterly review, annual
 * report, evaluation): features build a `DocumentModel`, and the builders of
 * this folder render the same model as DOCX, PDF and print-friendly HTML.
 */

/** A run of text inside a paragraph, list item or table cell. */
export type Inline =
  | { text: string; bold?: boolean; italic?: boolean; underline?: boolean; link?: string }
  /** A line break inside the same paragraph. */
  | { lineBreak: true };

/** A table cell: plain text, or several lines (shown as a bulleted list when `bullets`). */
export type Cell = string | { lines: string[]; bullets?: boolean; bold?: boolean };

export type TableRow =
  | { cells: Cell[] }
  /** A row spanning every column: an axis or objective title inside a table. */
  | { band: string; level?: 1 | 2 };

export type Block =
  /** Level 1 headings are numbered « 1. », « 2. » when `numbered` (DOCX: real numbered Heading styles). */
  | { type: "heading"; level: 1 | 2 | 3; text: string; numbered?: boolean }
  | { type: "paragraph"; runs: Inline[]; style?: "normal" | "lead" | "note" }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "quote"; runs: Inline[] }
  /** Column `width`s are relative weights (any unit, 1 by default): the table spans the page's width. */
  | { type: "table"; caption?: string; columns: { header: string; width?: number }[]; rows: TableRow[] }
  /** A chart or picture given as a standalone SVG document; `width`/`height` in points. */
  | { type: "image"; svg: string; width: number; height: number; alt: string }
  | { type: "pageBreak" };

export interface DocumentModel {
  /** The title on the cover / first page, and the file's metadata title. */
  title: string;
  /** Under the title: « Contrat Local de Santé 2021-2023 — 3e trimestre 2021 ». */
  subtitle?: string;
  /** Repeated in the page header of DOCX and PDF: the contract's name and the period. */
  runningHeader: string;
  /** Small print under the title: « Version 2 publiée le 12/10/2021 par Marie Dupont ». */
  note?: string;
  /** Author for metadata. */
  author: string;
  blocks: Block[];
}

/** Shortcuts for builders of models. */
export const text = (value: string): Inline => ({ text: value });
export const paragraph = (value: string, style?: "normal" | "lead" | "note"): Block => ({ type: "paragraph", runs: [text(value)], style });
export const heading = (level: 1 | 2 | 3, value: string, numbered = false): Block => ({ type: "heading", level, text: value, numbered });
export const bullets = (values: string[]): Block => ({ type: "list", ordered: false, items: values.map((v) => [text(v)]) });
