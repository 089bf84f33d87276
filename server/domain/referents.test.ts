import { describe, expect, it } from "vitest";
import { coverageLine, isReferentsRow, referentCoverage } from "./referents.js";
import { plainWords } from "./plain-words.js";

const communes = [
  { id: "a", name: "Melun" },
  { id: "b", name: "Dammarie-lès-Lys" },
  { id: "c", name: "Le Mée-sur-Seine" },
];

describe("referentCoverage", () => {
  it("counts the communes with both referents, lists those with none and those with one", () => {
    const c = referentCoverage({
      communes,
      referents: [
        { communeId: "a", role: "technical", namedOn: "2021-06-01" },
        { communeId: "a", role: "elected", namedOn: "2021-07-01" },
        { communeId: "b", role: "elected", namedOn: "2021-07-01" },
      ],
    });
    expect(c).toEqual({ total: 3, complete: 1, withoutReferent: [{ id: "c", name: "Le Mée-sur-Seine" }], partial: [{ id: "b", name: "Dammarie-lès-Lys", missing: "technical" }] });
  });

  it("counts as of a day: a referent named after it does not count", () => {
    const referents = [
      { communeId: "a", role: "technical" as const, namedOn: "2021-06-01" },
      { communeId: "a", role: "elected" as const, namedOn: "2021-10-01" },
    ];
    expect(referentCoverage({ communes, referents }, "2021-09-14").complete).toBe(0);
    expect(referentCoverage({ communes, referents }, "2021-10-01").complete).toBe(1);
  });

  it("ignores a referent of a commune that is not listed", () => {
    expect(referentCoverage({ communes: [], referents: [{ communeId: "z", role: "elected", namedOn: "2021-01-01" }] })).toEqual({ total: 0, complete: 0, withoutReferent: [], partial: [] });
  });
});

describe("coverageLine", () => {
  it("says how many communes have both referents, in French", () => {
    expect(coverageLine({ total: 20, complete: 9 })).toBe("9 communes sur 20 ont leurs deux référents (technique et élu)");
    expect(coverageLine({ total: 20, complete: 1 })).toBe("1 commune sur 20 a ses deux référents (technique et élu)");
    expect(coverageLine({ total: 20, complete: 0 })).toBe("Aucune commune sur 20 n'a encore ses deux référents (technique et élu)");
    expect(coverageLine({ total: 0, complete: 0 })).toBe("Aucune commune n'est inscrite au contrat : pas de référents à désigner.");
  });
});

describe("isReferentsRow", () => {
  it("finds the process row about referents, as the coordination words it", () => {
    expect(isReferentsRow(plainWords("Désignation des référents"))).toBe(true);
    expect(isReferentsRow(plainWords("Mise en place d'un(e) référent(e) technique et d'un(e) élu(e) référent(e) par commune"))).toBe(true);
    expect(isReferentsRow(plainWords("Mise en place des revues trimestrielles"))).toBe(false);
  });
});
