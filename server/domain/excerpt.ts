/**
 * A short excerpt of a text for a label or a history entry: cut between characters as people
 * see them (an emoji, an accented letter are never split — half an emoji is not valid text,
 * and PostgreSQL refuses it in JSON), with « … » when cut.
 */
const graphemes = new Intl.Segmenter("fr", { granularity: "grapheme" });
/**
 * Characters that are each a whole character as people see it and never join the next one
 * (no surrogate, combining mark, joiner or « \r »): Latin text, French accents included.
 */
const SIMPLE = /^[\t\n\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e]*$/;

export function excerpt(text: string, max = 60): string {
  if (text.length <= max) return text;
  // Most texts: the first max + 1 units are as many characters, so there are more than max.
  if (SIMPLE.test(text.slice(0, max + 1))) return `${text.slice(0, max - 1)}…`;
  // Segmented only as far as the cut: a dashboard cuts dozens of long texts per request.
  let count = 0;
  let cut = 0;
  for (const { index } of graphemes.segment(text)) {
    if (count === max - 1) cut = index;
    else if (count === max) return `${text.slice(0, cut)}…`;
    count++;
  }
  return text;
}
