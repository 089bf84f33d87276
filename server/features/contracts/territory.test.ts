import { describe, expect, it } from "vitest";
import { communesFromReference, contractDepartments, contractRegions, populationTotal } from "./territory.js";

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

describe("contractDepartments and contractRegions (derived from the communes, never typed)", () => {
  it("gives Seine-et-Marne and Île-de-France for the CAPVM's communes", () => {
    expect(contractDepartments(["77468", "77108", "77055"])).toEqual([{ code: "77", name: "Seine-et-Marne" }]);
    expect(contractRegions(["77468", "77108", "77055"])).toEqual([{ code: "11", name: "Île-de-France" }]);
  });

  it("lists every département and region a territory straddles, the one with most communes first", () => {
    const codes = ["21231", "71270", "71076", "2A004", "97411"];
    expect(contractDepartments(codes)).toEqual([
      { code: "71", name: "Saône-et-Loire" },
      { code: "21", name: "Côte-d'Or" },
      { code: "2A", name: "Corse-du-Sud" },
      { code: "974", name: "La Réunion" },
    ]);
    expect(contractRegions(codes)).toEqual([
      { code: "27", name: "Bourgogne-Franche-Comté" },
      { code: "04", name: "La Réunion" },
      { code: "94", name: "Corse" },
    ]);
  });

  it("has none without communes, and leaves out a code of no département", () => {
    expect(contractDepartments([])).toEqual([]);
    expect(contractRegions([])).toEqual([]);
    expect(contractDepartments(["00123", "77288"])).toEqual([{ code: "77", name: "Seine-et-Marne" }]);
  });
});

describe("communesFromReference", () => {
  it("fills the names and populations left out (or null) from the reference, and keeps those given", () => {
    const { communes, errors } = communesFromReference([{ inseeCode: "77288" }, { inseeCode: "77468", population: null }, { inseeCode: "77108", name: "Chelles (ville)", population: 55_000 }]);
    expect(errors).toEqual([]);
    expect(communes[0]).toMatchObject({ inseeCode: "77288", name: "Melun" });
    expect(communes[0]!.population).toBeGreaterThan(40_000);
    expect(communes[1]!.name).toBe("Torcy");
    expect(communes[1]!.population).toBeGreaterThan(20_000);
    expect(communes[2]).toEqual({ inseeCode: "77108", name: "Chelles (ville)", population: 55_000 });
  });

  it("refuses an INSEE code the reference does not know, on its field, and says when it is a former commune's", () => {
    const { errors } = communesFromReference([{ inseeCode: "77288" }, { inseeCode: "77999" }, { inseeCode: "01039" }], "contract.communes");
    expect(errors).toEqual([
      { path: "contract.communes.1.inseeCode", message: expect.stringMatching(/^Ce code INSEE n'existe pas/) },
      { path: "contract.communes.2.inseeCode", message: expect.stringContaining("l'ancienne commune Béon, aujourd'hui rattachée à") },
    ]);
  });
});
