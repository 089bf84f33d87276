import { describe, expect, it } from "vitest";
import { CsvError, parseRegistrantsCsv } from "./composition-csv.js";

const HEADER = "id,gender,ageBand,commune,qpv,category,household";

function errorOf(text: string): string {
  try {
    parseRegistrantsCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return (error as Error).message;
  }
  throw new Error("the file was accepted");
}

describe("parseRegistrantsCsv", () => {
  it("reads one registrant per line, empty cells as null, values trimmed", () => {
    const text = `${HEADER}\na1,F,26-40,Melun,Montaigu,employée,h1\na2,, ,Dammarie-lès-Lys,,,\n`;
    expect(parseRegistrantsCsv(text)).toEqual([
      { id: "a1", gender: "F", ageBand: "26-40", commune: "Melun", qpv: "Montaigu", category: "employée", household: "h1" },
      { id: "a2", gender: null, ageBand: null, commune: "Dammarie-lès-Lys", qpv: null, category: null, household: null },
    ]);
  });

  it("reads quoted cells (separators, quotes and line breaks inside), CRLF, a BOM and blank lines", () => {
    const text = `\uFEFF${HEADER}\r\n"a,1",F,"18-25","Le Mée-sur-Seine","","cadre ""sup""",\r\n\r\n"b\nc",M,,,,,\r\n`;
    expect(parseRegistrantsCsv(text).map((p) => [p.id, p.category])).toEqual([
      ["a,1", 'cadre "sup"'],
      ["b\nc", null],
    ]);
  });

  it("accepts the columns in any order, in any case, and some of them missing (unknown values)", () => {
    expect(parseRegistrantsCsv("Gender, ID\nF,x\n")).toEqual([{ id: "x", gender: "F" }]);
  });

  it("reads a semicolon-separated file (a French spreadsheet export)", () => {
    expect(parseRegistrantsCsv("id;gender;commune\nx;F;Melun, centre\n")).toEqual([{ id: "x", gender: "F", commune: "Melun, centre" }]);
  });

  it("names the line of an empty identifier, counting the lines inside quoted cells", () => {
    expect(errorOf(`${HEADER}\na1,F,,,,,\na2,M,,,,,\n ,F,,,,,\n`)).toBe("Ligne 4 : l'identifiant est vide.");
    expect(errorOf(`${HEADER}\na1,F,,"two\nlines",,,\n,F,,,,,\n`)).toBe("Ligne 4 : l'identifiant est vide.");
  });

  it("names the line of a duplicate identifier and of its first use", () => {
    expect(errorOf(`${HEADER}\na1,F,,,,,\na2,F,,,,,\na1,M,,,,,\n`)).toBe("Ligne 4 : l'identifiant « a1 » figure déjà ligne 2.");
  });

  it("names the line with too many or too few values", () => {
    expect(errorOf(`${HEADER}\na1,F,,,,,\na2,F,,\n`)).toBe("Ligne 3 : 4 valeur(s) au lieu de 7, une par colonne de l'en-tête.");
    expect(errorOf(`${HEADER}\na1,F,,,,,,x\n`)).toBe("Ligne 2 : 8 valeur(s) au lieu de 7, une par colonne de l'en-tête.");
  });

  it("explains an unknown, duplicate, unnamed or missing column", () => {
    expect(errorOf("id,gender,foo\n")).toBe(
      "Colonne inconnue « foo » : les colonnes attendues sont id, gender, ageBand, commune, qpv, category, household.",
    );
    expect(errorOf("id,gender,Gender\n")).toBe("Colonne « gender » en double dans l'en-tête.");
    expect(errorOf("id,,gender\n")).toMatch(/^Colonne sans nom \(n° 2\)/);
    expect(errorOf("gender,commune\nF,Melun\n")).toMatch(/^Colonne « id » manquante/);
  });

  it("explains an empty file and a badly quoted cell", () => {
    expect(errorOf("")).toBe(`Le fichier est vide : sa première ligne doit être l'en-tête ${HEADER}.`);
    expect(errorOf("\n\n")).toMatch(/^Le fichier est vide/);
    expect(errorOf(`${HEADER}\na1,F,,,,,\n"a2,F,,,,,\n`)).toBe("Ligne 3 : guillemet ouvert mais jamais fermé.");
    expect(errorOf(`${HEADER}\n"a1"x,F,,,,,\n`)).toMatch(/^Ligne 2 : après une valeur entre guillemets/);
  });

  it("accepts a header without people", () => {
    expect(parseRegistrantsCsv(`${HEADER}\n`)).toEqual([]);
  });
});
