/**
 * Rich text's headings nested under the heading that introduces it. The editor writes
 * sections' subheadings as h3 and h4 (and older drafts wrote h4 alone), whatever the
 * level of the section's title on the page: a section titled in an h4 would read
 * h4 → h3, one titled in an h2 would skip from h2 to h4. Here the text's first heading
 * level becomes the title's level + 1, deeper ones keep their depth, and no heading
 * goes more than one level below the one before it (h6 at most).
 *
 *   nestHeadings("<h3>Atelier</h3><p>…</p><h4>Séance</h4>", 4) === "<h5>Atelier</h5><p>…</p><h6>Séance</h6>"
 *
 * The HTML is the server's sanitised rich text: tags are plain (`<h3>`, `</h3>`, no
 * heading inside another), and a « < » of the text is written « &lt; ».
 */
const HEADING_TAG = /<(\/?)h([1-6])(\s[^>]*)?>/gi;

/** The new level of each heading of `levels` (in order), under a title of level `under`. */
export function nestedLevels(levels: number[], under: number): number[] {
  if (!levels.length) return [];
  const top = Math.min(...levels);
  let previous = under;
  return levels.map((level) => {
    const next = Math.min(under + 1 + level - top, previous + 1, 6);
    previous = next;
    return next;
  });
}

/** `html` with its headings renumbered to nest under a heading of level `under` (1 to 5). */
export function nestHeadings(html: string, under: number): string {
  const openings = [...html.matchAll(HEADING_TAG)].filter((m) => !m[1]).map((m) => Number(m[2]));
  const levels = nestedLevels(openings, under);
  let index = -1;
  return html.replace(HEADING_TAG, (_tag, closing: string, _level: string, attributes: string | undefined) => {
    if (!closing) index += 1;
    const level = levels[Math.max(index, 0)] ?? under + 1;
    return closing ? `</h${level}>` : `<h${level}${attributes ?? ""}>`;
  });
}
