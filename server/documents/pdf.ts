/**
 * The document model as a PDF with pdfmake 0.3 on the server: A4, the running header and
 * « Page X / Y » on every page, numbered headings, tables whose header repeats on each page,
 * SVG pictures drawn as vectors. The Marianne font of the DSFR (WOFF)
 * is embedded; Liberation Sans stands in if the DSFR package is missing.
 *
 * pdfmake's Printer is used directly rather than its singleton, so that fonts, the virtual
 * file system and the access policies (no URL, no local file) are this module's own.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Content, ContentText, Style, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Block, Cell, DocumentModel, Inline, TableRow } from "./model.js";
import { COLORS, estimatedLines, frenchSpaces, headingNumbers, isLabel, MAX_UNBROKEN_LINES } from "./render-common.js";

const require = createRequire(import.meta.url);

interface PdfKitDocument {
  on(event: "data", listener: (chunk: Buffer) => void): void;
  on(event: "end" | "error", listener: (arg?: unknown) => void): void;
  end(): void;
}
interface PdfPrinter {
  createPdfKitDocument(definition: TDocumentDefinitions, options?: object): Promise<PdfKitDocument>;
}
type PrinterClass = new (fonts: object, vfs: object, urlResolver: object, localAccessPolicy: (path: string) => boolean) => PdfPrinter;

const Printer = (require("pdfmake/js/Printer.js") as { default: PrinterClass }).default;
const URLResolver = (require("pdfmake/js/URLResolver.js") as { default: new (vfs: object) => { setUrlAccessPolicy(p: (url: string) => boolean): void } })
  .default;

/** No file is ever read through pdfmake's virtual file system; fonts are read from their files. */
const vfs = {
  existsSync: () => false,
  readFileSync: (name: string) => {
    throw new Error(`Fichier introuvable : ${name}`);
  },
  writeFileSync: () => {
    throw new Error("Aucun fichier ne peut être ajouté.");
  },
};

/**
 * The font files: Marianne (WOFF, read by fontkit) from the DSFR package, else Liberation Sans.
 * Paths, not buffers: pdfkit then caches each font once per document, SVG texts included.
 */
function findFonts(): { family: string; files: Record<"normal" | "bold" | "italics" | "bolditalics", string> } {
  try {
    const dir = dirname(require.resolve("@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Regular.woff"));
    const marianne = {
      normal: join(dir, "Marianne-Regular.woff"),
      bold: join(dir, "Marianne-Bold.woff"),
      italics: join(dir, "Marianne-Regular_Italic.woff"),
      bolditalics: join(dir, "Marianne-Bold_Italic.woff"),
    };
    if (Object.values(marianne).every((path) => existsSync(path))) return { family: "Marianne", files: marianne };
  } catch {
    // The DSFR package is missing: fall back to Liberation Sans below.
  }
  for (const dir of ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2"]) {
    const liberation = {
      normal: join(dir, "LiberationSans-Regular.ttf"),
      bold: join(dir, "LiberationSans-Bold.ttf"),
      italics: join(dir, "LiberationSans-Italic.ttf"),
      bolditalics: join(dir, "LiberationSans-BoldItalic.ttf"),
    };
    if (Object.values(liberation).every((path) => existsSync(path))) return { family: "Liberation Sans", files: liberation };
  }
  throw new Error("Aucune police disponible pour le PDF (ni Marianne ni Liberation Sans).");
}

const { family: FONT, files: FONT_FILES } = findFonts();
const FONT_PATHS = new Set(Object.values(FONT_FILES));
// SVG charts ask for « Marianne, Arial, sans-serif »: every family resolves to the same files.
const fonts = () => Object.fromEntries([FONT, "Marianne", "Arial", "sans-serif"].map((name) => [name, { ...FONT_FILES }]));


/** Characters Marianne lacks, replaced by the nearest one it has. */
const SUBSTITUTES: Record<string, string> = { "\u202f": "\u00a0", "\u2011": "-", "\u2010": "-", "\u2713": "✔", "\u25e6": "–", "\u25aa": "•" };
const clean = (value: string) => frenchSpaces(value).replace(/[\u202f\u2011\u2010\u2713\u25e6\u25aa]/g, (c) => SUBSTITUTES[c] ?? c);

const A4_WIDTH = 595.28;
const MARGINS: [number, number, number, number] = [56, 64, 56, 56];
const CONTENT_WIDTH = A4_WIDTH - MARGINS[0] - MARGINS[2];
const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * svg-to-pdfkit ignores `paint-order`: the white halo ECharts draws under data labels
 * (`paint-order="stroke"`) would cover their letters, so labels lose their halo in the PDF.
 */
export const svgForPdf = (svg: string) =>
  svg.replace(/<text\b[^>]*\bpaint-order="stroke"[^>]*>/g, (tag) => tag.replace(/\s(stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, ""));

/**
 * Text properties Clés never changes, at pdfmake's own defaults. For each piece of text it
 * measures, pdfmake looks up 23 properties, walking its whole style stack for each one the piece
 * does not set (and allocating as it goes). Set on every text node, with styles given as
 * properties rather than by name, the lookups stop at once: a 55-page PDF takes 5–15 % less
 * CPU, its pages identical to the pixel.
 */
const TEXT_DEFAULTS = {
  characterSpacing: 0,
  opacity: 1,
  sup: false,
  sub: false,
  noWrap: false,
  leadingIndent: 0,
  preserveLeadingSpaces: false,
  preserveTrailingSpaces: false,
} as const;

/** A text node (see `TEXT_DEFAULTS`). */
const text = (value: string, props: Omit<ContentText, "text"> = {}): ContentText => ({ text: value, ...TEXT_DEFAULTS, ...props });

/** The document's styles, given to each node as properties (see `TEXT_DEFAULTS`). */
const STYLES = {
  title: { fontSize: 22, bold: true, color: COLORS.blue, lineHeight: 1.1, margin: [0, 0, 0, 6] },
  subtitle: { fontSize: 13, margin: [0, 0, 0, 4] },
  note: { fontSize: 8.5, color: COLORS.grey },
  h1: { fontSize: 15, bold: true, color: COLORS.blue, margin: [0, 14, 0, 6] },
  h2: { fontSize: 12.5, bold: true, color: COLORS.blue, margin: [0, 10, 0, 4] },
  h3: { fontSize: 11, bold: true, color: COLORS.text, margin: [0, 8, 0, 3] },
  body: { margin: [0, 0, 0, 6], alignment: "left" },
  lead: { fontSize: 11.5, margin: [0, 0, 0, 8] },
  list: { margin: [0, 0, 0, 6] },
  caption: { bold: true, fontSize: 9.5, margin: [0, 2, 0, 4] },
  table: { fontSize: 8.5, lineHeight: 1.1 },
} satisfies Record<string, Style & { margin?: [number, number, number, number] }>;

function inline(run: Inline): ContentText | string {
  if ("lineBreak" in run) return "\n";
  const node = text(clean(run.text));
  if (run.bold) node.bold = true;
  if (run.italic) node.italics = true;
  if (run.underline) node.decoration = "underline";
  if (run.link && SAFE_LINK.test(run.link)) Object.assign(node, { link: run.link, color: COLORS.blue, decoration: "underline" });
  return node;
}
const inlines = (runs: Inline[]) => runs.map(inline);

function cell(value: Cell): TableCell {
  if (typeof value === "string") return text(clean(value));
  const lines = value.lines.map(clean);
  if (value.bullets && lines.length) return { ul: lines.map((line) => text(line)), bold: value.bold, markerColor: COLORS.blue } as TableCell;
  return text(lines.join("\n"), { bold: value.bold });
}

function row(r: TableRow, columns: number): TableCell[] {
  if ("band" in r) {
    const level = r.level ?? 1;
    const band: TableCell = { ...text(clean(r.band), { bold: true, color: COLORS.blue }), colSpan: columns, fillColor: level === 1 ? COLORS.band1 : COLORS.band2 };
    return [band, ...Array.from({ length: columns - 1 }, () => ({}) as TableCell)];
  }
  const cells = r.cells.slice(0, columns).map(cell);
  while (cells.length < columns) cells.push(text(""));
  return cells;
}

function table(b: Extract<Block, { type: "table" }>): Content {
  const total = b.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  // Paddings and rules take 2 × 4 pt per column.
  const widths = b.columns.map((c) => ((c.width ?? 1) / total) * (CONTENT_WIDTH - 8 * b.columns.length - 1));
  const header = b.columns.map((c) => ({ ...text(clean(c.header), { bold: true, color: "#ffffff" }), fillColor: COLORS.blue }));
  const body = [header, ...b.rows.map((r) => row(r, b.columns.length))];
  const shortRows = b.rows.every((r) => "band" in r || r.cells.every((c, i) => estimatedLines(c, widths[i] ?? 0) <= MAX_UNBROKEN_LINES));
  const content: Content[] = [];
  if (b.caption) content.push(text(clean(b.caption), STYLES.caption));
  content.push({
    // The header never ends a page alone; a row splits across pages only when it is too tall for one
    // (pdfmake would cut a row taller than a page that it may not split).
    table: { headerRows: 1, keepWithHeaderRows: shortRows ? 1 : 0, dontBreakRows: shortRows, widths, body },
    ...STYLES.table,
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => COLORS.border,
      vLineColor: () => COLORS.border,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
  });
  return { stack: content, margin: [0, 0, 0, 10] };
}

function block(b: Block, number: string | undefined): Content {
  switch (b.type) {
    case "heading":
      return text(number ? `${number} ${clean(b.text)}` : clean(b.text), { ...STYLES[`h${b.level}`], headlineLevel: b.level });
    case "paragraph":
      return { text: inlines(b.runs), ...STYLES[b.style && b.style !== "normal" ? b.style : "body"] };
    case "list":
      return {
        [b.ordered ? "ol" : "ul"]: b.items.map((item) => ({ text: inlines(item), margin: [0, 0, 0, 2] })),
        ...STYLES.list,
        markerColor: COLORS.blue,
      } as unknown as Content;
    case "quote":
      return {
        table: { widths: ["*"], body: [[{ text: inlines(b.runs), italics: true }]] },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 0 ? 3 : 0),
          vLineColor: () => COLORS.quoteBar,
          paddingLeft: () => 10,
        },
        margin: [0, 2, 0, 10],
      };
    case "table":
      return table(b);
    case "image": {
      const scale = Math.min(1, CONTENT_WIDTH / b.width);
      return { svg: svgForPdf(b.svg), width: b.width * scale, height: b.height * scale, margin: [0, 4, 0, 12], font: FONT } as Content;
    }
    case "pageBreak":
      return { text: "", pageBreak: "after" };
  }
}

/** A block short enough to move to the next page with the heading before it. */
const isShort = (b: Block) =>
  b.type === "paragraph" || b.type === "quote" || b.type === "image" || (b.type === "list" && b.items.length <= 6);

/** A heading, or a paragraph that introduces what follows (« Prochaines étapes : »). */
const leads = (b: Block) => b.type === "heading" || isLabel(b);

/**
 * The content, each heading or label (or run of them) kept on one page with the short block
 * after it, so that neither ends a page alone. (Cheaper than pdfmake's `pageBreakBefore`, which
 * lays the whole document out again for each break it adds.)
 */
function keepHeadingsWithNext(blocks: Block[], render: (b: Block, index: number) => Content): Content[] {
  const content: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (!leads(blocks[i]!)) {
      content.push(render(blocks[i]!, i));
      continue;
    }
    const group: Content[] = [];
    while (i < blocks.length && leads(blocks[i]!)) group.push(render(blocks[i]!, i++));
    if (i < blocks.length && isShort(blocks[i]!)) group.push(render(blocks[i]!, i));
    else i--;
    content.push({ stack: group, unbreakable: true });
  }
  return content;
}

/** The pdfmake document definition of the model (exported for tests and previews). */
export function pdfDefinition(model: DocumentModel): TDocumentDefinitions {
  const numbers = headingNumbers(model.blocks);
  const titleBlock: Content[] = [
    { canvas: [{ type: "rect", x: 0, y: 0, w: 40, h: 4, color: COLORS.blue }], margin: [0, 0, 0, 10] },
    text(clean(model.title), STYLES.title),
  ];
  if (model.subtitle) titleBlock.push(text(clean(model.subtitle), STYLES.subtitle));
  if (model.note) titleBlock.push(text(clean(model.note), STYLES.note));
  titleBlock.push({ canvas: [{ type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLORS.border }], margin: [0, 8, 0, 14] });
  return {
    pageSize: "A4",
    pageMargins: MARGINS,
    language: "fr-FR",
    info: { title: model.title, author: model.author, creator: "Clés", producer: "Clés", subject: model.subtitle ?? model.runningHeader },
    header: () => ({
      stack: [
        text(clean(model.runningHeader), { fontSize: 8, color: COLORS.grey }),
        { canvas: [{ type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLORS.border }], margin: [0, 4, 0, 0] },
      ],
      margin: [MARGINS[0], 28, MARGINS[2], 0],
    }),
    footer: (currentPage: number, pageCount: number) =>
      text(`Page ${currentPage} / ${pageCount}`, { alignment: "right", fontSize: 8, color: COLORS.grey, margin: [MARGINS[0], 20, MARGINS[2], 0] }),
    content: [...titleBlock, ...keepHeadingsWithNext(model.blocks, (b, i) => block(b, numbers.get(i)))],
    defaultStyle: { font: FONT, fontSize: 10, lineHeight: 1.25, color: COLORS.text },
  };
}

/** The document as a PDF file. */
export async function renderPdf(model: DocumentModel): Promise<Buffer> {
  const resolver = new URLResolver(vfs);
  resolver.setUrlAccessPolicy(() => false);
  const printer = new Printer(fonts(), vfs, resolver, (path) => FONT_PATHS.has(path));
  const doc = await printer.createPdfKitDocument(pdfDefinition(model));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
