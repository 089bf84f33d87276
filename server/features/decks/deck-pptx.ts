/**
 * A committee deck as a PowerPoint file (pptxgenjs, 16:9, DSFR-like: blue France
 * title bar, footer with the contract, slide numbers). Tables are already split by
 * the deck model: pptxgenjs' autoPage stays off.
 */
import type PptxGenJS from "pptxgenjs";
import type { Deck, DeckColumn, DeckRow, Slide } from "./deck.js";
import {
  BLUE_FRANCE,
  BLUE_LIGHT,
  BLUE_LIGHTER,
  CELL_MARGIN,
  CONTENT,
  CONTENT_WIDTH,
  DECK_FONT,
  FOOTER,
  GREY_BORDER,
  MARGIN_X,
  RED_MARIANNE,
  SLIDE,
  TABLE_FONT_PT,
  TITLE_BAR,
  titleSize,
} from "./layout.js";
import { measureHeader } from "./split.js";

type PptxSlide = ReturnType<PptxGenJS["addSlide"]>;
type TableCell = PptxGenJS.TableCell;
type TextRun = PptxGenJS.TextProps;

const font = { fontFace: DECK_FONT };
const GREY_TEXT = "3A3A3A";
const border = { type: "solid" as const, pt: 0.75, color: GREY_BORDER };

function header(slide: PptxSlide, section: string, title: string): void {
  if (section) slide.addText(section.toUpperCase(), { ...font, x: MARGIN_X, y: 0.12, w: CONTENT_WIDTH, h: 0.3, fontSize: 11, color: "CACAFB", bold: true, margin: 0 });
  slide.addText(title, { ...font, x: MARGIN_X, y: 0.42, w: CONTENT_WIDTH, h: 0.55, fontSize: titleSize(title), color: "FFFFFF", bold: true, margin: 0, fit: "shrink", valign: "middle" });
}

const runs = (paragraphs: string[], options: Partial<PptxGenJS.TextPropsOptions> = {}, boldFirst = false): TextRun[] =>
  paragraphs.map((text, i) => ({ text, options: { ...options, bold: boldFirst && i === 0 ? true : options.bold, breakLine: i < paragraphs.length - 1 } }));

function tableSlide(slide: PptxSlide, s: Extract<Slide, { kind: "table" }>): void {
  header(slide, s.section, s.title);
  const cellOptions = { ...font, fontSize: TABLE_FONT_PT, border, margin: CELL_MARGIN, valign: "top" as const, color: "161616" };
  const head: TableCell[] = s.columns.map((c: DeckColumn) => ({ text: c.header, options: { ...cellOptions, bold: true, color: "FFFFFF", fill: { color: BLUE_FRANCE }, valign: "middle" } }));
  const body: TableCell[][] = s.rows.map((r: DeckRow) =>
    r.kind === "band"
      ? [{ text: r.text, options: { ...cellOptions, bold: true, colspan: s.columns.length, fill: { color: r.level === 1 ? BLUE_LIGHT : BLUE_LIGHTER }, color: BLUE_FRANCE } }]
      : r.cells.map((cell, i) => ({ text: runs(cell.length ? cell : [""], {}, i === 0), options: cellOptions })),
  );
  // Rows grow to their text when drawn: the estimated heights only decided the split, the header keeps its own.
  const rowH = [measureHeader(s.columns), ...s.rows.map(() => 0.2)];
  slide.addTable([head, ...body], { x: MARGIN_X, y: CONTENT.top, w: CONTENT_WIDTH, colW: s.columns.map((c) => c.width), rowH, autoPage: false });
}

function timelineSlide(slide: PptxSlide, s: Extract<Slide, { kind: "timeline" }>): void {
  header(slide, s.section, s.title);
  const n = s.dates.length;
  const step = CONTENT_WIDTH / Math.max(1, n);
  const lineY = 3.6;
  slide.addShape("line", { x: MARGIN_X, y: lineY, w: CONTENT_WIDTH, h: 0, line: { color: BLUE_FRANCE, width: 2 } });
  s.dates.forEach((d, i) => {
    const cx = MARGIN_X + step * (i + 0.5);
    const color = d.when === "today" ? RED_MARIANNE : BLUE_FRANCE;
    slide.addShape("ellipse", { x: cx - 0.14, y: lineY - 0.14, w: 0.28, h: 0.28, fill: { color: d.when === "next" ? "FFFFFF" : color }, line: { color, width: 2 } });
    slide.addText(d.shown, { ...font, x: cx - step / 2, y: lineY - 0.75, w: step, h: 0.45, fontSize: 15, bold: true, color, align: "center", margin: 0 });
    slide.addText(d.label, { ...font, x: cx - step / 2 + 0.05, y: lineY + 0.3, w: step - 0.1, h: 1.6, fontSize: 13, color: GREY_TEXT, align: "center", valign: "top", margin: 0, fit: "shrink" });
    if (d.when !== "past") slide.addText(d.when === "today" ? "ce jour" : "à venir", { ...font, x: cx - step / 2, y: lineY - 1.1, w: step, h: 0.3, fontSize: 11, italic: true, color, align: "center", margin: 0 });
  });
}

function titleSlide(slide: PptxSlide, s: Extract<Slide, { kind: "title" }>): void {
  slide.addShape("rect", { x: 0, y: 0, w: SLIDE.width, h: 4.6, fill: { color: BLUE_FRANCE }, line: { color: BLUE_FRANCE, width: 0 } });
  slide.addShape("rect", { x: MARGIN_X, y: 4.6, w: 1.2, h: 0.08, fill: { color: RED_MARIANNE }, line: { color: RED_MARIANNE, width: 0 } });
  slide.addText(s.kicker.toUpperCase(), { ...font, x: MARGIN_X, y: 1.0, w: CONTENT_WIDTH, h: 0.5, fontSize: 20, bold: true, color: "CACAFB", margin: 0 });
  slide.addText(s.title, { ...font, x: MARGIN_X, y: 1.6, w: CONTENT_WIDTH, h: 1.6, fontSize: 40, bold: true, color: "FFFFFF", margin: 0, fit: "shrink", valign: "middle" });
  slide.addText(s.date, { ...font, x: MARGIN_X, y: 3.4, w: CONTENT_WIDTH, h: 0.6, fontSize: 22, color: "FFFFFF", margin: 0 });
  slide.addText(s.authority, { ...font, x: MARGIN_X, y: 5.0, w: CONTENT_WIDTH, h: 0.5, fontSize: 20, bold: true, color: BLUE_FRANCE, margin: 0 });
  slide.addText(s.contractName, { ...font, x: MARGIN_X, y: 5.55, w: CONTENT_WIDTH, h: 0.8, fontSize: 14, color: GREY_TEXT, margin: 0, valign: "top" });
}

/** The seed's « Ouverture par »: the person who opens the meeting, on a white slide of its own. */
function openingSlide(slide: PptxSlide, s: Extract<Slide, { kind: "opening" }>): void {
  slide.addShape("rect", { x: 0, y: 0, w: 0.25, h: SLIDE.height, fill: { color: BLUE_FRANCE }, line: { color: BLUE_FRANCE, width: 0 } });
  slide.addText(s.section.toUpperCase(), { ...font, x: MARGIN_X, y: 0.9, w: CONTENT_WIDTH, h: 0.4, fontSize: 12, bold: true, color: GREY_TEXT, margin: 0 });
  slide.addText(s.title.toUpperCase(), { ...font, x: MARGIN_X, y: 1.5, w: CONTENT_WIDTH, h: 0.5, fontSize: 20, bold: true, color: BLUE_FRANCE, margin: 0 });
  slide.addText(s.speaker, { ...font, x: MARGIN_X, y: 2.1, w: CONTENT_WIDTH, h: 0.9, fontSize: 36, bold: true, color: BLUE_FRANCE, margin: 0, fit: "shrink", valign: "middle" });
  slide.addShape("rect", { x: MARGIN_X, y: 3.15, w: 1.2, h: 0.08, fill: { color: RED_MARIANNE }, line: { color: RED_MARIANNE, width: 0 } });
  if (s.role) slide.addText(s.role, { ...font, x: MARGIN_X, y: 3.4, w: CONTENT_WIDTH, h: 1.2, fontSize: 18, color: GREY_TEXT, margin: 0, fit: "shrink", valign: "top" });
  slide.addText(s.authority, { ...font, x: MARGIN_X, y: 5.0, w: CONTENT_WIDTH, h: 0.5, fontSize: 20, bold: true, color: BLUE_FRANCE, margin: 0 });
  slide.addText(s.date, { ...font, x: MARGIN_X, y: 5.55, w: CONTENT_WIDTH, h: 0.5, fontSize: 14, color: GREY_TEXT, margin: 0, valign: "top" });
}

function signatoriesSlide(slide: PptxSlide, s: Extract<Slide, { kind: "signatories" }>): void {
  header(slide, "Ouverture", s.title);
  const columns = s.items.length > 4 ? 2 : 1;
  const perColumn = Math.ceil(s.items.length / columns);
  const width = CONTENT_WIDTH / columns;
  const rowHeight = Math.min(1.3, (CONTENT.bottom - CONTENT.top) / perColumn);
  s.items.forEach((item, i) => {
    const col = Math.floor(i / perColumn);
    const row = i % perColumn;
    const x = MARGIN_X + col * width;
    const y = CONTENT.top + row * rowHeight;
    slide.addShape("rect", { x, y: y + 0.08, w: 0.06, h: rowHeight - 0.25, fill: { color: BLUE_FRANCE }, line: { color: BLUE_FRANCE, width: 0 } });
    slide.addText(runs([item.organisation.toUpperCase(), ...item.people], { fontSize: 13, color: GREY_TEXT }, true), { ...font, x: x + 0.2, y, w: width - 0.4, h: rowHeight - 0.1, valign: "middle", margin: 0, fit: "shrink" });
  });
}

function listSlide(slide: PptxSlide, section: string, title: string, items: { title: string; detail: string }[], bullets: boolean): void {
  header(slide, section, title);
  const size = items.length > 8 ? 14 : 18;
  const text: TextRun[] = items.flatMap((item, i) => [
    { text: item.title, options: { fontSize: size, bold: !bullets, color: bullets ? GREY_TEXT : BLUE_FRANCE, bullet: bullets ? { code: "25A0" } : false, breakLine: true, paraSpaceBefore: i === 0 ? 0 : size * 0.6 } },
    ...(item.detail ? [{ text: item.detail, options: { fontSize: size - 4, color: "666666", breakLine: true, indentLevel: 0 } }] : []),
  ]);
  slide.addText(text, { ...font, x: MARGIN_X + 0.3, y: CONTENT.top + 0.1, w: CONTENT_WIDTH - 0.6, h: CONTENT.bottom - CONTENT.top - 0.2, valign: "top", margin: 0, fit: "shrink" });
}

/** The deck as a .pptx file. */
export async function deckPptx(deck: Deck): Promise<Buffer> {
  // Loaded on the first deck, not at start.
  const { default: Pptx } = await import("pptxgenjs");
  const pptx = new Pptx();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = deck.title;
  pptx.author = "Clés";
  pptx.company = "Clés — Contrats locaux de santé";
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
  const footer = { text: { text: deck.footer, options: { ...font, x: MARGIN_X, y: FOOTER.top, w: CONTENT_WIDTH - 1, h: FOOTER.height, fontSize: 9, color: "666666", margin: 0, valign: "middle" as const } } };
  const slideNumber = { x: SLIDE.width - MARGIN_X - 0.8, y: FOOTER.top, w: 0.8, h: FOOTER.height, fontFace: DECK_FONT, fontSize: 9, color: "666666", align: "right" as const };
  pptx.defineSlideMaster({
    title: "CONTENT",
    background: { color: "FFFFFF" },
    objects: [{ rect: { x: 0, y: 0, w: SLIDE.width, h: TITLE_BAR.height, fill: { color: BLUE_FRANCE } } }, footer],
    slideNumber,
  });
  pptx.defineSlideMaster({ title: "TITLE", background: { color: "FFFFFF" }, objects: [footer], slideNumber });

  for (const s of deck.slides) {
    const slide = pptx.addSlide({ masterName: s.kind === "title" || s.kind === "opening" ? "TITLE" : "CONTENT" });
    switch (s.kind) {
      case "title":
        titleSlide(slide, s);
        break;
      case "opening":
        openingSlide(slide, s);
        break;
      case "signatories":
        signatoriesSlide(slide, s);
        break;
      case "agenda":
        listSlide(slide, "", s.title, s.items, false);
        break;
      case "timeline":
        timelineSlide(slide, s);
        break;
      case "table":
        tableSlide(slide, s);
        break;
      case "bullets":
        listSlide(slide, s.section, s.title, s.items.map((title) => ({ title, detail: "" })), true);
        break;
    }
  }
  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}
