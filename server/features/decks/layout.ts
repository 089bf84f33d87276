/**
 * Geometry of a committee deck, shared by the deck model (which splits long tables
 * across slides) and its two renderers (PPTX and PDF): a 16:9 slide of 13.33 × 7.5
 * inches, a blue title bar, a content area, a footer. Text heights are estimated by
 * wrapping words at the column width with an average character width of Arial
 * (the PDF uses Liberation Sans, metrically compatible with Arial).
 */

export const SLIDE = { width: 13.333, height: 7.5 } as const;
/** Left/right margin of the content, in inches. */
export const MARGIN_X = 0.4;
export const CONTENT_WIDTH = SLIDE.width - 2 * MARGIN_X;
export const TITLE_BAR = { height: 1.05 } as const;
/** The content area (tables, lists) between the title bar and the footer. */
export const CONTENT = { top: 1.25, bottom: 6.85 } as const;
export const FOOTER = { top: 7.05, height: 0.3 } as const;

export const TABLE_FONT_PT = 9;
/** Line height of the table text, as a factor of the font size (Arial ≈ 1.15; kept generous). */
export const LINE_FACTOR = 1.17;
/** Average advance width of a character of French text in Arial, as a factor of the font size (kept generous). */
export const CHAR_FACTOR = 0.5;
/** Cell margins in inches: top, right, bottom, left. */
export const CELL_MARGIN: [number, number, number, number] = [0.04, 0.06, 0.04, 0.06];

export const BLUE_FRANCE = "000091";
export const BLUE_LIGHT = "E3E3FD";
export const BLUE_LIGHTER = "F5F5FE";
export const GREY_BORDER = "929292";
export const RED_MARIANNE = "E1000F";

/** The font the renderers ask for. Marianne is not embedded; Arial is everywhere and its metrics drive the splitting. */
export const DECK_FONT = "Arial";

const lineHeightIn = (fontPt: number) => (fontPt * LINE_FACTOR) / 72;

/** Greedy word wrap of one paragraph at `chars` characters per line (a longer word is cut). */
export function wrap(paragraph: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > chars) {
      if (line) {
        lines.push(line);
        line = "";
      }
      lines.push(rest.slice(0, chars));
      rest = rest.slice(chars);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= chars) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  lines.push(line);
  return lines;
}

/** How many characters fit on one line of a column `widthIn` inches wide (cell margins deducted). */
export function charsPerLine(widthIn: number, fontPt = TABLE_FONT_PT, bold = false): number {
  const usable = (widthIn - CELL_MARGIN[1] - CELL_MARGIN[3]) * 72;
  return Math.max(1, Math.floor(usable / (fontPt * CHAR_FACTOR * (bold ? 1.08 : 1))));
}

/** The wrapped lines of a cell (its paragraphs, each at least one line). */
export function cellLines(paragraphs: string[], widthIn: number, fontPt = TABLE_FONT_PT, bold = false): string[][] {
  const chars = charsPerLine(widthIn, fontPt, bold);
  return paragraphs.map((p) => wrap(p, chars));
}

/** The estimated height, in inches, of a table row whose tallest cell has `lines` lines. */
export function rowHeight(lines: number, fontPt = TABLE_FONT_PT): number {
  return Math.max(1, lines) * lineHeightIn(fontPt) + CELL_MARGIN[0] + CELL_MARGIN[2];
}

/** How many lines fit in `heightIn` inches of a row. */
export function linesThatFit(heightIn: number, fontPt = TABLE_FONT_PT): number {
  return Math.floor((heightIn - CELL_MARGIN[0] - CELL_MARGIN[2]) / lineHeightIn(fontPt));
}

/** A slide title's size in points: a long title gets smaller, to stay on one line of the title bar. */
export const titleSize = (title: string) => (title.length > 95 ? 15 : title.length > 75 ? 18 : 22);
