import { describe, expect, it } from "vitest";
import { ACCENTED, bestExcerpt, excerpt, fallbackOf, findMarks, fold, highlight, htmlToText, PLAIN, searchTerms } from "./text.js";

const words = (h: { text: string; marks: { start: number; end: number }[] }) => h.marks.map((m) => h.text.slice(m.start, m.end));

describe("fold", () => {
  it("lowers and strips accents one character for one", () => {
    expect(fold("Santé ÉVALUATION Ça")).toBe("sante evaluation ca");
    expect(fold("œuvre — 😀")).toHaveLength("œuvre — 😀".length);
    expect(ACCENTED).toHaveLength(PLAIN.length);
  });
});

describe("searchTerms and fallbackOf", () => {
  it("reads words as websearch does: no exclusions, no stop words, no « or »", () => {
    expect(searchTerms('"Octobre Rose" or CPAM -Melun de la').words).toEqual(["octobre", "rose", "cpam"]);
  });
  it("keeps an acronym as typed and searches it case included", () => {
    const t = searchTerms(" MAS ");
    expect(t.acronym).toBe("MAS");
    expect(fallbackOf(t)).toEqual({ kind: "like", pattern: "%MAS%" });
  });
  it("searches other queries as a folded substring, escaping LIKE's wildcards", () => {
    expect(fallbackOf(searchTerms("Santé 100%_"))).toEqual({ kind: "ilike", pattern: "%sante 100\\%\\_%" });
  });
  it("has no fallback for a short lower-case word or an exclusion", () => {
    expect(fallbackOf(searchTerms("de"))).toBeNull();
    expect(fallbackOf(searchTerms("mas"))).toBeNull();
    expect(fallbackOf(searchTerms("rose -melun"))).toBeNull();
  });
});

describe("findMarks and highlight", () => {
  it("marks words with or without accents, and longer forms of a long word", () => {
    expect(words(highlight("La santé des campagnes de vaccination", searchTerms("sante campagne vacciner")))).toEqual(["santé", "campagnes", "vaccination"]);
  });
  it("marks a short word only whole, and an acronym case included", () => {
    expect(words(highlight("MAS, masque et Damas", searchTerms("mas")))).toEqual(["MAS"]);
    expect(words(highlight("webinaire CAF/CPAM, cpam", searchTerms("CPAM")))).toEqual(["CPAM", "cpam"]);
  });
  it("merges neighbouring marks of a phrase", () => {
    expect(findMarks("Campagne Octobre Rose", searchTerms("Octobre Rose"))).toEqual([{ start: 9, end: 21 }]);
  });
});

describe("excerpt", () => {
  const long = `${"Début du texte. ".repeat(20)}Ici la Campagne Octobre Rose du territoire. ${"Suite du texte. ".repeat(20)}`;
  it("cuts around the first match between words, with ellipses and shifted marks", () => {
    const e = excerpt(long, searchTerms("octobre"), 120);
    expect(e.text.startsWith("… ")).toBe(true);
    expect(e.text.endsWith(" …")).toBe(true);
    expect(e.text.length).toBeLessThanOrEqual(124);
    expect(words(e)).toEqual(["Octobre"]);
  });
  it("keeps a short text whole, on one line", () => {
    expect(excerpt("Une\n  ligne", searchTerms("ligne"))).toEqual({ text: "Une ligne", marks: [{ start: 4, end: 9 }] });
  });
  it("takes the first field that matches, else the first that is filled", () => {
    const fields = [
      { label: "Vide", text: " " },
      { label: "Public", text: "Les femmes" },
      { label: "Description", text: "Octobre Rose" },
    ];
    expect(bestExcerpt(fields, searchTerms("rose"))?.field).toBe("Description");
    expect(bestExcerpt(fields, searchTerms("absent"))?.field).toBe("Public");
    expect(bestExcerpt([], searchTerms("rose"))).toBeNull();
  });
});

describe("htmlToText", () => {
  it("drops tags and decodes entities", () => {
    expect(htmlToText("<p>CAF &amp; CPAM&nbsp;: l&#39;avis</p><ul><li>un</li></ul>").replace(/\s+/g, " ")).toBe(" CAF & CPAM : l'avis un ");
  });
});
