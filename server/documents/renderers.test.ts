import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { convertToPdf, pdfPages, pdfText } from "../testing/office.js";
import { sampleModel } from "../testing/document-samples.js";
import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import type { Block, DocumentModel } from "./model.js";
import { renderPdf } from "./pdf.js";

/** pdftotext keeps no-break spaces; the checks read them as spaces, and lines without their layout padding. */
const normalise = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/[ \t]+/g, " ");

/** Checks shared by the PDF made by pdfmake and the PDF LibreOffice makes of the DOCX. */
function expectSampleText(text: string) {
  const pages = pdfPages(text).map(normalise);
  const all = pages.join("\n");
  expect(all).toContain("Revue trimestrielle du CLS");
  expect(all).toContain("Contrat Local de Santé 2021-2023 — 3e trimestre 2021");
  expect(all).toContain("Version 2 publiée le 12/10/2021 par Marie Dupont");
  expect(all).toMatch(/1\. Synthèse du trimestre/);
  expect(all).toMatch(/2\. Indicateurs/);
  expect(all).toMatch(/3\. Tableau de suivi des actions/);
  expect(all).toContain("Élément après un saut de ligne : œuvre, Œdipe, « guillemets », l’apostrophe – tiret… points.");
  expect(all).toContain("Signature de l’avenant n° 2");
  expect(all).toContain("Diffuser la revue avant le 15/10");
  expect(all).toContain("Le suivi du processus de coordination sera réalisé");
  expect(all).toContain("Détail : <script>alert(1)</script>");
  expect(all).toContain("Axe 2 — Accès aux soins");
  expect(all).toContain("Objectif 6 : réduire les inégalités");
  expect(all).toContain("Taux de participation ≥ 59 %");
  for (const n of [1, 30, 31, 60]) expect(all).toMatch(new RegExp(`FA ${n} — Dépistage`));
  expect(all).toContain("Fin du document.");
  // The chart's texts are drawn as text (vector in the PDF, SVG or PNG in the DOCX).
  expect(pages.length).toBeGreaterThanOrEqual(4);
  pages.forEach((page, i) => {
    expect(page).toContain("CLS Melun Val de Seine — 3e trimestre 2021");
    expect(page).toContain(`Page ${i + 1} / ${pages.length}`);
  });
  // The table's header row is repeated on every page the table runs over.
  const tablePages = pages.filter((page) => /FA \d+ — Dépistage/.test(page));
  expect(tablePages.length).toBeGreaterThanOrEqual(2);
  for (const page of tablePages) expect(page).toContain("Fiche action");
}

describe("DOCX renderer", () => {
  let docx: Buffer;
  let zip: JSZip;
  beforeAll(async () => {
    docx = await renderDocx(sampleModel());
    zip = await JSZip.loadAsync(docx);
  });

  it("writes real Word styles, numbering definitions and metadata", async () => {
    const styles = await zip.file("word/styles.xml")!.async("string");
    for (const id of ["Title", "Heading1", "Heading2", "Heading3", "Quote", "Caption", "Note"]) expect(styles).toContain(`w:styleId="${id}"`);
    // The whole document is French, for Word's and LibreOffice's spelling check.
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="fr-FR"\/>.*<\/w:docDefaults>/s);
    const numbering = await zip.file("word/numbering.xml")?.async("string");
    expect(numbering).toBeDefined();
    expect(numbering).toContain('w:lvlText w:val="%1."');
    expect(numbering).toContain('w:numFmt w:val="bullet"');
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    // Numbered headings carry a numbering reference; « 1. » is not typed into their text.
    const heading1 = document.match(/<w:p>(?:(?!<\/w:p>).)*<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];
    expect(heading1).toHaveLength(3);
    for (const p of heading1) expect(p).toContain("<w:numPr>");
    expect(document).not.toContain("1. Synthèse");
    expect(document).toContain("<w:tblHeader/>");
    expect(document).toMatch(/<w:gridSpan w:val="4"\/>/);
    expect(document).toContain("asvg:svgBlip");
    expect(Object.keys(zip.files).filter((name) => name.startsWith("word/media/")).sort()).toEqual(["word/media/image1.png", "word/media/image1.svg"]);
    const header = await zip.file("word/header1.xml")!.async("string");
    expect(header).toContain("CLS Melun Val de Seine — 3e trimestre 2021");
    const footer = await zip.file("word/footer1.xml")!.async("string");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain("<dc:title>Revue trimestrielle du CLS</dc:title>");
    expect(core).toContain("<dc:creator>Marie Dupont</dc:creator>");
    // Word opens it without asking to update fields.
    const settings = await zip.file("word/settings.xml")!.async("string");
    expect(settings).not.toContain('<w:updateFields w:val="true"/>');
  });

  it("opens in LibreOffice, which prints every heading, number, row and the running header", async () => {
    const text = await pdfText(await convertToPdf(docx, "docx"));
    expectSampleText(text);
    // LibreOffice draws the chart from the SVG or its PNG fallback; no text is lost around it.
    expect(normalise(text)).toContain("2. Indicateurs");
  }, 120_000);
});

describe("DOCX and PDF numbering", () => {
  const ordered = (items: string[]): Block => ({ type: "list", ordered: true, items: items.map((t) => [{ text: t }]) });
  const model: DocumentModel = {
    title: "Numérotation",
    runningHeader: "En-tête",
    author: "Clés",
    blocks: [
      ordered(["un", "deux"]),
      { type: "paragraph", runs: [{ text: "entre" }] },
      ordered(["alpha", "bêta"]),
      { type: "heading", level: 1, text: "Premier", numbered: true },
      { type: "heading", level: 1, text: "Libre" },
      { type: "heading", level: 1, text: "Second", numbered: true },
    ],
  };
  const expectNumbers = (text: string) => {
    expect(text).toMatch(/1\. un\s+2\. deux\s+entre\s+1\. alpha\s+2\. bêta/);
    expect(text).toMatch(/1\. Premier\s+Libre\s+2\. Second/);
  };

  it("restarts each ordered list at 1 and numbers only the numbered level 1 headings, in Word", async () => {
    expectNumbers(normalise(await pdfText(await convertToPdf(await renderDocx(model), "docx"))));
  }, 120_000);

  it("does the same in the PDF", async () => {
    expectNumbers(normalise(await pdfText(await renderPdf(model))));
  });
});

describe("PDF renderer", () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderPdf(sampleModel());
  });

  it("is an A4 PDF with the title, numbered headings, accents, the table and the chart's labels", async () => {
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // A4 in points.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = await pdfText(pdf);
    expectSampleText(text);
    // The SVG chart is drawn with its texts (legend, reference lines) in the PDF font.
    expect(normalise(text)).toContain("Valeur de départ : 40 %");
    expect(normalise(text)).toContain("Date de la mesure");
  });

  it("keeps a label (« Prochaines étapes : ») on the page of the list it introduces, wherever the page ends", async () => {
    const filler = (n: number): Block[] => Array.from({ length: n }, (_, i) => ({ type: "paragraph", runs: [{ text: `Paragraphe ${i + 1} : une ligne de texte du compte rendu de la réunion.` }] }));
    const split: number[] = [];
    // Without the rule, the label ends page 1 alone after 25 paragraphs.
    for (let n = 22; n <= 28; n++) {
      const blocks: Block[] = [...filler(n), { type: "paragraph", runs: [{ text: "Prochaines étapes :" }] }, { type: "list", ordered: false, items: [[{ text: "Rencontre avec la CPAM" }], [{ text: "Diffusion du guide" }]] }];
      const pages = pdfPages(await pdfText(await renderPdf({ title: "Revue", runningHeader: "CLS", author: "Test", blocks }))).map(normalise);
      const label = pages.findIndex((page) => page.includes("Prochaines étapes :"));
      if (label !== pages.findIndex((page) => page.includes("Rencontre avec la CPAM"))) split.push(n);
    }
    expect(split).toEqual([]);
  }, 60_000);

  it("marks a label « keep with next » in Word too", async () => {
    const docx = await renderDocx({ title: "Revue", runningHeader: "CLS", author: "Test", blocks: [{ type: "paragraph", runs: [{ text: "Prochaines étapes :" }] }, { type: "paragraph", runs: [{ text: "Un texte : suivi d'une phrase." }] }] });
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    const paragraphs = xml.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)!.filter((p) => /Prochaines étapes|Un texte/.test(p));
    expect(paragraphs.map((p) => p.includes("<w:keepNext/>"))).toEqual([true, false]);
  });

  it("keeps a heading on the page of the block after it", async () => {
    const pages = pdfPages(await pdfText(pdf)).map(normalise);
    const indicators = pages.find((page) => page.includes("2. Indicateurs"))!;
    expect(indicators).toContain("Date de la mesure");
  });

  it("lets a row taller than a page run over several pages rather than cutting it", async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `Ligne ${i + 1} du compte rendu`);
    const model: DocumentModel = {
      title: "Compte rendu",
      runningHeader: "En-tête",
      author: "Clés",
      blocks: [{ type: "table", columns: [{ header: "Réunion" }, { header: "Notes", width: 3 }], rows: [{ cells: ["COPIL", { lines, bullets: true }] }, { cells: ["Suite", "fin"] }] }],
    };
    const text = normalise(await pdfText(await renderPdf(model)));
    for (const n of [1, 75, 150]) expect(text).toContain(`Ligne ${n} du compte rendu`);
    expect(text).toContain("Suite");
    const document = await (await JSZip.loadAsync(await renderDocx(model))).file("word/document.xml")!.async("string");
    // Word may split the tall row (no cantSplit on it), not the short one after it.
    expect(document.match(/<w:cantSplit\/>/g)).toHaveLength(2);
  });

  it("renders a model with no optional field and no block", async () => {
    const model: DocumentModel = { title: "Évaluation", runningHeader: "En-tête", author: "Clés", blocks: [] };
    const text = normalise(await pdfText(await renderPdf(model)));
    expect(text).toContain("Évaluation");
    expect(text).toContain("Page 1 / 1");
  });
});

describe("HTML renderer", () => {
  const html = renderHtml(sampleModel());

  it("is a complete French page, printable on A4, with numbered sections, tables and the chart inline", () => {
    expect(html.startsWith("<!doctype html>\n<html lang=\"fr\">")).toBe(true);
    expect(html).toContain("<title>Revue trimestrielle du CLS</title>");
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain("@media print");
    expect(html).toMatch(/<h2><span class="number">1\.<\/span> Synthèse du trimestre<\/h2>/);
    expect(html).toMatch(/<h2><span class="number">3\.<\/span> Tableau de suivi des actions<\/h2>/);
    expect(html).toContain("<h3>Faits marquants</h3>");
    expect(html).toContain('<thead><tr><th scope="col">Fiche action</th>');
    expect(html).toContain('<tr class="band band-1"><th colspan="4" scope="colgroup">Axe 1 — Prévention et promotion de la santé</th></tr>');
    expect(html.match(/<tr><td>/g)).toHaveLength(60);
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Évolution du taux de dépistage du cancer du sein"/);
    expect(html).toContain('<a href="https://www.iledefrance.ars.sante.fr/">site de l’ARS</a>');
    expect(html).toContain("<blockquote>");
    expect(html).toContain('<p class="note">Les données sont provisoires.</p>');
  });

  it("escapes every text: a <script> in the model is shown as text", () => {
    expect(html).toContain("<h4>Détail : &lt;script&gt;alert(1)&lt;/script&gt;</h4>");
    expect(html).not.toContain("<script");
    const hostile: DocumentModel = {
      title: "</title><script>alert(1)</script>",
      subtitle: '"><img src=x onerror=alert(1)>',
      runningHeader: "<b>en-tête</b>",
      author: 'Marie "Dupont"',
      blocks: [
        { type: "paragraph", runs: [{ text: "<iframe>", bold: true }, { text: "clic", link: "javascript:alert(1)" }] },
        { type: "table", columns: [{ header: "<th>" }], rows: [{ band: "<tr>" }, { cells: [{ lines: ["<li>"], bullets: true }] }] },
        { type: "image", svg: "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", width: 10, height: 10, alt: '" onload="alert(1)' },
      ],
    };
    const page = renderHtml(hostile);
    expect(page).not.toMatch(/<(script|iframe|img src=x)/);
    expect(page).not.toContain("javascript:");
    expect(page).toContain("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(page).toContain('<meta name="author" content="Marie &quot;Dupont&quot;">');
    expect(page).toContain("<strong>&lt;iframe&gt;</strong>clic");
    expect(page).toContain('alt="&quot; onload=&quot;alert(1)"');
    expect(page).toContain("<li>&lt;li&gt;</li>");
  });
});
