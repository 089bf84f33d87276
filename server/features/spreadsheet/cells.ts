/**
 * How a fiche's values read in a spreadsheet cell, both ways, as pure functions:
 * yes/no, French labels of vocabularies, one item per line, months. Parsers
 * return the value or a French message; they never throw.
 */

/** What a cell holds once read: exceljs dates arrive as Date. */
export type CellValue = string | number | boolean | null;
export type CellInput = CellValue | Date;

export type Parsed<V> = { ok: true; value: V } | { ok: false; error: string };
export const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
export const fail = <V = never>(error: string): Parsed<V> => ({ ok: false, error });

/** A cell as text: trimmed, Windows line ends turned into "\n", a date as AAAA-MM-JJ. */
export function cellText(cell: CellInput): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "boolean") return cell ? "Oui" : "Non";
  return String(cell).replace(/\r\n?/g, "\n").trim();
}

/** "Santé  mentale" and "sante mentale" compare equal: no case, accents, œ or extra spaces. */
export function normalize(text: string): string {
  return text
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** A list cell: one item per line; empty lines and leading "- " or "• " dropped. */
export function cellLines(cell: CellInput): string[] {
  return cellText(cell)
    .split("\n")
    .map((l) => l.replace(/^\s*(?:[-•*]\s+)/, "").trim())
    .filter(Boolean);
}

export const joinLines = (items: readonly string[]): string | null => (items.length ? items.join("\n") : null);

export const YES = "Oui";
export const NO = "Non";
export const YES_NO = [YES, NO] as const;
export const yesNoCell = (v: boolean | null): string | null => (v === null ? null : v ? YES : NO);

export function parseYesNo(cell: CellInput): Parsed<boolean | null> {
  const t = normalize(cellText(cell));
  if (t === "") return ok(null);
  if (t === "oui" || t === "true" || t === "vrai") return ok(true);
  if (t === "non" || t === "false" || t === "faux") return ok(false);
  return fail(`« ${cellText(cell)} » n'est pas une réponse possible : écrivez « Oui » ou « Non », ou laissez la cellule vide.`);
}

/**
 * The key of a French label (or the label itself for a plain list), found
 * whatever the case and accents; `what` names the list in the message.
 */
export function parseLabel<K extends string>(cell: CellInput, labels: Readonly<Record<K, string>> | readonly K[], what: string): Parsed<K | null> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  const entries: [K, string][] = Array.isArray(labels) ? labels.map((l) => [l, l] as [K, string]) : (Object.entries(labels) as [K, string][]);
  const wanted = normalize(text);
  const found = entries.find(([key, label]) => normalize(label) === wanted || normalize(key) === wanted);
  if (found) return ok(found[0]);
  const choices = entries.map(([, l]) => `« ${l} »`).join(", ");
  return fail(`« ${text} » n'est pas ${what} de la liste (${choices}).`);
}

/** "09/2021" as people write a month; the database keeps "2021-09". */
export const monthCell = (month: string | null): string | null => (month ? `${month.slice(5, 7)}/${month.slice(0, 4)}` : null);

/** Reads "09/2021", "9/2021", "2021-09", or a date (Excel turns a typed "09/2021" into the 1st of the month). */
export function parseMonth(cell: CellInput): Parsed<string | null> {
  const text = cellText(cell);
  if (text === "") return ok(null);
  const slash = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(text);
  if (slash) return ok(`${slash[2]}-${slash[1]!.padStart(2, "0")}`);
  const iso = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(text);
  if (iso) return ok(`${iso[1]}-${iso[2]}`);
  const day = /^\d{1,2}\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (day) return ok(`${day[2]}-${day[1]!.padStart(2, "0")}`);
  // Anything else goes to the shared month schema, whose message says the expected form.
  return ok(text);
}

/** A number as French people type it: "1 200,5" or 1200.5. */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** "1 200,5" for a number in a line of text. */
export const numberText = (n: number): string => String(n).replace(".", ",");

/** Splits a line on " — " (an em or en dash between spaces), the separator of partner and indicator lines. */
export const segments = (line: string): string[] => line.split(/\s+[—–]\s+/).map((s) => s.trim());
export const SEPARATOR = " — ";
