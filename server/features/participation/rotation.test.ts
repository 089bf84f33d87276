import { describe, expect, it } from "vitest";
import { isLatinSquare, rotationPlan, type RotationPlan } from "./rotation.js";

const topicsAt = (plan: RotationPlan) => plan.rounds.map((round) => round.assignments.map((a) => a.topic));

describe("rotationPlan", () => {
  it("rotates 3 topics between 3 tables (CAMVS workshop)", () => {
    const plan = rotationPlan({ tables: 3, topics: ["A", "B", "C"], start: "14:00", roundMinutes: 30 });
    expect(topicsAt(plan)).toEqual([
      ["A", "B", "C"],
      ["B", "C", "A"],
      ["C", "A", "B"],
    ]);
    expect(plan.rounds.map((round) => round.index)).toEqual([1, 2, 3]);
    expect(plan.rounds[0]?.assignments.map((a) => a.table)).toEqual([1, 2, 3]);
    expect(plan.rounds.map((round) => [round.start, round.end])).toEqual([
      ["14:00", "14:30"],
      ["14:30", "15:00"],
      ["15:00", "15:30"],
    ]);
    expect(isLatinSquare(plan)).toBe(true);
  });

  it("handles a single table", () => {
    const plan = rotationPlan({ tables: 1, topics: ["seul"], start: "09:05", roundMinutes: 45, breakMinutes: 10 });
    expect(plan.rounds).toEqual([{ index: 1, start: "09:05", end: "09:50", assignments: [{ table: 1, topic: "seul" }] }]);
    expect(isLatinSquare(plan)).toBe(true);
  });

  it("builds a Latin square for 5 tables", () => {
    const plan = rotationPlan({ tables: 5, topics: ["a", "b", "c", "d", "e"], start: "10:00", roundMinutes: 20 });
    expect(plan.rounds).toHaveLength(5);
    expect(plan.rounds[4]?.assignments).toEqual([
      { table: 1, topic: "e" },
      { table: 2, topic: "a" },
      { table: 3, topic: "b" },
      { table: 4, topic: "c" },
      { table: 5, topic: "d" },
    ]);
    expect(isLatinSquare(plan)).toBe(true);
  });

  it("puts breaks between rounds but not after the last one", () => {
    const plan = rotationPlan({ tables: 3, topics: ["A", "B", "C"], start: "18:40", roundMinutes: 25, breakMinutes: 10 });
    expect(plan.rounds.map((round) => [round.start, round.end])).toEqual([
      ["18:40", "19:05"],
      ["19:15", "19:40"],
      ["19:50", "20:15"],
    ]);
  });

  it("accepts a plan ending at 23:59", () => {
    const plan = rotationPlan({ tables: 2, topics: ["A", "B"], start: "22:00", roundMinutes: 55, breakMinutes: 9 });
    expect(plan.rounds[1]?.end).toBe("23:59");
  });

  it("refuses invalid input with French messages", () => {
    const base = { tables: 3, topics: ["A", "B", "C"], start: "14:00", roundMinutes: 30 };
    const refuse = (input: Partial<typeof base> & { breakMinutes?: number }, message: RegExp) =>
      expect(() => rotationPlan({ ...base, ...input })).toThrow(
        expect.objectContaining({ name: "RangeError", message: expect.stringMatching(message) }),
      );
    refuse({ topics: ["A", "B"] }, /autant de thèmes que de tables/);
    refuse({ tables: 0, topics: [] }, /nombre de tables/);
    refuse({ topics: ["A", "A", "B"] }, /deux fois/);
    refuse({ start: "9:00" }, /Heure de début invalide/);
    refuse({ start: "24:00" }, /Heure de début invalide/);
    refuse({ start: "12:60" }, /Heure de début invalide/);
    refuse({ roundMinutes: 0 }, /durée d'un tour/);
    refuse({ roundMinutes: 12.5 }, /durée d'un tour/);
    refuse({ roundMinutes: 241 }, /durée d'un tour/);
    refuse({ breakMinutes: -5 }, /pause/);
    refuse({ start: "23:00", roundMinutes: 20 }, /après minuit/);
    refuse({ start: "22:30", roundMinutes: 30, breakMinutes: 0 }, /après minuit/);
  });
});

describe("isLatinSquare", () => {
  const round = (index: number, topics: string[]) => ({
    index,
    start: "10:00",
    end: "10:30",
    assignments: topics.map((topic, t) => ({ table: t + 1, topic })),
  });
  it("rejects a table meeting a topic twice", () => {
    expect(isLatinSquare({ rounds: [round(1, ["A", "B"]), round(2, ["A", "B"])] })).toBe(false);
  });
  it("rejects a topic at two tables in the same round", () => {
    expect(isLatinSquare({ rounds: [round(1, ["A", "A"]), round(2, ["B", "B"])] })).toBe(false);
  });
  it("rejects a plan with missing rounds or no rounds", () => {
    expect(isLatinSquare({ rounds: [round(1, ["A", "B"])] })).toBe(false);
    expect(isLatinSquare({ rounds: [] })).toBe(false);
  });
});
