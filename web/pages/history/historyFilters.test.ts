import { describe, expect, it } from "vitest";
import { filterErrors, filtersOf, hasFilters, NO_FILTERS, queryOf } from "./historyFilters";

describe("the filters of a history page in its address", () => {
  it("reads who, what, when and the page, ignoring what is not a filter", () => {
    expect(filtersOf(new URLSearchParams("actor=u1&type=meeting&from=2021-09-01&to=2021-09-30&page=3"))).toEqual({ actor: "u1", type: "meeting", from: "2021-09-01", to: "2021-09-30", page: 3 });
    expect(filtersOf(new URLSearchParams("type=tout&page=-2"))).toEqual({ ...NO_FILTERS, page: 1 });
  });
  it("writes only the filters that are set, and the page after the first", () => {
    expect(queryOf(NO_FILTERS)).toBe("");
    expect(queryOf({ ...NO_FILTERS, actor: "Données de démonstration", type: "action" }, 2)).toBe("?actor=Donn%C3%A9es+de+d%C3%A9monstration&type=action&page=2");
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, from: "2021-01-01" })).toBe(true);
  });
  it("says an end before the start", () => {
    expect(filterErrors({ ...NO_FILTERS, from: "2021-10-01", to: "2021-09-01" })).toEqual({ to: "La date de fin doit suivre la date de début." });
    expect(filterErrors({ ...NO_FILTERS, from: "2021-09-01", to: "2021-09-01" })).toEqual({});
  });
});
