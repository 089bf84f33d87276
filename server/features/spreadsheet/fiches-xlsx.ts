/**
 * Every fiche action of a contract as an Excel workbook that can be edited and
 * imported back: a « À lire » sheet with the rules, then one sheet per block of
 * the ARS template, one row per fiche, the fiche number first. The columns are
 * those of features/spreadsheet/columns.ts.
 */
import { FICHE_SHEETS, fichesTable, type FicheTableView } from "./columns.js";
import { PARTNER_ROLES } from "./lists.js";
import { DETERMINANTS, INDICATOR_KINDS, PARTNER_SECTORS, THEMES } from "../../domain/vocabulary.js";
import { rowHeight } from "../../documents/xlsx.js";
import type { DataValidation } from "exceljs";

export const README_SHEET = "À lire";
const BLUE = "FF000091";
const thin = { style: "thin" as const, color: { argb: "FFB0B0B0" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function readme(contractName: string, exportedOn: string): string[][] {
  const sheets = FICHE_SHEETS.map((s) => [`Feuille « ${s.name} »`, `Bloc « ${s.block} » de la fiche action.`]);
  return [
    [`Fiches actions — ${contractName}`],
    [`Exportées de Clés le ${exportedOn}.`],
    [],
    ["Comment modifier les fiches dans ce fichier puis les importer"],
    ["Une ligne par fiche", "Chaque feuille a une ligne par fiche. La fiche est reconnue par son numéro (première colonne « N° fiche ») : ne le modifiez pas. Pour renuméroter les fiches, utilisez Clés."],
    ["Modifier seulement", "L'import modifie les fiches existantes : il n'en crée ni n'en supprime. Un numéro inconnu est une erreur ; créez d'abord la fiche dans Clés puis exportez à nouveau."],
    ["Colonnes ignorées", "Les colonnes marquées « (rappel) » ou « (non importé) » sont là pour la lecture : elles ne sont pas importées. L'avancement et les étapes se saisissent dans le suivi de chaque fiche."],
    ["Version", "Ne modifiez pas la colonne « Version ». Si une fiche a été modifiée dans Clés depuis cet export, l'import la refuse pour ne pas écraser ces modifications : exportez à nouveau et reportez vos changements."],
    ["Listes", "Dans une cellule de liste (objectifs opérationnels, thèmes, communes, partenaires, indicateurs…), une valeur par ligne (Alt+Entrée dans Excel, Ctrl+Entrée dans LibreOffice)."],
    ["Oui / Non", "Écrivez « Oui » ou « Non », ou laissez vide si l'on ne sait pas."],
    ["Mois", "Début et fin au format MM/AAAA, par exemple 09/2021."],
    ["Porteur et partenaires", "L'organisation doit figurer dans l'annuaire du contrat (son nom exact ou son sigle). Partenaire : « Organisation — Secteur — rôles — personne » ; la personne est facultative."],
    ["Rôles des partenaires", `${Object.values(PARTNER_ROLES).join(", ")} (séparés par des virgules), ou « aucun rôle ».`],
    ["Secteurs", PARTNER_SECTORS.join(", ")],
    ["Indicateurs", `« Type — Libellé — départ : 0 — cible : 10 — unité : % » ; type : ${Object.values(INDICATOR_KINDS).join(", ")}. Un indicateur dont le libellé ne change pas garde ses mesures.`],
    ["Thèmes", `Trois au plus, parmi : ${THEMES.join(" ; ")}. Pour « Autre », écrivez « Autre : précision ».`],
    ["Déterminants", `Un à trois, un par ligne (ou séparés par « ; »), parmi : ${DETERMINANTS.join(" ; ")}.`],
    ["Budget", "Feuille « Budget » : une ligne par financement, « 2021 : 12 000 € — Financeur (acquis) » ou « (demandé) ». Le financeur est une organisation de l'annuaire du contrat (nom exact ou sigle), le montant en euros entiers, l'année celle du contrat (à un an près). Une cellule vide retire le budget de la fiche. Sans la feuille « Budget », les budgets ne changent pas."],
    ["En cas d'erreur", "Si le fichier contient une erreur, rien n'est enregistré : chaque erreur est indiquée avec sa feuille, sa cellule et ce qui ne va pas. Sinon, seules les fiches modifiées sont enregistrées, avec leur historique."],
    ["Qui peut importer", "La coordination du contrat."],
    [],
    ["Feuilles"],
    ...sheets,
  ];
}

export async function fichesWorkbook(contractName: string, fiches: readonly FicheTableView[], exportedOn: string): Promise<Buffer> {
  // Loaded on the first workbook, not at start.
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  workbook.creator = "Clés";
  workbook.title = `Fiches actions — ${contractName}`;

  const intro = workbook.addWorksheet(README_SHEET, { pageSetup: { orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  intro.columns = [{ width: 26 }, { width: 100 }];
  for (const values of readme(contractName, exportedOn)) {
    const row = intro.addRow(values);
    row.alignment = { wrapText: true, vertical: "top" };
    if (values.length === 2) row.height = rowHeight(values, [26, 100]);
    if (values.length === 1) {
      intro.mergeCells(row.number, 1, row.number, 2);
      row.font = { bold: true, size: row.number === 1 ? 14 : 12 };
    }
    else row.getCell(1).font = { bold: true };
  }

  for (const sheetDef of FICHE_SHEETS) {
    const sheet = workbook.addWorksheet(sheetDef.name, {
      views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
      pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    const { headers, rows } = fichesTable(sheetDef.columns, fiches);
    sheet.columns = sheetDef.columns.map((c) => ({ width: c.width }));
    const widths = sheetDef.columns.map((c) => c.width);
    const header = sheet.addRow(headers);
    header.height = rowHeight(headers, widths, 0.85);
    header.font = { bold: true, color: { argb: "FFFFFFFF" } };
    header.eachCell((cell, col) => {
      const exportOnly = sheetDef.columns[col - 1]!.exportOnly && col > 1;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: exportOnly ? "FF666666" : BLUE } };
      cell.alignment = { wrapText: true, vertical: "middle" };
      cell.border = border;
    });
    sheet.pageSetup.printTitlesRow = "1:1";
    for (const values of rows) {
      const row = sheet.addRow(values);
      row.height = rowHeight(values, widths);
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.alignment = { wrapText: true, vertical: "top" };
        cell.border = border;
        const def = sheetDef.columns[col - 1];
        if (def?.exportOnly && col > 1) cell.font = { color: { argb: "FF555555" } };
        // Text stays text, also when typed later: "09/2021" must not become a date, "1.1" a number.
        if (typeof cell.value !== "number") cell.numFmt = "@";
      });
    }
    // One list rule per column, over its rows (given per cell, exceljs wrote overlapping
    // duplicates: « F10:F16 » and « F2:F16 »).
    const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: DataValidation): void } }).dataValidations;
    sheetDef.columns.forEach((def, i) => {
      const list = def.choices?.join(",");
      if (!rows.length || !list || list.length > 250 || def.choices!.some((c) => c.includes(","))) return;
      const column = sheet.getColumn(i + 1).letter;
      validations.add(`${column}2:${column}${rows.length + 1}`, {
        type: "list",
        allowBlank: true,
        formulae: [`"${list}"`],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: def.header,
        error: `Choisissez une valeur de la liste : ${def.choices!.join(", ")}.`,
      });
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheetDef.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
