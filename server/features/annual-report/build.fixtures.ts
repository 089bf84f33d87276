/** A small contract's year (CAMVS-like), for the annual report's pure tests. */
import type { AnnualReportInput } from "./input.js";

export const meeting = (id: string, bodyId: string, day: string, extra: Partial<AnnualReportInput["meetings"][number]> = {}) => ({
  id,
  bodyId,
  title: `Réunion ${id}`,
  startedOn: day,
  endedOn: day,
  cancelled: false,
  headCount: null,
  presentCount: 0,
  ...extra,
});

export function input(overrides: Partial<AnnualReportInput> = {}): AnnualReportInput {
  return {
    year: 2021,
    today: "2022-03-01",
    contract: { name: "CLS de Test", startDate: "2021-01-01", endDate: "2023-12-31" },
    author: "Marie Dupont",
    bodies: [
      { id: "copil", name: "Comité de pilotage (COPIL)", kind: "copil", rhythm: { kind: "per_year", count: 2 }, participation: false },
      { id: "cotech", name: "Comité technique (COTECH)", kind: "cotech", rhythm: { kind: "every_months", months: 6 }, participation: false },
      { id: "hab", name: "Ateliers des habitants", kind: "residents", rhythm: null, participation: true },
      { id: "gt", name: "Groupe de travail « Participation des habitants »", kind: "working_group", rhythm: null, participation: true },
    ],
    meetings: [
      meeting("c2", "cotech", "2021-09-14", { title: "COTECH de septembre", headCount: 14 }),
      meeting("c1", "cotech", "2021-03-02", { title: "COTECH de mars", presentCount: 9 }),
      meeting("c0", "cotech", "2020-12-01", { title: "COTECH de 2020", headCount: 10 }),
      meeting("x", "copil", "2021-06-01", { title: "COPIL annulé", cancelled: true }),
      meeting("p1", "copil", "2021-12-07", { title: "COPIL 2021", presentCount: 6 }),
      meeting("h2", "hab", "2021-10-05", { title: "Atelier 2", headCount: 18 }),
      meeting("h1", "hab", "2021-06-30", { title: "Sondage", headCount: 17 }),
      meeting("h3", "hab", "2021-11-20", { title: "Atelier 3" }),
      meeting("g1", "gt", "2021-09-21", { title: "Groupe de travail participation", headCount: 4 }),
    ],
    axes: [
      { id: "a2", number: 2, title: "Santé mentale" },
      { id: "a1", number: 1, title: "Accès aux soins" },
    ],
    fiches: [
      { id: "f5", axisId: "a2", number: 5, title: "Premiers secours en santé mentale", status: "in_progress", mergedIntoId: null },
      { id: "f2", axisId: "a1", number: 2, title: "Installation des professionnels", status: "in_progress", mergedIntoId: null },
      { id: "f1", axisId: "a1", number: 1, title: "Coordination du CLS", status: "done", mergedIntoId: null },
    ],
    milestones: [
      { actionId: "f2", title: "Étape faite", plannedBy: "2021-06-30", originallyBy: "2021-06-30", doneOn: "2021-06-15" },
      { actionId: "f2", title: "Étape en retard", plannedBy: "2021-09-30", originallyBy: "2021-09-30", doneOn: null },
      { actionId: "f2", title: "Étape 2022", plannedBy: "2022-06-30", originallyBy: "2022-06-30", doneOn: null },
    ],
    progress: [
      { actionId: "f5", happenedOn: "2021-11-02", text: "Deuxième session de formation." },
      { actionId: "f5", happenedOn: "2021-04-02", text: "Première session de formation." },
      { actionId: "f5", happenedOn: "2020-04-02", text: "Hors de l'année." },
    ],
    indicators: [
      { id: "i2", actionId: "f5", label: "Personnes formées", unit: "personnes", baseline: 0, target: 40, position: 1 },
      { id: "i1", actionId: "f5", label: "Sessions organisées", unit: "", baseline: null, target: 4, position: 0 },
    ],
    measurements: [
      { indicatorId: "i2", measuredOn: "2021-06-01", value: 10 },
      { indicatorId: "i2", measuredOn: "2021-12-01", value: 20 },
      { indicatorId: "i2", measuredOn: "2022-02-01", value: 35 },
    ],
    publications: [
      { year: 2021, quarter: 3, number: 2, publishedOn: "2021-10-20", publishedByName: "Marie Dupont", correctionNote: "Chiffres corrigés" },
      { year: 2021, quarter: 3, number: 1, publishedOn: "2021-10-12", publishedByName: "Marie Dupont", correctionNote: "" },
      { year: 2021, quarter: 4, number: 1, publishedOn: "2022-01-10", publishedByName: "Marie Dupont", correctionNote: "" },
    ],
    sharedReviews: [],
    texts: null,
    ...overrides,
  };
}
