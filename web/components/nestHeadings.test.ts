import { describe, expect, it } from "vitest";
import { nestedLevels, nestHeadings } from "./nestHeadings";

describe("rich text's headings nested under their section's title", () => {
  it("starts the text's headings one level below the title, keeping their depth", () => {
    expect(nestHeadings("<h3>Atelier</h3><p>Texte</p><h4>Séance</h4><h3>Sondage</h3>", 2)).toBe("<h3>Atelier</h3><p>Texte</p><h4>Séance</h4><h3>Sondage</h3>");
    expect(nestHeadings("<h3>Atelier</h3><p>Texte</p><h4>Séance</h4><h3>Sondage</h3>", 4)).toBe("<h5>Atelier</h5><p>Texte</p><h6>Séance</h6><h5>Sondage</h5>");
    expect(nestHeadings("<h3>Atelier</h3><h4>Séance</h4>", 1)).toBe("<h2>Atelier</h2><h3>Séance</h3>");
  });

  it("lifts an older draft's h4 alone to the level below the title", () => {
    expect(nestHeadings("<h4>Comité technique</h4><p>Réunion du 14 septembre 2021.</p><h4>Atelier</h4>", 3)).toBe("<h4>Comité technique</h4><p>Réunion du 14 septembre 2021.</p><h4>Atelier</h4>");
    expect(nestHeadings("<h4>Comité technique</h4><p>Réunion.</p>", 2)).toBe("<h3>Comité technique</h3><p>Réunion.</p>");
  });

  it("never skips a level, even when the text does, and stops at h6", () => {
    expect(nestedLevels([4, 3, 4], 2)).toEqual([3, 3, 4]);
    expect(nestedLevels([3, 5, 4], 2)).toEqual([3, 4, 4]);
    expect(nestedLevels([3, 4], 5)).toEqual([6, 6]);
    expect(nestedLevels([], 2)).toEqual([]);
  });

  it("keeps attributes, text and other tags as they are", () => {
    expect(nestHeadings('<h3 id="a">Le &lt;h3&gt; écrit</h3><ul><li>h3</li></ul><header>x</header><hr>', 3)).toBe('<h4 id="a">Le &lt;h3&gt; écrit</h4><ul><li>h3</li></ul><header>x</header><hr>');
    expect(nestHeadings("<p>Sans intertitre.</p>", 2)).toBe("<p>Sans intertitre.</p>");
    expect(nestHeadings("", 2)).toBe("");
  });
});
