import { describe, expect, it } from "vitest";
import { keptLocks, layoutOf, movePerson, placeOf, sameSeating, swapPeople, type Layout, type MoveContext } from "./tables-moves";

const names: Record<string, string> = { a: "Awa D.", b: "Bruno T.", c: "Chloé M.", d: "Driss K.", e: "Emma L.", f: "Farid B." };
const context = (locked: string[] = [], maxPerTable = 3): MoveContext => ({ maxPerTable, locked: new Set(locked), nameOf: (id) => names[id] ?? id });
const layout = (): Layout => ({ tables: [["a", "b", "c"], ["d", "e"]], unseated: ["f"] });
const everyone = (l: Layout) => [...l.tables.flat(), ...l.unseated].sort();

describe("movePerson", () => {
  it("moves a person to a table with room, keeping everyone exactly once", () => {
    const result = movePerson(layout(), "a", 1, context());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layout.tables).toEqual([["b", "c"], ["d", "e", "a"]]);
    expect(everyone(result.layout)).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(result.message).toBe("Awa D. passe à la table 2.");
  });

  it("seats an unseated person, and takes a person off the tables", () => {
    const seated = movePerson(layout(), "f", 1, context());
    expect(seated.ok && seated.layout).toEqual({ tables: [["a", "b", "c"], ["d", "e", "f"]], unseated: [] });
    const off = movePerson(layout(), "b", "unseated", context());
    expect(off.ok && off.layout).toEqual({ tables: [["a", "c"], ["d", "e"]], unseated: ["f", "b"] });
    expect(off.message).toBe("Bruno T. n'a plus de table.");
  });

  it("refuses a full table and leaves the layout as it was", () => {
    const before = layout();
    const result = movePerson(before, "d", 0, context());
    expect(result).toEqual({ ok: false, message: "La table 1 est complète (3 personnes) : échangez plutôt deux personnes." });
    expect(before).toEqual(layout());
  });

  it("refuses to move a person whose place is locked", () => {
    const result = movePerson(layout(), "a", 1, context(["a"]));
    expect(result.ok).toBe(false);
    expect(result.message).toContain("La place de Awa D. est fixée (table 1)");
  });

  it("refuses a move to the same place, to a table that does not exist, or of someone absent", () => {
    expect(movePerson(layout(), "d", 1, context()).ok).toBe(false);
    expect(movePerson(layout(), "f", "unseated", context()).message).toBe("Farid B. est déjà sans table.");
    expect(movePerson(layout(), "a", 2, context()).message).toBe("La table 3 n'existe pas.");
    expect(movePerson(layout(), "zz", 1, context()).ok).toBe(false);
  });
});

describe("swapPeople", () => {
  it("swaps two people of full tables, each taking the other's position", () => {
    const full: Layout = { tables: [["a", "b", "c"], ["d", "e", "f"]], unseated: [] };
    const result = swapPeople(full, "b", "e", context());
    expect(result.ok && result.layout).toEqual({ tables: [["a", "e", "c"], ["d", "b", "f"]], unseated: [] });
    expect(result.message).toBe("Bruno T. et Emma L. échangent leurs places : Bruno T. passe à la table 2, Emma L. passe à la table 1.");
  });

  it("swaps a seated person with an unseated one", () => {
    const result = swapPeople(layout(), "f", "a", context());
    expect(result.ok && result.layout).toEqual({ tables: [["f", "b", "c"], ["d", "e"]], unseated: ["a"] });
    expect(result.message).toContain("Awa D. n'a plus de table");
  });

  it("refuses people of the same table, and a locked one", () => {
    expect(swapPeople(layout(), "a", "b", context()).message).toBe("Awa D. et Bruno T. sont déjà à la même table.");
    const locked = swapPeople(layout(), "a", "d", context(["d"]));
    expect(locked.ok).toBe(false);
    expect(locked.message).toContain("Driss K.");
  });
});

describe("helpers", () => {
  it("finds where a person is", () => {
    expect(placeOf(layout(), "e")).toBe(1);
    expect(placeOf(layout(), "f")).toBe("unseated");
    expect(placeOf(layout(), "zz")).toBeNull();
  });

  it("keeps locks of seated people only", () => {
    expect(keptLocks(layout(), new Set(["a", "f", "e"]))).toEqual(["a", "e"]);
  });

  it("reads the server's tables and compares seatings regardless of order", () => {
    const view = { tables: [{ people: [{ id: "a" }, { id: "b" }] }, { people: [{ id: "c" }] }], unseated: [{ id: "d" }] };
    const l = layoutOf(view);
    expect(l).toEqual({ tables: [["a", "b"], ["c"]], unseated: ["d"] });
    expect(sameSeating(l, { tables: [["b", "a"], ["c"]], unseated: ["d"] })).toBe(true);
    expect(sameSeating(l, { tables: [["a"], ["c", "b"]], unseated: ["d"] })).toBe(false);
  });
});
