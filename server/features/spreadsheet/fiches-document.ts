/**
 * Every fiche of a contract as a Word document laid out as the ARS fiche action (the
 * CAPVM annex): its header, then the blocks Justification, Description, Typologie et
 * thématique, Partenaires et participation, Suivi et évaluation (and the budget when
 * there is one). Each block says what is filled in: a field left empty is not a row of
 * « — », and the spreadsheet's import hints (« MM/AAAA », « un par ligne ») stay in the
 * spreadsheet.
 */
import type { Block, Cell, DocumentModel, Inline, TableRow } from "../../documents/model.js";
import { frenchNumber, knownDate, monthSpan, plural } from "../../domain/dates.js";
import { budgetTotalsText, euros } from "../../domain/budget.js";
import { CITY_CONTRACT_ANSWERS, FUNDING_STATUSES, INDICATOR_KINDS, PARTICIPATION_DEGREES, TERRITORY_SCOPES } from "../../domain/vocabulary.js";
import type { FicheTableView } from "./columns.js";
import { themeLine } from "./lists.js";

/** A row of a block's two-column table: its label and what is filled in (null: the row is left out). */
type Field = [label: string, value: Cell | null];

const FIELD_COLUMNS = [
  { header: "Rubrique", width: 1 },
  { header: "Contenu", width: 2.6 },
];

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const filled = (s: string | null | undefined): s is string => !!s && s.trim() !== "";
const yesNo = (b: boolean | null) => (b === null ? null : b ? "Oui" : "Non");
/** Several values in one cell: one line each; one value as it is; none: null. */
const several = (values: readonly string[]): Cell | null => (values.length > 1 ? { lines: [...values] } : (values[0] ?? null));

/** The paragraphs of a free text, as typed (one per non-empty line). */
const prose = (value: string): Block[] =>
  value
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ type: "paragraph", runs: [{ text: l }] }));

/** The ARS fiche's questions and their answers, each in one paragraph: « Question ? Oui. » */
const answers = (pairs: [question: string, answer: string | null][]): Block[] =>
  pairs.filter((p): p is [string, string] => p[1] !== null).map(([q, a]): Block => ({ type: "paragraph", runs: [{ text: `${q} `, bold: true }, { text: a }] }));

const fieldTable = (fields: Field[]): Block[] => {
  const rows: TableRow[] = fields.filter((f): f is [string, Cell] => f[1] !== null && f[1] !== "").map(([label, value]) => ({ cells: [label, value] }));
  return rows.length ? [{ type: "table", columns: FIELD_COLUMNS, rows }] : [];
};

const numbered = (label: string, values: readonly string[]): Field[] => (values.length > 1 ? values.map((v, i): Field => [`${label} ${i + 1}`, v]) : [[label, values[0] ?? null]]);

function header(f: FicheTableView): Block[] {
  const lead = f.lead ? [f.lead.organisationName, ...(filled(f.lead.person) ? [f.lead.person] : [])].join(" — ") : null;
  const period = monthSpan(f.startMonth, f.endMonth);
  return fieldTable([
    ["Axe stratégique", `Axe ${f.axis.number} : ${f.axis.title}`],
    ["Objectif du contrat", f.objective ? `${f.objective.code} — ${f.objective.title}` : null],
    ["Intitulé de l'action", f.title],
    ["Porteur de l'action", lead],
    ["Période", period ? capitalised(period) : null],
    ["Statut", f.shownStatusLabel],
  ]);
}

function justification(f: FicheTableView): Block[] {
  return [
    ...prose(f.justification.text),
    ...answers([
      ["Des inégalités sociales et territoriales de santé ont-elles été repérées ?", yesNo(f.justification.inequalitiesIdentified)],
      ["La problématique de l'action est-elle intégrée dans le volet santé du contrat de ville ?", f.justification.cityContractHealth ? CITY_CONTRACT_ANSWERS[f.justification.cityContractHealth] : null],
    ]),
  ];
}

function description(f: FicheTableView): Block[] {
  const territory = f.territory.scope === "communes" && f.communeLabels.length ? { lines: [TERRITORY_SCOPES.communes, ...f.communeLabels] } : TERRITORY_SCOPES[f.territory.scope];
  const text = prose(f.description);
  return [
    ...fieldTable([
      ["Objectif spécifique", f.specificObjective || null],
      ...numbered("Objectif opérationnel", f.operationalObjectives.filter(filled)),
      ["Public cible", f.targetPublic || null],
      ["Lieu de l'action", f.place || null],
      ["Territoire", territory],
    ]),
    ...(text.length ? [{ type: "heading", level: 3, text: "Description de l'action" } as Block, ...text] : []),
    ...answers([["L'action est-elle déjà mise en œuvre (préexistante à la dynamique du CLS) ?", yesNo(f.preExisting)]]),
  ];
}

function typology(f: FicheTableView): Block[] {
  return fieldTable([
    [f.determinants.length > 1 ? "Déterminants visés" : "Déterminant visé", several(f.determinants)],
    ...numbered("Thème", f.themes.map(themeLine)),
    ["Articulation avec d'autres plans locaux", several(f.otherPlans.filter(filled))],
    ["Projets du Projet régional de santé", f.prsProjects.join(", ") || null],
  ]);
}

const ROLE_COLUMNS = [
  ["needsAnalysis", "Analyse des besoins"],
  ["resourceMobilisation", "Mobilisation de ressources"],
  ["implementation", "Mise en œuvre"],
  ["coSteering", "Co-pilotage"],
] as const;

function partners(f: FicheTableView): Block[] {
  const table: Block[] = f.partners.length
    ? [
        {
          type: "table",
          caption: "Partenaires de l'action et leur rôle",
          columns: [{ header: "Secteur", width: 1 }, { header: "Partenaire", width: 2.2 }, ...ROLE_COLUMNS.map(([, header]) => ({ header, width: 1 }))],
          rows: f.partners.map((p) => ({ cells: [p.sector, filled(p.person) ? `${p.organisationName} (${p.person})` : p.organisationName, ...ROLE_COLUMNS.map(([key]) => (p[key] ? "Oui" : ""))] })),
        },
      ]
    : [];
  const how = filled(f.participation.how) ? f.participation.how : null;
  return [
    ...table,
    ...answers([
      ["Une démarche participative est-elle mise en œuvre afin d'associer les habitants à l'action ?", f.participation.involved === null ? null : `${yesNo(f.participation.involved)}${f.participation.involved && how ? ` : ${how}` : ""}`],
      ["Quel degré ?", f.participation.degree ? PARTICIPATION_DEGREES[f.participation.degree] : null],
    ]),
  ];
}

const measure = (value: number | null, unit: string | null) => (value === null ? "" : `${frenchNumber(value)}${unit ? ` ${unit}` : ""}`);

function followUp(f: FicheTableView, exportedOn: string): Block[] {
  const indicators: Block[] = f.indicators.length
    ? [
        {
          type: "table",
          caption: "Indicateurs",
          columns: [{ header: "Type", width: 0.9 }, { header: "Indicateur", width: 3 }, { header: "Valeur de départ", width: 1 }, { header: "Cible", width: 1 }],
          rows: f.indicators.map((i) => ({ cells: [INDICATOR_KINDS[i.kind], i.label, measure(i.baseline, i.unit), measure(i.target, i.unit)] })),
        },
      ]
    : [];
  const progress: Block[] = f.latestProgress
    ? [{ type: "paragraph", runs: [{ text: `Dernier avancement (${knownDate(f.latestProgress.happenedOn, f.latestProgress.happenedOnPrecision)}) : `, bold: true }, { text: f.latestProgress.text }] }]
    : [];
  const steps: Block[] = f.milestones.length
    ? [
        { type: "paragraph", runs: [{ text: `Étapes du rétroplanning au ${exportedOn} :`, bold: true }] },
        { type: "list", ordered: false, items: f.milestones.map((m): Inline[] => [{ text: `${m.title} — ${m.schedule}${m.overdue ? ", en retard" : ""}` }]) },
      ]
    : [];
  return [...indicators, ...progress, ...steps];
}

function budget(f: FicheTableView): Block[] {
  if (!f.budget.lines.length) return [];
  const totals = budgetTotalsText(f.budget);
  return [
    {
      type: "table",
      caption: "Budget de l'action, par année et financeur",
      columns: [{ header: "Année", width: 0.7 }, { header: "Financeur", width: 3 }, { header: "Montant", width: 1.1 }, { header: "Financement", width: 1 }],
      rows: f.budget.lines.map((l) => ({ cells: [String(l.year), l.funder.name, euros(l.amount), FUNDING_STATUSES[l.status]] })),
    },
    ...(totals ? [{ type: "paragraph", runs: [{ text: "Total : ", bold: true }, { text: totals }] } as Block] : []),
  ];
}

const NOT_FILLED: Block = { type: "paragraph", runs: [{ text: "Non renseigné.", italic: true }] };

/** One fiche as the ARS fiche action: its blocks in the template's order. */
export function ficheBlocks(f: FicheTableView, exportedOn: string): Block[] {
  const sections: [title: string, content: Block[], optional?: boolean][] = [
    ["Justification", justification(f)],
    ["Description", description(f)],
    ["Typologie et thématique", typology(f)],
    ["Partenaires et participation", partners(f)],
    ["Suivi et évaluation", followUp(f, exportedOn)],
    ["Budget et financeurs", budget(f), true],
  ];
  return [
    { type: "heading", level: 1, text: `Fiche action ${f.number} — ${f.title}` },
    ...header(f),
    ...sections.flatMap(([title, content, optional]) => (content.length || !optional ? [{ type: "heading", level: 2, text: title } as Block, ...(content.length ? content : [NOT_FILLED])] : [])),
  ];
}

/** `template` names the region's fiche template (« au modèle de l'ARS Bourgogne-Franche-Comté »: domain/referentials.ts). */
export function fichesDocument(contractName: string, fiches: readonly FicheTableView[], exportedOn: string, template: string): DocumentModel {
  const blocks: Block[] = [...fiches]
    .sort((a, b) => a.number - b.number)
    .flatMap((fiche, i) => [...(i > 0 ? [{ type: "pageBreak" } as Block] : []), ...ficheBlocks(fiche, exportedOn)]);
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
