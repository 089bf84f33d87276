import { describe, expect, it } from "vitest";
import { addBudgetTotals, budgetLineText, budgetTotals, budgetTotalsText, budgetYearProblem, budgetYears, euros } from "./budget.js";
import { canonicalDeterminant, DETERMINANTS } from "./vocabulary.js";

describe("budget totals", () => {
  it("sum the secured and the requested amounts", () => {
    expect(budgetTotals([])).toEqual({ total: 0, secured: 0, requested: 0 });
    expect(
      budgetTotals([
        { amount: 12000, status: "secured" },
        { amount: 8000, status: "requested" },
        { amount: 500, status: "secured" },
      ]),
    ).toEqual({ total: 20500, secured: 12500, requested: 8000 });
  });

  it("read as French writes amounts", () => {
    expect(euros(12000)).toBe("12\u202f000\u202f€");
    expect(budgetLineText({ year: 2021, amount: 12000, funderName: "ARS Île-de-France", status: "secured" })).toBe("2021 : 12\u202f000\u202f€ — ARS Île-de-France (acquis)");
    expect(budgetLineText({ year: 2022, amount: 300, funderName: "CPAM", status: "requested" })).toBe("2022 : 300\u202f€ — CPAM (demandé)");
    expect(budgetTotalsText({ total: 0, secured: 0, requested: 0 })).toBeNull();
    expect(budgetTotalsText({ total: 20500, secured: 12500, requested: 8000 })).toBe("20\u202f500\u202f€ dont 12\u202f500\u202f€ acquis et 8\u202f000\u202f€ demandés");
    expect(budgetTotalsText({ total: 500, secured: 500, requested: 0 })).toBe("500\u202f€ acquis");
    expect(budgetTotalsText({ total: 500, secured: 0, requested: 500 })).toBe("500\u202f€ demandés");
  });
});

describe("budget totals of several fiches", () => {
  it("adds each figure; no fiche gives zeros, which read as no budget", () => {
    expect(addBudgetTotals([{ total: 20000, secured: 12000, requested: 8000 }, { total: 0, secured: 0, requested: 0 }, { total: 5000, secured: 0, requested: 5000 }])).toEqual({ total: 25000, secured: 12000, requested: 13000 });
    expect(addBudgetTotals([])).toEqual({ total: 0, secured: 0, requested: 0 });
    expect(budgetTotalsText(addBudgetTotals([]))).toBeNull();
  });
});

describe("budget years", () => {
  it("are the contract's, one year either side", () => {
    const years = budgetYears({ startDate: "2019-11-07", endDate: "2022-12-31" });
    expect(years).toEqual({ from: 2018, to: 2023 });
    expect(budgetYearProblem(2018, years)).toBeNull();
    expect(budgetYearProblem(2023, years)).toBeNull();
    expect(budgetYearProblem(2024, years)).toBe("L'année 2024 est hors de la période du contrat : choisissez une année entre 2018 et 2023.");
    expect(budgetYearProblem(2017, years)).not.toBeNull();
  });
});

describe("determinants", () => {
  it("are the seed's full labels, the old short ones read as aliases", () => {
    expect(DETERMINANTS).toContain("Facteurs psychosociaux et environnement social");
    expect(DETERMINANTS).toContain("Facteurs comportementaux (style de vie)");
    expect(canonicalDeterminant("Comportements")).toBe("Facteurs comportementaux (style de vie)");
    expect(canonicalDeterminant("Facteurs psychosociaux")).toBe("Facteurs psychosociaux et environnement social");
    expect(canonicalDeterminant("Système de santé")).toBe("Système de santé");
    expect(canonicalDeterminant("Climat")).toBeNull();
  });
});
