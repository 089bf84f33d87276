/** Plain text into the review sections' HTML: escaped, as a paragraph or a bulleted list. */
export const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
export const p = (s: string) => `<p>${escape(s)}</p>`;
export const ul = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${escape(i)}</li>`).join("")}</ul>` : "");
