/** A text and the offsets of the words found, as the search answers them, cut into plain and marked pieces. */
export interface Mark {
  start: number;
  end: number;
}
export interface Piece {
  text: string;
  marked: boolean;
}

/** Plain and marked pieces in order; marks out of range, empty or overlapping an earlier one are clipped or dropped. */
export function pieces(text: string, marks: readonly Mark[]): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}
