/** What the DOCX, PDF and HTML renderers share: the DSFR-like palette, heading numbers, SVG rasterising. */
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { createHash } from "node:crypto";
import type { Block, Cell } from "./model.js";

export const COLORS = {
  /** Bleu France: headings, table header, title. */
  blue: "#000091",
  text: "#161616",
  /** Notes, captions, running header and footer. */
  grey: "#666666",
  border: "#929292",
  /** Band rows of tables (level 1, level 2) and zebra. */
  band1: "#e3e3fd",
  band2: "#f5f5fe",
  quoteBar: "#6a6af4",
} as const;

/** The number shown before each numbered level 1 heading (« 1. »), by block index. */
export function headingNumbers(blocks: Block[]): Map<number, string> {
  const numbers = new Map<number, string>();
  let n = 0;
  blocks.forEach((block, index) => {
    if (block.type === "heading" && block.level === 1 && block.numbered) numbers.set(index, `${++n}.`);
  });
  return numbers;
}

/** Rough number of lines a table cell takes at about 8.5 pt (a character is about half the font size wide). */
export function estimatedLines(value: Cell, widthPt: number): number {
  const perLine = Math.max(1, Math.floor((widthPt - (typeof value !== "string" && value.bullets ? 10 : 0)) / 4.6));
  const lines = typeof value === "string" ? value.split("\n") : value.lines;
  return lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/**
 * Rows at most this tall (in estimated lines) are kept whole on one page; taller ones may split,
 * as a row that may not split and is taller than a page would be cut (about 60 lines fit on A4).
 */
export const MAX_UNBROKEN_LINES = 40;

/**
 * A paragraph that introduces what follows (« Prochaines étapes : »): like a heading, it must
 * not end a page alone.
 */
export function isLabel(block: Block): boolean {
  if (block.type !== "paragraph") return false;
  const last = [...block.runs].reverse().find((r) => "text" in r && r.text.trim());
  return !!last && "text" in last && /:\s*$/.test(last.text);
}


const pngCache = new Map<string, Buffer>();

/**
 * The SVG as a PNG (for the DOCX fallback image), `scale` times its size in points, cached by
 * content. Text uses the system's fonts (Liberation Sans standing for Arial/Marianne).
 */
const LIBERATION = ["Regular", "Bold", "Italic", "BoldItalic"].map((s) => `/usr/share/fonts/truetype/liberation/LiberationSans-${s}.ttf`).filter((f) => existsSync(f));

export function svgToPng(svg: string, widthPt: number, scale = 2): Buffer {
  const key = createHash("sha1").update(svg).update(String(widthPt * scale)).digest("hex");
  const cached = pngCache.get(key);
  if (cached) return cached;
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.max(1, Math.round(widthPt * scale)) },
    background: "white",
    // Liberation Sans alone when present: scanning every system font costs more than drawing the chart.
    font: LIBERATION.length ? { loadSystemFonts: false, fontFiles: LIBERATION, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans" } : { loadSystemFonts: true, defaultFontFamily: "Liberation Sans", sansSerifFamily: "Liberation Sans" },
  })
    .render()
    .asPng();
  if (pngCache.size > 200) pngCache.clear();
  pngCache.set(key, png);
  return png;
}

/**
 * French typography: a no-break space inside « guillemets » and after « n° », so that a line
 * never starts with « » » or a lone number. Spaces already non-breaking are kept.
 */
export const frenchSpaces = (value: string) => value.replace(/« /g, "«\u00a0").replace(/ »/g, "\u00a0»").replace(/\b(n°|N°) (?=\d)/g, "$1\u00a0");
