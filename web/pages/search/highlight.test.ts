import { describe, expect, it } from "vitest";
import { pieces } from "./highlight";

describe("pieces", () => {
  it("cuts a text into plain and marked pieces", () => {
    expect(pieces("Campagne Octobre Rose", [{ start: 9, end: 21 }])).toEqual([
      { text: "Campagne ", marked: false },
      { text: "Octobre Rose", marked: true },
    ]);
  });
  it("keeps a text without marks whole, and an empty one empty", () => {
    expect(pieces("CPAM", [])).toEqual([{ text: "CPAM", marked: false }]);
    expect(pieces("", [{ start: 0, end: 3 }])).toEqual([]);
  });
  it("sorts marks, clips them to the text and drops overlaps and empty ones", () => {
    expect(pieces("la MAS et la CPAM", [{ start: 13, end: 99 }, { start: 3, end: 6 }, { start: 4, end: 5 }, { start: 8, end: 8 }])).toEqual([
      { text: "la ", marked: false },
      { text: "MAS", marked: true },
      { text: " et la ", marked: false },
      { text: "CPAM", marked: true },
    ]);
  });
  it("never turns markup in the text into anything but text", () => {
    expect(pieces("<b>x</b>", [{ start: 3, end: 4 }]).map((p) => p.text).join("")).toBe("<b>x</b>");
  });
});
