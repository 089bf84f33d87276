/**
 * The document model as an editable Word file (docx 9): real styles (Title, Heading 1-3, Quote,
 * Caption…), numbered level 1 headings and lists through numbering definitions, tables whose
 * header row repeats on each page, the running header and « Page X / Y » in the footer, A4.
 * Pictures are SVG with a PNG fallback (rasterised with resvg) for applications without SVG.
 *
 * Font: Arial (Marianne is seldom installed where Word documents are edited; LibreOffice shows
 * Arial as the metric-compatible Liberation Sans).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from "docx";
import type { Block, Cell, DocumentModel, Inline, TableRow as ModelRow } from "./model.js";
import { COLORS, estimatedLines, frenchSpaces as fr, isLabel, MAX_UNBROKEN_LINES, svgToPng } from "./render-common.js";

const FONT = "Arial";
const hex = (color: string) => color.replace("#", "").toUpperCase();
const BLUE = hex(COLORS.blue);
const GREY = hex(COLORS.grey);
const BORDER = hex(COLORS.border);

/** A4 in twips, 2 cm margins (2.5 cm top and bottom for the header and footer). */
const PAGE = { width: 11906, height: 16838, side: 1134, top: 1418, bottom: 1276 };
const CONTENT_TWIPS = PAGE.width - 2 * PAGE.side;
const SAFE_LINK = /^(https?:|mailto:)/i;

const NUMBERING = { headings: "cles-headings", bullets: "cles-bullets", ordered: "cles-ordered", cellBullets: "cles-cell-bullets" } as const;

const paragraphStyles: IParagraphStyleOptions[] = [
  { id: "Normal", name: "Normal", quickFormat: true, run: { font: FONT, size: 20, color: hex(COLORS.text) }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
  {
    id: "Title",
    name: "Title",
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { size: 44, bold: true, color: BLUE },
    paragraph: { spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO } },
  },
  { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 26 }, paragraph: { spacing: { after: 80 } } },
  {
    id: "Heading1",
    name: "heading 1",
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { size: 30, bold: true, color: BLUE },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: 360, after: 120, line: 240, lineRule: LineRuleType.AUTO }, outlineLevel: 0 },
  },
  {
    id: "Heading2",
    name: "heading 2",
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { size: 25, bold: true, color: BLUE },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 80, line: 240, lineRule: LineRuleType.AUTO }, outlineLevel: 1 },
  },
  {
    id: "Heading3",
    name: "heading 3",
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { size: 22, bold: true },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: 160, after: 60, line: 240, lineRule: LineRuleType.AUTO }, outlineLevel: 2 },
  },
  { id: "Lead", name: "Chapô", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 23 }, paragraph: { spacing: { after: 160 } } },
  { id: "Note", name: "Note", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 17, color: GREY } },
  {
    id: "Quote",
    name: "Quote",
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { italics: true },
    paragraph: { indent: { left: 284 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: hex(COLORS.quoteBar), space: 8 } } },
  },
  { id: "Caption", name: "caption", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 19, bold: true }, paragraph: { keepNext: true, spacing: { before: 120, after: 80 } } },
  { id: "TableText", name: "Texte de tableau", basedOn: "Normal", quickFormat: true, run: { size: 17 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
  { id: "ListParagraph", name: "List Paragraph", basedOn: "Normal", quickFormat: true, paragraph: { spacing: { after: 60 } } },
  { id: "Header", name: "header", basedOn: "Normal", run: { size: 16, color: GREY } },
  { id: "Footer", name: "footer", basedOn: "Normal", run: { size: 16, color: GREY } },
];

const bulletLevels = (indent: number, hanging: number): ILevelsOptions[] =>
  ["•", "–", "▪"].map((text, level) => ({
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: indent * (level + 1), hanging } }, run: { color: BLUE } },
  }));

const numbering = {
  config: [
    {
      reference: NUMBERING.headings,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, suffix: LevelSuffix.SPACE }],
    },
    { reference: NUMBERING.bullets, levels: bulletLevels(567, 283) },
    { reference: NUMBERING.cellBullets, levels: bulletLevels(227, 170) },
    {
      reference: NUMBERING.ordered,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 340 } } } }],
    },
  ],
};

function runs(inlines: Inline[], base: { bold?: boolean } = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let pendingBreak = 0;
  for (const run of inlines) {
    if ("lineBreak" in run) {
      pendingBreak += 1;
      continue;
    }
    const linked = run.link && SAFE_LINK.test(run.link);
    const text = new TextRun({
      text: fr(run.text),
      bold: run.bold || base.bold,
      italics: run.italic,
      underline: run.underline || linked ? {} : undefined,
      color: linked ? BLUE : undefined,
      break: pendingBreak || undefined,
    });
    pendingBreak = 0;
    children.push(linked ? new ExternalHyperlink({ link: run.link!, children: [text] }) : text);
  }
  if (pendingBreak) children.push(new TextRun({ break: pendingBreak }));
  return children;
}

function cellParagraphs(cell: Cell): Paragraph[] {
  if (typeof cell === "string") {
    const lines = cell.split("\n");
    return [new Paragraph({ style: "TableText", children: lines.map((line, i) => new TextRun({ text: fr(line), break: i > 0 ? 1 : undefined })) })];
  }
  if (cell.lines.length === 0) return [new Paragraph({ style: "TableText" })];
  return cell.lines.map(
    (line) =>
      new Paragraph({
        style: "TableText",
        numbering: cell.bullets ? { reference: NUMBERING.cellBullets, level: 0 } : undefined,
        children: [new TextRun({ text: fr(line), bold: cell.bold })],
      }),
  );
}

const CELL_MARGINS = { top: 40, bottom: 40, left: 85, right: 85 };

function tableRow(row: ModelRow, widths: number[]): TableRow {
  if ("band" in row) {
    const level = row.level ?? 1;
    return new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          columnSpan: widths.length,
          width: { size: CONTENT_TWIPS, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: hex(level === 1 ? COLORS.band1 : COLORS.band2) },
          margins: CELL_MARGINS,
          children: [new Paragraph({ style: "TableText", keepNext: true, children: [new TextRun({ text: fr(row.band), bold: true, color: BLUE })] })],
        }),
      ],
    });
  }
  const cells = row.cells.slice(0, widths.length);
  while (cells.length < widths.length) cells.push("");
  return new TableRow({
    cantSplit: cells.every((cell, i) => estimatedLines(cell, widths[i]! / 20) <= MAX_UNBROKEN_LINES),
    children: cells.map((cell, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, margins: CELL_MARGINS, children: cellParagraphs(cell) })),
  });
}

function table(block: Extract<Block, { type: "table" }>): (Paragraph | Table)[] {
  const total = block.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const widths = block.columns.map((c) => Math.floor(((c.width ?? 1) / total) * CONTENT_TWIPS));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: BLUE },
          margins: CELL_MARGINS,
          children: [new Paragraph({ style: "TableText", children: [new TextRun({ text: fr(c.header), bold: true, color: "FFFFFF" })] })],
        }),
    ),
  });
  const line = { style: BorderStyle.SINGLE, size: 4, color: BORDER };
  const result: (Paragraph | Table)[] = [];
  if (block.caption) result.push(new Paragraph({ style: "Caption", text: fr(block.caption) }));
  result.push(
    new Table({
      width: { size: CONTENT_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [header, ...block.rows.map((r) => tableRow(r, widths))],
    }),
  );
  // Word needs a paragraph between two tables, and it gives air after the table.
  result.push(new Paragraph({ spacing: { after: 60 } }));
  return result;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** Points to the pixels (96 dpi) docx sizes pictures in. */
const px = (pt: number) => Math.round((pt * 96) / 72);

function blockElements(block: Block, listIndex: () => number): (Paragraph | Table)[] {
  switch (block.type) {
    case "heading":
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          numbering: block.level === 1 && block.numbered ? { reference: NUMBERING.headings, level: 0 } : undefined,
          children: [new TextRun(fr(block.text))],
        }),
      ];
    case "paragraph":
      // A label (« Prochaines étapes : ») stays on the page of what it introduces.
      return [new Paragraph({ style: block.style === "lead" ? "Lead" : block.style === "note" ? "Note" : undefined, keepNext: isLabel(block) || undefined, children: runs(block.runs) })];
    case "list": {
      const instance = block.ordered ? listIndex() : 0;
      return block.items.map(
        (item) =>
          new Paragraph({
            style: "ListParagraph",
            numbering: block.ordered ? { reference: NUMBERING.ordered, level: 0, instance } : { reference: NUMBERING.bullets, level: 0 },
            children: runs(item),
          }),
      );
    }
    case "quote":
      return [new Paragraph({ style: "Quote", children: runs(block.runs) })];
    case "table":
      return table(block);
    case "image": {
      const maxPt = CONTENT_TWIPS / 20;
      const scale = Math.min(1, maxPt / block.width);
      const width = block.width * scale;
      const height = block.height * scale;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 80, after: 160 },
          children: [
            new ImageRun({
              type: "svg",
              data: Buffer.from(block.svg, "utf8"),
              fallback: { type: "png", data: svgToPng(block.svg, width) },
              transformation: { width: px(width), height: px(height) },
              altText: { name: block.alt.slice(0, 100), title: block.alt, description: block.alt },
            }),
          ],
        }),
      ];
    }
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The document as a .docx file. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  let lists = 0;
  const listIndex = () => ++lists;
  const titleBlock: Paragraph[] = [new Paragraph({ style: "Title", children: [new TextRun(fr(model.title))] })];
  if (model.subtitle) titleBlock.push(new Paragraph({ style: "Subtitle", children: [new TextRun(fr(model.subtitle))] }));
  if (model.note) titleBlock.push(new Paragraph({ style: "Note", children: [new TextRun(fr(model.note))] }));
  titleBlock.push(new Paragraph({ spacing: { after: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: BORDER, space: 4 } } }));

  const document = new Document({
    creator: model.author,
    lastModifiedBy: model.author,
    title: model.title,
    subject: model.subtitle ?? model.runningHeader,
    description: model.note,
    // Marked French, so that Word and LibreOffice check the spelling in French.
    styles: { default: { document: { run: { font: FONT, size: 20, language: { value: "fr-FR" } } } }, paragraphStyles },
    numbering,
    features: { updateFields: false },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: 567, footer: 567 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: "Header",
                border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: BORDER, space: 4 } },
                children: [new TextRun(fr(model.runningHeader))],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ style: "Footer", alignment: AlignmentType.RIGHT, children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [...titleBlock, ...model.blocks.flatMap((b) => blockElements(b, listIndex))],
      },
    ],
  });
  return Packer.toBuffer(document);
}
