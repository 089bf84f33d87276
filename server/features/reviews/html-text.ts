/** Plain text into the review sections' HTML: escaped, as a paragraph or a bulleted list. */
export const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export const p = (s: string) => `<p>${escape(s)}</p>`;
export const ul = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${escape(i)}</li>`).join("")}</ul>` : "");

/**
 * A minutes' HTML split where its opening paragraphs end (at its first heading or list): the
 * lead says what the meeting was and was for; the rest holds its points, often its orientations.
 */
export function splitMinutes(html: string): { lead: string[]; rest: string } {
  const lead: string[] = [];
  const pattern = /\s*(<p>[\s\S]*?<\/p>)/y;
  let end = 0;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    end = pattern.lastIndex;
    if (match[1]!.replace(/<[^>]+>|&nbsp;|\s/g, "")) lead.push(match[1]!);
  }
  return { lead, rest: html.slice(end).trim() };
}
