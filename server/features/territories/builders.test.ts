/** The territory overview's pure builders: facts, filters, rows, aggregates, sorting, file tables, the open-data descriptor. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { committeeFacts, contractFacts, ficheFacts, type FicheFacts, type RowsOfFacts } from "./facts.js";
import { aggregates, bothHold, budgetByFunder, fundersShown, contractMatches, contractRow, ficheMatches, filtered, sortRows, themeByPrs, type DirectoryEntry } from "./overview.js";
import { cellsOf, FICHES_TABLE, OVERVIEW_TABLE, tableCsv } from "./exports.js";
import { dataPackage, pathOf, readme, RESOURCES } from "./open-data-schema.js";
import { scopeLabelOf } from "./scope.js";

const TODAY = "2022-05-10";

const ficheRow = (over: Partial<RowsOfFacts["fiches"][number]> = {}): RowsOfFacts["fiches"][number] => ({
  id: "f1",
  contractId: "c1",
  number: 1,
  title: "Fiche",
  status: "in_progress",
  mergedIntoId: null,
  axisNumber: 1,
  themes: [],
  determinants: [],
  prsProjects: [],
  startMonth: null,
  endMonth: null,
  leadOrganisation: null,
  openMilestone: null,
  progressThisQuarter: false,
  ...over,
});

const fiche = (over: Partial<FicheFacts> = {}): FicheFacts => ({ ...ficheFacts(ficheRow(), [], [], TODAY), ...over });

const entry = (over: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id: "c1",
  slug: "c1",
  name: "CLS 1",
  localAuthority: "CA 1",
  startDate: "2021-01-01",
  endDate: "2023-12-31",
  status: "running",
  departements: ["77"],
  ...over,
});

describe("the facts of a fiche", () => {
  it("is late from its earliest open milestone overdue, as the shown-status rule says", () => {
    expect(ficheFacts(ficheRow({ openMilestone: "2022-05-09" }), [], [], TODAY)).toMatchObject({ shownStatus: "late", lateSince: "2022-05-09", active: true });
    expect(ficheFacts(ficheRow({ openMilestone: "2022-05-10" }), [], [], TODAY)).toMatchObject({ shownStatus: "in_progress", lateSince: null });
    expect(ficheFacts(ficheRow({ openMilestone: "2020-01-01", status: "done" }), [], [], TODAY)).toMatchObject({ shownStatus: "done", active: false });
    expect(ficheFacts(ficheRow({ mergedIntoId: "f2", openMilestone: "2020-01-01" }), [], [], TODAY).shownStatus).toBe("merged");
  });

  it("counts its indicators measured within 12 months, sums its budget by funder, names its themes", () => {
    const f = ficheFacts(
      ficheRow({ themes: [{ theme: "Autre", other: " Jardins partagés " }, { theme: "Santé mentale", other: null }], prsProjects: ["2.3", " 2.3", ""] }),
      ["2022-01-01", "2021-05-10", "2021-05-11", null],
      [
        { actionId: "f1", funder: "CPAM", status: "secured", amount: 1000 },
        { actionId: "f1", funder: "CPAM", status: "requested", amount: 500 },
        { actionId: "f1", funder: "ARS", status: "secured", amount: 200 },
      ],
      TODAY,
    );
    expect(f).toMatchObject({ indicators: 4, indicatorsMeasured: 2, secured: 1200, requested: 500, prsCodes: ["2.3"] });
    expect(f.funders).toEqual([
      { name: "ARS", secured: 200, requested: 0 },
      { name: "CPAM", secured: 1000, requested: 500 },
    ]);
    expect(f.themes).toEqual(["Autre : Jardins partagés", "Santé mentale"]);
    expect(f.themeKeys).toEqual(["Autre", "Santé mentale"]);
  });
});

describe("the committees of a contract", () => {
  const body = (over: Partial<RowsOfFacts["bodies"][number]> = {}): RowsOfFacts["bodies"][number] => ({
    contractId: "c1",
    kind: "copil",
    name: "COPIL",
    rhythmKind: "per_year",
    rhythmValue: 2,
    since: "2021-01-01",
    endDate: "2023-12-31",
    lastHeld: null,
    lastHeldInPeriod: null,
    ...over,
  });
  it("holds its rhythm when the last meeting is recent enough, with the dashboard's alert otherwise", () => {
    expect(committeeFacts([body({ lastHeld: "2022-01-15", lastHeldInPeriod: "2022-01-15" })], TODAY)).toEqual({ lastOn: "2022-01-15", holds: true, alert: null });
    const behind = committeeFacts([body({ lastHeld: "2021-06-01", lastHeldInPeriod: "2021-06-01" })], TODAY);
    expect(behind).toMatchObject({ lastOn: "2021-06-01", holds: false });
    expect(behind.alert).toBe("Aucun COPIL depuis 11 mois : le contrat en prévoit 2 par an.");
  });
  it("has no rhythm without a body or a rhythm, and counts up to the contract's end once over", () => {
    expect(committeeFacts([], TODAY)).toEqual({ lastOn: null, holds: null, alert: null });
    expect(committeeFacts([body({ rhythmKind: null, rhythmValue: null, lastHeld: "2022-01-01" })], TODAY)).toEqual({ lastOn: "2022-01-01", holds: null, alert: null });
    const over = committeeFacts([body({ endDate: "2021-12-31", lastHeld: "2021-10-01", lastHeldInPeriod: "2021-10-01" })], TODAY);
    expect(over.holds).toBe(true);
  });
  it("gives every contract facts, with or without fiches, and its latest review", () => {
    const facts = contractFacts(["c1", "c2"], { fiches: [ficheRow()], indicators: [], budgets: [], bodies: [], reviews: [{ contractId: "c2", year: 2022, quarter: 1, publishedAt: new Date("2022-04-05T10:00:00Z") }] }, TODAY);
    expect(facts.get("c1")!.fiches).toHaveLength(1);
    expect(facts.get("c2")).toMatchObject({ fiches: [], lastReview: { year: 2022, quarter: 1, publishedOn: "2022-04-05" } });
  });
});

describe("filters", () => {
  it("keeps contracts by status people see and by period", () => {
    expect(contractMatches(entry(), { status: "running" }, TODAY)).toBe(true);
    expect(contractMatches(entry({ status: "signed" }), { status: "running" }, TODAY)).toBe(true);
    expect(contractMatches(entry({ endDate: "2022-01-01" }), { status: "to_evaluate" }, TODAY)).toBe(true);
    expect(contractMatches(entry(), { year: 2020 }, TODAY)).toBe(false);
    expect(contractMatches(entry(), { year: 2023 }, TODAY)).toBe(true);
    expect(contractMatches(entry(), { from: "2024-01-01" }, TODAY)).toBe(false);
    expect(contractMatches(entry(), { to: "2020-12-31" }, TODAY)).toBe(false);
    expect(contractMatches(entry(), { from: "2023-12-31", to: "2030-01-01" }, TODAY)).toBe(true);
  });
  it("keeps fiches by theme, determinant and PRS code, and contracts with a fiche kept", () => {
    const f = fiche({ themeKeys: ["Santé mentale"], determinants: ["Cohésion sociale"], prsCodes: ["2.3"] });
    expect(ficheMatches(f, { theme: "Santé mentale", determinant: "Cohésion sociale", prsCode: "2.3" })).toBe(true);
    expect(ficheMatches(f, { theme: "Addiction" })).toBe(false);
    expect(ficheMatches(f, { prsCode: "1.1" })).toBe(false);
    const facts = new Map([["c1", { contractId: "c1", fiches: [f], copil: { lastOn: null, holds: null, alert: null }, cotech: { lastOn: null, holds: null, alert: null }, lastReview: null }]]);
    expect(filtered([entry()], facts, { theme: "Addiction" }, TODAY)).toEqual([]);
    expect(filtered([entry()], facts, {}, TODAY)).toHaveLength(1);
  });
});

describe("rows and aggregates", () => {
  const committees = { copil: { lastOn: null, holds: true, alert: null }, cotech: { lastOn: null, holds: null, alert: null }, lastReview: null };
  it("makes one row of figures per contract", () => {
    const fiches = [fiche({ shownStatus: "late", active: true, progressThisQuarter: true, indicators: 2, indicatorsMeasured: 1, secured: 10, requested: 5 }), fiche({ id: "f2", shownStatus: "done", active: false, indicators: 2 })];
    const row = contractRow(entry(), { contractId: "c1", fiches, ...committees }, fiches, TODAY);
    expect(row).toMatchObject({
      status: "running",
      statusLabel: "En cours",
      fiches: { total: 2, byStatus: { late: 1, done: 1, in_progress: 0 } },
      late: 1,
      progress: { active: 1, withProgress: 1, share: 1 },
      indicators: { total: 4, measured: 1, share: 0.25 },
      budget: { total: 15, secured: 10, requested: 5 },
      rhythmHolds: true,
    });
    expect(contractRow(entry(), { contractId: "c1", fiches: [], ...committees }, [], TODAY).progress.share).toBeNull();
  });
  it("joins the two committees: behind if either is, unknown only if both are", () => {
    expect([bothHold(true, null), bothHold(null, null), bothHold(true, false), bothHold(null, true)]).toEqual([true, null, false, true]);
  });
  it("counts fiches by theme and PRS code, once per theme and code each fiche names", () => {
    const table = themeByPrs([fiche({ themeKeys: ["Addiction", "Santé mentale"], prsCodes: ["10.1", "2.3"] }), fiche({ id: "f2", themeKeys: ["Addiction"] }), fiche({ id: "f3" })]);
    expect(table.prsCodes).toEqual(["2.3", "10.1"]);
    expect(table.rows).toEqual([
      { theme: "Addiction", cells: [1, 1], withoutCode: 1, total: 2 },
      { theme: "Santé mentale", cells: [1, 1], withoutCode: 0, total: 1 },
      { theme: "Sans thème", cells: [0, 0], withoutCode: 1, total: 1 },
    ]);
  });
  it("adds up funders by name across contracts", () => {
    const lines = budgetByFunder([
      fiche({ contractId: "c1", funders: [{ name: "CPAM de Seine-et-Marne", secured: 100, requested: 0 }] }),
      fiche({ contractId: "c2", funders: [{ name: "cpam de  Seine-et-Marne ", secured: 0, requested: 50 }, { name: "Ville", secured: 500, requested: 0 }] }),
    ]);
    expect(lines).toEqual([
      { name: "Ville", secured: 500, requested: 0, total: 500, contractCount: 1 },
      { name: "CPAM de Seine-et-Marne", secured: 100, requested: 50, total: 150, contractCount: 2 },
    ]);
  });
  it("names the 30 largest funders and sums the others", () => {
    const lines = Array.from({ length: 32 }, (_, i) => ({ name: `F${i}`, secured: 100 - i, requested: 0, total: 100 - i, contractCount: 1 }));
    const shown = fundersShown(lines);
    expect(shown.byFunder).toHaveLength(30);
    expect(shown.otherFunders).toEqual({ count: 2, secured: 69 + 70, requested: 0, total: 139 });
  });
  it("lists the late fiches, the longest late first, and counts governance", () => {
    const fiches = [fiche({ id: "a", shownStatus: "late", lateSince: "2022-03-01" }), fiche({ id: "b", shownStatus: "late", lateSince: "2021-01-01" })];
    const row = contractRow(entry(), { contractId: "c1", fiches, ...committees }, fiches, TODAY);
    const agg = aggregates([row, { ...row, rhythmHolds: false }, { ...row, rhythmHolds: null }], fiches, new Map([["c1", "CLS 1"]]));
    expect(agg.late.items.map((i) => i.id)).toEqual(["b", "a"]);
    expect(agg.late.items[0]!.contractName).toBe("CLS 1");
    expect(agg.governance).toEqual({ holding: 1, behind: 1, noRhythm: 1 });
  });
  it("sorts rows, then by name so that pages never overlap", () => {
    const a = contractRow(entry({ id: "a", name: "Bêta" }), { contractId: "a", fiches: [], ...committees }, [], TODAY);
    const b = contractRow(entry({ id: "b", name: "Alpha" }), { contractId: "b", fiches: [], ...committees }, [], TODAY);
    const c = contractRow(entry({ id: "c", name: "Gamma", startDate: "2019-01-01" }), { contractId: "c", fiches: [], ...committees }, [], TODAY);
    expect(sortRows([a, b, c], "name", "asc").map((r) => r.name)).toEqual(["Alpha", "Bêta", "Gamma"]);
    expect(sortRows([a, b, c], "start", "asc").map((r) => r.name)).toEqual(["Gamma", "Alpha", "Bêta"]);
    expect(sortRows([a, b, c], "start", "desc").map((r) => r.name)).toEqual(["Alpha", "Bêta", "Gamma"]);
  });
});

describe("the files", () => {
  it("writes one CSV row per contract for Excel in French, formulas escaped", () => {
    const fiches = [fiche({ secured: 10 })];
    const row = contractRow(entry({ name: "=HYPERLINK(\"x\")" }), { contractId: "c1", fiches, copil: { lastOn: "2022-01-15", holds: true, alert: null }, cotech: { lastOn: null, holds: null, alert: null }, lastReview: { year: 2022, quarter: 1, publishedOn: "2022-04-05" } }, fiches, TODAY);
    const csv = tableCsv(OVERVIEW_TABLE, [row]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, line] = parse(csv, { delimiter: ";", bom: true }) as string[][];
    expect(header).toHaveLength(OVERVIEW_TABLE.columns.length);
    const cell = (name: string) => line![header!.indexOf(name)];
    expect(cell("Contrat")).toBe("'=HYPERLINK(\"x\")");
    expect(cell("Dernier COPIL")).toBe("15/01/2022");
    expect(cell("Rythme du COPIL")).toBe("Tenu");
    expect(cell("Rythme du COTECH")).toBe("Aucun rythme prévu");
    expect(cell("Dernière revue publiée")).toBe("T1 2022");
    expect(cell("Budget total (€)")).toBe("10");
  });
  it("writes one row per fiche with its contract", () => {
    const cells = cellsOf(FICHES_TABLE, [{ contract: entry(), fiche: fiche({ themes: ["Addiction"], prsCodes: ["1.1", "2.3"], funders: [{ name: "ARS", secured: 5, requested: 5 }], secured: 5, requested: 5 }) }]);
    const at = (h: string) => cells[0]![FICHES_TABLE.columns.findIndex((c) => c.header === h)];
    expect([at("Contrat"), at("Projets du PRS"), at("Budget total (€)"), at("Financeurs"), at("Statut")]).toEqual(["CLS 1", "1.1 ; 2.3", 10, "ARS : 10 €", "En cours"]);
  });
});

describe("the open-data descriptor", () => {
  it("describes each CSV file with a Table Schema whose keys name existing fields and resources", () => {
    const pkg = dataPackage("Région Île-de-France", new Date("2022-05-10T08:00:00Z"));
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.resources.map((r) => r.path)).toEqual(RESOURCES.map(pathOf));
    const names = new Set(pkg.resources.map((r) => r.name));
    for (const r of pkg.resources) {
      const fields = new Set(r.schema.fields.map((f) => f.name));
      expect(fields.size, r.name).toBe(r.schema.fields.length);
      for (const f of r.schema.fields) expect(f.description.length, `${r.name}.${f.name}`).toBeGreaterThan(10);
      for (const key of r.schema.primaryKey ?? []) expect(fields.has(key)).toBe(true);
      for (const fk of r.schema.foreignKeys ?? []) {
        expect(fk.fields.every((f) => fields.has(f)), r.name).toBe(true);
        expect(names.has(fk.reference.resource), r.name).toBe(true);
      }
    }
    const personal = /lead_person|pilote|participant|compte_rendu|auteur|email|courriel|telephone|nom_personne/;
    expect(JSON.stringify(pkg.resources.map((r) => r.schema.fields.map((f) => f.name)))).not.toMatch(personal);
    expect(readme("Région Île-de-France", "2022-05-10")).toContain("`fiches.csv`");
  });
  it("names a set of départements as its region when it is one", () => {
    expect(scopeLabelOf(["75", "77", "78", "91", "92", "93", "94", "95"])).toBe("Région Île-de-France");
    expect(scopeLabelOf(["77"])).toBe("Département 77");
    expect(scopeLabelOf(["21", "77"])).toBe("Départements 21, 77");
  });
});
