/** A fiche as tables show it, and the contract's references, for the tests of the spreadsheet and the Word export. */
import type { FicheTableView } from "./columns.js";
import type { ImportReference } from "./lists.js";

export const ref: ImportReference = {
  organisations: [
    { id: "00000000-0000-4000-8000-000000000001", name: "Caisse primaire d'assurance maladie de Seine-et-Marne", shortName: "CPAM 77" },
    { id: "00000000-0000-4000-8000-000000000002", name: "Centre hospitalier — site de Melun", shortName: null },
    { id: "00000000-0000-4000-8000-000000000003", name: "Coordinateur du CLS", shortName: null },
  ],
  communes: [
    { inseeCode: "77468", name: "Torcy" },
    { inseeCode: "77288", name: "Melun" },
  ],
  axes: [
    { id: "00000000-0000-4000-8000-0000000000a1", number: 1, objectives: [{ id: "00000000-0000-4000-8000-0000000000b1", code: "1.1" }] },
    { id: "00000000-0000-4000-8000-0000000000a2", number: 2, objectives: [] },
  ],
  budgetYears: { from: 2020, to: 2024 },
};

export const fiche: FicheTableView = {
  id: "00000000-0000-4000-8000-0000000000f1",
  contractId: "00000000-0000-4000-8000-0000000000c1",
  version: 3,
  archivedAt: null,
  updatedAt: new Date("2021-09-14T10:00:00Z"),
  axisId: ref.axes[0]!.id,
  objectiveId: ref.axes[0]!.objectives[0]!.id,
  axis: { id: ref.axes[0]!.id, number: 1, title: "Offre de soins" },
  objective: { id: ref.axes[0]!.objectives[0]!.id, code: "1.1", title: "Accès aux soins" },
  number: 5,
  title: "Lutter contre le renoncement aux soins",
  status: "in_progress",
  lead: { organisation: ref.organisations[0]!.id, person: "Mme Martin", organisationName: ref.organisations[0]!.name },
  startMonth: "2021-03",
  endMonth: "2023-12",
  justification: { text: "Renoncement élevé.\nSurtout en QPV.", inequalitiesIdentified: true, cityContractHealth: "not_concerned" },
  specificObjective: "Réduire le renoncement",
  operationalObjectives: ["Former les agents", "Orienter vers la PFIDASS"],
  description: "- repérage\n- accompagnement",
  preExisting: false,
  targetPublic: "Assurés du régime général",
  place: "Melun",
  territory: { scope: "communes", communes: ["77468", "77288"] },
  determinants: ["Système de santé", "Cohésion sociale"],
  themes: [
    { theme: "Accès aux droits", other: null },
    { theme: "Autre", other: "Renoncement aux soins" },
  ],
  otherPlans: ["PRS 2", "Contrat de ville"],
  prsProjects: ["1.1", "2.3"],
  partners: [
    { sector: "Santé", organisation: ref.organisations[1]!.id, organisationName: ref.organisations[1]!.name, person: "Dr Durand", needsAnalysis: true, resourceMobilisation: false, implementation: true, coSteering: false },
    { sector: "Social", organisation: ref.organisations[2]!.id, organisationName: ref.organisations[2]!.name, person: null, needsAnalysis: false, resourceMobilisation: false, implementation: false, coSteering: false },
  ],
  participation: { involved: true, how: "Ateliers", degree: "consultation" },
  indicators: [
    { id: "00000000-0000-4000-8000-0000000000d1", kind: "result", label: "Taux de renoncement — QPV", unit: "%", baseline: 12.5, target: 8 },
    { id: "00000000-0000-4000-8000-0000000000d2", kind: "activity", label: "Nombre d'agents formés", unit: "", baseline: null, target: 40 },
  ],
  budget: {
    lines: [
      { year: 2021, amount: 12000, funder: { id: ref.organisations[0]!.id, name: ref.organisations[0]!.name }, status: "secured" },
      { year: 2022, amount: 8500, funder: { id: ref.organisations[1]!.id, name: ref.organisations[1]!.name }, status: "requested" },
    ],
    total: 20500,
    secured: 12000,
    requested: 8500,
  },
  communeLabels: ["Torcy (77468)", "Melun (77288)"],
  latestProgress: { happenedOn: "2021-09-14", text: "Rencontre avec la CPAM." },
  shownStatusLabel: "En retard",
  milestones: [
    { title: "Formation", schedule: "prévu T2 2021, réalisé le 10/06/2021", doneOn: "2021-06-10", overdue: false },
    { title: "Bilan", schedule: "prévu T4 2021", doneOn: null, overdue: true },
  ],
};
