import { describe, expect, it } from "vitest";
import type { Block, DocumentModel } from "../../documents/model.js";
import { buildAnnualReport } from "./build.js";
import { yearWithinContract } from "./governance.js";
import { input, meeting } from "./build.fixtures.js";
import { expectedMeetings, periodMonths } from "./governance.js";

const section = (model: DocumentModel, title: string): Block[] => {
  const start = model.blocks.findIndex((b) => b.type === "heading" && b.level === 1 && b.text === title);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = model.blocks.findIndex((b, i) => i > start && b.type === "heading" && b.level === 1);
  return model.blocks.slice(start + 1, end === -1 ? undefined : end);
};
const tables = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { type: "table" }> => b.type === "table");
const cellsOf = (t: Extract<Block, { type: "table" }>) => t.rows.map((r) => ("cells" in r ? r.cells.map((c) => (typeof c === "string" ? c : c.lines.join(" | "))) : [`[${r.band}]`]));
const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.type === "paragraph" ? [b.runs.map((r) => ("text" in r ? r.text : "")).join("")] : []));

describe("expected meetings", () => {
  it("counts whole months of a period and the rhythm's meetings over it", () => {
    expect(periodMonths("2021-01-01", "2021-12-31")).toBe(12);
    expect(periodMonths("2021-01-01", "2023-12-31")).toBe(36);
    expect(periodMonths("2021-09-01", "2021-12-31")).toBe(4);
    expect(expectedMeetings({ kind: "per_year", count: 2 }, 12)).toBe(2);
    expect(expectedMeetings({ kind: "per_year", count: 2 }, 36)).toBe(6);
    expect(expectedMeetings({ kind: "per_year", count: 1 }, 4)).toBe(0);
    expect(expectedMeetings({ kind: "every_months", months: 6 }, 12)).toBe(2);
    expect(expectedMeetings(null, 12)).toBeNull();
  });

  it("says which part of a year falls within the contract", () => {
    const contract = { startDate: "2021-04-01", endDate: "2023-06-30" };
    expect(yearWithinContract(2021, contract)).toEqual({ from: "2021-04-01", to: "2021-12-31" });
    expect(yearWithinContract(2023, contract)).toEqual({ from: "2023-01-01", to: "2023-06-30" });
    expect(yearWithinContract(2024, contract)).toBeNull();
    expect(yearWithinContract(2020, contract)).toBeNull();
  });
});

describe("buildAnnualReport", () => {
  const model = buildAnnualReport(input());

  it("titles the report with the year and the contract, and numbers its sections, from the synthesis to the outlook", () => {
    expect(model.title).toBe("Bilan annuel 2021");
    expect(model.subtitle).toBe("CLS de Test");
    expect(model.runningHeader).toContain("Bilan annuel 2021");
    const numbered = model.blocks.filter((b) => b.type === "heading" && b.level === 1 && b.numbered).map((b) => (b as { text: string }).text);
    expect(numbered).toEqual(["Synthèse de l'année", "Gouvernance", "Avancement des fiches actions", "Indicateurs", "Participation des habitants", "Documents publiés", "Perspectives 2022"]);
  });

  it("counts meetings held in the year against the rhythm, leaving out cancelled ones and other years, in date order", () => {
    const blocks = section(model, "Gouvernance");
    expect(texts(blocks)[0]).toBe("7 réunions d'instances tenues en 2021.");
    const [summary, ...perBody] = tables(blocks);
    expect(cellsOf(summary!)).toEqual([
      ["Comité de pilotage (COPIL)", "2 par an", "2", "1"],
      ["Comité technique (COTECH)", "un tous les 6 mois", "2", "2"],
      ["Ateliers des habitants", "Non fixé", "—", "3"],
      ["Groupe de travail « Participation des habitants »", "Non fixé", "—", "1"],
    ]);
    expect(cellsOf(perBody[1]!)).toEqual([
      ["02/03/2021", "COTECH de mars", "9"],
      ["14/09/2021", "COTECH de septembre", "14"],
    ]);
    expect(cellsOf(perBody[2]!).at(-1)).toEqual(["20/11/2021", "Atelier 3", "Non renseigné"]);
  });

  it("lists fiches by axis and number with their status at the end of the year, milestones and the year's progress", () => {
    const [table] = tables(section(model, "Avancement des fiches actions"));
    const rows = cellsOf(table!);
    expect(rows.map((r) => r[0])).toEqual(["[Axe 1 — Accès aux soins]", "FA 1", "FA 2", "[Axe 2 — Santé mentale]", "FA 5"]);
    expect(rows[1]!.slice(2)).toEqual(["Réalisée", "Aucune", "Aucun avancement enregistré en 2021."]);
    expect(rows[2]!.slice(2, 4)).toEqual(["En retard", "1 réalisée / 2 prévues"]);
    expect(rows[4]![4]).toBe("02/04/2021 : Première session de formation. | 02/11/2021 : Deuxième session de formation.");
  });

  it("never cuts a progress entry, and counts the entries beyond three without an ellipsis", () => {
    const long = "Mise en place d'un parcours de soins et de prévention pour les personnes âgées isolées, ".repeat(4).trim();
    const many = buildAnnualReport(input({ progress: [1, 2, 3, 4, 5].map((n) => ({ actionId: "f1", happenedOn: `2021-0${n}-10`, text: n === 1 ? long : `Point ${n}.` })) }));
    const [table] = tables(section(many, "Avancement des fiches actions"));
    const cell = cellsOf(table!)[1]![4]!;
    expect(cell).toContain(long);
    expect(cell).toContain("Et 2 autres points d'avancement");
    expect(cell).not.toContain("…");
  });

  it("shows each indicator against its target with the last value of the year, and a chart per measured indicator", () => {
    const blocks = section(model, "Indicateurs");
    expect(blocks[0]).toMatchObject({ type: "heading", level: 2, text: "FA 5 — Premiers secours en santé mentale" });
    expect(cellsOf(tables(blocks)[0]!)).toEqual([
      ["Sessions organisées", "—", "4", "Non mesuré", "—"],
      ["Personnes formées", "0 personnes", "40 personnes", "20 personnes (01/12/2021)", "50 %"],
    ]);
    const images = blocks.filter((b) => b.type === "image");
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ alt: "Évolution de l'indicateur « Personnes formées » jusqu'au 31/12/2021" });
    expect((images[0] as { svg: string }).svg.startsWith("<svg")).toBe(true);
  });

  it("states a single value without a chart, and gathers the indicators never measured in one table", () => {
    const report = buildAnnualReport(
      input({
        indicators: [
          { id: "i1", actionId: "f5", label: "Sessions organisées", unit: "", baseline: null, target: 4, position: 0 },
          { id: "i3", actionId: "f2", label: "Professionnels installés", unit: "", baseline: null, target: 5, position: 0 },
          { id: "i4", actionId: "f1", label: "Réunions de coordination", unit: "", baseline: null, target: 10, position: 0 },
        ],
        measurements: [{ indicatorId: "i1", measuredOn: "2021-10-01", value: 2 }],
      }),
    );
    const blocks = section(report, "Indicateurs");
    expect(blocks.filter((b) => b.type === "image")).toHaveLength(0);
    const [fa5, others] = tables(blocks);
    expect(cellsOf(fa5!)).toEqual([["Sessions organisées", "—", "4", "2 (01/10/2021)", "50 %"]]);
    expect(others!.caption).toBe("Indicateurs sans mesure au 31/12/2021");
    expect(cellsOf(others!)).toEqual([
      ["FA 1", "Réunions de coordination", "10"],
      ["FA 2", "Professionnels installés", "5"],
    ]);
    expect(blocks.some((b) => b.type === "heading" && b.text.startsWith("FA 2 —"))).toBe(false);
  });

  it("counts participants of participation meetings from head counts or those present, with a total", () => {
    const blocks = section(model, "Participation des habitants");
    expect(texts(blocks)[0]).toBe("3 rencontres de participation des habitants en 2021, 35 participants au total (participants non renseignés pour 1 rencontre).");
    const rows = cellsOf(tables(blocks)[0]!);
    expect(rows.map((r) => r[2])).toEqual(["Sondage", "Atelier 2", "Atelier 3", "Total"]);
    expect(rows.at(-1)![3]).toBe("35");
  });

  it("says the number of participants is unknown when no participation meeting has one, not « 0 participant »", () => {
    const blocks = section(buildAnnualReport(input({ meetings: [meeting("h1", "hab", "2021-06-30", { title: "Sondage" })] })), "Participation des habitants");
    expect(texts(blocks)[0]).toBe("1 rencontre de participation des habitants en 2021 ; le nombre de participants n'a pas été renseigné.");
    expect(cellsOf(tables(blocks)[0]!).at(-1)![3]).toBe("Non renseigné");
  });

  it("lists a professionals' working group on participation apart, never counting its members as residents", () => {
    const blocks = section(model, "Participation des habitants");
    expect(texts(blocks)).toContain("La participation des habitants a été préparée en 1 réunion de travail entre professionnels, dont les participants ne sont pas comptés parmi les habitants.");
    expect(cellsOf(tables(blocks)[1]!)).toEqual([["21/09/2021", "Groupe de travail « Participation des habitants »", "Groupe de travail participation"]]);
    const onlyProfessionals = buildAnnualReport(input({ meetings: [meeting("g1", "gt", "2021-09-21", { title: "Groupe de travail participation", headCount: 4 })] }));
    expect(texts(section(onlyProfessionals, "Participation des habitants"))).toEqual([
      "Aucune rencontre avec les habitants n'a été tenue en 2021.",
      "La participation des habitants a été préparée en 1 réunion de travail entre professionnels.",
    ]);
  });

  it("lists the reviews published in the year with their version and day", () => {
    const rows = cellsOf(tables(section(model, "Documents publiés"))[0]!);
    expect(rows).toEqual([
      ["Revue trimestrielle T3 2021", "1", "12/10/2021", "Marie Dupont", "—"],
      ["Revue trimestrielle T3 2021", "2", "20/10/2021", "Marie Dupont", "Chiffres corrigés"],
    ]);
  });

  it("lists the reviews shared before Clés in the year, so that a report of those years does not say none was published", () => {
    const sharedReviews = [
      { year: 2021, quarter: 2, sharedOn: "2021-07-15", note: "Envoyée par courriel aux signataires" },
      { year: 2021, quarter: 1, sharedOn: "2021-04-12", note: "" },
      { year: 2020, quarter: 4, sharedOn: "2021-01-08", note: "" },
      { year: 2021, quarter: 4, sharedOn: "2022-01-12", note: "" },
    ];
    const onlyShared = buildAnnualReport(input({ publications: [], sharedReviews }));
    const blocks = section(onlyShared, "Documents publiés");
    expect(texts(blocks)).toEqual(["3 revues trimestrielles partagées avec les acteurs du contrat en 2021 hors de Clés."]);
    expect(cellsOf(tables(blocks)[0]!)).toEqual([
      ["Revue trimestrielle T4 2020", "08/01/2021", ""],
      ["Revue trimestrielle T1 2021", "12/04/2021", ""],
      ["Revue trimestrielle T2 2021", "15/07/2021", "Envoyée par courriel aux signataires"],
    ]);
    const both = section(buildAnnualReport(input({ sharedReviews: sharedReviews.slice(0, 1) })), "Documents publiés");
    expect(texts(both)).toEqual(["2 versions publiées de revues trimestrielles en 2021.", "1 revue trimestrielle partagée avec les acteurs du contrat en 2021 hors de Clés."]);
  });

  it("says in French when a section is empty", () => {
    const empty = buildAnnualReport(input({ meetings: [], fiches: [], indicators: [], measurements: [], publications: [] }));
    expect(texts(section(empty, "Gouvernance"))).toEqual(["Aucune réunion d'instance n'a été tenue en 2021."]);
    expect(texts(section(empty, "Avancement des fiches actions"))).toEqual(["Ce contrat n'a encore aucune fiche action."]);
    expect(texts(section(empty, "Indicateurs"))).toEqual(["Aucune fiche de ce contrat n'a d'indicateur défini."]);
    expect(texts(section(empty, "Participation des habitants"))).toEqual(["Aucune rencontre de participation des habitants n'a été tenue en 2021."]);
    expect(texts(section(empty, "Documents publiés"))).toEqual(["Aucune revue trimestrielle n'a été publiée en 2021."]);
    const unmeasured = buildAnnualReport(input({ measurements: [] }));
    expect(texts(section(unmeasured, "Indicateurs"))).toEqual(["Aucun indicateur n'a été mesuré au 31/12/2021."]);
  });
});
