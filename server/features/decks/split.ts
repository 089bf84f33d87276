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

/**
 * The same slides as `paginate`, as evenly filled as they can be: rows shared between the same
 * number of slides so that the fullest is as light as possible — seven fiches make 3 + 2 + 2,
 * not 3 + 3 + 1 (no fiche alone on a slide that is mostly empty). A band stays with the row
 * after it, and a slide that continues an objective repeats its band « (suite) ». When a row
 * must be cut (taller than a slide), the greedy slides are kept.
 */
export function paginateEvenly(columns: DeckColumn[], rows: DeckRow[], height = TABLE_HEIGHT): DeckRow[][] {
  const greedy = paginate(columns, rows, height);
  const count = greedy.length;
  if (count < 2) return greedy;
  // Units: the bands before a row of cells travel with it.
  const units: DeckRow[][] = [];
  let pending: DeckRow[] = [];
  for (const row of rows) {
    pending.push(row);
    if (row.kind === "cells") {
      units.push(pending);
      pending = [];
    }
  }
  if (pending.length) {
    if (!units.length) return greedy;
    units[units.length - 1]!.push(...pending);
  }
  if (units.length < count) return greedy;
  const size = units.map((u) => u.reduce((sum, r) => sum + measureRow(r, columns), 0));
  // Linear partition: the fullest slide as light as possible, then the slides as even as possible.
  const span = (from: number, to: number) => size.slice(from, to).reduce((a, b) => a + b, 0);
  const best: { max: number; squares: number; cuts: number[] }[][] = Array.from({ length: count + 1 }, () => []);
  best[0]![0] = { max: 0, squares: 0, cuts: [] };
  for (let k = 1; k <= count; k++) {
    for (let end = k; end <= units.length; end++) {
      for (let start = k - 1; start < end; start++) {
        const before = best[k - 1]![start];
        if (!before) continue;
        const h = span(start, end);
        const candidate = { max: Math.max(before.max, h), squares: before.squares + h * h, cuts: [...before.cuts, start] };
        const seen = best[k]![end];
        if (!seen || candidate.max < seen.max - 1e-9 || (Math.abs(candidate.max - seen.max) <= 1e-9 && candidate.squares < seen.squares)) best[k]![end] = candidate;
      }
    }
  }
  const plan = best[count]![units.length];
  if (!plan) return greedy;
  const bounds = [...plan.cuts, units.length];
  const pages: DeckRow[][] = [];
  let band: Extract<DeckRow, { kind: "band" }> | null = null;
  for (let i = 0; i < count; i++) {
    const group = units.slice(bounds[i], bounds[i + 1]).flat();
    const page: DeckRow[] = group[0]?.kind === "cells" && band ? [{ ...band, text: `${band.text.replace(/ \(suite\)$/, "")} (suite)` }] : [];
    for (const row of group) {
      if (row.kind === "band") band = row.level === 2 ? row : null;
      page.push(row);
    }
    if (paginate(columns, page, height).length !== 1) return greedy;
    pages.push(page);
  }
  return pages;
}
