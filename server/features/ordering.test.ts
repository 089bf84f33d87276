import { describe, expect, it } from "vitest";
import { nextNumber, orderError, renumber } from "./ordering.js";

describe("ordering", () => {
  it("accepts a permutation of the current ids", () => {
    expect(orderError(["a", "b", "c"], ["c", "a", "b"])).toBeNull();
  });
  it("refuses a list with a missing, unknown or repeated id", () => {
    expect(orderError(["a", "b"], ["a"])).toMatch(/exactement/);
    expect(orderError(["a", "b"], ["a", "z"])).toMatch(/exactement/);
    expect(orderError(["a", "b"], ["a", "a"])).toMatch(/deux fois/);
  });
  it("renumbers 1..n and lists only the numbers that change", () => {
    const current = new Map([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(renumber(current, ["a", "c", "b"])).toEqual([
      { id: "c", number: 2 },
      { id: "b", number: 3 },
    ]);
  });
  it("gives the next free number", () => {
    expect(nextNumber([])).toBe(1);
    expect(nextNumber([1, 4, 2])).toBe(5);
  });
});
