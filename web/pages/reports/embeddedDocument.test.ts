import { describe, expect, it } from "vitest";
import { embeddedDocument } from "./embeddedDocument";

describe("a generated document inside the page's preview frame", () => {
  it("has no landmark of its own: header and main become div, their attributes kept", () => {
    const html = '<body>\n<div class="running-header">CLS — Bilan 2021</div>\n<header class="title">\n<h1>Bilan annuel 2021</h1>\n</header>\n<main>\n<h2>Gouvernance</h2>\n</main>\n</body>';
    expect(embeddedDocument(html)).toBe('<body>\n<div class="running-header">CLS — Bilan 2021</div>\n<div class="title">\n<h1>Bilan annuel 2021</h1>\n</div>\n<div>\n<h2>Gouvernance</h2>\n</div>\n</body>');
    expect(embeddedDocument("<nav aria-label=\"Sommaire\"><a href=\"#a\">A</a></nav><aside>x</aside><footer>y</footer>")).toBe('<div aria-label="Sommaire"><a href="#a">A</a></div><div>x</div><div>y</div>');
  });

  it("leaves other tags and the escaped text alone", () => {
    const html = '<thead><tr><th scope="col">Réunion</th></tr></thead><p>Le &lt;main&gt; et la <mark>headline</mark></p><div class="header">z</div>';
    expect(embeddedDocument(html)).toBe(html);
  });
});
