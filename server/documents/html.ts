/**
 * The document model as one standalone, print-friendly HTML page (inline CSS, A4 pages when
 * printed). Every text is escaped; pictures are embedded as SVG data URIs in <img>, so a
 * picture can never run a script in the page.
 */
import type { Block, Cell, DocumentModel, Inline, TableRow } from "./model.js";
import { COLORS, frenchSpaces, headingNumbers } from "./render-common.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text safe in element content and in double- or single-quoted attributes. */
export const escapeHtml = (value: string) => frenchSpaces(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const SAFE_LINK = /^(https?:|mailto:)/i;

function inline(run: Inline): string {
  if ("lineBreak" in run) return "<br>";
  let html = escapeHtml(run.text);
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.link && SAFE_LINK.test(run.link)) html = `<a href="${escapeHtml(run.link)}">${html}</a>`;
  return html;
}
const inlines = (runs: Inline[]) => runs.map(inline).join("");

function cell(value: Cell): string {
  if (typeof value === "string") return escapeHtml(value).replace(/\n/g, "<br>");
  const lines = value.lines.map((l) => escapeHtml(l));
  const body = value.bullets && lines.length ? `<ul>${lines.map((l) => `<li>${l}</li>`).join("")}</ul>` : lines.join("<br>");
  return value.bold ? `<strong>${body}</strong>` : body;
}

function row(r: TableRow, columns: number): string {
  if ("band" in r) return `<tr class="band band-${r.level ?? 1}"><th colspan="${columns}" scope="colgroup">${escapeHtml(r.band)}</th></tr>`;
  const cells = r.cells.slice(0, columns);
  while (cells.length < columns) cells.push("");
  return `<tr>${cells.map((c) => `<td>${cell(c)}</td>`).join("")}</tr>`;
}

function table(block: Extract<Block, { type: "table" }>): string {
  const total = block.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const cols = block.columns.map((c) => `<col style="width:${(((c.width ?? 1) / total) * 100).toFixed(2)}%">`).join("");
  const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : "";
  const head = `<thead><tr>${block.columns.map((c) => `<th scope="col">${escapeHtml(c.header)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${block.rows.map((r) => row(r, block.columns.length)).join("")}</tbody>`;
  return `<table>${caption}<colgroup>${cols}</colgroup>${head}${body}</table>`;
}

function block(b: Block, number: string | undefined): string {
  switch (b.type) {
    case "heading": {
      const tag = `h${b.level + 1}`;
      const prefix = number ? `<span class="number">${number}</span> ` : "";
      return `<${tag}>${prefix}${escapeHtml(b.text)}</${tag}>`;
    }
    case "paragraph":
      return `<p${b.style && b.style !== "normal" ? ` class="${b.style}"` : ""}>${inlines(b.runs)}</p>`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>${b.items.map((item) => `<li>${inlines(item)}</li>`).join("")}</${tag}>`;
    }
    case "quote":
      return `<blockquote><p>${inlines(b.runs)}</p></blockquote>`;
    case "table":
      return table(b);
    case "image": {
      const src = `data:image/svg+xml;base64,${Buffer.from(b.svg, "utf8").toString("base64")}`;
      return `<figure><img src="${src}" alt="${escapeHtml(b.alt)}" style="width:${b.width}pt;aspect-ratio:${b.width}/${b.height}"></figure>`;
    }
    case "pageBreak":
      return `<div class="page-break" aria-hidden="true"></div>`;
  }
}

const CSS = `
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 180mm; padding: 12mm 0; font-family: Marianne, Arial, "Liberation Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: ${COLORS.text}; background: #fff; }
.running-header { display: flex; justify-content: space-between; border-bottom: 1px solid ${COLORS.border}; color: ${COLORS.grey}; font-size: 8.5pt; padding-bottom: 2mm; margin-bottom: 10mm; }
.title { border-left: 6px solid ${COLORS.blue}; padding-left: 5mm; margin-bottom: 10mm; }
h1 { color: ${COLORS.blue}; font-size: 24pt; line-height: 1.2; margin: 0 0 3mm; }
.subtitle { font-size: 13pt; margin: 0 0 2mm; }
.title .note { color: ${COLORS.grey}; font-size: 9pt; margin: 0; }
h2, h3, h4 { color: ${COLORS.blue}; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 16pt; margin: 9mm 0 3mm; }
h3 { font-size: 13pt; margin: 6mm 0 2mm; }
h4 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2.5mm; }
p.lead { font-size: 12pt; }
p.note { color: ${COLORS.grey}; font-size: 9pt; }
ul, ol { margin: 0 0 3mm; padding-left: 7mm; }
li { margin-bottom: 1mm; }
blockquote { margin: 0 0 3mm; padding: 1mm 0 1mm 5mm; border-left: 3px solid ${COLORS.quoteBar}; font-style: italic; }
a { color: ${COLORS.blue}; }
table { width: 100%; border-collapse: collapse; margin: 0 0 5mm; font-size: 9pt; table-layout: fixed; }
caption { caption-side: top; text-align: left; font-weight: bold; margin-bottom: 1.5mm; }
th, td { border: 1px solid ${COLORS.border}; padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: ${COLORS.blue}; color: #fff; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.band-1 th { background: ${COLORS.band1}; }
tr.band-2 th { background: ${COLORS.band2}; font-weight: 600; }
td ul { margin: 0; padding-left: 4mm; }
figure { margin: 0 0 5mm; break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; }
.page-break { break-after: page; page-break-after: always; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A complete HTML page (lang="fr") of the document, ready to print on A4. */
export function renderHtml(model: DocumentModel): string {
  const numbers = headingNumbers(model.blocks);
  const body = model.blocks.map((b, i) => block(b, numbers.get(i))).join("\n");
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${escapeHtml(model.author)}">
<title>${escapeHtml(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="running-header">${escapeHtml(model.runningHeader)}</div>
<header class="title">
<h1>${escapeHtml(model.title)}</h1>
${model.subtitle ? `<p class="subtitle">${escapeHtml(model.subtitle)}</p>` : ""}
${model.note ? `<p class="note">${escapeHtml(model.note)}</p>` : ""}
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
