import { describe, expect, it } from "vitest";
import { blocksToPlainText, htmlToBlocks } from "./rich-text.js";

describe("htmlToBlocks", () => {
  it("turns paragraphs with marks, links and line breaks into runs", () => {
    const blocks = htmlToBlocks(`<p>Le <strong>COTECH</strong> du <em>12 octobre</em> a <u>validé</u> la <a href="https://example.org/fa5">fiche 5</a>.<br>Suite&nbsp;: l’ARS.</p>`);
    expect(blocks).toEqual([
      {
        type: "paragraph",
        runs: [
          { text: "Le " },
          { text: "COTECH", bold: true },
          { text: " du " },
          { text: "12 octobre", italic: true },
          { text: " a " },
          { text: "validé", underline: true },
          { text: " la " },
          { text: "fiche 5", link: "https://example.org/fa5" },
          { text: "." },
          { lineBreak: true },
          { text: "Suite\u00a0: l’ARS." },
        ],
      },
    ]);
  });

  it("nests marks (bold inside italic) and keeps b/i as bold/italic", () => {
    expect(htmlToBlocks("<p><em>très <b>important</b></em></p>")).toEqual([
      { type: "paragraph", runs: [{ text: "très ", italic: true }, { text: "important", italic: true, bold: true }] },
    ]);
  });

  it("maps h3 and h4 to level 3 headings, h2 to level 2", () => {
    expect(htmlToBlocks("<h2>Bilan</h2><h3>Axe 1</h3><h4>Détail</h4>")).toEqual([
      { type: "heading", level: 2, text: "Bilan" },
      { type: "heading", level: 3, text: "Axe 1" },
      { type: "heading", level: 3, text: "Détail" },
    ]);
  });

  it("reads lists, TipTap's <li><p> included, and flattens nested lists", () => {
    const blocks = htmlToBlocks("<ul><li><p>Un</p></li><li><p>Deux</p><ul><li><p>Deux bis</p></li></ul></li></ul><ol><li>Premier</li><li>Second</li></ol>");
    expect(blocks).toEqual([
      { type: "list", ordered: false, items: [[{ text: "Un" }], [{ text: "Deux" }], [{ text: "– " }, { text: "Deux bis" }]] },
      { type: "list", ordered: true, items: [[{ text: "Premier" }], [{ text: "Second" }]] },
    ]);
  });

  it("reads blockquotes, paragraphs inside separated by line breaks", () => {
    expect(htmlToBlocks("<blockquote><p>Première ligne</p><p>Seconde</p></blockquote>")).toEqual([
      { type: "quote", runs: [{ text: "Première ligne" }, { lineBreak: true }, { text: "Seconde" }] },
    ]);
  });

  it("collapses whitespace, drops empty paragraphs, unsafe links, scripts and comments", () => {
    const blocks = htmlToBlocks(`\n  <p>  deux   espaces\n ici </p><p> </p><p><br></p><!-- note --><script>alert(1)</script><p><a href="javascript:alert(1)">lien</a></p>`);
    expect(blocks).toEqual([
      { type: "paragraph", runs: [{ text: "deux espaces ici" }] },
      { type: "paragraph", runs: [{ text: "lien" }] },
    ]);
  });

  it("wraps loose text in a paragraph and accepts empty input", () => {
    expect(htmlToBlocks("Texte <strong>libre</strong>")).toEqual([{ type: "paragraph", runs: [{ text: "Texte " }, { text: "libre", bold: true }] }]);
    expect(htmlToBlocks("")).toEqual([]);
    expect(htmlToBlocks("   ")).toEqual([]);
  });

  it("decodes entities and keeps French typography", () => {
    expect(htmlToBlocks("<p>&laquo;&nbsp;Sant&eacute;&nbsp;&raquo; &amp; &lt;b&gt; – l’été…</p>")).toEqual([
      { type: "paragraph", runs: [{ text: "«\u00a0Santé\u00a0» & <b> – l’été…" }] },
    ]);
  });
});

describe("blocksToPlainText", () => {
  it("writes every block kind as text, numbering numbered level 1 headings", () => {
    const text = blocksToPlainText([
      { type: "heading", level: 1, text: "Contexte", numbered: true },
      { type: "paragraph", runs: [{ text: "Ligne" }, { lineBreak: true }, { text: "suite", bold: true }] },
      { type: "heading", level: 1, text: "Actions", numbered: true },
      { type: "list", ordered: true, items: [[{ text: "un" }], [{ text: "deux" }]] },
      { type: "list", ordered: false, items: [[{ text: "puce" }]] },
      { type: "quote", runs: [{ text: "cité" }] },
      { type: "table", caption: "Tableau", columns: [{ header: "A" }, { header: "B" }], rows: [{ band: "Axe 1" }, { cells: ["a1", { lines: ["x", "y"], bullets: true }] }] },
      { type: "image", svg: "<svg/>", width: 10, height: 10, alt: "Graphique" },
      { type: "pageBreak" },
    ]);
    expect(text).toBe(
      "1. Contexte\n\nLigne\nsuite\n\n2. Actions\n\n1. un\n2. deux\n\n- puce\n\n« cité »\n\nTableau\nA | B\nAxe 1\na1 | - x ; - y\n\n[Graphique]",
    );
  });

  it("round-trips rich text to plain text", () => {
    expect(blocksToPlainText(htmlToBlocks("<p>Bonjour <em>à tous</em></p><ul><li>un</li><li>deux</li></ul>"))).toBe("Bonjour à tous\n\n- un\n- deux");
  });
});
