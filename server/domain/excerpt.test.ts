import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt.js";

describe("excerpt", () => {
  it("keeps a short text, and cuts a long one with « … » at the length asked", () => {
    expect(excerpt("Rencontre avec la CPAM")).toBe("Rencontre avec la CPAM");
    expect(excerpt("a".repeat(61))).toBe(`${"a".repeat(59)}…`);
    expect(excerpt("a".repeat(60))).toBe("a".repeat(60));
    expect(excerpt("abcdef", 4)).toBe("abc…");
    expect(excerpt(`Élaboration d'un diagnostic partagé — « ${"é".repeat(80)} »`, 50)).toBe(`Élaboration d'un diagnostic partagé — « ${"é".repeat(9)}…`);
    // A combining accent right after the cut joins the last letter kept whole: counted as one.
    expect(excerpt(`${"a".repeat(59)}e\u0301`)).toBe(`${"a".repeat(59)}e\u0301`);
    expect(excerpt(`${"a".repeat(59)}\r\n`)).toBe(`${"a".repeat(59)}\r\n`);
  });

  it("never splits an emoji or a letter with its accent: the excerpt stays valid text that JSON and PostgreSQL accept", () => {
    // 40 emojis are 80 UTF-16 units but 40 characters: kept whole.
    expect(excerpt("😀".repeat(40))).toBe("😀".repeat(40));
    expect(excerpt(`x${"😀".repeat(70)}`)).toBe(`x${"😀".repeat(58)}…`);
    expect(excerpt("👩‍⚕️".repeat(70))).toBe(`${"👩‍⚕️".repeat(59)}…`);
    expect(excerpt("e\u0301".repeat(61))).toBe(`${"e\u0301".repeat(59)}…`);
    // The fuzz's case: a cut in the middle of an emoji left half of it, which PostgreSQL refused in the history's JSON.
    const loneHalf = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(loneHalf.test(excerpt("😀".repeat(29) + "x".repeat(40)))).toBe(false);
  });
});
