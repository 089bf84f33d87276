/** The addresses of the territory pages: what of the page's address the API gets, and the compared contracts. */
import { describe, expect, it } from "vitest";
import { apiQuery, comparedIds, compareLink, exportQuery, overviewQuery, percent } from "./territory-api";

describe("the territory's addresses", () => {
  const params = new URLSearchParams("departement=77&departement=93&theme=Sant%C3%A9+mentale&prsCode=+2.3+&year=&page=2&sort=late&order=desc&other=x");

  it("passes the scope, the filters and the page to the overview; the scope and the filters to the exports", () => {
    expect(overviewQuery(params)).toBe("?departement=77&departement=93&theme=Sant%C3%A9+mentale&prsCode=2.3&sort=late&order=desc&page=2");
    expect(exportQuery(params)).toBe("?departement=77&departement=93&theme=Sant%C3%A9+mentale&prsCode=2.3");
    expect(apiQuery(new URLSearchParams(""), ["region"])).toBe("");
  });

  it("reads the compared contracts, comma-separated or repeated, and links to them", () => {
    expect(comparedIds(new URLSearchParams("contracts=a,b&contracts=c, "))).toEqual(["a", "b", "c"]);
    expect(compareLink(["a", "b"])).toBe("/territoire/comparer?contracts=a,b");
  });

  it("writes shares as whole percentages", () => {
    expect([percent(null), percent(0), percent(0.456), percent(1)]).toEqual(["—", "0 %", "46 %", "100 %"]);
  });
});
