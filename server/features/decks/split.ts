/**
 * Splitting a long table across slides by estimated text height: a row is never
 * cut unless it alone is taller than a slide; a band (objective title) never ends
 * a slide; a continued slide repeats the header and the band it continues.
 */
import { CONTENT, cellLines, linesThatFit, rowHeight, TABLE_FONT_PT } from "./layout.js";

export interface DeckColumn {
  header: string;
  /** Width in inches. */
  width: number;
}

export type DeckRow =
  /** A row spanning every column: an axis (level 1) or objective (level 2) title. */
  | { kind: "band"; level: 1 | 2; text: string }
  /** A body row: each cell is a list of paragraphs; the first cell is bold (the fiche's name). */
  | { kind: "cells"; cells: string[][] };

/** The tallest available height for a table on a slide, in inches. */
export const TABLE_HEIGHT = CONTENT.bottom - CONTENT.top;

const totalWidth = (columns: DeckColumn[]) => columns.reduce((s, c) => s + c.width, 0);

/** Estimated height of a row, in inches. */
export function measureRow(row: DeckRow, columns: DeckColumn[]): number {
  if (row.kind === "band") return rowHeight(cellLines([row.text], totalWidth(columns), TABLE_FONT_PT, true).flat().length);
  const lines = row.cells.map((cell, i) => cellLines(cell, columns[i]!.width, TABLE_FONT_PT, i === 0).flat().length);
  return rowHeight(Math.max(1, ...lines));
}

export function measureHeader(columns: DeckColumn[]): number {
  return rowHeight(Math.max(...columns.map((c) => cellLines([c.header], c.width, TABLE_FONT_PT, true).flat().length)));
}

/** Cuts a body row after `lines` wrapped lines of each cell: the head fits, the tail goes on. */
export function cutRow(row: Extract<DeckRow, { kind: "cells" }>, columns: DeckColumn[], lines: number): [typeof row, typeof row] {
  const head: string[][] = [];
  const tail: string[][] = [];
  row.cells.forEach((cell, i) => {
    const wrapped = cellLines(cell, columns[i]!.width, TABLE_FONT_PT, i === 0);
    const h: string[] = [];
    const t: string[] = [];
    let left = lines;
    wrapped.forEach((paragraph) => {
      if (left >= paragraph.length) {
        h.push(paragraph.join(" "));
        left -= paragraph.length;
      } else if (left > 0) {
        h.push(paragraph.slice(0, left).join(" "));
        t.push(paragraph.slice(left).join(" "));
        left = 0;
      } else t.push(paragraph.join(" "));
    });
    head.push(h);
    const name = row.cells[0]![0] ?? "";
    tail.push(i === 0 ? [name.endsWith(" (suite)") ? name : `${name} (suite)`] : t);
  });
  return [{ kind: "cells", cells: head }, { kind: "cells", cells: tail }];
}

/**
 * Splits rows into pages of at most `height` inches each (header included). A
 * continued page starts with the last level-2 band met (the objective it continues).
 */
export function paginate(columns: DeckColumn[], rows: DeckRow[], height = TABLE_HEIGHT): DeckRow[][] {
  const header = measureHeader(columns);
  const pages: DeckRow[][] = [];
  let page: DeckRow[] = [];
  let used = header;
  let band: Extract<DeckRow, { kind: "band" }> | null = null;

  const newPage = () => {
    // A band never ends a page: carry trailing bands over.
    const trailing: DeckRow[] = [];
    while (page.length && page[page.length - 1]!.kind === "band") trailing.unshift(page.pop()!);
    if (page.length) pages.push(page);
    page = [];
    used = header;
    const continued = trailing.length === 0 && band ? [{ ...band, text: `${band.text} (suite)` }] : trailing;
    for (const r of continued) {
      page.push(r);
      used += measureRow(r, columns);
    }
  };

  const queue = [...rows];
  while (queue.length) {
    const row = queue.shift()!;
    if (row.kind === "band" && row.level === 2) band = row;
    if (row.kind === "band" && row.level === 1) band = null;
    const h = measureRow(row, columns);
    if (used + h <= height) {
      page.push(row);
      used += h;
      continue;
    }
    const hasBody = page.some((r) => r.kind === "cells");
    if (hasBody) {
      newPage();
      queue.unshift(row);
      continue;
    }
    // The row alone does not fit on an empty page: cut it at what fits.
    if (row.kind === "band") {
      page.push(row);
      used += h;
      continue;
    }
    const [head, tail] = cutRow(row, columns, Math.max(1, linesThatFit(height - used)));
    page.push(head);
    used = height;
    queue.unshift(tail);
  }
  if (page.some((r) => r.kind === "cells") || (page.length && !pages.length)) pages.push(page);
  return pages;
}
