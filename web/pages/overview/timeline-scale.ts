/** Where things sit on the timeline: positions in % of the contract's period, year and quarter headers, periods in words. */
import { shortMonth } from "../../format";

export interface Period {
  /** "2021-01" */
  first: string;
  /** "2023-12" */
  last: string;
  /** Number of months, both ends included. */
  count: number;
}

const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const round = (n: number) => Math.round(n * 1000) / 1000;

/** The months of a contract running from `start` to `end` (ISO days). */
export function monthsOf(start: string, end: string): Period {
  const first = start.slice(0, 7);
  const last = end.slice(0, 7) < first ? first : end.slice(0, 7);
  return { first, last, count: index(last) - index(first) + 1 };
}

/**
 * Position in % of a month ("2021-03": its start, or its end with `endOfMonth`) or of
 * a day (the middle of that day); null when outside the period.
 */
export function placeOf(period: Period, date: string, endOfMonth = false): number | null {
  const month = date.slice(0, 7);
  let offset = index(month) - index(period.first);
  if (date.length >= 10) offset += (Number(date.slice(8, 10)) - 0.5) / daysIn(month);
  else if (endOfMonth) offset += 1;
  const at = (offset / period.count) * 100;
  return at < 0 || at > 100 ? null : round(at);
}

/** The headers of the timeline: years, then quarters (T1…T4), cut to the period. */
export function scaleOf(period: Period) {
  const span = (from: number, to: number) => {
    const a = Math.max(from, index(period.first));
    const b = Math.min(to, index(period.last) + 1);
    return { left: round(((a - index(period.first)) / period.count) * 100), width: round(((b - a) / period.count) * 100) };
  };
  const years: { year: number; left: number; width: number }[] = [];
  const quarters: { key: string; label: string; left: number; width: number }[] = [];
  for (let y = Number(period.first.slice(0, 4)); y <= Number(period.last.slice(0, 4)); y++) {
    years.push({ year: y, ...span(y * 12, y * 12 + 12) });
    for (let q = 0; q < 4; q++) {
      const s = span(y * 12 + q * 3, y * 12 + q * 3 + 3);
      if (s.width > 0) quarters.push({ key: `${y}-T${q + 1}`, label: `T${q + 1}`, ...s });
    }
  }
  return { years, quarters };
}

/** A fiche's period in words: « du 01/2021 au 12/2023 ». */
export function periodText(startMonth: string | null, endMonth: string | null): string {
  if (startMonth && endMonth) return `Du ${shortMonth(startMonth)} au ${shortMonth(endMonth)}`;
  if (startMonth) return `À partir du ${shortMonth(startMonth)}, fin non renseignée`;
  if (endMonth) return `Jusqu'au ${shortMonth(endMonth)}, début non renseigné`;
  return "Dates de début et de fin non renseignées";
}

/**
 * Closest two markers may stand on one line of a track, in % of it: a marker's box (a square
 * turned 45°) is ~32 px wide, and the narrowest track (the table's 52rem less its first
 * column) is 544 px; nearer markers would cover each other (WCAG 2.5.8, targets of 24 px).
 */
export const MARKER_GAP = 6;

/**
 * The line of each marker on its track (0 for the first), in the order given: a marker goes
 * on the first line where it is at least `gap` away from the markers already there.
 */
export function markerLines(positions: number[], gap = MARKER_GAP): number[] {
  const lines: number[][] = [];
  const order = positions.map((at, index) => ({ at, index })).sort((a, b) => a.at - b.at || a.index - b.index);
  const out = new Array<number>(positions.length).fill(0);
  for (const { at, index } of order) {
    let line = lines.findIndex((taken) => taken.every((other) => Math.abs(other - at) >= gap));
    if (line === -1) line = lines.push([]) - 1;
    lines[line]!.push(at);
    out[index] = line;
  }
  return out;
}
