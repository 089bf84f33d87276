/**
 * Every fiche of a contract as a Word document, from the same columns as the Excel
 * export (columns.ts): one chapter per fiche, one table per block of the ARS template.
 */
import type { Block, Cell, DocumentModel } from "../../documents/model.js";
import { plural } from "../../domain/dates.js";
import { FICHE_SHEETS, numberColumn, versionColumn, type CellValue, type FicheTableView } from "./columns.js";

const cell = (value: CellValue): Cell => {
  if (value === null || value === "") return "—";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  const text = String(value);
  return text.includes("\n") ? { lines: text.split("\n").filter((l) => l.trim() !== "") } : text;
};

/** `template` names the region's fiche template (« au modèle de l'ARS Bourgogne-Franche-Comté »: domain/referentials.ts). */
export function fichesDocument(contractName: string, fiches: readonly FicheTableView[], exportedOn: string, template: string): DocumentModel {
  const blocks: Block[] = [];
  for (const [i, fiche] of [...fiches].sort((a, b) => a.number - b.number).entries()) {
    if (i > 0) blocks.push({ type: "pageBreak" });
    blocks.push({ type: "heading", level: 1, text: `Fiche action ${fiche.number} — ${fiche.title}` });
    for (const sheet of FICHE_SHEETS) {
      // The number is the chapter's; the version and the « (rappel) » columns are for the spreadsheet's round trip.
      const columns = sheet.columns.filter((c) => c !== numberColumn && c !== versionColumn && !c.header.includes("(rappel)"));
      if (!columns.length) continue;
      blocks.push({ type: "heading", level: 2, text: sheet.block });
      blocks.push({
        type: "table",
        columns: [
          { header: "Champ", width: 1 },
          { header: "Contenu", width: 2.4 },
        ],
        rows: columns.map((c) => ({ cells: [c.header.replace(/ \(non importé\)$/, ""), cell(c.get(fiche))] })),
      });
    }
  }
  if (!fiches.length) blocks.push({ type: "paragraph", runs: [{ text: "Ce contrat n'a aucune fiche action en cours.", italic: true }] });
  return {
    title: "Fiches actions",
    subtitle: contractName,
    runningHeader: `${contractName} — fiches actions`,
    note: `Export du ${exportedOn} : ${plural(fiches.length, "fiche")}, ${template}.`,
    author: "Clés",
    blocks,
  };
}
