/**
 * The sanitised rich text the coordinator edits in TipTap (p, br, strong/b, em/i, u, ul, ol,
 * li, h3, h4, blockquote, a[href]) as blocks of the document model, and any blocks back as
 * plain text (for tests and e-mails). Unknown tags keep their text; nested lists are
 * flattened into their parent list, their items prefixed with « – ».
 */
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import type { Block, Cell, Inline } from "./model.js";

interface Marks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  link?: string;
}

const BLOCK_TAGS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "hr", "section", "article"]);
const SAFE_LINK = /^(https?:|mailto:)/i;

const isElement = (node: ChildNode): node is Element => node.type === "tag" || node.type === "script" || node.type === "style";
const isText = (node: ChildNode): node is ChildNode & { data: string } => node.type === "text";

function marksOf(element: Element, marks: Marks): Marks {
  switch (element.name) {
    case "strong":
    case "b":
      return { ...marks, bold: true };
    case "em":
    case "i":
      return { ...marks, italic: true };
    case "u":
      return { ...marks, underline: true };
    case "a": {
      const href = element.attribs.href?.trim();
      return href && SAFE_LINK.test(href) ? { ...marks, link: href } : marks;
    }
    default:
      return marks;
  }
}

/** The inline content of nodes, whitespace collapsed as a browser would. */
function inlines(nodes: ChildNode[], marks: Marks = {}, out: Inline[] = []): Inline[] {
  for (const node of nodes) {
    if (isText(node)) {
      const value = node.data.replace(/[ \t\r\n\f]+/g, " ");
      if (value) out.push({ text: value, ...marks });
    } else if (isElement(node)) {
      if (node.type !== "tag") continue;
      if (node.name === "br") out.push({ lineBreak: true });
      else if (node.name === "ul" || node.name === "ol") continue;
      else if (BLOCK_TAGS.has(node.name) || node.name === "li") {
        if (out.length > 0) out.push({ lineBreak: true });
        inlines(node.children, marks, out);
      } else inlines(node.children, marksOf(node, marks), out);
    }
  }
  return out;
}

const sameMarks = (a: Inline, b: Inline) =>
  "text" in a && "text" in b && !!a.bold === !!b.bold && !!a.italic === !!b.italic && !!a.underline === !!b.underline && a.link === b.link;

/** Merges neighbours with the same marks, trims spaces at line starts and ends, drops empty runs. */
function tidy(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if ("text" in run && last && "text" in last && sameMarks(last, run)) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push({ ...run });
  }
  for (let i = 0; i < merged.length; i++) {
    const run = merged[i]!;
    if (!("text" in run)) continue;
    const previous = merged[i - 1];
    const next = merged[i + 1];
    const atStart = !previous || "lineBreak" in previous || ("text" in previous && previous.text.endsWith(" "));
    if (atStart) run.text = run.text.replace(/^ +/, "");
    if (!next || "lineBreak" in next) run.text = run.text.replace(/ +$/, "");
  }
  const kept = merged.filter((run) => !("text" in run) || run.text !== "");
  while (kept.length && "lineBreak" in kept[0]!) kept.shift();
  while (kept.length && "lineBreak" in kept[kept.length - 1]!) kept.pop();
  return kept;
}

/** The items of a list, nested lists flattened after their parent item with a « – » prefix. */
function listItems(list: Element, depth: number, out: Inline[][]): Inline[][] {
  for (const child of list.children) {
    if (!isElement(child) || child.type !== "tag") continue;
    if (child.name === "li") {
      const runs = tidy(inlines(child.children));
      if (runs.length) out.push(depth > 0 ? [{ text: `${"– ".repeat(depth)}` }, ...runs] : runs);
      for (const nested of child.children) {
        if (isElement(nested) && (nested.name === "ul" || nested.name === "ol")) listItems(nested, depth + 1, out);
      }
    } else if (child.name === "ul" || child.name === "ol") listItems(child, depth + 1, out);
  }
  return out;
}

function headingLevel(name: string): 2 | 3 {
  return name === "h1" || name === "h2" ? 2 : 3;
}

const plain = (runs: Inline[]) => runs.map((r) => ("text" in r ? r.text : "\n")).join("");

/** Converts sanitised rich text (HTML) into model blocks. Empty or blank input gives no block. */
export function htmlToBlocks(html: string): Block[] {
  const document = parseDocument(html ?? "", { decodeEntities: true, lowerCaseTags: true });
  const blocks: Block[] = [];
  let loose: ChildNode[] = [];
  const flushLoose = () => {
    const runs = tidy(inlines(loose));
    if (runs.length) blocks.push({ type: "paragraph", runs });
    loose = [];
  };
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node) || !BLOCK_TAGS.has(node.name) || node.type !== "tag") {
        if (isElement(node) && node.type !== "tag") continue;
        loose.push(node);
        continue;
      }
      flushLoose();
      switch (node.name) {
        case "div":
        case "section":
        case "article":
          walk(node.children);
          flushLoose();
          break;
        case "ul":
        case "ol": {
          const items = listItems(node, 0, []);
          if (items.length) blocks.push({ type: "list", ordered: node.name === "ol", items });
          break;
        }
        case "blockquote": {
          const runs = tidy(inlines(node.children));
          if (runs.length) blocks.push({ type: "quote", runs });
          break;
        }
        case "hr":
          break;
        default:
          if (/^h[1-6]$/.test(node.name)) {
            const text = plain(tidy(inlines(node.children))).replace(/\n/g, " ").trim();
            if (text) blocks.push({ type: "heading", level: headingLevel(node.name), text });
          } else {
            const runs = tidy(inlines(node.children));
            if (runs.length) blocks.push({ type: "paragraph", runs });
          }
      }
    }
  };
  walk(document.children);
  flushLoose();
  return blocks;
}

const cellText = (cell: Cell) => (typeof cell === "string" ? cell : cell.lines.map((l) => (cell.bullets ? `- ${l}` : l)).join("\n"));

/** Blocks as plain text: one block per paragraph, blank lines between them, lists as « - » or « 1. ». */
export function blocksToPlainText(blocks: Block[]): string {
  const parts: string[] = [];
  let number = 0;
  for (const block of blocks) {
    switch (block.type) {
      case "heading":
        if (block.level === 1 && block.numbered) number += 1;
        parts.push(block.level === 1 && block.numbered ? `${number}. ${block.text}` : block.text);
        break;
      case "paragraph":
        parts.push(plain(block.runs));
        break;
      case "quote":
        parts.push(`« ${plain(block.runs)} »`);
        break;
      case "list":
        parts.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${plain(item)}`).join("\n"));
        break;
      case "table": {
        const lines = block.caption ? [block.caption] : [];
        lines.push(block.columns.map((c) => c.header).join(" | "));
        for (const row of block.rows) lines.push("band" in row ? row.band : row.cells.map((c) => cellText(c).replace(/\n/g, " ; ")).join(" | "));
        parts.push(lines.join("\n"));
        break;
      }
      case "image":
        parts.push(`[${block.alt}]`);
        break;
      case "pageBreak":
        break;
    }
  }
  return parts.join("\n\n");
}
