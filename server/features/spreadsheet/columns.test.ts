import { describe, expect, it } from "vitest";
import { parseLabel, parseMonth, parseNumber, parseYesNo } from "./cells.js";
import { ALL_COLUMNS, FICHE_SHEETS, fichesTable, milestonesSummary, type FicheTableView } from "./columns.js";
import { fiche, ref } from "./columns.fixtures.js";
import { indicatorLine, matchIndicators, parseCommunes, parseDeterminants, parseIndicators, parsePartners, parseThemes, partnerLine } from "./lists.js";
import { budgetCellLines, parseBudgetCell } from "./budget-cell.js";
import { columnLetter, planImport, type SheetGrid } from "./plan.js";
import { ACTION_STATUSES } from "../../domain/statuses.js";
import { cellInput } from "./import.js";

/** The grids of an export of `fiches`, as the import reads them. */
function exportGrids(fiches: FicheTableView[]): SheetGrid[] {
  return FICHE_SHEETS.map((s) => {
    const t = fichesTable(s.columns, fiches);
    return { name: s.name, headers: t.headers, rows: t.rows.map((cells, i) => ({ row: i + 2, cells })) };
  });
}

describe("cells", () => {
  it("reads yes/no, labels, months and numbers as people type them", () => {
    expect(parseYesNo("oui")).toEqual({ ok: true, value: true });
    expect(parseYesNo(" NON ")).toEqual({ ok: true, value: false });
    expect(parseYesNo(null)).toEqual({ ok: true, value: null });
    expect(parseYesNo("Peut-être")).toMatchObject({ ok: false, error: expect.stringMatching(/« Oui » ou « Non »/) });
    expect(parseLabel("realisee", ACTION_STATUSES, "un statut")).toEqual({ ok: true, value: "done" });
    expect(parseLabel("Terminée", ACTION_STATUSES, "un statut")).toMatchObject({ ok: false });
    expect(parseMonth("9/2021")).toEqual({ ok: true, value: "2021-09" });
    expect(parseMonth("2021-09")).toEqual({ ok: true, value: "2021-09" });
    expect(parseMonth(new Date(Date.UTC(2021, 8, 1)))).toEqual({ ok: true, value: "2021-09" });
    expect(parseMonth("01/09/2021")).toEqual({ ok: true, value: "2021-09" });
    // Left to the API's month schema, whose message says the expected form.
    expect(parseMonth("septembre")).toEqual({ ok: true, value: "septembre" });
    expect(parseNumber("1 200,5")).toBe(1200.5);
    expect(parseNumber("douze")).toBeNull();
    expect(cellInput({ richText: [{ text: "Santé " }, { text: "mentale", font: { bold: true } }] })).toBe("Santé mentale");
    expect(cellInput({ formula: "A1", result: "En cours" })).toBe("En cours");
    expect(cellInput({ text: "Lien", hyperlink: "https://example.org" })).toBe("Lien");
    expect(cellInput(undefined as never)).toBeNull();
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(27)).toBe("AA");
  });
});

describe("list cells", () => {
  it("writes and reads back partners, organisation names holding a dash included", () => {
    const lines = fiche.partners.map(partnerLine);
    expect(lines).toEqual(["Centre hospitalier — site de Melun — Santé — analyse des besoins, mise en œuvre — Dr Durand", "Coordinateur du CLS — Social — aucun rôle"]);
    expect(parsePartners(lines.join("\n"), ref)).toEqual({ ok: true, value: fiche.partners.map(({ organisationName: _n, ...p }) => p) });
    expect(parsePartners("cpam 77 – sante – co-pilotage, Mise en oeuvre", ref)).toMatchObject({ ok: true, value: [{ organisation: ref.organisations[0]!.id, sector: "Santé", coSteering: true, implementation: true, needsAnalysis: false }] });
    expect(parsePartners("Mairie de Torcy — Santé — co-pilotage", ref)).toMatchObject({ ok: false, error: expect.stringMatching(/n'est pas dans l'annuaire/) });
    expect(parsePartners("Coordinateur du CLS — Santé — financement\nCPAM 77", ref)).toMatchObject({ ok: false, error: expect.stringMatching(/^ligne 1 : rôle « financement » inconnu.* ; ligne 2 : écrivez « Organisation — Secteur — rôles »/) });
  });

  it("writes and reads back indicators, themes and communes", () => {
    const lines = fiche.indicators.map(indicatorLine);
    expect(lines).toEqual(["Résultat — Taux de renoncement — QPV — départ : 12,5 — cible : 8 — unité : %", "Activité — Nombre d'agents formés — cible : 40"]);
    expect(parseIndicators(lines.join("\n"))).toEqual({ ok: true, value: fiche.indicators.map(({ id: _i, ...i }) => i) });
    expect(parseIndicators("Résultat — Taux — cible : beaucoup")).toMatchObject({ ok: false, error: "« beaucoup » n'est pas un nombre (cible)." });
    expect(parseIndicators("Impact — Taux")).toMatchObject({ ok: false });
    expect(parseThemes("sante mentale\nAutre : Renoncement")).toEqual({ ok: true, value: [{ theme: "Santé mentale", other: null }, { theme: "Autre", other: "Renoncement" }] });
    expect(parseThemes("Jardinage")).toMatchObject({ ok: false, error: expect.stringMatching(/^« Jardinage » n'est pas un thème de la liste/) });
    expect(parseCommunes("Torcy (77468)\nmelun", ref)).toEqual({ ok: true, value: ["77468", "77288"] });
    expect(parseCommunes("Paris", ref)).toMatchObject({ ok: false, error: "La commune « Paris » ne fait pas partie du territoire du contrat." });
  });

  it("keeps the ids of indicators by label, else by place", () => {
    const existing = fiche.indicators;
    const lines = [
      { kind: "activity" as const, label: "Nombre d'agents formés", unit: "", baseline: null, target: 50 },
      { kind: "result" as const, label: "Taux de renoncement", unit: "%", baseline: 12.5, target: 8 },
      { kind: "process" as const, label: "Nouveau", unit: "", baseline: null, target: null },
    ];
    expect(matchIndicators(lines, existing).map((i) => i.id)).toEqual([existing[1]!.id, existing[0]!.id, undefined]);
  });
});

describe("the columns", () => {
  it("are declared once, with unique keys, the number first in every sheet", () => {
    const keys = ALL_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of FICHE_SHEETS) {
      expect(s.columns[0]!.key).toBe("number");
      expect(s.name.length).toBeLessThanOrEqual(31);
    }
    expect(ALL_COLUMNS.filter((c) => c.exportOnly).map((c) => c.key)).toEqual(["number", "axisTitle", "shownStatus", "latestProgress", "milestones", "budgetTotals"]);
  });

  it("make a table usable by any document", () => {
    const table = fichesTable(ALL_COLUMNS, [fiche]);
    const cell = (key: string) => table.rows[0]![ALL_COLUMNS.findIndex((c) => c.key === key)];
    expect(table.headers[0]).toBe("N° fiche");
    expect(cell("status")).toBe("En cours");
    expect(cell("startMonth")).toBe("03/2021");
    expect(cell("cityContractHealth")).toBe("Non concerné");
    expect(cell("themes")).toBe("Accès aux droits\nAutre : Renoncement aux soins");
    expect(cell("territoryCommunes")).toBe("Torcy (77468)\nMelun (77288)");
    expect(cell("latestProgress")).toBe("14/09/2021 : Rencontre avec la CPAM.");
    expect(cell("milestones")).toBe("2 étapes dont 1 réalisée, 1 en retard\nBilan (prévu T4 2021, en retard)");
    expect(milestonesSummary([])).toBeNull();
    expect(cell("determinants")).toBe("Système de santé\nCohésion sociale");
    expect(cell("budget")).toBe("2021 : 12\u202f000\u202f€ — Caisse primaire d'assurance maladie de Seine-et-Marne (acquis)\n2022 : 8\u202f500\u202f€ — Centre hospitalier — site de Melun (demandé)");
    expect(cell("budgetTotals")).toBe("20\u202f500\u202f€ dont 12\u202f000\u202f€ acquis et 8\u202f500\u202f€ demandés");
  });
});

describe("determinant cells", () => {
  it("read one to three determinants, one per line or separated by « ; », old short labels included", () => {
    expect(parseDeterminants("Système de santé\ncohesion sociale")).toEqual({ ok: true, value: ["Système de santé", "Cohésion sociale"] });
    expect(parseDeterminants("Comportements ; Facteurs psychosociaux")).toEqual({ ok: true, value: ["Facteurs comportementaux (style de vie)", "Facteurs psychosociaux et environnement social"] });
    expect(parseDeterminants(null)).toEqual({ ok: true, value: [] });
    expect(parseDeterminants("Système de santé\nClimat")).toMatchObject({ ok: false, error: expect.stringMatching(/^ligne 2 : « Climat » n'est pas un déterminant de la liste/) });
  });
});

describe("budget cells", () => {
  it("write and read back a fiche's budget, its funders named or by short name", () => {
    const lines = budgetCellLines(fiche.budget.lines);
    const expected = fiche.budget.lines.map((l) => ({ year: l.year, amount: l.amount, funderId: l.funder.id, status: l.status }));
    expect(parseBudgetCell(lines.join("\n"), ref)).toEqual({ ok: true, value: expected });
    expect(parseBudgetCell(lines.join(" ; "), ref)).toEqual({ ok: true, value: expected });
    expect(parseBudgetCell("2021 : 12 000 euros — cpam 77 (Acquis) ; 2022 : 8500 — Centre hospitalier — site de Melun (demandée)", ref)).toEqual({ ok: true, value: expected });
    expect(parseBudgetCell("", ref)).toEqual({ ok: true, value: [] });
  });

  it("name the line and what is wrong with it", () => {
    expect(parseBudgetCell("2021 : 500 € — Mairie de Torcy (acquis)", ref)).toMatchObject({ ok: false, error: expect.stringMatching(/Mairie de Torcy » n'est pas dans l'annuaire/) });
    expect(parseBudgetCell("2021 : 500 € — CPAM 77 (promis)", ref)).toMatchObject({ ok: false, error: "« promis » : indiquez « acquis » ou « demandé » entre parenthèses après le financeur." });
    expect(parseBudgetCell("2021 : 500 € — CPAM 77 (acquis)\n500 € CPAM", ref)).toMatchObject({ ok: false, error: expect.stringMatching(/^ligne 2 : « 500 € CPAM » : écrivez « 2021 : 12 000 € — Financeur \(acquis\) »/) });
  });
});

describe("the import plan", () => {
  it("finds nothing to change in an export read back", () => {
    expect(planImport(exportGrids([fiche]), [fiche], ref)).toEqual({ errors: [], changes: [], unchanged: 1 });
  });

  it("changes what the cells changed, and only that", () => {
    const grids = exportGrids([fiche]);
    grids[0]!.rows[0]!.cells[5] = "Réalisée";
    grids[0]!.rows[0]!.cells[9] = "06/2022";
    grids[5]!.rows[0]!.cells[2] = "Activité — Nombre d'agents formés — cible : 60";
    const plan = planImport(grids, [fiche], ref);
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toHaveLength(1);
    const body = plan.changes[0]!.body;
    expect(body).toMatchObject({ status: "done", endMonth: "2022-06", version: 3, title: fiche.title });
    expect(body.indicators).toEqual([{ id: fiche.indicators[1]!.id, kind: "activity", label: "Nombre d'agents formés", unit: "", baseline: null, target: 60 }]);
  });

  it("maps the API's validation errors to their cell", () => {
    const grids = exportGrids([fiche]);
    grids[0]!.rows[0]!.cells[5] = "Réalisée";
    grids[0]!.rows[0]!.cells[9] = "12/2099";
    grids[4]!.rows[0]!.cells[3] = "Non";
    const plan = planImport(grids, [fiche], ref);
    expect(plan.errors.map((e) => [`${e.sheet}!${e.column}${e.row}`, e.message])).toEqual([
      ["Identification!J2", "FA 5 : Une fiche réalisée ne peut pas finir dans le futur : corrigez la fin ou le statut."],
      ["Partenaires!F2", "FA 5 : Le degré de participation ne se renseigne que si les habitants sont associés."],
    ]);
  });

  it("reads determinants under the old header with the old short labels, and refuses to drop them all", () => {
    const grids = exportGrids([fiche]);
    const typology = grids.find((g) => g.name === "Typologie")!;
    typology.headers[2] = "Déterminant visé";
    typology.rows[0]!.cells[2] = "Comportements";
    const plan = planImport(grids, [fiche], ref);
    expect(plan.errors).toEqual([]);
    expect(plan.changes[0]!.body.determinants).toEqual(["Facteurs comportementaux (style de vie)"]);
    typology.rows[0]!.cells[2] = "Système de santé; Système de santé";
    expect(planImport(grids, [fiche], ref).errors.map((e) => [`${e.sheet}!${e.column}${e.row}`, e.message])).toEqual([["Typologie!C2", "FA 5 : Ce déterminant est déjà choisi."]]);
    typology.rows[0]!.cells[2] = null;
    expect(planImport(grids, [fiche], ref).errors.map((e) => [`${e.sheet}!${e.column}${e.row}`, e.message])).toEqual([["Typologie!C2", "FA 5 : Choisissez de un à trois déterminants de santé visés par l'action."]]);
    // A fiche that never had any (imported before determinants were asked for) may stay without.
    const none = { ...fiche, determinants: [] };
    expect(planImport(exportGrids([none]), [none], ref)).toEqual({ errors: [], changes: [], unchanged: 1 });
  });

  it("replaces the budget from its cell, leaves it alone without the sheet, and checks amounts and years", () => {
    const grids = exportGrids([fiche]);
    const budget = grids.find((g) => g.name === "Budget")!;
    budget.rows[0]!.cells[2] = "2023 : 4 000 € — Coordinateur du CLS (demandé)";
    expect(planImport(grids, [fiche], ref).changes[0]!.body.budgets).toEqual([{ year: 2023, amount: 4000, funderId: ref.organisations[2]!.id, status: "requested" }]);
    budget.rows[0]!.cells[2] = null;
    expect(planImport(grids, [fiche], ref).changes[0]!.body.budgets).toEqual([]);
    budget.rows[0]!.cells[2] = "2019 : 4 000 € — Coordinateur du CLS (demandé)\n2023 : 4 000,50 € — CPAM 77 (acquis)";
    expect(planImport(grids, [fiche], ref).errors.map((e) => [`${e.sheet}!${e.column}${e.row}`, e.message])).toEqual([
      ["Budget!C2", "FA 5 : L'année 2019 est hors de la période du contrat : choisissez une année entre 2020 et 2024."],
    ]);
    budget.rows[0]!.cells[2] = "2023 : 4 000,50 € — CPAM 77 (acquis)";
    expect(planImport(grids, [fiche], ref).errors.map((e) => [`${e.sheet}!${e.column}${e.row}`, e.message])).toEqual([["Budget!C2", "FA 5 : Le montant s'écrit en euros entiers, sans centimes."]]);
    // A file exported before the « Budget » sheet existed changes nothing of the budget.
    expect(planImport(exportGrids([fiche]).filter((g) => g.name !== "Budget"), [fiche], ref)).toEqual({ errors: [], changes: [], unchanged: 1 });
  });

  it("reports missing sheets and columns, duplicate and unnumbered rows", () => {
    const grids = exportGrids([fiche]).filter((g) => g.name !== "Typologie");
    grids[0]!.headers[1] = "Titre";
    grids[1]!.rows.push({ row: 3, cells: [5, null, "Autre justification"] }, { row: 4, cells: [null, null, "Sans numéro"] });
    const plan = planImport(grids, [fiche], ref);
    expect(plan.errors.map((e) => `${e.sheet}!${e.column}${e.row}`)).toEqual(["Identification!B1", "Justification!A3", "Justification!A4", "Typologie!A1"]);
    expect(plan.errors[0]!.message).toBe("La colonne « Intitulé » est absente de la ligne 1 : ne renommez ni ne supprimez les colonnes de l'export.");
    expect(plan.errors[1]!.message).toBe("La fiche FA 5 figure deux fois dans cette feuille (lignes 2 et 3).");
  });
});
