/**
 * A fiche's budget in one spreadsheet cell, both ways: one line per funding,
 * « 2021 : 12 000 € — Agence régionale de santé Île-de-France (acquis) » (lines may
 * also be separated by « ; »). The funder is a name (or short name) of the
 * contract's directory; the status « acquis » or « demandé ».
 */
import { budgetLineText } from "../../domain/budget.js";
import type { FundingStatusKey } from "../../domain/vocabulary.js";
import { cellLines, fail, normalize, ok, parseNumber, type CellInput, type Parsed } from "./cells.js";
import { findOrganisation, type ImportReference } from "./lists.js";

export interface BudgetCellLine {
  year: number;
  amount: number;
  funderId: string;
  status: FundingStatusKey;
}

/** The lines of a fiche's budget as its cell shows them. */
export const budgetCellLines = (lines: readonly { year: number; amount: number; funder: { name: string }; status: FundingStatusKey }[]): string[] =>
  lines.map((l) => budgetLineText({ ...l, funderName: l.funder.name }));

const STATUS_WORDS: Record<string, FundingStatusKey> = { acquis: "secured", acquise: "secured", demande: "requested", demandee: "requested" };
const FORM = "écrivez « 2021 : 12 000 € — Financeur (acquis) » ou « (demandé) »";

function parseLine(line: string, ref: ImportReference): Parsed<BudgetCellLine> {
  // « 2021 : 12 000 € — Financeur (acquis) »: the year, the amount, then the funder and its status in brackets at the end.
  const m = /^(\d{4})\s*:\s*([\d\s\u00a0\u202f.,]+?)\s*(?:€|euros?)?\s+[—–-]\s+(.+?)\s*\(([^()]*)\)\s*$/i.exec(line);
  if (!m) return fail(`« ${line} » : ${FORM}.`);
  const amount = parseNumber(m[2]!.replace(/\.(?=\d{3}\b)/g, ""));
  if (amount === null) return fail(`« ${m[2]!.trim()} » n'est pas un montant en euros.`);
  const status = STATUS_WORDS[normalize(m[4]!)];
  if (!status) return fail(`« ${m[4]} » : indiquez « acquis » ou « demandé » entre parenthèses après le financeur.`);
  const funder = findOrganisation(m[3]!.trim(), ref);
  if (!funder.ok) return funder;
  // Whole euros and the contract's years are checked by the fiche's schema and the column (errors on this cell).
  return ok({ year: Number(m[1]), amount, funderId: funder.value, status });
}

/** Reads a budget cell; an empty cell is a fiche without budget. Errors name the line. */
export function parseBudgetCell(cell: CellInput, ref: ImportReference): Parsed<BudgetCellLine[]> {
  const lines = cellLines(cell).flatMap((l) => l.split(/\s;\s|;$/)).map((l) => l.trim()).filter(Boolean);
  const values: BudgetCellLine[] = [];
  const errors: string[] = [];
  lines.forEach((line, i) => {
    const r = parseLine(line, ref);
    if (r.ok) values.push(r.value);
    else errors.push(lines.length > 1 ? `ligne ${i + 1} : ${r.error}` : r.error);
  });
  return errors.length ? fail(errors.join(" ; ")) : ok(values);
}
