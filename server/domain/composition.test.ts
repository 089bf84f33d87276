import { describe, expect, it } from "vitest";
import { composeTables, mulberry32, scoreTables, type Registrant } from "./composition.js";

/** 18 registrants with real imbalance: 13 women and 5 men, three people of one household (h1), a couple (h2). */
const workshop: Registrant[] = [
  { id: "w1", gender: "F", ageBand: "18-25", commune: "Melun", qpv: "Montaigu", category: "étudiante", household: "h1" },
  { id: "w2", gender: "F", ageBand: "41-60", commune: "Melun", qpv: "Montaigu", category: "employée", household: "h1" },
  { id: "m1", gender: "M", ageBand: "41-60", commune: "Melun", qpv: "Montaigu", category: "ouvrier", household: "h1" },
  { id: "w3", gender: "F", ageBand: "61-75", commune: "Dammarie-lès-Lys", qpv: "", category: "retraitée", household: "h2" },
  { id: "m2", gender: "M", ageBand: "61-75", commune: "Dammarie-lès-Lys", qpv: "", category: "retraité", household: "h2" },
  { id: "w4", gender: "F", ageBand: "26-40", commune: "Le Mée-sur-Seine", qpv: "non", category: "employée" },
  { id: "w5", gender: "F", ageBand: "26-40", commune: "Melun", qpv: "Schuman", category: "sans emploi" },
  { id: "w6", gender: "F", ageBand: "41-60", commune: "Vaux-le-Pénil", qpv: "", category: "cadre" },
  { id: "w7", gender: "F", ageBand: "41-60", commune: "Melun", qpv: "", category: "employée" },
  { id: "w8", gender: "F", ageBand: "61-75", commune: "Melun", qpv: "Schuman", category: "retraitée" },
  { id: "w9", gender: "F", ageBand: "75+", commune: "Le Mée-sur-Seine", qpv: "oui", category: "retraitée" },
  { id: "w10", gender: "F", ageBand: "26-40", commune: "Dammarie-lès-Lys", qpv: "", category: "" },
  { id: "w11", gender: "F", ageBand: "18-25", commune: "Melun", qpv: "Montaigu", category: "sans emploi" },
  { id: "w12", gender: "F", ageBand: "", commune: "Savigny-le-Temple", qpv: "", category: "employée" },
  { id: "w13", gender: "F", ageBand: "41-60", commune: "Melun", qpv: "", category: "cadre" },
  { id: "m3", gender: "M", ageBand: "26-40", commune: "Melun", qpv: "Schuman", category: "employé" },
  { id: "m4", gender: "M", ageBand: "18-25", commune: "", qpv: "", category: "étudiant" },
  { id: "m5", gender: "M", ageBand: "75+", commune: "Vaux-le-Pénil", qpv: "", category: "retraité" },
];

const byId = new Map(workshop.map((p) => [p.id, p]));
const count = (table: string[], test: (p: Registrant) => boolean) => table.filter((id) => test(byId.get(id)!)).length;

function expectEveryoneOnce(tables: string[][], people: Registrant[]): void {
  const seated = tables.flat();
  expect(seated).toHaveLength(people.length);
  expect(new Set(seated)).toEqual(new Set(people.map((p) => p.id)));
}

/** A uniformly random seating with the same table sizes (a seeded shuffle cut into tables). */
function randomSeating(ids: string[], sizes: number[], random: () => number): string[][] {
  const shuffled = [...ids];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  let at = 0;
  return sizes.map((size) => shuffled.slice(at, (at += size)));
}

describe("composeTables", () => {
  it("seats everyone exactly once, never above the maximum, in tables as even as possible", () => {
    const result = composeTables(workshop, { maxPerTable: 6 });
    expect(result.tables.map((t) => t.length)).toEqual([6, 6, 6]);
    expectEveryoneOnce(result.tables, workshop);

    const seventeen = composeTables(workshop.slice(1), { maxPerTable: 6, tables: 4 });
    expect(seventeen.tables.map((t) => t.length).sort()).toEqual([4, 4, 4, 5]);
    expectEveryoneOnce(seventeen.tables, workshop.slice(1));
    expect(composeTables(workshop, { maxPerTable: 5 }).tables.map((t) => t.length)).toEqual([5, 5, 4, 4]);
  });

  it("spreads 13 women and 5 men over three tables: 4 or 5 women and 1 or 2 men at each", () => {
    const { tables } = composeTables(workshop, { maxPerTable: 6, seed: 7 });
    for (const table of tables) {
      expect(count(table, (p) => p.gender === "M")).toBeGreaterThanOrEqual(1);
      expect(count(table, (p) => p.gender === "M")).toBeLessThanOrEqual(2);
    }
  });

  it("seats the three people of one household (and a couple) at different tables", () => {
    const result = composeTables(workshop, { maxPerTable: 6 });
    for (const table of result.tables) {
      expect(count(table, (p) => p.household === "h1")).toBe(1);
      expect(count(table, (p) => p.household === "h2")).toBeLessThanOrEqual(1);
    }
    expect(result.scores.map((s) => s.householdClashes)).toEqual([0, 0, 0]);
  });

  it("keeps household clashes to the minimum when a household is larger than the table count", () => {
    const people = workshop.map((p, i) => (i < 4 ? { ...p, household: "big" } : { ...p, household: null }));
    const result = composeTables(people, { maxPerTable: 6 });
    // Four people of one household at three tables: one pair must share a table, no more.
    expect(result.scores.reduce((sum, s) => sum + s.householdClashes, 0)).toBe(1);
  });

  it("is deterministic: same people, options and seed give the same tables", () => {
    const a = composeTables(workshop, { maxPerTable: 6, seed: 42 });
    const b = composeTables(workshop.map((p) => ({ ...p })), { maxPerTable: 6, seed: 42 });
    expect(b).toEqual(a);
    expect(composeTables(workshop, { maxPerTable: 6 })).toEqual(composeTables(workshop, { maxPerTable: 6, seed: 1 }));
  });

  it("keeps locked people at their table, even against the household rule", () => {
    const locked = { w1: 2, w2: 2, m4: 0, w12: 1 };
    const result = composeTables(workshop, { maxPerTable: 6, locked });
    for (const [id, t] of Object.entries(locked)) expect(result.tables[t]).toContain(id);
    expectEveryoneOnce(result.tables, workshop);
    expect(result.tables.map((t) => t.length)).toEqual([6, 6, 6]);
    // w1 and w2 share household h1 and were locked together: that is the only clash left.
    expect(result.scores.map((s) => s.householdClashes)).toEqual([0, 0, 1]);
  });

  it("makes the table sizes fit the locks when many people are locked to one table", () => {
    const locked = { w1: 0, w2: 0, w3: 0, w4: 0, w5: 0 };
    const result = composeTables(workshop.slice(0, 12), { maxPerTable: 6, tables: 3, locked });
    expect(result.tables.map((t) => t.length)).toEqual([5, 4, 3]);
    expect(result.tables[0]).toEqual(expect.arrayContaining(Object.keys(locked)));
  });

  it("beats the best of 1,000 random seatings of the same people on the documented score", () => {
    const result = composeTables(workshop, { maxPerTable: 6 });
    const random = mulberry32(2024);
    const ids = workshop.map((p) => p.id);
    let best = -Infinity;
    for (let i = 0; i < 1000; i++) best = Math.max(best, scoreTables(workshop, randomSeating(ids, [6, 6, 6], random)).score);
    expect(result.score).toBeGreaterThan(best);
  });

  it("reports a score per table whose sum is the total", () => {
    const result = composeTables(workshop, { maxPerTable: 6 });
    expect(result.scores).toHaveLength(3);
    expect(result.score).toBeCloseTo(result.scores.reduce((sum, s) => sum + s.score, 0), 9);
    expect(scoreTables(workshop, result.tables)).toEqual({ scores: result.scores, score: result.score });
  });

  it("seats 300 people at 50 tables of 6", () => {
    const random = mulberry32(5);
    const pick = (values: string[]) => values[Math.floor(random() * values.length)]!;
    const people = Array.from({ length: 300 }, (_, i) => ({
      id: `p${i}`,
      gender: random() < 0.7 ? "F" : "M",
      ageBand: pick(["18-25", "26-40", "41-60", "61-75", "75+", ""]),
      commune: pick(["Melun", "Dammarie-lès-Lys", "Le Mée-sur-Seine", "Vaux-le-Pénil"]),
      qpv: pick(["", "", "Montaigu", "Schuman"]),
      category: pick(["ouvrier", "employé", "cadre", "retraité", "sans emploi", ""]),
      household: i % 10 < 3 ? `h${Math.floor(i / 10)}` : null,
    }));
    const result = composeTables(people, { maxPerTable: 6 });
    expect(result.tables).toHaveLength(50);
    expect(result.tables.every((t) => t.length === 6)).toBe(true);
    expectEveryoneOnce(result.tables, people);
    expect(result.scores.every((s) => s.householdClashes === 0)).toBe(true);
  });

  it("handles nobody to seat", () => {
    expect(composeTables([], { maxPerTable: 6 })).toEqual({ tables: [], scores: [], score: 0 });
    expect(composeTables([], { maxPerTable: 6, tables: 2 }).tables).toEqual([[], []]);
  });

  it("refuses, in French, what cannot be done", () => {
    expect(() => composeTables(workshop, { maxPerTable: 6, tables: 2 })).toThrow(
      new RangeError("Impossible de placer 18 personnes à 2 table(s) de 6 au plus (12 places)."),
    );
    expect(() => composeTables(workshop, { maxPerTable: 0 })).toThrow(RangeError);
    expect(() => composeTables(workshop, { maxPerTable: 2.5 })).toThrow(/entier positif/);
    expect(() => composeTables(workshop, { maxPerTable: 6, tables: 0 })).toThrow(/nombre de tables/);
    expect(() => composeTables(workshop, { maxPerTable: 6, locked: { nobody: 0 } })).toThrow(new RangeError("Personne verrouillée inconnue : « nobody »."));
    expect(() => composeTables(workshop, { maxPerTable: 6, locked: { w1: 3 } })).toThrow(/table d'indice 3, qui n'existe pas \(3 table\(s\), indices 0 à 2\)/);
    expect(() => composeTables(workshop, { maxPerTable: 6, locked: { w1: -1 } })).toThrow(RangeError);
    const seven = Object.fromEntries(workshop.slice(0, 7).map((p) => [p.id, 1]));
    expect(() => composeTables(workshop, { maxPerTable: 6, locked: seven })).toThrow(/Trop de personnes verrouillées à la table d'indice 1/);
    expect(() => composeTables([...workshop, { id: "w1" }], { maxPerTable: 7 })).toThrow(/« w1 » apparaît deux fois/);
  });
});

describe("scoreTables", () => {
  const person = (id: string, fields: Partial<Registrant>): Registrant => ({ id, ...fields });

  it("scores each attribute by the share of the table's pairs that differ on it", () => {
    const people = ["F", "F", "F", "M", "M", "M"].map((gender, i) => person(`p${i}`, { gender }));
    const [even] = scoreTables(people, [people.map((p) => p.id)]).scores;
    expect(even!.diversity.gender).toBeCloseTo(9 / 15, 12);
    expect(even!.diversity.ageBand).toBe(0);
    expect(even!.score).toBeCloseTo(9 / 15, 12);

    const lopsided = ["F", "F", "F", "F", "F", "M"].map((gender, i) => person(`p${i}`, { gender }));
    expect(scoreTables(lopsided, [lopsided.map((p) => p.id)]).scores[0]!.diversity.gender).toBeCloseTo(5 / 15, 12);
  });

  it("never counts unknown or empty values as diversity, and compares values case-insensitively", () => {
    const people = [person("a", { gender: "F", category: "" }), person("b", { gender: null, category: "  " }), person("c", { gender: " f ", category: "Cadre" })];
    const { scores } = scoreTables(people, [["a", "b", "c"]]);
    expect(scores[0]!.diversity).toEqual({ gender: 0, ageBand: 0, place: 0, category: 0 });
  });

  it("treats the QPV as part of the place: same commune, in or out of a QPV, differ", () => {
    const people = [
      person("a", { commune: "Melun", qpv: "non" }),
      person("b", { commune: "melun" }),
      person("c", { commune: "Melun", qpv: "oui" }),
      person("d", { commune: "Melun", qpv: "Montaigu" }),
    ];
    // a and b are the same place; c and d differ from them and from each other: 5 pairs of 6 differ.
    expect(scoreTables(people, [["a", "b", "c", "d"]]).scores[0]!.diversity.place).toBeCloseTo(5 / 6, 12);
  });

  it("takes 10 points per pair of one household at a table", () => {
    const people = [person("a", { household: "H" }), person("b", { household: "h " }), person("c", { household: "H" }), person("d", {})];
    const { scores, score } = scoreTables(people, [["a", "b", "c"], ["d"]]);
    expect(scores.map((s) => s.householdClashes)).toEqual([3, 0]);
    expect(score).toBe(-30);
  });

  it("shows a table's score drop when the coordinator moves its only man away", () => {
    const { tables, scores } = composeTables(workshop, { maxPerTable: 6 });
    const from = tables.findIndex((t) => count(t, (p) => p.gender === "M") === 1);
    expect(from).toBeGreaterThanOrEqual(0);
    const man = tables[from]!.find((id) => byId.get(id)!.gender === "M")!;
    const to = (from + 1) % 3;
    const moved = tables.map((t, i) => (i === from ? t.filter((id) => id !== man) : i === to ? [...t, man] : t));
    const after = scoreTables(workshop, moved);
    expect(after.scores[from]!.diversity.gender).toBe(0);
    expect(after.scores[from]!.score).toBeLessThan(scores[from]!.score);
  });

  it("refuses a seating naming an unknown person or someone twice", () => {
    expect(() => scoreTables(workshop, [["w1", "ghost"]])).toThrow(new RangeError("Personne inconnue à la table d'indice 0 : « ghost »."));
    expect(() => scoreTables(workshop, [["w1"], ["w1"]])).toThrow(/« w1 » est placée deux fois/);
  });
});
