import { CsvError as ParseError, parse } from "csv-parse/sync";
import type { Registrant } from "../../domain/composition.js";

/**
 * The registrants' CSV of `cles tables`: a header line naming its columns among
 * id,gender,ageBand,commune,qpv,category,household (any order; only `id` is required, a missing
 * column means unknown values), then one person per line. Cells may be empty except `id`.
 * RFC 4180 quoting ("…", "" for a quote inside), read by csv-parse; a comma separates cells, or a
 * semicolon when the header has semicolons and no comma (a spreadsheet's French export). A leading
 * BOM is ignored. Errors name the line a record starts on, in French.
 */

export const CSV_COLUMNS = ["id", "gender", "ageBand", "commune", "qpv", "category", "household"] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** A file that cannot be read as registrants; its message is for the user. */
export class CsvError extends Error {
  override name = "CsvError";
}

const EXPECTED = `les colonnes attendues sont ${CSV_COLUMNS.join(", ")}`;

export function parseRegistrantsCsv(text: string): Registrant[] {
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const rows = records(text, delimiter);
  const header = rows.shift();
  if (!header) throw new CsvError(`Le fichier est vide : sa première ligne doit être l'en-tête ${CSV_COLUMNS.join(",")}.`);
  const columns = headerColumns(header.fields);

  const people: Registrant[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== columns.length)
      throw new CsvError(`Ligne ${line} : ${fields.length} valeur(s) au lieu de ${columns.length}, une par colonne de l'en-tête.`);
    const person: Registrant = { id: "" };
    columns.forEach((column, i) => {
      const value = fields[i]!.trim();
      if (column === "id") person.id = value;
      else person[column] = value === "" ? null : value;
    });
    if (!person.id) throw new CsvError(`Ligne ${line} : l'identifiant est vide.`);
    const before = seen.get(person.id);
    if (before !== undefined) throw new CsvError(`Ligne ${line} : l'identifiant « ${person.id} » figure déjà ligne ${before}.`);
    seen.set(person.id, line);
    people.push(person);
  }
  return people;
}

function headerColumns(fields: string[]): Column[] {
  const columns: Column[] = [];
  fields.forEach((field, i) => {
    const name = field.trim();
    if (name === "") throw new CsvError(`Colonne sans nom (n° ${i + 1}) dans l'en-tête : ${EXPECTED}.`);
    const column = CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!column) throw new CsvError(`Colonne inconnue « ${name} » : ${EXPECTED}.`);
    if (columns.includes(column)) throw new CsvError(`Colonne « ${column} » en double dans l'en-tête.`);
    columns.push(column);
  });
  if (!columns.includes("id")) throw new CsvError(`Colonne « id » manquante dans l'en-tête : ${EXPECTED}.`);
  return columns;
}

type CsvRecord = { line: number; fields: string[] };

/**
 * Splits the text into records with csv-parse, each with the line it starts on; blank lines (nothing
 * but spaces) are skipped. Any of \r\n, \n, \r ends a record, so a record covers one line plus the
 * line breaks inside its quoted cells, after the blank lines csv-parse skipped before it: line numbers
 * are counted from that, not taken from csv-parse's `lines`, which counts a \r\n inside quotes twice
 * and, on an error, names the last line read rather than the one the bad record starts on.
 */
function records(text: string, delimiter: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let read = 0; // lines taken by the records read so far, blank lines apart
  try {
    parse(text, {
      bom: true,
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      trim: true, // unquoted cells, and spaces around a quoted cell
      relax_column_count: true, // checked against the header by the caller, with its line
      on_record: (fields: string[], { empty_lines }) => {
        out.push({ line: 1 + read + empty_lines, fields });
        read += 1 + fields.reduce((breaks, field) => breaks + (field.match(LINE_BREAK)?.length ?? 0), 0);
        return null; // collected above
      },
    });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const emptyLines = typeof error.empty_lines === "number" ? error.empty_lines : 0;
    throw parseErrorAt(1 + read + emptyLines, error, delimiter);
  }
  return out;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The user's message for a csv-parse error in the record starting on `line`. */
function parseErrorAt(line: number, error: ParseError, delimiter: string): CsvError {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CsvError(`Ligne ${line} : guillemet ouvert mais jamais fermé.`);
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return new CsvError(`Ligne ${line} : après une valeur entre guillemets, il faut un séparateur « ${delimiter} » ou une fin de ligne.`);
    case "INVALID_OPENING_QUOTE":
      return new CsvError(`Ligne ${line} : guillemet au milieu d'une valeur ; une valeur qui en contient doit être tout entière entre guillemets, chacun doublé ("").`);
    default:
      return new CsvError(`Ligne ${line} : le fichier n'est pas un CSV lisible (${error.code}).`);
  }
}
