/**
 * A fiche's budget (issue 15): amounts per year and funder, each secured (« acquis ») or
 * only requested (« demandé »), in whole euros. Totals, the years a contract's budget may
 * name, and how a line reads in a document or a spreadsheet cell. Pure functions.
 */
import { frenchNumber } from "./dates.js";
import { FUNDING_STATUSES, type FundingStatusKey } from "./vocabulary.js";

export interface BudgetAmount {
  amount: number;
  status: FundingStatusKey;
}

export interface BudgetTotals {
  total: number;
  secured: number;
  requested: number;
}

/** The sums of a fiche's (or of many fiches') budget lines, in euros. */
export function budgetTotals(lines: readonly BudgetAmount[]): BudgetTotals {
  let secured = 0;
  let requested = 0;
  for (const l of lines) {
    if (l.status === "secured") secured += l.amount;
    else requested += l.amount;
  }
  return { total: secured + requested, secured, requested };
}

/** The sums of several fiches' totals (a list of fiches, a contract). */
export function addBudgetTotals(totals: readonly BudgetTotals[]): BudgetTotals {
  return totals.reduce((sum, t) => ({ total: sum.total + t.total, secured: sum.secured + t.secured, requested: sum.requested + t.requested }), { total: 0, secured: 0, requested: 0 });
}

/** 12000 → « 12 000 € » (narrow no-break spaces, as French writes amounts). */
export const euros = (amount: number): string => `${frenchNumber(amount)}\u202f€`;

/** « 2021 : 12 000 € — Agence régionale de santé (acquis) »: the line a document or a cell shows. */
export function budgetLineText(line: BudgetAmount & { year: number; funderName: string }): string {
  return `${line.year} : ${euros(line.amount)} — ${line.funderName} (${FUNDING_STATUSES[line.status].toLowerCase()})`;
}

/** « 20 000 € dont 12 000 € acquis et 8 000 € demandés », or null without any line. */
export function budgetTotalsText(t: BudgetTotals): string | null {
  if (t.total === 0) return null;
  const parts = [...(t.secured ? [`${euros(t.secured)} acquis`] : []), ...(t.requested ? [`${euros(t.requested)} demandés`] : [])];
  return parts.length === 2 ? `${euros(t.total)} dont ${parts.join(" et ")}` : `${euros(t.total)} ${t.secured ? "acquis" : "demandés"}`;
}

/** The years a fiche's budget may name: those of its contract, one year either side. */
export function budgetYears(contract: { startDate: string; endDate: string }): { from: number; to: number } {
  return { from: Number(contract.startDate.slice(0, 4)) - 1, to: Number(contract.endDate.slice(0, 4)) + 1 };
}

/** A French message when `year` is outside the contract's budget years, else null. */
export function budgetYearProblem(year: number, years: { from: number; to: number }): string | null {
  return year < years.from || year > years.to
    ? `L'année ${year} est hors de la période du contrat : choisissez une année entre ${years.from} et ${years.to}.`
    : null;
}
