import { describe, expect, it } from "vitest";
import { populationTotal } from "./territory.js";

describe("populationTotal", () => {
  it("is unknown (null), not 0, when no commune has a population (issue 12)", () => {
    expect(populationTotal([{ population: null }, { population: null }])).toEqual({ population: null, populationMissing: 2 });
    expect(populationTotal([])).toEqual({ population: null, populationMissing: 0 });
  });

  it("sums the known populations and counts the communes without one", () => {
    expect(populationTotal([{ population: 1200 }, { population: 800 }, { population: null }])).toEqual({ population: 2000, populationMissing: 1 });
    expect(populationTotal([{ population: 0 }])).toEqual({ population: 0, populationMissing: 0 });
  });
});
