/**
 * A short excerpt of a text for a label or a history entry: cut between characters as people
 * see them (an emoji, an accented letter are never split — half an emoji is not valid text,
 * and PostgreSQL refuses it in JSON), with « … » when cut.
 */
const graphemes = new Intl.Segmenter("fr", { granularity: "grapheme" });

export function excerpt(text: string, max = 60): string {
  if (text.length <= max) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  return parts.length <= max ? text : `${parts.slice(0, max - 1).join("")}…`;
}
