import { describe, expect, it } from "vitest";
import type { ActionStatus } from "../../domain/statuses.js";
import { sortActions, type SortableAction } from "./sorting.js";

type Item = SortableAction & { id: string };

function item(number: number, fields: Partial<Omit<Item, "number" | "lead">> & { lead?: string | null } = {}): Item {
  const { lead = null, ...rest } = fields;
  return {
    id: `fa-${number}`,
    number,
    title: `Fiche ${number}`,
    axis: { number: 1 },
    lead: lead === null ? null : { name: lead },
    startMonth: null,
    endMonth: null,
    status: "in_progress",
    ...rest,
  };
}

const numbers = (list: Item[]) => list.map((i) => i.number);
const titles = (list: Item[]) => list.map((i) => i.title);

describe("sortActions", () => {
  it("does not change the list it is given", () => {
    const list = [item(2), item(1)];
    const sorted = sortActions(list, "number", "asc");
    expect(numbers(sorted)).toEqual([1, 2]);
    expect(numbers(list)).toEqual([2, 1]);
    expect(sorted).not.toBe(list);
  });

  it("sorts by number in both directions", () => {
    const list = [item(3), item(10), item(1), item(2)];
    expect(numbers(sortActions(list, "number", "asc"))).toEqual([1, 2, 3, 10]);
    expect(numbers(sortActions(list, "number", "desc"))).toEqual([10, 3, 2, 1]);
  });

  it("sorts titles in French: É with E, case and accents ignored", () => {
    const list = [
      item(1, { title: "Favoriser la prévention" }),
      item(2, { title: "Évaluer le CLS" }),
      item(3, { title: "Etudier les besoins" }),
      item(4, { title: "accompagner les aidants" }),
      item(5, { title: "Zones blanches" }),
      item(6, { title: "Écouter les habitants" }),
    ];
    expect(titles(sortActions(list, "title", "asc"))).toEqual([
      "accompagner les aidants",
      "Écouter les habitants",
      "Etudier les besoins",
      "Évaluer le CLS",
      "Favoriser la prévention",
      "Zones blanches",
    ]);
    // A byte-wise sort would put « É… » after « Z… » and lower case last.
    expect(titles(sortActions(list, "title", "desc"))).toEqual([
      "Zones blanches",
      "Favoriser la prévention",
      "Évaluer le CLS",
      "Etudier les besoins",
      "Écouter les habitants",
      "accompagner les aidants",
    ]);
  });

  it("sorts numbers inside texts by value: « FA 10 » after « FA 9 »", () => {
    const list = [item(1, { title: "FA 10" }), item(2, { title: "FA 9" }), item(3, { title: "FA 2" }), item(4, { title: "FA 100" })];
    expect(titles(sortActions(list, "title", "asc"))).toEqual(["FA 2", "FA 9", "FA 10", "FA 100"]);
    expect(titles(sortActions(list, "title", "desc"))).toEqual(["FA 100", "FA 10", "FA 9", "FA 2"]);
  });

  it("sorts leads in French collation with fiches without lead last, in both directions", () => {
    const list = [
      item(1, { lead: null }),
      item(2, { lead: "Service Prévention" }),
      item(3, { lead: "Établissement public" }),
      item(4, { lead: "CPAM" }),
      item(5, { lead: null }),
      item(6, { lead: "coordinateur du CLS" }),
    ];
    expect(numbers(sortActions(list, "lead", "asc"))).toEqual([6, 4, 3, 2, 1, 5]);
    expect(numbers(sortActions(list, "lead", "desc"))).toEqual([2, 3, 4, 6, 1, 5]);
  });

  it("puts missing start and end months last, in both directions", () => {
    const list = [
      item(1, { startMonth: null, endMonth: "2022-12" }),
      item(2, { startMonth: "2020-01", endMonth: null }),
      item(3, { startMonth: "2019-10", endMonth: "2021-06" }),
      item(4, { startMonth: "2021-09", endMonth: null }),
    ];
    expect(numbers(sortActions(list, "start", "asc"))).toEqual([3, 2, 4, 1]);
    expect(numbers(sortActions(list, "start", "desc"))).toEqual([4, 2, 3, 1]);
    expect(numbers(sortActions(list, "end", "asc"))).toEqual([3, 1, 2, 4]);
    expect(numbers(sortActions(list, "end", "desc"))).toEqual([1, 3, 2, 4]);
  });

  it("breaks ties by fiche number, ascending even when the order is descending", () => {
    const list = [
      item(7, { axis: { number: 2 } }),
      item(3, { axis: { number: 1 } }),
      item(5, { axis: { number: 2 } }),
      item(1, { axis: { number: 2 } }),
      item(2, { axis: { number: 1 } }),
    ];
    expect(numbers(sortActions(list, "axis", "asc"))).toEqual([2, 3, 1, 5, 7]);
    expect(numbers(sortActions(list, "axis", "desc"))).toEqual([1, 5, 7, 2, 3]);
    const sameTitle = [item(9, { title: "Écoute" }), item(4, { title: "ecoute" }), item(6, { title: "Ecoute" })];
    expect(numbers(sortActions(sameTitle, "title", "asc"))).toEqual([4, 6, 9]);
    expect(numbers(sortActions(sameTitle, "title", "desc"))).toEqual([4, 6, 9]);
    const sameLead = [item(8, { lead: "CPAM" }), item(2, { lead: "cpam" })];
    expect(numbers(sortActions(sameLead, "lead", "desc"))).toEqual([2, 8]);
  });

  it("sorts statuses in their lifecycle order, not alphabetically", () => {
    const statuses: ActionStatus[] = ["done", "abandoned", "not_started", "in_progress", "not_started"];
    const list = statuses.map((status, i) => item(i + 1, { status }));
    expect(sortActions(list, "status", "asc").map((i) => [i.status, i.number])).toEqual([
      ["not_started", 3],
      ["not_started", 5],
      ["in_progress", 4],
      ["done", 1],
      ["abandoned", 2],
    ]);
    expect(sortActions(list, "status", "desc").map((i) => [i.status, i.number])).toEqual([
      ["abandoned", 2],
      ["done", 1],
      ["in_progress", 4],
      ["not_started", 3],
      ["not_started", 5],
    ]);
  });

  it("sorts by relevance, best rank first (asc), ties by number, and reversed with desc", () => {
    const list = [item(1, { rank: 0.1 }), item(2, { rank: 0.6 }), item(3, { rank: 0.3 }), item(4, { rank: 0.6 }), item(5)];
    expect(numbers(sortActions(list, "relevance", "asc"))).toEqual([2, 4, 3, 1, 5]);
    expect(numbers(sortActions(list, "relevance", "desc"))).toEqual([5, 1, 3, 2, 4]);
  });

  it("returns an empty list for no fiche", () => {
    expect(sortActions([], "title", "desc")).toEqual([]);
  });
});
