import { describe, expect, it } from "vitest";
import { buildCotechTable, contractYears, type TableInput } from "./cotech-table.js";
import { projectFiches } from "../actions/fiches.js";
import { statusByAxis } from "./service.js";
import type { ActionStatus } from "../../domain/statuses.js";

const base: TableInput = {
  year: 2021,
  today: "2021-09-14",
  axes: [
    { id: "ax2", number: 2, title: "Parcours" },
    { id: "ax1", number: 1, title: "Offre de soins" },
  ],
  objectives: [{ id: "o11", axisId: "ax1", code: "1.1", title: "Attractivité", position: 0 }],
  fiches: projectFiches([
    { id: "fa3", axisId: "ax1", objectiveId: "o11", number: 3, title: "Accueil", status: "in_progress", mergedIntoId: null, specificObjective: "Attirer" },
    { id: "fa1", axisId: "ax1", objectiveId: "o11", number: 1, title: "Étude", status: "in_progress", mergedIntoId: null, specificObjective: "" },
    { id: "fa9", axisId: "ax2", objectiveId: null, number: 9, title: "Femmes", status: "not_started", mergedIntoId: "fa1", specificObjective: "" },
  ].map((f) => ({ ...f, status: f.status as ActionStatus, startMonth: null, endMonth: null })), [
    { id: "m1", actionId: "fa3", title: "Bourse", plannedBy: "2021-06-30", originallyBy: "2021-06-30", doneOn: null },
    { id: "m2", actionId: "fa3", title: "Internat", plannedBy: "2022-03-31", originallyBy: "2021-06-30", doneOn: null },
    { id: "m3", actionId: "fa3", title: "Plus tard", plannedBy: "2022-12-31", originallyBy: "2022-12-31", doneOn: null },
  ], "2021-09-14"),
  indicators: [{ actionId: "fa3", label: "Étudiants accueillis", target: 10, unit: "étudiants" }],
  progress: [
    { id: "p1", actionId: "fa3", happenedOn: "2021-09-14", text: "Au COTECH" },
    { id: "p0", actionId: "fa3", happenedOn: "2021-06-15", text: "En juin" },
    { id: "p2", actionId: "fa3", happenedOn: "2020-12-01", text: "L'an passé" },
  ],
  remaining: [
    { id: "r1", actionId: "fa3", text: "Ouvert", doneOn: null },
    { id: "r2", actionId: "fa3", text: "Fait en 2020", doneOn: "2020-11-02" },
  ],
  adjustments: [
    { id: "a1", actionId: "fa1", kind: "merge", description: "", status: "proposed", doneOn: null, targetNumber: 11 },
    { id: "a2", actionId: "fa1", kind: "reschedule", description: "Décaler", status: "done", doneOn: "2020-05-01", targetNumber: null },
  ],
  items: [
    { id: "i2", section: "process", title: "Revues", adjustments: "", position: 1, version: 1 },
    { id: "i1", section: "process", title: "Référents", adjustments: "", position: 0, version: 1 },
    { id: "i3", section: "transversal", title: "Démocratie sanitaire", adjustments: "", position: 0, version: 1 },
  ],
  mayUpdate: (id) => id === "fa3",
};

describe("building the COTECH table", () => {
  const table = buildCotechTable(base);

  it("orders axes by number, fiches by number under their objective, and keeps fiches without an objective", () => {
    expect(table.axes.map((a) => a.number)).toEqual([1, 2]);
    expect(table.axes[0]!.objectives[0]!.rows.map((r) => r.action.number)).toEqual([1, 3]);
    expect(table.axes[1]!.objectives).toEqual([expect.objectContaining({ id: null, rows: [expect.objectContaining({ action: expect.objectContaining({ number: 9, shownStatus: "merged" }) })] })]);
  });

  it("keeps the year's milestones (planned, first planned or done in it), progress in date order, open remaining work", () => {
    const fa3 = table.axes[0]!.objectives[0]!.rows[1]!;
    expect(fa3.action.shownStatus).toBe("late");
    expect(fa3.planned.map((m) => [m.title, m.label, m.overdue])).toEqual([
      ["Bourse", "prévu T2 2021", true],
      ["Internat", "prévu T2 2021, reporté T1 2022", false],
    ]);
    expect(fa3.progress.map((p) => p.text)).toEqual(["En juin", "Au COTECH"]);
    expect(fa3.remaining.map((r) => r.text)).toEqual(["Ouvert"]);
    expect(fa3.criteria).toEqual(["Étudiants accueillis (cible : 10 étudiants)"]);
    expect(fa3.permissions.update).toBe(true);
  });

  it("names the merge's target and drops adjustments done in another year", () => {
    const fa1 = table.axes[0]!.objectives[0]!.rows[0]!;
    expect(fa1.adjustments.map((a) => a.kindLabel)).toEqual(["Fusionner avec la FA 11"]);
    expect(fa1.permissions.update).toBe(false);
  });

  it("orders the transversal and process rows", () => {
    expect(table.process.map((p) => p.title)).toEqual(["Référents", "Revues"]);
    expect(table.transversal.map((p) => p.title)).toEqual(["Démocratie sanitaire"]);
  });
});

describe("the years of a contract", () => {
  it("lists its calendar years and picks this year, clamped to the period", () => {
    expect(contractYears("2021-01-01", "2023-12-31", "2022-05-01")).toEqual({ years: [2021, 2022, 2023], current: 2022 });
    expect(contractYears("2021-01-01", "2023-12-31", "2026-11-23").current).toBe(2023);
    expect(contractYears("2019-11-07", "2022-12-31", "2018-01-01").current).toBe(2019);
  });
});

describe("fiches by status per axis", () => {
  it("counts the shown status and totals per axis", () => {
    const counts = statusByAxis(base.axes, base.fiches);
    expect(counts.map((a) => [a.number, a.total, a.counts.late, a.counts.in_progress, a.counts.merged])).toEqual([
      [1, 2, 1, 1, 0],
      [2, 1, 0, 0, 1],
    ]);
  });
});
