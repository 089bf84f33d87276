import { describe, expect, it } from "vitest";
import type { SectionKind } from "../../api/reviews";
import { reviewOutline, sectionNumbers } from "./outline";

const s = (key: string, kind: SectionKind, title = key, hidden = false) => ({ key, kind, title, hidden });

describe("the outline of a review", () => {
  it("numbers the committees and gathers the fiches under « Déploiement du CLS », as the seed review", () => {
    const sections = [
      s("purpose", "purpose"),
      s("governance", "governance"),
      s("committee:1", "committee", "Comité technique du CLS"),
      s("action:1", "action", "FICHE ACTION 1 « Étude »"),
      s("action:6", "action", "FICHE ACTION 6 « Journée de la Santé »"),
      s("unmoved", "unmoved"),
      s("participation", "participation"),
      s("annexes", "annexes"),
    ];
    const parts = reviewOutline(sections);
    expect(parts.map((p) => [p.number, p.heading, p.items.map((i) => `${i.number}${i.section.key}`)])).toEqual([
      ["", null, ["purpose"]],
      ["", null, ["governance"]],
      ["1.", null, ["1.committee:1"]],
      ["2.", "Déploiement du CLS", ["a.action:1", "b.action:6", "c.unmoved", "d.participation"]],
      ["", null, ["annexes"]],
    ]);
    expect(sectionNumbers(sections).get("action:6")).toBe("2. b.");
    expect(sectionNumbers(sections).get("committee:1")).toBe("1.");
  });

  it("leaves hidden sections out of the numbering", () => {
    const numbers = sectionNumbers([s("committee:1", "committee", "COTECH", true), s("committee:2", "committee"), s("action:1", "action", "FA 1", true), s("action:2", "action")]);
    expect([...numbers]).toEqual([
      ["committee:2", "1."],
      ["action:2", "2. a."],
    ]);
  });

  it("keeps a free section between two fiches under its letter; elsewhere, a free section stands alone without number", () => {
    const parts = reviewOutline([s("free:a", "free"), s("action:1", "action"), s("free:b", "free"), s("action:2", "action"), s("free:c", "free")]);
    expect(parts.map((p) => [p.number, p.items.map((i) => `${i.number}${i.section.key}`)])).toEqual([
      ["", ["free:a"]],
      ["1.", ["a.action:1", "b.free:b", "c.action:2"]],
      ["", ["free:c"]],
    ]);
  });

  it("puts several committees under « Comités du trimestre »", () => {
    const parts = reviewOutline([s("committee:1", "committee"), s("committee:2", "committee"), s("action:1", "action")]);
    expect(parts.map((p) => [p.number, p.heading, p.items.map((i) => `${i.number}${i.section.key}`)])).toEqual([
      ["1.", "Comités du trimestre", ["committee:1", "committee:2"]],
      ["2.", "Déploiement du CLS", ["a.action:1"]],
    ]);
    expect(sectionNumbers([s("committee:1", "committee"), s("committee:2", "committee")]).get("committee:2")).toBe("1.");
  });

  it("letters past z as the exports do", () => {
    const numbers = sectionNumbers(Array.from({ length: 28 }, (_, i) => s(`action:${i}`, "action")));
    expect(numbers.get("action:25")).toBe("1. z.");
    expect(numbers.get("action:26")).toBe("1. a1.");
    expect(numbers.get("action:27")).toBe("1. b1.");
  });
});
