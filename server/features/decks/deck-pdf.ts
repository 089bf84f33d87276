/**
 * A committee deck as a landscape PDF, one page per slide (pdfmake, server side),
 * drawn like the PowerPoint: blue title bar, footer with the contract, page numbers.
 * Fonts: Liberation Sans (metrically compatible with Arial, which drives the table
 * splitting), read once from /usr/share/fonts into pdfmake's virtual file system.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Content, ContentCanvas, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { Deck, Slide } from "./deck.js";
import { BLUE_FRANCE, BLUE_LIGHT, BLUE_LIGHTER, CELL_MARGIN, CONTENT, CONTENT_WIDTH, FOOTER, GREY_BORDER, MARGIN_X, RED_MARIANNE, SLIDE, TABLE_FONT_PT, TITLE_BAR, titleSize } from "./layout.js";

const require = createRequire(import.meta.url);

interface PdfKitDocument {
  on(event: "data", listener: (chunk: Buffer) => void): void;
  on(event: "end" | "error", listener: (arg?: unknown) => void): void;
  end(): void;
}
type PrinterClass = new (fonts: object, vfs: object, urlResolver: object, localAccessPolicy: (path: string) => boolean) => { createPdfKitDocument(definition: TDocumentDefinitions): Promise<PdfKitDocument> };
// As in pdf.ts: pdfmake's Printer used directly, with this module's own fonts, file system and policies (no URL, no local file).
// Loaded on the first deck, not at start.
const pdfmake = () => ({
  Printer: (require("pdfmake/js/Printer.js") as { default: PrinterClass }).default,
  URLResolver: (require("pdfmake/js/URLResolver.js") as { default: new (vfs: object) => { setUrlAccessPolicy(p: (url: string) => boolean): void } }).default,
});

const FAMILY = "DeckSans";
const FONT_FILES = { normal: "LiberationSans-Regular.ttf", bold: "LiberationSans-Bold.ttf", italics: "LiberationSans-Italic.ttf", bolditalics: "LiberationSans-BoldItalic.ttf" } as const;
const FONT_DIRS = ["/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/liberation-sans"];

/** Liberation Sans, read once per process into a private virtual file system. */
const files = new Map<string, Buffer>();
const vfs = {
  existsSync: (name: string) => files.has(name),
  readFileSync: (name: string) => {
    const file = files.get(name);
    if (!file) throw new Error(`Police introuvable : ${name}`);
    return file;
  },
  writeFileSync: () => {
    throw new Error("Aucun fichier ne peut être ajouté.");
  },
};
let fonts: Record<string, Record<string, string>> | null = null;
function loadFonts(): Record<string, Record<string, string>> {
  if (fonts) return fonts;
  const dir = FONT_DIRS.find((d) => existsSync(join(d, FONT_FILES.normal)));
  if (!dir) throw new Error("Police Liberation Sans introuvable (paquet fonts-liberation) : le diaporama PDF ne peut pas être produit.");
  const family: Record<string, string> = {};
  for (const [variant, file] of Object.entries(FONT_FILES)) {
    files.set(`deck-${variant}`, readFileSync(join(dir, file)));
    family[variant] = `deck-${variant}`;
  }
  fonts = { [FAMILY]: family };
  return fonts;
}

const pt = (inches: number) => inches * 72;
const hex = (c: string) => `#${c}`;
const GREY_TEXT = "#3a3a3a";
const W = pt(SLIDE.width);
const H = pt(SLIDE.height);

/** Content placed at (x, y) inches, `width` inches wide (a one-column layout: a text's own width is not kept when positioned). */
const at = (x: number, y: number, width: number, content: Record<string, unknown>): Content => ({ absolutePosition: { x: pt(x), y: pt(y) }, columns: [{ ...content, width: pt(width) }] }) as Content;
const ORIGIN = { absolutePosition: { x: 0, y: 0 } };
const rect = (x: number, y: number, w: number, h: number, color: string): ContentCanvas => ({ ...ORIGIN, canvas: [{ type: "rect", x: pt(x), y: pt(y), w: pt(w), h: pt(h), color: hex(color) }] });

/** What is drawn behind a slide: bars, titles, the timeline. */
function background(s: Slide): Content[] {
  if (s.kind === "title") {
    return [
      rect(0, 0, SLIDE.width, 4.6, BLUE_FRANCE),
      rect(MARGIN_X, 4.6, 1.2, 0.08, RED_MARIANNE),
      at(MARGIN_X, 1.0, CONTENT_WIDTH, { text: s.kicker.toUpperCase(), fontSize: 20, bold: true, color: "#cacafb" }),
      at(MARGIN_X, 1.8, CONTENT_WIDTH, { text: s.title, fontSize: 40, bold: true, color: "#ffffff" }),
      at(MARGIN_X, 3.4, CONTENT_WIDTH, { text: s.date, fontSize: 22, color: "#ffffff" }),
      at(MARGIN_X, 5.0, CONTENT_WIDTH, { text: s.authority, fontSize: 20, bold: true, color: hex(BLUE_FRANCE) }),
      at(MARGIN_X, 5.55, CONTENT_WIDTH, { text: s.contractName, fontSize: 14, color: GREY_TEXT }),
    ];
  }
  if (s.kind === "opening") {
    return [
      rect(0, 0, 0.25, SLIDE.height, BLUE_FRANCE),
      at(MARGIN_X, 0.9, CONTENT_WIDTH, { text: s.section.toUpperCase(), fontSize: 12, bold: true, color: GREY_TEXT }),
      at(MARGIN_X, 1.5, CONTENT_WIDTH, { text: s.title.toUpperCase(), fontSize: 20, bold: true, color: hex(BLUE_FRANCE) }),
      at(MARGIN_X, 2.2, CONTENT_WIDTH, { text: s.speaker, fontSize: 36, bold: true, color: hex(BLUE_FRANCE) }),
      rect(MARGIN_X, 3.15, 1.2, 0.08, RED_MARIANNE),
      at(MARGIN_X, 3.4, CONTENT_WIDTH, { text: s.role, fontSize: 18, color: GREY_TEXT }),
      at(MARGIN_X, 5.0, CONTENT_WIDTH, { text: s.authority, fontSize: 20, bold: true, color: hex(BLUE_FRANCE) }),
      at(MARGIN_X, 5.55, CONTENT_WIDTH, { text: s.date, fontSize: 14, color: GREY_TEXT }),
    ];
  }
  const section = s.kind === "agenda" ? "" : s.kind === "signatories" ? "Ouverture" : s.section;
  const out: Content[] = [
    rect(0, 0, SLIDE.width, TITLE_BAR.height, BLUE_FRANCE),
    at(MARGIN_X, 0.14, CONTENT_WIDTH, { text: section.toUpperCase(), fontSize: 11, bold: true, color: "#cacafb" }),
    at(MARGIN_X, 0.48, CONTENT_WIDTH, { text: s.title, fontSize: titleSize(s.title), bold: true, color: "#ffffff" }),
  ];
  if (s.kind === "timeline") {
    const step = CONTENT_WIDTH / Math.max(1, s.dates.length);
    const lineY = 3.6;
    out.push({ ...ORIGIN, canvas: [{ type: "line", x1: pt(MARGIN_X), y1: pt(lineY), x2: pt(MARGIN_X + CONTENT_WIDTH), y2: pt(lineY), lineWidth: 2, lineColor: hex(BLUE_FRANCE) }] });
    s.dates.forEach((d, i) => {
      const cx = MARGIN_X + step * (i + 0.5);
      const color = hex(d.when === "today" ? RED_MARIANNE : BLUE_FRANCE);
      out.push({ ...ORIGIN, canvas: [{ type: "ellipse", x: pt(cx), y: pt(lineY), r1: 10, r2: 10, color: d.when === "next" ? "#ffffff" : color, lineColor: color, lineWidth: 2 }] });
      out.push(at(cx - step / 2, lineY - 0.65, step, { text: d.shown, fontSize: 15, bold: true, color, alignment: "center" }));
      out.push(at(cx - step / 2 + 0.05, lineY + 0.3, step - 0.1, { text: d.label, fontSize: 13, color: GREY_TEXT, alignment: "center" }));
      if (d.when !== "past") out.push(at(cx - step / 2, lineY - 1.0, step, { text: d.when === "today" ? "ce jour" : "à venir", fontSize: 11, color, alignment: "center" }));
    });
  }
  return out;
}

/** A cell as one text node (far fewer nodes for pdfmake to lay out than a stack of paragraphs). */
const cellText = (cell: string[], boldFirst: boolean): TableCell =>
  boldFirst && cell.length ? { text: [{ text: cell[0]!, bold: true }, ...(cell.length > 1 ? [`\n${cell.slice(1).join("\n")}`] : [])] } : { text: cell.join("\n") };

/** What flows on a slide's page: tables and lists. */
function content(s: Slide): Content {
  switch (s.kind) {
    case "title":
    case "opening":
    case "timeline":
      return { text: " " };
    case "table": {
      const n = s.columns.length;
      const head: TableCell[] = s.columns.map((c) => ({ text: c.header, bold: true, color: "#ffffff", fillColor: hex(BLUE_FRANCE) }));
      const body: TableCell[][] = s.rows.map((r) =>
        r.kind === "band"
          ? [{ text: r.text, bold: true, colSpan: n, color: hex(BLUE_FRANCE), fillColor: hex(r.level === 1 ? BLUE_LIGHT : BLUE_LIGHTER) }, ...Array.from({ length: n - 1 }, () => ({}))]
          : r.cells.map((cell, i) => cellText(cell, i === 0)),
      );
      return {
        table: { headerRows: 1, dontBreakRows: false, widths: s.columns.map((c) => pt(c.width) - pt(CELL_MARGIN[1] + CELL_MARGIN[3]) - 0.75), body: [head, ...body] },
        fontSize: TABLE_FONT_PT,
        layout: {
          hLineColor: () => hex(GREY_BORDER),
          vLineColor: () => hex(GREY_BORDER),
          hLineWidth: () => 0.75,
          vLineWidth: () => 0.75,
          paddingLeft: () => pt(CELL_MARGIN[3]),
          paddingRight: () => pt(CELL_MARGIN[1]),
          paddingTop: () => pt(CELL_MARGIN[0]),
          paddingBottom: () => pt(CELL_MARGIN[2]),
        },
      };
    }
    case "signatories":
      return {
        columns: [0, 1].map((col) => {
          const per = Math.ceil(s.items.length / 2);
          return {
            width: "*",
            stack: s.items.slice(col * per, col * per + per).map((item) => ({
              margin: [0, 6, 12, 10],
              table: { widths: [4, "*"], body: [[{ text: "", fillColor: hex(BLUE_FRANCE) }, { stack: [{ text: item.organisation.toUpperCase(), bold: true, fontSize: 13, color: GREY_TEXT }, ...item.people.map((p) => ({ text: p, fontSize: 13, color: GREY_TEXT }))] }]] },
              layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: (i: number) => (i === 0 ? 0 : 10), paddingRight: () => 0, paddingTop: () => 4, paddingBottom: () => 4 },
            })),
          };
        }),
      } as Content;
    case "agenda":
      return {
        stack: s.items.flatMap((item, i) => [
          { text: item.title, fontSize: 18, bold: true, color: hex(BLUE_FRANCE), margin: [20, i === 0 ? 8 : 14, 20, 0] },
          ...(item.detail ? [{ text: item.detail, fontSize: 14, color: "#666666", margin: [20, 2, 20, 0] }] : []),
        ]),
      } as Content;
    case "bullets":
      return { ul: s.items.map((t) => ({ text: t, margin: [0, 0, 0, 10] })), fontSize: 18, color: GREY_TEXT, margin: [20, 8, 20, 0] } as Content;
  }
}

/** The deck as a PDF file: one page per slide. */
export async function deckPdf(deck: Deck): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: { width: W, height: H },
    pageOrientation: "landscape",
    pageMargins: [pt(MARGIN_X), pt(CONTENT.top), pt(MARGIN_X), H - pt(CONTENT.bottom)],
    info: { title: deck.title, author: "Clés", creator: "Clés" },
    defaultStyle: { font: FAMILY, fontSize: 12, color: "#161616" },
    background: (page) => {
      const s = deck.slides[page - 1];
      return s ? background(s) : null;
    },
    footer: (page) => ({
      columns: [
        { text: deck.footer, fontSize: 9, color: "#666666" },
        { text: String(page), fontSize: 9, color: "#666666", alignment: "right", width: 60 },
      ],
      margin: [pt(MARGIN_X), pt(FOOTER.top - CONTENT.bottom) + 4, pt(MARGIN_X), 0],
    }),
    content: deck.slides.map((s, i) => ({ stack: [content(s)], ...(i > 0 ? { pageBreak: "before" as const } : {}) })),
  };
  const { Printer, URLResolver } = pdfmake();
  const resolver = new URLResolver(vfs);
  resolver.setUrlAccessPolicy(() => false);
  const doc = await new Printer(loadFonts(), vfs, resolver, () => false).createPdfKitDocument(definition);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
